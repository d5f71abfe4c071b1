//! "Measured run" through the release build: sample logs picked in the file input become the
//! job (hooks equal the native reader's summary of the same file), no network request while
//! reading, bad files and Cancel keep the job, a header-less log read with its column list; and the
//! benchmark of a 200 MB log read through the same input.

use crate::harness::{dist_dir, Browser, StaticServer};
use emissions_core::measure::{read_log, LogReader, LogSummary, Measured};
use fantoccini::Locator;
use serde_json::json;
use std::path::PathBuf;
use std::time::{Duration, Instant};

mod bench;

const INPUT: &str = "[data-testid=measurement-file]";

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("core/tests/data/logs/{name}"))
}

/// Writes `bytes` to a temporary file and returns its absolute path.
pub(crate) fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("mlcalc-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).expect("write a temporary log");
    path
}

pub(crate) async fn open(browser: &Browser, url: &str) {
    browser.client.goto(url).await.expect("open the app");
    browser.wait_text("[data-testid=emissions-kg]").await;
    browser.wait_text("[data-testid=measured-run] h2").await;
}

/// The `data-value` of a hook as a number (NaN when absent).
pub(crate) async fn value(browser: &Browser, hook: &str) -> f64 {
    let js = "const e = document.querySelector(`[data-testid=${arguments[0]}]`); \
              return e ? e.dataset.value : null;";
    let v = browser
        .client
        .execute(js, vec![json!(hook)])
        .await
        .expect("script");
    v.as_str().and_then(|s| s.parse().ok()).unwrap_or(f64::NAN)
}

pub(crate) async fn text_of(browser: &Browser, hook: &str) -> Option<String> {
    let js = "const e = document.querySelector(`[data-testid=${arguments[0]}]`); \
              return e ? e.textContent : null;";
    let v = browser
        .client
        .execute(js, vec![json!(hook)])
        .await
        .expect("script");
    v.as_str().map(String::from)
}

/// Picks `path` in the file input, as a person choosing it would.
pub(crate) async fn pick(browser: &Browser, path: &std::path::Path) {
    let input = browser
        .client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(INPUT))
        .await
        .expect("the measurement file input");
    input
        .send_keys(&path.display().to_string())
        .await
        .expect("send the file path");
}

