//! Types of the dataset. The JSON keys are abbreviated; the Rust field names say what they are.
//! The `#[serde]` names serialise the rows; [`super::rows`] reads them back under the same keys.

use super::evidence::{DrawProfile, MeteredRun};
use crate::units::{Gigabytes, GramsPerKwh, KgCo2e, Percent, Pue, Tflops, Watts, WattsPerGb};
use serde::Serialize;

/// The whole dataset, as the model consumes it.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Dataset {
    /// Version, basis and generation facts.
    pub meta: Meta,
    /// Every source cited by a row, referenced by [`Source::id`].
    pub sources: Vec<Source>,
    /// Grid intensity zones (countries and sub-national zones).
    pub zones: Vec<Zone>,
    /// Cloud providers with their default PUE and market-based figures.
    pub providers: Vec<Provider>,
    /// Cloud regions, each drawing from one [`Zone`].
    pub regions: Vec<Region>,
    /// Accelerators: GPUs, TPUs and other ML chips.
    pub hardware: Vec<Hardware>,
    /// CPUs (package TDP and core count).
    pub cpus: Vec<Cpu>,
    /// GPU cloud instance types.
    pub instances: Vec<Instance>,
    /// Defaults and equivalence constants.
    pub constants: Constants,
    /// Typical accelerator draw per kind of job, from metered measurements.
    pub draw: Vec<DrawProfile>,
    /// Published training runs with metered energy: the model's validation set.
    pub metered: Vec<MeteredRun>,
    /// Life-cycle factors: embodied emissions, service life, water (see [`super::LifecycleData`]).
    pub lifecycle: super::lifecycle::LifecycleData,
    /// Serving (inference): the energy-per-token model and published per-request figures (see
    /// [`super::ServingData`]).
    pub serving: super::serving::ServingData,
}

/// Facts about the dataset as a whole.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Meta {
    /// Dataset version shown in the app and written into share links, e.g. `2026.11`.
    pub version: String,
    /// The intensity basis of every `ci` field: `"life-cycle"`.
    pub basis: String,
}

/// A cited source: a data file, datasheet, paper or page.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Source {
    /// Short URL-safe id that rows reference, e.g. `em2024`.
    pub id: String,
    /// Human title, e.g. "Electricity Maps 2024 yearly averages".
    pub name: String,
    /// Where to get it.
    pub url: String,
    /// Licence of the data, e.g. `ODbL-1.0`.
    #[serde(rename = "lic")]
    pub licence: String,
    /// Year of the values (or of publication).
    #[serde(rename = "yr")]
    pub year: u16,
}

/// A grid zone: a country or a sub-national grid (US balancing authority, Nordic bidding zone…).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Zone {
    /// Electricity Maps zone id, e.g. `FR`, `US-CAL-CISO`, `SE-SE3`.
    pub id: String,
    /// Human name, e.g. "California (CAISO)".
    pub name: String,
    /// ISO 3166-1 alpha-2 country code, e.g. `US`.
    #[serde(rename = "cc")]
    pub country: String,
    /// Continent code: `AF`, `AS`, `EU`, `NA`, `OC`, `SA` (or `WW` for a world aggregate).
    #[serde(rename = "ct")]
    pub continent: String,
    /// Yearly average intensity on the dataset's basis (life-cycle).
    #[serde(rename = "ci")]
    pub intensity: GramsPerKwh,
    /// Direct (combustion-only) intensity where the source gives it.
    #[serde(rename = "cid", default, skip_serializing_if = "Option::is_none")]
    pub intensity_direct: Option<GramsPerKwh>,
    /// Low end of the intensity range (across years/sources available).
    #[serde(rename = "lo")]
    pub intensity_low: GramsPerKwh,
    /// High end of the intensity range.
    #[serde(rename = "hi")]
    pub intensity_high: GramsPerKwh,
    /// Year of `intensity`.
    #[serde(rename = "yr")]
    pub year: u16,
    /// Source id of `intensity`.
    #[serde(rename = "src")]
    pub source: String,
    /// True when the value comes from the fallback source because the primary lacks this zone.
    #[serde(rename = "fb", default, skip_serializing_if = "std::ops::Not::not")]
    pub fallback: bool,
}

