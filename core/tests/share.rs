//! Native tests of the share-link codec: examples, problems, round trips and arbitrary input.

use emissions_core::dataset::DATASET_VERSION;
use emissions_core::model::lifecycle::LifecycleInputs;
use emissions_core::model::{
    ComputeInput, CpuInput, DataCentre, DurationInput, Inputs, JobKind, LocationInput,
};
use emissions_core::share::{
    decode, encode, from_query, names_inputs, to_query, to_query_citing, CitedFigures, ParamIssue,
};
use emissions_core::units::{KgCo2e, Kwh};
use proptest::prelude::*;

#[test]
fn defaults_write_only_the_data_version() {
    assert_eq!(to_query(&Inputs::default(), "2026.11"), "data=2026.11");
    let d = from_query("");
    assert_eq!(d.inputs, Inputs::default());
    assert!(d.problems.is_empty());
    assert_eq!(d.version, None);
    assert!(d.cited.is_empty());
}

#[test]
fn cited_figures_follow_the_version_and_round_trip() {
    let inputs = Inputs {
        runs: 3.0,
        ..Inputs::default()
    };
    let cited = CitedFigures {
        kg: Some(KgCo2e(1_234.567_891)),
        kwh: Some(Kwh(4321.0)),
    };
    let q = to_query_citing(&inputs, "2026.11", &cited);
    assert_eq!(q, "runs=3&data=2026.11&kg=1234.57&kwh=4321");
    let d = from_query(&q);
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    assert_eq!(d.inputs, inputs);
    assert_eq!(d.version.as_deref(), Some("2026.11"));
    assert_eq!(d.cited.kg, Some(KgCo2e(1234.57)));
    assert_eq!(d.cited.kwh, Some(Kwh(4321.0)));
    // Without figures the link is what `to_query` writes.
    assert_eq!(
        to_query_citing(&inputs, "v", &CitedFigures::default()),
        to_query(&inputs, "v")
    );
}

#[test]
fn cited_figures_are_optional_informational_and_checked() {
    let old = from_query("runs=2&data=2020.01");
    assert!(old.problems.is_empty());
    assert!(old.cited.is_empty(), "links made before figures carry none");
    let one = from_query("data=2020.01&kg=123.4");
    assert!(one.problems.is_empty());
    assert_eq!(one.cited.kg, Some(KgCo2e(123.4)));
    assert_eq!(one.cited.kwh, None);
    // Figures never change the inputs.
    assert_eq!(from_query("kg=1&kwh=2").inputs, Inputs::default());
    for bad in ["kg=abc", "kg=", "kg=NaN", "kg=inf", "kwh=1e400"] {
        let d = from_query(bad);
        let param = bad.split('=').next().unwrap_or_default();
        assert_eq!(d.problems.len(), 1, "{bad}: {:?}", d.problems);
        assert_eq!(d.problems[0].param, param);
        assert!(matches!(d.problems[0].issue, ParamIssue::BadFigure { .. }));
        assert!(d.problems[0].to_string().contains("not shown"), "{bad}");
        assert!(d.cited.is_empty());
    }
}

#[test]
fn only_input_parameters_make_a_share_link() {
    assert!(!names_inputs(""));
    assert!(!names_inputs("?data=2026.11"));
    assert!(!names_inputs("data=2026.11&kg=12.5&kwh=40"));
    assert!(names_inputs("data=2026.11&runs=2"));
    assert!(names_inputs("?h=5"));
    assert!(
        names_inputs("utm_source=x"),
        "unknown parameters are reported, so they count"
    );
}

#[test]
fn documented_example_decodes() {
    let d =
        from_query("?hw=v100-sxm2-32gb&n=4&h=120&runs=3&loc=grid/FR&pue=1.2&mkt=0&data=2026.11");
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    let i = d.inputs;
    assert_eq!(
        i.compute,
        ComputeInput::Hardware {
            id: "v100-sxm2-32gb".into(),
            devices: 4.0
        }
    );
    assert_eq!(i.duration, DurationInput::Hours { hours: 120.0 });
    assert_eq!(i.runs, 3.0);
    assert_eq!(
        i.location,
        LocationInput::Zone {
            zone: "FR".into(),
            data_centre: DataCentre::Unknown
        }
    );
    assert_eq!(i.pue, Some(1.2));
    assert_eq!(i.market_pct, Some(0.0));
    assert_eq!(d.version.as_deref(), Some("2026.11"));
}

