//! Property tests: no input, however bad, panics; valid inputs give finite, ordered, monotone,
//! linear results.

mod common;

use emissions_core::model::inputs::*;
use emissions_core::model::*;
use proptest::prelude::*;
use std::sync::OnceLock;

fn factors() -> &'static Factors {
    static F: OnceLock<Factors> = OnceLock::new();
    F.get_or_init(|| Factors::new(&common::fixture()))
}

/// Any f64 a form could produce: ordinary, edge, NaN, infinities, huge and tiny.
fn any_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => -10.0..1e4f64,
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(f64::NEG_INFINITY),
        1 => Just(0.0),
        1 => Just(-0.0),
        1 => Just(f64::MAX),
        1 => Just(f64::MIN_POSITIVE),
        1 => Just(1e300),
        2 => any::<f64>(),
    ]
}

fn any_id() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("a100-sxm4-80gb".to_string()),
        Just("mystery-npu".to_string()),
        Just("t4".to_string()),
        Just("p4de.24xlarge".to_string()),
        Just("generic".to_string()),
        Just("xeon-8480".to_string()),
        Just(String::new()),
        "[a-z0-9.-]{0,12}",
    ]
}

fn any_inputs() -> impl Strategy<Value = Inputs> {
    let compute = prop_oneof![
        (any_id(), any_number()).prop_map(|(id, devices)| ComputeInput::Hardware { id, devices }),
        (any_id(), any_number()).prop_map(|(id, count)| ComputeInput::Instance { id, count }),
    ];
    let duration = prop_oneof![
        any_number().prop_map(|hours| DurationInput::Hours { hours }),
        (any_number(), any_number()).prop_map(|(f, mfu_pct)| DurationInput::Flops {
            flops: f * 1e18,
            mfu_pct
        }),
        (any_number(), any_number(), any_number()).prop_map(|(p, t, mfu_pct)| {
            DurationInput::Training {
                parameters: p * 1e6,
                tokens: t * 1e8,
                mfu_pct,
            }
        }),
    ];
    let zones = prop_oneof![Just("FR"), Just("PL"), Just("nowhere")].prop_map(String::from);
    let dc = prop_oneof![Just(DataCentre::Personal), Just(DataCentre::Unknown)];
    let location = prop_oneof![
        (
            prop_oneof![Just("aws"), Just("gcp"), Just("x")],
            prop_oneof![
                Just("us-east-1"),
                Just("europe-west9"),
                Just("eu-north-1"),
                Just("nope")
            ]
        )
            .prop_map(|(p, r)| LocationInput::Cloud {
                provider: p.into(),
                region: r.into()
            }),
        (zones, dc.clone())
            .prop_map(|(zone, data_centre)| LocationInput::Zone { zone, data_centre }),
        (any_number(), dc).prop_map(|(intensity, data_centre)| LocationInput::Custom {
            intensity,
            data_centre
        }),
    ];
    let cpu = proptest::option::of((any_id(), any_number(), any_number()).prop_map(
        |(id, cores, usage_pct)| CpuInput {
            id,
            cores,
            usage_pct,
        },
    ));
    (
        compute,
        proptest::option::of(any_number()),
        any_number(),
        cpu,
        proptest::option::of(any_number()),
        duration,
        any_number(),
        location,
        proptest::option::of(any_number()),
        proptest::option::of(any_number()),
    )
        .prop_map(
            |(
                compute,
                power_w,
                utilization_pct,
                cpu,
                memory_gb,
                duration,
                runs,
                location,
                pue,
                market_pct,
            )| {
                Inputs {
                    compute,
                    power_w,
                    utilization_pct: Some(utilization_pct),
                    job_kind: Default::default(),
                    cpu,
                    memory_gb,
                    duration,
                    runs,
                    location,
                    pue,
                    market_pct,
                    lifecycle: Default::default(),
                }
            },
        )
}

/// Plausible valid inputs on the fixture.
fn valid_inputs() -> impl Strategy<Value = Inputs> {
    (
        prop_oneof![
            Just("a100-sxm4-80gb"),
            Just("v100"),
            Just("h100-sxm"),
            Just("t4")
        ],
        1u32..5000,
        1.0..100.0f64,
        0.01..1e5f64,
        1u32..100,
        prop_oneof![Just("us-east-1"), Just("eu-west-3"), Just("eu-north-1")],
        proptest::option::of(1.0..3.0f64),
        proptest::option::of(0.0..1e4f64),
    )
        .prop_map(|(hw, n, util, hours, runs, region, pue, mem)| Inputs {
            compute: ComputeInput::Hardware {
                id: hw.into(),
                devices: f64::from(n),
            },
            utilization_pct: Some(util),
            duration: DurationInput::Hours { hours },
            runs: f64::from(runs),
            location: LocationInput::Cloud {
                provider: "aws".into(),
                region: region.into(),
            },
            pue,
            memory_gb: mem,
            cpu: Some(CpuInput {
                id: "generic".into(),
                cores: 4.0,
                usage_pct: 50.0,
            }),
            ..Inputs::default()
        })
}

