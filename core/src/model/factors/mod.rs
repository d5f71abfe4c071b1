//! An index over the dataset for fast, allocation-free lookups by id.
//!
//! Design note: the dataset is a set of `Vec`s (the serde contract); the model looks rows up by id
//! on every keystroke and loops over all regions for the alternatives table, so [`Factors`] builds
//! sorted id indexes once and pre-resolves each region's PUE and intensity bands. It owns a copy of the
//! dataset so callers need no lifetimes (the bundled dataset is ~150 KB; copying it once is cheap).

use super::inputs::{CpuInput, JobKind, GENERIC_CPU};
use super::uncertainty::Interval;
use crate::dataset::{Cpu, Dataset, DrawProfile, Hardware, Instance, Provider, Region, Zone};
use crate::units::{Pue, Tflops, Watts, WattsPerGb};
mod index;
mod rows;
use index::{region_key, IdIndex};
pub use rows::{HardwareFactor, InstanceHost, Label, PueFactor, RegionFactor, ZoneFactor};

/// Generic CPU power per core when the dataset has no `generic` CPU row: 12 W per core, the "Any"
/// row of Green Algorithms' `TDP_cpu.csv` (green-algorithms-tool `data/latest/TDP_cpu.csv`).
pub const GENERIC_CPU_W_PER_CORE: Watts = Watts(12.0);

/// Source id cited for [`GENERIC_CPU_W_PER_CORE`].
pub const GENERIC_CPU_SOURCE: &str = "ga";

/// Memory power per GB if the dataset constant were unusable (non-finite or negative): Green
/// Algorithms' 0.3725 W/GB (`referenceValues.csv`, from Karyakin & Salem 2017).
pub const FALLBACK_MEMORY_W_PER_GB: WattsPerGb = WattsPerGb(0.3725);

/// The dataset plus indexes by id. Build once with [`Factors::new`] and share.
#[derive(Debug, Clone)]
pub struct Factors {
    dataset: Dataset,
    hardware: IdIndex,
    cpus: IdIndex,
    instances: IdIndex,
    zones: IdIndex,
    providers: IdIndex,
    /// Regions by [`region_key`] (provider and code).
    regions: IdIndex,
    /// Azure region codes, lower-cased: Azure treats `WestEurope` and `westeurope` as the same.
    azure_regions: IdIndex,
    /// Instance ids normalised by [`instance_key`], for the provider's own spellings.
    instance_keys: IdIndex,
    region_factors: Vec<RegionFactor>,
    zone_factors: Vec<ZoneFactor>,
    hardware_factors: Vec<HardwareFactor>,
}

/// Provider whose region codes are case-insensitive.
const CASE_FREE_PROVIDER: &str = "azure";

/// Normalises an instance name for lookup: Azure sizes are case-insensitive and written with `_`
/// by Azure (`Standard_ND96asr_v4`) but with `-` in the dataset ids.
fn instance_key(name: &str) -> String {
    name.trim().to_ascii_lowercase().replace('_', "-")
}

/// Maps each id to the index of its first row (a duplicate id keeps the first row, like a lookup
/// that iterates the `Vec`).
fn index_by<T>(rows: &[T], id: impl Fn(&T) -> &str) -> IdIndex {
    IdIndex::new(
        rows.iter()
            .enumerate()
            .map(|(i, row)| (id(row).to_string(), i)),
    )
}

/// A band ordered so that low ≤ central ≤ high whatever the data says; non-finite ends collapse
/// onto the central value.
pub(crate) fn ordered<T: Copy + PartialOrd>(
    low: T,
    central: T,
    high: T,
    finite: impl Fn(T) -> bool,
) -> Interval<T> {
    let low = if finite(low) && low < central {
        low
    } else {
        central
    };
    let high = if finite(high) && high > central {
        high
    } else {
        central
    };
    Interval { low, central, high }
}

impl Factors {
    /// Indexes `dataset` (copied into the returned value).
    pub fn new(dataset: &Dataset) -> Self {
        Self::owning(dataset.clone())
    }

