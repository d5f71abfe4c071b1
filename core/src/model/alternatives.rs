//! The same job elsewhere and on other hardware.
//!
//! Design note: the table must be cheap enough to recompute on every keystroke (≤ 1 ms natively for
//! all regions, zones and accelerators). The job's IT energy is computed once; each region is then
//! one multiplication `IT kWh × region PUE × region intensity`, and each accelerator one power and
//! one runtime. Sorting uses `total_cmp`, so it is total and cannot panic.
//!
//! * Regions use **their own** PUE (region figure, else the provider's) and intensity.
//! * Grid zones keep the job's current PUE: the same facility moved onto that grid.
//! * Accelerators keep the device count, host, location and runs. With a FLOPs workload the runtime
//!   is rescaled by peak dense throughput (accelerators without one are left out); with hours it is
//!   the **same hours** on every device (`same_hours = true`), which flatters slower, cooler chips.
//!   A measured power is carried over as the same fraction of TDP.

use super::energy::Power;
use super::factors::{Factors, Label, RegionFactor, ZoneFactor};
use super::job::{DeviceDraw, Job, Place};
use super::validate::MAX_HOURS;
use super::workload::hours_for;
use crate::units::{GramsPerKwh, Hours, KgCo2e, Kwh, Percent, Pue};
use serde::{Serialize, Serializer};

/// The job in one cloud region.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegionAlternative {
    /// Provider id.
    #[serde(serialize_with = "text")]
    pub provider: Label,
    /// Region code.
    #[serde(serialize_with = "text")]
    pub code: Label,
    /// Region display name.
    #[serde(serialize_with = "text")]
    pub name: Label,
    /// Zone the region draws from.
    #[serde(serialize_with = "text")]
    pub zone: Label,
    /// The region's grid intensity.
    pub intensity: GramsPerKwh,
    /// The region's own PUE.
    pub pue: Pue,
    /// Facility energy there.
    pub energy: Kwh,
    /// Location-based emissions there.
    pub emissions: KgCo2e,
    /// Current emissions − these (positive = a saving).
    pub saving: KgCo2e,
    /// `saving` as % of the current emissions.
    pub saving_pct: Percent,
    /// True for the job's current region.
    pub is_current: bool,
}

/// The job on one grid zone, in the same facility (same PUE).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ZoneAlternative {
    /// Zone id.
    #[serde(serialize_with = "text")]
    pub id: Label,
    /// Zone display name.
    #[serde(serialize_with = "text")]
    pub name: Label,
    /// Country code.
    #[serde(serialize_with = "text")]
    pub country: Label,
    /// The zone's grid intensity.
    pub intensity: GramsPerKwh,
    /// Location-based emissions there.
    pub emissions: KgCo2e,
    /// Current emissions − these.
    pub saving: KgCo2e,
    /// `saving` as % of the current emissions.
    pub saving_pct: Percent,
    /// True for the job's current zone.
    pub is_current: bool,
}

/// The job on one accelerator model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HardwareAlternative {
    /// Hardware id.
    #[serde(serialize_with = "text")]
    pub id: Label,
    /// Display name.
    #[serde(serialize_with = "text")]
    pub name: Label,
    /// Wall-clock hours per run on this hardware.
    pub hours_per_run: Hours,
    /// Facility energy.
    pub energy: Kwh,
    /// Location-based emissions.
    pub emissions: KgCo2e,
    /// Current emissions − these.
    pub saving: KgCo2e,
    /// `saving` as % of the current emissions.
    pub saving_pct: Percent,
    /// True when the runtime was not rescaled (the workload was given in hours).
    pub same_hours: bool,
    /// True for the job's current accelerator.
    pub is_current: bool,
}

/// The alternatives table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alternatives {
    /// The job's current location-based emissions (the reference of every saving).
    pub current: KgCo2e,
    /// Every cloud region, cleanest first.
    pub regions: Vec<RegionAlternative>,
    /// Every grid zone, cleanest first.
    pub zones: Vec<ZoneAlternative>,
    /// Every accelerator (with known throughput for a FLOPs workload), lowest emissions first.
    pub hardware: Vec<HardwareAlternative>,
    /// The cleanest region of the current provider (cloud jobs only).
    pub cleanest_same_provider: Option<RegionAlternative>,
    /// The cleanest region of any provider.
    pub cleanest_overall: Option<RegionAlternative>,
    /// True when hardware rows keep the same hours (workload given in hours).
    pub same_hours: bool,
    /// A plain sentence saying how the hardware rows were computed, for display under the table.
    pub hardware_basis: &'static str,
}

/// Shown under the hardware table when the workload was given in hours.
pub const SAME_HOURS_NOTE: &str = "Same hours on every accelerator: the job was given in hours, \
     so faster chips are not credited with finishing sooner. Enter the workload in FLOPs to scale \
     the runtime by each chip's throughput.";

/// Shown under the hardware table when the workload was given in FLOPs.
pub const SCALED_HOURS_NOTE: &str = "Runtime scaled by each accelerator's peak dense throughput \
     (FP16/BF16, else FP32) at the same model-FLOPs utilization; accelerators without a known \
     throughput are left out.";

