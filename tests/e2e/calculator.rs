//! The calculator page through the release build: defaults, every input kind, share links, bad
//! input, the suggestion click, the input → result latency, and screenshots.

use crate::harness::{dist_dir, poll, Browser, StaticServer, POLL_TIMEOUT};
use serde_json::{json, Value};
use std::time::Duration;

mod bad_input;
mod draw;
mod lifecycle;
mod look;
mod other_data;

const HOOKS: [&str; 5] = [
    "energy-kwh",
    "emissions-kg",
    "emissions-kg-low",
    "emissions-kg-high",
    "emissions-market-kg",
];

async fn open(browser: &Browser, url: &str) {
    browser.client.goto(url).await.expect("open the app");
    browser.wait_text("#main [data-testid=emissions-kg]").await;
}

/// The `data-value` of a result hook, as a number (NaN when absent).
async fn value(browser: &Browser, hook: &str) -> f64 {
    let js = "const e = document.querySelector(`[data-testid=${arguments[0]}]`); \
              return e ? e.dataset.value : null;";
    let v = browser
        .client
        .execute(js, vec![json!(hook)])
        .await
        .expect("script");
    v.as_str().and_then(|s| s.parse().ok()).unwrap_or(f64::NAN)
}

async fn values(browser: &Browser) -> Vec<f64> {
    let mut out = Vec::new();
    for hook in HOOKS {
        out.push(value(browser, hook).await);
    }
    out
}

/// Sets a text input's value (as typing would) or a select's value, firing input/change.
async fn set(browser: &Browser, css: &str, text: &str) {
    let js = "const e = document.querySelector(arguments[0]); if (!e) return false; \
              e.value = arguments[1]; \
              e.dispatchEvent(new Event(e.tagName === 'SELECT' ? 'change' : 'input', {bubbles: true})); \
              return true;";
    let ok = browser
        .client
        .execute(js, vec![json!(css), json!(text)])
        .await
        .expect("script");
    assert_eq!(ok, json!(true), "no element matches {css}");
}

async fn click(browser: &Browser, css: &str) {
    let js = "const e = document.querySelector(arguments[0]); if (!e) return false; e.click(); return true;";
    let ok = browser
        .client
        .execute(js, vec![json!(css)])
        .await
        .expect("script");
    assert_eq!(ok, json!(true), "no element matches {css}");
}

/// Waits until the result hook `hook` differs from `before` (and is a number); returns it.
async fn hook_changed(browser: &Browser, hook: &str, before: f64, what: &str) -> f64 {
    poll(
        Duration::from_secs(5),
        &format!("{what} to change {hook} from {before}"),
        || async {
            let now = value(browser, hook).await;
            if now.is_finite() && now != before {
                Ok(now)
            } else {
                Err(now.to_string())
            }
        },
    )
    .await
}

/// Waits until the headline differs from `before` and returns the new value.
async fn changed(browser: &Browser, before: f64, what: &str) -> f64 {
    let now = hook_changed(browser, "emissions-kg", before, what).await;
    println!("{what}: {before:.3} → {now:.3} kg");
    now
}