    /// Indexes `dataset`, taking it over. The app parses the bundled dataset straight into this,
    /// so it is held once and no deep copy is compiled into the WebAssembly.
    pub fn owning(dataset: Dataset) -> Self {
        let regions = IdIndex::new(
            (dataset.regions.iter().enumerate())
                .map(|(i, r)| (region_key(&r.provider, &r.code), i)),
        );
        let azure_regions = IdIndex::new(
            (dataset.regions.iter().enumerate())
                .filter(|(_, r)| r.provider == CASE_FREE_PROVIDER)
                .map(|(i, r)| (r.code.to_ascii_lowercase(), i)),
        );
        let instance_keys = IdIndex::new(
            (dataset.instances.iter().enumerate()).map(|(i, inst)| (instance_key(&inst.id), i)),
        );
        let mut factors = Factors {
            hardware: index_by(&dataset.hardware, |h| &h.id),
            cpus: index_by(&dataset.cpus, |c| &c.id),
            instances: index_by(&dataset.instances, |i| &i.id),
            zones: index_by(&dataset.zones, |z| &z.id),
            providers: index_by(&dataset.providers, |p| &p.id),
            regions,
            azure_regions,
            instance_keys,
            region_factors: Vec::new(),
            zone_factors: Vec::new(),
            hardware_factors: Vec::new(),
            dataset,
        };
        factors.region_factors = factors
            .dataset
            .regions
            .iter()
            .enumerate()
            .map(|(index, r)| RegionFactor {
                index,
                provider: r.provider.as_str().into(),
                code: r.code.as_str().into(),
                name: r.name.as_str().into(),
                zone: r.zone.as_str().into(),
                pue: factors.region_pue(r),
                intensity: ordered(r.intensity_low, r.intensity, r.intensity_high, |x| {
                    x.is_finite()
                }),
            })
            .filter(|rf| rf.intensity.central.is_finite() && rf.intensity.central.0 >= 0.0)
            .collect();
        factors.zone_factors = factors
            .dataset
            .zones
            .iter()
            .filter(|z| z.intensity.is_finite() && z.intensity.0 >= 0.0)
            .map(|z| ZoneFactor {
                id: z.id.as_str().into(),
                name: z.name.as_str().into(),
                country: z.country.as_str().into(),
                intensity: z.intensity,
            })
            .collect();
        factors.hardware_factors = factors
            .dataset
            .hardware
            .iter()
            .filter(|h| h.tdp.is_finite() && h.tdp.0 >= 0.0)
            .map(|h| HardwareFactor {
                id: h.id.as_str().into(),
                name: h.name.as_str().into(),
                tdp: h.tdp,
                peak: peak_throughput(h),
                mem: h.mem,
                mean: h.measured_mean_range().is_some(),
            })
            .collect();
        factors
    }

    /// The indexed dataset.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// The typical-draw profile of a job kind (dataset table `draw`).
    pub fn draw_profile(&self, kind: JobKind) -> Option<&DrawProfile> {
        self.dataset.draw.iter().find(|d| d.kind == kind.id())
    }

    /// An accelerator by id.
    pub fn hardware(&self, id: &str) -> Option<&Hardware> {
        self.hardware
            .get(id)
            .and_then(|i| self.dataset.hardware.get(i))
    }

    /// A CPU by id.
    pub fn cpu(&self, id: &str) -> Option<&Cpu> {
        self.cpus.get(id).and_then(|i| self.dataset.cpus.get(i))
    }

    /// A cloud instance type by id; also accepts the provider's spelling of Azure sizes
    /// (`Standard_ND96asr_v4` finds `standard-nd96asr-v4`).
    pub fn instance(&self, id: &str) -> Option<&Instance> {
        self.instances
            .get(id)
            .or_else(|| self.instance_keys.get(&instance_key(id)))
            .and_then(|i| self.dataset.instances.get(i))
    }

    /// The host CPU and memory of an instance type, for the UI to pre-fill the CPU and memory
    /// inputs when an instance is chosen (the model never adds them silently).
    pub fn instance_host(&self, id: &str) -> Option<InstanceHost> {
        let inst = self.instance(id)?;
        let cpu_id = inst
            .cpu
            .as_deref()
            .filter(|c| self.cpu(c).is_some())
            .unwrap_or(GENERIC_CPU);
        Some(InstanceHost {
            cpu: CpuInput {
                id: cpu_id.to_string(),
                cores: f64::from(inst.vcpus) / 2.0,
                usage_pct: 100.0,
            },
            memory: inst.mem,
        })
    }

    /// A grid zone by id.
    pub fn zone(&self, id: &str) -> Option<&Zone> {
        self.zones.get(id).and_then(|i| self.dataset.zones.get(i))
    }

