//! `cargo xtask <command>`: the project's automation, in Rust so it needs nothing but cargo.
//!
//! - `serve [--port N]`: set up what is missing, build the release app, serve it on 127.0.0.1.
//! - `test`: set up what is missing and run every test (fmt, clippy, native, wasm-in-browser, e2e).
//! - `dist [--sizes]`: build the release `dist/` and print its sizes.
//! - `bench`: every performance figure (size, first estimate, interaction, model, memory) against
//!   its budget.
//! - `setup`: install the pinned tools only.
//! - `data [--check] [--report]`: regenerate the bundled dataset under `data/` from the raw files
//!   in `data/raw` (`--report`: oldest value per table and rows with written reasons).

mod bench;
mod boot_script;
mod cmd;
mod data;
mod first_screen;
mod float_fmt;
mod lighthouse;
mod minify_js;
mod service_worker;
mod sizes;
mod static_server;
mod strip_streams;
mod tools;

use cmd::{run, stage, Cmd};
use std::path::{Path, PathBuf};

/// The repository root (the parent of this crate).
pub fn repo_root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(Path::to_path_buf).unwrap_or(here)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&args[1..]),
        Some("test") => test(),
        Some("dist") => dist(&args[1..]),
        Some("bench") => bench(),
        Some("data") => data::run(&args[1..]),
        Some("setup") => tools::ensure_build_tools().map(|_| ()),
        _ => Err(USAGE.to_string()),
    };
    if let Err(e) = result {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

const USAGE: &str =
    "usage: cargo xtask <serve [--port N] | test | dist [--sizes] | setup | data [--check] [--report]>";

/// Builds the release app into `dist/` with Trunk (offline: every tool is pinned and on PATH).
fn build_release(tools: &tools::Tools) -> Result<PathBuf, String> {
    let root = repo_root();
    run(Cmd::new("cargo").args(["fetch", "--quiet"]).dir(&root))?;
    run(Cmd::new(tools.trunk_bin.join("trunk"))
        .args(["build", "--release", "--offline"])
        .env("PATH", tools.path_env())
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            path_remaps(&root).join(" "),
        )
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        .env("NO_COLOR", "true")
        .dir(&root))?;
    float_fmt::check(&float_fmt::cargo_module(&root))?;
    let dist = root.join("dist");
    strip_streams::strip(&dist, &tools.wasm_opt_bin)?;
    minify_js::minify_glue(&dist, &tools.terser)?;
    // Order matters: the service worker's precache list must see the boot file.
    boot_script::externalize(&dist, &tools.terser)?;
    first_screen::write(&dist)?;
    service_worker::stamp(&dist)?;
    // After stamping: the worker's build hash and file list are constants terser may fold.
    minify_js::minify_file(&dist.join("sw.js"), &tools.terser, false)?;
    Ok(dist)
}

/// `--remap-path-prefix` flags that drop the build machine's paths (the registry's source folders,
/// the checkout) from the panic locations compiled into the release WebAssembly.
///
/// Why: the download should not depend on where it was built (reproducible across machines), and
/// those bytes reach every visitor: measured, 2.5 KB less WebAssembly (0.1 KB gzip). Cargo joins
/// these flags after `.cargo/config.toml`'s.
fn path_remaps(root: &Path) -> Vec<String> {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    let mut prefixes: Vec<PathBuf> = cargo_home
        .map(|home| home.join("registry").join("src"))
        .and_then(|src| std::fs::read_dir(src).ok())
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .collect();
    prefixes.push(root.to_path_buf());
    prefixes
        .iter()
        .filter_map(|p| p.to_str())
        // The variable is split on white space: such a path is left as it is.
        .filter(|p| !p.contains(char::is_whitespace))
        .map(|p| format!("--remap-path-prefix={p}/="))
        .collect()
}

fn flag_value(args: &[String], flag: &str) -> Option<String> {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1).cloned())
}

