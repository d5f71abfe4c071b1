//! End-to-end tests: the built `dist/` served over HTTP, driven in headless Chromium like a user.
//!
//! They need a release build and ChromeDriver, so they are `#[ignore]`d in a plain `cargo test`
//! and run by `cargo xtask test`, which builds `dist/`, installs the browser if needed and runs
//! them with `--ignored` and `MLCALC_DIST`, `CHROME`, `CHROMEDRIVER` set. They fail (never skip)
//! when any of those is missing.
#![cfg(not(target_arch = "wasm32"))]

mod a11y;
mod bench;
mod calculator;
mod charts;
mod first_screen;
mod harness;
mod keyboard;
mod offline;
mod persist;
mod persist_export;
mod persist_util;
mod shell;