/// Serialises a shared label as a plain JSON string.
fn text<S: Serializer>(label: &Label, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(label)
}

fn saving(current: KgCo2e, alt: KgCo2e) -> (KgCo2e, Percent) {
    let s = current - alt;
    (s, Percent(s.ratio(current) * 100.0))
}

/// The job in every region, on every zone and on every accelerator.
pub fn alternatives(job: &Job, factors: &Factors) -> Alternatives {
    let ds = factors.dataset();
    let hours = job.total_hours();
    let it = Power::of(job, job.device_power()).it() * hours;
    let pue = job.site.pue.central;
    let current = it * pue * job.site.intensity.central;

    let (cur_provider, cur_region, cur_zone) = match &job.site.place {
        Place::Cloud {
            provider, region, ..
        } => {
            let index = factors.region_index(provider, region);
            let zone = index
                .and_then(|i| ds.regions.get(i))
                .map(|r| r.zone.as_str());
            (Some(provider.as_str()), index, zone)
        }
        Place::Zone { id, .. } => (None, None, Some(id.as_str())),
        Place::Custom => (None, None, None),
    };

    // Sort small (emissions, row) keys first, then build the rows in order: moving 16-byte keys is
    // cheaper than moving rows, and labels are shared (`Arc<str>`), so no string is copied.
    let mut keyed: Vec<(KgCo2e, &RegionFactor)> = factors
        .region_factors()
        .iter()
        .map(|rf| (it * rf.pue.band.central * rf.intensity.central, rf))
        .collect();
    crate::order::sort_by_f64(&mut keyed, |k| k.0 .0);
    let regions: Vec<RegionAlternative> = keyed
        .into_iter()
        .map(|(emissions, rf)| {
            let (saving, saving_pct) = saving(current, emissions);
            RegionAlternative {
                provider: rf.provider.clone(),
                code: rf.code.clone(),
                name: rf.name.clone(),
                zone: rf.zone.clone(),
                intensity: rf.intensity.central,
                pue: rf.pue.band.central,
                energy: it * rf.pue.band.central,
                emissions,
                saving,
                saving_pct,
                is_current: cur_region == Some(rf.index),
            }
        })
        .collect();

    // Zones keep the job's facility (its PUE): the same data centre moved onto that grid.
    let facility = it * pue;
    let mut keyed: Vec<(KgCo2e, &ZoneFactor)> = factors
        .zone_factors()
        .iter()
        .map(|z| (facility * z.intensity, z))
        .collect();
    crate::order::sort_by_f64(&mut keyed, |k| k.0 .0);
    let zones: Vec<ZoneAlternative> = keyed
        .into_iter()
        .map(|(emissions, z)| {
            let (saving, saving_pct) = saving(current, emissions);
            ZoneAlternative {
                id: z.id.clone(),
                name: z.name.clone(),
                country: z.country.clone(),
                intensity: z.intensity,
                emissions,
                saving,
                saving_pct,
                is_current: cur_provider.is_none() && cur_zone == Some(&*z.id),
            }
        })
        .collect();

    let base = Power::of(job, job.device_power());
    let host = base.cpu + base.memory;
    let devices = f64::from(job.devices);
    let ci = job.site.intensity.central;
    let same_hours = job.workload.is_none();
    let mut hardware: Vec<HardwareAlternative> = factors
        .hardware_factors()
        .iter()
        .filter_map(|h| {
            let hours_per_run = match job.workload {
                None => job.hours_per_run,
                Some(w) => hours_for(w.flops, h.peak?, job.devices, w.mfu)
                    .filter(|hrs| hrs.0 <= MAX_HOURS)?,
            };
            // A measured power is carried over as the same fraction of TDP.
            let per_device = match job.draw {
                DeviceDraw::Rated { utilization } => h.tdp.scale(utilization.fraction()),
                DeviceDraw::Measured { power } => h.tdp.scale(power.ratio(job.accelerator.tdp)),
            };
            let it_power = per_device.scale(devices) + host;
            let energy = it_power * hours_per_run.scale(f64::from(job.runs)) * pue;
            let emissions = energy * ci;
            let (saving, saving_pct) = saving(current, emissions);
            Some(HardwareAlternative {
                id: h.id.clone(),
                name: h.name.clone(),
                hours_per_run,
                energy,
                emissions,
                saving,
                saving_pct,
                same_hours,
                is_current: *h.id == *job.accelerator.id,
            })
        })
        .collect();
    crate::order::sort_by_f64(&mut hardware, |h| h.emissions.0);

    let cleanest_same_provider = cur_provider
        .and_then(|p| regions.iter().find(|r| &*r.provider == p))
        .cloned();
    let cleanest_overall = regions.first().cloned();
    Alternatives {
        current,
        regions,
        zones,
        hardware,
        cleanest_same_provider,
        cleanest_overall,
        same_hours,
        hardware_basis: if same_hours {
            SAME_HOURS_NOTE
        } else {
            SCALED_HOURS_NOTE
        },
    }
}
