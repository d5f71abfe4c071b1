//! `cargo xtask bench`: every performance figure next to its budget, in one table.
//!
//! Sizes come from the release `dist/`; the model and native log-reader figures from
//! `cargo bench -p emissions-core`;
//! the browser figures from the `bench_*` end-to-end tests (headless Chromium on loopback), which
//! print `BENCH <name> <value>` lines that this module collects. Budgets are asserted here.

use crate::cmd::{capture, stage, Cmd};
use crate::sizes;
use crate::tools::{Browser, Tools};
use std::collections::BTreeMap;
use std::path::Path;

/// One row of the final table.
struct Row {
    what: &'static str,
    value: Option<f64>,
    unit: &'static str,
    budget: Option<f64>,
    /// True when the budget is a floor (a rate), not a ceiling.
    at_least: bool,
}

fn collect(out: &str, figures: &mut BTreeMap<String, f64>) {
    for line in out.lines() {
        let mut parts = line.split_whitespace();
        if parts.next() == Some("BENCH") {
            if let (Some(name), Some(Ok(v))) = (parts.next(), parts.next().map(str::parse::<f64>)) {
                figures.insert(name.to_string(), v);
            }
        }
    }
}

/// Runs every benchmark, prints the table, and fails if any budget is exceeded.
pub fn run(root: &Path, tools: &Tools, browser: &Browser, dist: &Path) -> Result<(), String> {
    let size_rows = sizes::measure(dist)?;
    sizes::print(&size_rows);
    let data = sizes::measure(&root.join("data"))?;
    let data_total = data
        .iter()
        .find(|(n, _)| *n == "json")
        .map(|(_, s)| *s)
        .unwrap_or_default();
    println!(
        "data/*.json (compiled into the wasm): {:.1} KB raw, {:.1} KB gzip, {:.1} KB brotli",
        kb(data_total.raw),
        kb(data_total.gzip),
        kb(data_total.brotli)
    );
    let mut figures = BTreeMap::new();
    let model = stage("model benchmark (native)", || {
        capture(
            Cmd::new("cargo")
                .args([
                    "bench",
                    "-q",
                    "-p",
                    "emissions-core",
                    "--bench",
                    "alternatives",
                ])
                .dir(root),
        )
    })?;
    print!("{model}");
    collect(&model, &mut figures);
    let measure = stage("log reader benchmark (native)", || {
        capture(
            Cmd::new("cargo")
                .args(["bench", "-q", "-p", "emissions-core", "--bench", "measure"])
                .dir(root),
        )
    })?;
    print!("{measure}");
    collect(&measure, &mut figures);
    let browser_out = stage("browser benchmarks (headless Chromium)", || {
        capture(
            Cmd::new("cargo")
                .args([
                    "test",
                    "-q",
                    "-p",
                    "ml-emissions-calculator",
                    "--test",
                    "e2e",
                    "bench_",
                    "--",
                    "--ignored",
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env("MLCALC_DIST", dist)
                .env("CHROME", &browser.chrome)
                .env("CHROMEDRIVER", &browser.chromedriver)
                .env("PATH", tools.path_env())
                .dir(root),
        )
    })?;
    print!("{browser_out}");
    collect(&browser_out, &mut figures);

    let total = size_rows
        .iter()
        .find(|(n, _)| *n == "total")
        .map(|(_, s)| *s)
        .unwrap_or_default();
    let get = |k: &str| figures.get(k).copied();
    let rows = [
        Row {
            what: "total download, gzip",
            value: Some(kb(total.gzip)),
            unit: "KB",
            budget: Some(300.0),
            at_least: false,
        },
        Row {
            what: "total download, brotli",
            value: Some(kb(total.brotli)),
            unit: "KB",
            budget: None,
            at_least: false,
        },
        Row {
            what: "time to first estimate, median (cold)",
            value: get("ttfe_median_ms"),
            unit: "ms",
            budget: Some(300.0),
            at_least: false,
        },
        Row {
            what: "time to first estimate, min",
            value: get("ttfe_min_ms"),
            unit: "ms",
            budget: None,
            at_least: false,
        },
        Row {
            what: "time to first estimate, max",
            value: get("ttfe_max_ms"),
            unit: "ms",
            budget: None,
            at_least: false,
        },
        Row {
            what: "input change → numbers (page top), median",
            value: get("interaction_median_ms"),
            unit: "ms",
            budget: Some(16.0),
            at_least: false,
        },
        Row {
            what: "input change → numbers (page top), max",
            value: get("interaction_max_ms"),
            unit: "ms",
            budget: None,
            at_least: false,
        },
        Row {
            what: "input change → numbers + charts in view, median",
            value: get("interaction_charts_median_ms"),
            unit: "ms",
            budget: Some(16.0),
            at_least: false,
        },
        Row {
            what: "input change → numbers + charts in view, max",
            value: get("interaction_charts_max_ms"),
            unit: "ms",
            budget: None,
            at_least: false,
        },
        Row {
            what: "model: full alternatives table (native)",
            value: get("model_alternatives_us").map(|us| us / 1000.0),
            unit: "ms",
            budget: Some(1.0),
            at_least: false,
        },
        Row {
            what: "JS heap after 200 interactions",
            value: get("js_heap_kb_after_200"),
            unit: "KB",
            budget: None,
            at_least: false,
        },
        Row {
            what: "JS heap growth, interactions 50 → 200",
            value: get("js_heap_growth_kb_50_to_200"),
            unit: "KB",
            budget: Some(1024.0),
            at_least: false,
        },
        Row {
            what: "wasm memory after 200 interactions",
            value: get("wasm_memory_kb_after_200"),
            unit: "KB",
            budget: None,
            at_least: false,
        },
        Row {
            what: "wasm memory growth, interactions 50 → 200",
            value: get("wasm_memory_growth_kb_50_to_200"),
            unit: "KB",
            budget: Some(1024.0),
            at_least: false,
        },
        Row {
            what: "measurement log parse, MB/s (nvidia-smi, in browser)",
            value: get("measure_browser_mb_s"),
            unit: "MB/s",
            budget: Some(50.0),
            at_least: true,
        },
        Row {
            what: "measurement log parse, MB/s (native)",
            value: get("measure_feed_mb_s"),
            unit: "MB/s",
            budget: None,
            at_least: true,
        },
        Row {
            what: "memory growth reading a 200 MB log (retained)",
            value: get("measure_memory_growth_mb"),
            unit: "MB",
            budget: Some(50.0),
            at_least: false,
        },
        Row {
            what: "JS heap peak growth while reading it",
            value: get("measure_js_heap_peak_growth_mb"),
            unit: "MB",
            budget: None,
            at_least: false,
        },
    ];
    println!(
        "\n{:<46} {:>10} {:>6} {:>10}  verdict",
        "figure", "value", "unit", "budget"
    );
    let mut over = Vec::new();
    for r in &rows {
        let value = r.value.map_or("missing".to_string(), |v| format!("{v:.2}"));
        let sign = if r.at_least { "≥" } else { "≤" };
        let budget = r.budget.map_or("-".to_string(), |b| format!("{sign} {b}"));
        let verdict = match (r.value, r.budget) {
            (None, _) => "MISSING",
            (Some(v), Some(b)) if r.at_least && v < b => "UNDER",
            (Some(v), Some(b)) if !r.at_least && v > b => "OVER",
            (Some(_), Some(_)) => "ok",
            (Some(_), None) => "",
        };
        if matches!(verdict, "OVER" | "UNDER" | "MISSING") {
            over.push(r.what);
        }
        println!(
            "{:<46} {:>10} {:>6} {:>10}  {verdict}",
            r.what, value, r.unit, budget
        );
    }
    if over.is_empty() {
        println!("\nall budgets met");
        Ok(())
    } else {
        Err(format!("budgets not met: {}", over.join("; ")))
    }
}

fn kb(bytes: u64) -> f64 {
    bytes as f64 / 1024.0
}
