//! The alternatives table: regions, zones and accelerators, sorted, with savings; and its speed.

mod common;

use emissions_core::model::inputs::*;
use emissions_core::model::*;
use std::time::Instant;

fn factors() -> Factors {
    Factors::new(&common::fixture())
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn table(inputs: &Inputs, f: &Factors) -> (Estimate, Alternatives) {
    let job = validate(inputs, f).unwrap();
    (estimate(&job, f), alternatives(&job, f))
}

#[test]
fn regions_sorted_with_savings_and_own_pue() {
    let f = factors();
    let (e, a) = table(&Inputs::default(), &f);
    assert_eq!(a.regions.len(), 5);
    assert!(a
        .regions
        .windows(2)
        .all(|w| w[0].emissions.0 <= w[1].emissions.0));
    assert!(close(a.current.0, e.location_based.0));
    let current: Vec<_> = a.regions.iter().filter(|r| r.is_current).collect();
    assert_eq!(current.len(), 1);
    assert!(close(current[0].saving.0, 0.0));
    // aws eu-north-1: 76.8 kWh IT × 1.135 × 30 g/kWh.
    let se = a.regions.iter().find(|r| &*r.code == "eu-north-1").unwrap();
    assert!(close(se.emissions.0, 76.8 * 1.135 * 30.0 / 1000.0));
    assert!(close(se.saving_pct.0, (1.0 - 30.0 / 385.0) * 100.0));
    let gcp_fr = a
        .regions
        .iter()
        .find(|r| &*r.code == "europe-west9")
        .unwrap();
    assert_eq!(gcp_fr.pue.0, 1.09);
    assert_eq!(&*a.cleanest_overall.as_ref().unwrap().code, "eu-north-1");
    assert_eq!(&*a.cleanest_same_provider.as_ref().unwrap().provider, "aws");
}

#[test]
fn cleaner_region_never_costs_more() {
    let f = factors();
    let (_, a) = table(&Inputs::default(), &f);
    for x in &a.regions {
        for y in &a.regions {
            if x.intensity.0 <= y.intensity.0 && x.pue.0 <= y.pue.0 {
                assert!(x.emissions.0 <= y.emissions.0);
            }
        }
    }
    for w in a.zones.windows(2) {
        assert!(w[0].intensity.0 <= w[1].intensity.0 && w[0].emissions.0 <= w[1].emissions.0);
    }
}

#[test]
fn zones_keep_the_current_pue_and_mark_the_current_zone() {
    let f = factors();
    let inputs = Inputs {
        location: LocationInput::Zone {
            zone: "PL".into(),
            data_centre: DataCentre::Personal,
        },
        ..Inputs::default()
    };
    let (e, a) = table(&inputs, &f);
    let pl = a.zones.iter().find(|z| &*z.id == "PL").unwrap();
    assert!(pl.is_current);
    assert!(close(pl.emissions.0, e.location_based.0));
    let fr = a.zones.iter().find(|z| &*z.id == "FR").unwrap();
    assert!(close(fr.emissions.0, e.energy.total.0 * 56.0 / 1000.0));
    assert!(a.cleanest_same_provider.is_none());
}

#[test]
fn hardware_with_hours_keeps_the_same_hours() {
    let f = factors();
    let (_, a) = table(&Inputs::default(), &f);
    assert!(a.same_hours);
    assert!(a.hardware_basis.starts_with("Same hours"));
    assert_eq!(
        a.hardware.len(),
        5,
        "every accelerator when hours are given"
    );
    assert!(a
        .hardware
        .iter()
        .all(|h| h.same_hours && h.hours_per_run.0 == 24.0));
    let t4 = a.hardware.iter().find(|h| &*h.id == "t4").unwrap();
    assert!(close(
        t4.emissions.0,
        8.0 * 70.0 * 24.0 / 1000.0 * 1.135 * 385.0 / 1000.0
    ));
    assert_eq!(
        &*a.hardware[0].id, "t4",
        "coolest chip first at equal hours"
    );
}

#[test]
fn hardware_with_flops_rescales_runtime_by_throughput() {
    let f = factors();
    let inputs = Inputs {
        duration: DurationInput::Flops {
            flops: 1e21,
            mfu_pct: 40.0,
        },
        ..Inputs::default()
    };
    let (e, a) = table(&inputs, &f);
    assert!(!a.same_hours);
    assert_eq!(
        a.hardware.len(),
        4,
        "the device without throughput is left out"
    );
    let h100 = a.hardware.iter().find(|h| &*h.id == "h100-sxm").unwrap();
    assert!(close(
        h100.hours_per_run.0,
        e.hours_per_run.0 * 312.0 / 989.0
    ));
    // Energy ∝ TDP ÷ throughput: H100 700/989 beats A100 400/312.
    let a100 = a.hardware.iter().find(|h| h.is_current).unwrap();
    assert!(h100.emissions.0 < a100.emissions.0);
    assert!(close(a100.emissions.0, e.location_based.0));
}

#[test]
fn measured_power_carries_over_as_a_fraction_of_tdp() {
    let f = factors();
    let inputs = Inputs {
        power_w: Some(200.0),
        ..Inputs::default()
    };
    let (_, a) = table(&inputs, &f);
    let v100 = a.hardware.iter().find(|h| &*h.id == "v100").unwrap();
    // 200 W is 50 % of the A100's 400 W; the V100 is taken at 50 % of 300 W.
    assert!(close(v100.energy.0, 8.0 * 150.0 * 24.0 / 1000.0 * 1.135));
}

#[test]
fn full_table_is_fast_on_a_realistic_dataset() {
    let f = Factors::new(&common::realistic());
    let job = validate(&Inputs::default(), &f).unwrap();
    let n = 50;
    let start = Instant::now();
    for _ in 0..n {
        std::hint::black_box(alternatives(&job, &f));
    }
    let per_call = start.elapsed() / n;
    eprintln!("alternatives per call (test profile): {per_call:?}");
    // Unoptimised test builds are ~10× slower than the ≤ 1 ms release budget the bench checks;
    // this only catches an accidental quadratic loop.
    assert!(per_call.as_millis() < 50, "{per_call:?}");
}
