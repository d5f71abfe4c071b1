//! Text exports of an estimate or of a comparison of saved jobs: LaTeX (+ BibTeX), Markdown,
//! Hugging Face model-card metadata, JSON (re-importable) and CSV.
//!
//! Design note: every format is a pure function of an [`ExportContext`] — the jobs with their
//! validated [`Job`] and [`Estimate`], the dataset and tool versions — so tests compute an estimate
//! and check that its numbers appear in each text. Numbers meant for reading go through the same
//! [`num`] as the formula trace (what the page shows is what the paper gets); machine formats
//! (JSON, CSV, the model card's grams) keep full precision. Text that comes from a person or the
//! dataset is escaped for each format ([`latex::escape`], [`markdown::escape`], CSV quoting,
//! YAML double-quoted strings). Several jobs add a total: the sum of the central values, and of
//! the lows and highs (all ends together: the conservative band).

mod csv;
mod json;
pub mod latex;
pub mod markdown;
mod model_card;

pub use self::csv::csv;
pub use json::{import_jobs, import_json, json, ImportError, EXPORT_FORMAT, EXPORT_FORMAT_VERSION};
pub use latex::{bibtex, latex};
pub use markdown::markdown;
pub use model_card::model_card;

use crate::model::job::{DeviceDraw, Place, PueBasis};
use crate::model::lifecycle::Lifecycle;
use crate::model::trace::num;
use crate::model::{
    estimate, validate, Estimate, Factors, InputError, Inputs, Interval, Job, JobKind,
};
use crate::units::{DeviceHours, KgCo2e, Kwh, Litres};
use serde::Serialize;
use std::sync::Arc;

/// The tool's name as cited.
pub const TOOL_NAME: &str = "ML Emissions Calculator";

/// What the model was trained for, as the Hugging Face model card spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TrainingType {
    /// Training from scratch.
    #[default]
    PreTraining,
    /// Fine-tuning a pre-trained model.
    FineTuning,
    /// Anything else (e.g. a hyper-parameter sweep, inference benchmarks).
    Other,
}

impl TrainingType {
    /// Every choice, for a select.
    pub const ALL: [TrainingType; 3] = [
        TrainingType::PreTraining,
        TrainingType::FineTuning,
        TrainingType::Other,
    ];

    /// The model-card value: `pre-training`, `fine-tuning` or `other`.
    pub fn as_str(self) -> &'static str {
        match self {
            TrainingType::PreTraining => "pre-training",
            TrainingType::FineTuning => "fine-tuning",
            TrainingType::Other => "other",
        }
    }

    /// Parses [`TrainingType::as_str`].
    pub fn parse(s: &str) -> Option<TrainingType> {
        TrainingType::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// One job to export: its name, raw inputs, validated job and estimate.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportItem {
    /// The person's name for the job (plain text).
    pub name: String,
    /// The raw inputs (what the JSON export re-imports).
    pub inputs: Inputs,
    /// The validated job (shared with the page's outcome: never deep-copied).
    pub job: Arc<Job>,
    /// Its estimate (shared likewise).
    pub estimate: Arc<Estimate>,
    /// Display name of the cloud provider, e.g. "Amazon Web Services" (cloud regions only).
    pub provider_name: Option<String>,
}

impl ExportItem {
    /// An item from already computed values (the page has them); looks up the provider's name.
    pub fn new(
        name: &str,
        inputs: Inputs,
        job: Arc<Job>,
        estimate: Arc<Estimate>,
        factors: &Factors,
    ) -> Self {
        let provider_name = match &job.site.place {
            Place::Cloud { provider, .. } => factors.provider(provider).map(|p| p.name.clone()),
            _ => None,
        };
        ExportItem {
            name: name.to_string(),
            inputs,
            job,
            estimate,
            provider_name,
        }
    }

    /// Validates and estimates `inputs`, or returns their errors.
    pub fn from_inputs(
        name: &str,
        inputs: &Inputs,
        factors: &Factors,
    ) -> Result<Self, Vec<InputError>> {
        let job = validate(inputs, factors)?;
        let result = estimate(&job, factors);
        Ok(ExportItem::new(
            name,
            inputs.clone(),
            Arc::new(job),
            Arc::new(result),
            factors,
        ))
    }

