//! The same job elsewhere and on other hardware.
//!
//! Design note: the table must be cheap enough to recompute on every keystroke (≤ 1 ms natively for
//! all regions, zones and accelerators). The job's IT energy is computed once; each region is then
//! one multiplication `IT kWh × region PUE × region intensity`, and each accelerator one power and
//! one runtime. Sorting uses `total_cmp`, so it is total and cannot panic.
//!
//! * Regions use **their own** PUE (region figure, else the provider's) and intensity.
//! * Grid zones keep the job's current PUE: the same facility moved onto that grid.
//! * Accelerators keep the device count, host, location, runs and draw (as a fraction of TDP; a
//!   measured power becomes the same fraction of TDP). Every device does **the same work**: with a
//!   FLOPs workload the runtime is that workload at each device's peak dense throughput and the MFU;
//!   with hours, the work is derived from the current device (hours × devices × its peak dense
//!   throughput) and each device gets the time it needs for it. Comparing the same *hours* instead
//!   would rank slow, cool chips (a Jetson) cleanest for an 8×A100 job. Devices without a published
//!   throughput cannot be put on the same work: they are listed apart (`unrated`), with the same
//!   hours, and so is everything when the current device has no throughput figure.

use super::energy::Power;
use super::factors::{Factors, HardwareFactor, Label, RegionFactor, ZoneFactor};
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
    /// True when the runtime was not rescaled (no throughput figure to put it on the same work).
    pub same_hours: bool,
    /// Peak dense throughput per watt of TDP, GFLOPS/W (FP16/BF16, else FP32), when known.
    pub gflops_per_watt: Option<f64>,
    /// True when the device has less memory than the current one (the job may not fit).
    pub may_not_fit: bool,
    /// True for the job's current accelerator.
    pub is_current: bool,
}

/// What the hardware rows hold equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HardwareBasis {
    /// The FLOPs workload at each device's throughput and the same MFU.
    SameFlops,
    /// The work of the current device (hours × devices × its peak throughput).
    SameWork,
    /// The same hours (the current device has no throughput figure).
    SameHours,
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
    /// Every accelerator doing the same work (see [`HardwareBasis`]), lowest emissions first.
    pub hardware: Vec<HardwareAlternative>,
    /// Accelerators without a throughput figure, at the same hours, lowest emissions first: listed
    /// apart because they cannot be put on the same work.
    pub unrated: Vec<HardwareAlternative>,
    /// What the hardware rows hold equal.
    pub basis: HardwareBasis,
    /// The cleanest region of the current provider (cloud jobs only).
    pub cleanest_same_provider: Option<RegionAlternative>,
    /// The cleanest region of any provider.
    pub cleanest_overall: Option<RegionAlternative>,
    /// True when hardware rows keep the same hours (no throughput figure for the current device).
    pub same_hours: bool,
    /// A plain sentence saying how the hardware rows were computed, for display under the table.
    pub hardware_basis: &'static str,
}

/// Shown under the hardware table when the work was derived from hours on the current device.
pub const SAME_WORK_NOTE: &str = "Same work on every accelerator, same device count and draw: \
     the work is the job's hours × devices × the current accelerator's peak dense throughput \
     (FP16/BF16, else FP32), and each accelerator gets the time it needs for it at its own peak. \
     Accelerators without a published throughput are listed apart with the same hours; \
     “may not fit” marks those with less memory than yours.";

/// Shown under the hardware table when the workload was given in FLOPs.
pub const SCALED_HOURS_NOTE: &str = "Same FLOPs on every accelerator: runtime scaled by each \
     accelerator's peak dense throughput (FP16/BF16, else FP32) at the same model-FLOPs \
     utilization, device count and draw. Accelerators without a known throughput are listed apart \
     with the same hours; “may not fit” marks those with less memory than yours.";

