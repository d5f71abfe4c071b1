//! Keyboard-only use: Tab reaches every visible control of the page, and each kind of control
//! (text field, select, radio group, button, disclosure, chart canvas) works from the keyboard.

use crate::harness::{dist_dir, Browser, StaticServer};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use serde_json::{json, Value};

/// Presses (and releases) each key in turn, like a person at the keyboard.
async fn press(browser: &Browser, keys: &[Key]) {
    let mut actions = KeyActions::new("keyboard".to_string());
    for key in keys {
        let value: char = (*key).into();
        actions = actions
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value });
    }
    browser
        .client
        .perform_actions(actions)
        .await
        .expect("key presses");
}

/// Types text as key presses.
async fn type_text(browser: &Browser, text: &str) {
    let mut actions = KeyActions::new("keyboard".to_string());
    for value in text.chars() {
        actions = actions
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value });
    }
    browser
        .client
        .perform_actions(actions)
        .await
        .expect("typing");
}

async fn js(browser: &Browser, script: &str) -> Value {
    browser
        .client
        .execute(script, vec![])
        .await
        .expect("script")
}

/// Numbers every visible, enabled, focusable control; radio groups count once (Tab enters a
/// group once and arrows move inside it). Returns how many there are.
const MARK_CONTROLS: &str = r#"
    const sel = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    const seen = new Set();
    let n = 0;
    for (const el of document.querySelectorAll(sel)) {
        // checkVisibility() also knows that the content of a closed <details> is not rendered.
        const visible = el.checkVisibility({checkVisibilityCSS: true}) && el.getClientRects().length > 0;
        if (!visible || el.disabled || el.closest('[aria-hidden=true]') || el.tabIndex < 0) continue;
        if (el.type === 'radio') {
            if (seen.has(el.name)) { el.dataset.kbd = 'radio:' + el.name; continue; }
            seen.add(el.name);
            el.dataset.kbd = 'radio:' + el.name;
        } else {
            el.dataset.kbd = String(n);
        }
        n++;
    }
    return n;
"#;

/// Focus the control, by keyboard only: Tab from the top until `css` has focus.
async fn tab_to(browser: &Browser, css: &str) {
    js(
        browser,
        "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); return 0;",
    )
    .await;
    for _ in 0..400 {
        press(browser, &[Key::Tab]).await;
        let here = browser
            .client
            .execute(
                "return document.activeElement.matches(arguments[0]);",
                vec![json!(css)],
            )
            .await
            .expect("focus check");
        if here == json!(true) {
            return;
        }
    }
    panic!("Tab never reached {css}");
}

async fn headline(browser: &Browser) -> String {
    js(
        browser,
        "return document.querySelector('[data-testid=emissions-kg]').dataset.value;",
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn every_control_is_reached_and_operated_from_the_keyboard() {
    let server = StaticServer::start(&dist_dir(), 0, "/").expect("serve dist");
    let browser = Browser::open(&server.url(), 1280, 900).await;
    browser.wait_text("#main [data-testid=emissions-kg]").await;

    // 1. Reach: Tab through the whole page once.
    let total = js(&browser, MARK_CONTROLS).await.as_u64().expect("count") as usize;
    assert!(total > 20, "only {total} controls found");
    let mut reached = std::collections::BTreeSet::new();
    for _ in 0..(total * 2 + 40) {
        press(&browser, &[Key::Tab]).await;
        let mark = js(
            &browser,
            "return document.activeElement.dataset.kbd || null;",
        )
        .await;
        if let Some(m) = mark.as_str() {
            reached.insert(m.to_string());
        }
    }
    let missed = browser
        .client
        .execute(
            "const r = new Set(arguments[0]);
             return [...document.querySelectorAll('[data-kbd]')]
               .filter(e => !r.has(e.dataset.kbd))
               .map(e => e.outerHTML.slice(0, 120));",
            vec![json!(reached.iter().collect::<Vec<_>>())],
        )
        .await
        .expect("missed controls");
    assert_eq!(missed, json!([]), "controls Tab never reached");
    println!("keyboard walk: Tab reached all {total} controls (radio groups counted once)");

    // 2. Operate each kind of control with keys only.
    let before = headline(&browser).await;
    tab_to(&browser, "#f-hours").await;
    press(&browser, &[Key::Control]).await; // release any modifier state
    let select_all = KeyActions::new("keyboard".to_string())
        .then(KeyAction::Down {
            value: Key::Control.into(),
        })
        .then(KeyAction::Down { value: 'a' })
        .then(KeyAction::Up { value: 'a' })
        .then(KeyAction::Up {
            value: Key::Control.into(),
        });
    browser
        .client
        .perform_actions(select_all)
        .await
        .expect("select all");
    type_text(&browser, "12").await;
    let after_typing = headline(&browser).await;
    assert_ne!(after_typing, before, "typing hours changed nothing");

    tab_to(&browser, "#f-region").await;
    let region = js(&browser, "return document.activeElement.value;").await;
    press(&browser, &[Key::Down]).await;
    let region_after = js(&browser, "return document.activeElement.value;").await;
    assert_ne!(
        region, region_after,
        "the region select did not respond to arrows"
    );
    // The app took the new region (a neighbour may share the grid, so not the headline): its
    // share link in the address bar names it.
    let code = region_after.as_str().unwrap_or_default().to_string();
    let url = browser.wait_url(|u| u.contains(&code)).await;
    assert!(
        url.contains(&code),
        "the app ignored the region change: {url} lacks {code}"
    );

    let theme = js(
        &browser,
        "return document.documentElement.dataset.theme || 'system';",
    )
    .await;
    tab_to(&browser, "[data-testid=theme-toggle]").await;
    press(&browser, &[Key::Enter]).await;
    let theme_after = js(
        &browser,
        "return document.documentElement.dataset.theme || 'system';",
    )
    .await;
    assert_ne!(theme, theme_after, "Enter on the theme button did nothing");

    tab_to(
        &browser,
        "form summary, .calculator summary, details > summary",
    )
    .await;
    press(&browser, &[Key::Enter]).await;
    let open = js(
        &browser,
        "return document.activeElement.parentElement.open;",
    )
    .await;
    assert_eq!(open, json!(true), "Enter did not open the disclosure");

    tab_to(&browser, "input[type=radio]").await;
    let radio = js(
        &browser,
        "return document.activeElement.name + '=' + document.activeElement.value;",
    )
    .await;
    press(&browser, &[Key::Right]).await;
    let radio_after = js(
        &browser,
        "const e = document.activeElement; return e.name + '=' + e.value + ':' + e.checked;",
    )
    .await;
    assert_ne!(
        radio, radio_after,
        "arrows did not move within the radio group"
    );

    tab_to(&browser, "canvas[tabindex]").await;
    press(&browser, &[Key::Down]).await;
    let tip = js(
        &browser,
        "const t = document.querySelector('[role=tooltip]'); return t ? t.textContent : '';",
    )
    .await;
    assert!(
        !tip.as_str().unwrap_or_default().is_empty(),
        "arrow keys on a chart show no tooltip"
    );
    println!("keyboard: typed into a field, changed a select, pressed a button, opened a disclosure, moved in a radio group, explored a chart");

    browser.assert_no_console_errors().await;
    browser.close().await;
}
