//! How far the model is from a meter: the model run on every published metered training run of the
//! dataset (table `metered`), with only the hardware, device count, hours and (where the source
//! states it) the job kind given, as a person who knows nothing else would.
//!
//! Design note: the same function feeds the native calibration test (`core/tests/model_metered.rs`,
//! which asserts the targets below) and the Methodology section of the page, so what users read is
//! what the test checked. Energies are IT energy at PUE 1: meters on devices and servers do not see
//! the facility overhead, and the sources' figures are taken without PUE.

use super::factors::Factors;
use super::inputs::{ComputeInput, DurationInput, Inputs, JobKind};
use super::validate::validate;
use crate::units::Kwh;
use serde::Serialize;

/// Share of runs whose metered energy the low–high range must contain.
pub const TARGET_CONTAINED: f64 = 0.9;
/// Share of runs whose metered energy the central estimate must be within [`TARGET_FACTOR`] of.
pub const TARGET_WITHIN: f64 = 0.7;
/// The factor of [`TARGET_WITHIN`].
pub const TARGET_FACTOR: f64 = 1.5;
/// Largest average high ÷ low of the ranges (the range must stay informative).
pub const TARGET_SPREAD: f64 = 4.5;

/// The model against one metered run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeteredCheck {
    /// Run id.
    pub id: String,
    /// Run label.
    pub name: String,
    /// Accelerator display name.
    pub hardware: String,
    /// Accelerators.
    pub devices: u32,
    /// Wall-clock hours.
    pub hours: f64,
    /// Job kind used (the source's, else unknown).
    pub kind: JobKind,
    /// What the meter covered: `gpu` or `node`.
    pub covers: String,
    /// Metered energy.
    pub metered: Kwh,
    /// The model's low, central and high IT energy.
    pub low: Kwh,
    /// Central estimate.
    pub central: Kwh,
    /// High end.
    pub high: Kwh,
    /// Central ÷ metered.
    pub ratio: f64,
    /// True when low ≤ metered ≤ high.
    pub contained: bool,
    /// True when the central estimate is within [`TARGET_FACTOR`] of the metered energy.
    pub within: bool,
    /// Source id.
    pub source: String,
}

/// The three target figures over all runs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MeteredSummary {
    /// Runs checked.
    pub runs: usize,
    /// Runs whose range contains the metered energy.
    pub contained: usize,
    /// Runs whose central estimate is within [`TARGET_FACTOR`] of it.
    pub within: usize,
    /// Average high ÷ low of the ranges.
    pub mean_spread: f64,
    /// Median central ÷ metered.
    pub median_ratio: f64,
}

impl MeteredSummary {
    /// True when every target holds.
    pub fn meets_targets(&self) -> bool {
        let n = self.runs as f64;
        self.runs > 0
            && self.contained as f64 >= TARGET_CONTAINED * n
            && self.within as f64 >= TARGET_WITHIN * n
            && self.mean_spread <= TARGET_SPREAD
    }

    /// "On 14 published metered runs, the range contains the metered energy in 13 of 14; …".
    pub fn sentence(&self) -> String {
        format!(
            "On {n} published metered runs, the range contains the metered energy in {c} of {n}; \
             the central estimate is within ×{f} of it in {w} of {n} (median ratio \
             {r}); the range spans ×{s} on average.",
            n = self.runs,
            f = crate::number::shortest(TARGET_FACTOR),
            c = self.contained,
            w = self.within,
            r = crate::number::fixed(self.median_ratio, 2),
            s = crate::number::fixed(self.mean_spread, 1),
        )
    }
}

/// The model on every metered run of the dataset, in dataset order, and the summary.
pub fn metered_checks(factors: &Factors) -> (Vec<MeteredCheck>, MeteredSummary) {
    let checks: Vec<MeteredCheck> = factors
        .dataset()
        .metered
        .iter()
        .filter_map(|run| {
            let kind = JobKind::from_id(&run.kind).unwrap_or_default();
            let inputs = Inputs {
                compute: ComputeInput::Hardware {
                    id: run.hw.clone(),
                    devices: f64::from(run.devices),
                },
                duration: DurationInput::Hours { hours: run.hours.0 },
                job_kind: kind,
                pue: Some(1.0),
                ..Inputs::default()
            };
            let job = validate(&inputs, factors).ok()?;
            let band = super::uncertainty::uncertainty(&job).energy;
            let metered = run.energy;
            let ratio = band.central.ratio(metered);
            Some(MeteredCheck {
                id: run.id.clone(),
                name: run.name.clone(),
                hardware: job.accelerator.name.clone(),
                devices: run.devices,
                hours: run.hours.0,
                kind,
                covers: run.covers.clone(),
                metered,
                low: band.low,
                central: band.central,
                high: band.high,
                ratio,
                contained: band.low.0 <= metered.0 && metered.0 <= band.high.0,
                within: (1.0 / TARGET_FACTOR..=TARGET_FACTOR).contains(&ratio),
                source: run.source.clone(),
            })
        })
        .collect();
    let n = checks.len();
    let mut ratios: Vec<f64> = checks.iter().map(|c| c.ratio).collect();
    crate::sort::sort_by_f64(&mut ratios, |r| *r);
    let median_ratio = match n {
        0 => 0.0,
        _ if n % 2 == 1 => ratios[n / 2],
        _ => (ratios[n / 2 - 1] + ratios[n / 2]) / 2.0,
    };
    let summary = MeteredSummary {
        runs: n,
        contained: checks.iter().filter(|c| c.contained).count(),
        within: checks.iter().filter(|c| c.within).count(),
        mean_spread: if n == 0 {
            0.0
        } else {
            checks.iter().map(|c| c.high.ratio(c.low)).sum::<f64>() / n as f64
        },
        median_ratio,
    };
    (checks, summary)
}