#[test]
fn stable_order_and_encoding() {
    let inputs = Inputs {
        compute: ComputeInput::Instance {
            id: "p4d.24xlarge".into(),
            count: 2.0,
        },
        duration: DurationInput::Flops {
            flops: 3.14e23,
            mfu_pct: 35.0,
        },
        runs: 5.0,
        cpu: Some(CpuInput {
            id: "generic".into(),
            cores: 48.0,
            usage_pct: 100.0,
        }),
        memory_gb: Some(1152.0),
        location: LocationInput::Cloud {
            provider: "gcp".into(),
            region: "europe-west1".into(),
        },
        ..Inputs::default()
    };
    assert_eq!(
        to_query(&inputs, DATASET_VERSION),
        format!(
            "inst=p4d.24xlarge&n=2&flops=314000000000000000000000&mfu=35&runs=5&cpu=generic&\
             cores=48&mem=1152&loc=gcp/europe-west1&data={DATASET_VERSION}"
        )
    );
    assert_eq!(encode("a b/ü&="), "a%20b%2F%C3%BC%26%3D");
    assert_eq!(decode("a+b%2F%C3%BC%zz%"), "a b/ü%zz%");
}

#[test]
fn problems_are_reported_and_defaults_used() {
    let d = from_query("h=abc&h=5&foo=1&loc=nowhere&n=&hw=&mfu=30&cores=NaN");
    let issues: Vec<(&str, &ParamIssue)> = d
        .problems
        .iter()
        .map(|p| (p.param.as_str(), &p.issue))
        .collect();
    assert!(issues.contains(&("h", &ParamIssue::Duplicate)));
    assert!(issues.contains(&("foo", &ParamIssue::Unknown)));
    assert!(issues
        .iter()
        .any(|(p, i)| *p == "h" && matches!(i, ParamIssue::NotANumber { .. })));
    assert!(issues
        .iter()
        .any(|(p, i)| *p == "loc" && matches!(i, ParamIssue::BadLocation { .. })));
    assert!(issues
        .iter()
        .any(|(p, i)| *p == "n" && matches!(i, ParamIssue::NotANumber { .. })));
    assert!(issues.contains(&("hw", &ParamIssue::Empty)));
    assert!(issues
        .iter()
        .any(|(p, i)| *p == "mfu" && matches!(i, ParamIssue::Ignored { .. })));
    assert!(issues
        .iter()
        .any(|(p, i)| *p == "cores" && matches!(i, ParamIssue::NotANumber { .. })));
    assert_eq!(d.inputs.duration, Inputs::default().duration);
    assert_eq!(d.inputs.location, Inputs::default().location);
    // Messages are sentences naming the parameter.
    assert!(d.problems.iter().all(|p| p.to_string().contains(&p.param)));
}

#[test]
fn ci_overrides_the_location_and_reports_it() {
    let d = from_query("loc=aws/us-east-1&ci=50");
    assert_eq!(
        d.inputs.location,
        LocationInput::Custom {
            intensity: 50.0,
            data_centre: DataCentre::Unknown
        }
    );
    assert_eq!(d.problems.len(), 1);
    assert_eq!(d.problems[0].param, "loc");
    let alone = from_query("ci=50");
    assert!(alone.problems.is_empty());
}

#[test]
fn training_workload_is_written_as_flops() {
    let inputs = Inputs {
        duration: DurationInput::Training {
            parameters: 1e9,
            tokens: 2e10,
            mfu_pct: 40.0,
        },
        ..Inputs::default()
    };
    let d = from_query(&to_query(&inputs, "x"));
    assert_eq!(
        d.inputs.duration,
        DurationInput::Flops {
            flops: 1.2e20,
            mfu_pct: 40.0
        }
    );
}

#[test]
fn personal_machine_is_written_as_pue_one() {
    let inputs = Inputs {
        location: LocationInput::Zone {
            zone: "DE".into(),
            data_centre: DataCentre::Personal,
        },
        ..Inputs::default()
    };
    assert_eq!(to_query(&inputs, "v"), "loc=grid/DE&pue=1&data=v");
}

fn id() -> impl Strategy<Value = String> {
    // Any non-empty text, including separators and non-ASCII, must survive percent-encoding.
    "[^\u{0}]{1,12}".prop_filter("not the grid prefix", |s| s != "grid")
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-1e6f64..1e6),
        (0.0f64..1e25),
        Just(0.0),
        Just(1.0),
        (1u32..10_000).prop_map(f64::from)
    ]
}

