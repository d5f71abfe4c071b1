//! Times the full alternatives table (every region × the current hardware, every zone, and every
//! accelerator × the current region) and the estimate, and prints the per-call figures, on the
//! real bundled dataset and on a generated dataset of the reference size.
//!
//! Run: `cargo bench -p emissions-core --bench alternatives` (budget: ≤ 1 ms per call natively).

#[path = "../tests/common/mod.rs"]
mod common;

use emissions_core::dataset::{bundled, Dataset};
use emissions_core::model::{alternatives, estimate, validate, Factors, Inputs};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The budget the issue sets for the full alternatives table.
const BUDGET: Duration = Duration::from_millis(1);

/// Times `alternatives` and `estimate` for the default job on `dataset`; false if over budget.
fn time(label: &str, dataset: &Dataset) -> bool {
    let factors = Factors::new(dataset);
    let job = match validate(&Inputs::default(), &factors) {
        Ok(job) => job,
        Err(errors) => {
            eprintln!("default inputs do not validate on the {label}: {errors:?}");
            return false;
        }
    };
    // Warm up, then time enough iterations for a stable mean.
    for _ in 0..200 {
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
        "{label}: alternatives {per_call:?} per call ({rows} rows: {} regions, {} zones, {} \
         accelerators); estimate (ranges, sensitivity, trace) {per_estimate:?} per call",
        dataset.regions.len(),
        dataset.zones.len(),
        dataset.hardware.len()
    );
    // Machine-readable line for `cargo xtask bench` (microseconds per call).
    if label == "bundled dataset" {
        println!(
            "BENCH model_alternatives_us {:.1}",
            per_call.as_secs_f64() * 1e6
        );
    }
    per_call <= BUDGET
}

fn main() {
    let mut ok = true;
    match bundled() {
        Ok(ds) => ok &= time("bundled dataset", ds),
        Err(e) => eprintln!("bundled dataset unavailable ({e}); timing the generated one only"),
    }
    ok &= time("generated dataset (reference size)", &common::realistic());
    if !ok {
        eprintln!("over the {BUDGET:?} budget");
        std::process::exit(1);
    }
}
