//! Typed validation errors, each tied to the form field it belongs to.
//!
//! Design note: validation reports *all* problems at once, so the UI can mark every bad field in one
//! pass. The [`Field`] says where to put the message; [`Problem`] says what is wrong in data (for
//! tests and translations); `Display` gives a sentence a person understands.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The input a validation error belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The accelerator id.
    Hardware,
    /// The number of accelerators.
    Devices,
    /// The cloud instance type id.
    Instance,
    /// The number of instances.
    InstanceCount,
    /// The measured power per device.
    Power,
    /// The utilization, % of TDP.
    Utilization,
    /// The CPU model id.
    Cpu,
    /// The CPU cores used.
    CpuCores,
    /// The CPU usage %.
    CpuUsage,
    /// The memory in GB.
    Memory,
    /// The wall-clock hours per run.
    Hours,
    /// The total FLOPs per run.
    Flops,
    /// The model's parameter count.
    Parameters,
    /// The training tokens.
    Tokens,
    /// The model-FLOPs utilization %.
    Mfu,
    /// The number of runs.
    Runs,
    /// The cloud provider id.
    Provider,
    /// The cloud region code.
    Region,
    /// The grid zone id.
    Zone,
    /// The custom grid intensity.
    Intensity,
    /// The PUE override.
    Pue,
    /// The market-based share override.
    MarketPct,
    /// The service life of the hardware, years (life-cycle).
    LifeYears,
    /// The share of the service life in use, % (life-cycle).
    UsePct,
    /// The embodied emissions per accelerator, kgCO2e (life-cycle).
    EmbodiedDevice,
    /// The embodied emissions per host server without accelerators, kgCO2e (life-cycle).
    EmbodiedHost,
    /// The accelerators per host server (life-cycle).
    PerHost,
    /// The development overhead, % of the final runs (life-cycle).
    DevPct,
    /// The on-site water usage effectiveness, L/kWh (life-cycle).
    Wue,
    /// The requests served in the period (serving).
    Requests,
    /// The energy per request, Wh (serving).
    WhPerRequest,
    /// The output tokens per request (serving).
    OutputTokens,
    /// The model's active parameters, billions (serving).
    ActiveParams,
}

impl Field {
    /// The field's label as a sentence subject, e.g. "Hours".
    pub fn label(self) -> &'static str {
        match self {
            Field::Hardware => "Accelerator",
            Field::Devices => "Number of devices",
            Field::Instance => "Instance type",
            Field::InstanceCount => "Number of instances",
            Field::Power => "Measured power per device (W)",
            Field::Utilization => "Utilization (% of TDP)",
            Field::Cpu => "CPU",
            Field::CpuCores => "CPU cores",
            Field::CpuUsage => "CPU usage (%)",
            Field::Memory => "Memory (GB)",
            Field::Hours => "Hours",
            Field::Flops => "Total FLOPs",
            Field::Parameters => "Parameters",
            Field::Tokens => "Tokens",
            Field::Mfu => "Model-FLOPs utilization (%)",
            Field::Runs => "Number of runs",
            Field::Provider => "Cloud provider",
            Field::Region => "Region",
            Field::Zone => "Grid zone",
            Field::Intensity => "Carbon intensity (gCO2e/kWh)",
            Field::Pue => "PUE",
            Field::MarketPct => "Renewable/offset share (%)",
            Field::LifeYears => "Service life (years)",
            Field::UsePct => "Share of life in use (%)",
            Field::EmbodiedDevice => "Embodied emissions per accelerator (kgCO2e)",
            Field::EmbodiedHost => "Embodied emissions per host server (kgCO2e)",
            Field::PerHost => "Accelerators per host server",
            Field::DevPct => "Development overhead (% of the final runs)",
            Field::Wue => "On-site water use (L/kWh of IT energy)",
            Field::Requests => "Requests",
            Field::WhPerRequest => "Energy per request (Wh)",
            Field::OutputTokens => "Output tokens per request",
            Field::ActiveParams => "Active parameters (billions)",
        }
    }
}

/// What is wrong with a field's value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    /// NaN or ±infinity.
    NotFinite {
        /// The value received, as text (NaN and infinity are not JSON numbers).
        got: String,
    },
    /// Zero or negative where a positive number is needed.
    NotPositive {
        /// The value received.
        got: f64,
    },
    /// A fraction where a whole number is needed.
    NotWhole {
        /// The value received.
        got: f64,
    },
    /// Outside the accepted range `[min, max]`.
    OutOfRange {
        /// The value received.
        got: f64,
        /// Smallest accepted value.
        min: f64,
        /// Largest accepted value.
        max: f64,
    },
    /// Larger than any plausible job.
    TooLarge {
        /// The value received.
        got: f64,
        /// Largest accepted value.
        max: f64,
    },
    /// An id that is not in the dataset.
    Unknown {
        /// The id received.
        id: String,
    },
    /// A region code that the provider does not have.
    UnknownRegion {
        /// The provider id.
        provider: String,
        /// The region code received.
        region: String,
    },
    /// A FLOPs workload on a device without a known peak throughput.
    NoThroughput {
        /// The accelerator id.
        hardware: String,
    },
    /// A FLOPs workload that would take implausibly long on the chosen hardware.
    ImpliesTooManyHours {
        /// Hours per run that the workload implies.
        hours: f64,
        /// Largest accepted number of hours.
        max: f64,
    },
}

/// One validation error: which field, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputError {
    /// The input the message belongs next to.
    pub field: Field,
    /// What is wrong.
    pub problem: Problem,
}

impl InputError {
    /// An error for `field`.
    pub fn new(field: Field, problem: Problem) -> Self {
        InputError { field, problem }
    }
}

/// Formats a number for a message exactly as typed, with thousands separators for integers
/// (`2000000` → "2,000,000") so the limits read easily.
fn show(x: f64) -> String {
    if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e15 {
        super::trace::group(&crate::number::fixed(x, 0))
    } else {
        crate::number::shortest(x)
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = self.field.label();
        match &self.problem {
            Problem::NotFinite { got } => write!(f, "{label} must be a number (got {got})"),
            Problem::NotPositive { got } => {
                write!(f, "{label} must be a positive number (got {})", show(*got))
            }
            Problem::NotWhole { got } => {
                write!(f, "{label} must be a whole number (got {})", show(*got))
            }
            Problem::OutOfRange { got, min, max } => write!(
                f,
                "{label} must be between {} and {} (got {})",
                show(*min),
                show(*max),
                show(*got)
            ),
            Problem::TooLarge { got, max } => write!(
                f,
                "{label} is implausibly large: at most {} is accepted (got {})",
                show(*max),
                show(*got)
            ),
            Problem::Unknown { id } => write!(f, "{label} \"{id}\" is not in the dataset"),
            Problem::UnknownRegion { provider, region } => {
                write!(
                    f,
                    "{label} \"{region}\" is not a known region of \"{provider}\""
                )
            }
            Problem::NoThroughput { hardware } => write!(
                f,
                "{label}: \"{hardware}\" has no known peak throughput, so the runtime cannot be \
                 derived from FLOPs; enter the hours instead"
            ),
            Problem::ImpliesTooManyHours { hours, max } => write!(
                f,
                "{label} would take {} hours per run on this hardware, more than the {} accepted",
                show(hours.round()),
                show(*max)
            ),
        }
    }
}

impl std::error::Error for InputError {}
