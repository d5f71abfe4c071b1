//! A draft write that fails (storage full) is shown to the person, and cleared once a later write
//! succeeds; the calculator keeps working throughout.

use super::open;
use crate::persist_util::{headline_kg, js, wait_js};

/// Types `text` into the input matching `css` (as typing would: value set, `input` fired).
async fn type_into(browser: &crate::harness::Browser, css: &str, text: &str) {
    let script = format!(
        "const e = document.querySelector({css:?}); if (!e) return false; \
         e.value = {text:?}; e.dispatchEvent(new Event('input', {{bubbles: true}})); return true;"
    );
    assert_eq!(js(browser, &script).await, true, "no element matches {css}");
}

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn a_failed_draft_write_is_reported_and_cleared_by_the_next_success() {
    let (_server, browser) = open().await;
    let before = headline_kg(&browser).await;
    // Storage "full" for the draft only, as a browser at its quota would answer.
    js(
        &browser,
        "const original = Storage.prototype.setItem;
         window.__mlcalcSetItem = original;
         Storage.prototype.setItem = function (key, value) {
           if (key === 'mlcalc.v1.draft') throw new DOMException('full', 'QuotaExceededError');
           return original.call(this, key, value);
         };
         return true;",
    )
    .await;
    type_into(&browser, "#f-hours", "48").await;
    let notice = browser.wait_text("[data-testid=draft-write-error]").await;
    println!("notice: {notice}");
    assert!(
        notice.contains("could not be saved") && notice.contains("QuotaExceededError"),
        "{notice}"
    );
    let role = js(
        &browser,
        "return document.querySelector('[data-testid=draft-write-error]').getAttribute('role');",
    )
    .await;
    assert_eq!(role, "alert");
    // No crash: the estimate followed the edit.
    wait_js(
        &browser,
        &format!(
            "const e = document.querySelector('[data-testid=emissions-kg]'); \
             return !!e && Number(e.dataset.value) !== {before};"
        ),
        5,
        "the estimate to follow the edit",
    )
    .await;
    let after = headline_kg(&browser).await;
    assert!(
        after.is_finite() && (after - 2.0 * before).abs() < 1e-6 * before,
        "{before} → {after}"
    );

    // Storage works again: the next edit is saved and the notice goes away.
    js(
        &browser,
        "Storage.prototype.setItem = window.__mlcalcSetItem; return true;",
    )
    .await;
    type_into(&browser, "#f-hours", "72").await;
    wait_js(
        &browser,
        "return !document.querySelector('[data-testid=draft-write-error]');",
        5,
        "the notice to clear",
    )
    .await;
    let draft = js(
        &browser,
        "return JSON.parse(localStorage.getItem('mlcalc.v1.draft') || '{}');",
    )
    .await;
    assert!(draft.to_string().contains("72"), "draft saved: {draft}");
    browser.assert_no_console_errors().await;
    browser.close().await;
}
