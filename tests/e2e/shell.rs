//! The app shell loads from the release build, at the root and under a GitHub-Pages-style sub-path.

use crate::harness::{dist_dir, origin_of, Browser, StaticServer};

async fn assert_shell_loads(prefix: &str) {
    let server = StaticServer::start(&dist_dir(), 0, prefix).expect("serve dist");
    let browser = Browser::open(&server.url(), 1280, 900).await;
    let title = browser.wait_text("header h1").await;
    assert_eq!(title, "ML Emissions Calculator");
    assert!(browser
        .client
        .title()
        .await
        .unwrap()
        .contains("ML Emissions Calculator"));
    let main = browser.wait_text("main#main").await;
    assert!(!main.is_empty(), "the main area is empty");
    browser.assert_no_console_errors().await;
    let requests = browser
        .assert_same_origin_only(&origin_of(&server.url()))
        .await;
    assert!(
        requests >= 3,
        "expected the page, JS and wasm to load; saw {requests} requests"
    );
    println!(
        "shell at {}: {requests} same-origin requests, no console error",
        server.url()
    );
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn shell_loads_at_root_without_errors_or_third_party_requests() {
    assert_shell_loads("/").await;
}

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn shell_loads_under_a_github_pages_sub_path() {
    assert_shell_loads("/ml-emissions-calculator/").await;
}

/// Editing makes no request, though the address bar is rewritten on each pause in typing. (The
/// page icon is inline in `index.html` because a windowed Chromium fetches an icon again on such
/// rewrites when it is not cached; headless Chromium fetches no icon at all, so this test guards
/// every other request, not that one.)
#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn editing_and_address_bar_rewrites_make_no_request() {
    let server = StaticServer::start(&dist_dir(), 0, "/").expect("serve dist");
    let browser = Browser::open(&server.url(), 1280, 900).await;
    browser.wait_text("#main [data-testid=emissions-kg]").await;
    let _ = browser.requested_urls().await;
    let (mut url, mut rewrites) = (browser.client.current_url().await.expect("url"), 0);
    for hours in ["30", "31", "32", "33", "34"] {
        let script = format!(
            "const e = document.querySelector('#f-hours'); e.value = '{hours}'; \
             e.dispatchEvent(new Event('input', {{bubbles: true}})); return true;"
        );
        browser.client.execute(&script, vec![]).await.expect("type");
        // Wait for the rewrite of the address bar (it waits for a pause in typing).
        let want = format!("h={hours}");
        browser
            .poll_js(
                "return location.search.includes(arguments[0]) || {waiting: location.search};",
                vec![serde_json::json!(want)],
                std::time::Duration::from_secs(5),
                "the address bar rewritten",
            )
            .await;
        let now = browser.client.current_url().await.expect("url");
        if now != url {
            rewrites += 1;
            url = now;
        }
    }
    let requests = browser.requested_urls().await;
    println!(
        "{rewrites} address-bar rewrites, {} requests",
        requests.len()
    );
    assert_eq!(rewrites, 5);
    assert!(requests.is_empty(), "requests while editing: {requests:#?}");
    browser.close().await;
}
