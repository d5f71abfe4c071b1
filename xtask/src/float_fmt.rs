//! A gate of the release build: the standard library's float formatter must not be in the app.
//!
//! Why: one `format!("{x}")` of an `f64` anywhere in the app links Grisu, Dragon and their tables
//! (about 8 KB of the gzip download, measured when the last use was removed). The app formats
//! floats with `emissions_core::number` instead. Such a use compiles silently, so the build checks
//! the function names that the compiler leaves in the unoptimised module (Trunk's wasm-opt strips
//! them from `dist/`): a retained formatter has its name there, a removed one has not.

use std::path::{Path, PathBuf};

/// Names, or parts of them, of the standard float formatter's functions (both manglings).
const MARKERS: [&str; 3] = ["flt2dec", "float_to_decimal", "3fmt5floatd"];

/// The module Cargo wrote for the app (before wasm-bindgen and wasm-opt).
pub fn cargo_module(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|t| if t.is_absolute() { t } else { root.join(t) })
        .unwrap_or_else(|| root.join("target"))
        .join("wasm32-unknown-unknown/release/ml-emissions-calculator.wasm")
}

/// Fails when the module at `path` contains the standard float formatter.
pub fn check(path: &Path) -> Result<(), String> {
    let module = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    match find(&module) {
        None => Ok(()),
        Some(marker) => Err(format!(
            "the app links the standard float formatter ({marker} in {}): an f64 is formatted \
             with {{}} or {{:.N}} somewhere; use emissions_core::number::shortest or fixed",
            path.display()
        )),
    }
}

/// The first marker found in `bytes`.
fn find(bytes: &[u8]) -> Option<&'static str> {
    MARKERS
        .into_iter()
        .find(|m| bytes.windows(m.len()).any(|w| w == m.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_module_naming_the_formatter_fails() {
        let module = b"\0asm...core::num::flt2dec::strategy::grisu...".to_vec();
        assert_eq!(find(&module), Some("flt2dec"));
        let v0 = b"_RNvXs7_NtNtNtCs1_4core3fmt5floatdNtB7_7Display3fmt";
        assert_eq!(find(v0), Some("3fmt5floatd"));
    }

    #[test]
    fn a_module_without_it_passes() {
        assert_eq!(
            find(b"\0asm core::fmt::num::imp::Display emissions_core::number"),
            None
        );
    }
}
