//! A link made with another dataset version: the link's figures beside the current ones, as text.

use super::{open, texts, value};
use crate::harness::{dist_dir, Browser, StaticServer};
use emissions_core::dataset::DATASET_VERSION;

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn a_link_from_another_dataset_version_shows_its_and_the_current_figures() {
    let server = StaticServer::start(&dist_dir(), 0, "/").expect("serve dist");
    let browser = Browser::start(1280, 1000).await;
    open(
        &browser,
        &format!("{}?runs=2&data=2020.01&kg=123.4", server.url()),
    )
    .await;
    let notice = browser.wait_text("[data-testid=url-problem]").await;
    println!("notice: {notice}");
    assert!(
        notice.contains("dataset 2020.01") && notice.contains(DATASET_VERSION),
        "{notice}"
    );
    let cited = value(&browser, "link-cited-kg").await;
    assert_eq!(cited, 123.4, "the link's figure");
    assert!(notice.contains("123 kg"), "shown as text: {notice}");
    let headline = value(&browser, "emissions-kg").await;
    assert!(headline.is_finite());
    assert_eq!(
        value(&browser, "link-current-kg").await,
        headline,
        "the current figure is the live headline"
    );
    assert!(value(&browser, "link-current-kwh").await.is_finite());
    // The address bar now cites the current data's figures.
    let url = browser.wait_url(|u| u.contains("&kwh=")).await;
    assert!(
        url.contains(&format!("data={DATASET_VERSION}&kg=")) && url.contains("&kwh="),
        "{url}"
    );
    browser.assert_no_console_errors().await;

    // A link made before links carried figures: they are unknown, the current ones still shown.
    open(&browser, &format!("{}?runs=2&data=2020.01", server.url())).await;
    let notice = browser.wait_text("[data-testid=url-problem]").await;
    assert!(notice.contains("unknown"), "{notice}");
    assert!(texts(&browser, "[data-testid=link-cited-kg]")
        .await
        .is_empty());
    assert_eq!(value(&browser, "link-current-kg").await, headline);
    browser.assert_no_console_errors().await;
    browser.close().await;
}
