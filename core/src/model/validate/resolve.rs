//! Resolving ids against the dataset and choosing each factor with its source.

use super::checker::Checker;
use super::*;

/// The resolved compute: accelerator, device count, instance (each `None` when invalid).
pub(super) struct Compute {
    /// The accelerator model.
    pub(super) accelerator: Option<Accelerator>,
    /// Total devices.
    pub(super) devices: Option<u32>,
    /// The instance, if the job was given as instances.
    pub(super) instance: Option<Option<InstanceUse>>,
    /// The field that chose the accelerator (hardware or instance), to blame for a missing
    /// throughput.
    pub(super) field: Field,
}

pub(super) fn accelerator(
    c: &mut Checker,
    id: &str,
    field: Field,
    factors: &Factors,
) -> Option<Accelerator> {
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

pub(super) fn compute(c: &mut Checker, input: &ComputeInput, factors: &Factors) -> Compute {
    match input {
        ComputeInput::Hardware { id, devices } => Compute {
            accelerator: accelerator(c, id, Field::Hardware, factors),
            devices: c.count(Field::Devices, *devices, MAX_DEVICES),
            instance: Some(None),
            field: Field::Hardware,
        },
        ComputeInput::Instance { id, count } => {
            let count = c.count(Field::InstanceCount, *count, MAX_DEVICES);
            let Some(inst) = factors.instance(id) else {
                c.fail(Field::Instance, Problem::Unknown { id: id.clone() });
                return Compute {
                    accelerator: None,
                    devices: None,
                    instance: None,
                    field: Field::Instance,
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
                field: Field::Instance,
            }
        }
    }
}

pub(super) fn cpu_load(c: &mut Checker, cpu: &CpuInput, factors: &Factors) -> Option<CpuLoad> {
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
pub(super) enum Duration {
    /// Typed hours per run.
    Hours(Hours),
    /// A workload; hours follow from the hardware.
    Workload(CheckedWorkload),
}

#[derive(Clone, Copy)]
pub(super) struct CheckedWorkload {
    /// Total FLOPs of one run.
    pub(super) flops: Flops,
    /// Model-FLOPs utilization.
    pub(super) mfu: Percent,
    /// The field to blame if the workload implies too many hours.
    pub(super) field: Field,
}

pub(super) fn duration(c: &mut Checker, input: &DurationInput) -> Option<Duration> {
    match *input {
        DurationInput::Hours { hours } => c
            .positive(Field::Hours, hours, MAX_HOURS)
            .map(|h| Duration::Hours(Hours(h))),
        DurationInput::Flops { flops, mfu_pct } => {
            let flops = c.within(Field::Flops, flops, (1.0, MAX_FLOPS));
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
            let p = c.within(Field::Parameters, parameters, (1.0, MAX_PARAMETERS));
            let t = c.within(Field::Tokens, tokens, (1.0, MAX_TOKENS));
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
pub(super) fn facility_pue(
    kind: DataCentre,
    factors: &Factors,
) -> (Interval<Pue>, PueBasis, Option<String>) {
    match kind {
        DataCentre::Personal => (Interval::exact(Pue(1.0)), PueBasis::Personal, None),
        DataCentre::Unknown => {
            let p = factors.industry_pue();
            (p.band, PueBasis::IndustryAverage, Some(p.source))
        }
    }
}

pub(super) fn site(
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

pub(super) fn market(
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
                kind: None,
            });
    }
    let published = match location {
        LocationInput::Cloud { provider, .. } => factors.provider(provider).and_then(|p| {
            p.market_pct
                .filter(|m| m.is_finite() && (MARKET_RANGE.0..=MARKET_RANGE.1).contains(&m.0))
                .map(|m| Market {
                    share: m,
                    source: p.mkt_src.clone(),
                    kind: p.mkt_kind.clone(),
                })
        }),
        _ => None,
    };
    Some(published.unwrap_or(Market {
        share: Percent(0.0),
        source: None,
        kind: None,
    }))
}
