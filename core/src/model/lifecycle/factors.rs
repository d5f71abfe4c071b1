//! The life-cycle factors of one job: the dataset's rows for its accelerator and provider, or the
//! person's overrides, each as a low / central / high band with its provenance.

use super::inputs::{LifecycleInputs, DEFAULT_DEV_PCT};
use crate::dataset::{Dataset, LifeFactor, LifecycleData};
use crate::model::errors::{Field, InputError, Problem};
use crate::model::uncertainty::Interval;
use crate::units::{KgCo2e, LitresPerKwh, Percent, Years};
use serde::Serialize;

/// Where a factor's value comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Basis {
    /// A dataset row (`key`: the accelerator or provider id it is for, `*` for the fallback row,
    /// empty for a scalar).
    Dataset {
        /// The row's key.
        key: String,
    },
    /// The person's typed value.
    User,
    /// The model's default (no dataset row: the development overhead).
    Default,
}

/// One resolved factor: its band and where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Factor<T> {
    /// Low / central / high (exact for a typed value or a figure published without a range).
    pub band: Interval<T>,
    /// Where the value comes from.
    pub basis: Basis,
    /// Source ids (the central value's, then the range's); empty for a typed value or default.
    pub sources: Vec<String>,
    /// Year of the central value, where it comes from the dataset.
    pub year: Option<u16>,
}

impl<T: Copy + PartialEq> Factor<T> {
    /// A typed value: exact, no source.
    fn user(value: T) -> Self {
        Factor {
            band: Interval::exact(value),
            basis: Basis::User,
            sources: Vec::new(),
            year: None,
        }
    }
}

/// Every life-cycle factor of a job.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LifecycleFactors {
    /// Embodied emissions of one accelerator.
    pub embodied_device: Factor<KgCo2e>,
    /// Embodied emissions of one host server without accelerators.
    pub embodied_host: Factor<KgCo2e>,
    /// Accelerators per host server (hosts are counted as the exact ratio, see the module docs).
    pub per_host: Factor<f64>,
    /// Service life.
    pub life: Factor<Years>,
    /// Share of the service life in use.
    pub use_share: Factor<Percent>,
    /// Development overhead, % of the final runs' location-based emissions.
    pub development: Factor<Percent>,
    /// On-site water per kWh of IT energy.
    pub wue: Factor<LitresPerKwh>,
}

/// The factors for accelerator `accelerator` in the data centres of `provider` (`None`: a grid
/// zone or custom intensity, not a cloud region), with `inputs` overriding the dataset. Errors:
/// every invalid override, and a factor the dataset lacks (only for a dataset without its
/// `lifecycle` section, which [`crate::dataset::problems`] rejects).
pub fn resolve(
    ds: &Dataset,
    accelerator: &str,
    provider: Option<&str>,
    inputs: &LifecycleInputs,
) -> Result<LifecycleFactors, Vec<InputError>> {
    let mut errors = inputs.problems();
    if !errors.is_empty() {
        return Err(errors);
    }
    let l: &LifecycleData = &ds.lifecycle;
    let mut pick =
        |field: Field, key: &str, typed: Option<f64>, row: Option<&LifeFactor<f64>>| match (
            typed, row,
        ) {
            (Some(x), _) => Some(Factor::user(x)),
            (None, Some(row)) => Some(from_row(row)),
            (None, None) => {
                let id = if key.is_empty() { "lifecycle" } else { key };
                let problem = Problem::Unknown { id: id.to_string() };
                errors.push(InputError::new(field, problem));
                None
            }
        };
    let dev = l.embodied_for(accelerator).map(|r| r.plain(|x| x.0));
    let embodied_device = pick(
        Field::EmbodiedDevice,
        accelerator,
        inputs.emb_dev_kg,
        dev.as_ref(),
    );
    let present = |r: &LifeFactor<f64>| (!r.source.is_empty()).then(|| r.clone());
    let host = present(&l.host.plain(|x| x.0));
    let embodied_host = pick(Field::EmbodiedHost, "", inputs.emb_host_kg, host.as_ref());
    let per_host = present(&l.per_host);
    let per_host = pick(Field::PerHost, "", inputs.per_host, per_host.as_ref());
    let life = present(&l.life.plain(|x| x.0));
    let life = pick(Field::LifeYears, "", inputs.life_years, life.as_ref());
    let use_share = present(&l.use_pct.plain(|x| x.0));
    let use_share = pick(Field::UsePct, "", inputs.use_pct, use_share.as_ref());
    let wue = l.wue_for(provider).map(|r| r.plain(|x| x.0));
    let wue = pick(
        Field::Wue,
        provider.unwrap_or(""),
        inputs.wue_l_per_kwh,
        wue.as_ref(),
    );
    let development = match inputs.dev_pct {
        Some(x) => Factor::user(x),
        None => Factor {
            band: Interval::exact(DEFAULT_DEV_PCT),
            basis: Basis::Default,
            sources: Vec::new(),
            year: None,
        },
    };
    match (
        embodied_device,
        embodied_host,
        per_host,
        life,
        use_share,
        wue,
    ) {
        (Some(d), Some(h), Some(n), Some(y), Some(u), Some(w)) if errors.is_empty() => {
            Ok(LifecycleFactors {
                embodied_device: map(d, KgCo2e),
                embodied_host: map(h, KgCo2e),
                per_host: n,
                life: map(y, Years),
                use_share: map(u, Percent),
                development: map(development, Percent),
                wue: map(w, LitresPerKwh),
            })
        }
        _ => Err(errors),
    }
}

/// A dataset row as a factor: the range where published, else exact.
fn from_row(row: &LifeFactor<f64>) -> Factor<f64> {
    Factor {
        band: Interval {
            low: row.low.unwrap_or(row.value),
            central: row.value,
            high: row.high.unwrap_or(row.value),
        },
        basis: Basis::Dataset {
            key: row.key.clone(),
        },
        sources: row.sources().map(str::to_string).collect(),
        year: Some(row.year),
    }
}

/// The factor in its unit.
fn map<T>(f: Factor<f64>, unit: fn(f64) -> T) -> Factor<T> {
    Factor {
        band: Interval {
            low: unit(f.band.low),
            central: unit(f.band.central),
            high: unit(f.band.high),
        },
        basis: f.basis,
        sources: f.sources,
        year: f.year,
    }
}
