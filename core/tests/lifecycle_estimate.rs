//! The life-cycle view wired into the model: the inputs carry the overrides (JSON and share link),
//! validation reports them on their fields, the estimate carries the view computed from the job,
//! and its steps end the trace.
//!
//! Run `closing_figures` with `--nocapture` for the 8 × H100 SXM, 24 h figures of issue #20.

use emissions_core::dataset::bundled;
use emissions_core::model::lifecycle::{assess, Basis, LifecycleInputs, Usage};
use emissions_core::model::{
    calculate, DataCentre, Estimate, Factors, Field, Inputs, Interval, LocationInput,
};
use emissions_core::share::{from_query, to_query};

fn factors() -> Factors {
    Factors::new(bundled().unwrap_or_else(|e| panic!("{e}")))
}

fn run(query: &str) -> Estimate {
    let d = from_query(query);
    assert!(d.problems.is_empty(), "{query}: {:?}", d.problems);
    calculate(&d.inputs, &factors()).unwrap_or_else(|e| panic!("{query}: {e:?}"))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn overrides() -> LifecycleInputs {
    LifecycleInputs {
        life_years: Some(4.0),
        use_pct: Some(90.0),
        emb_dev_kg: Some(200.0),
        emb_host_kg: Some(3000.0),
        per_host: Some(4.0),
        dev_pct: Some(50.0),
        wue_l_per_kwh: Some(0.5),
    }
}

#[test]
fn inputs_carry_the_overrides_through_json_and_absent_means_defaults() {
    let inputs = Inputs {
        lifecycle: overrides(),
        ..Inputs::default()
    };
    let text = serde_json::to_string(&inputs).unwrap_or_default();
    assert!(text.contains("\"lifecycle\":{\"life_years\":4.0"), "{text}");
    let back: Inputs = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, inputs);
    // The default inputs write no `lifecycle` member, and a document without it (or with null)
    // reads as the defaults: saved jobs and exports from before #20 are unchanged.
    let plain = serde_json::to_string(&Inputs::default()).unwrap_or_default();
    assert!(!plain.contains("lifecycle"), "{plain}");
    for text in ["{}", "{\"lifecycle\":null}", "{\"lifecycle\":{}}"] {
        let read: Inputs = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read.lifecycle, LifecycleInputs::default(), "{text}");
    }
    // Saved jobs and the draft go through the same reader.
    use emissions_core::persist::{decode_draft, encode_draft};
    assert_eq!(decode_draft(&encode_draft(&inputs)), Ok(inputs));
    let bad = serde_json::from_str::<Inputs>("{\"lifecycle\":{\"dev_pct\":\"x\"}}");
    assert!(bad.is_err());
}

#[test]
fn the_share_link_writes_only_typed_overrides_in_contract_order() {
    let inputs = Inputs {
        lifecycle: overrides(),
        ..Inputs::default()
    };
    let q = to_query(&inputs, "v");
    assert_eq!(
        q,
        "life=4&use=90&emb_dev=200&emb_host=3000&per_host=4&dev=50&wue=0.5&data=v"
    );
    assert_eq!(from_query(&q).inputs, inputs);
    assert_eq!(to_query(&Inputs::default(), "v"), "data=v");
    let bad = from_query("dev=abc&wue=1");
    assert_eq!(bad.inputs.lifecycle.wue_l_per_kwh, Some(1.0));
    assert_eq!(bad.inputs.lifecycle.dev_pct, None);
    assert_eq!(bad.problems.len(), 1);
    assert_eq!(bad.problems[0].param, "dev");
}

#[test]
fn bad_overrides_are_reported_on_their_fields() {
    let inputs = Inputs {
        lifecycle: LifecycleInputs {
            use_pct: Some(0.0),
            per_host: Some(2.5),
            wue_l_per_kwh: Some(f64::NAN),
            ..LifecycleInputs::default()
        },
        ..Inputs::default()
    };
    let errors = calculate(&inputs, &factors()).err().unwrap_or_default();
    let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
    assert_eq!(fields, [Field::UsePct, Field::Wue, Field::PerHost]);
    // Also when the hardware is unknown (nothing to resolve the factors for).
    let unknown_hw = Inputs {
        compute: emissions_core::model::ComputeInput::Hardware {
            id: "nope".into(),
            devices: 8.0,
        },
        ..inputs
    };
    let errors = calculate(&unknown_hw, &factors()).err().unwrap_or_default();
    assert!(
        errors.iter().any(|e| e.field == Field::UsePct),
        "{errors:?}"
    );
}

#[test]
fn the_estimate_carries_the_lifecycle_of_its_job() {
    let e = run("hw=h100-sxm&n=8&h=24&loc=aws/us-east-1&dev=50&life=4");
    let l = &e.lifecycle;
    // The same as the life-cycle functions called directly with the job's figures.
    let usage = Usage {
        devices: 8,
        hours: e.wall_hours,
        it_energy: e.energy.it,
        operational: e.uncertainty.location_based,
    };
    let inputs = LifecycleInputs {
        dev_pct: Some(50.0),
        life_years: Some(4.0),
        ..LifecycleInputs::default()
    };
    let direct = assess(
        factors().dataset(),
        "h100-sxm",
        Some("aws"),
        &inputs,
        &usage,
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(l.total, direct.total);
    assert_eq!(l.water, direct.water);
    // 8 × 24 h × 164 kg ÷ (4 yr × 8,760 h × 85 %) for the GPUs, 1 host × 24 h × 2,500 kg ÷ same.
    let amortise = 4.0 * 8760.0 * 0.85;
    assert!(close(
        l.embodied_devices.central.0,
        8.0 * 24.0 * 164.0 / amortise
    ));
    assert!(close(l.embodied_hosts.central.0, 24.0 * 2500.0 / amortise));
    assert!(close(l.development.central.0, 0.5 * e.location_based.0));
    assert!(close(
        l.total.central.0,
        e.location_based.0 + l.embodied.central.0 + l.development.central.0
    ));
    // AWS's WUE, 0.12 L/kWh of IT energy.
    assert!(close(l.water.central.0, e.energy.it.0 * 0.12));
    assert_eq!(l.operational, e.uncertainty.location_based);
    // The trace ends with the life-cycle steps; they are not kept twice.
    let labels: Vec<&str> = e.trace.steps.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels.last(), Some(&"Life-cycle emissions"));
    assert!(labels.contains(&"Development overhead"));
    assert!(l.steps.is_empty());
}

