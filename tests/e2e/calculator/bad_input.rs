//! Bad share-link parameters and bad typed values: messages on the page, never a crash.

use super::{click, open, set, texts, value};
use crate::harness::{dist_dir, poll, Browser, StaticServer, POLL_TIMEOUT};
use serde_json::json;

/// Waits until the texts of `css` satisfy `want`; returns them.
async fn texts_when(
    browser: &Browser,
    css: &str,
    what: &str,
    want: impl Fn(&[String]) -> bool,
) -> Vec<String> {
    poll(POLL_TIMEOUT, what, || async {
        let t = texts(browser, css).await;
        if want(&t) {
            Ok(t)
        } else {
            Err(format!("{css}: {t:?}"))
        }
    })
    .await
}

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn bad_url_parameters_are_reported_as_text() {
    let server = StaticServer::start(&dist_dir(), 0, "/").expect("serve dist");
    let browser = Browser::start(1280, 1000).await;
    let url = format!(
        "{}?h=abc&foo=1&loc=nowhere&n=-3&%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E=1&hw=nope",
        server.url()
    );
    browser.client.goto(&url).await.expect("open");
    let notice = browser.wait_text("[data-testid=url-problem]").await;
    println!("notice: {notice}");
    for needle in ["\"h\"", "\"foo\"", "\"loc\"", "<img src=x"] {
        assert!(notice.contains(needle), "notice lacks {needle}: {notice}");
    }
    let injected = browser
        .client
        .execute(
            "return document.querySelectorAll('[data-testid=url-problem] img').length",
            vec![],
        )
        .await
        .expect("script");
    assert_eq!(injected, json!(0));
    let errors = texts(&browser, "[data-testid=input-error]").await;
    println!("input errors: {errors:?}");
    assert!(
        errors.iter().any(|e| e.contains("Number of devices")),
        "{errors:?}"
    );
    assert!(errors.iter().any(|e| e.contains("nope")), "{errors:?}");
    click(&browser, "[data-testid=url-problem] button").await;
    texts_when(
        &browser,
        "[data-testid=url-problem]",
        "the dismissed notice to go",
        |t| t.is_empty(),
    )
    .await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn bad_typed_values_show_a_message_and_keep_the_last_result() {
    let server = StaticServer::start(&dist_dir(), 0, "/").expect("serve dist");
    let browser = Browser::start(1280, 1000).await;
    open(&browser, &server.url()).await;
    let kg = value(&browser, "emissions-kg").await;
    for (css, bad, field) in [
        ("#f-hours", "abc", "Hours"),
        ("#f-n", "2.5", "Number of devices"),
        ("#f-runs", "-1", "Number of runs"),
        ("#f-util", "1e999", "Utilization"),
    ] {
        set(&browser, css, bad).await;
        texts_when(
            &browser,
            "[data-testid=input-error]",
            &format!("a message about {field} for {bad:?} in {css}"),
            |errors| errors.iter().any(|e| e.contains(field)),
        )
        .await;
        let role = browser
            .client
            .execute(
                "return document.querySelector(arguments[0] + '-err [data-testid=input-error]')?.getAttribute('role')",
                vec![json!(css)],
            )
            .await
            .expect("script");
        assert_eq!(role, json!("alert"), "message next to {css}");
        assert_eq!(
            value(&browser, "emissions-kg").await,
            kg,
            "the last valid result stays"
        );
        assert!(!texts(&browser, "[data-testid=stale-note]").await.is_empty());
        let shown = browser
            .client
            .execute(
                "return document.querySelector(arguments[0]).value",
                vec![json!(css)],
            )
            .await
            .expect("script");
        assert_eq!(shown, json!(bad), "the typed text stays visible");
        set(
            &browser,
            css,
            if css == "#f-hours" {
                "24"
            } else if css == "#f-n" {
                "8"
            } else if css == "#f-runs" {
                "1"
            } else {
                "100"
            },
        )
        .await;
        texts_when(
            &browser,
            "[data-testid=input-error]",
            &format!("the message for {css} to go once it is valid again"),
            |errors| errors.is_empty(),
        )
        .await;
    }
    browser.assert_no_console_errors().await;
    browser.close().await;
}
