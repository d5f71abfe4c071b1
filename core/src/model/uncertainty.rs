//! Low / central / high ranges and the sensitivity (tornado) data.
//!
//! Method: **interval propagation** over three independent, documented input ranges.
//!
//! | input | low | central | high |
//! |---|---|---|---|
//! | accelerator draw (typical, no utilization given) | the job kind's low % of TDP | its typical % | its high % |
//! | accelerator draw (utilization typed) | 60 % of TDP (or the utilization, if lower) | TDP × utilization | 100 % of TDP |
//! | accelerator draw (measured) | measured − 10 % | measured | measured + 10 % |
//! | PUE | provider's (or industry) low | region/provider/industry figure | provider's (or industry) high |
//! | grid intensity | lowest yearly value of the zone/region | yearly average used | highest yearly value |
//!
//! Why these ranges: when nothing is said about the draw, the typical fraction of TDP and its range
//! come from published metered runs of the same kind of job (dataset table `draw`, validated
//! against the `metered` runs by `core/tests/model_metered.rs`). A typed utilization keeps its
//! older meaning: the person's figure, with 60–100 % of TDP around it (the paper and most published
//! footprints use TDP, the high end). A measured power is given ±10 % for meter accuracy and
//! averaging. A typed PUE or custom intensity is taken as exact.
//!
//! Emissions = (devices × draw + CPU + memory) × hours × PUE × intensity is a product of positive
//! factors, non-decreasing in each uncertain input, so evaluating it at all lows and all highs gives
//! the exact bounds of the box of inputs: deterministic, no sampling, the same numbers every run.
//! The bounds are conservative (they assume every input is at its worst together).
//!
//! Sensitivity: each uncertain input is moved from its low to its high with the others central;
//! the swing of the emissions is the width of its tornado bar. Inputs with no range are omitted.

use super::energy::{Energy, Power};
use super::inputs::JobKind;
use super::job::{DeviceDraw, Job, PueBasis};
use crate::units::{GramsPerKwh, KgCo2e, Kwh, Pue, Watts};
use serde::Serialize;

/// Low end of the real draw around a typed utilization, % of TDP.
pub const DRAW_LOW_PCT_OF_TDP: f64 = 60.0;
/// High end of the real draw around a typed utilization, % of TDP (the paper's convention).
pub const DRAW_HIGH_PCT_OF_TDP: f64 = 100.0;
/// Relative uncertainty of a measured power (±).
pub const MEASURED_POWER_SPREAD: f64 = 0.10;

/// A low / central / high band; `low ≤ central ≤ high`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval<T> {
    /// Low end.
    pub low: T,
    /// Central estimate.
    pub central: T,
    /// High end.
    pub high: T,
}

impl<T: Copy + PartialEq> Interval<T> {
    /// A band with no spread.
    pub fn exact(value: T) -> Self {
        Interval {
            low: value,
            central: value,
            high: value,
        }
    }

    /// True when the band has no spread.
    pub fn is_exact(&self) -> bool {
        self.low == self.central && self.central == self.high
    }
}

/// An input the model treats as uncertain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UncertainInput {
    /// The real average power of an accelerator.
    DevicePower,
    /// The data centre's PUE.
    Pue,
    /// The grid's carbon intensity.
    Intensity,
}

impl UncertainInput {
    /// A short label for charts.
    pub fn label(self) -> &'static str {
        match self {
            UncertainInput::DevicePower => "Accelerator power draw",
            UncertainInput::Pue => "Data-centre PUE",
            UncertainInput::Intensity => "Grid carbon intensity",
        }
    }
}

/// The uncertain inputs' bands, as used.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct InputBands {
    /// Power of one accelerator.
    pub device_power: Interval<Watts>,
    /// PUE.
    pub pue: Interval<Pue>,
    /// Grid intensity.
    pub intensity: Interval<GramsPerKwh>,
}

/// One bar of the tornado chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sensitivity {
    /// Which input.
    pub input: UncertainInput,
    /// Its label.
    pub label: &'static str,
    /// The input's low–high range as text, e.g. "240–400 W".
    pub range: String,
    /// Why this range (the documented assumption or the data it comes from).
    pub basis: &'static str,
    /// Location-based emissions with this input low, others central.
    pub emissions_low: KgCo2e,
    /// Location-based emissions with this input high, others central.
    pub emissions_high: KgCo2e,
    /// `emissions_high − emissions_low`.
    pub swing: KgCo2e,
}

/// Ranges of the results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Uncertainty {
    /// The input bands propagated.
    pub inputs: InputBands,
    /// Facility energy.
    pub energy: Interval<Kwh>,
    /// Location-based emissions.
    pub location_based: Interval<KgCo2e>,
    /// Market-based emissions.
    pub market_based: Interval<KgCo2e>,
}

