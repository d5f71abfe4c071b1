//! The estimation model: typed inputs → validated job → estimate, ranges and alternatives.
//!
//! Design note: pure functions over plain data, no leptos/web-sys, tested natively. The flow is
//!
//! ```text
//! Inputs (raw form state, serde) ──validate──▶ Job (typed, resolved) ──estimate──▶ Estimate
//!                                                                   └─alternatives─▶ Alternatives
//! ```
//!
//! with a [`Factors`] index over the dataset built once. The formulas:
//!
//! ```text
//! accelerator power = devices × (measured W, or TDP × utilization %, or TDP × the typical
//!                     draw % of the job's kind, from published metered runs)
//! CPU power         = CPU TDP ÷ cores × cores used × usage %      (Green Algorithms)
//! memory power      = GB × W/GB                                    (dataset constant)
//! hours per run     = typed, or FLOPs ÷ (devices × peak dense TFLOPS × 10¹² × MFU) ÷ 3600
//! IT energy         = (accelerators + CPU + memory) × hours per run × runs ÷ 1000      [kWh]
//! facility energy   = IT energy × PUE;   PUE overhead = IT energy × (PUE − 1)
//! location-based    = facility energy × grid intensity ÷ 1000                         [kgCO2e]
//! market-based      = location-based × (1 − renewable/offset share %)
//! ```
//!
//! With PUE 1, one device and 100 % utilization this is exactly the paper's calculator
//! (`TDP × hours × intensity`); with a CPU and memory it is Green Algorithms' formula. Unlike Green
//! Algorithms, a workload given in FLOPs makes the runtime follow the hardware. Ranges come from
//! interval propagation ([`uncertainty`]); see each module for its details.
//!
//! ```
//! use emissions_core::dataset::bundled;
//! use emissions_core::model::{alternatives, estimate, validate, Factors, Inputs};
//!
//! let factors = Factors::new(bundled().expect("the bundled dataset parses"));
//! // The documented default: 8 × a100-sxm4-80gb, 24 h, 1 run, aws us-east-1.
//! let job = validate(&Inputs::default(), &factors).expect("the defaults are valid");
//! let result = estimate(&job, &factors);
//! let range = result.uncertainty.location_based;
//! assert!(range.low <= range.central && range.central <= range.high);
//! let table = alternatives(&job, &factors);
//! assert!(table.cleanest_overall.is_some());
//! ```

#![warn(missing_docs)]

pub mod alternatives;
pub mod energy;
pub mod equivalents;
pub mod errors;
pub mod estimate;
pub mod factors;
pub mod inputs;
pub mod job;
pub mod lifecycle;
pub mod metered;
pub mod serving;
pub mod trace;
pub mod uncertainty;
pub mod validate;
pub mod workload;

pub use alternatives::{
    alternatives, Alternatives, HardwareAlternative, HardwareBasis, RegionAlternative,
    ZoneAlternative,
};
pub use energy::{Energy, Power};
pub use equivalents::EquivalentValue;
pub use errors::{Field, InputError, Problem};
pub use estimate::{estimate, Estimate};
pub use factors::Factors;
pub use inputs::{
    ComputeInput, ComputeMode, CpuInput, DataCentre, DurationInput, DurationMode, Inputs, JobKind,
    LocationInput, LocationMode,
};
pub use job::Job;
pub use trace::{Trace, TraceStep};
pub use uncertainty::{Interval, Sensitivity, UncertainInput, Uncertainty};
pub use validate::validate;
pub use workload::training_flops;

/// Validates and estimates in one call: the estimate, or every input error.
pub fn calculate(inputs: &Inputs, factors: &Factors) -> Result<Estimate, Vec<InputError>> {
    validate(inputs, factors).map(|job| estimate(&job, factors))
}
