//! The central estimate of a validated job, with its ranges, sensitivity, equivalents and trace.

use super::energy::{Energy, Power};
use super::equivalents::{equivalents, EquivalentValue};
use super::factors::Factors;
use super::job::Job;
use super::lifecycle::{lifecycle, Lifecycle, Usage};
use super::trace::{trace, Trace};
use super::uncertainty::{footprint, sensitivity, uncertainty, Sensitivity, Uncertainty};
use crate::units::{DeviceHours, GramsPerKwh, Hours, KgCo2e, Kwh, Percent, Pue};
use serde::Serialize;

/// Everything the result view shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    /// Average power by component (central).
    pub power: Power,
    /// Energy by component over all runs (central).
    pub energy: Energy,
    /// Wall-clock hours of one run.
    pub hours_per_run: Hours,
    /// Wall-clock hours of all runs.
    pub wall_hours: Hours,
    /// Devices × wall hours of all runs (e.g. GPU-hours).
    pub device_hours: DeviceHours,
    /// Grid intensity used (central).
    pub intensity: GramsPerKwh,
    /// PUE used (central).
    pub pue: Pue,
    /// Location-based emissions (central): energy × grid intensity.
    pub location_based: KgCo2e,
    /// Facility energy with every accelerator at 100 % of TDP (central PUE).
    pub energy_at_tdp: Kwh,
    /// Location-based emissions with every accelerator at 100 % of TDP (central PUE and intensity):
    /// the upper bound that the paper's calculator and most model cards report.
    pub location_based_at_tdp: KgCo2e,
    /// Market-based emissions (central): location-based × (1 − market share). Reported beside the
    /// location-based figure, never instead of it.
    pub market_based: KgCo2e,
    /// The market-based share applied.
    pub market_share: Percent,
    /// Low / central / high ranges.
    pub uncertainty: Uncertainty,
    /// Tornado data, largest swing first.
    pub sensitivity: Vec<Sensitivity>,
    /// Location-based emissions as everyday equivalents.
    pub equivalents: Vec<EquivalentValue>,
    /// The life-cycle view, apart from the operational figures: embodied (accelerators and
    /// hosts amortised over the job), development overhead, on-site water and the life-cycle
    /// total. Its trace steps are moved to the end of [`Estimate::trace`] (its `steps` is empty).
    pub lifecycle: Lifecycle,
    /// The formula trace (operational steps, then the life-cycle steps).
    pub trace: Trace,
}

/// Estimates a validated job. Never fails: validation guarantees finite, in-range inputs.
pub fn estimate(job: &Job, factors: &Factors) -> Estimate {
    let power = Power::of(job, job.device_power());
    let wall_hours = job.total_hours();
    let pue = job.site.pue.central;
    let intensity = job.site.intensity.central;
    let energy = Energy::of(&power, wall_hours, pue);
    let location_based = energy.total * intensity;
    let market_based = location_based.scale(1.0 - job.market.share.fraction());
    let (energy_at_tdp, location_based_at_tdp) =
        footprint(job, job.accelerator.tdp, pue, intensity);
    let uncertainty = uncertainty(job);
    let usage = Usage {
        devices: job.devices,
        hours: wall_hours,
        it_energy: energy.it,
        operational: uncertainty.location_based,
    };
    let mut lifecycle = lifecycle(&usage, &job.lifecycle);
    let mut trace = trace(
        job,
        &power,
        &energy,
        (location_based, market_based, location_based_at_tdp),
    );
    trace.steps.append(&mut lifecycle.steps);
    Estimate {
        power,
        energy,
        hours_per_run: job.hours_per_run,
        wall_hours,
        device_hours: wall_hours.device_hours(f64::from(job.devices)),
        intensity,
        pue,
        location_based,
        energy_at_tdp,
        location_based_at_tdp,
        market_based,
        market_share: job.market.share,
        uncertainty,
        sensitivity: sensitivity(job),
        equivalents: equivalents(location_based, &factors.dataset().constants.equivalents),
        lifecycle,
        trace,
    }
}