/// The band of one accelerator's average power.
pub fn device_power_band(job: &Job) -> Interval<Watts> {
    match job.draw {
        DeviceDraw::Measured { power } => Interval {
            low: power.scale(1.0 - MEASURED_POWER_SPREAD),
            central: power,
            high: power.scale(1.0 + MEASURED_POWER_SPREAD),
        },
        DeviceDraw::Rated { utilization } => {
            let tdp = job.accelerator.tdp;
            // Keep low ≤ central ≤ high when the user's utilization is outside 60–100 %.
            let low_pct = DRAW_LOW_PCT_OF_TDP.min(utilization.0);
            let high_pct = DRAW_HIGH_PCT_OF_TDP.max(utilization.0);
            Interval {
                low: tdp.scale(low_pct / 100.0),
                central: tdp.scale(utilization.fraction()),
                high: tdp.scale(high_pct / 100.0),
            }
        }
        DeviceDraw::Typical { band, .. } => {
            let tdp = job.accelerator.tdp;
            Interval {
                low: tdp.scale(band.low.fraction()),
                central: tdp.scale(band.central.fraction()),
                high: tdp.scale(band.high.fraction()),
            }
        }
    }
}

/// Why the accelerator-draw range is what it is, for the tornado and the trace.
pub fn draw_basis(draw: DeviceDraw) -> &'static str {
    match draw {
        DeviceDraw::Measured { .. } => "measured power ± 10 %",
        DeviceDraw::Rated { .. } => "typed utilization, real draw 60–100 % of TDP",
        DeviceDraw::Typical { of_mean: true, .. } => "the device's measured power range",
        DeviceDraw::Typical { job_kind, .. } => match job_kind {
            JobKind::Pretrain => "metered average draw of large pre-training runs",
            JobKind::Finetune => "metered average draw of fine-tuning and small-model runs",
            JobKind::Unknown => "metered average draw of published training runs (any kind)",
        },
    }
}

/// The bands of every uncertain input of `job`.
pub fn input_bands(job: &Job) -> InputBands {
    InputBands {
        device_power: device_power_band(job),
        pue: job.site.pue,
        intensity: job.site.intensity,
    }
}

/// Facility energy and location-based emissions of `job` at the given factor values.
pub fn footprint(job: &Job, per_device: Watts, pue: Pue, intensity: GramsPerKwh) -> (Kwh, KgCo2e) {
    let energy = Energy::of(&Power::of(job, per_device), job.total_hours(), pue);
    (energy.total, energy.total * intensity)
}

/// Propagates the input bands to energy and emissions (all lows together, all highs together).
pub fn uncertainty(job: &Job) -> Uncertainty {
    let b = input_bands(job);
    let (e_lo, kg_lo) = footprint(job, b.device_power.low, b.pue.low, b.intensity.low);
    let (e_c, kg_c) = footprint(
        job,
        b.device_power.central,
        b.pue.central,
        b.intensity.central,
    );
    let (e_hi, kg_hi) = footprint(job, b.device_power.high, b.pue.high, b.intensity.high);
    let kept = 1.0 - job.market.share.fraction();
    Uncertainty {
        inputs: b,
        energy: Interval {
            low: e_lo,
            central: e_c,
            high: e_hi,
        },
        location_based: Interval {
            low: kg_lo,
            central: kg_c,
            high: kg_hi,
        },
        market_based: Interval {
            low: kg_lo.scale(kept),
            central: kg_c.scale(kept),
            high: kg_hi.scale(kept),
        },
    }
}

fn range_text(low: f64, high: f64, unit: &str) -> String {
    let sep = if unit.is_empty() { "" } else { " " };
    format!(
        "{}–{}{sep}{unit}",
        super::trace::num(low),
        super::trace::num(high)
    )
}

/// The tornado data: one entry per uncertain input with a non-zero range, largest swing first.
pub fn sensitivity(job: &Job) -> Vec<Sensitivity> {
    let b = input_bands(job);
    let c = (b.device_power.central, b.pue.central, b.intensity.central);
    let power_basis = draw_basis(job.draw);
    let pue_basis = match job.site.pue_basis {
        PueBasis::IndustryAverage => "industry-average PUE range (survey)",
        _ => "provider's published PUE range",
    };
    let mut out = Vec::with_capacity(3);
    if !b.device_power.is_exact() {
        let lo = footprint(job, b.device_power.low, c.1, c.2).1;
        let hi = footprint(job, b.device_power.high, c.1, c.2).1;
        out.push((
            UncertainInput::DevicePower,
            range_text(b.device_power.low.0, b.device_power.high.0, "W"),
            power_basis,
            lo,
            hi,
        ));
    }
    if !b.pue.is_exact() {
        let lo = footprint(job, c.0, b.pue.low, c.2).1;
        let hi = footprint(job, c.0, b.pue.high, c.2).1;
        out.push((
            UncertainInput::Pue,
            range_text(b.pue.low.0, b.pue.high.0, ""),
            pue_basis,
            lo,
            hi,
        ));
    }
    if !b.intensity.is_exact() {
        let lo = footprint(job, c.0, c.1, b.intensity.low).1;
        let hi = footprint(job, c.0, c.1, b.intensity.high).1;
        out.push((
            UncertainInput::Intensity,
            range_text(b.intensity.low.0, b.intensity.high.0, "g/kWh"),
            "spread of the grid's yearly averages",
            lo,
            hi,
        ));
    }
    let mut bars: Vec<Sensitivity> = out
        .into_iter()
        .map(|(input, range, basis, lo, hi)| Sensitivity {
            input,
            label: input.label(),
            range,
            basis,
            emissions_low: lo,
            emissions_high: hi,
            swing: hi - lo,
        })
        .collect();
    crate::sort::sort_by(&mut bars, |a, b| b.swing.0.total_cmp(&a.swing.0));
    bars
}