fn inputs() -> impl Strategy<Value = Inputs> {
    let compute = prop_oneof![
        (id(), number()).prop_map(|(id, devices)| ComputeInput::Hardware { id, devices }),
        (id(), number()).prop_map(|(id, count)| ComputeInput::Instance { id, count }),
    ];
    let duration = prop_oneof![
        number().prop_map(|hours| DurationInput::Hours { hours }),
        (number(), number()).prop_map(|(flops, mfu_pct)| DurationInput::Flops { flops, mfu_pct }),
    ];
    let location = prop_oneof![
        (id(), id()).prop_map(|(provider, region)| LocationInput::Cloud { provider, region }),
        id().prop_map(|zone| LocationInput::Zone {
            zone,
            data_centre: DataCentre::Unknown
        }),
        number().prop_map(|intensity| LocationInput::Custom {
            intensity,
            data_centre: DataCentre::Unknown
        }),
    ];
    let cpu = proptest::option::of((id(), number()).prop_map(|(id, cores)| CpuInput {
        id,
        cores,
        usage_pct: 100.0,
    }));
    let opt = || proptest::option::of(number());
    (
        compute,
        duration,
        number(),
        opt(),
        opt(),
        cpu,
        opt(),
        location,
        opt(),
        opt(),
        prop_oneof![
            Just(JobKind::Unknown),
            Just(JobKind::Pretrain),
            Just(JobKind::Finetune)
        ],
        (opt(), opt(), opt(), opt(), opt(), opt(), opt()),
    )
        .prop_map(
            |(
                compute,
                duration,
                runs,
                power_w,
                util,
                cpu,
                memory_gb,
                location,
                pue,
                market_pct,
                job_kind,
                (life_years, use_pct, emb_dev_kg, emb_host_kg, per_host, dev_pct, wue_l_per_kwh),
            )| {
                Inputs {
                    compute,
                    power_w,
                    utilization_pct: util,
                    job_kind,
                    cpu,
                    memory_gb,
                    duration,
                    runs,
                    location,
                    pue,
                    market_pct,
                    lifecycle: LifecycleInputs {
                        life_years,
                        use_pct,
                        emb_dev_kg,
                        emb_host_kg,
                        per_host,
                        dev_pct,
                        wue_l_per_kwh,
                    },
                }
            },
        )
}

proptest! {
    #[test]
    fn round_trip(
        inputs in inputs(),
        version in "[0-9a-z.]{1,10}",
        kg in proptest::option::of(number()),
        kwh in proptest::option::of(number()),
    ) {
        let cited = CitedFigures { kg: kg.map(KgCo2e), kwh: kwh.map(Kwh) };
        let q = to_query_citing(&inputs, &version, &cited);
        let d = from_query(&q);
        prop_assert!(d.problems.is_empty(), "{q}: {:?}", d.problems);
        prop_assert_eq!(&d.inputs, &inputs);
        prop_assert_eq!(d.version, Some(version));
        prop_assert_eq!(from_query(&to_query(&inputs, "v")).inputs, inputs);
        // The figures come back with 6 significant digits.
        for (sent, got) in [(kg, d.cited.kg.map(|k| k.0)), (kwh, d.cited.kwh.map(|k| k.0))] {
            prop_assert_eq!(sent.is_some(), got.is_some());
            if let (Some(a), Some(b)) = (sent, got) {
                prop_assert!((a - b).abs() <= 5e-6 * a.abs(), "{a} vs {b}");
            }
        }
        // Stable: writing the decoded inputs again gives the same string.
        prop_assert_eq!(to_query(&from_query(&q).inputs, "v"), to_query(&from_query(&q).inputs, "v"));
    }

    #[test]
    fn any_string_decodes_without_panicking(q in "\\PC*") {
        let d = from_query(&q);
        for p in &d.problems {
            prop_assert!(!p.to_string().is_empty());
        }
    }

    #[test]
    fn any_query_like_string_decodes(q in "([a-z%]{0,5}=?[a-z0-9%/.+-]{0,8}&?){0,8}") {
        let _ = from_query(&q);
    }

    #[test]
    fn decode_inverts_encode(s in "\\PC*") {
        prop_assert_eq!(decode(&encode(&s)), s);
    }
}
