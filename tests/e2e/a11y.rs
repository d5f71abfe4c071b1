//! Accessibility: axe-core (injected into the built page) finds no serious or critical
//! violation in the main states of the app, touch-target size (WCAG 2.2) included.

use crate::harness::{dist_dir, Browser, StaticServer};
use serde_json::Value;

/// Injects axe-core (path in `AXE_CORE_JS`, set by `cargo xtask test`) unless already present.
async fn inject_axe(browser: &Browser) {
    let path = std::env::var("AXE_CORE_JS")
        .expect("AXE_CORE_JS is not set: run the e2e tests through `cargo xtask test`");
    let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    browser
        .client
        .execute(
            &format!("if (!window.axe) {{ {source}\n }} return !!window.axe;"),
            vec![],
        )
        .await
        .expect("inject axe-core");
}

/// Runs axe-core on the whole document; returns the serious and critical violations.
pub async fn serious_violations(browser: &Browser) -> Vec<Value> {
    inject_axe(browser).await;
    let result = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, {resultTypes: ['violations'], rules: {'target-size': {enabled: true}}})
               .then(r => done(r.violations.map(v => ({
                  id: v.id, impact: v.impact, help: v.help,
                  nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))))
               .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e)}]));",
            vec![],
        )
        .await
        .expect("run axe-core");
    result
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
        .collect()
}

/// Asserts no serious/critical violation, printing what axe found.
pub async fn assert_accessible(browser: &Browser, state: &str) {
    let violations = serious_violations(browser).await;
    println!(
        "axe-core, {state}: {} serious/critical violations",
        violations.len()
    );
    assert!(violations.is_empty(), "{state}: {violations:#?}");
}

/// A browser of `width` × `height` on the app, once the whole page has mounted (the sections
/// below the results mount right after the headline: this waits for the last one).
async fn open_whole_page(server: &StaticServer, width: u32, height: u32) -> Browser {
    let browser = Browser::open(&server.url(), width, height).await;
    browser.wait_text("#main [data-testid=emissions-kg]").await;
    browser.wait_text("#export-heading").await;
    browser
}

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn defaults_and_dark_theme_have_no_serious_accessibility_violations() {
    let server = StaticServer::start(&dist_dir(), 0, "/").expect("serve dist");
    let browser = open_whole_page(&server, 1280, 900).await;
    assert_accessible(&browser, "defaults, light theme").await;
    browser
        .client
        .execute(
            "document.documentElement.dataset.theme = 'dark'; return true;",
            vec![],
        )
        .await
        .expect("switch to the dark theme");
    assert_accessible(&browser, "defaults, dark theme").await;
    let phone = open_whole_page(&server, 390, 844).await;
    assert_accessible(&phone, "defaults, 390 px wide").await;
    assert_touch_targets(&phone).await;
    browser.assert_no_console_errors().await;
    browser.close().await;
    phone.close().await;
}

/// Every visible button, select and file input is at least 24 × 24 CSS px (WCAG 2.2, 2.5.8: axe's
/// `target-size` rule also accepts smaller targets with enough space around them; this asks
/// for the size itself, as Lighthouse's touch-target audit does).
async fn assert_touch_targets(browser: &Browser) {
    let small = browser
        .client
        .execute(
            "return [...document.querySelectorAll('button, select, input[type=file]')]
               .map(e => [e, e.getBoundingClientRect()])
               .filter(([e, r]) => r.width > 0 && r.height > 0 && (r.width < 23.5 || r.height < 23.5))
               .map(([e, r]) => `${e.tagName} ${e.dataset.testid || e.id || e.className}: ${r.width.toFixed(1)} × ${r.height.toFixed(1)}`);",
            vec![],
        )
        .await
        .expect("measure the touch targets");
    println!("touch targets under 24 px: {small}");
    assert_eq!(
        small,
        serde_json::json!([]),
        "touch targets under 24 × 24 px"
    );
}

/// Runs `script` in the page and asserts it returned `true`.
async fn run(browser: &Browser, what: &str, script: &str) {
    let ok = browser
        .client
        .execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_eq!(ok, serde_json::json!(true), "{what}");
}

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn errors_tables_and_saved_jobs_have_no_serious_accessibility_violations() {
    let server = StaticServer::start(&dist_dir(), 0, "/").expect("serve dist");
    let browser = open_whole_page(&server, 1280, 900).await;

    run(
        &browser,
        "type a bad value",
        "const e = document.querySelector('#f-hours'); e.value = 'abc'; \
         e.dispatchEvent(new Event('input', {bubbles: true})); return true;",
    )
    .await;
    browser.wait_text("[data-testid=input-error]").await;
    assert_accessible(&browser, "an input error shown").await;
    run(
        &browser,
        "fix the value",
        "const e = document.querySelector('#f-hours'); e.value = '48'; \
         e.dispatchEvent(new Event('input', {bubbles: true})); return true;",
    )
    .await;

    run(
        &browser,
        "show every chart as a table",
        "const t = [...document.querySelectorAll('.chart-table-toggle')]; \
         t.forEach(b => b.click()); return t.length === 3;",
    )
    .await;
    browser.wait_text("[data-testid=chart-table]").await;
    let tables = browser
        .client
        .execute(
            "return document.querySelectorAll('[data-testid=chart-table]').length;",
            vec![],
        )
        .await
        .expect("count the tables");
    assert_eq!(tables, serde_json::json!(3), "every chart shows its table");
    assert_accessible(&browser, "charts as tables").await;

    for name in ["Sweep", "Final run"] {
        run(
            &browser,
            "save a job",
            &format!(
                "const n = document.querySelector('[data-testid=save-name]'); n.value = '{name}'; \
                 n.dispatchEvent(new Event('input', {{bubbles: true}})); \
                 document.querySelector('[data-testid=save-job]').click(); return true;"
            ),
        )
        .await;
    }
    browser.wait_text("[data-testid=saved-job]").await;
    run(
        &browser,
        "compare both saved jobs",
        "const c = [...document.querySelectorAll('[data-testid=compare-check]')]; \
         c.forEach(b => b.click()); return c.length === 2;",
    )
    .await;
    browser.wait_text("[data-testid=compare-total]").await;
    assert_accessible(&browser, "saved jobs compared, light theme").await;
    run(
        &browser,
        "switch to the dark theme",
        "document.documentElement.dataset.theme = 'dark'; return true;",
    )
    .await;
    assert_accessible(&browser, "saved jobs compared and tables, dark theme").await;
    browser.assert_no_console_errors().await;
    browser.close().await;
}
