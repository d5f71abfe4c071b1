//! Turns the raw [`Inputs`] into a typed [`Job`], or every problem found.
//!
//! Design note: each check pushes an [`InputError`] and carries on, so one pass reports all bad
//! fields. Limits reject NaN, infinities, negatives and absurd sizes (more than 1,000,000 devices or
//! 10,000,000 hours); within them every later product stays finite, so the model cannot produce NaN.

use super::errors::{Field, InputError, Problem};
use super::factors::{ordered, peak_throughput, Factors};
use super::inputs::{
    ComputeInput, CpuInput, DataCentre, DurationInput, Inputs, LocationInput, GENERIC_CPU,
};
use super::job::{
    Accelerator, CpuLoad, DeviceDraw, InstanceUse, Job, Market, MemoryLoad, Place, PueBasis, Site,
    Workload,
};
use super::uncertainty::Interval;
use super::workload::{hours_for, training_flops};
use crate::units::{Flops, Gigabytes, GramsPerKwh, Hours, Percent, Pue, Watts};

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

/// Collects errors while checking numbers.
struct Checker {
    errors: Vec<InputError>,
}

impl Checker {
    fn fail(&mut self, field: Field, problem: Problem) {
        self.errors.push(InputError::new(field, problem));
    }

    /// A finite number, else an error.
    fn finite(&mut self, field: Field, x: f64) -> Option<f64> {
        if x.is_finite() {
            Some(x)
        } else {
            self.fail(
                field,
                Problem::NotFinite {
                    got: format!("{x}"),
                },
            );
            None
        }
    }

    /// A finite number > 0 and ≤ `max`.
    fn positive(&mut self, field: Field, x: f64, max: f64) -> Option<f64> {
        let x = self.finite(field, x)?;
        if x <= 0.0 {
            self.fail(field, Problem::NotPositive { got: x });
            None
        } else if x > max {
            self.fail(field, Problem::TooLarge { got: x, max });
            None
        } else {
            Some(x)
        }
    }

    /// A finite number in `[min, max]`.
    fn within(&mut self, field: Field, x: f64, (min, max): (f64, f64)) -> Option<f64> {
        let x = self.finite(field, x)?;
        if (min..=max).contains(&x) {
            Some(x)
        } else {
            self.fail(field, Problem::OutOfRange { got: x, min, max });
            None
        }
    }

    /// A whole number ≥ 1 and ≤ `max`.
    fn count(&mut self, field: Field, x: f64, max: f64) -> Option<u32> {
        let x = self.positive(field, x, max)?;
        if x.fract() != 0.0 {
            self.fail(field, Problem::NotWhole { got: x });
            return None;
        }
        // In range 1..=max ≤ 1e6, so the conversion is exact.
        Some(x as u32)
    }
}

