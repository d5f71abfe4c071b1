//! Validation: every bad input is reported, with its field and a readable message.

mod common;

use emissions_core::model::inputs::*;
use emissions_core::model::*;

fn factors() -> Factors {
    Factors::new(&common::fixture())
}

fn errors(inputs: &Inputs) -> Vec<InputError> {
    match validate(inputs, &factors()) {
        Ok(job) => panic!("expected errors, got a job: {job:?}"),
        Err(e) => e,
    }
}

fn fields(inputs: &Inputs) -> Vec<Field> {
    errors(inputs).iter().map(|e| e.field).collect()
}

#[test]
fn default_inputs_are_valid() {
    assert!(validate(&Inputs::default(), &factors()).is_ok());
}

#[test]
fn negative_hours_message_is_readable() {
    let inputs = Inputs {
        duration: DurationInput::Hours { hours: -3.0 },
        ..Inputs::default()
    };
    let errs = errors(&inputs);
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].field, Field::Hours);
    assert_eq!(
        errs[0].to_string(),
        "Hours must be a positive number (got -3)"
    );
}

#[test]
fn every_error_is_reported_at_once() {
    let inputs = Inputs {
        compute: ComputeInput::Hardware {
            id: "nope".into(),
            devices: 0.0,
        },
        power_w: Some(f64::NAN),
        runs: 1.5,
        duration: DurationInput::Hours {
            hours: f64::INFINITY,
        },
        location: LocationInput::Cloud {
            provider: "aws".into(),
            region: "mars-1".into(),
        },
        pue: Some(0.5),
        market_pct: Some(120.0),
        cpu: Some(CpuInput {
            id: "unknown-cpu".into(),
            cores: -1.0,
            usage_pct: 0.0,
        }),
        memory_gb: Some(-4.0),
        ..Inputs::default()
    };
    let f = fields(&inputs);
    for expected in [
        Field::Hardware,
        Field::Devices,
        Field::Power,
        Field::Runs,
        Field::Hours,
        Field::Region,
        Field::Pue,
        Field::MarketPct,
        Field::Cpu,
        Field::CpuCores,
        Field::CpuUsage,
        Field::Memory,
    ] {
        assert!(f.contains(&expected), "missing {expected:?} in {f:?}");
    }
}

#[test]
fn absurd_sizes_are_rejected() {
    let many = Inputs {
        compute: ComputeInput::Hardware {
            id: "v100".into(),
            devices: 2e6,
        },
        duration: DurationInput::Hours { hours: 2e7 },
        ..Inputs::default()
    };
    let errs = errors(&many);
    assert_eq!(errs.len(), 2);
    assert!(
        errs[0].to_string().contains("implausibly large"),
        "{}",
        errs[0]
    );
    // Instances multiply: 200,000 × 8 devices > 1,000,000.
    let instances = Inputs {
        compute: ComputeInput::Instance {
            id: "p4de.24xlarge".into(),
            count: 200_000.0,
        },
        ..Inputs::default()
    };
    assert_eq!(fields(&instances), vec![Field::InstanceCount]);
}

#[test]
fn utilization_and_pue_ranges() {
    for u in [0.0, 0.5, 101.0, -10.0] {
        let inputs = Inputs {
            utilization_pct: Some(u),
            ..Inputs::default()
        };
        assert_eq!(fields(&inputs), vec![Field::Utilization], "utilization {u}");
    }
    for p in [0.9, 3.01, f64::NEG_INFINITY] {
        let inputs = Inputs {
            pue: Some(p),
            ..Inputs::default()
        };
        assert_eq!(fields(&inputs), vec![Field::Pue], "pue {p}");
    }
    let ok = Inputs {
        utilization_pct: Some(1.0),
        pue: Some(3.0),
        ..Inputs::default()
    };
    assert!(validate(&ok, &factors()).is_ok());
    let msg = errors(&Inputs {
        pue: Some(5.0),
        ..Inputs::default()
    })[0]
        .to_string();
    assert_eq!(msg, "PUE must be between 1 and 3 (got 5)");
}

#[test]
fn unknown_ids_name_the_id() {
    let zone = Inputs {
        location: LocationInput::Zone {
            zone: "ATLANTIS".into(),
            data_centre: DataCentre::Unknown,
        },
        ..Inputs::default()
    };
    let errs = errors(&zone);
    assert_eq!(errs[0].field, Field::Zone);
    assert_eq!(
        errs[0].to_string(),
        "Grid zone \"ATLANTIS\" is not in the dataset"
    );
    let provider = Inputs {
        location: LocationInput::Cloud {
            provider: "ibm".into(),
            region: "x".into(),
        },
        ..Inputs::default()
    };
    assert_eq!(fields(&provider), vec![Field::Provider]);
    let instance = Inputs {
        compute: ComputeInput::Instance {
            id: "nope.large".into(),
            count: 1.0,
        },
        ..Inputs::default()
    };
    assert_eq!(fields(&instance), vec![Field::Instance]);
}

