//! Evidence tables: how much of its TDP an accelerator really draws for each kind of job, and the
//! published training runs whose energy was metered, against which the model is validated.
//!
//! Design note: both tables come from `data/curated/power_draw.csv` and `metered_runs.csv` through
//! `cargo xtask data`, like every other factor, so the calibration of the model is data with sources,
//! versioned with the dataset and checked by the same tests.

use crate::units::{Hours, Kwh, Percent};
use serde::Serialize;

/// The typical average draw of an accelerator for one kind of job, as % of its TDP, with the
/// low–high range seen in published metered measurements.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct DrawProfile {
    /// Job kind id: `unknown`, `pretrain` or `finetune` (see `model::JobKind`).
    pub kind: String,
    /// Short label for the form, e.g. "Large-scale distributed pre-training".
    pub label: String,
    /// Typical average draw, % of TDP (the central estimate).
    #[serde(rename = "typ")]
    pub typical: Percent,
    /// Low end of the measured averages, % of TDP.
    #[serde(rename = "lo")]
    pub low: Percent,
    /// High end of the measured averages, % of TDP.
    #[serde(rename = "hi")]
    pub high: Percent,
    /// One sentence on what was measured.
    pub basis: String,
    /// Year of the latest source.
    #[serde(rename = "yr")]
    pub year: u16,
    /// Source ids, separated by `;`.
    #[serde(rename = "src")]
    pub source: String,
}

impl DrawProfile {
    /// The source ids of the profile.
    pub fn sources(&self) -> impl Iterator<Item = &str> {
        self.source.split(';').filter(|s| !s.is_empty())
    }
}

/// A published training run whose energy was metered (device counters, RAPL or a power meter).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct MeteredRun {
    /// Kebab-case id.
    pub id: String,
    /// Short label, e.g. "BLOOM-176B pre-training".
    pub name: String,
    /// Hardware id of the accelerators.
    pub hw: String,
    /// Number of accelerators.
    #[serde(rename = "n")]
    pub devices: u32,
    /// Wall-clock hours of the metered period.
    #[serde(rename = "h")]
    pub hours: Hours,
    /// Metered energy, without PUE.
    #[serde(rename = "kwh")]
    pub energy: Kwh,
    /// What the meter covered: `gpu` (accelerators only) or `node` (whole servers).
    #[serde(rename = "cov")]
    pub covers: String,
    /// Job kind as the source states it (`pretrain`, `finetune` or `unknown`).
    pub kind: String,
    /// Publication year.
    #[serde(rename = "yr")]
    pub year: u16,
    /// Source id.
    #[serde(rename = "src")]
    pub source: String,
}