/// A cloud provider.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Provider {
    /// Short id used in share links, e.g. `aws`, `gcp`, `azure`.
    pub id: String,
    /// Display name, e.g. "Amazon Web Services".
    pub name: String,
    /// Provider-wide average PUE.
    pub pue: Pue,
    /// Low end of the provider's PUE range.
    #[serde(rename = "pue_lo")]
    pub pue_low: Pue,
    /// High end of the provider's PUE range.
    #[serde(rename = "pue_hi")]
    pub pue_high: Pue,
    /// Source id of the PUE figures.
    pub pue_src: String,
    /// Year of the PUE figures.
    pub pue_yr: u16,
    /// Share of energy covered by renewable contracts/offsets as the provider claims (market-based).
    #[serde(rename = "mkt", default, skip_serializing_if = "Option::is_none")]
    pub market_pct: Option<Percent>,
    /// Source id of `market_pct`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mkt_src: Option<String>,
    /// Year of `market_pct`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mkt_yr: Option<u16>,
    /// What kind of claim `market_pct` is, one of [`MARKET_KINDS`] (e.g. `annual-match`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mkt_kind: Option<String>,
}

/// The kinds of market-based claim a provider's `mkt` can be, with a short label for the UI.
///
/// Why: a "100 %" that matches a year's consumption with certificates bought anywhere is not the
/// same claim as 100 % carbon-free energy every hour on the same grid, and an offset is not an
/// energy claim at all; the app must say which one it applies.
pub const MARKET_KINDS: [(&str, &str); 3] = [
    (
        "annual-match",
        "annual renewable matching (contracts and certificates over a year; GHG Protocol Scope 2 market-based)",
    ),
    (
        "hourly-cfe",
        "hourly carbon-free energy on the same grid (e.g. Google CFE %)",
    ),
    (
        "offsets",
        "carbon offsets (not an energy claim; not counted in Scope 2)",
    ),
];

/// The UI label of a market-claim kind, `None` for an unknown kind.
pub fn market_kind_label(kind: &str) -> Option<&'static str> {
    MARKET_KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, label)| *label)
}

/// A cloud region.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Region {
    /// Provider id, e.g. `aws`.
    #[serde(rename = "p")]
    pub provider: String,
    /// Region code exactly as the provider spells it, e.g. `us-east-1`, `europe-west4`, `westeurope`.
    pub code: String,
    /// Display name, e.g. "US East (N. Virginia)".
    pub name: String,
    /// City and/or state, e.g. "Ashburn, Virginia".
    #[serde(rename = "loc")]
    pub location: String,
    /// ISO 3166-1 alpha-2 country code.
    #[serde(rename = "cc")]
    pub country: String,
    /// Id of the [`Zone`] the region draws from.
    pub zone: String,
    /// Intensity used for the region: the provider's own figure where newer, else the zone's.
    #[serde(rename = "ci")]
    pub intensity: GramsPerKwh,
    /// Low end of the intensity range.
    #[serde(rename = "lo")]
    pub intensity_low: GramsPerKwh,
    /// High end of the intensity range.
    #[serde(rename = "hi")]
    pub intensity_high: GramsPerKwh,
    /// Year of `intensity`.
    #[serde(rename = "yr")]
    pub year: u16,
    /// Source id of `intensity`.
    #[serde(rename = "src")]
    pub source: String,
    /// Region-specific PUE where the provider publishes one (else use the provider's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pue: Option<Pue>,
    /// Source id of the region PUE.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pue_src: Option<String>,
    /// Year of the region PUE.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pue_yr: Option<u16>,
    /// Provider's hourly carbon-free-energy share for the region (market-based; e.g. Google CFE%).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cfe: Option<Percent>,
}

/// What kind of accelerator a hardware row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HardwareKind {
    /// Graphics processor.
    #[default]
    Gpu,
    /// Google Tensor Processing Unit.
    Tpu,
    /// Other ML accelerator (Gaudi, Trainium, Inferentia…).
    Npu,
    /// A system-on-chip measured as a whole (e.g. Apple M-series).
    Soc,
}

