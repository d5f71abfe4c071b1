//! Turns the raw [`Inputs`] into a typed [`Job`], or every problem found.
//!
//! Design note: each check pushes an [`InputError`] and carries on, so one pass reports all bad
//! fields. Limits reject NaN, infinities, negatives and absurd sizes (more than 1,000,000 devices or
//! 10,000,000 hours); within them every later product stays finite, so the model cannot produce NaN.

mod checker;
mod resolve;

use checker::Checker;
use resolve::{compute, cpu_load, duration, market, site, Compute, Duration};

use super::errors::{Field, InputError, Problem};
use super::factors::{ordered, peak_throughput, Factors};
use super::inputs::{
    ComputeInput, CpuInput, DataCentre, DurationInput, Inputs, LocationInput, GENERIC_CPU,
    TDP_CONVENTION_PCT,
};
use super::job::{
    Accelerator, CpuLoad, DeviceDraw, InstanceUse, Job, Market, MemoryLoad, Place, PueBasis, Site,
    Workload,
};
use super::lifecycle::{resolve, Basis, Factor, LifecycleFactors};
use super::uncertainty::Interval;
use super::workload::{hours_for, training_flops};
use crate::dataset::Hardware;
use crate::units::{Flops, Gigabytes, GramsPerKwh, Hours, LitresPerKwh, Percent, Pue, Watts};

/// Most devices accepted (all instances together).
pub const MAX_DEVICES: f64 = 1e6;
/// Most wall-clock hours per run accepted (typed or derived): ~1,100 years.
pub const MAX_HOURS: f64 = 1e7;
/// Most runs accepted.
pub const MAX_RUNS: f64 = 1e6;
/// Largest measured power per device accepted, W (a whole rack is ~100 kW).
pub const MAX_DEVICE_POWER_W: f64 = 1e5;
/// Most CPU cores accepted.
pub const MAX_CPU_CORES: f64 = 1e7;
/// Most memory accepted, GB.
pub const MAX_MEMORY_GB: f64 = 1e9;
/// Largest workload accepted, FLOPs (frontier runs are ~1e26).
pub const MAX_FLOPS: f64 = 1e32;
/// Most parameters accepted.
pub const MAX_PARAMETERS: f64 = 1e16;
/// Most tokens accepted.
pub const MAX_TOKENS: f64 = 1e17;
/// Accepted utilization range, % of TDP.
pub const UTILIZATION_RANGE: (f64, f64) = (1.0, 100.0);
/// Accepted model-FLOPs utilization range, %.
pub const MFU_RANGE: (f64, f64) = (0.1, 100.0);
/// Accepted PUE range.
pub const PUE_RANGE: (f64, f64) = (1.0, 3.0);
/// Accepted custom intensity range, gCO2e/kWh (the dirtiest grids are ~1,100).
pub const INTENSITY_RANGE: (f64, f64) = (0.0, 3000.0);
/// Accepted market-based share range, %.
pub const MARKET_RANGE: (f64, f64) = (0.0, 100.0);

/// How a device's power is known: measured watts, a typed utilization, or the typical draw of the
/// job's kind (with the source ids of that profile).
fn draw(
    c: &mut Checker,
    inputs: &Inputs,
    factors: &Factors,
    hardware: Option<&Hardware>,
) -> (Option<DeviceDraw>, Option<String>) {
    match (inputs.power_w, inputs.utilization_pct) {
        (Some(w), _) => (
            c.positive(Field::Power, w, MAX_DEVICE_POWER_W)
                .map(|w| DeviceDraw::Measured { power: Watts(w) }),
            None,
        ),
        (None, Some(u)) => (
            c.within(Field::Utilization, u, UTILIZATION_RANGE)
                .map(|u| DeviceDraw::Rated {
                    utilization: Percent(u),
                }),
            None,
        ),
        (None, None) => match factors.draw_profile(inputs.job_kind) {
            Some(p) => {
                let finite = |x: Percent| x.is_finite();
                let kind_band = ordered(p.low, p.typical, p.high, finite);
                // A power figure that is already a measured mean is the typical draw itself;
                // its measured range replaces the job kind's fractions.
                let mean = hardware
                    .and_then(|h| h.measured_mean_range().map(|r| (h.tdp, r)))
                    .filter(|(tdp, _)| tdp.0 > 0.0);
                let band = mean.map_or(kind_band, |(tdp, (lo, hi))| {
                    let pct = |w: Watts| Percent(w.ratio(tdp) * 100.0);
                    ordered(pct(lo), Percent(100.0), pct(hi), finite)
                });
                (
                    Some(DeviceDraw::Typical {
                        job_kind: inputs.job_kind,
                        band,
                        kind_typical: p.typical,
                        of_mean: mean.is_some(),
                    }),
                    Some(p.source.clone()),
                )
            }
            // A dataset without draw profiles falls back on the paper's convention.
            None => (
                Some(DeviceDraw::Rated {
                    utilization: Percent(TDP_CONVENTION_PCT),
                }),
                None,
            ),
        },
    }
}

