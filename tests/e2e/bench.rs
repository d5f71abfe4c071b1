//! Browser benchmarks, run by `cargo xtask bench` (which prints them against their budgets).
//! Each prints `BENCH <name> <value>` lines; the budgets are asserted by the xtask, not here.

use crate::harness::{dist_dir, Browser, StaticServer, WASM_MEMORY_PROPERTY};
use serde_json::{json, Value};

/// The input whose changes the interaction benchmarks type into: hours per run.
pub const HOURS_INPUT: &str = "#f-hours";

fn stats(mut v: Vec<f64>) -> (f64, f64, f64) {
    v.sort_by(f64::total_cmp);
    let median = if v.is_empty() {
        f64::NAN
    } else {
        v[v.len() / 2]
    };
    (
        median,
        v.first().copied().unwrap_or(f64::NAN),
        v.last().copied().unwrap_or(f64::NAN),
    )
}

/// Injected before the page's own scripts: records when the headline estimate is first in the
/// DOM and visible, when the frame after it has been painted (a `requestAnimationFrame` callback runs just
/// before that frame is drawn; a message posted from it is delivered after), and the long tasks
/// that ran in between (where the time goes).
const PAINT_PROBE: &str = r#"
(() => {
  const w = window;
  w.__e2eLongTasks = [];
  try {
    new PerformanceObserver(l => { for (const e of l.getEntries()) w.__e2eLongTasks.push([e.startTime, e.duration]); })
      .observe({type: 'longtask', buffered: true});
  } catch (_) {}
  // Visible, not only in the DOM (a hidden element is painted as nothing).
  const found = () => [...document.querySelectorAll('[data-testid=emissions-kg][data-value]')]
    .some(e => e.checkVisibility());
  const painted = () => {
    w.__e2eInDomAt = performance.now();
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { w.__e2ePaintedAt = performance.now(); };
      ch.port2.postMessage(0);
    });
  };
  const obs = new MutationObserver(() => { if (found()) { obs.disconnect(); painted(); } });
  obs.observe(document, {subtree: true, childList: true, attributes: true});
})();
"#;

/// The share link the paint benchmark also opens (the one Lighthouse measures too).
const SHARE_LINK: &str = "?hw=h100-sxm&n=64&h=120&loc=gcp/europe-west4";

/// A page with only the headline number, as fast as a page can show one (the reference of the
/// paint-time ratio).
const STATIC_PAGE: &str = "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>\
<meta name=viewport content='width=device-width, initial-scale=1'><title>One number</title></head>\
<body><p>Emissions: <span data-testid=emissions-kg data-value=21.6>21.6 kg</span> CO₂e</p></body></html>";

/// Opens `url` in a fresh browser (cold cache) with [`PAINT_PROBE`]; returns (in the DOM, painted,
/// long-task milliseconds between the two), in ms since navigation start.
async fn paint_times(url: &str) -> (f64, f64, f64) {
    let browser = Browser::start(1280, 900).await;
    browser.add_script_before_pages(PAINT_PROBE).await;
    browser.client.goto(url).await.expect("open");
    let t = browser
        .poll_js(
            "return window.__e2ePaintedAt ? [window.__e2eInDomAt, window.__e2ePaintedAt, \
               window.__e2eLongTasks.filter(([s, d]) => s + d > window.__e2eInDomAt && s < window.__e2ePaintedAt) \
                 .reduce((a, [s, d]) => a + d, 0)] : {waiting: 'the first estimate painted'};",
            vec![],
            std::time::Duration::from_secs(10),
            "the first estimate painted",
        )
        .await;
    browser.close().await;
    let at = |i: usize| t[i].as_f64().unwrap_or(f64::NAN);
    (at(0), at(1), at(2))
}

