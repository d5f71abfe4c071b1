//! The comparison charts in the release build: they draw, respond to the keyboard, select
//! options, show tables, redraw within a frame budget, and look right (screenshots in /tmp).

use crate::harness::{dist_dir, Browser, StaticServer, CANVAS_JS, POLL_TIMEOUT};
use fantoccini::Locator;
use serde_json::{json, Value};

const FIGURES: [&str; 3] = ["chart-regions", "chart-hardware", "chart-tornado"];

async fn open(width: u32, height: u32) -> (StaticServer, Browser) {
    let server = StaticServer::start(&dist_dir(), 0, "/").expect("serve dist");
    let browser = Browser::open(&server.url(), width, height).await;
    for f in FIGURES {
        browser
            .wait_text(&format!("[data-testid={f}] figcaption"))
            .await;
    }
    // Charts paint when they come near the viewport: bring each into view and wait until its
    // canvas has pixels other than its background.
    for f in FIGURES {
        browser
            .poll_js(
                &format!(
                    "{CANVAS_JS}
                     const c = document.querySelector('[data-testid={f}] canvas');
                     c.scrollIntoView({{block: 'center'}}); return ink(c) > 0;"
                ),
                vec![],
                POLL_TIMEOUT,
                &format!("{f} to be drawn"),
            )
            .await;
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
fn ink_of(figure: &str) -> String {
    format!("{CANVAS_JS} return ink(document.querySelector('[data-testid={figure}] canvas'));")
}

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn charts_draw_describe_select_and_tabulate() {
    let (_server, browser) = open(1280, 1000).await;
    for f in FIGURES {
        let ink = js(&browser, &ink_of(f)).await.as_f64().unwrap_or(0.0);
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
    browser
        .poll_js(
            "return document.querySelector('[data-testid=emissions-kg]').dataset.value \
             !== arguments[0];",
            vec![before],
            POLL_TIMEOUT,
            "Enter on a region to change the estimate",
        )
        .await;
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

/// 50 input changes (keyboard selection of a region, alternately the second cleanest and the
/// cleanest); each measured in the page from just before the key event to the start of the first
/// animation frame at which the headline and every chart near the viewport show new pixels (the
/// charts off screen repaint when they come back; the region chart is scrolled to the top of the
/// window, so the hardware chart below it is in view as well). The pixels are checked on every
/// frame, up to a second, and read after the frame's clock, so reading them is not measured.
#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn fifty_input_changes_redraw_within_a_frame() {
    let (_server, browser) = open(1280, 1000).await;
    let script = format!(
        "{CANVAS_JS}
      const done = arguments[arguments.length - 1];
      const region = document.querySelector('[data-testid=chart-regions] canvas');
      region.scrollIntoView({{block: 'start'}});
      const near = c => {{ const r = c.getBoundingClientRect();
        return r.bottom > -innerHeight / 2 && r.top < innerHeight * 1.5; }};
      const canvases = [...document.querySelectorAll('.chart canvas')].filter(near);
      const headline = () => document.querySelector('[data-testid=emissions-kg]').dataset.value;
      const tick = () => new Promise(r => {{ const m = new MessageChannel();
        m.port1.onmessage = () => r(); m.port2.postMessage(0); }});
      const frame = () => new Promise(r => requestAnimationFrame(() => r(performance.now())));
      const key = k => region.dispatchEvent(new KeyboardEvent('keydown', {{key: k, bubbles: true, cancelable: true}}));
      (async () => {{
        // Settle: the in-view charts painted, nothing pending.
        await frame(); await frame();
        const out = [];
        for (let i = 0; i < 50; i++) {{
          key('Home'); if (i % 2 === 0) key('ArrowDown'); await tick();
          const before = canvases.map(pixels);
          const kg = headline();
          const t0 = performance.now();
          key('Enter');
          let at, frames = 0;
          let pending = canvases.map((_, k) => k);
          const check = () => {{
            pending = pending.filter(k => !differs(pixels(canvases[k]), before[k]));
            return headline() !== kg && pending.length === 0;
          }};
          do {{ at = await frame(); frames++; }} while (!check() && at - t0 < 1000);
          // [ms, charts not repainted, in view, frames, headline before, after]
          out.push([at - t0, pending.length, canvases.length, frames, kg, headline()]);
        }}
        done(out);
      }})();"
    );
    let out = browser
        .client
        .execute_async(&script, vec![])
        .await
        .expect("measure");
    let rows: Vec<&Vec<Value>> = out
        .as_array()
        .expect("array")
        .iter()
        .filter_map(Value::as_array)
        .collect();
    assert_eq!(rows.len(), 50);
    let in_view = rows[0][2].as_u64().unwrap_or(0);
    assert!(in_view >= 2, "the region and hardware charts are in view");
    for (i, r) in rows.iter().enumerate() {
        assert_ne!(r[4], r[5], "change {i}: the headline did not change: {r:?}");
        assert_eq!(
            r[1],
            json!(0),
            "change {i}: {} of the {in_view} charts in view did not repaint within 1 s: {r:?}",
            r[1]
        );
    }
    let first_frame = rows.iter().filter(|r| r[3] == json!(1)).count();
    let mut ms: Vec<f64> = rows
        .iter()
        .map(|r| r[0].as_f64().unwrap_or(f64::NAN))
        .collect();
    ms.sort_by(f64::total_cmp);
    let median = (ms[24] + ms[25]) / 2.0;
    let max = ms[49];
    println!(
        "input → the frame showing the {in_view} charts in view redrawn, over 50 changes: \
         median {median:.2} ms, max {max:.2} ms ({first_frame} of 50 at the first frame)"
    );
    // Measured and printed here; the ≤ 16 ms budget is asserted by `cargo xtask bench` (a timed
    // assertion in the test command would make CI flaky on a loaded machine).
    browser.close().await;
}

/// Waits until the chart `figure` shows a painting in the theme (`dark`): ink on a background as
/// dark or as light as the theme, different from the page's snapshot `window[snapshot]` when
/// given (taken with [`snapshot`]); returns the top-left (background) pixel as `[r, g, b, a]`.
async fn wait_painted(
    browser: &Browser,
    figure: &str,
    dark: bool,
    snapshot: Option<&str>,
) -> Value {
    let script = format!(
        "{CANVAS_JS}
         const [dark, snap] = arguments;
         const c = document.querySelector('[data-testid={figure}] canvas');
         const l = bgLum(c), share = ink(c);
         const themed = dark ? l >= 0 && l < 0.5 : l > 0.5;
         const changed = !snap || differs(pixels(c), window[snap]);
         return themed && share > 0.02 && changed
           ? [...c.getContext('2d').getImageData(0, 0, 1, 1).data] : null;"
    );
    browser
        .poll_js(
            &script,
            vec![json!(dark), json!(snapshot)],
            POLL_TIMEOUT,
            &format!(
                "{figure} painted in the {} theme{}",
                if dark { "dark" } else { "light" },
                if snapshot.is_some() {
                    " and changed"
                } else {
                    ""
                }
            ),
        )
        .await
}

/// Keeps the pixels of the chart `figure`'s canvas on `window[name]`, for [`wait_painted`].
async fn snapshot(browser: &Browser, figure: &str, name: &str) {
    js(
        browser,
        &format!(
            "{CANVAS_JS} window.{name} = pixels(document.querySelector('[data-testid={figure}] canvas'));"
        ),
    )
    .await;
}

/// Screenshots of each chart at desktop and phone widths in both themes, for review; each chart
/// is checked to be painted (ink on its background) in the page's theme, the dark background
/// differing from the light one, and the zone view to repaint when its options change.
#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn screenshots_of_each_chart() {
    for (w, name) in [(1280, "desktop"), (390, "phone")] {
        let (_server, browser) = open(w, 2400).await;
        let mut backgrounds = Vec::new();
        for (theme, dark) in [("light", false), ("dark", true)] {
            js(
                &browser,
                &format!("document.documentElement.dataset.theme = '{theme}';"),
            )
            .await;
            for f in FIGURES {
                // A chart repaints (here: in the new theme) as it comes near the viewport.
                js(
                    &browser,
                    &format!("document.querySelector('[data-testid={f}]').scrollIntoView();"),
                )
                .await;
                let background = wait_painted(&browser, f, dark, None).await;
                backgrounds.push((f, theme, background));
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
        for f in FIGURES {
            let [light, dark] = [0, 1].map(|k| {
                backgrounds
                    .iter()
                    .filter(|(g, _, _)| *g == f)
                    .nth(k)
                    .map(|(_, _, b)| b.clone())
            });
            println!("{name} {f}: background light {light:?}, dark {dark:?}");
            assert_ne!(
                light, dark,
                "{name} {f}: the same background in both themes"
            );
        }
        // Grid zones of one continent, every zone shown (scrolling frame).
        js(
            &browser,
            "document.querySelector('[data-testid=chart-regions]').scrollIntoView();",
        )
        .await;
        snapshot(&browser, "chart-regions", "__e2eRegions").await;
        js(
            &browser,
            "const s = document.querySelector('[data-testid=region-scope]');
            s.value = 'zones'; s.dispatchEvent(new Event('change', {bubbles: true}));",
        )
        .await;
        // The continent filter appears with the zones, and the chart repaints with them.
        browser
            .poll_js(
                "return document.querySelectorAll('[data-testid=chart-regions] select').length === 2;",
                vec![],
                POLL_TIMEOUT,
                "the continent filter of the zone view",
            )
            .await;
        wait_painted(&browser, "chart-regions", true, Some("__e2eRegions")).await;
        snapshot(&browser, "chart-regions", "__e2eRegions").await;
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
        wait_painted(&browser, "chart-regions", true, Some("__e2eRegions")).await;
        let note = browser
            .poll_js(
                "const n = document.querySelector('[data-testid=chart-regions] .chart-note');
                 return n && !n.textContent.includes('Cleanest') ? n.textContent : null;",
                vec![],
                POLL_TIMEOUT,
                "every EU zone shown, not the cleanest few",
            )
            .await;
        let el = browser
            .client
            .find(Locator::Css("[data-testid=chart-regions]"))
            .await
            .expect("figure");
        let path = format!("/tmp/charts-{name}-dark-zones-eu-all.png");
        std::fs::write(&path, el.screenshot().await.expect("png")).expect("write png");
        println!("saved {path} ({note})");
        browser.assert_no_console_errors().await;
        browser.close().await;
    }
}
