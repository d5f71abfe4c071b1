//! The life-cycle view: BLOOM's published embodied emissions, zero and linearity properties,
//! water, development overhead, band ordering, validation and the dataset section.
//!
//! Run with `--nocapture` to see the BLOOM check and the 8 × H100 figures.

use emissions_core::dataset::{problems, Dataset, ANY};
use emissions_core::model::lifecycle::{
    assess, lifecycle, resolve, Basis, Lifecycle, LifecycleInputs, Usage,
};
use emissions_core::model::{Field, Interval};
use emissions_core::units::{Hours, KgCo2e, Kwh, Litres, LitresPerKwh};

mod common;
use common::loaded_dataset as ds;

fn usage(devices: u32, hours: f64, kwh: f64, operational: f64) -> Usage {
    Usage {
        devices,
        hours: Hours(hours),
        it_energy: Kwh(kwh),
        operational: Interval::exact(KgCo2e(operational)),
    }
}

fn run(hw: &str, provider: Option<&str>, inputs: &LifecycleInputs, u: &Usage) -> Lifecycle {
    assess(ds(), hw, provider, inputs, u).unwrap_or_else(|e| panic!("{e:?}"))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// BLOOM's final training: 384 A100 80GB for 1,082,990 GPU-hours in total (1.08 M), i.e.
/// 1,082,990 ÷ 384 = 2,820.3 h (117.5 days) of wall clock. Luccioni et al. report 11.2 t of
/// embodied emissions from 150 kg per GPU, 2,500 kg per 8-GPU server, 6 years and 85 % use.
#[test]
fn bloom_embodied_emissions_are_11_2_tonnes_as_published() {
    let hours = 1_082_990.0 / 384.0;
    let u = usage(384, hours, 0.0, 0.0);
    let bloom = LifecycleInputs {
        life_years: Some(6.0),
        use_pct: Some(85.0),
        emb_dev_kg: Some(150.0),
        emb_host_kg: Some(2500.0),
        per_host: Some(8.0),
        ..LifecycleInputs::default()
    };
    let typed = run("a100-sxm4-80gb", None, &bloom, &u);
    // The dataset's defaults for an A100 are BLOOM's figures, so the default view agrees.
    let default = run("a100-sxm4-80gb", None, &LifecycleInputs::default(), &u);
    assert_eq!(typed.embodied.central, default.embodied.central);
    let (gpus, servers, total) = (
        typed.embodied_devices.central.value(),
        typed.embodied_hosts.central.value(),
        typed.embodied.central.value(),
    );
    println!(
        "BLOOM: {hours:.1} h × 384 GPUs; GPUs {gpus:.1} kg + servers {servers:.1} kg = {total:.1} kg \
         = {:.1} t (published: 11.2 t)",
        total / 1000.0
    );
    assert!(close(gpus, 1_082_990.0 * 150.0 / (6.0 * 8760.0 * 0.85)));
    assert!(close(
        servers,
        1_082_990.0 / 8.0 * 2500.0 / (6.0 * 8760.0 * 0.85)
    ));
    assert_eq!(format!("{:.1}", total / 1000.0), "11.2");
    assert_eq!(format!("{:.2}", gpus / 1000.0), "3.64");
    assert_eq!(format!("{:.2}", servers / 1000.0), "7.58");
}

#[test]
fn embodied_is_zero_for_zero_hours_devices_or_kilograms() {
    let none = LifecycleInputs::default();
    assert_eq!(
        run("h100-sxm", None, &none, &usage(8, 0.0, 0.0, 0.0))
            .embodied
            .high,
        KgCo2e(0.0)
    );
    assert_eq!(
        run("h100-sxm", None, &none, &usage(0, 24.0, 0.0, 0.0))
            .embodied
            .high,
        KgCo2e(0.0)
    );
    let free = LifecycleInputs {
        emb_dev_kg: Some(0.0),
        emb_host_kg: Some(0.0),
        ..none
    };
    let r = run("h100-sxm", None, &free, &usage(8, 24.0, 134.4, 10.0));
    assert_eq!(r.embodied, Interval::exact(KgCo2e(0.0)));
    assert_eq!(r.total, Interval::exact(KgCo2e(10.0)));
}

#[test]
fn embodied_is_linear_in_devices_hours_and_kilograms() {
    let none = LifecycleInputs::default();
    let base = run("h100-sxm", None, &none, &usage(8, 24.0, 0.0, 0.0));
    let devices = run("h100-sxm", None, &none, &usage(16, 24.0, 0.0, 0.0));
    let hours = run("h100-sxm", None, &none, &usage(8, 72.0, 0.0, 0.0));
    for (a, b, k) in [
        (base.embodied, devices.embodied, 2.0),
        (base.embodied, hours.embodied, 3.0),
    ] {
        for (x, y) in [(a.low, b.low), (a.central, b.central), (a.high, b.high)] {
            assert!(close(x.value() * k, y.value()), "{x:?} × {k} ≠ {y:?}");
        }
    }
    let heavy = LifecycleInputs {
        emb_dev_kg: Some(328.0),
        ..none
    };
    let heavy = run("h100-sxm", None, &heavy, &usage(8, 24.0, 0.0, 0.0));
    assert!(close(
        heavy.embodied_devices.central.value(),
        2.0 * base.embodied_devices.central.value()
    ));
    assert_eq!(heavy.embodied_hosts, base.embodied_hosts);
}

#[test]
fn water_is_wue_times_it_energy() {
    let u = usage(8, 24.0, 134.4, 0.0);
    let aws = run("h100-sxm", Some("aws"), &LifecycleInputs::default(), &u);
    assert!(close(aws.water.central.value(), 134.4 * 0.12));
    assert!(close(aws.water.high.value(), 134.4 * 0.15));
    let typed = LifecycleInputs {
        wue_l_per_kwh: Some(1.8),
        ..LifecycleInputs::default()
    };
    let r = run("h100-sxm", Some("aws"), &typed, &u);
    assert_eq!(r.water, Interval::exact(Kwh(134.4) * LitresPerKwh(1.8)));
    assert_eq!(r.factors.wue.basis, Basis::User);
    assert!(r.factors.wue.sources.is_empty());
}

#[test]
fn development_overhead_is_a_share_of_the_operational_band() {
    let u = Usage {
        operational: Interval {
            low: KgCo2e(80.0),
            central: KgCo2e(100.0),
            high: KgCo2e(150.0),
        },
        ..usage(8, 24.0, 134.4, 0.0)
    };
    let off = run("h100-sxm", None, &LifecycleInputs::default(), &u);
    assert_eq!(off.development, Interval::exact(KgCo2e(0.0)));
    assert!(!off.steps.iter().any(|s| s.label.contains("Development")));
    let half = LifecycleInputs {
        dev_pct: Some(50.0),
        ..LifecycleInputs::default()
    };
    let r = run("h100-sxm", None, &half, &u);
    assert_eq!(
        r.development,
        Interval {
            low: KgCo2e(40.0),
            central: KgCo2e(50.0),
            high: KgCo2e(75.0),
        }
    );
    assert!(close(
        r.total.central.value(),
        100.0 + 50.0 + r.embodied.central.value()
    ));
    assert!(close(
        r.total.high.value(),
        150.0 + 75.0 + r.embodied.high.value()
    ));
}

fn ordered<T: PartialOrd + std::fmt::Debug>(i: &Interval<T>, what: &str) {
    assert!(i.low <= i.central && i.central <= i.high, "{what}: {i:?}");
}

#[test]
fn every_band_is_ordered_for_every_accelerator_and_place() {
    let u = Usage {
        operational: Interval {
            low: KgCo2e(5.0),
            central: KgCo2e(10.0),
            high: KgCo2e(20.0),
        },
        ..usage(8, 24.0, 134.4, 0.0)
    };
    let dev = LifecycleInputs {
        dev_pct: Some(30.0),
        ..LifecycleInputs::default()
    };
    for hw in &ds().hardware {
        for p in [None, Some("aws"), Some("azure"), Some("gcp"), Some("ovh")] {
            let r = run(&hw.id, p, &dev, &u);
            let what = format!("{} {p:?}", hw.id);
            for band in [
                &r.embodied_devices,
                &r.embodied_hosts,
                &r.embodied,
                &r.development,
                &r.total,
            ] {
                ordered(band, &what);
                assert!(band.low.value() > 0.0 && band.high.is_finite(), "{what}");
            }
            ordered(&r.water, &what);
        }
    }
}

/// The figures the integrator quotes: 8 × H100 SXM for 24 h at 100 % TDP (8 × 700 W × 24 h =
/// 134.4 kWh of IT energy) in `aws/us-east-1` and in `grid/FR`.
#[test]
fn eight_h100_for_a_day_in_us_east_1_and_france() {
    let kwh = 8.0 * 700.0 * 24.0 / 1000.0;
    assert!(close(kwh, 134.4));
    let region = ds()
        .region("aws", "us-east-1")
        .unwrap_or_else(|| panic!("region"));
    let pue = region
        .pue
        .map(|p| p.0)
        .or_else(|| ds().provider("aws").map(|p| p.pue.0))
        .unwrap_or(1.0);
    let fr = ds().zone("FR").unwrap_or_else(|| panic!("zone FR"));
    let industry_pue = ds().constants.pue_default.value.0;
    for (place, provider, operational) in [
        (
            "aws/us-east-1",
            Some("aws"),
            kwh * pue * region.intensity.0 / 1000.0,
        ),
        (
            "grid/FR",
            None,
            kwh * industry_pue * fr.intensity.0 / 1000.0,
        ),
    ] {
        let u = usage(8, 24.0, kwh, operational);
        let r = run("h100-sxm", provider, &LifecycleInputs::default(), &u);
        println!(
            "8 × h100-sxm, 24 h, {place}: embodied {:.3} kg ({:.3}–{:.3}; accelerators {:.3} + \
             hosts {:.3}), water {:.2} L ({:.2}–{:.2}), operational {:.2} kg, life-cycle total \
             {:.2} kg",
            r.embodied.central.value(),
            r.embodied.low.value(),
            r.embodied.high.value(),
            r.embodied_devices.central.value(),
            r.embodied_hosts.central.value(),
            r.water.central.value(),
            r.water.low.value(),
            r.water.high.value(),
            operational,
            r.total.central.value()
        );
        // 8 × 24 h × 164 kg ÷ (6 × 8,760 h × 85 %) + 1 host × 24 h × 2,500 kg ÷ (same).
        let used = 6.0 * 8760.0 * 0.85;
        assert!(close(
            r.embodied_devices.central.value(),
            8.0 * 24.0 * 164.0 / used
        ));
        assert!(close(
            r.embodied_hosts.central.value(),
            24.0 * 2500.0 / used
        ));
        assert_eq!(format!("{:.3}", r.embodied.central.value()), "2.048");
        // A 4-year life (Morrison et al.) is the high end: 6/4 of the central figure.
        assert!(close(
            r.embodied.high.value(),
            r.embodied.central.value() * 1.5
        ));
        let wue = if provider.is_some() { 0.12 } else { 0.38 };
        assert!(close(r.water.central.value(), kwh * wue));
    }
}

#[test]
fn the_trace_names_each_factor_and_its_sources() {
    let u = usage(8, 24.0, 134.4, 30.0);
    let dev = LifecycleInputs {
        dev_pct: Some(51.0),
        ..LifecycleInputs::default()
    };
    let r = run("h100-sxm", Some("aws"), &dev, &u);
    let labels: Vec<&str> = r.steps.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Embodied emissions, accelerators",
            "Embodied emissions, host servers",
            "Development overhead",
            "On-site water",
            "Life-cycle emissions",
        ]
    );
    assert_eq!(
        r.steps[0].sources,
        ["nv-hgx-h100-pcf", "luccioni2022", "morrison2025"]
    );
    assert_eq!(
        r.steps[0].expression,
        "8 × 24 h × 164 kgCO2e ÷ (6 yr × 8,760 h × 85 % in use)"
    );
    assert_eq!(r.steps[3].sources, ["amazon-wue2025", "aws-wue2024"]);
    assert_eq!(r.steps[3].result, "16.13 L");
    let json = serde_json::to_string(&r).unwrap_or_else(|e| panic!("{e}"));
    // The figures serialise (exports carry them); the factors and steps do not (size).
    assert!(json.contains("\"embodied_devices\"") && json.contains("\"water\""));
}