    /// "8 x NVIDIA A100 SXM4 80GB" (the model card's `hardware_used` form).
    pub fn hardware(&self) -> String {
        format!("{} x {}", self.job.devices, self.job.accelerator.name)
    }

    /// Where the electricity came from, e.g. "Amazon Web Services us-east-1 (N. Virginia)",
    /// "France grid (FR)" or "custom grid intensity".
    pub fn location(&self) -> String {
        match &self.job.site.place {
            Place::Cloud {
                provider,
                region,
                name,
            } => {
                let provider = self.provider_name.as_deref().unwrap_or(provider);
                if name.is_empty() || name == region {
                    format!("{provider} {region}")
                } else {
                    format!("{provider} {region} ({name})")
                }
            }
            Place::Zone { id, name } => format!("{name} grid ({id})"),
            Place::Custom => "custom grid intensity".to_string(),
        }
    }

    /// The accelerator draw used, as a phrase: "60 % of TDP on average (typical of published
    /// metered runs, any kind of job: 25–100 %)", "100 % of TDP (typed utilization)" or "312 W per
    /// device (measured)".
    pub fn draw(&self) -> String {
        match self.job.draw {
            DeviceDraw::Measured { power } => format!("{} W per device (measured)", num(power.0)),
            DeviceDraw::Rated { utilization } => {
                format!("{} % of TDP (typed utilization)", num(utilization.0))
            }
            DeviceDraw::Typical {
                band,
                of_mean: true,
                ..
            } => format!(
                "the device's measured mean power ({} W; measured {}–{} % of it)",
                num(self.job.accelerator.tdp.0),
                num(band.low.0),
                num(band.high.0)
            ),
            DeviceDraw::Typical { job_kind, band, .. } => {
                let kind = match job_kind {
                    JobKind::Pretrain => "large-scale pre-training",
                    JobKind::Finetune => "fine-tuning or small-model training",
                    JobKind::Unknown => "any kind of job",
                };
                format!(
                    "{} % of TDP on average (typical of published metered runs, {kind}: {}–{} %)",
                    num(band.central.0),
                    num(band.low.0),
                    num(band.high.0)
                )
            }
        }
    }

    /// The draw as % of TDP (a measured power as its fraction of the accelerator's TDP).
    pub fn draw_pct_of_tdp(&self) -> f64 {
        self.job.draw.fraction_of_tdp(self.job.accelerator.tdp) * 100.0
    }

    /// True for a personal machine (PUE basis "personal").
    pub fn is_personal(&self) -> bool {
        self.job.site.pue_basis == PueBasis::Personal
    }
}

/// Everything an export needs.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportContext {
    /// The jobs (one for the current estimate, several for a comparison).
    pub items: Vec<ExportItem>,
    /// `DATASET_VERSION` of the factors used.
    pub dataset_version: String,
    /// The app's version (`CARGO_PKG_VERSION`).
    pub tool_version: String,
    /// For the model card.
    pub training_type: TrainingType,
    /// Where the tool is published, for the BibTeX `url` (e.g. the page's address).
    pub tool_url: Option<String>,
}

/// The sum over several jobs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Totals {
    /// Device-hours of all jobs.
    pub device_hours: DeviceHours,
    /// Facility energy of all jobs.
    pub energy: Kwh,
    /// Location-based emissions (low and high: every job at its low or high end).
    pub location_based: Interval<KgCo2e>,
    /// Market-based emissions (central).
    pub market_based: KgCo2e,
    /// Location-based emissions with every accelerator at 100 % of TDP.
    pub location_based_at_tdp: KgCo2e,
    /// Embodied emissions of the hardware, apart from the operational figures.
    pub embodied: Interval<KgCo2e>,
    /// Development overhead, apart from the operational figures.
    pub development: Interval<KgCo2e>,
    /// Life-cycle total: operational location-based + embodied + development.
    pub lifecycle: Interval<KgCo2e>,
    /// On-site water.
    pub water: Interval<Litres>,
}