/// Navigation start → the headline estimate in the DOM (the app's `mlcalc:first-estimate` mark),
/// cold cache: a fresh browser profile for every load.
#[tokio::test]
#[ignore = "benchmark: run `cargo xtask bench`"]
async fn bench_time_to_first_estimate() {
    let server = StaticServer::start(&dist_dir(), 0, "/").expect("serve dist");
    let mut times = Vec::new();
    // Where the time goes, per load: wasm downloaded, wasm `main` started, dataset parsed.
    let mut stages: [Vec<f64>; 3] = Default::default();
    for _ in 0..12 {
        let browser = Browser::open(&server.url(), 1280, 900).await;
        browser.wait_text("#main [data-testid=emissions-kg]").await;
        let t = browser
            .client
            .execute(
                "const at = n => { const m = performance.getEntriesByName(n); \
                   return m.length ? m[0].startTime : null; };
                 const wasm = performance.getEntriesByType('resource')
                   .find(r => r.name.endsWith('.wasm'));
                 return [at('mlcalc:first-estimate'), wasm ? wasm.responseEnd : null,
                         at('mlcalc:start'), at('mlcalc:data-ready')];",
                vec![],
            )
            .await
            .expect("read the marks");
        times.push(
            t[0].as_f64()
                .expect("the app sets the mlcalc:first-estimate mark"),
        );
        for (stage, v) in stages.iter_mut().zip(1..) {
            stage.push(t[v].as_f64().unwrap_or(f64::NAN));
        }
        browser.close().await;
    }
    let (median, min, max) = stats(times.clone());
    println!(
        "time to first estimate over {} cold loads: {times:.0?} ms",
        times.len()
    );
    let [wasm, start, data] = stages.map(|s| stats(s).0);
    println!(
        "median stages: wasm downloaded {wasm:.0} ms, main started {start:.0} ms, \
         dataset ready {data:.0} ms, first estimate {median:.0} ms"
    );
    println!(
        "BENCH ttfe_median_ms {median:.1}\nBENCH ttfe_min_ms {min:.1}\nBENCH ttfe_max_ms {max:.1}"
    );
}

/// Navigation start → the first estimate on screen (the frame after it is in the DOM), over 12
/// cold loads, beside a static page with one number measured the same way in the same run, and a
/// share link (where the first estimate is the app's own).
#[tokio::test]
#[ignore = "benchmark: run `cargo xtask bench`"]
async fn bench_time_to_first_estimate_painted() {
    let server = StaticServer::start(&dist_dir(), 0, "/").expect("serve dist");
    let static_dir = std::env::temp_dir().join("mlcalc-one-number-page");
    std::fs::create_dir_all(&static_dir).expect("temp dir");
    std::fs::write(static_dir.join("index.html"), STATIC_PAGE).expect("write the static page");
    let reference = StaticServer::start(&static_dir, 0, "/").expect("serve the static page");
    let (mut app, mut plain, mut in_dom, mut blocked) = (vec![], vec![], vec![], vec![]);
    // A share link shows the app's own estimate (the build's first estimate is the default job's).
    let (share_url, mut shared) = (format!("{}{SHARE_LINK}", server.url()), vec![]);
    // Interleaved, so that all see the same machine load.
    for _ in 0..12 {
        let (dom, painted, long) = paint_times(&server.url()).await;
        app.push(painted);
        in_dom.push(dom);
        blocked.push(long);
        plain.push(paint_times(&reference.url()).await.1);
        shared.push(paint_times(&share_url).await.1);
    }
    let (median, min, max) = stats(app.clone());
    let reference_median = stats(plain.clone()).0;
    println!(
        "first estimate painted over {} cold loads: {app:.0?} ms",
        app.len()
    );
    println!("static one-number page painted: {plain:.0?} ms");
    println!("share link, the app's estimate painted: {shared:.0?} ms");
    println!(
        "median: in the DOM {:.0} ms, painted {median:.0} ms; long tasks between the two {:.0} ms",
        stats(in_dom).0,
        stats(blocked).0
    );
    println!(
        "BENCH ttfe_paint_median_ms {median:.1}\nBENCH ttfe_paint_min_ms {min:.1}\n\
         BENCH ttfe_paint_max_ms {max:.1}\nBENCH static_paint_median_ms {reference_median:.1}\n\
         BENCH ttfe_paint_ratio {:.2}\nBENCH ttfe_paint_share_median_ms {:.1}",
        median / reference_median,
        stats(shared).0
    );
}

