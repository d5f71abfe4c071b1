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
