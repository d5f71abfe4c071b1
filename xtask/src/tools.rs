//! Idempotent set-up of the external tools the build and tests need.
//!
//! Each tool is pinned; set-up installs only what is missing or at the wrong version, into a cache
//! folder (`.tools/` in the repo, or `$MLCALC_TOOLS_DIR`) so later runs reuse it. Trunk must never
//! download a tool at build time (the build machines reach only package registries), so Trunk.toml
//! pins the same versions and [`Tools::path_env`] puts the matching binaries first on PATH.

use crate::cmd::{capture, run, Cmd};
use crate::repo_root;
use std::path::{Path, PathBuf};

/// Trunk version: 0.22 needs a newer rustc than the machines have.
pub const TRUNK_VERSION: &str = "0.21.14";
/// wasm-opt from the npm package `binaryen@132` (Debian's 108 breaks the app at run time).
pub const BINARYEN_VERSION: &str = "132";
/// terser, which minifies wasm-bindgen's JavaScript glue (Trunk's minifier cannot parse it).
pub const TERSER_VERSION: &str = "5.51.2";
/// axe-core, the accessibility checker the e2e tests inject into the page.
pub const AXE_CORE_VERSION: &str = "4.14.1";
/// Lighthouse, for `cargo xtask bench` only (its mobile preset, against Debian's Chromium).
pub const LIGHTHOUSE_VERSION: &str = "13.5.0";

/// Paths of the installed tools.
pub struct Tools {
    /// Directory holding `trunk`.
    pub trunk_bin: PathBuf,
    /// Directory holding `wasm-bindgen` and `wasm-bindgen-test-runner`.
    pub wasm_bindgen_bin: PathBuf,
    /// Directory holding `wasm-opt`.
    pub wasm_opt_bin: PathBuf,
    /// The `terser` executable.
    pub terser: PathBuf,
}

/// The browser pair for the tests.
pub struct Browser {
    /// The Chromium executable.
    pub chrome: PathBuf,
    /// The matching ChromeDriver.
    pub chromedriver: PathBuf,
}

impl Tools {
    /// PATH with the pinned tools first, for Trunk and wasm-bindgen-test-runner.
    pub fn path_env(&self) -> String {
        let old = std::env::var("PATH").unwrap_or_default();
        format!(
            "{}:{}:{}:{old}",
            self.trunk_bin.display(),
            self.wasm_bindgen_bin.display(),
            self.wasm_opt_bin.display()
        )
    }
}

fn tools_dir() -> PathBuf {
    std::env::var_os("MLCALC_TOOLS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join(".tools"))
}

/// The wasm-bindgen version that Cargo.lock resolved (the CLI must match it exactly).
pub fn locked_wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(repo_root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen entry".into())
}

/// `<bin> --version` contains `want`.
fn has_version(bin: &Path, want: &str) -> bool {
    bin.is_file()
        && capture(Cmd::new(bin).arg("--version"))
            .map(|out| out.contains(want))
            .unwrap_or(false)
}

/// `npm install <package>` (pinned as `name@version`) into its own folder `dir`.
fn npm_install(dir: &Path, package: &str) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    run(Cmd::new("npm")
        .args(["install", "--no-audit", "--no-fund", "--prefix"])
        .arg(dir)
        .arg(package))
}

