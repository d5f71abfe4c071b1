//! The pre-resolved rows that [`super::Factors`] holds for the alternatives table and the form.

use super::super::inputs::CpuInput;
use super::super::uncertainty::Interval;
use crate::units::{Gigabytes, GramsPerKwh, Pue, Tflops, Watts};
use std::sync::Arc;

/// A PUE band with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct PueFactor {
    /// Low / central / high PUE.
    pub band: Interval<Pue>,
    /// Source id of the central value.
    pub source: String,
}

/// Shared, cheaply clonable text for the alternatives rows (a clone is a reference-count bump,
/// not an allocation: the table is rebuilt on every keystroke).
pub type Label = Arc<str>;

/// A cloud region with its resolved PUE and intensity bands, for the alternatives table.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionFactor {
    /// Index into `Dataset::regions`.
    pub index: usize,
    /// Provider id.
    pub provider: Label,
    /// Region code.
    pub code: Label,
    /// Display name.
    pub name: Label,
    /// Zone id the region draws from.
    pub zone: Label,
    /// The region's own PUE (region figure, else the provider's, else the industry average).
    pub pue: PueFactor,
    /// The region's intensity band.
    pub intensity: Interval<GramsPerKwh>,
}

/// A grid zone's labels and intensity, for the alternatives table.
#[derive(Debug, Clone, PartialEq)]
pub struct ZoneFactor {
    /// Zone id.
    pub id: Label,
    /// Display name.
    pub name: Label,
    /// Country code.
    pub country: Label,
    /// Yearly average intensity.
    pub intensity: GramsPerKwh,
}

/// An accelerator's labels and figures, for the alternatives table.
#[derive(Debug, Clone, PartialEq)]
pub struct HardwareFactor {
    /// Hardware id.
    pub id: Label,
    /// Display name.
    pub name: Label,
    /// TDP per device.
    pub tdp: Watts,
    /// Peak dense throughput (see [`super::peak_throughput`]).
    pub peak: Option<Tflops>,
    /// Device memory, when known.
    pub mem: Option<Gigabytes>,
    /// True when `tdp` is a measured mean (TPUs), not a rating.
    pub mean: bool,
}

/// The host of a cloud instance type, to pre-fill the CPU and memory inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct InstanceHost {
    /// The instance's CPU (its model when the dataset knows it, else generic) with cores =
    /// vCPUs ÷ 2 (a vCPU is one hardware thread of a two-thread core) at 100 % usage.
    pub cpu: CpuInput,
    /// The instance's RAM.
    pub memory: Gigabytes,
}
