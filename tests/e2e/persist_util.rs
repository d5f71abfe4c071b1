//! Helpers shared by the saved-jobs and offline e2e tests.

use crate::harness::{poll, Browser};
use fantoccini::Locator;
use serde_json::Value;
use std::time::Duration;

/// Runs `script` (a function body returning a value) until it returns `true` (up to `secs`,
/// checking every 20 ms).
pub async fn wait_js(browser: &Browser, script: &str, secs: u64, what: &str) {
    poll(Duration::from_secs(secs), what, || async {
        match browser.client.execute(script, vec![]).await {
            Ok(Value::Bool(true)) => Ok(()),
            other => Err(format!("{other:?}")),
        }
    })
    .await
}

/// Evaluates `script` (a function body) and returns its value.
pub async fn js(browser: &Browser, script: &str) -> Value {
    browser
        .client
        .execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("script failed: {script}: {e}"))
}

/// The headline estimate in kg (`data-value` of `[data-testid=emissions-kg]`), once rendered.
pub async fn headline_kg(browser: &Browser) -> f64 {
    browser.wait_text("#main [data-testid=emissions-kg]").await;
    let el = browser
        .client
        .find(Locator::Css("#main [data-testid=emissions-kg]"))
        .await
        .expect("headline");
    let raw = el
        .attr("data-value")
        .await
        .ok()
        .flatten()
        .unwrap_or_default();
    raw.parse().unwrap_or(f64::NAN)
}

/// Types `name` and clicks "Save current job"; waits until the list has `expected` jobs.
pub async fn save_job(browser: &Browser, name: &str, expected: usize) {
    let input = browser
        .client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("[data-testid=save-name]"))
        .await
        .expect("the name field");
    input.send_keys(name).await.expect("type a name");
    click(browser, "[data-testid=save-job]").await;
    wait_js(
        browser,
        &format!(
            "return document.querySelectorAll('[data-testid=saved-job]').length === {expected};"
        ),
        10,
        "the saved job in the list",
    )
    .await;
}

/// Clicks the first element matching `css`.
pub async fn click(browser: &Browser, css: &str) {
    browser
        .client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("cannot click {css}: {e}"));
}

/// The names shown in the saved-jobs list.
pub async fn job_names(browser: &Browser) -> Vec<String> {
    let v = js(
        browser,
        "return [...document.querySelectorAll('[data-testid=saved-job-name]')].map(e => e.textContent);",
    )
    .await;
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// SEVERE console entries that are not failed network requests. With the server stopped,
/// Chromium logs refused connections (e.g. the worker's network-first page request) as SEVERE
/// "net::ERR_…" / "Failed to load resource" entries; those are expected offline and ignored.
pub async fn console_errors_except_network(browser: &Browser) -> Vec<Value> {
    browser
        .console()
        .await
        .into_iter()
        .filter(|e| e["level"] == "SEVERE")
        .filter(|e| {
            let msg = e["message"].as_str().unwrap_or("");
            !(msg.contains("net::ERR_") || msg.contains("Failed to load resource"))
        })
        .collect()
}
