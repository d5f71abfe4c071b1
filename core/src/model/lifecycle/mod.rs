//! Life-cycle view of a job: embodied emissions of the hardware, development overhead and on-site
//! water, beside the operational (location-based) emissions.
//!
//! ```text
//! embodied, accelerators = devices × hours × kg per device ÷ (life × 8,760 h × share in use)
//! embodied, hosts        = devices ÷ devices per host × hours × kg per host ÷ (same)
//! development            = development % × operational location-based emissions
//! water (on-site)        = WUE × IT energy                                            [L]
//! life-cycle total       = operational location-based + embodied + development        [kgCO2e]
//! ```
//!
//! This is the method of Luccioni et al. (2022) for BLOOM: 150 kgCO2e per GPU and 2,500 kgCO2e per
//! 8-GPU server, a 6-year life and 85 % use give 11.2 t for 1.08 M GPU-hours (`core/tests/
//! lifecycle.rs` checks it). Hosts are the exact ratio `devices ÷ per host`, not rounded up: in a
//! cloud a one-GPU instance shares its host with other tenants, and a whole-server job (the common
//! training case) is a whole number either way. Development overhead defaults to 0 %; the dataset's
//! `dev_guide` (Morrison et al. 2025: ~50 % for OLMo) is guidance for the person to apply.
//!
//! Design note: the functions take what they need explicitly ([`Usage`]: devices, total wall
//! hours, IT energy, the operational band) and the factors resolved from the dataset by
//! [`resolve`], so they do not depend on how [`crate::model::Job`] or the estimate are built.
//! Every band is low / central / high, computed at the bounds of its inputs.

mod compute;
mod factors;
mod inputs;
mod trace;

pub use compute::{amortised, development, embodied, hosts, sum, water};
pub use factors::{resolve, Basis, Factor, LifecycleFactors};
pub use inputs::{
    LifecycleInputs, DEFAULT_DEV_PCT, DEV_PCT_RANGE, EMB_DEV_RANGE, EMB_HOST_RANGE,
    LIFE_YEARS_RANGE, MAX_PER_HOST, USE_PCT_RANGE, WUE_RANGE,
};

use super::errors::InputError;
use super::trace::TraceStep;
use super::uncertainty::Interval;
use crate::dataset::Dataset;
use crate::units::{Hours, KgCo2e, Kwh, Litres};
use serde::Serialize;

/// What the life-cycle view needs to know about the job.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Usage {
    /// Accelerators in use.
    pub devices: u32,
    /// Total wall-clock hours of all runs (hours per run × runs).
    pub hours: Hours,
    /// IT energy of all runs (before PUE).
    pub it_energy: Kwh,
    /// Operational location-based emissions of all runs, low / central / high.
    pub operational: Interval<KgCo2e>,
}

/// The life-cycle view of a job: every part low / central / high, the factors used and the trace.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lifecycle {
    /// Operational location-based emissions (as given in [`Usage`]).
    pub operational: Interval<KgCo2e>,
    /// Embodied emissions of the accelerators.
    pub embodied_devices: Interval<KgCo2e>,
    /// Embodied emissions of the host servers (without accelerators).
    pub embodied_hosts: Interval<KgCo2e>,
    /// Embodied emissions, accelerators + hosts.
    pub embodied: Interval<KgCo2e>,
    /// Development overhead.
    pub development: Interval<KgCo2e>,
    /// Operational + embodied + development.
    pub total: Interval<KgCo2e>,
    /// On-site water.
    pub water: Interval<Litres>,
    /// The factors used, with their provenance. Not serialised (the JSON export carries the
    /// figures; the trace steps cite the sources), to keep the WebAssembly small.
    #[serde(skip)]
    pub factors: LifecycleFactors,
    /// The formula trace of these figures (moved to the estimate's trace by `estimate`).
    #[serde(skip)]
    pub steps: Vec<TraceStep>,
}

/// The life-cycle view of `usage` with resolved `factors`.
pub fn lifecycle(usage: &Usage, factors: &LifecycleFactors) -> Lifecycle {
    let (embodied_devices, embodied_hosts) = embodied(usage.devices, usage.hours, factors);
    let embodied = sum(&[embodied_devices, embodied_hosts]);
    let development = development(factors.development.band, usage.operational);
    let total = sum(&[usage.operational, embodied, development]);
    let mut result = Lifecycle {
        operational: usage.operational,
        embodied_devices,
        embodied_hosts,
        embodied,
        development,
        total,
        water: water(factors.wue.band, usage.it_energy),
        factors: factors.clone(),
        steps: Vec::new(),
    };
    result.steps = trace::steps(usage, factors, &result);
    result
}

/// [`resolve`] then [`lifecycle`]: the view of a job on `accelerator` at `provider` (`None` for a
/// grid zone or custom intensity), or every invalid override.
pub fn assess(
    ds: &Dataset,
    accelerator: &str,
    provider: Option<&str>,
    inputs: &LifecycleInputs,
    usage: &Usage,
) -> Result<Lifecycle, Vec<InputError>> {
    resolve(ds, accelerator, provider, inputs).map(|f| lifecycle(usage, &f))
}
