//! How fast and how good the page is: input → updated numbers latency (each change checked for
//! the right new number), and full-page screenshots of both themes at desktop and phone widths
//! (written to /tmp for a person to look at) with what can be checked in them: no horizontal
//! overflow (also at 360 px), the dark theme applied, every chart painted in the page's theme.

use super::{click, open, value};
use crate::harness::{dist_dir, Browser, StaticServer, CANVAS_JS, POLL_TIMEOUT};
use serde_json::{json, Value};

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn input_to_updated_numbers_within_one_frame() {
    let server = StaticServer::start(&dist_dir(), 0, "/").expect("serve dist");
    let browser = Browser::start(1280, 1000).await;
    open(&browser, &server.url()).await;
    // The estimate is proportional to the hours (the calculator test checks 48 h = 2 × 24 h):
    // every change must show the default's figure scaled by the new hours.
    let hours0: f64 = browser
        .client
        .execute("return document.querySelector('#f-hours').value", vec![])
        .await
        .expect("read the hours")
        .as_str()
        .and_then(|s| s.parse().ok())
        .expect("a number of hours");
    let kg0 = value(&browser, "emissions-kg").await;
    assert!(
        kg0.is_finite() && kg0 > 0.0 && hours0 > 0.0,
        "{kg0} kg, {hours0} h"
    );
    let js = r#"
        const done = arguments[arguments.length - 1];
        const WARMUP = 10;
        const input = document.querySelector('#f-hours');
        const hook = () => document.querySelector('[data-testid=emissions-kg]')?.dataset.value;
        // Per change: [ms (null when the headline did not change within a second), hours, value].
        const rows = [];
        let i = 0;
        const step = () => {
            // The first WARMUP changes let the JIT and caches settle; they are not reported.
            if (i >= WARMUP + 50) { done(rows.slice(WARMUP)); return; }
            const before = hook();
            const hours = 30 + i;
            const t0 = performance.now();
            let finished = false;
            const finish = ms => {
                if (finished) return;
                finished = true; obs.disconnect(); clearTimeout(timer);
                rows.push([ms, hours, hook()]); i++;
                requestAnimationFrame(() => setTimeout(step, 0));
            };
            const obs = new MutationObserver(() => {
                if (hook() !== before) finish(performance.now() - t0);
            });
            obs.observe(document.body, { subtree: true, childList: true, attributes: true });
            const timer = setTimeout(() => finish(null), 1000);
            input.value = String(hours);
            input.dispatchEvent(new Event('input', { bubbles: true }));
            if (hook() !== before) finish(performance.now() - t0);
        };
        step();
    "#;
    let out = browser
        .client
        .execute_async(js, vec![])
        .await
        .expect("timing script");
    let rows: Vec<&Vec<Value>> = out
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(Value::as_array)
        .collect();
    assert_eq!(rows.len(), 50);
    let mut times = Vec::new();
    for r in &rows {
        let hours = r[1].as_f64().expect("hours");
        let shown: f64 = r[2]
            .as_str()
            .and_then(|s| s.parse().ok())
            .unwrap_or(f64::NAN);
        let want = kg0 * hours / hours0;
        let ms = r[0].as_f64();
        assert!(
            ms.is_some(),
            "{hours} h: the headline did not change within 1 s (shows {shown})"
        );
        assert!(
            (shown - want).abs() <= 1e-9 * want.abs(),
            "{hours} h: the headline shows {shown} kg, expected {want} kg"
        );
        times.extend(ms);
    }
    times.sort_by(f64::total_cmp);
    let median = (times[24] + times[25]) / 2.0;
    let max = times[49];
    println!("input → updated numbers over 50 changes: median {median:.2} ms, max {max:.2} ms");
    // Measured and printed here; the ≤ 16 ms budget is asserted by `cargo xtask bench` (a timed
    // assertion in the test command would make CI flaky on a loaded machine).
    browser.assert_no_console_errors().await;
    browser.close().await;
}

/// What stands out past the right edge of the viewport: the page's scroll width against its
/// client width, and every visible element whose right edge (where no ancestor clips it) is
/// beyond the viewport.
const OVERFLOW: &str = "
    const de = document.documentElement;
    const vw = de.clientWidth;
    // The right edge an element is clipped to by its ancestors (Infinity when none clips it).
    const clips = new Map();
    const clipOf = el => {
      if (!el || el === de || el === document.body) return Infinity;
      if (clips.has(el)) return clips.get(el);
      const cs = getComputedStyle(el);
      let right = clipOf(el.parentElement);
      if (cs.overflowX !== 'visible' || /paint|strict|content/.test(cs.contain)
          || cs.contentVisibility === 'auto') {
        right = Math.min(right, el.getBoundingClientRect().right);
      }
      clips.set(el, right);
      return right;
    };
    const out = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility !== 'visible' || cs.clip !== 'auto' || cs.clipPath !== 'none') continue;
      const right = Math.min(r.right, clipOf(el.parentElement));
      if (right > vw + 0.5) {
        const id = el.id ? '#' + el.id : '';
        const cls = typeof el.className === 'string' && el.className
          ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
        const tid = el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : '';
        out.push(`${el.tagName.toLowerCase()}${id}${cls}${tid} right edge ${r.right.toFixed(1)}`);
      }
    }
    return {innerWidth, clientWidth: vw, scrollWidth: de.scrollWidth, beyond: out.slice(0, 12),
            count: out.length};