/// Checks `inputs` against the dataset in `factors`: a [`Job`] or all the problems found.
pub fn validate(inputs: &Inputs, factors: &Factors) -> Result<Job, Vec<InputError>> {
    let mut c = Checker { errors: Vec::new() };

    let compute = compute(&mut c, &inputs.compute, factors);
    let draw = match inputs.power_w {
        Some(w) => c
            .positive(Field::Power, w, MAX_DEVICE_POWER_W)
            .map(|w| DeviceDraw::Measured { power: Watts(w) }),
        None => c
            .within(
                Field::Utilization,
                inputs.utilization_pct,
                UTILIZATION_RANGE,
            )
            .map(|u| DeviceDraw::Rated {
                utilization: Percent(u),
            }),
    };
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

    // Derive the runtime last: it needs the hardware, the device count and the workload.
    let (accelerator, devices, instance) = compute.unzip3();
    let hours = match (&duration, &accelerator, devices) {
        (Some(Duration::Hours(h)), _, _) => Some((*h, None)),
        (Some(Duration::Workload(w)), Some(acc), Some(n)) => match acc.peak {
            None => {
                c.fail(
                    Field::Hardware,
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
        ) if c.errors.is_empty() => Ok(Job {
            accelerator,
            devices,
            instance,
            draw,
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
        }),
        _ => Err(c.errors),
    }
}

/// The resolved compute: accelerator, device count, instance.
struct Compute {
    accelerator: Option<Accelerator>,
    devices: Option<u32>,
    instance: Option<Option<InstanceUse>>,
}

impl Compute {
    fn unzip3(
        self,
    ) -> (
        Option<Accelerator>,
        Option<u32>,
        Option<Option<InstanceUse>>,
    ) {
        (self.accelerator, self.devices, self.instance)
    }
}

fn accelerator(c: &mut Checker, id: &str, field: Field, factors: &Factors) -> Option<Accelerator> {
    match factors.hardware(id) {
        Some(hw) if hw.tdp.is_finite() && hw.tdp.0 >= 0.0 => Some(Accelerator {
            id: hw.id.clone(),
            name: hw.name.clone(),
            tdp: hw.tdp,
            peak: peak_throughput(hw),
            source: hw.source.clone(),
        }),
        _ => {
            c.fail(field, Problem::Unknown { id: id.to_string() });
            None
        }
    }
}

fn compute(c: &mut Checker, input: &ComputeInput, factors: &Factors) -> Compute {
    match input {
        ComputeInput::Hardware { id, devices } => Compute {
            accelerator: accelerator(c, id, Field::Hardware, factors),
            devices: c.count(Field::Devices, *devices, MAX_DEVICES),
            instance: Some(None),
        },
        ComputeInput::Instance { id, count } => {
            let count = c.count(Field::InstanceCount, *count, MAX_DEVICES);
            let Some(inst) = factors.instance(id) else {
                c.fail(Field::Instance, Problem::Unknown { id: id.clone() });
                return Compute {
                    accelerator: None,
                    devices: None,
                    instance: None,
                };
            };
            let accelerator = accelerator(c, &inst.hw, Field::Instance, factors);
            let devices = count.and_then(|count| {
                let total = f64::from(count) * f64::from(inst.n);
                if inst.n == 0 {
                    c.fail(Field::Instance, Problem::Unknown { id: id.clone() });
                    None
                } else if total > MAX_DEVICES {
                    c.fail(
                        Field::InstanceCount,
                        Problem::TooLarge {
                            got: f64::from(count),
                            max: (MAX_DEVICES / f64::from(inst.n)).floor(),
                        },
                    );
                    None
                } else {
                    Some(count * inst.n)
                }
            });
            let instance = count.map(|count| {
                Some(InstanceUse {
                    id: inst.id.clone(),
                    count,
                    devices_per_instance: inst.n,
                    source: inst.source.clone(),
                })
            });
            Compute {
                accelerator,
                devices,
                instance,
            }
        }
    }
}

fn cpu_load(c: &mut Checker, cpu: &CpuInput, factors: &Factors) -> Option<CpuLoad> {
    let cores = c.positive(Field::CpuCores, cpu.cores, MAX_CPU_CORES);
    let usage = c.within(Field::CpuUsage, cpu.usage_pct, UTILIZATION_RANGE);
    let model = if cpu.id == GENERIC_CPU {
        let (per_core, source) = factors.generic_cpu_per_core();
        Some((
            GENERIC_CPU.to_string(),
            "Generic CPU".to_string(),
            per_core,
            source,
        ))
    } else {
        match factors.cpu(&cpu.id) {
            Some(m) if m.cores > 0 && m.tdp.is_finite() && m.tdp.0 >= 0.0 => Some((
                m.id.clone(),
                m.name.clone(),
                m.tdp.scale(1.0 / f64::from(m.cores)),
                m.source.clone(),
            )),
            _ => {
                c.fail(Field::Cpu, Problem::Unknown { id: cpu.id.clone() });
                None
            }
        }
    };
    let (id, name, per_core, source) = model?;
    Some(CpuLoad {
        id,
        name,
        per_core,
        cores: cores?,
        usage: Percent(usage?),
        source,
    })
}

/// A checked duration: hours, or a workload (with the field to blame if it implies too long).
enum Duration {
    Hours(Hours),
    Workload(CheckedWorkload),
}

#[derive(Clone, Copy)]
struct CheckedWorkload {
    flops: Flops,
    mfu: Percent,
    field: Field,
}

fn duration(c: &mut Checker, input: &DurationInput) -> Option<Duration> {
    match *input {
        DurationInput::Hours { hours } => c
            .positive(Field::Hours, hours, MAX_HOURS)
            .map(|h| Duration::Hours(Hours(h))),
        DurationInput::Flops { flops, mfu_pct } => {
            let flops = c.positive(Field::Flops, flops, MAX_FLOPS);
            let mfu = c.within(Field::Mfu, mfu_pct, MFU_RANGE);
            Some(Duration::Workload(CheckedWorkload {
                flops: Flops(flops?),
                mfu: Percent(mfu?),
                field: Field::Flops,
            }))
        }
        DurationInput::Training {
            parameters,
            tokens,
            mfu_pct,
        } => {
            let p = c.positive(Field::Parameters, parameters, MAX_PARAMETERS);
            let t = c.positive(Field::Tokens, tokens, MAX_TOKENS);
            let mfu = c.within(Field::Mfu, mfu_pct, MFU_RANGE);
            Some(Duration::Workload(CheckedWorkload {
                flops: training_flops(p?, t?),
                mfu: Percent(mfu?),
                field: Field::Tokens,
            }))
        }
    }
}

/// The PUE band for a non-cloud data centre kind.
fn facility_pue(kind: DataCentre, factors: &Factors) -> (Interval<Pue>, PueBasis, Option<String>) {
    match kind {
        DataCentre::Personal => (Interval::exact(Pue(1.0)), PueBasis::Personal, None),
        DataCentre::Unknown => {
            let p = factors.industry_pue();
            (p.band, PueBasis::IndustryAverage, Some(p.source))
        }
    }
}

fn site(
    c: &mut Checker,
    location: &LocationInput,
    pue: Option<f64>,
    factors: &Factors,
) -> Option<Site> {
    let located = match location {
        LocationInput::Cloud { provider, region } => {
            if factors.provider(provider).is_none() {
                c.fail(
                    Field::Provider,
                    Problem::Unknown {
                        id: provider.clone(),
                    },
                );
                None
            } else if let Some(r) = factors.region(provider, region) {
                let p = factors.region_pue(r);
                Some(Site {
                    place: Place::Cloud {
                        provider: r.provider.clone(),
                        region: r.code.clone(),
                        name: r.name.clone(),
                    },
                    intensity: ordered(r.intensity_low, r.intensity, r.intensity_high, |x| {
                        x.is_finite()
                    }),
                    intensity_source: Some(r.source.clone()),
                    pue: p.band,
                    pue_basis: PueBasis::Cloud,
                    pue_source: Some(p.source),
                })
            } else {
                c.fail(
                    Field::Region,
                    Problem::UnknownRegion {
                        provider: provider.clone(),
                        region: region.clone(),
                    },
                );
                None
            }
        }
        LocationInput::Zone { zone, data_centre } => match factors.zone(zone) {
            Some(z) if z.intensity.is_finite() && z.intensity.0 >= 0.0 => {
                let (pue, pue_basis, pue_source) = facility_pue(*data_centre, factors);
                Some(Site {
                    place: Place::Zone {
                        id: z.id.clone(),
                        name: z.name.clone(),
                    },
                    intensity: ordered(z.intensity_low, z.intensity, z.intensity_high, |x| {
                        x.is_finite()
                    }),
                    intensity_source: Some(z.source.clone()),
                    pue,
                    pue_basis,
                    pue_source,
                })
            }
            _ => {
                c.fail(Field::Zone, Problem::Unknown { id: zone.clone() });
                None
            }
        },
        LocationInput::Custom {
            intensity,
            data_centre,
        } => c
            .within(Field::Intensity, *intensity, INTENSITY_RANGE)
            .map(|ci| {
                let (pue, pue_basis, pue_source) = facility_pue(*data_centre, factors);
                Site {
                    place: Place::Custom,
                    intensity: Interval::exact(GramsPerKwh(ci)),
                    intensity_source: None,
                    pue,
                    pue_basis,
                    pue_source,
                }
            }),
    };
    // A typed PUE is taken as exact: the person knows their facility.
    let typed = match pue {
        Some(p) => Some(Some(c.within(Field::Pue, p, PUE_RANGE)?)),
        None => Some(None),
    }?;
    let mut site = located?;
    if let Some(p) = typed {
        site.pue = Interval::exact(Pue(p));
        site.pue_basis = PueBasis::UserOverride;
        site.pue_source = None;
    }
    Some(site)
}

fn market(
    c: &mut Checker,
    location: &LocationInput,
    typed: Option<f64>,
    factors: &Factors,
) -> Option<Market> {
    if let Some(pct) = typed {
        return c
            .within(Field::MarketPct, pct, MARKET_RANGE)
            .map(|p| Market {
                share: Percent(p),
                source: None,
            });
    }
    let published = match location {
        LocationInput::Cloud { provider, .. } => factors.provider(provider).and_then(|p| {
            p.market_pct
                .filter(|m| m.is_finite() && (MARKET_RANGE.0..=MARKET_RANGE.1).contains(&m.0))
                .map(|m| Market {
                    share: m,
                    source: p.mkt_src.clone(),
                })
        }),
        _ => None,
    };
    Some(published.unwrap_or(Market {
        share: Percent(0.0),
        source: None,
    }))
}