#[test]
fn zero_embodied_factors_give_zero_embodied_emissions() {
    let e = run("hw=h100-sxm&emb_dev=0&emb_host=0");
    assert_eq!(
        e.lifecycle.embodied,
        Interval::exact(emissions_core::units::KgCo2e(0.0))
    );
    assert_eq!(e.lifecycle.total, e.uncertainty.location_based);
}

#[test]
fn a_personal_machine_uses_no_cooling_water_unless_typed() {
    let mut inputs = Inputs {
        location: LocationInput::Zone {
            zone: "FR".into(),
            data_centre: DataCentre::Personal,
        },
        ..Inputs::default()
    };
    let e = calculate(&inputs, &factors()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(e.lifecycle.water.high.0, 0.0);
    assert_eq!(e.lifecycle.factors.wue.basis, Basis::Default);
    inputs.lifecycle.wue_l_per_kwh = Some(1.5);
    let e = calculate(&inputs, &factors()).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(close(e.lifecycle.water.central.0, e.energy.it.0 * 1.5));
    // An unknown data centre takes the generic row (LBNL 2024).
    let e = run("loc=grid/FR");
    assert_eq!(
        e.lifecycle.factors.wue.sources.first().map(String::as_str),
        Some("lbnl2024")
    );
}

/// The closing figures of issue #20: 8 × H100 SXM for 24 h with default inputs.
#[test]
fn closing_figures() {
    fn band(i: Interval<f64>, unit: &str) -> String {
        format!("{:.2} {unit} ({:.2}–{:.2})", i.central, i.low, i.high)
    }
    fn kg(i: Interval<emissions_core::units::KgCo2e>) -> String {
        band(
            Interval {
                low: i.low.0,
                central: i.central.0,
                high: i.high.0,
            },
            "kgCO2e",
        )
    }
    for loc in ["aws/us-east-1", "grid/FR"] {
        let e = run(&format!("hw=h100-sxm&n=8&h=24&loc={loc}"));
        let l = &e.lifecycle;
        let w = l.water;
        println!("8 × H100 SXM, 24 h, {loc}:");
        println!("  operational (location-based): {}", kg(l.operational));
        println!("  embodied:                     {}", kg(l.embodied));
        println!("  development:                  {}", kg(l.development));
        println!("  life-cycle total:             {}", kg(l.total));
        let water = Interval {
            low: w.low.0,
            central: w.central.0,
            high: w.high.0,
        };
        println!("  water (on-site):              {}", band(water, "L"));
        assert!(l.total.low.0 <= l.total.central.0 && l.total.central.0 <= l.total.high.0);
        assert!(l.embodied.central.0 > 0.0 && l.development.central.0 == 0.0);
    }
}

#[test]
fn every_export_names_each_part_apart_from_the_operational_figure() {
    use emissions_core::export::{csv, json, latex, markdown, model_card};
    use emissions_core::export::{ExportContext, ExportItem, TrainingType};
    let inputs = from_query("hw=h100-sxm&dev=50").inputs;
    let item =
        ExportItem::from_inputs("run", &inputs, &factors()).unwrap_or_else(|e| panic!("{e:?}"));
    let l = item.estimate.lifecycle.clone();
    let ctx = ExportContext::new(vec![item.clone(), item], TrainingType::default());
    let one = ExportContext {
        items: ctx.items[..1].to_vec(),
        ..ctx.clone()
    };
    let n = emissions_core::export::reading;
    for text in [latex(&one), markdown(&one)] {
        for part in [
            "embodied emissions of the hardware",
            "development overhead",
            "life-cycle total",
            "On-site cooling water",
        ] {
            assert!(text.contains(part), "{part}: {text}");
        }
        assert!(text.contains(&n(l.total.central.0)), "{text}");
        assert!(text.contains(&n(l.water.central.0)), "{text}");
    }
    assert!(latex(&ctx).contains(&n(2.0 * l.total.central.0)));
    let doc = json(&ctx);
    assert!(doc.contains("\"lifecycle\": {"), "{doc}");
    assert!(
        doc.contains(&format!(
            "\"water\": {{\n      \"low\": {}",
            2.0 * l.water.low.0
        )),
        "{doc}"
    );
    let table = csv(&ctx);
    assert!(table
        .lines()
        .next()
        .unwrap_or_default()
        .ends_with(",water_l,water_low_l,water_high_l"));
    assert!(
        table.contains(&format!(",{},", l.development.central.0)),
        "{table}"
    );
    let card = model_card(&one);
    assert!(card.contains("emissions: ") && card.contains("# life cycle, not in emissions: "));
}