/// Types `n` new values into the hours input; returns per-change milliseconds from the input
/// event to the DOM and charts updated (all reactive effects done, layout flushed).
pub async fn time_changes(browser: &Browser, n: usize) -> Vec<f64> {
    let script = r#"
        const [sel, n, done] = arguments;
        const el = document.querySelector(sel);
        if (!el) { done({error: 'no input ' + sel}); return; }
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
        const headline = () => document.querySelector('[data-testid=emissions-kg]')?.dataset.value;
        (async () => {
          const out = [];
          let unchanged = 0;
          for (let i = 0; i < n; i++) {
            const before = headline();
            const t0 = performance.now();
            setValue.call(el, String(10 + (i % 40) + 0.5));
            el.dispatchEvent(new Event('input', {bubbles: true}));
            el.dispatchEvent(new Event('change', {bubbles: true}));
            // Leptos runs effects (canvas redraws) as microtasks: a zero timeout runs after all.
            await new Promise(r => setTimeout(r, 0));
            void document.body.offsetHeight;
            out.push(performance.now() - t0);
            if (headline() === before) unchanged++;
            await new Promise(r => requestAnimationFrame(() => r()));
          }
          done({times: out, unchanged});
        })();
    "#;
    let result = browser
        .client
        .execute_async(script, vec![json!(HOURS_INPUT), json!(n)])
        .await
        .expect("run the interaction script");
    assert!(result["error"].is_null(), "{}", result["error"]);
    assert_eq!(
        result["unchanged"],
        json!(0),
        "some changes did not update the headline"
    );
    result["times"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default()
}

/// Input change → numbers and charts updated, over 60 changes (10 warm-up dropped): once at the
/// top of the page (the charts are off screen and repaint when scrolled to), once with the region
/// and hardware charts in view (they repaint on every change).
#[tokio::test]
#[ignore = "benchmark: run `cargo xtask bench`"]
async fn bench_interaction() {
    let server = StaticServer::start(&dist_dir(), 0, "/").expect("serve dist");
    let browser = Browser::open(&server.url(), 1280, 900).await;
    browser.wait_text("#main [data-testid=emissions-kg]").await;
    for (place, key, scroll_to_charts) in [
        ("page top", "interaction", false),
        ("charts in view", "interaction_charts", true),
    ] {
        if scroll_to_charts {
            browser
                .client
                .execute(
                    "document.querySelector('[data-testid=chart-regions] canvas')
                       .scrollIntoView({block: 'start'}); return true;",
                    vec![],
                )
                .await
                .expect("scroll to the charts");
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        }
        let times = time_changes(&browser, 60).await;
        let measured: Vec<f64> = times.into_iter().skip(10).collect();
        let (median, min, max) = stats(measured.clone());
        println!(
            "interaction ({place}) over {} changes: median {median:.2} ms, min {min:.2}, max {max:.2}",
            measured.len()
        );
        println!("BENCH {key}_median_ms {median:.2}\nBENCH {key}_max_ms {max:.2}");
    }
    browser.assert_no_console_errors().await;
    browser.close().await;
}

/// JS heap and wasm memory after 200 interactions, sampled every 50 after a forced GC. The wasm
/// memory is the one the page instantiated, kept by a script the harness injects before the page.
#[tokio::test]
#[ignore = "benchmark: run `cargo xtask bench`"]
async fn bench_memory() {
    let server = StaticServer::start(&dist_dir(), 0, "/").expect("serve dist");
    let browser = Browser::start_with_args(
        1280,
        900,
        &["--enable-precise-memory-info", "--js-flags=--expose-gc"],
    )
    .await;
    browser.keep_wasm_memory().await;
    browser.client.goto(&server.url()).await.expect("open");
    browser.wait_text("#main [data-testid=emissions-kg]").await;
    let sample = format!(
        "if (window.gc) {{ window.gc(); }}
         const mem = window.{WASM_MEMORY_PROPERTY};
         return [performance.memory ? performance.memory.usedJSHeapSize : 0,
                 mem ? mem.buffer.byteLength : 0];"
    );
    let mut samples = Vec::new();
    for round in 0..=4 {
        if round > 0 {
            time_changes(&browser, 50).await;
        }
        let s = browser
            .client
            .execute(&sample, vec![])
            .await
            .expect("sample memory");
        let js = s[0].as_f64().unwrap_or(0.0) / 1024.0;
        let wasm = s[1].as_f64().unwrap_or(0.0) / 1024.0;
        println!(
            "after {:3} interactions: JS heap {js:8.0} KB, wasm memory {wasm:8.0} KB",
            round * 50
        );
        samples.push((js, wasm));
    }
    let (js50, wasm50) = samples[1];
    let (js200, wasm200) = samples[4];
    assert!(
        wasm50 > 0.0 && wasm200 > 0.0,
        "the injected script found no wasm memory (window.{WASM_MEMORY_PROPERTY})"
    );
    println!(
        "BENCH js_heap_kb_after_200 {js200:.0}\nBENCH js_heap_growth_kb_50_to_200 {:.0}",
        js200 - js50
    );
    println!(
        "BENCH wasm_memory_kb_after_200 {wasm200:.0}\nBENCH wasm_memory_growth_kb_50_to_200 {:.0}",
        wasm200 - wasm50
    );
    browser.close().await;
}
