//! The user's raw form state: what share links, saved jobs and JSON export serialise.
//!
//! Design note: numbers here are plain `f64` on purpose. They are what the person typed, possibly
//! negative, NaN or absurd; [`super::validate`] is the only way to turn them into a typed
//! [`super::Job`]. Every field has a serde default, so an old share link missing a newer field still
//! loads, and unknown ids survive a round trip to be reported as errors instead of being dropped.

use super::lifecycle::LifecycleInputs;
use serde::{Deserialize, Serialize};

mod modes;
mod read;

pub use modes::{ComputeMode, DurationMode, LocationMode};

/// Default accelerator of a fresh form: the workhorse of 2020–2024 training clusters.
pub const DEFAULT_HARDWARE: &str = "a100-sxm4-80gb";
/// Default device count: one 8-GPU server (e.g. a DGX A100 or `p4de.24xlarge`).
pub const DEFAULT_DEVICES: f64 = 8.0;
/// Default wall-clock hours per run: one day.
pub const DEFAULT_HOURS: f64 = 24.0;
/// Default cloud provider id.
pub const DEFAULT_PROVIDER: &str = "aws";
/// Default cloud region code.
pub const DEFAULT_REGION: &str = "us-east-1";
/// The paper's convention for the accelerator draw, % of TDP: the upper bound shown beside every
/// estimate, and what `utilization_pct = Some(100.0)` reproduces.
pub const TDP_CONVENTION_PCT: f64 = 100.0;
/// Default model-FLOPs utilization for a FLOPs workload, %: a typical large-model training figure.
pub const DEFAULT_MFU_PCT: f64 = 40.0;
/// Id that selects the generic per-core CPU power instead of a CPU model.
pub const GENERIC_CPU: &str = "generic";

/// Everything the person entered. `Inputs::default()` is the documented default job:
/// 8 × `a100-sxm4-80gb`, 24 h, 1 run, `aws`/`us-east-1`, the typical draw of a job of unknown
/// kind (from metered runs), no CPU or memory, the region's PUE and the provider's published
/// market-based share.
/// Read from JSON by [`Inputs::read`] (also behind its `Deserialize`), where every member defaults.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Inputs {
    /// What runs the job: accelerators × count, or a cloud instance type × count.
    pub compute: ComputeInput,
    /// Measured or average power per accelerator in W; overrides TDP × utilization when set.
    pub power_w: Option<f64>,
    /// Average accelerator draw as % of TDP (1–100). Ignored when `power_w` is set. `None` = the
    /// typical draw of [`Inputs::job_kind`], from published metered runs.
    pub utilization_pct: Option<f64>,
    /// What kind of job it is; decides the typical draw when neither power nor utilization is given.
    pub job_kind: JobKind,
    /// Host CPU, if it should be counted.
    pub cpu: Option<CpuInput>,
    /// Host memory in GB, if it should be counted.
    pub memory_gb: Option<f64>,
    /// How long one run takes, directly or from its workload.
    pub duration: DurationInput,
    /// Number of runs (hyper-parameter trials, seeds, restarts); a whole number ≥ 1.
    pub runs: f64,
    /// Where the electricity comes from.
    pub location: LocationInput,
    /// PUE override (1–3). `None` = the region's or provider's figure, 1.0 for a personal machine,
    /// the industry average for an unknown data centre.
    pub pue: Option<f64>,
    /// Market-based adjustment override: % of energy covered by renewable contracts or offsets
    /// (0–100). `None` = the provider's published figure for a cloud region, else 0.
    pub market_pct: Option<f64>,
    /// Life-cycle overrides (embodied carbon, development overhead, water); every member `None`
    /// = the dataset's figures. Not written when all are `None`, so older documents are unchanged.
    #[serde(skip_serializing_if = "no_overrides")]
    pub lifecycle: LifecycleInputs,
}

/// True when no life-cycle figure was typed (for serde's `skip_serializing_if`).
fn no_overrides(x: &LifecycleInputs) -> bool {
    *x == LifecycleInputs::default()
}

impl Default for Inputs {
    fn default() -> Self {
        Inputs {
            compute: ComputeInput::default(),
            power_w: None,
            utilization_pct: None,
            job_kind: JobKind::Unknown,
            cpu: None,
            memory_gb: None,
            duration: DurationInput::default(),
            runs: 1.0,
            location: LocationInput::default(),
            pue: None,
            market_pct: None,
            lifecycle: LifecycleInputs::default(),
        }
    }
}