impl ExportContext {
    /// A context for `items` with the bundled dataset's version and the core's version.
    pub fn new(items: Vec<ExportItem>, training_type: TrainingType) -> Self {
        ExportContext {
            items,
            dataset_version: crate::dataset::DATASET_VERSION.to_string(),
            tool_version: env!("CARGO_PKG_VERSION").to_string(),
            training_type,
            tool_url: None,
        }
    }

    /// The totals over every item.
    pub fn totals(&self) -> Totals {
        let sum = |f: &dyn Fn(&Estimate) -> f64| self.items.iter().map(|i| f(&i.estimate)).sum();
        let band = |f: &dyn Fn(&Estimate) -> [f64; 3]| Sum3([0, 1, 2].map(|k| sum(&|e| f(e)[k])));
        Totals {
            device_hours: DeviceHours(sum(&|e| e.device_hours.0)),
            energy: Kwh(sum(&|e| e.energy.total.0)),
            location_based: Interval {
                low: KgCo2e(sum(&|e| e.uncertainty.location_based.low.0)),
                central: KgCo2e(sum(&|e| e.location_based.0)),
                high: KgCo2e(sum(&|e| e.uncertainty.location_based.high.0)),
            },
            market_based: KgCo2e(sum(&|e| e.market_based.0)),
            location_based_at_tdp: KgCo2e(sum(&|e| e.location_based_at_tdp.0)),
            embodied: band(&|e| ends(e.lifecycle.embodied)).map(KgCo2e),
            development: band(&|e| ends(e.lifecycle.development)).map(KgCo2e),
            lifecycle: band(&|e| ends(e.lifecycle.total)).map(KgCo2e),
            water: band(&|e| {
                let w = e.lifecycle.water;
                [w.low.0, w.central.0, w.high.0]
            })
            .map(Litres),
        }
    }

    /// "ML Emissions Calculator (dataset 2026.11)": the model card's `source`.
    pub fn source(&self) -> String {
        format!("{TOOL_NAME} (dataset {})", self.dataset_version)
    }

    /// The year of the dataset version ("2026.11" → "2026"), for citations.
    pub fn year(&self) -> String {
        let year: String = self.dataset_version.chars().take(4).collect();
        if year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()) {
            year
        } else {
            "2026".to_string()
        }
    }
}

/// Low, central and high of a band in kgCO2e, as plain numbers.
fn ends(i: Interval<KgCo2e>) -> [f64; 3] {
    [i.low.0, i.central.0, i.high.0]
}

/// Summed low, central and high ends, made a band in a unit.
struct Sum3([f64; 3]);

impl Sum3 {
    fn map<T>(self, unit: fn(f64) -> T) -> Interval<T> {
        let [low, central, high] = self.0;
        Interval {
            low: unit(low),
            central: unit(central),
            high: unit(high),
        }
    }
}

/// The life-cycle sentence of one job, for the paragraph exports: each part apart from the
/// operational figure, with its range. `unit`, `dash` and `percent` are the format's spelling.
pub(crate) fn lifecycle_sentence(l: &Lifecycle, unit: &str, dash: &str, percent: &str) -> String {
    let range = |i: [f64; 3]| format!("{}{dash}{}", num(i[0]), num(i[2]));
    let w = l.water;
    format!(
        "Apart from these operational emissions, the embodied emissions of the hardware \
         (accelerators and host servers, their manufacturing amortised over this job) are {} {unit} \
         (range {}) and the development overhead is {} {unit} ({}{percent} of the final runs), \
         for a life-cycle total (operational location-based + embodied + development) of {} {unit} \
         (range {}). On-site cooling water: {} L (range {}).",
        num(l.embodied.central.0),
        range(ends(l.embodied)),
        num(l.development.central.0),
        num(l.factors.development.band.central.0),
        num(l.total.central.0),
        range(ends(l.total)),
        num(w.central.0),
        range([w.low.0, w.central.0, w.high.0]),
    )
}

/// A number for reading (the trace's format), e.g. `1,234` or `33.6`.
pub fn reading(x: f64) -> String {
    num(x)
}
