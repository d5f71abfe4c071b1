//! Provenance details that do not fit the core row types: extra ranges, second sources and notes.
//!
//! Why a separate table: the row types in [`super::types`] are the contract the model and its test
//! fixtures build literally, so new facts live here, keyed by row id, in `data/extras.json`.

use crate::units::{GramsPerKwh, Watts};
use serde::Serialize;

/// Everything in `data/extras.json`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Extras {
    /// Source id of every zone's `cid` (direct intensity).
    pub cid_src: String,
    /// Year of every zone's `cid`.
    pub cid_yr: u16,
    /// Source ids whose life-cycle values span each zone's `lo`–`hi` range.
    pub range_src: Vec<String>,
    /// Per-accelerator power details, only for rows that have any.
    pub hw: Vec<HardwareExtra>,
    /// Provider-published intensities kept beside the dataset's life-cycle figure.
    pub pci: Vec<ProviderIntensity>,
    /// Instance names as the provider spells them, where the id had to be made URL-safe.
    pub inst_names: Vec<InstanceName>,
    /// Accelerators left out because no citable figure was found (display names).
    pub missing: Vec<String>,
    /// Corrections applied to raw rows: `id: what changed`.
    pub fixes: Vec<String>,
    /// What every zone's and region's `lo`–`hi` is (a spread across releases and years).
    pub range_note: String,
    /// Source id of each region's zone mapping (utility, balancing authority or the provider's
    /// own figure), for the US, Canadian, Indian, Japanese and Australian regions.
    pub zsrc: Vec<RegionNote>,
    /// Written reasons for regions that deliberately fail a check (e.g. the mapped zone's direct
    /// intensity more than 15 % from the provider's own figure).
    pub why: Vec<RegionNote>,
    /// Direct and life-cycle intensity of the zones regions use, both from one release
    /// (`cid_src`, year `cid_yr`), for comparison with providers' own (direct) figures.
    pub direct: Vec<ZoneDirect>,
}

/// A short note or source id about one region.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct RegionNote {
    /// Provider id.
    pub p: String,
    /// Region code.
    pub code: String,
    /// The note (a reason) or a source id (for `zsrc`).
    pub note: String,
}

/// Direct and life-cycle intensity of one zone from the same release.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ZoneDirect {
    /// Zone id.
    pub id: String,
    /// Direct (combustion-only) intensity.
    pub d: GramsPerKwh,
    /// Life-cycle intensity of the same release and year.
    pub l: GramsPerKwh,
}

/// Power details of one accelerator.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct HardwareExtra {
    /// Hardware id.
    pub id: String,
    /// Low end of the power figures the sources give.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lo: Option<Watts>,
    /// High end of the power figures the sources give.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hi: Option<Watts>,
    /// True when `tdp` is a measured average power, not a rated TDP.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub avg: bool,
    /// Source id of `tdp` when it differs from the row's `src`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tdp_src: Option<String>,
}

/// A provider's own published grid intensity for a region (e.g. Google's per-region figure).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ProviderIntensity {
    /// Provider id.
    pub p: String,
    /// Region code.
    pub code: String,
    /// The provider's figure. Basis differs from the dataset's: Google 2021+ is operational gross.
    pub ci: GramsPerKwh,
    /// Year of the figure.
    pub yr: u16,
    /// Source id.
    pub src: String,
}

/// An instance type's provider spelling.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct InstanceName {
    /// The URL-safe id used in the dataset.
    pub id: String,
    /// The name exactly as the provider spells it, e.g. `Standard_ND96asr_v4`.
    pub name: String,
}

impl Extras {
    /// Power details of an accelerator, if any.
    pub fn hardware(&self, id: &str) -> Option<&HardwareExtra> {
        self.hw.iter().find(|h| h.id == id)
    }

    /// The provider's own intensity figure for a region, if it publishes one.
    pub fn provider_intensity(&self, provider: &str, code: &str) -> Option<&ProviderIntensity> {
        self.pci.iter().find(|r| r.p == provider && r.code == code)
    }

    /// Source id of a region's zone mapping, if one is recorded.
    pub fn zone_source(&self, provider: &str, code: &str) -> Option<&str> {
        note(&self.zsrc, provider, code)
    }

    /// The written reason attached to a region, if any.
    pub fn reason(&self, provider: &str, code: &str) -> Option<&str> {
        note(&self.why, provider, code)
    }

    /// Direct and life-cycle intensity (one release) of a zone, if recorded.
    pub fn direct(&self, zone: &str) -> Option<&ZoneDirect> {
        self.direct.iter().find(|z| z.id == zone)
    }

    /// The provider's spelling of an instance id (the id itself when it needed no change).
    pub fn instance_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.inst_names
            .iter()
            .find(|n| n.id == id)
            .map_or(id, |n| n.name.as_str())
    }
}

fn note<'a>(notes: &'a [RegionNote], provider: &str, code: &str) -> Option<&'a str> {
    notes
        .iter()
        .find(|n| n.p == provider && n.code == code)
        .map(|n| n.note.as_str())
}
