//! `cargo xtask bench`: every performance figure next to its budget, in one table.
//!
//! Sizes come from the release `dist/`; the model figure from `cargo bench -p emissions-core`;
//! the browser figures from the `bench_*` end-to-end tests (headless Chromium on loopback), which
//! print `BENCH <name> <value>` lines that this module collects. Budgets are asserted here.

use crate::cmd::{capture, stage, Cmd};
use crate::sizes;
use crate::tools::{Browser, Tools};
use std::collections::BTreeMap;
use std::path::Path;

/// A budget: a figure must stay at or below it (times, sizes), or reach it (scores).
#[derive(Clone, Copy)]
enum Budget {
    AtMost(f64),
    AtLeast(f64),
}
use Budget::{AtLeast, AtMost};

/// The Lighthouse rows of each page: the figure's name in the `BENCH` lines, its label, unit and
/// budget (the targets for the mobile preset).
const LIGHTHOUSE_ROWS: [(&str, &str, &str, Budget); 6] = [
    ("perf", "performance", "", AtLeast(95.0)),
    ("a11y", "accessibility", "", AtLeast(100.0)),
    ("bp", "best practices", "", AtLeast(100.0)),
    ("lcp_ms", "LCP", "ms", AtMost(2000.0)),
    ("tbt_ms", "TBT", "ms", AtMost(150.0)),
    ("cls", "CLS", "", AtMost(0.05)),
];

/// One row of the final table.
struct Row {
    what: String,
    value: Option<f64>,
    unit: &'static str,
    budget: Option<Budget>,
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
    let lighthouse = stage(
        "Lighthouse, mobile preset, gzip-served (3 runs per page)",
        || {
            let cli = crate::tools::ensure_lighthouse()?;
            crate::lighthouse::run(root, dist, &browser.chrome, &cli)
        },
    )?;
    print!("{lighthouse}");
    collect(&lighthouse, &mut figures);

    let total = size_rows
        .iter()
        .find(|(n, _)| *n == "total")
        .map(|(_, s)| *s)
        .unwrap_or_default();
    let get = |k: &str| figures.get(k).copied();
    let mut rows = vec![
        Row {
            what: "total download, gzip".into(),
            value: Some(kb(total.gzip)),
            unit: "KB",
            budget: Some(AtMost(crate::sizes::DOWNLOAD_BUDGET_KB)),
        },
        Row {
            what: "total download, brotli".into(),
            value: Some(kb(total.brotli)),
            unit: "KB",
            budget: None,
        },
        Row {
            what: "time to first estimate painted, median (cold)".into(),
            value: get("ttfe_paint_median_ms"),
            unit: "ms",
            budget: Some(AtMost(300.0)),
        },
        Row {
            what: "  ÷ a static one-number page, painted".into(),
            value: get("ttfe_paint_ratio"),
            unit: "×",
            budget: Some(AtMost(3.0)),
        },
        Row {
            what: "  a static one-number page, painted, median".into(),
            value: get("static_paint_median_ms"),
            unit: "ms",
            budget: None,
        },
        Row {
            what: "  a share link (the app's own estimate), painted".into(),
            value: get("ttfe_paint_share_median_ms"),
            unit: "ms",
            budget: None,
        },
        Row {
            what: "the app's own first estimate in the DOM, median".into(),
            value: get("ttfe_median_ms"),
            unit: "ms",
            budget: None,
        },
        Row {
            what: "time to first estimate, min".into(),
            value: get("ttfe_min_ms"),
            unit: "ms",
            budget: None,
        },
        Row {
            what: "time to first estimate, max".into(),
            value: get("ttfe_max_ms"),
            unit: "ms",
            budget: None,
        },
        Row {
            what: "input change → numbers (page top), median".into(),
            value: get("interaction_median_ms"),
            unit: "ms",
            budget: Some(AtMost(16.0)),
        },
        Row {
            what: "input change → numbers (page top), max".into(),
            value: get("interaction_max_ms"),
            unit: "ms",
            budget: None,
        },
        Row {
            what: "input change → numbers + charts in view, median".into(),
            value: get("interaction_charts_median_ms"),
            unit: "ms",
            budget: Some(AtMost(16.0)),
        },
        Row {
            what: "input change → numbers + charts in view, max".into(),
            value: get("interaction_charts_max_ms"),
            unit: "ms",
            budget: None,
        },
        Row {
            what: "model: full alternatives table (native)".into(),
            value: get("model_alternatives_us").map(|us| us / 1000.0),
            unit: "ms",
            budget: Some(AtMost(1.0)),
        },
        Row {
            what: "JS heap after 200 interactions".into(),
            value: get("js_heap_kb_after_200"),
            unit: "KB",
            budget: None,
        },
        Row {
            what: "JS heap growth, interactions 50 → 200".into(),
            value: get("js_heap_growth_kb_50_to_200"),
            unit: "KB",
            budget: Some(AtMost(1024.0)),
        },
        Row {
            what: "wasm memory after 200 interactions".into(),
            value: get("wasm_memory_kb_after_200"),
            unit: "KB",
            budget: None,
        },
        Row {
            what: "wasm memory growth, interactions 50 → 200".into(),
            value: get("wasm_memory_growth_kb_50_to_200"),
            unit: "KB",
            budget: Some(AtMost(1024.0)),
        },
    ];
    for (page, _) in crate::lighthouse::PAGES {
        for (figure, label, unit, budget) in LIGHTHOUSE_ROWS {
            rows.push(Row {
                what: format!("Lighthouse {page}: {label}"),
                value: get(&format!("lh_{page}_{figure}")),
                unit,
                budget: Some(budget),
            });
        }
    }
    println!(
        "\n{:<46} {:>10} {:>6} {:>10}  verdict",
        "figure", "value", "unit", "budget"
    );
    let mut over = Vec::new();
    for r in &rows {
        let value = r.value.map_or("missing".to_string(), |v| format!("{v:.2}"));
        let budget = match r.budget {
            None => "-".to_string(),
            Some(AtMost(b)) => format!("≤ {b}"),
            Some(AtLeast(b)) => format!("≥ {b}"),
        };
        let verdict = match (r.value, r.budget) {
            (None, _) => "MISSING",
            (Some(v), Some(AtMost(b))) if v > b => "OVER",
            (Some(v), Some(AtLeast(b))) if v < b => "UNDER",
            (Some(_), Some(_)) => "ok",
            (Some(_), None) => "",
        };
        if matches!(verdict, "OVER" | "UNDER" | "MISSING") {
            over.push(r.what.as_str());
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