    /// A cloud provider by id.
    pub fn provider(&self, id: &str) -> Option<&Provider> {
        self.providers
            .get(id)
            .and_then(|i| self.dataset.providers.get(i))
    }

    /// A cloud region by provider id and region code.
    pub fn region(&self, provider: &str, code: &str) -> Option<&Region> {
        self.region_index(provider, code)
            .and_then(|i| self.dataset.regions.get(i))
    }

    /// The index of a region in `Dataset::regions`. Codes match exactly, except Azure's, which
    /// match case-insensitively as Azure itself does.
    pub fn region_index(&self, provider: &str, code: &str) -> Option<usize> {
        let exact = self.regions.get(&region_key(provider, code));
        if exact.is_none() && provider == CASE_FREE_PROVIDER {
            return self.azure_regions.get(&code.to_ascii_lowercase());
        }
        exact
    }

    /// Every region with its resolved PUE and intensity bands, in dataset order (rows with an
    /// unusable intensity left out).
    pub fn region_factors(&self) -> &[RegionFactor] {
        &self.region_factors
    }

    /// Every grid zone with a usable intensity, in dataset order.
    pub fn zone_factors(&self) -> &[ZoneFactor] {
        &self.zone_factors
    }

    /// Every accelerator with a usable TDP, in dataset order.
    pub fn hardware_factors(&self) -> &[HardwareFactor] {
        &self.hardware_factors
    }

    /// The industry-average PUE band for an unknown data centre.
    pub fn industry_pue(&self) -> PueFactor {
        let c = &self.dataset.constants.pue_default;
        let central = if c.value.is_finite() && c.value.0 >= 1.0 {
            c.value
        } else {
            Pue(1.0)
        };
        PueFactor {
            band: ordered(
                c.low.unwrap_or(central),
                central,
                c.high.unwrap_or(central),
                |x| x.is_finite() && x.0 >= 1.0,
            ),
            source: c.source.clone(),
        }
    }

    /// A region's own PUE: the region's published figure, else its provider's, else the industry
    /// average. The range is the provider's low/high widened to include the central value.
    pub fn region_pue(&self, region: &Region) -> PueFactor {
        let Some(provider) = self.provider(&region.provider) else {
            return self.industry_pue();
        };
        let (central, source) = match (region.pue, &region.pue_src) {
            (Some(p), Some(src)) if p.is_finite() && p.0 >= 1.0 => (p, src.clone()),
            (Some(p), None) if p.is_finite() && p.0 >= 1.0 => (p, provider.pue_src.clone()),
            _ => (provider.pue, provider.pue_src.clone()),
        };
        PueFactor {
            band: ordered(provider.pue_low, central, provider.pue_high, |x| {
                x.is_finite() && x.0 >= 1.0
            }),
            source,
        }
    }

    /// Memory power per GB and its source id.
    pub fn memory_w_per_gb(&self) -> (WattsPerGb, String) {
        let c = &self.dataset.constants.mem_w_per_gb;
        if c.value.is_finite() && c.value.0 >= 0.0 {
            (c.value, c.source.clone())
        } else {
            (FALLBACK_MEMORY_W_PER_GB, GENERIC_CPU_SOURCE.to_string())
        }
    }

    /// Generic per-core CPU power and its source id: the dataset's `generic` CPU row (TDP ÷ cores)
    /// when present, else [`GENERIC_CPU_W_PER_CORE`].
    pub fn generic_cpu_per_core(&self) -> (Watts, String) {
        match self.cpu(GENERIC_CPU) {
            Some(c) if c.cores > 0 && c.tdp.is_finite() && c.tdp.0 >= 0.0 => {
                (c.tdp.scale(1.0 / f64::from(c.cores)), c.source.clone())
            }
            _ => (GENERIC_CPU_W_PER_CORE, GENERIC_CPU_SOURCE.to_string()),
        }
    }
}

/// The peak dense throughput the model uses to derive runtimes: FP16/BF16 dense when known (what
/// mixed-precision training runs at), else FP32. `None` when neither is a positive finite number.
pub fn peak_throughput(hw: &Hardware) -> Option<Tflops> {
    let usable = |t: Option<Tflops>| t.filter(|t| t.is_finite() && t.0 > 0.0);
    usable(hw.fp16).or(usable(hw.fp32))
}
