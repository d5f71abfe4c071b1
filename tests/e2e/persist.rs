//! Saved jobs in the browser: unreadable storage is kept aside with a notice (never a crash),
//! the draft restores, names render as text, delete has an undo, comparisons total up.

mod draft_quota;

use crate::harness::{dist_dir, Browser, StaticServer};
use crate::persist_util::{click, headline_kg, job_names, js, save_job, wait_js};
use serde_json::Value;

/// Serves dist/ under `/calc/` and opens the app, waiting for its estimate.
pub async fn open() -> (StaticServer, Browser) {
    let server = StaticServer::start(&dist_dir(), 0, "/calc/").expect("serve dist");
    let browser = Browser::open(&server.url(), 1280, 900).await;
    let kg = headline_kg(&browser).await;
    assert!(kg.is_finite(), "no estimate: {kg}");
    (server, browser)
}

/// `{key: value}` of every quarantine key.
async fn quarantine(browser: &Browser) -> serde_json::Map<String, Value> {
    let v = js(
        browser,
        "const out = {};
         for (let i = 0; i < localStorage.length; i++) {
           const k = localStorage.key(i);
           if (k.startsWith('mlcalc.quarantine.')) out[k] = localStorage.getItem(k);
         }
         return out;",
    )
    .await;
    v.as_object().cloned().unwrap_or_default()
}

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn unreadable_storage_is_quarantined_reported_and_never_lost() {
    let (_server, browser) = open().await;
    for (i, payload) in ["{not json", r#"{"schema":99,"jobs":[{"id":1}]}"#]
        .iter()
        .enumerate()
    {
        js(
            &browser,
            &format!(
                "localStorage.setItem('mlcalc.v1.jobs', {}); return true;",
                serde_json::to_string(payload).unwrap()
            ),
        )
        .await;
        browser.client.refresh().await.expect("reload");
        let notice = browser.wait_text("[data-testid=quarantine-notice]").await;
        assert!(notice.contains("could not be read"), "{notice}");
        let kg = headline_kg(&browser).await;
        assert!(kg.is_finite(), "the app must still compute");
        browser.assert_no_console_errors().await;
        let kept = quarantine(&browser).await;
        assert_eq!(
            kept.len(),
            i + 1,
            "one more quarantine key, none overwritten: {kept:?}"
        );
        assert!(
            kept.values().any(|v| v == payload),
            "payload {payload} not kept verbatim: {kept:?}"
        );
        assert!(kept
            .keys()
            .all(|k| k.starts_with("mlcalc.quarantine.mlcalc.v1.jobs.")));
    }
    let notice = browser.wait_text("[data-testid=quarantine-notice]").await;
    assert!(
        notice.contains("newer version"),
        "the future-version reason is shown: {notice}"
    );
    // The list works again after the quarantine.
    save_job(&browser, "after recovery", 1).await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn draft_restores_and_a_corrupt_draft_is_kept_aside() {
    let (server, browser) = open().await;
    let one_run = headline_kg(&browser).await;
    js(
        &browser,
        r#"localStorage.setItem('mlcalc.v1.draft', '{"runs":2}'); return true;"#,
    )
    .await;
    browser.client.refresh().await.expect("reload");
    let two_runs = headline_kg(&browser).await;
    assert!(
        (two_runs - 2.0 * one_run).abs() < 1e-6 * one_run,
        "{one_run} → {two_runs}"
    );
    // The page writes its start-up inputs as the draft once start-up is over (and flushes a
    // pending write when hidden): corrupt the draft after that, as between two visits.
    wait_js(
        &browser,
        "return (localStorage.getItem('mlcalc.v1.draft') || '').includes('\"runs\":2.0');",
        5,
        "the start-up draft written",
    )
    .await;
    js(
        &browser,
        "localStorage.setItem('mlcalc.v1.draft', '[[[oops'); return true;",
    )
    .await;
    // Open the app afresh: the address bar now carries the previous inputs as a share link
    // (`runs=2`), and a share link rightly wins over the draft.
    browser.client.goto(&server.url()).await.expect("reopen");
    assert_eq!(
        headline_kg(&browser).await,
        one_run,
        "defaults after a bad draft"
    );
    browser.wait_text("[data-testid=quarantine-notice]").await;
    assert!(quarantine(&browser).await.values().any(|v| v == "[[[oops"));
    browser.assert_no_console_errors().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn names_render_as_text_delete_undoes_and_comparison_totals() {
    let (_server, browser) = open().await;
    let kg = headline_kg(&browser).await;
    let evil = "<img src=x onerror=alert(1)>";
    save_job(&browser, evil, 1).await;
    save_job(&browser, "Final run", 2).await;
    assert_eq!(job_names(&browser).await, [evil, "Final run"]);
    let imgs = js(
        &browser,
        "return document.querySelectorAll('.saved-jobs img').length;",
    )
    .await;
    assert_eq!(imgs, 0, "a job name must never become markup");

    // Delete, then undo.
    click(
        &browser,
        "[data-testid=saved-job]:nth-child(2) [data-testid=delete-job]",
    )
    .await;
    wait_js(
        &browser,
        "return document.querySelectorAll('[data-testid=saved-job]').length === 1;",
        5,
        "the delete",
    )
    .await;
    wait_js(
        &browser,
        "return document.activeElement.matches('[data-testid=undo-delete]');",
        5,
        "the focus on Undo",
    )
    .await;
    click(&browser, "[data-testid=undo-delete]").await;
    wait_js(
        &browser,
        "return document.querySelectorAll('[data-testid=saved-job]').length === 2;",
        5,
        "the undo",
    )
    .await;
    assert_eq!(job_names(&browser).await, [evil, "Final run"]);
    wait_js(
        &browser,
        "return document.activeElement.matches('[data-testid=saved-job]:nth-child(2) [data-testid=open-job]');",
        5,
        "the focus on the restored job",
    )
    .await;

    // Rename (select all, type, Enter), then duplicate.
    click(
        &browser,
        "[data-testid=saved-job]:nth-child(2) [data-testid=rename-job]",
    )
    .await;
    let field = browser
        .client
        .find(fantoccini::Locator::Css("[data-testid=rename-input]"))
        .await
        .expect("rename field");
    field
        .send_keys("\u{E009}a\u{E000}Final run v2\u{E007}")
        .await
        .expect("type and press Enter");
    wait_js(
        &browser,
        "return !document.querySelector('[data-testid=rename-input]');",
        5,
        "the rename",
    )
    .await;
    assert_eq!(job_names(&browser).await, [evil, "Final run v2"]);
    // The list is rebuilt on every change; the keyboard focus comes back to the same control.
    wait_js(
        &browser,
        "return document.activeElement.matches('[data-testid=saved-job]:nth-child(2) [data-testid=rename-job]');",
        5,
        "the focus back on Rename",
    )
    .await;
    click(
        &browser,
        "[data-testid=saved-job]:nth-child(2) [data-testid=duplicate-job]",
    )
    .await;
    wait_js(
        &browser,
        "return document.querySelectorAll('[data-testid=saved-job]').length === 3;",
        5,
        "the copy",
    )
    .await;
    assert_eq!(
        job_names(&browser).await,
        [evil, "Final run v2", "Final run v2 (copy)"]
    );
    wait_js(
        &browser,
        "return document.activeElement.matches('[data-testid=saved-job]:nth-child(2) [data-testid=duplicate-job]');",
        5,
        "the focus back on Duplicate",
    )
    .await;
    click(
        &browser,
        "[data-testid=saved-job]:nth-child(3) [data-testid=delete-job]",
    )
    .await;
    wait_js(
        &browser,
        "return document.querySelectorAll('[data-testid=saved-job]').length === 2;",
        5,
        "the delete",
    )
    .await;

    // Survives a reload.
    browser.client.refresh().await.expect("reload");
    wait_js(
        &browser,
        "return document.querySelectorAll('[data-testid=saved-job]').length === 2;",
        10,
        "jobs after reload",
    )
    .await;

    // Compare both: the total is the sum.
    click(
        &browser,
        "[data-testid=saved-job]:nth-child(1) [data-testid=compare-check]",
    )
    .await;
    click(
        &browser,
        "[data-testid=saved-job]:nth-child(2) [data-testid=compare-check]",
    )
    .await;
    browser.wait_text("[data-testid=compare-total]").await;
    let total = js(
        &browser,
        "return Number(document.querySelector('[data-testid=compare-total]').dataset.value);",
    )
    .await;
    let total = total.as_f64().unwrap_or(f64::NAN);
    assert!(
        (total - 2.0 * kg).abs() < 1e-6 * kg,
        "total {total} vs 2 × {kg}"
    );
    let csv = {
        let select = browser
            .client
            .find(fantoccini::Locator::Css(
                "[data-testid=compare-export-format]",
            ))
            .await
            .expect("format select");
        select.select_by_value("csv").await.expect("choose CSV");
        js(
            &browser,
            "return document.querySelector('[data-testid=compare-export-text]').value;",
        )
        .await
    };
    let csv = csv.as_str().unwrap_or_default().to_string();
    assert!(
        csv.contains("\"<img src=x onerror=alert(1)>\"")
            || csv.contains("<img src=x onerror=alert(1)>"),
        "{csv}"
    );
    // A textarea's value normalises CRLF to LF; the downloaded file keeps RFC 4180's CRLF.
    assert!(csv.contains("\nTotal,"), "{csv}");
    browser.assert_no_console_errors().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn a_full_storage_is_reported_and_the_jobs_stay_in_the_tab() {
    let (_server, browser) = open().await;
    // Fill the origin's quota with filler keys until the browser refuses.
    let filled = js(
        &browser,
        "let size = 256 * 1024, i = 0, name = 'never full';
         while (size >= 1 && i < 2000) {
           try { localStorage.setItem('filler.' + i, 'x'.repeat(size)); i++; }
           catch (e) { name = e.name; size = Math.floor(size / 2); }
         }
         return name;",
    )
    .await;
    assert_eq!(filled, "QuotaExceededError");
    save_job(&browser, "no room for me", 1).await;
    let alert = browser.wait_text("[data-testid=storage-write-error]").await;
    assert!(alert.contains("QuotaExceededError"), "{alert}");
    assert_eq!(
        job_names(&browser).await,
        ["no room for me"],
        "kept in the tab"
    );
    // Free space: the next change is written and the alert goes away.
    js(
        &browser,
        "for (let i = 0; i < 2000; i++) localStorage.removeItem('filler.' + i); return true;",
    )
    .await;
    save_job(&browser, "now stored", 2).await;
    wait_js(
        &browser,
        "return !document.querySelector('[data-testid=storage-write-error]');",
        5,
        "the alert to clear",
    )
    .await;
    let stored = js(
        &browser,
        "return JSON.parse(localStorage.getItem('mlcalc.v1.jobs')).jobs.length;",
    )
    .await;
    assert_eq!(stored, 2);
    browser.assert_no_console_errors().await;
    browser.close().await;
}
