//! Serving (inference): the footprint of a deployed model, in total and per request, computed
//! with the same grid, PUE and ranges as training.
//!
//! ```text
//! per request (1)  IT energy = requests × Wh ÷ 1000; facility = IT × PUE
//!                  (a figure that already includes PUE and host power is the facility energy)
//! per token   (2)  IT energy = requests × EcoLogits' energy of one request (see [`per_token`])
//! hardware    (3)  IT energy = (devices × draw + CPU + memory) × hours (the training formula)
//! location-based   = facility energy × grid intensity;  market-based = × (1 − market share)
//! per request      = total ÷ requests  (Wh and gCO2e; per 1,000 requests: kWh and kgCO2e)
//! ```
//!
//! Ranges are low / central / high, all lows together (as [`crate::model::uncertainty`]): the
//! site's PUE and intensity bands, plus for (2) the batch size (low: the largest batch the source
//! fits, central and high: its assumed 64; EcoLogits gives no wider range for a known model size)
//! and for (3) the job's device-draw band. A typed Wh per request is exact.
//!
//! [`project`] puts a training footprint beside the serving one with the break-even point (after
//! how many requests serving has emitted as much as training).
//!
//! Design note: [`serving`] is pure and takes what it needs explicitly (the site bands, the
//! energy-per-token model, the job's IT-energy band for path 3), so it does not depend on how the
//! form or [`crate::model::Job`] is built; [`serve`] wires it to a validated job and the dataset.

mod inputs;
pub mod per_token;
mod project;
mod trace;

pub use inputs::{
    ServingInputs, ServingPath, DEFAULT_PARAMS_B, DEFAULT_REQUESTS, DEFAULT_TOKENS, PARAMS_B_RANGE,
    REQUESTS_RANGE, TOKENS_RANGE, WH_RANGE,
};
pub use per_token::TokenEnergy;
pub use project::{project, Project};

use super::energy::{Energy, Power};
use super::errors::InputError;
use super::job::Job;
use super::trace::TraceStep;
use super::uncertainty::{device_power_band, Interval};
use crate::dataset::{Dataset, TokenModel};
use crate::units::{GramsCo2e, GramsPerKwh, KgCo2e, Kwh, Percent, Pue, WattHours};
use serde::Serialize;

/// The site factors of a job, as bands.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SiteBands {
    /// PUE.
    pub pue: Interval<Pue>,
    /// Grid intensity (location-based).
    pub intensity: Interval<GramsPerKwh>,
    /// Market-based share applied to the location-based figure.
    pub market_share: Percent,
}

impl SiteBands {
    /// The bands of a validated job's site.
    pub fn of(job: &Job) -> SiteBands {
        SiteBands {
            pue: job.site.pue,
            intensity: job.site.intensity,
            market_share: job.market.share,
        }
    }
}

/// IT energy of a validated job over all its runs at the low, central and high device draw
/// (accelerators, CPU and memory; no PUE): path 3's energy.
pub fn hardware_it(job: &Job) -> Interval<Kwh> {
    let band = device_power_band(job);
    let at = |w| Energy::of(&Power::of(job, w), job.total_hours(), Pue(1.0)).it;
    Interval {
        low: at(band.low),
        central: at(band.central),
        high: at(band.high),
    }
}

/// The serving footprint: totals over the period and per request, low / central / high.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Serving {
    /// The inputs used.
    pub inputs: ServingInputs,
    /// IT energy (before PUE); `None` when the typed figure already includes the overhead.
    pub it_energy: Option<Interval<Kwh>>,
    /// Facility energy over the period.
    pub energy: Interval<Kwh>,
    /// Location-based emissions over the period.
    pub location_based: Interval<KgCo2e>,
    /// Market-based emissions over the period (location-based × (1 − market share)).
    pub market_based: Interval<KgCo2e>,
    /// Facility energy per request.
    pub wh_per_request: Interval<WattHours>,
    /// Location-based emissions per request.
    pub g_per_request: Interval<GramsCo2e>,
    /// Facility energy per 1,000 requests.
    pub kwh_per_1000: Interval<Kwh>,
    /// Location-based emissions per 1,000 requests.
    pub kg_per_1000: Interval<KgCo2e>,
    /// Path 2: the energy of one request at the low-energy (large) batch and at the source's
    /// batch (central and high), with its parts.
    pub per_token: Option<Interval<TokenEnergy>>,
    /// The formula trace (central values).
    pub steps: Vec<TraceStep>,
}

