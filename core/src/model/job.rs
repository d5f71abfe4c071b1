//! The validated job: every number checked, every id resolved, every factor chosen with its source.
//!
//! Design note: a [`Job`] can only be made by [`super::validate`], so the estimation functions can
//! assume finite, in-range values and never fail. It copies the few dataset values it needs (with
//! their source ids) so a trace can cite them without going back to the dataset.

use super::inputs::JobKind;
use super::lifecycle::LifecycleFactors;
use super::uncertainty::Interval;
use crate::units::{Flops, Gigabytes, GramsPerKwh, Hours, Percent, Pue, Tflops, Watts, WattsPerGb};
use serde::Serialize;

/// The accelerator model the job runs on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Accelerator {
    /// Hardware id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Thermal design power per device.
    pub tdp: Watts,
    /// Peak dense throughput used for FLOPs workloads (FP16/BF16, else FP32), if known.
    pub peak: Option<Tflops>,
    /// Source id of the figures.
    pub source: String,
}

/// How the average power of one accelerator is known.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DeviceDraw {
    /// TDP × utilization.
    Rated {
        /// Average draw as % of TDP.
        utilization: Percent,
    },
    /// A measured or average power per device.
    Measured {
        /// Power per device.
        power: Watts,
    },
    /// Neither power nor utilization given: the typical average draw of this kind of job, % of
    /// TDP, with the low–high range of published metered runs (dataset table `draw`).
    Typical {
        /// The job kind whose profile was used.
        job_kind: JobKind,
        /// Low / typical / high average draw, % of the device's power figure: the job kind's
        /// profile, or 100 % with the measured range when that figure is a measured mean (TPUs).
        band: Interval<Percent>,
        /// The job kind's typical draw, % of TDP: what a rated device gets in the hardware
        /// comparison.
        kind_typical: Percent,
        /// True when the device's power figure is a measured mean (the band is around it).
        of_mean: bool,
    },
}

impl DeviceDraw {
    /// The central average draw as a fraction of `tdp`'s device, for carrying the same draw over
    /// to another accelerator (a measured power becomes the same fraction of TDP).
    pub fn fraction_of_tdp(self, tdp: Watts) -> f64 {
        match self {
            DeviceDraw::Rated { utilization } => utilization.fraction(),
            DeviceDraw::Measured { power } => power.ratio(tdp),
            DeviceDraw::Typical { band, .. } => band.central.fraction(),
        }
    }
}

/// The cloud instance the accelerators came from, when the job was given as instances.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InstanceUse {
    /// Instance type id.
    pub id: String,
    /// Number of instances.
    pub count: u32,
    /// Accelerators per instance.
    pub devices_per_instance: u32,
    /// Source id.
    pub source: String,
}

/// The host CPU load (Green Algorithms' per-core model).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CpuLoad {
    /// CPU id, or `generic`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Power per core: TDP ÷ cores (or the generic figure).
    pub per_core: Watts,
    /// Cores used.
    pub cores: f64,
    /// Usage of those cores.
    pub usage: Percent,
    /// Source id of `per_core`.
    pub source: String,
}

/// The host memory load.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemoryLoad {
    /// Memory size.
    pub size: Gigabytes,
    /// Power per GB (dataset constant).
    pub per_gb: WattsPerGb,
    /// Source id of `per_gb`.
    pub source: String,
}

/// A workload given as FLOPs, from which the runtime was derived.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Workload {
    /// Total FLOPs of one run.
    pub flops: Flops,
    /// Achieved model-FLOPs utilization.
    pub mfu: Percent,
}

/// Where the job's electricity comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Place {
    /// A cloud region.
    Cloud {
        /// Provider id.
        provider: String,
        /// Region code.
        region: String,
        /// Region display name.
        name: String,
    },
    /// A grid zone.
    Zone {
        /// Zone id.
        id: String,
        /// Zone display name.
        name: String,
    },
    /// A custom intensity typed by the user.
    Custom,
}

/// Where the PUE figure came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PueBasis {
    /// The cloud region's own published PUE, or its provider's.
    Cloud,
    /// A personal machine: 1.0.
    Personal,
    /// The industry average for an unknown data centre.
    IndustryAverage,
    /// Typed by the user.
    UserOverride,
}

/// The location factors of the job.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Site {
    /// Region, zone or custom.
    pub place: Place,
    /// Grid intensity band (central = the yearly average used).
    pub intensity: Interval<GramsPerKwh>,
    /// Source id of the intensity (`None` for a custom value).
    pub intensity_source: Option<String>,
    /// PUE band.
    pub pue: Interval<Pue>,
    /// Where the PUE came from.
    pub pue_basis: PueBasis,
    /// Source id of the PUE (`None` for personal or user-typed).
    pub pue_source: Option<String>,
}

/// The market-based adjustment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Market {
    /// % of energy covered by renewable contracts or offsets.
    pub share: Percent,
    /// Source id when it is the provider's published figure; `None` when typed or absent.
    pub source: Option<String>,
    /// What kind of claim the provider's figure is (`annual-match`, `hourly-cfe`, `offsets`; see
    /// `dataset::MARKET_KINDS`); `None` when typed or absent.
    pub kind: Option<String>,
}

impl Market {
    /// What the share stands for, in words: the provider's kind of claim, or the person's figure.
    pub fn claim(&self) -> &'static str {
        match (&self.kind, self.share.0 > 0.0) {
            (Some(kind), _) => crate::dataset::market_kind_label(kind)
                .unwrap_or("the provider's claim (kind not stated)"),
            (None, true) => "your renewable contracts or offsets",
            (None, false) => "no renewable contract or offset",
        }
    }
}

/// A validated job, ready to estimate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Job {
    /// The accelerator model.
    pub accelerator: Accelerator,
    /// Number of accelerators (1 to 1,000,000).
    pub devices: u32,
    /// The instance type the devices came from, if any.
    pub instance: Option<InstanceUse>,
    /// How a device's power is known.
    pub draw: DeviceDraw,
    /// Source ids (`;`-separated) of the typical-draw profile, when `draw` is [`DeviceDraw::Typical`].
    pub draw_source: Option<String>,
    /// The job kind the person chose (decides the typical draw).
    pub kind: JobKind,
    /// Host CPU, if counted.
    pub cpu: Option<CpuLoad>,
    /// Host memory, if counted.
    pub memory: Option<MemoryLoad>,
    /// The FLOPs workload, when the runtime is derived from it.
    pub workload: Option<Workload>,
    /// Wall-clock hours per run (typed, or derived from the workload).
    pub hours_per_run: Hours,
    /// Number of runs.
    pub runs: u32,
    /// Location factors.
    pub site: Site,
    /// Market-based adjustment.
    pub market: Market,
    /// Life-cycle factors (embodied, development, water), resolved for this accelerator and
    /// place. Not serialised here: the estimate's `lifecycle` carries them with its figures.
    #[serde(skip)]
    pub lifecycle: LifecycleFactors,
}

impl Job {
    /// Average power of one accelerator at the central estimate.
    pub fn device_power(&self) -> Watts {
        match self.draw {
            DeviceDraw::Measured { power } => power,
            draw => self
                .accelerator
                .tdp
                .scale(draw.fraction_of_tdp(self.accelerator.tdp)),
        }
    }

    /// Wall-clock hours over all runs.
    pub fn total_hours(&self) -> Hours {
        self.hours_per_run.scale(f64::from(self.runs))
    }
}
