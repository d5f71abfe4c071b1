//! Helpers shared by the measured-log tests.
#![allow(dead_code)]

use emissions_core::measure::{
    CodeCarbonSummary, LogError, LogReader, LogSummary, Measured, PowerSummary,
};
use emissions_core::units::Hours;

/// Joules per kWh.
pub const J_PER_KWH: f64 = 3.6e6;

/// The bytes of a sample log in `tests/data/logs/`.
pub fn sample(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/logs/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The power part of a summary (panics for a CodeCarbon file).
pub fn power(summary: &LogSummary) -> &PowerSummary {
    match &summary.content {
        Measured::Power(p) => p,
        Measured::CodeCarbon(_) => panic!("expected a power log"),
    }
}

/// The CodeCarbon part of a summary (panics for a power log).
pub fn codecarbon(summary: &LogSummary) -> &CodeCarbonSummary {
    match &summary.content {
        Measured::CodeCarbon(c) => c,
        Measured::Power(_) => panic!("expected a CodeCarbon file"),
    }
}

/// Asserts equality to 1e-12 relative.
pub fn close(actual: f64, expected: f64) {
    let tolerance = 1e-12 * expected.abs().max(1e-9);
    assert!(
        (actual - expected).abs() <= tolerance,
        "{actual} != {expected}"
    );
}

/// A duration in seconds.
pub fn seconds(h: Hours) -> f64 {
    h.value() * 3600.0
}

/// Reads `bytes` fed in pieces cut at `cuts` (positions, in any order).
pub fn read_in_pieces(bytes: &[u8], cuts: &[usize]) -> Result<LogSummary, LogError> {
    let mut cuts: Vec<usize> = cuts.iter().map(|c| c % (bytes.len() + 1)).collect();
    cuts.sort_unstable();
    let mut r = LogReader::new();
    let mut start = 0;
    for c in cuts.into_iter().chain(std::iter::once(bytes.len())) {
        r.feed(&bytes[start..c])?;
        start = c;
    }
    r.finish()
}
