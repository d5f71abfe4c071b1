//! Hand-checked reference tests of the estimation model on the fixture dataset.

mod common;

use emissions_core::model::inputs::*;
use emissions_core::model::job::PueBasis;
use emissions_core::model::*;
use emissions_core::units::*;

fn factors() -> Factors {
    Factors::new(&common::fixture())
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn run(inputs: &Inputs) -> Estimate {
    match calculate(inputs, &factors()) {
        Ok(e) => e,
        Err(errs) => panic!("unexpected errors: {errs:?}"),
    }
}

/// The paper's ML CO2 Impact calculator: kg = TDP (kW) × hours × intensity (kg/kWh), one device,
/// PUE 1, 100 % utilization, no CPU or memory.
#[test]
fn ml_co2_impact_formula_is_reproduced_exactly() {
    let inputs = Inputs {
        compute: ComputeInput::Hardware {
            id: "v100".into(),
            devices: 1.0,
        },
        duration: DurationInput::Hours { hours: 100.0 },
        location: LocationInput::Custom {
            intensity: 429.0,
            data_centre: DataCentre::Personal,
        },
        ..Inputs::default()
    };
    let e = run(&inputs);
    // 300 W × 100 h = 30 kWh; × 429 g/kWh = 12.87 kg.
    assert_eq!(e.energy.total, Kwh(30.0));
    assert_eq!(e.energy.pue_overhead, Kwh(0.0));
    assert!(close(e.location_based.0, 0.3 * 100.0 * 0.429));
    assert_eq!(e.market_based, e.location_based);
    assert_eq!(e.device_hours, DeviceHours(100.0));
    assert_eq!(
        e.trace.summary,
        "1 × 300 W × 100 % × 100 h × 1 PUE = 30 kWh × 429 g/kWh = 12.87 kg"
    );
}

/// The same with a cloud region and the PUE forced to 1: the region's intensity is used.
#[test]
fn ml_co2_impact_formula_in_a_cloud_region() {
    let inputs = Inputs {
        compute: ComputeInput::Hardware {
            id: "a100-sxm4-80gb".into(),
            devices: 1.0,
        },
        duration: DurationInput::Hours { hours: 10.0 },
        pue: Some(1.0),
        market_pct: Some(0.0),
        ..Inputs::default()
    };
    let e = run(&inputs);
    // 400 W × 10 h = 4 kWh × 385 g/kWh = 1.54 kg.
    assert!(close(e.energy.total.0, 4.0));
    assert!(close(e.location_based.0, 1.54));
}

/// Green Algorithms: E = t × (n_c × P_c × u_c + n_g × P_g × u_g + mem × 0.3725) × PUE × 0.001.
#[test]
fn green_algorithms_formula_is_reproduced_for_cpu_gpu_memory() {
    let inputs = Inputs {
        compute: ComputeInput::Hardware {
            id: "v100".into(),
            devices: 1.0,
        },
        cpu: Some(CpuInput {
            id: "generic".into(),
            cores: 12.0,
            usage_pct: 100.0,
        }),
        memory_gb: Some(64.0),
        duration: DurationInput::Hours { hours: 12.0 },
        location: LocationInput::Custom {
            intensity: 231.12,
            data_centre: DataCentre::Unknown,
        },
        pue: Some(1.67),
        ..Inputs::default()
    };
    let e = run(&inputs);
    // 12 × 12 W + 300 W + 64 × 0.3725 W = 467.84 W; × 12 h × 1.67 / 1000 = 9.3755136 kWh.
    assert!(close(e.power.cpu.0, 144.0));
    assert!(close(e.power.memory.0, 23.84));
    assert!(close(e.energy.total.0, 9.3755136));
    assert!(close(e.location_based.0, 9.3755136 * 231.12 / 1000.0));
    assert!(close(
        e.energy.it.0 + e.energy.pue_overhead.0,
        e.energy.total.0
    ));
    assert!(close(
        e.energy.accelerators.0 + e.energy.cpu.0 + e.energy.memory.0,
        e.energy.it.0
    ));
}

#[test]
fn cpu_model_uses_tdp_per_core_and_usage() {
    let inputs = Inputs {
        cpu: Some(CpuInput {
            id: "xeon-8480".into(),
            cores: 28.0,
            usage_pct: 50.0,
        }),
        ..Inputs::default()
    };
    let e = run(&inputs);
    // 350 W / 56 cores × 28 cores × 50 % = 87.5 W.
    assert!(close(e.power.cpu.0, 87.5));
}

#[test]
fn default_job_numbers_and_market_based_beside_location_based() {
    let e = run(&Inputs::default());
    // 8 × 400 W × 24 h = 76.8 kWh IT; × 1.135 = 87.168 kWh; × 385 g = 33.55968 kg.
    assert!(close(e.energy.it.0, 76.8));
    assert!(close(e.energy.total.0, 87.168));
    assert!(close(e.location_based.0, 33.55968));
    // aws publishes 60 %: market-based = 40 % of location-based, location-based unchanged.
    assert!(close(e.market_based.0, 33.55968 * 0.4));
    assert_eq!(e.market_share, Percent(60.0));
    assert_eq!(e.device_hours, DeviceHours(192.0));
    assert!(e
        .trace
        .steps
        .iter()
        .any(|s| s.sources.contains(&"aws-mkt".to_string())));
    assert!(e
        .trace
        .steps
        .iter()
        .any(|s| s.sources.contains(&"aws-pue".to_string())));
}

#[test]
fn user_market_share_overrides_provider_and_never_changes_location_based() {
    let base = run(&Inputs::default());
    let e = run(&Inputs {
        market_pct: Some(25.0),
        ..Inputs::default()
    });
    assert_eq!(e.location_based, base.location_based);
    assert!(close(e.market_based.0, base.location_based.0 * 0.75));
}

#[test]
fn pue_defaults_by_place() {
    let f = factors();
    let personal = Inputs {
        location: LocationInput::Zone {
            zone: "FR".into(),
            data_centre: DataCentre::Personal,
        },
        ..Inputs::default()
    };
    let job = validate(&personal, &f).unwrap();
    assert_eq!(job.site.pue.central, Pue(1.0));
    assert_eq!(job.site.pue_basis, PueBasis::Personal);
    let unknown = Inputs {
        location: LocationInput::Zone {
            zone: "FR".into(),
            data_centre: DataCentre::Unknown,
        },
        ..Inputs::default()
    };
    let job = validate(&unknown, &f).unwrap();
    assert_eq!(
        job.site.pue,
        Interval {
            low: Pue(1.4),
            central: Pue(1.56),
            high: Pue(1.8)
        }
    );
    let gcp = Inputs {
        location: LocationInput::Cloud {
            provider: "gcp".into(),
            region: "europe-west9".into(),
        },
        ..Inputs::default()
    };
    let job = validate(&gcp, &f).unwrap();
    assert_eq!(
        job.site.pue.central,
        Pue(1.09),
        "region's own PUE wins over the provider's"
    );
    assert_eq!(
        job.market.share,
        Percent(0.0),
        "gcp has no published market figure"
    );
}

#[test]
fn instance_expands_to_its_accelerators() {
    let inputs = Inputs {
        compute: ComputeInput::Instance {
            id: "p4de.24xlarge".into(),
            count: 2.0,
        },
        ..Inputs::default()
    };
    let job = validate(&inputs, &factors()).unwrap();
    assert_eq!(job.devices, 16);
    assert_eq!(job.accelerator.id, "a100-sxm4-80gb");
}

#[test]
fn measured_power_overrides_tdp_times_utilization() {
    let e = run(&Inputs {
        power_w: Some(250.0),
        utilization_pct: Some(50.0),
        ..Inputs::default()
    });
    assert!(close(e.power.accelerators.0, 2000.0));
    let band = e.uncertainty.inputs.device_power;
    assert!(close(band.low.0, 225.0) && close(band.high.0, 275.0));
}

#[test]
fn flops_workload_derives_hours_from_peak_dense_throughput() {
    let inputs = Inputs {
        duration: DurationInput::Training {
            parameters: 7e9,
            tokens: 1e12,
            mfu_pct: 40.0,
        },
        ..Inputs::default()
    };
    let e = run(&inputs);
    // 6 × 7e9 × 1e12 FLOP ÷ (8 × 312e12 × 0.4 FLOP/s) ÷ 3600.
    let hours = 4.2e22 / (8.0 * 312e12 * 0.4) / 3600.0;
    assert!(close(e.hours_per_run.0, hours));
    assert!(e.trace.steps.iter().any(|s| s.label == "Hours per run"));
    let same = run(&Inputs {
        duration: DurationInput::Flops {
            flops: 4.2e22,
            mfu_pct: 40.0,
        },
        ..Inputs::default()
    });
    assert!(close(same.location_based.0, e.location_based.0));
}

#[test]
fn uncertainty_bounds_are_the_products_of_the_documented_ranges() {
    let e = run(&Inputs::default());
    let u = &e.uncertainty;
    // draw 60–100 % of 400 W, PUE 1.1–1.2, intensity 360–420.
    let low = 8.0 * 240.0 * 24.0 / 1000.0 * 1.1 * 360.0 / 1000.0;
    let high = 8.0 * 400.0 * 24.0 / 1000.0 * 1.2 * 420.0 / 1000.0;
    assert!(close(u.location_based.low.0, low));
    assert!(close(u.location_based.central.0, e.location_based.0));
    assert!(close(u.location_based.high.0, high));
    assert!(close(u.market_based.high.0, high * 0.4));
    assert!(u.energy.low.0 <= u.energy.central.0 && u.energy.central.0 <= u.energy.high.0);
}

#[test]
fn sensitivity_is_sorted_by_swing_and_one_at_a_time() {
    let e = run(&Inputs::default());
    let s = &e.sensitivity;
    assert_eq!(s.len(), 3);
    assert!(s.windows(2).all(|w| w[0].swing.0 >= w[1].swing.0));
    assert_eq!(s[0].input, UncertainInput::DevicePower);
    let c = e.location_based.0;
    let pue = s.iter().find(|x| x.input == UncertainInput::Pue).unwrap();
    assert!(close(pue.emissions_low.0, c / 1.135 * 1.1));
    assert!(close(pue.emissions_high.0, c / 1.135 * 1.2));
    // Exact inputs have no bar: a custom intensity with a typed PUE leaves only the power draw.
    let e = run(&Inputs {
        location: LocationInput::Custom {
            intensity: 100.0,
            data_centre: DataCentre::Unknown,
        },
        pue: Some(1.2),
        ..Inputs::default()
    });
    assert_eq!(e.sensitivity.len(), 1);
}

#[test]
fn equivalents_divide_by_kg_per_unit() {
    let e = run(&Inputs::default());
    let car = e.equivalents.iter().find(|q| q.id == "car_km").unwrap();
    assert!(close(car.count, e.location_based.0 / 0.251));
    assert!(car.text.ends_with("km by car"));
}

#[test]
fn trace_reads_like_the_formula() {
    let e = run(&Inputs::default());
    let first = &e.trace.steps[0];
    assert_eq!(first.label, "Accelerator power");
    assert_eq!(first.expression, "8 × 400 W × 100 %");
    assert_eq!(first.result, "3,200 W");
    assert_eq!(first.sources, vec!["hw".to_string()]);
    assert_eq!(
        e.trace.summary,
        "8 × 400 W × 100 % × 24 h × 1.135 PUE = 87.17 kWh × 385 g/kWh = 33.56 kg"
    );
}

#[test]
fn inputs_round_trip_through_json_and_default_from_empty() {
    let inputs = Inputs {
        cpu: Some(CpuInput::default()),
        memory_gb: Some(32.0),
        duration: DurationInput::Training {
            parameters: 1e9,
            tokens: 2e10,
            mfu_pct: 35.0,
        },
        ..Inputs::default()
    };
    let json = serde_json::to_string(&inputs).unwrap();
    let back: Inputs = serde_json::from_str(&json).unwrap();
    assert_eq!(back, inputs);
    let empty: Inputs = serde_json::from_str("{}").unwrap();
    assert_eq!(empty, Inputs::default());
    let default_json = serde_json::to_value(Inputs::default()).unwrap();
    assert_eq!(default_json["compute"]["kind"], "hardware");
    assert_eq!(default_json["compute"]["id"], "a100-sxm4-80gb");
    assert_eq!(default_json["location"]["region"], "us-east-1");
}

#[test]
fn estimate_serialises_to_json() {
    let e = run(&Inputs::default());
    let v = serde_json::to_value(&e).unwrap();
    assert!(v["location_based"].as_f64().unwrap() > 0.0);
    assert!(v["trace"]["steps"].as_array().unwrap().len() >= 4);
}

#[test]
fn azure_codes_and_instance_spellings_are_found() {
    let mut ds = common::fixture();
    let mut provider = ds.providers[1].clone();
    provider.id = "azure".into();
    ds.providers.push(provider);
    ds.regions.push(common::region(
        "azure",
        "westeurope",
        "FR",
        56.0,
        50.0,
        70.0,
        None,
    ));
    let mut inst = ds.instances[0].clone();
    inst.id = "standard-nd96asr-v4".into();
    ds.instances.push(inst);
    let f = Factors::new(&ds);
    assert!(f.region("azure", "WestEurope").is_some());
    assert!(
        f.region("aws", "US-EAST-1").is_none(),
        "other providers match exactly"
    );
    assert!(f.instance("Standard_ND96asr_v4").is_some());
    let inputs = Inputs {
        compute: ComputeInput::Instance {
            id: "Standard_ND96asr_v4".into(),
            count: 1.0,
        },
        location: LocationInput::Cloud {
            provider: "azure".into(),
            region: "WestEurope".into(),
        },
        ..Inputs::default()
    };
    let job = validate(&inputs, &f).unwrap();
    let a = alternatives(&job, &f);
    assert!(a
        .regions
        .iter()
        .any(|r| r.is_current && &*r.code == "westeurope"));
}

#[test]
fn instance_host_prefills_cpu_and_memory() {
    let f = factors();
    let host = f.instance_host("p4de.24xlarge").unwrap();
    assert_eq!(host.cpu.id, "generic", "the fixture instance names no CPU");
    assert_eq!(host.cpu.cores, 48.0);
    assert_eq!(host.memory, Gigabytes(1152.0));
    assert!(f.instance_host("nope").is_none());
}