#[test]
fn bad_overrides_are_reported_next_to_their_fields() {
    let bad = LifecycleInputs {
        life_years: Some(0.0),
        use_pct: Some(120.0),
        emb_dev_kg: Some(-1.0),
        emb_host_kg: Some(f64::NAN),
        per_host: Some(2.5),
        dev_pct: Some(-5.0),
        wue_l_per_kwh: Some(25.0),
    };
    let errors = resolve(ds(), "h100-sxm", None, &bad)
        .err()
        .unwrap_or_default();
    let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        [
            Field::LifeYears,
            Field::UsePct,
            Field::EmbodiedDevice,
            Field::EmbodiedHost,
            Field::DevPct,
            Field::Wue,
            Field::PerHost,
        ]
    );
    assert_eq!(
        errors[1].to_string(),
        "Share of life in use (%) must be between 1 and 100 (got 120)"
    );
    assert_eq!(
        errors[6].to_string(),
        "Accelerators per host server must be a whole number (got 2.5)"
    );
    assert!(LifecycleInputs::default().problems().is_empty());
}

#[test]
fn a_dataset_without_the_section_cannot_resolve_silently() {
    let empty = Dataset::default();
    let errors = resolve(&empty, "h100-sxm", None, &LifecycleInputs::default())
        .err()
        .unwrap_or_default();
    assert!(errors.iter().any(|e| e.field == Field::EmbodiedDevice));
    // Typing every factor needs no data at all.
    let all = LifecycleInputs {
        life_years: Some(5.0),
        use_pct: Some(90.0),
        emb_dev_kg: Some(200.0),
        emb_host_kg: Some(2000.0),
        per_host: Some(4.0),
        dev_pct: None,
        wue_l_per_kwh: Some(0.5),
    };
    let f = resolve(&empty, "h100-sxm", None, &all).unwrap_or_else(|e| panic!("{e:?}"));
    let r = lifecycle(&usage(4, 1.0, 2.0, 0.0), &f);
    assert_eq!(r.water, Interval::exact(Litres(1.0)));
}

