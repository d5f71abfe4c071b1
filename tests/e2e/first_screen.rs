//! The first estimate in `index.html` (written by the build, `xtask/src/first_screen.rs`): the
//! default job's figures before the WebAssembly runs, the same as the app's own; a placeholder,
//! never the default figures, when the page opens on other inputs; gone once the app's results
//! are in; allowed by the page's policy (a blocked inline script would log an error).

use crate::harness::{dist_dir, Browser, StaticServer};
use serde_json::Value;
use std::time::Duration;

/// Injected before the page's scripts: what the bar held when the document was parsed (before the
/// WebAssembly is even fetched).
const SNAPSHOT: &str = r#"
document.addEventListener('DOMContentLoaded', () => {
  const bar = document.getElementById('first-estimate');
  const hooks = {};
  for (const e of bar ? bar.querySelectorAll('[data-testid]') : []) hooks[e.dataset.testid] = e.dataset.value;
  window.__firstBar = {text: bar ? bar.textContent : null, hooks, app: !!document.querySelector('#main')};
});
"#;

const HOOKS: [&str; 4] = [
    "emissions-kg",
    "emissions-kg-low",
    "emissions-kg-high",
    "energy-kwh",
];

/// Opens `url`, waits for the app's results and the bar's removal; returns the snapshot and the
/// app's own `data-value`s of [`HOOKS`].
async fn open(browser: &Browser, url: &str) -> (Value, Vec<Value>) {
    browser.client.goto(url).await.expect("open");
    browser.wait_text("#main [data-testid=emissions-kg]").await;
    browser
        .poll_js(
            "return !document.getElementById('first-estimate') || {waiting: 'the bar retired'};",
            vec![],
            Duration::from_secs(5),
            "the build's first estimate removed",
        )
        .await;
    let snapshot = browser
        .client
        .execute("return window.__firstBar;", vec![])
        .await
        .expect("snapshot");
    let mut app = Vec::new();
    for id in HOOKS {
        let script =
            format!("return document.querySelector('#main [data-testid={id}]').dataset.value;");
        app.push(browser.client.execute(&script, vec![]).await.expect("hook"));
    }
    (snapshot, app)
}

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn the_first_estimate_is_the_apps_default_and_never_another_jobs() {
    let server = StaticServer::start(&dist_dir(), 0, "/").expect("serve dist");
    let browser = Browser::start(1280, 900).await;
    browser.add_script_before_pages(SNAPSHOT).await;

    // A first visit: the default job's figures, before the app, equal to the app's.
    let (first, app) = open(&browser, &server.url()).await;
    assert_eq!(first["app"], false, "the snapshot must precede the app");
    let figures: Vec<Value> = HOOKS.iter().map(|id| first["hooks"][id].clone()).collect();
    assert_eq!(
        figures, app,
        "the build's figures differ from the app's: {first}"
    );
    assert!(
        first["text"].as_str().unwrap_or("").contains("CO₂e"),
        "{first}"
    );
    println!("first visit: {}", first["text"]);

    // Reloaded with the address the page wrote for the defaults and their saved draft.
    let own_url = browser.client.current_url().await.expect("url").to_string();
    assert!(
        own_url.contains("?data="),
        "the page wrote its default link: {own_url}"
    );
    let (again, _) = open(&browser, &own_url).await;
    assert_eq!(again["hooks"], first["hooks"], "the reload showed {again}");

    // A share link: the placeholder, no figure and no hook before the app.
    let link = format!(
        "{}?hw=h100-sxm&n=64&h=120&loc=gcp/europe-west4",
        server.url()
    );
    let (shared, app_shared) = open(&browser, &link).await;
    assert_eq!(shared["hooks"], serde_json::json!({}), "{shared}");
    assert!(
        shared["text"]
            .as_str()
            .unwrap_or("")
            .starts_with("Computing"),
        "{shared}"
    );
    assert_ne!(app_shared, app, "the share link's job is another job");

    // The plain address again: the draft now holds the share link's inputs.
    let (drafted, app_drafted) = open(&browser, &server.url()).await;
    assert_eq!(drafted["hooks"], serde_json::json!({}), "{drafted}");
    assert_eq!(app_drafted, app_shared, "the draft's job came back");
    browser.assert_no_console_errors().await;
    browser.close().await;
}
