//! The person's life-cycle overrides, raw as typed, and their validation.
//!
//! Every member is optional: `None` takes the dataset's figure (or, for the development overhead,
//! [`DEFAULT_DEV_PCT`]). Validation reports every bad member at once, as [`crate::model::validate`]
//! does for the rest of the form.

use crate::json::{Node, Obj, Res};
use crate::model::errors::{Field, InputError, Problem};
use serde::Serialize;

/// Development overhead when none is typed, % of the final runs: off, because published figures
/// (e.g. Morrison et al. 2025: about 50 %) describe one lab's process, not every job.
pub const DEFAULT_DEV_PCT: f64 = 0.0;
/// Accepted service life, years.
pub const LIFE_YEARS_RANGE: (f64, f64) = (0.5, 20.0);
/// Accepted share of life in use, %.
pub const USE_PCT_RANGE: (f64, f64) = (1.0, 100.0);
/// Accepted embodied emissions per accelerator, kgCO2e (zero: "do not count the devices").
pub const EMB_DEV_RANGE: (f64, f64) = (0.0, 100_000.0);
/// Accepted embodied emissions per host server without accelerators, kgCO2e.
pub const EMB_HOST_RANGE: (f64, f64) = (0.0, 1_000_000.0);
/// Most accelerators per host accepted.
pub const MAX_PER_HOST: f64 = 1024.0;
/// Accepted development overhead, % of the final runs (exploration can cost several times the
/// final run).
pub const DEV_PCT_RANGE: (f64, f64) = (0.0, 10_000.0);
/// Accepted on-site water usage effectiveness, L/kWh (zero: dry or closed-loop cooling).
pub const WUE_RANGE: (f64, f64) = (0.0, 20.0);

/// Life-cycle overrides as typed; `None` = the dataset's figure. Serialised with these names
/// (absent when `None`); share links use the short names of `share/lifecycle.rs`.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct LifecycleInputs {
    /// Service life of the hardware, years.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub life_years: Option<f64>,
    /// Share of the service life the hardware is in use, %.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub use_pct: Option<f64>,
    /// Embodied emissions of one accelerator, kgCO2e.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub emb_dev_kg: Option<f64>,
    /// Embodied emissions of one host server without its accelerators, kgCO2e.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub emb_host_kg: Option<f64>,
    /// Accelerators per host server (a whole number ≥ 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_host: Option<f64>,
    /// Development overhead, % of the final runs' location-based emissions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dev_pct: Option<f64>,
    /// On-site water usage effectiveness, L per kWh of IT energy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wue_l_per_kwh: Option<f64>,
}

impl LifecycleInputs {
    /// Reads the overrides from a parsed JSON object: every member optional, `null` = absent,
    /// unknown members ignored (the rules of [`crate::model::Inputs::read`]).
    pub fn read(value: &Node) -> Res<LifecycleInputs> {
        let o = Obj::new(value, "struct LifecycleInputs")?;
        Ok(LifecycleInputs {
            life_years: o.opt("life_years")?,
            use_pct: o.opt("use_pct")?,
            emb_dev_kg: o.opt("emb_dev_kg")?,
            emb_host_kg: o.opt("emb_host_kg")?,
            per_host: o.opt("per_host")?,
            dev_pct: o.opt("dev_pct")?,
            wue_l_per_kwh: o.opt("wue_l_per_kwh")?,
        })
    }

    /// Every problem of the typed values (ranges, finiteness, whole numbers); empty when sound.
    pub fn problems(&self) -> Vec<InputError> {
        let mut errors = Vec::new();
        let checks = [
            (Field::LifeYears, self.life_years, LIFE_YEARS_RANGE),
            (Field::UsePct, self.use_pct, USE_PCT_RANGE),
            (Field::EmbodiedDevice, self.emb_dev_kg, EMB_DEV_RANGE),
            (Field::EmbodiedHost, self.emb_host_kg, EMB_HOST_RANGE),
            (Field::PerHost, self.per_host, (1.0, MAX_PER_HOST)),
            (Field::DevPct, self.dev_pct, DEV_PCT_RANGE),
            (Field::Wue, self.wue_l_per_kwh, WUE_RANGE),
        ];
        for (field, value, range) in checks {
            if let Some(problem) = value.and_then(|x| problem(x, range)) {
                errors.push(InputError::new(field, problem));
            }
        }
        if let Some(n) = self.per_host.filter(|n| n.is_finite() && n.fract() != 0.0) {
            errors.push(InputError::new(
                Field::PerHost,
                Problem::NotWhole { got: n },
            ));
        }
        errors
    }
}

/// What is wrong with `x` for the accepted `[min, max]`, if anything.
fn problem(x: f64, (min, max): (f64, f64)) -> Option<Problem> {
    if !x.is_finite() {
        Some(Problem::NotFinite {
            got: crate::number::shortest(x),
        })
    } else if (min..=max).contains(&x) {
        None
    } else {
        Some(Problem::OutOfRange { got: x, min, max })
    }
}
