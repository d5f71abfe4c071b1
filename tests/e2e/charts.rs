//! The comparison charts in the release build: they draw, respond to the keyboard, select
//! options, show tables, redraw within a frame budget, and look right (screenshots in /tmp).

use crate::harness::{dist_dir, Browser, StaticServer};
use fantoccini::Locator;
use serde_json::Value;
use std::time::Duration;

const FIGURES: [&str; 3] = ["chart-regions", "chart-hardware", "chart-tornado"];

async fn open(width: u32, height: u32) -> (StaticServer, Browser) {
    let server = StaticServer::start(&dist_dir(), 0, "/").expect("serve dist");
    let browser = Browser::start(width, height).await;
    browser.client.goto(&server.url()).await.expect("open");
    for f in FIGURES {
        browser
            .wait_text(&format!("[data-testid={f}] figcaption"))
            .await;
    }
    // Charts paint when they come near the viewport: bring each into view and wait for its paint.
    for f in FIGURES {
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        loop {
            let drawn = js(
                &browser,
                &format!(
                    "const c = document.querySelector('[data-testid={f}] canvas');
                     c.scrollIntoView({{block: 'center'}}); return !!c.mlcalcDrawnAt;"
                ),
            )
            .await;
            if drawn == Value::Bool(true) {
                break;
            }
            assert!(std::time::Instant::now() < deadline, "{f} not drawn");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    (server, browser)
}

async fn js(browser: &Browser, script: &str) -> Value {
    browser
        .client
        .execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

/// Share of canvas pixels that differ from the top-left (background) pixel.
const INK: &str = "const c = document.querySelector(arguments[0] + ' canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0; for (let i = 0; i < d.length; i += 4) {
      if (d[i] !== d[0] || d[i+1] !== d[1] || d[i+2] !== d[2]) ink++; }
    return ink / (d.length / 4);";

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn charts_draw_describe_select_and_tabulate() {
    let (_server, browser) = open(1280, 1000).await;
    for f in FIGURES {
        let ink = browser
            .client
            .execute(INK, vec![format!("[data-testid={f}]").into()])
            .await
            .expect("ink");
        let ink = ink.as_f64().unwrap_or(0.0);
        assert!(ink > 0.02, "{f}: canvas looks blank ({ink})");
        let label = js(&browser, &format!("return document.querySelector('[data-testid={f}] canvas').getAttribute('aria-label');")).await;
        assert!(label.as_str().is_some_and(|l| l.len() > 40), "{f}: {label}");
    }
    // Keyboard: arrow to the cleanest region, read the tooltip, press Enter to move there.
    let before = js(
        &browser,
        "return document.querySelector('[data-testid=emissions-kg]').dataset.value;",
    )
    .await;
    js(
        &browser,
        "const c = document.querySelector('[data-testid=chart-regions] canvas'); c.focus();
        c.dispatchEvent(new KeyboardEvent('keydown', {key: 'Home', bubbles: true}));",
    )
    .await;
    let tip = browser
        .wait_text("[data-testid=chart-regions] [role=tooltip]")
        .await;
    assert!(tip.contains("Emissions:"), "tooltip: {tip}");
    js(
        &browser,
        "document.querySelector('[data-testid=chart-regions] canvas')
        .dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let after = js(
        &browser,
        "return document.querySelector('[data-testid=emissions-kg]').dataset.value;",
    )
    .await;
    assert_ne!(
        before, after,
        "Enter on a region did not change the estimate"
    );
    let alt = js(&browser, "return document.querySelector('[data-testid=chart-regions] canvas').getAttribute('aria-label');").await;
    let first = tip.lines().next().unwrap_or_default().to_string();
    assert!(
        alt.as_str()
            .is_some_and(|a| a.contains(&format!("your choice {first}"))),
        "{alt}"
    );

    // "Show as table" renders the same rows with real buttons.
    let toggle = browser
        .client
        .find(Locator::Css(
            "[data-testid=chart-hardware] .chart-table-toggle",
        ))
        .await
        .expect("toggle");
    toggle.click().await.expect("click toggle");
    let table = browser
        .wait_text("[data-testid=chart-hardware] [data-testid=chart-table]")
        .await;
    assert!(
        table.contains("Accelerator") && table.contains("(your device)"),
        "{table}"
    );
    assert_eq!(
        toggle.attr("aria-expanded").await.expect("attr").as_deref(),
        Some("true")
    );
    browser.assert_no_console_errors().await;
    browser.close().await;
}

/// 50 input changes (keyboard selection of a region); each measured in the page from just before
/// the key event to the end of the last canvas repaint, after recompute + redraw of every chart
/// near the viewport (charts off screen repaint when they come back; the region chart is scrolled
/// to the top of the window, so the hardware chart below it is in view as well).
#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn fifty_input_changes_redraw_within_a_frame() {
    let (_server, browser) = open(1280, 1000).await;
    let script = "const done = arguments[arguments.length - 1];
      const region = document.querySelector('[data-testid=chart-regions] canvas');
      region.scrollIntoView({block: 'start'});
      const near = c => { const r = c.getBoundingClientRect();
        return r.bottom > -innerHeight / 2 && r.top < innerHeight * 1.5; };
      const canvases = [...document.querySelectorAll('.chart canvas')].filter(near);
      const tick = () => new Promise(r => { const m = new MessageChannel();
        m.port1.onmessage = () => r(); m.port2.postMessage(0); });
      const key = k => region.dispatchEvent(new KeyboardEvent('keydown', {key: k, bubbles: true, cancelable: true}));
      (async () => {
        await new Promise(r => setTimeout(r, 100));
        key('Home'); await tick();
        const out = [];
        for (let i = 0; i < 50; i++) {
          key(i % 2 ? 'ArrowUp' : 'ArrowDown'); await tick();
          const t0 = performance.now();
          key('Enter');
          await tick(); await tick();
          const ends = canvases.map(c => +c.mlcalcDrawnAt);
          out.push([Math.max(...ends) - t0, ends.filter(e => e >= t0).length - canvases.length,
                    canvases.length, ...canvases.map(c => +c.mlcalcDrawMs)]);
        }
        done(out);
      })();";
    let out = browser
        .client
        .execute_async(script, vec![])
        .await
        .expect("measure");
    // Per change: [ms, redrawn − in view (0 when every chart in view redrew), in view, paints…].
    let rows: Vec<&Vec<Value>> = out
        .as_array()
        .expect("array")
        .iter()
        .filter_map(Value::as_array)
        .collect();
    assert_eq!(rows.len(), 50);
    let in_view = rows[0][2].as_u64().unwrap_or(0) as usize;
    assert!(in_view >= 2, "the region and hardware charts are in view");
    assert!(
        rows.iter().all(|r| r[1].as_i64() == Some(0)),
        "not every chart in view redrew: {out}"
    );
    let pairs: Vec<f64> = rows
        .iter()
        .map(|r| r[0].as_f64().unwrap_or(f64::NAN))
        .collect();
    // Per-chart paint time (median), to see where the budget goes.
    for k in 0..in_view {
        let mut d: Vec<f64> = rows.iter().filter_map(|r| r[3 + k].as_f64()).collect();
        d.sort_by(f64::total_cmp);
        println!(
            "chart {} in view: median paint {:.2} ms",
            k + 1,
            d.get(d.len() / 2).copied().unwrap_or(f64::NAN)
        );
    }
    let mut ms = pairs;
    ms.sort_by(f64::total_cmp);
    let median = (ms[24] + ms[25]) / 2.0;
    let max = ms[49];
    println!(
        "recompute + redraw of the {in_view} charts in view over 50 changes: median {median:.2} ms, max {max:.2} ms"
    );
    // Measured and printed here; the ≤ 16 ms budget is asserted by `cargo xtask bench` (a timed
    // assertion in the test command would make CI flaky on a loaded machine).
    assert!(median.is_finite() && median > 0.0, "no timing measured");
    browser.close().await;
}

/// Screenshots of each chart at desktop and phone widths in both themes, for review.
#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn screenshots_of_each_chart() {
    for (w, name) in [(1280, "desktop"), (390, "phone")] {
        let (_server, browser) = open(w, 2400).await;
        for theme in ["light", "dark"] {
            js(
                &browser,
                &format!("document.documentElement.dataset.theme = '{theme}';"),
            )
            .await;
            tokio::time::sleep(Duration::from_millis(300)).await;
            for f in FIGURES {
                // A chart repaints (here: in the new theme) as it comes near the viewport.
                js(
                    &browser,
                    &format!("document.querySelector('[data-testid={f}]').scrollIntoView();"),
                )
                .await;
                tokio::time::sleep(Duration::from_millis(150)).await;
                let el = browser
                    .client
                    .find(Locator::Css(&format!("[data-testid={f}]")))
                    .await
                    .expect("figure");
                let png = el.screenshot().await.expect("screenshot");
                let path = format!("/tmp/charts-{name}-{theme}-{f}.png");
                std::fs::write(&path, png).expect("write png");
                println!("saved {path}");
            }
        }
        // Grid zones of one continent, every zone shown (scrolling frame).
        js(
            &browser,
            "const s = document.querySelector('[data-testid=region-scope]');
            s.value = 'zones'; s.dispatchEvent(new Event('change', {bubbles: true}));",
        )
        .await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        js(
            &browser,
            "const s = [...document.querySelectorAll('[data-testid=chart-regions] select')][1];
            s.value = 'EU'; s.dispatchEvent(new Event('change', {bubbles: true}));
            document.querySelector('[data-testid=region-show-all]').click();",
        )
        .await;
        js(
            &browser,
            "document.querySelector('[data-testid=chart-regions]').scrollIntoView();",
        )
        .await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let el = browser
            .client
            .find(Locator::Css("[data-testid=chart-regions]"))
            .await
            .expect("figure");
        let path = format!("/tmp/charts-{name}-dark-zones-eu-all.png");
        std::fs::write(&path, el.screenshot().await.expect("png")).expect("write png");
        println!("saved {path}");
        browser.assert_no_console_errors().await;
        browser.close().await;
    }
}
