//! Lighthouse in `cargo xtask bench`: its mobile preset (simulated slow 4G, 4× slower CPU) on the
//! release build served gzip-compressed, as GitHub Pages serves it, for the default page and a
//! share link; the median of three runs of each, the two pages' runs alternating.
//!
//! Why a copy of `dist/`: the `.gz` files the server sends are written beside the originals, and
//! `dist/` itself stays what is deployed (its size gate counts every file in it).

use crate::cmd::{capture, Cmd};
use crate::static_server::StaticServer;
use flate2::write::GzEncoder;
use flate2::Compression;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The pages measured: a name for the figures and the part of the URL after the site root.
pub const PAGES: [(&str, &str); 2] = [
    ("default", ""),
    ("share", "?hw=h100-sxm&n=64&h=120&loc=gcp/europe-west4"),
];

/// Runs per page (the median is reported).
const RUNS: usize = 3;

/// One Lighthouse run's figures.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scores {
    /// Performance score, 0–100.
    pub performance: f64,
    /// Accessibility score, 0–100.
    pub accessibility: f64,
    /// Best-practices score, 0–100.
    pub best_practices: f64,
    /// Largest contentful paint, ms.
    pub lcp_ms: f64,
    /// Total blocking time, ms.
    pub tbt_ms: f64,
    /// Cumulative layout shift.
    pub cls: f64,
}

impl Scores {
    const NAMES: [&'static str; 6] = ["perf", "a11y", "bp", "lcp_ms", "tbt_ms", "cls"];

    fn values(&self) -> [f64; 6] {
        [
            self.performance,
            self.accessibility,
            self.best_practices,
            self.lcp_ms,
            self.tbt_ms,
            self.cls,
        ]
    }

    /// Reads a Lighthouse JSON report.
    fn read(report: &Value) -> Result<Scores, String> {
        let score = |c: &str| {
            report["categories"][c]["score"]
                .as_f64()
                .map(|s| s * 100.0)
                .ok_or(format!("no {c} score in the report"))
        };
        let audit = |a: &str| {
            report["audits"][a]["numericValue"]
                .as_f64()
                .ok_or(format!("no {a} in the report"))
        };
        Ok(Scores {
            performance: score("performance")?,
            accessibility: score("accessibility")?,
            best_practices: score("best-practices")?,
            lcp_ms: audit("largest-contentful-paint")?,
            tbt_ms: audit("total-blocking-time")?,
            cls: audit("cumulative-layout-shift")?,
        })
    }
}

/// Copies `dist` into `out` with a `.gz` (gzip -9) beside every text or wasm file.
fn gzip_copy(dist: &Path, out: &Path) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(out);
    let mut stack = vec![(dist.to_path_buf(), out.to_path_buf())];
    while let Some((from, to)) = stack.pop() {
        std::fs::create_dir_all(&to).map_err(|e| format!("{}: {e}", to.display()))?;
        let entries = std::fs::read_dir(&from).map_err(|e| format!("{}: {e}", from.display()))?;
        for entry in entries.flatten() {
            let (src, dst) = (entry.path(), to.join(entry.file_name()));
            if src.is_dir() {
                stack.push((src, dst));
                continue;
            }
            let bytes = std::fs::read(&src).map_err(|e| format!("{}: {e}", src.display()))?;
            std::fs::write(&dst, &bytes).map_err(|e| format!("{}: {e}", dst.display()))?;
            let ext = src.extension().and_then(|e| e.to_str()).unwrap_or("");
            if matches!(
                ext,
                "html" | "js" | "css" | "wasm" | "json" | "svg" | "webmanifest"
            ) {
                let mut enc = GzEncoder::new(Vec::new(), Compression::best());
                enc.write_all(&bytes).map_err(|e| e.to_string())?;
                let gz = enc.finish().map_err(|e| e.to_string())?;
                let mut name = entry.file_name();
                name.push(".gz");
                std::fs::write(to.join(name), gz).map_err(|e| e.to_string())?;
            }
        }
    }
    Ok(())
}

/// One Lighthouse run of `url`.
fn run_once(node_cli: &Path, chrome: &Path, url: &str, report: &Path) -> Result<Scores, String> {
    capture(
        Cmd::new("node")
            .arg(node_cli)
            .arg(url)
            .args([
                "--quiet",
                "--output=json",
                "--only-categories=performance,accessibility,best-practices",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ])
            .arg(format!("--output-path={}", report.display()))
            .env("CHROME_PATH", chrome),
    )?;
    let text = std::fs::read_to_string(report).map_err(|e| format!("{}: {e}", report.display()))?;
    let json: Value = serde_json::from_str(&text).map_err(|e| format!("lighthouse report: {e}"))?;
    Scores::read(&json)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Runs Lighthouse [`RUNS`] times on each of [`PAGES`]; returns `BENCH` lines (medians) for the
/// bench table: `lh_<page>_<figure> <value>`.
pub fn run(root: &Path, dist: &Path, chrome: &Path, node_cli: &Path) -> Result<String, String> {
    let site: PathBuf = root.join("target/lighthouse-site");
    gzip_copy(dist, &site)?;
    let server = StaticServer::start(&site, 0, "/").map_err(|e| format!("serve: {e}"))?;
    // The pages' runs alternate, so that both see the same machine (the runs right after the
    // browser benchmarks read slower).
    let mut runs: Vec<Vec<Scores>> = vec![Vec::new(); PAGES.len()];
    for i in 0..RUNS {
        for ((name, query), page_runs) in PAGES.iter().zip(&mut runs) {
            let url = format!("{}{query}", server.url());
            let report = root.join(format!("target/lighthouse-{name}-{i}.json"));
            let s = run_once(node_cli, chrome, &url, &report)?;
            println!(
                "lighthouse {name} run {}: performance {:.0}, accessibility {:.0}, best practices {:.0}, LCP {:.0} ms, TBT {:.0} ms, CLS {:.3}",
                i + 1,
                s.performance,
                s.accessibility,
                s.best_practices,
                s.lcp_ms,
                s.tbt_ms,
                s.cls
            );
            page_runs.push(s);
        }
    }
    let mut out = String::new();
    for ((name, _), page_runs) in PAGES.iter().zip(&runs) {
        for (k, figure) in Scores::NAMES.iter().enumerate() {
            let m = median(page_runs.iter().map(|s| s.values()[k]).collect());
            out.push_str(&format!("BENCH lh_{name}_{figure} {m}\n"));
        }
    }
    Ok(out)
}
