//! How fast and how good the page is: input → updated numbers latency, and screenshots of both
//! themes at desktop and phone widths (written to /tmp for a person to look at).

use super::{click, open};
use crate::harness::{dist_dir, Browser, StaticServer};
use serde_json::Value;
use std::time::Duration;

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn input_to_updated_numbers_within_one_frame() {
    let server = StaticServer::start(&dist_dir(), 0, "/").expect("serve dist");
    let browser = Browser::start(1280, 1000).await;
    open(&browser, &server.url()).await;
    let js = r#"
        const done = arguments[arguments.length - 1];
        const WARMUP = 10;
        const input = document.querySelector('#f-hours');
        const hook = () => document.querySelector('[data-testid=emissions-kg]')?.dataset.value;
        const times = [];
        let i = 0;
        const step = () => {
            // The first WARMUP changes let the JIT and caches settle; they are not reported.
            if (i >= WARMUP + 50) { done(times.slice(WARMUP)); return; }
            const before = hook();
            const t0 = performance.now();
            let finished = false;
            const finish = () => {
                if (finished) return;
                finished = true; obs.disconnect(); clearTimeout(timer);
                times.push(performance.now() - t0); i++;
                requestAnimationFrame(() => setTimeout(step, 0));
            };
            const obs = new MutationObserver(() => { if (hook() !== before) finish(); });
            obs.observe(document.body, { subtree: true, childList: true, attributes: true });
            const timer = setTimeout(() => { times.push(1000); finished = true; obs.disconnect(); i++; step(); }, 1000);
            input.value = String(30 + i);
            input.dispatchEvent(new Event('input', { bubbles: true }));
            if (hook() !== before) finish();
        };
        step();
    "#;
    let out = browser
        .client
        .execute_async(js, vec![])
        .await
        .expect("timing script");
    let mut times: Vec<f64> = out
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    assert_eq!(times.len(), 50);
    times.sort_by(f64::total_cmp);
    let median = (times[24] + times[25]) / 2.0;
    let max = times[49];
    println!("input → updated numbers over 50 changes: median {median:.2} ms, max {max:.2} ms");
    // Measured and printed here; the ≤ 16 ms budget is asserted by `cargo xtask bench` (a timed
    // assertion in the test command would make CI flaky on a loaded machine).
    assert!(median.is_finite() && median > 0.0, "no timing measured");
    browser.assert_no_console_errors().await;
    browser.close().await;
}

async fn screenshot(width: u32, dark: bool, url: &str) {
    let browser = Browser::start(width, 900).await;
    open(&browser, url).await;
    if dark {
        // System → Light → Dark.
        click(&browser, "[data-testid=theme-toggle]").await;
        click(&browser, "[data-testid=theme-toggle]").await;
    }
    // Grow the window to the page's height for a full-page image.
    let height = browser
        .client
        .execute("return document.documentElement.scrollHeight", vec![])
        .await
        .ok()
        .and_then(|v| v.as_u64())
        .unwrap_or(2400)
        .min(8000) as u32;
    let _ = browser.client.set_window_size(width, height + 120).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let png = browser.client.screenshot().await.expect("screenshot");
    let path = format!(
        "/tmp/page-{width}-{}.png",
        if dark { "dark" } else { "light" }
    );
    std::fs::write(&path, png).expect("write screenshot");
    println!("wrote {path}");
    browser.assert_no_console_errors().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn screenshots_at_1280_and_390_in_both_themes() {
    let server = StaticServer::start(&dist_dir(), 0, "/").expect("serve dist");
    for width in [1280, 390] {
        for dark in [false, true] {
            screenshot(width, dark, &server.url()).await;
        }
    }
}