/// Shown under the hardware table when the current device has no throughput figure.
pub const SAME_HOURS_NOTE: &str =
    "Same hours on every accelerator: the current accelerator has no \
     published throughput, so the work cannot be carried over and faster chips are not credited \
     with finishing sooner.";

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
    crate::sort::sort_by_f64(&mut keyed, |k| k.0 .0);
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
    crate::sort::sort_by_f64(&mut keyed, |k| k.0 .0);
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

    let (hardware, unrated, basis) = hardware_rows(job, factors, current);
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
        unrated,
        basis,
        same_hours: basis == HardwareBasis::SameHours,
        hardware_basis: match basis {
            HardwareBasis::SameFlops => SCALED_HOURS_NOTE,
            HardwareBasis::SameWork => SAME_WORK_NOTE,
            HardwareBasis::SameHours => SAME_HOURS_NOTE,
        },
    }
}

/// Hours per run of `h` for the job's work, or `None` when `h` has no throughput to do it at.
fn hours_on(job: &Job, basis: HardwareBasis, h: &HardwareFactor) -> Option<Hours> {
    match (basis, job.workload, job.accelerator.peak) {
        (HardwareBasis::SameFlops, Some(w), _) => hours_for(w.flops, h.peak?, job.devices, w.mfu),
        (HardwareBasis::SameWork, _, Some(cur)) => {
            let ratio = cur.ratio(h.peak?);
            (ratio > 0.0).then(|| job.hours_per_run.scale(ratio))
        }
        _ => Some(job.hours_per_run),
    }
    .filter(|hrs| hrs.0 <= MAX_HOURS)
}

/// The same job on every accelerator: rows on the same work, rows apart (same hours), the basis.
fn hardware_rows(
    job: &Job,
    factors: &Factors,
    current: KgCo2e,
) -> (
    Vec<HardwareAlternative>,
    Vec<HardwareAlternative>,
    HardwareBasis,
) {
    let base = Power::of(job, job.device_power());
    let host = base.cpu + base.memory;
    let devices = f64::from(job.devices);
    let pue = job.site.pue.central;
    let ci = job.site.intensity.central;
    let basis = match (job.workload, job.accelerator.peak) {
        (Some(_), _) => HardwareBasis::SameFlops,
        (None, Some(_)) => HardwareBasis::SameWork,
        (None, None) => HardwareBasis::SameHours,
    };
    let fraction = job.draw.fraction_of_tdp(job.accelerator.tdp);
    let cur_mem = factors.hardware(&job.accelerator.id).and_then(|h| h.mem);
    let mut rated = Vec::new();
    let mut unrated = Vec::new();
    for h in factors.hardware_factors() {
        let (hours_per_run, same_hours) = match hours_on(job, basis, h) {
            Some(hrs) => (hrs, basis == HardwareBasis::SameHours),
            None if h.peak.is_none() => (job.hours_per_run, true),
            None => continue,
        };
        // The same draw on every device: a typical draw is the job kind's fraction of a rating,
        // or the whole of a figure that is itself a measured mean.
        let fraction = match job.draw {
            DeviceDraw::Typical { kind_typical, .. } if !h.mean => kind_typical.fraction(),
            DeviceDraw::Typical { .. } => 1.0,
            _ => fraction,
        };
        let it_power = h.tdp.scale(fraction * devices) + host;
        let energy = it_power * hours_per_run.scale(f64::from(job.runs)) * pue;
        let emissions = energy * ci;
        let (saving, saving_pct) = saving(current, emissions);
        let row = HardwareAlternative {
            id: h.id.clone(),
            name: h.name.clone(),
            hours_per_run,
            energy,
            emissions,
            saving,
            saving_pct,
            same_hours,
            gflops_per_watt: h
                .peak
                .filter(|_| h.tdp.0 > 0.0)
                .map(|p| p.0 * 1000.0 / h.tdp.0),
            may_not_fit: matches!((cur_mem, h.mem), (Some(c), Some(m)) if m.0 < c.0),
            is_current: *h.id == *job.accelerator.id,
        };
        if same_hours && basis != HardwareBasis::SameHours {
            unrated.push(row);
        } else {
            rated.push(row);
        }
    }
    crate::sort::sort_by_f64(&mut rated, |h| h.emissions.0);
    crate::sort::sort_by_f64(&mut unrated, |h| h.emissions.0);
    (rated, unrated, basis)
}