";

/// Asserts that nothing sticks out past the right edge at the current window size.
async fn assert_no_horizontal_overflow(browser: &Browser, width: u32, theme: &str) {
    let r = browser
        .client
        .execute(OVERFLOW, vec![])
        .await
        .expect("overflow script");
    println!(
        "{width} px, {theme}: viewport {} px, page {} px wide, {} elements beyond the right edge",
        r["clientWidth"], r["scrollWidth"], r["count"]
    );
    assert_eq!(
        r["innerWidth"],
        json!(width),
        "the window is not {width} px wide"
    );
    let (scroll, client) = (
        r["scrollWidth"].as_f64().unwrap_or(f64::INFINITY),
        r["clientWidth"].as_f64().unwrap_or(0.0),
    );
    assert!(
        scroll <= client,
        "{width} px, {theme}: the page scrolls sideways: {r}"
    );
    assert_eq!(
        r["count"],
        json!(0),
        "{width} px, {theme}: elements beyond the right edge: {r}"
    );
}

/// Waits until the window has `width` × at least `height` CSS px and every chart canvas has been
/// painted (it has ink, on a background as dark or as light as the theme); returns how many.
async fn wait_for_charts(browser: &Browser, width: u32, height: u32, dark: bool) -> u64 {
    let script = format!(
        "{CANVAS_JS}
         const [w, h, dark] = arguments;
         if (innerWidth !== w || innerHeight < h) return {{waiting: `window ${{innerWidth}}×${{innerHeight}}`}};
         const cs = [...document.querySelectorAll('.chart canvas')];
         const seen = cs.map(c => [ink(c), bgLum(c)]);
         const ok = seen.every(([share, l]) => share > 0.02 && (dark ? l >= 0 && l < 0.5 : l > 0.5));
         return cs.length && ok ? cs.length : {{waiting: `[ink, background luminance]: ${{JSON.stringify(seen)}}`}};"
    );
    browser
        .poll_js(
            &script,
            vec![json!(width), json!(height), json!(dark)],
            POLL_TIMEOUT,
            &format!("every chart painted at {width}×{height} (dark: {dark})"),
        )
        .await
        .as_u64()
        .unwrap_or(0)
}

/// Full-page screenshot at `width` in one theme, after checking the page's looks; returns the
/// page's computed background colour.
async fn screenshot(width: u32, dark: bool, url: &str) -> String {
    let theme = if dark { "dark" } else { "light" };
    let browser = Browser::start(width, 900).await;
    open(&browser, url).await;
    if dark {
        // System → Light → Dark.
        click(&browser, "[data-testid=theme-toggle]").await;
        click(&browser, "[data-testid=theme-toggle]").await;
    }
    // The theme is applied: `data-theme` on <html> and the page background follows it.
    let background = browser
        .poll_js(
            &format!(
                "{CANVAS_JS}
                 const [dark] = arguments;
                 const bg = getComputedStyle(document.body).backgroundColor;
                 const l = cssLum(bg);
                 const attr = document.documentElement.dataset.theme;
                 return (dark ? attr === 'dark' && l >= 0 && l < 0.5 : attr !== 'dark' && l > 0.5)
                   ? bg : null;"
            ),
            vec![json!(dark)],
            POLL_TIMEOUT,
            &format!("the {theme} theme on the page"),
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string();
    // Grow the window to the page's height for a full-page image (the window is taller than its
    // viewport by `frame` px).
    let size = browser
        .client
        .execute(
            "return [document.documentElement.scrollHeight, outerHeight - innerHeight];",
            vec![],
        )
        .await
        .expect("read the page height");
    let height = size[0].as_u64().unwrap_or(2400).min(8000) as u32;
    let frame = size[1].as_u64().unwrap_or(0).min(400) as u32;
    browser
        .client
        .set_window_size(width, height + frame)
        .await
        .expect("resize the window");
    let charts = wait_for_charts(&browser, width, height, dark).await;
    println!("{width} px, {theme}: page background {background}, {charts} charts painted");
    assert_no_horizontal_overflow(&browser, width, theme).await;
    let png = browser.client.screenshot().await.expect("screenshot");
    let path = format!("/tmp/page-{width}-{theme}.png");
    std::fs::write(&path, png).expect("write screenshot");
    println!("wrote {path}");
    // The narrowest common phone: checked in the same session, no screenshot.
    if width == 390 {
        browser
            .client
            .set_window_size(360, height + frame)
            .await
            .expect("resize the window");
        wait_for_charts(&browser, 360, height, dark).await;
        assert_no_horizontal_overflow(&browser, 360, theme).await;
    }
    browser.assert_no_console_errors().await;
    browser.close().await;
    background
}

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn screenshots_at_1280_and_390_in_both_themes() {
    let server = StaticServer::start(&dist_dir(), 0, "/").expect("serve dist");
    for width in [1280, 390] {
        let light = screenshot(width, false, &server.url()).await;
        let dark = screenshot(width, true, &server.url()).await;
        assert_ne!(
            light, dark,
            "{width} px: the dark theme has the light background"
        );
    }
}
