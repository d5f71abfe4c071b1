//! Exports in the browser: the JSON export carries the headline figure and imports back, into the
//! form or as saved jobs.

use crate::harness::Browser;
use crate::persist::open;
use crate::persist_util::{click, headline_kg, job_names, js, wait_js};
use fantoccini::Locator;
use serde_json::Value;

/// The text of the current-estimate export in `format`.
async fn export_text(browser: &Browser, format: &str) -> String {
    let select = browser
        .client
        .find(Locator::Css("[data-testid=export-format]"))
        .await
        .expect("format select");
    select
        .select_by_value(format)
        .await
        .expect("choose a format");
    let text = js(
        browser,
        "return document.querySelector('[data-testid=export-text]').value;",
    )
    .await;
    text.as_str().unwrap_or_default().to_string()
}

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn json_export_matches_the_headline_and_reimports() {
    let (_server, browser) = open().await;
    let kg = headline_kg(&browser).await;
    let doc: Value =
        serde_json::from_str(&export_text(&browser, "json").await).expect("valid JSON export");
    for format in ["latex", "markdown", "model-card", "csv"] {
        let text = export_text(&browser, format).await;
        assert!(!text.is_empty(), "{format} export is empty");
    }
    assert_eq!(
        doc["jobs"][0]["estimate"]["location_based"].as_f64(),
        Some(kg)
    );
    // Import a changed copy: three runs.
    let mut changed = doc.clone();
    changed["jobs"][0]["inputs"]["runs"] = Value::from(3.0);
    js(
        &browser,
        "document.querySelector('.import-json').open = true; return true;",
    )
    .await;
    let area = browser
        .client
        .find(fantoccini::Locator::Css("[data-testid=import-json-text]"))
        .await
        .expect("paste box");
    area.send_keys(&changed.to_string()).await.expect("paste");
    click(&browser, "[data-testid=import-json]").await;
    wait_js(
        &browser,
        &format!("return Math.abs(Number(document.querySelector('[data-testid=emissions-kg]').dataset.value) - {}) < 1e-9 * {};", 3.0 * kg, kg),
        5,
        "the imported inputs",
    )
    .await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn a_json_export_imports_as_saved_jobs() {
    let (_server, browser) = open().await;
    let mut doc: Value = serde_json::from_str(&export_text(&browser, "json").await).expect("JSON");
    let mut second = doc["jobs"][0].clone();
    second["name"] = Value::from("Imported ablation");
    second["inputs"]["runs"] = Value::from(2.0);
    doc["jobs"][0]["name"] = Value::from("Imported final run");
    doc["jobs"].as_array_mut().expect("jobs").push(second);
    let file = std::env::temp_dir().join(format!("mlcalc-e2e-import-{}.json", std::process::id()));
    std::fs::write(&file, doc.to_string()).expect("write the export");
    let input = browser
        .client
        .find(Locator::Css("[data-testid=import-jobs]"))
        .await
        .expect("file input");
    input
        .send_keys(&file.display().to_string())
        .await
        .expect("pick the file");
    wait_js(
        &browser,
        "return document.querySelectorAll('[data-testid=saved-job]').length === 2;",
        10,
        "the imported jobs",
    )
    .await;
    assert_eq!(
        job_names(&browser).await,
        ["Imported final run", "Imported ablation"]
    );
    let _ = std::fs::remove_file(&file);
    browser.assert_no_console_errors().await;
    browser.close().await;
}