/// Installs (if needed) the Rust target, Trunk, wasm-bindgen-cli and wasm-opt.
pub fn ensure_build_tools() -> Result<Tools, String> {
    let dir = tools_dir();
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;

    let targets = capture(Cmd::new("rustup").args(["target", "list", "--installed"]))?;
    if !targets
        .lines()
        .any(|t| t.trim() == "wasm32-unknown-unknown")
    {
        run(Cmd::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }

    let trunk_root = dir.join(format!("trunk-{TRUNK_VERSION}"));
    if !has_version(&trunk_root.join("bin/trunk"), TRUNK_VERSION) {
        eprintln!("[setup] installing trunk {TRUNK_VERSION} (takes ~7 min once)");
        run(Cmd::new("cargo")
            .args([
                "install",
                "--locked",
                "trunk",
                "--version",
                TRUNK_VERSION,
                "--root",
            ])
            .arg(&trunk_root))?;
    }

    let wb = locked_wasm_bindgen_version()?;
    let wb_root = dir.join(format!("wasm-bindgen-{wb}"));
    if !has_version(&wb_root.join("bin/wasm-bindgen"), &wb) {
        eprintln!("[setup] installing wasm-bindgen-cli {wb} (takes ~2 min once)");
        // Not --locked: the CLI's own lockfile names a crate version the registry lacks.
        run(Cmd::new("cargo")
            .args(["install", "wasm-bindgen-cli", "--version", &wb, "--root"])
            .arg(&wb_root))?;
    }

    let binaryen = dir.join(format!("binaryen-{BINARYEN_VERSION}"));
    let wasm_opt = binaryen.join("node_modules/.bin/wasm-opt");
    if !has_version(&wasm_opt, &format!("version_{BINARYEN_VERSION}")) {
        eprintln!("[setup] installing wasm-opt (npm binaryen@{BINARYEN_VERSION})");
        npm_install(&binaryen, &format!("binaryen@{BINARYEN_VERSION}"))?;
    }

    let terser_dir = dir.join(format!("terser-{TERSER_VERSION}"));
    let terser = terser_dir.join("node_modules/.bin/terser");
    if !has_version(&terser, TERSER_VERSION) {
        eprintln!("[setup] installing terser {TERSER_VERSION} (npm)");
        npm_install(&terser_dir, &format!("terser@{TERSER_VERSION}"))?;
    }

    Ok(Tools {
        terser,
        trunk_bin: trunk_root.join("bin"),
        wasm_bindgen_bin: wb_root.join("bin"),
        wasm_opt_bin: binaryen.join("node_modules/.bin"),
    })
}

/// Installs (if needed) the npm package `name@version` into its own folder of the tools cache;
/// returns the path of its file `file` (relative to the package).
fn ensure_npm_file(name: &str, version: &str, file: &str) -> Result<PathBuf, String> {
    let dir = tools_dir().join(format!("{name}-{version}"));
    let package = dir.join("node_modules").join(name);
    let path = package.join(file);
    let installed = std::fs::read_to_string(package.join("package.json"))
        .map(|p| p.contains(&format!("\"version\": \"{version}\"")))
        .unwrap_or(false);
    if !(installed && path.is_file()) {
        eprintln!("[setup] installing {name} {version} (npm)");
        npm_install(&dir, &format!("{name}@{version}"))?;
    }
    Ok(path)
}

/// Installs (if needed) axe-core from npm; returns the path of `axe.min.js`.
pub fn ensure_axe_core() -> Result<PathBuf, String> {
    ensure_npm_file("axe-core", AXE_CORE_VERSION, "axe.min.js")
}

/// Installs (if needed) Lighthouse from npm; returns the path of its command-line script (run
/// with `node`).
pub fn ensure_lighthouse() -> Result<PathBuf, String> {
    ensure_npm_file("lighthouse", LIGHTHOUSE_VERSION, "cli/index.js")
}

/// Finds Chromium and ChromeDriver (`$CHROME`/`$CHROMEDRIVER` or Debian's paths), installing
/// Debian's packages when running as root; otherwise fails with a one-line instruction.
pub fn ensure_browser() -> Result<Browser, String> {
    let chrome = std::env::var_os("CHROME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    let chromedriver = std::env::var_os("CHROMEDRIVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromedriver"));
    if !(chrome.is_file() && chromedriver.is_file()) {
        let is_root = capture(Cmd::new("id").arg("-u"))
            .map(|u| u.trim() == "0")
            .unwrap_or(false);
        if !is_root {
            return Err("Chromium/ChromeDriver not found: run `sudo apt-get install -y chromium chromium-driver` (or set CHROME and CHROMEDRIVER)".into());
        }
        eprintln!("[setup] installing Debian's chromium and chromium-driver");
        run(Cmd::new("apt-get").args(["update", "-qq"]))?;
        run(Cmd::new("apt-get")
            .args(["install", "-y", "-qq", "chromium", "chromium-driver"])
            .env("DEBIAN_FRONTEND", "noninteractive"))?;
    }
    if !(chrome.is_file() && chromedriver.is_file()) {
        return Err(format!(
            "Chromium/ChromeDriver still missing at {} and {}",
            chrome.display(),
            chromedriver.display()
        ));
    }
    Ok(Browser {
        chrome,
        chromedriver,
    })
}