/// The life-cycle factors of the job on `accelerator` (`None` when it is unknown: only the typed
/// overrides are checked then). Water comes from the provider's row in a cloud region and the
/// generic data-centre row elsewhere, except on a personal machine, which has no cooling tower:
/// 0 L/kWh unless typed.
fn lifecycle(
    c: &mut Checker,
    inputs: &Inputs,
    accelerator: Option<&Accelerator>,
    factors: &Factors,
) -> Option<LifecycleFactors> {
    let Some(acc) = accelerator else {
        c.errors.extend(inputs.lifecycle.problems());
        return None;
    };
    let (provider, personal) = match &inputs.location {
        LocationInput::Cloud { provider, .. } => (Some(provider.as_str()), false),
        LocationInput::Zone { data_centre, .. } | LocationInput::Custom { data_centre, .. } => {
            (None, *data_centre == DataCentre::Personal)
        }
    };
    match resolve(factors.dataset(), &acc.id, provider, &inputs.lifecycle) {
        Ok(mut f) => {
            if personal && inputs.lifecycle.wue_l_per_kwh.is_none() {
                f.wue = Factor {
                    band: Interval::exact(LitresPerKwh(0.0)),
                    basis: Basis::Default,
                    sources: Vec::new(),
                    year: None,
                };
            }
            Some(f)
        }
        Err(errors) => {
            c.errors.extend(errors);
            None
        }
    }
}

/// Checks `inputs` against the dataset in `factors`: a [`Job`] or all the problems found.
pub fn validate(inputs: &Inputs, factors: &Factors) -> Result<Job, Vec<InputError>> {
    let mut c = Checker { errors: Vec::new() };

    let compute = compute(&mut c, &inputs.compute, factors);
    let hardware = (compute.accelerator.as_ref()).and_then(|a| factors.hardware(&a.id));
    let (draw, draw_source) = draw(&mut c, inputs, factors, hardware);
    let cpu = match &inputs.cpu {
        Some(cpu) => cpu_load(&mut c, cpu, factors).map(Some),
        None => Some(None),
    };
    let memory = match inputs.memory_gb {
        None => Some(None),
        Some(gb) => match c.finite(Field::Memory, gb) {
            Some(gb) if gb < 0.0 => {
                c.fail(Field::Memory, Problem::NotPositive { got: gb });
                None
            }
            Some(gb) if gb > MAX_MEMORY_GB => {
                c.fail(
                    Field::Memory,
                    Problem::TooLarge {
                        got: gb,
                        max: MAX_MEMORY_GB,
                    },
                );
                None
            }
            // Zero GB means "not counted", like an empty field.
            Some(0.0) => Some(None),
            Some(gb) => {
                let (per_gb, source) = factors.memory_w_per_gb();
                Some(Some(MemoryLoad {
                    size: Gigabytes(gb),
                    per_gb,
                    source,
                }))
            }
            None => None,
        },
    };
    let duration = duration(&mut c, &inputs.duration);
    let runs = c.count(Field::Runs, inputs.runs, MAX_RUNS);
    let site = site(&mut c, &inputs.location, inputs.pue, factors);
    let market = market(&mut c, &inputs.location, inputs.market_pct, factors);

    let lifecycle = lifecycle(&mut c, inputs, compute.accelerator.as_ref(), factors);

    // Derive the runtime last: it needs the hardware, the device count and the workload.
    let Compute {
        accelerator,
        devices,
        instance,
        field: compute_field,
    } = compute;
    let hours = match (&duration, &accelerator, devices) {
        (Some(Duration::Hours(h)), _, _) => Some((*h, None)),
        (Some(Duration::Workload(w)), Some(acc), Some(n)) => match acc.peak {
            None => {
                c.fail(
                    compute_field,
                    Problem::NoThroughput {
                        hardware: acc.id.clone(),
                    },
                );
                None
            }
            Some(peak) => match hours_for(w.flops, peak, n, w.mfu) {
                Some(h) if h.0 <= MAX_HOURS => Some((h, Some(*w))),
                other => {
                    let hours = other.map_or(f64::INFINITY, |h| h.0);
                    c.fail(
                        w.field,
                        Problem::ImpliesTooManyHours {
                            hours,
                            max: MAX_HOURS,
                        },
                    );
                    None
                }
            },
        },
        _ => None,
    };

    match (
        accelerator,
        devices,
        instance,
        draw,
        cpu,
        memory,
        hours,
        runs,
        site,
        market,
        lifecycle,
    ) {
        (
            Some(accelerator),
            Some(devices),
            Some(instance),
            Some(draw),
            Some(cpu),
            Some(memory),
            Some((hours_per_run, workload)),
            Some(runs),
            Some(site),
            Some(market),
            Some(lifecycle),
        ) if c.errors.is_empty() => Ok(Job {
            accelerator,
            devices,
            instance,
            draw,
            draw_source,
            kind: inputs.job_kind,
            cpu,
            memory,
            workload: workload.map(|w| Workload {
                flops: w.flops,
                mfu: w.mfu,
            }),
            hours_per_run,
            runs,
            site,
            market,
            lifecycle,
        }),
        _ => Err(c.errors),
    }
}