fn serve(args: &[String]) -> Result<(), String> {
    let port: u16 = match flag_value(args, "--port").or_else(|| std::env::var("PORT").ok()) {
        Some(p) => p.parse().map_err(|_| format!("bad port: {p}"))?,
        None => 8080,
    };
    let tools = stage("set-up", tools::ensure_build_tools)?;
    let dist = stage("release build", || build_release(&tools))?;
    let server = static_server::StaticServer::start(&dist, port, "/")
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    println!(
        "\nServing the release build at {}  (Ctrl-C to stop)",
        server.url()
    );
    server.wait();
    Ok(())
}

fn dist(args: &[String]) -> Result<(), String> {
    let tools = stage("set-up", tools::ensure_build_tools)?;
    let dist = stage("release build", || build_release(&tools))?;
    if args.iter().any(|a| a == "--sizes") || args.is_empty() {
        sizes::print(&sizes::measure(&dist)?);
    }
    Ok(())
}

fn bench() -> Result<(), String> {
    let tools = stage("set-up: build tools", tools::ensure_build_tools)?;
    let browser = stage("set-up: browser", tools::ensure_browser)?;
    let dist = stage("release build", || build_release(&tools))?;
    bench::run(&repo_root(), &tools, &browser, &dist)
}

fn test() -> Result<(), String> {
    let root = repo_root();
    let tools = stage("set-up: build tools", tools::ensure_build_tools)?;
    let browser = stage("set-up: browser", tools::ensure_browser)?;
    let axe = stage("set-up: axe-core", tools::ensure_axe_core)?;
    stage("fmt", || {
        run(Cmd::new("cargo")
            .args(["fmt", "--all", "--", "--check"])
            .dir(&root))
    })?;
    stage("clippy (native)", || {
        run(Cmd::new("cargo")
            .args([
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ])
            .dir(&root))
    })?;
    stage("clippy (wasm32)", || {
        run(Cmd::new("cargo")
            .args([
                "clippy",
                "-p",
                "ml-emissions-calculator",
                "--all-targets",
                "--target",
                "wasm32-unknown-unknown",
                "--",
                "-D",
                "warnings",
            ])
            .dir(&root))
    })?;
    stage("native tests", || {
        run(Cmd::new("cargo").args(["test", "--workspace"]).dir(&root))
    })?;
    stage(
        "robustness: 1,000,000 generated cases per decoder (release)",
        || {
            run(Cmd::new("cargo")
                .args([
                    "test",
                    "--release",
                    "-p",
                    "emissions-core",
                    "--test",
                    "fuzz_decoders",
                    "--",
                    "--nocapture",
                ])
                .env("MLCALC_FUZZ_CASES", "1000000")
                .dir(&root))
        },
    )?;
    stage("wasm tests in headless Chromium", || {
        run(Cmd::new("cargo")
            .args([
                "test",
                "-p",
                "ml-emissions-calculator",
                "--target",
                "wasm32-unknown-unknown",
            ])
            .env("PATH", tools.path_env())
            .env("CHROMEDRIVER", &browser.chromedriver)
            .env(
                "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
                root.join("tests/webdriver.json"),
            )
            .dir(&root))
    })?;
    let dist = stage("release build", || build_release(&tools))?;
    stage("end-to-end tests in headless Chromium", || {
        run(Cmd::new("cargo")
            .args([
                "test",
                "-p",
                "ml-emissions-calculator",
                "--test",
                "e2e",
                "--",
                "--ignored",
                // The bench_ tests are benchmarks, run by `cargo xtask bench`.
                "--skip",
                "bench_",
                "--test-threads=1",
                // Show what the tests measure (timings, accessibility counts) in the log.
                "--nocapture",
            ])
            .env("MLCALC_DIST", &dist)
            .env("AXE_CORE_JS", &axe)
            .env("CHROME", &browser.chrome)
            .env("CHROMEDRIVER", &browser.chromedriver)
            .dir(&root))
    })?;
    let rows = sizes::measure(&dist)?;
    sizes::print(&rows);
    stage("download-size budget (gzip total)", || {
        sizes::gate(&rows).map(|_| ())
    })?;
    Ok(())
}