/// Waits until `hook`'s text contains `want` (10 s).
async fn wait_for(browser: &Browser, hook: &str, want: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let text = text_of(browser, hook).await.unwrap_or_default();
        if text.contains(want) {
            return text;
        }
        assert!(
            Instant::now() < deadline,
            "{hook} never contained {want:?}; it reads {text:?}; error: {:?}",
            text_of(browser, "measurement-error").await
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// (energy kWh, hours, average W per device) as the page must show them.
pub(crate) fn expected(s: &LogSummary) -> (f64, f64, f64) {
    match &s.content {
        Measured::Power(p) => (
            p.energy.0,
            p.duration.0,
            p.average_power.0 / p.devices.len().max(1) as f64,
        ),
        Measured::CodeCarbon(c) => {
            let gpus = c.runs[0].gpu_count.unwrap_or(1).max(1);
            let hours = c.duration.0;
            (
                c.energy.0,
                hours,
                c.energy.0 * 1000.0 / (hours * f64::from(gpus)),
            )
        }
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * a.abs().max(b.abs())
}

pub(crate) async fn assert_hooks(browser: &Browser, want: (f64, f64, f64), what: &str) {
    let got = (
        value(browser, "measured-energy-kwh").await,
        value(browser, "measured-hours").await,
        value(browser, "measured-avg-w").await,
    );
    assert!(
        close(got.0, want.0) && close(got.1, want.1) && close(got.2, want.2),
        "{what}: page {got:?}, native {want:?}"
    );
    println!("{what}: {got:?} kWh, h, W per device (native: same)");
}

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn measured_logs_become_the_job_without_network_requests() {
    let server = StaticServer::start(&dist_dir(), 0, "/").expect("serve dist");
    let browser = Browser::start(1280, 1000).await;
    open(&browser, &server.url()).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    browser.requested_urls().await;
    for name in [
        "nvidia_smi_lms100_2gpu.csv",
        "nvidia_smi_gap.csv",
        "codecarbon_2runs.csv",
        "nvidia_smi_repeated_header.csv",
        "plain_timestamp_watts.csv",
    ] {
        let path = sample(name);
        let native = read_log(&std::fs::read(&path).expect("sample log")).expect("native read");
        let before = value(&browser, "emissions-kg").await;
        pick(&browser, &path).await;
        wait_for(&browser, "measured-summary", name).await;
        assert_hooks(&browser, expected(&native), name).await;
        let after = value(&browser, "emissions-kg").await;
        assert!(after.is_finite() && after > 0.0, "{name}: no estimate");
        assert_ne!(before, after, "{name}: the job did not change");
        let applied = text_of(&browser, "measured-applied")
            .await
            .unwrap_or_default();
        assert!(applied.contains("From the log"), "{applied}");
        if name == "codecarbon_2runs.csv" {
            assert!(applied.contains("location aws us-east-1"), "{applied}");
        }
        if name == "nvidia_smi_gap.csv" {
            assert!(applied.contains("hardware h100-pcie"), "{applied}");
            let prior = text_of(&browser, "measured-vs-prior")
                .await
                .unwrap_or_default();
            assert!(prior.contains("% of TDP on average"), "{prior}");
            // The share link carries the measured job.
            let url = browser
                .wait_url(|u| u.contains("hw=h100-pcie") && u.contains("w=400"))
                .await;
            assert!(
                url.contains("hw=h100-pcie") && url.contains("w=400"),
                "{url}"
            );
        }
    }
    let counts = text_of(&browser, "measured-counts")
        .await
        .unwrap_or_default();
    assert!(counts.contains("Repeated headers: 0"), "{counts}");
    let requests = browser.requested_urls().await;
    assert!(
        requests.is_empty(),
        "reading logs made requests: {requests:#?}"
    );
    // A one-GPU log with a gap for the picture (a-priori range and counts shown), then the
    // section's screenshot.
    pick(&browser, &sample("nvidia_smi_gap.csv")).await;
    wait_for(&browser, "measured-summary", "nvidia_smi_gap.csv").await;
    let section = browser
        .client
        .find(Locator::Css("[data-testid=measured-run]"))
        .await
        .expect("the section");
    browser
        .client
        .execute(
            "document.querySelector('[data-testid=measured-run]').scrollIntoView(); return 1;",
            vec![],
        )
        .await
        .expect("scroll");
    let png = section.screenshot().await.expect("screenshot");
    let path = std::env::var("MLCALC_MEASURE_SCREENSHOT")
        .unwrap_or_else(|_| "/tmp/measure-section.png".to_string());
    std::fs::write(&path, png).expect("write the screenshot");
    println!("wrote {path}");
    browser.assert_no_console_errors().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn unreadable_logs_keep_the_job_and_headerless_logs_take_a_column_list() {
    let server = StaticServer::start(&dist_dir(), 0, "/").expect("serve dist");
    let browser = Browser::start(1280, 1000).await;
    open(&browser, &server.url()).await;
    pick(&browser, &sample("plain_timestamp_watts.csv")).await;
    wait_for(&browser, "measured-summary", "plain_timestamp_watts.csv").await;
    let kg = value(&browser, "emissions-kg").await;
    let kwh = value(&browser, "measured-energy-kwh").await;
    let mut bad_value = std::fs::read(sample("nvidia_smi_gap.csv")).expect("sample");
    let at = bad_value
        .windows(6)
        .position(|w| w == b"400.00")
        .expect("a reading");
    bad_value[at..at + 6].copy_from_slice(b"4x0.00");
    for (name, bytes, want) in [
        ("empty.csv", b"".to_vec(), "the file is empty"),
        ("binary.csv", b"PK\x03\x04\x00\x00rest".to_vec(), "binary"),
        ("bad-value.csv", bad_value, "column"),
    ] {
        let path = temp_file(name, &bytes);
        pick(&browser, &path).await;
        let error = wait_for(&browser, "measurement-error", want).await;
        println!("{name}: {error}");
        assert!(error.contains("keeps its previous job"), "{error}");
        assert_eq!(
            value(&browser, "emissions-kg").await,
            kg,
            "{name} changed the job"
        );
        assert_eq!(value(&browser, "measured-energy-kwh").await, kwh);
        let _ = std::fs::remove_file(path);
    }
    // A header-less log: unknown header, then read again with its column list.
    let path = sample("nvidia_smi_noheader_nounits.csv");
    pick(&browser, &path).await;
    wait_for(&browser, "measurement-error", "unknown header").await;
    let columns = "timestamp,index,name,power.draw";
    browser
        .client
        .execute(
            "const e = document.querySelector('[data-testid=measurement-columns]'); \
             e.value = arguments[0]; e.dispatchEvent(new Event('input', {bubbles: true})); \
             document.querySelector('[data-testid=measurement-reread]').click(); return 1;",
            vec![json!(columns)],
        )
        .await
        .expect("give the columns");
    wait_for(
        &browser,
        "measured-summary",
        "nvidia_smi_noheader_nounits.csv",
    )
    .await;
    let mut reader = LogReader::with_columns(&[columns]).expect("columns");
    reader
        .feed(&std::fs::read(&path).expect("sample"))
        .expect("native read");
    let native = reader.finish().expect("native read");
    assert_hooks(&browser, expected(&native), "noheader with columns").await;
    assert_eq!(text_of(&browser, "measurement-error").await, None);
    // Restore brings back the job before the last log.
    browser
        .client
        .execute(
            "document.querySelector('[data-testid=measurement-restore]').click(); return 1;",
            vec![],
        )
        .await
        .expect("restore");
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(value(&browser, "emissions-kg").await, kg);
    browser.assert_no_console_errors().await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn a_read_shows_progress_and_cancel_keeps_the_job() {
    // About 60 MB: half a second or so of reading, time enough to see progress and cancel.
    let log = emissions_core::measure::synthetic::nvidia_smi_log(8, 8_000, 100);
    let path = temp_file("cancel-nvidia-smi.csv", log.as_bytes());
    drop(log);
    let server = StaticServer::start(&dist_dir(), 0, "/").expect("serve dist");
    let browser = Browser::start(1280, 1000).await;
    open(&browser, &server.url()).await;
    let kg = value(&browser, "emissions-kg").await;
    pick(&browser, &path).await;
    let seen = browser
        .client
        .execute_async(
            "const done = arguments[0]; const t0 = performance.now(); \
             (function poll() { \
               const b = document.querySelector('[data-testid=measurement-cancel]'); \
               const p = document.querySelector('[data-testid=measurement-progress]'); \
               if (b && p) { const pct = p.dataset.value; b.click(); done(pct); } \
               else if (performance.now() - t0 > 5000) done(null); \
               else setTimeout(poll, 5); })();",
            vec![],
        )
        .await
        .expect("cancel");
    let pct: f64 = seen
        .as_str()
        .and_then(|s| s.parse().ok())
        .expect("progress shown");
    assert!((0.0..100.0).contains(&pct), "progress {pct}");
    let error = wait_for(&browser, "measurement-error", "cancelled").await;
    println!("cancelled at {pct} %: {error}");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(value(&browser, "emissions-kg").await, kg);
    assert_eq!(text_of(&browser, "measured-summary").await, None);
    let _ = std::fs::remove_file(path);
    browser.assert_no_console_errors().await;
    browser.close().await;
}