#[test]
fn flops_workload_needs_throughput_and_plausible_hours() {
    let no_peak = Inputs {
        compute: ComputeInput::Hardware {
            id: "mystery-npu".into(),
            devices: 1.0,
        },
        duration: DurationInput::Flops {
            flops: 1e20,
            mfu_pct: 40.0,
        },
        ..Inputs::default()
    };
    let errs = errors(&no_peak);
    assert_eq!(errs[0].field, Field::Hardware);
    assert!(errs[0].to_string().contains("no known peak throughput"));
    // The same hardware is fine when the hours are given.
    let hours = Inputs {
        duration: DurationInput::Hours { hours: 5.0 },
        ..no_peak
    };
    assert!(validate(&hours, &factors()).is_ok());
    // 1e31 FLOP on one T4 at 0.1 % MFU is ~4e13 hours.
    let forever = Inputs {
        compute: ComputeInput::Hardware {
            id: "t4".into(),
            devices: 1.0,
        },
        duration: DurationInput::Flops {
            flops: 1e31,
            mfu_pct: 0.1,
        },
        ..Inputs::default()
    };
    assert_eq!(fields(&forever), vec![Field::Flops]);
    let training = Inputs {
        duration: DurationInput::Training {
            parameters: -1.0,
            tokens: f64::NAN,
            mfu_pct: 0.0,
        },
        ..Inputs::default()
    };
    assert_eq!(
        fields(&training),
        vec![Field::Parameters, Field::Tokens, Field::Mfu]
    );
}

#[test]
fn custom_intensity_range_and_zero_memory() {
    let bad = Inputs {
        location: LocationInput::Custom {
            intensity: -1.0,
            data_centre: DataCentre::Personal,
        },
        ..Inputs::default()
    };
    assert_eq!(fields(&bad), vec![Field::Intensity]);
    let zero_mem = Inputs {
        memory_gb: Some(0.0),
        ..Inputs::default()
    };
    assert!(validate(&zero_mem, &factors()).unwrap().memory.is_none());
}

#[test]
fn errors_serialise_with_field_names() {
    let errs = errors(&Inputs {
        runs: 0.0,
        ..Inputs::default()
    });
    let v = serde_json::to_value(&errs).unwrap();
    assert_eq!(v[0]["field"], "runs");
    assert_eq!(v[0]["problem"]["kind"], "not_positive");
}

#[test]
fn largest_accepted_job_stays_finite() {
    let inputs = Inputs {
        compute: ComputeInput::Hardware {
            id: "h100-sxm".into(),
            devices: 1e6,
        },
        power_w: Some(1e5),
        cpu: Some(CpuInput {
            id: "generic".into(),
            cores: 1e7,
            usage_pct: 100.0,
        }),
        memory_gb: Some(1e9),
        duration: DurationInput::Hours { hours: 1e7 },
        runs: 1e6,
        location: LocationInput::Custom {
            intensity: 3000.0,
            data_centre: DataCentre::Unknown,
        },
        pue: Some(3.0),
        ..Inputs::default()
    };
    let f = factors();
    let job = validate(&inputs, &f).unwrap();
    let e = estimate(&job, &f);
    assert!(e.location_based.0.is_finite() && e.uncertainty.location_based.high.0.is_finite());
    let a = alternatives(&job, &f);
    assert!(a.hardware.iter().all(|h| h.emissions.0.is_finite()));
    assert!(!e.trace.summary.contains('—'));
}

#[test]
fn limits_read_with_thousands_separators() {
    let inputs = Inputs {
        compute: ComputeInput::Hardware {
            id: "v100".into(),
            devices: 2e6,
        },
        ..Inputs::default()
    };
    assert_eq!(
        errors(&inputs)[0].to_string(),
        "Number of devices is implausibly large: at most 1,000,000 is accepted (got 2,000,000)"
    );
    let nan = Inputs {
        runs: f64::NAN,
        ..Inputs::default()
    };
    assert_eq!(
        errors(&nan)[0].to_string(),
        "Number of runs must be a number (got NaN)"
    );
}
