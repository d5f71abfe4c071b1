//! The benchmark of reading a generated 200 MB nvidia-smi log through the measurement file
//! input, run by `cargo xtask bench`.

use super::{assert_hooks, expected, open, pick, temp_file, text_of};
use crate::harness::{dist_dir, Browser, StaticServer};
use emissions_core::measure::read_log;
use std::time::{Duration, Instant};

/// A generated 200 MB nvidia-smi log (8 GPUs, 100 ms) picked in the file input: MB/s from the
/// page's marks around the read, and the memory it leaves allocated: wasm memory growth (its
/// peak) plus JS heap growth once garbage collection has settled.
#[tokio::test]
#[ignore = "benchmark: run `cargo xtask bench`"]
async fn bench_measure_log_read() {
    let log = emissions_core::measure::synthetic::nvidia_smi_log(8, 26_400, 100);
    let native = read_log(log.as_bytes()).expect("native read");
    let mb = log.len() as f64 / 1e6;
    let path = temp_file("bench-nvidia-smi.csv", log.as_bytes());
    drop(log);
    let server = StaticServer::start(&dist_dir(), 0, "/").expect("serve dist");
    let browser = Browser::start_with_args(
        1280,
        900,
        &["--enable-precise-memory-info", "--js-flags=--expose-gc"],
    )
    .await;
    open(&browser, &server.url()).await;
    // What stays allocated: the lowest of five samples, each after a full GC and a pause (V8
    // frees array-buffer memory in the background, so a single sample right after a GC still
    // counts chunks already dropped). The wasm memory never shrinks: its growth is the peak.
    let sample = r#"
        const done = arguments[0];
        const mem = window.__mlcalcWasmMemory;
        (async () => {
          let best = null;
          for (let i = 0; i < 5; i++) {
            if (window.gc) { window.gc(); }
            await new Promise(r => setTimeout(r, 200));
            const js = performance.memory ? performance.memory.usedJSHeapSize : 0;
            if (best === null || js < best[0]) { best = [js, mem ? mem.buffer.byteLength : 0]; }
          }
          done(best);
        })();
    "#;
    let before = browser
        .client
        .execute_async(sample, vec![])
        .await
        .expect("memory");
    // The JS heap's peak while reading, sampled every 20 ms (garbage chunks not yet collected).
    browser
        .client
        .execute(
            "window.__peak = 0; window.__peakTimer = setInterval(() => { \
               window.__peak = Math.max(window.__peak, performance.memory.usedJSHeapSize); }, 20); \
             return 1;",
            vec![],
        )
        .await
        .expect("peak sampler");
    pick(&browser, &path).await;
    let deadline = Instant::now() + Duration::from_secs(120);
    let ms = loop {
        let t = browser
            .client
            .execute(
                "const a = performance.getEntriesByName('mlcalc:measure-start'); \
                 const b = performance.getEntriesByName('mlcalc:measure-done'); \
                 return a.length && b.length ? b[0].startTime - a[0].startTime : null;",
                vec![],
            )
            .await
            .expect("marks");
        if let Some(ms) = t.as_f64() {
            break ms;
        }
        assert!(
            Instant::now() < deadline,
            "the log was not read: {:?}",
            text_of(&browser, "measurement-error").await
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let peak = browser
        .client
        .execute(
            "clearInterval(window.__peakTimer); return window.__peak;",
            vec![],
        )
        .await
        .expect("peak")
        .as_f64()
        .unwrap_or(0.0);
    let after = browser
        .client
        .execute_async(sample, vec![])
        .await
        .expect("memory");
    let _ = std::fs::remove_file(&path);
    assert_hooks(&browser, expected(&native), "200 MB log").await;
    let growth =
        |i: usize| (after[i].as_f64().unwrap_or(0.0) - before[i].as_f64().unwrap_or(0.0)) / 1e6;
    let rate = mb / (ms / 1000.0);
    println!(
        "measure: {mb:.0} MB nvidia-smi log read in the browser in {ms:.0} ms: {rate:.0} MB/s; \
         wasm memory +{:.1} MB, JS heap +{:.1} MB",
        growth(1),
        growth(0)
    );
    let peak_growth = (peak - before[0].as_f64().unwrap_or(0.0)) / 1e6;
    println!("JS heap peak while reading: +{peak_growth:.1} MB (garbage not yet collected)");
    println!("BENCH measure_browser_mb_s {rate:.1}");
    println!("BENCH measure_js_heap_peak_growth_mb {peak_growth:.1}");
    println!(
        "BENCH measure_memory_growth_mb {:.1}",
        growth(0).max(0.0) + growth(1).max(0.0)
    );
    browser.close().await;
}