async fn texts(browser: &Browser, css: &str) -> Vec<String> {
    let js = "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent);";
    let v = browser
        .client
        .execute(js, vec![json!(css)])
        .await
        .expect("script");
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn defaults_render_and_every_input_kind_updates_the_result() {
    let server = StaticServer::start(&dist_dir(), 0, "/").expect("serve dist");
    let browser = Browser::start(1280, 1000).await;
    open(&browser, &server.url()).await;
    let v = values(&browser).await;
    // The market-based figure may be 0 (AWS's annual renewable match covers 100 %).
    assert!(
        v[..4].iter().all(|x| x.is_finite() && *x > 0.0) && v[4] >= 0.0,
        "defaults: {v:?}"
    );
    assert!(v[2] <= v[1] && v[1] <= v[3], "low ≤ central ≤ high: {v:?}");
    let mut kg = v[1];

    // The formula trace (mounted just after the headline) is tagged to see whether it is rebuilt.
    let tag_trace = "const li = document.querySelector('.trace-steps li'); \
                     if (!li) return null; li.mlcalcTag = 1; \
                     return document.querySelector('[data-testid=trace-summary]').textContent;";
    let summary = browser
        .poll_js(
            tag_trace,
            vec![],
            POLL_TIMEOUT,
            "the formula trace to mount",
        )
        .await;
    assert!(summary.is_string(), "the formula trace did not mount");

    set(&browser, "#f-hours", "48").await;
    let doubled = changed(&browser, kg, "hours").await;
    assert!((doubled / kg - 2.0).abs() < 1e-9, "48 h is twice 24 h");
    // The trace's numbers followed, in place: the same step element, a new summary.
    let after = browser
        .client
        .execute(
            "return [document.querySelector('.trace-steps li').mlcalcTag === 1, \
                     document.querySelector('[data-testid=trace-summary]').textContent];",
            vec![],
        )
        .await
        .expect("read the trace");
    assert_eq!(after[0], json!(true), "the trace steps were rebuilt");
    assert_ne!(
        after[1], summary,
        "the trace summary did not follow the hours"
    );
    assert!(
        after[1].as_str().unwrap_or_default().contains("48"),
        "the trace summary lacks the new hours: {}",
        after[1]
    );
    kg = doubled;
    set(&browser, "#f-n", "4").await;
    kg = changed(&browser, kg, "devices").await;
    set(&browser, "#f-runs", "3").await;
    kg = changed(&browser, kg, "runs").await;
    set(&browser, "#f-util", "70").await;
    kg = changed(&browser, kg, "utilization").await;
    set(&browser, "#f-w", "250").await;
    kg = changed(&browser, kg, "measured power").await;
    set(&browser, "#f-w", "").await;
    kg = changed(&browser, kg, "measured power cleared").await;
    set(&browser, "#f-hw", "h100-sxm").await;
    kg = changed(&browser, kg, "hardware").await;
    set(&browser, "#f-region", "us-west-2").await;
    kg = changed(&browser, kg, "region").await;
    set(&browser, "#f-provider", "gcp").await;
    kg = changed(&browser, kg, "provider").await;
    set(&browser, "#f-pue", "1.5").await;
    kg = changed(&browser, kg, "pue").await;
    let market = value(&browser, "emissions-market-kg").await;
    set(&browser, "#f-mkt", "50").await;
    hook_changed(&browser, "emissions-market-kg", market, "market %").await;
    set(&browser, "#f-cores", "16").await;
    kg = changed(&browser, kg, "cpu cores").await;
    set(&browser, "#f-mem", "256").await;
    kg = changed(&browser, kg, "memory").await;
    click(&browser, "#duration-kind-flops").await;
    kg = changed(&browser, kg, "workload in FLOPs").await;
    set(&browser, "#f-mfu", "20").await;
    kg = changed(&browser, kg, "mfu").await;
    click(&browser, "#duration-kind-training").await;
    kg = changed(&browser, kg, "parameters × tokens").await;
    set(&browser, "#f-tokens", "1e11").await;
    kg = changed(&browser, kg, "tokens").await;
    // Grid zone mode starts on the region's own zone (same grid, same PUE override).
    click(&browser, "#loc-kind-zone").await;
    set(&browser, "#f-zone", "FR").await;
    kg = changed(&browser, kg, "zone FR").await;
    click(&browser, "#loc-kind-custom").await;
    set(&browser, "#f-ci", "700").await;
    kg = changed(&browser, kg, "custom intensity").await;
    click(&browser, "#compute-kind-instance").await;
    kg = changed(&browser, kg, "cloud instance").await;
    set(&browser, "#f-n", "2").await;
    changed(&browser, kg, "instances").await;
    assert!(texts(&browser, "[data-testid=input-error]")
        .await
        .is_empty());
    browser.assert_no_console_errors().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn a_share_url_reproduces_the_numbers_after_reload() {
    let server = StaticServer::start(&dist_dir(), 0, "/").expect("serve dist");
    let browser = Browser::start(1280, 1000).await;
    open(&browser, &server.url()).await;
    let kg = value(&browser, "emissions-kg").await;
    set(&browser, "#f-hw", "v100-sxm2-32gb").await;
    let kg = changed(&browser, kg, "hardware").await;
    set(&browser, "#f-hours", "120").await;
    let kg = changed(&browser, kg, "hours").await;
    click(&browser, "#loc-kind-zone").await;
    let kg = changed(&browser, kg, "zone").await;
    set(&browser, "#f-zone", "DE").await;
    changed(&browser, kg, "zone DE").await;
    let market = value(&browser, "emissions-market-kg").await;
    set(&browser, "#f-mkt", "25").await;
    hook_changed(&browser, "emissions-market-kg", market, "market 25 %").await;
    let url = browser
        .wait_url(|u| u.contains("h=120") && u.contains("mkt=25"))
        .await;
    let before = values(&browser).await;
    println!("share url: {url}");
    assert!(
        url.contains("hw=v100-sxm2-32gb")
            && url.contains("h=120")
            && url.contains("loc=grid/DE")
            && url.contains("mkt=25"),
        "{url}"
    );
    browser.close().await;

    // A fresh browser (no draft in storage): the link alone must reproduce the estimate.
    let fresh = Browser::start(1280, 1000).await;
    open(&fresh, &url).await;
    assert_eq!(values(&fresh).await, before);
    fresh.client.refresh().await.expect("reload");
    fresh.wait_text("#main [data-testid=emissions-kg]").await;
    assert_eq!(values(&fresh).await, before);
    assert!(texts(&fresh, "[data-testid=url-problem]").await.is_empty());
    fresh.assert_no_console_errors().await;
    fresh.close().await;
}

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn the_suggestion_click_switches_the_location() {
    let server = StaticServer::start(&dist_dir(), 0, "/").expect("serve dist");
    let browser = Browser::start(1280, 1000).await;
    open(&browser, &server.url()).await;
    let kg = value(&browser, "emissions-kg").await;
    let target: Value = browser
        .client
        .execute(
            "const b = document.querySelector('[data-testid=suggest-same]'); \
             return b ? [b.dataset.provider, b.dataset.region] : null;",
            vec![],
        )
        .await
        .expect("script");
    println!("suggested: {target}");
    click(&browser, "[data-testid=suggest-same]").await;
    let after = changed(&browser, kg, "suggestion").await;
    assert!(after < kg, "the suggestion lowers emissions");
    let region = browser
        .client
        .execute("return document.querySelector('#f-region').value", vec![])
        .await
        .expect("script");
    assert_eq!(region, target[1]);
    let want = format!("loc=aws/{}", target[1].as_str().unwrap_or_default());
    let url = browser.wait_url(|u| u.contains(&want)).await;
    assert!(url.contains(&want), "{url}");
    browser.assert_no_console_errors().await;
    browser.close().await;
}