fn finite_and_ordered<T: Copy>(i: Interval<T>, v: impl Fn(T) -> f64) -> bool {
    let (l, c, h) = (v(i.low), v(i.central), v(i.high));
    l.is_finite() && c.is_finite() && h.is_finite() && l >= 0.0 && l <= c && c <= h
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Whatever comes in, validation answers and a validated job yields finite, ordered results.
    #[test]
    fn never_panics_and_results_are_finite(inputs in any_inputs()) {
        let f = factors();
        match validate(&inputs, f) {
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                for e in &errors {
                    prop_assert!(!e.to_string().is_empty());
                }
            }
            Ok(job) => {
                let e = estimate(&job, f);
                prop_assert!(e.energy.total.0.is_finite() && e.energy.total.0 >= 0.0);
                prop_assert!(e.location_based.0.is_finite() && e.location_based.0 >= 0.0);
                prop_assert!(e.market_based.0 <= e.location_based.0 + 1e-9);
                prop_assert!(finite_and_ordered(e.uncertainty.energy, |x| x.0));
                prop_assert!(finite_and_ordered(e.uncertainty.location_based, |x| x.0));
                prop_assert!(finite_and_ordered(e.uncertainty.market_based, |x| x.0));
                for s in &e.sensitivity {
                    prop_assert!(s.swing.0.is_finite() && s.swing.0 >= 0.0);
                }
                let a = alternatives(&job, f);
                for r in &a.regions {
                    prop_assert!(r.emissions.0.is_finite() && r.saving_pct.0.is_finite());
                }
                for h in &a.hardware {
                    prop_assert!(h.emissions.0.is_finite() && h.hours_per_run.0.is_finite());
                }
            }
        }
    }

    /// Arbitrary JSON objects never panic the deserialiser or the model.
    #[test]
    fn arbitrary_json_never_panics(s in "\\{(\"[a-z_]{1,12}\":(-?[0-9]{1,6}(\\.[0-9]+)?|null|\"[a-z0-9-]{0,8}\"),?){0,6}\\}") {
        if let Ok(inputs) = serde_json::from_str::<Inputs>(&s) {
            let _ = calculate(&inputs, factors());
        }
    }

    /// Doubling the hours doubles the energy and the emissions (and so does doubling the runs).
    #[test]
    fn linear_in_hours_and_runs(inputs in valid_inputs()) {
        let f = factors();
        let base = calculate(&inputs, f).unwrap();
        let DurationInput::Hours { hours } = inputs.duration else { unreachable!() };
        let twice = Inputs { duration: DurationInput::Hours { hours: hours * 2.0 }, ..inputs.clone() };
        let twice = calculate(&twice, f).unwrap();
        let rel = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(1.0);
        prop_assert!(rel(twice.energy.total.0, 2.0 * base.energy.total.0));
        prop_assert!(rel(twice.location_based.0, 2.0 * base.location_based.0));
        prop_assert!(rel(twice.uncertainty.location_based.high.0, 2.0 * base.uncertainty.location_based.high.0));
        let runs = Inputs { runs: inputs.runs * 2.0, ..inputs.clone() };
        let runs = calculate(&runs, f).unwrap();
        prop_assert!(rel(runs.energy.total.0, 2.0 * base.energy.total.0));
    }

    /// More devices, more utilization or a higher PUE never lowers the emissions; the central value
    /// stays inside its range.
    #[test]
    fn monotone_in_devices_utilization_and_pue(inputs in valid_inputs()) {
        let f = factors();
        let base = calculate(&inputs, f).unwrap();
        let ComputeInput::Hardware { id, devices } = inputs.compute.clone() else { unreachable!() };
        let more = Inputs { compute: ComputeInput::Hardware { id, devices: devices + 1.0 }, ..inputs.clone() };
        prop_assert!(calculate(&more, f).unwrap().location_based.0 >= base.location_based.0);
        let hotter = Inputs { utilization_pct: inputs.utilization_pct.map(|u| (u + 1.0).min(100.0)), ..inputs.clone() };
        prop_assert!(calculate(&hotter, f).unwrap().location_based.0 >= base.location_based.0);
        let pue = Inputs { pue: Some(3.0), ..inputs.clone() };
        prop_assert!(calculate(&pue, f).unwrap().location_based.0 >= base.location_based.0 * (1.0 - 1e-12));
        let u = base.uncertainty.location_based;
        prop_assert!(u.low.0 <= base.location_based.0 && base.location_based.0 <= u.high.0);
    }
}