/// What kind of training job it is: decides the typical average draw of its accelerators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JobKind {
    /// Not said: the widest range, covering all published metered runs.
    #[default]
    Unknown,
    /// Large-scale distributed pre-training (many nodes, large models).
    Pretrain,
    /// Fine-tuning, or training a small model.
    Finetune,
}

impl JobKind {
    /// Every kind, in form order.
    pub const ALL: [JobKind; 3] = [JobKind::Unknown, JobKind::Pretrain, JobKind::Finetune];

    /// The id used in share links, saved jobs and the dataset's `draw` table.
    pub fn id(self) -> &'static str {
        match self {
            JobKind::Unknown => "unknown",
            JobKind::Pretrain => "pretrain",
            JobKind::Finetune => "finetune",
        }
    }

    /// The kind with this id.
    pub fn from_id(id: &str) -> Option<JobKind> {
        JobKind::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// The accelerators of the job.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ComputeInput {
    /// A hardware id (e.g. `a100-sxm4-80gb`) × a device count.
    Hardware {
        /// Accelerator id, a `Hardware::id` of the dataset.
        id: String,
        /// Number of devices (whole, 1 to 1,000,000).
        devices: f64,
    },
    /// A GPU cloud instance type (e.g. `p4d.24xlarge`) × a number of instances; expands to the
    /// instance's accelerators × their count.
    Instance {
        /// Instance type id, an `Instance::id` of the dataset.
        id: String,
        /// Number of instances (whole, ≥ 1).
        count: f64,
    },
}

impl Default for ComputeInput {
    fn default() -> Self {
        ComputeInput::Hardware {
            id: DEFAULT_HARDWARE.to_string(),
            devices: DEFAULT_DEVICES,
        }
    }
}

/// The host CPU: a model (or [`GENERIC_CPU`]) × cores used at a usage %.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CpuInput {
    /// A `Cpu::id` of the dataset, or `"generic"` for the generic per-core power.
    pub id: String,
    /// Cores used (may be fractional, e.g. vCPUs / 2).
    pub cores: f64,
    /// Average usage of those cores, % (1–100).
    pub usage_pct: f64,
}

impl Default for CpuInput {
    fn default() -> Self {
        CpuInput {
            id: GENERIC_CPU.to_string(),
            cores: 8.0,
            usage_pct: 100.0,
        }
    }
}

/// How long one run takes.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DurationInput {
    /// Wall-clock hours per run.
    Hours {
        /// Hours (0 < h ≤ 10,000,000).
        hours: f64,
    },
    /// The workload as total FLOPs per run plus the achieved model-FLOPs utilization; hours are
    /// derived from the hardware's peak dense throughput and the device count.
    Flops {
        /// Total FLOPs of one run (e.g. `6 × parameters × tokens`).
        flops: f64,
        /// Achieved model-FLOPs utilization, % of peak dense throughput (0 < MFU ≤ 100).
        mfu_pct: f64,
    },
    /// A dense transformer training run given as parameters × tokens; FLOPs = 6 × N × D.
    Training {
        /// Model parameters N.
        parameters: f64,
        /// Training tokens D.
        tokens: f64,
        /// Achieved model-FLOPs utilization, % (0 < MFU ≤ 100).
        mfu_pct: f64,
    },
}

impl Default for DurationInput {
    fn default() -> Self {
        DurationInput::Hours {
            hours: DEFAULT_HOURS,
        }
    }
}

/// What kind of facility hosts a job outside a known cloud region; decides the default PUE.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DataCentre {
    /// A personal machine or workstation: no facility overhead, PUE 1.0.
    Personal,
    /// An unknown data centre: the industry-average PUE (with its range) from the dataset.
    #[default]
    Unknown,
}

/// Where the electricity comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LocationInput {
    /// A cloud region: provider id + region code (e.g. `aws` + `us-east-1`).
    Cloud {
        /// Provider id.
        provider: String,
        /// Region code as the provider spells it.
        region: String,
    },
    /// A grid zone (e.g. `FR`, `US-CAL-CISO`) in a personal machine or unknown data centre.
    Zone {
        /// Zone id.
        zone: String,
        /// Facility kind, for the default PUE (`unknown` when absent).
        data_centre: DataCentre,
    },
    /// A custom grid intensity in gCO2e/kWh.
    Custom {
        /// Intensity (0–3,000 gCO2e/kWh).
        intensity: f64,
        /// Facility kind, for the default PUE (`unknown` when absent).
        data_centre: DataCentre,
    },
}

impl Default for LocationInput {
    fn default() -> Self {
        LocationInput::Cloud {
            provider: DEFAULT_PROVIDER.to_string(),
            region: DEFAULT_REGION.to_string(),
        }
    }
}