/// An accelerator (GPU/TPU/…).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Hardware {
    /// URL-safe id, e.g. `h100-sxm`, `a100-sxm4-80gb`, `tpu-v5p`.
    pub id: String,
    /// Display name, e.g. "NVIDIA H100 SXM5 80GB".
    pub name: String,
    /// Vendor, e.g. `NVIDIA`, `AMD`, `Google`, `Intel`, `AWS`, `Apple`.
    pub vendor: String,
    /// Kind of device.
    pub kind: HardwareKind,
    /// Thermal design power (board power) per device.
    pub tdp: Watts,
    /// Device memory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mem: Option<Gigabytes>,
    /// Peak dense FP32 throughput (non-tensor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fp32: Option<Tflops>,
    /// Peak dense FP16/BF16 throughput (tensor cores where present; never with sparsity).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fp16: Option<Tflops>,
    /// Release year.
    #[serde(rename = "yr")]
    pub year: u16,
    /// Source id of the figures.
    #[serde(rename = "src")]
    pub source: String,
    /// Lowest measured power, W, when `tdp` is a **measured mean** rather than a rating (Google
    /// publishes only measured mean/min/max power for TPUs): the model then takes the mean as the
    /// typical draw instead of a fraction of it.
    #[serde(rename = "mlo", default, skip_serializing_if = "Option::is_none")]
    pub mean_low: Option<Watts>,
    /// Highest measured power, W, with [`Hardware::mean_low`].
    #[serde(rename = "mhi", default, skip_serializing_if = "Option::is_none")]
    pub mean_high: Option<Watts>,
}

impl Hardware {
    /// The measured low–high power when `tdp` is a measured mean, else `None`.
    pub fn measured_mean_range(&self) -> Option<(Watts, Watts)> {
        self.mean_low.zip(self.mean_high)
    }
}

/// A CPU model.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Cpu {
    /// URL-safe id, e.g. `xeon-platinum-8480`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Vendor.
    pub vendor: String,
    /// Package TDP.
    pub tdp: Watts,
    /// Physical cores.
    pub cores: u32,
    /// Release year (or year of the source).
    #[serde(rename = "yr")]
    pub year: u16,
    /// Source id.
    #[serde(rename = "src")]
    pub source: String,
}

/// A GPU cloud instance type, expanding to accelerators × count.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Instance {
    /// Instance type as the provider spells it, e.g. `p4d.24xlarge`, `a2-highgpu-8g`.
    pub id: String,
    /// Provider id.
    #[serde(rename = "p")]
    pub provider: String,
    /// Accelerator id (a [`Hardware::id`]).
    pub hw: String,
    /// Number of accelerators.
    pub n: u32,
    /// vCPUs.
    pub vcpus: u32,
    /// CPU id (a [`Cpu::id`]) where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<String>,
    /// Instance memory (RAM).
    pub mem: Gigabytes,
    /// Year of the source.
    #[serde(rename = "yr")]
    pub year: u16,
    /// Source id.
    #[serde(rename = "src")]
    pub source: String,
}

/// A single sourced number with an optional range.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Sourced<T> {
    /// The central value.
    #[serde(rename = "v")]
    pub value: T,
    /// Low end, where the figure varies.
    #[serde(rename = "lo", default, skip_serializing_if = "Option::is_none")]
    pub low: Option<T>,
    /// High end, where the figure varies.
    #[serde(rename = "hi", default, skip_serializing_if = "Option::is_none")]
    pub high: Option<T>,
    /// Source id.
    #[serde(rename = "src")]
    pub source: String,
    /// Year of the value.
    #[serde(rename = "yr")]
    pub year: u16,
}

/// An everyday equivalent of an amount of CO2e, e.g. kilometres driven in a passenger car.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Equivalent {
    /// URL-safe id, e.g. `car_km`.
    pub id: String,
    /// Label with a `{}` where the number goes, e.g. "{} km driven by an average passenger car".
    pub label: String,
    /// kgCO2e per one unit of the equivalent (e.g. per km).
    #[serde(rename = "kg")]
    pub kg_per_unit: KgCo2e,
    /// Source id.
    #[serde(rename = "src")]
    pub source: String,
    /// Year of the value.
    #[serde(rename = "yr")]
    pub year: u16,
}

/// Defaults and constants.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Constants {
    /// Industry-average data-centre PUE (for an unknown data centre), with its range.
    pub pue_default: Sourced<Pue>,
    /// Memory power per GB.
    pub mem_w_per_gb: Sourced<WattsPerGb>,
    /// World average grid intensity (fallback when nothing else is known).
    pub world_ci: Sourced<GramsPerKwh>,
    /// Everyday equivalents.
    pub equivalents: Vec<Equivalent>,
}