/// The footprint of `inputs` at `site`, with the energy-per-token `model` (path 2) and the job's
/// IT energy `hardware` (path 3, see [`hardware_it`]). Inputs are assumed valid
/// ([`ServingInputs::problems`] empty); invalid ones give non-finite numbers, never a panic.
pub fn serving(
    inputs: &ServingInputs,
    model: &TokenModel,
    site: &SiteBands,
    hardware: Interval<Kwh>,
) -> Serving {
    let n = inputs.requests;
    let (it_energy, per_token) = match inputs.path {
        ServingPath::PerRequest {
            includes_overhead: true,
            ..
        } => (None, None),
        ServingPath::PerRequest { wh, .. } => {
            (Some(Interval::exact(WattHours(wh * n).kwh())), None)
        }
        ServingPath::PerToken { params_b, tokens } => {
            let at = |batch| per_token::request_energy(params_b, tokens, batch, model);
            let band = Interval {
                low: at(model.batch_high),
                central: at(model.batch),
                high: at(model.batch),
            };
            let it = map(band, |e| e.it.scale(n).kwh());
            (Some(it), Some(band))
        }
        ServingPath::Hardware => (Some(hardware), None),
    };
    let energy = match (inputs.path, it_energy) {
        (ServingPath::PerRequest { wh, .. }, None) => Interval::exact(WattHours(wh * n).kwh()),
        (_, Some(it)) => Interval {
            low: it.low * site.pue.low,
            central: it.central * site.pue.central,
            high: it.high * site.pue.high,
        },
        (_, None) => Interval::exact(Kwh(0.0)),
    };
    let location_based = Interval {
        low: energy.low * site.intensity.low,
        central: energy.central * site.intensity.central,
        high: energy.high * site.intensity.high,
    };
    let kept = 1.0 - site.market_share.fraction();
    let per = |x: f64| if n > 0.0 { x / n } else { 0.0 };
    let mut result = Serving {
        inputs: *inputs,
        it_energy,
        energy,
        location_based,
        market_based: map(location_based, |x| x.scale(kept)),
        wh_per_request: map(energy, |e| WattHours(per(e.wh().0))),
        g_per_request: map(location_based, |kg| GramsCo2e(per(kg.grams().0))),
        kwh_per_1000: map(energy, |e| Kwh(per(e.0) * 1000.0)),
        kg_per_1000: map(location_based, |kg| KgCo2e(per(kg.0) * 1000.0)),
        per_token,
        steps: Vec::new(),
    };
    result.steps = trace::steps(&result, model, site);
    result
}

/// [`ServingInputs::problems`], then [`serving`] at the site of the validated `job`, with the
/// dataset's energy-per-token model and, for path 3, the job's devices, hours and draw.
pub fn serve(inputs: &ServingInputs, ds: &Dataset, job: &Job) -> Result<Serving, Vec<InputError>> {
    let errors = inputs.problems();
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(serving(
        inputs,
        &ds.serving.model,
        &SiteBands::of(job),
        hardware_it(job),
    ))
}

/// Requests after which serving has emitted as much as `training` at `per_request` each:
/// `training ÷ per request`. `None` when a request emits nothing (never breaks even) or an input
/// is not finite.
pub fn break_even(training: KgCo2e, per_request: GramsCo2e) -> Option<f64> {
    let n = training.grams().0 / per_request.0;
    (per_request.0 > 0.0 && n.is_finite() && n >= 0.0).then_some(n)
}

/// [`break_even`] at each end: the low end pairs training's low with serving's low (both follow
/// the same grid and PUE), and so on.
pub fn break_even_band(
    training: Interval<KgCo2e>,
    per_request: Interval<GramsCo2e>,
) -> Option<Interval<f64>> {
    let mut ends = [
        break_even(training.low, per_request.low)?,
        break_even(training.central, per_request.central)?,
        break_even(training.high, per_request.high)?,
    ];
    // Matched ends need not be ordered (training and serving scale differently): sort them.
    ends.sort_by(f64::total_cmp);
    Some(Interval {
        low: ends[0],
        central: break_even(training.central, per_request.central)?,
        high: ends[2],
    })
}

fn map<T: Copy, U>(i: Interval<T>, f: impl Fn(T) -> U) -> Interval<U> {
    Interval {
        low: f(i.low),
        central: f(i.central),
        high: f(i.high),
    }
}
