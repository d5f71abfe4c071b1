//! Times the full alternatives table (every region × the current hardware, every zone, and every
//! accelerator × the current region) plus the estimate, and prints the per-call figure.
//!
//! Run: `cargo bench -p emissions-core --bench alternatives` (budget: ≤ 1 ms per call natively).

#[path = "../tests/common/mod.rs"]
mod common;

use emissions_core::model::{alternatives, estimate, validate, Factors, Inputs};
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let (label, dataset) = ("generated fixture of realistic size", common::realistic());
    let factors = Factors::new(&dataset);
    let job = match validate(&Inputs::default(), &factors) {
        Ok(job) => job,
        Err(errors) => {
            eprintln!("default inputs do not validate on the {label}: {errors:?}");
            std::process::exit(1);
        }
    };
    // Warm up, then time enough iterations for a stable mean.
    for _ in 0..100 {
        black_box(alternatives(black_box(&job), &factors));
    }
    let iterations = 2000;
    let start = Instant::now();
    let mut rows = 0;
    for _ in 0..iterations {
        let a = alternatives(black_box(&job), &factors);
        rows = a.regions.len() + a.zones.len() + a.hardware.len();
        black_box(a);
    }
    let per_call = start.elapsed() / iterations;
    let start = Instant::now();
    for _ in 0..iterations {
        black_box(estimate(black_box(&job), &factors));
    }
    let per_estimate = start.elapsed() / iterations;
    println!(
        "alternatives: {per_call:?} per call ({rows} rows: {} regions, {} zones, {} accelerators; {label})",
        dataset.regions.len(),
        dataset.zones.len(),
        dataset.hardware.len()
    );
    println!("estimate (with ranges, sensitivity, trace): {per_estimate:?} per call");
}