#[test]
fn the_bundled_section_is_sound_and_problems_are_caught() {
    let l = &ds().lifecycle;
    assert_eq!(l.embodied.last().map(|r| r.key.as_str()), Some(ANY));
    assert_eq!(l.wue.last().map(|r| r.key.as_str()), Some(ANY));
    assert_eq!(l.dev_guide.value.0, 51.0);
    let mut d = ds().clone();
    assert!(problems(&d).is_empty(), "{:?}", problems(&d));
    d.lifecycle.embodied[0].key = "no-such-gpu".into();
    d.lifecycle.life.low = Some(emissions_core::units::Years(9.0));
    d.lifecycle.wue.retain(|r| r.key != ANY);
    d.lifecycle.host.source = "nowhere".into();
    d.lifecycle.per_host.value = 8.5;
    let found = problems(&d).join("\n");
    for needle in [
        "emb: unknown key `no-such-gpu`",
        "life: lo ≤ v ≤ hi",
        "wue: no `*` row",
        "unknown source id `nowhere`",
        "per_host: not a whole number",
    ] {
        assert!(found.contains(needle), "expected `{needle}` in:\n{found}");
    }
    let stripped = Dataset {
        lifecycle: Default::default(),
        serving: Default::default(),
        ..ds().clone()
    };
    assert!(!problems(&stripped).is_empty());
}

#[test]
fn overrides_serialise_only_when_typed_and_read_back() {
    let x = LifecycleInputs {
        life_years: Some(4.0),
        wue_l_per_kwh: Some(0.0),
        ..LifecycleInputs::default()
    };
    let json = serde_json::to_string(&x).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json, r#"{"life_years":4.0,"wue_l_per_kwh":0.0}"#);
    let node = emissions_core::json::parse(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(LifecycleInputs::read(&node).ok(), Some(x));
    let node = emissions_core::json::parse(r#"{"dev_pct":null,"other":1}"#)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        LifecycleInputs::read(&node).ok(),
        Some(LifecycleInputs::default())
    );
    let node = emissions_core::json::parse(r#"{"use_pct":"x"}"#).unwrap_or_else(|e| panic!("{e}"));
    let err = LifecycleInputs::read(&node).err().map(|e| e.to_string());
    assert!(err.is_some_and(|e| e.starts_with("use_pct: invalid type")));
}
