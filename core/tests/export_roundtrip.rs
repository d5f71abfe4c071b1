//! Property: the JSON export of any valid inputs re-imports to exactly the same inputs.

use emissions_core::dataset::bundled;
use emissions_core::export::{import_json, json, ExportContext, ExportItem, TrainingType};
use emissions_core::model::{
    ComputeInput, CpuInput, DurationInput, Factors, Inputs, LocationInput,
};
use proptest::prelude::*;
use std::sync::OnceLock;

fn factors() -> &'static Factors {
    static F: OnceLock<Factors> = OnceLock::new();
    F.get_or_init(|| Factors::new(bundled().expect("bundled dataset")))
}

fn arb_inputs() -> impl Strategy<Value = Inputs> {
    let ds = bundled().expect("bundled dataset");
    let hw: Vec<String> = ds.hardware.iter().map(|h| h.id.clone()).collect();
    let regions: Vec<(String, String)> = ds
        .regions
        .iter()
        .map(|r| (r.provider.clone(), r.code.clone()))
        .collect();
    (
        prop::sample::select(hw),
        1u32..64,
        0.01f64..5000.0,
        1u32..20,
        prop::sample::select(regions),
        prop::option::of(1.0f64..2.5),
        prop::option::of(0.0f64..100.0),
        prop::option::of((1.0f64..64.0, 1.0f64..100.0)),
        prop::option::of(1.0f64..2048.0),
        1.0f64..100.0,
    )
        .prop_map(
            |(id, devices, hours, runs, (provider, region), pue, market, cpu, mem, util)| Inputs {
                compute: ComputeInput::Hardware {
                    id,
                    devices: f64::from(devices),
                },
                power_w: None,
                utilization_pct: Some(util),
                job_kind: Default::default(),
                cpu: cpu.map(|(cores, usage_pct)| CpuInput {
                    id: "generic".into(),
                    cores,
                    usage_pct,
                }),
                memory_gb: mem,
                duration: DurationInput::Hours { hours },
                runs: f64::from(runs),
                location: LocationInput::Cloud { provider, region },
                pue,
                market_pct: market,
                lifecycle: Default::default(),
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn json_export_reimports_to_the_same_inputs(inputs in arb_inputs()) {
        let item = ExportItem::from_inputs("job", &inputs, factors());
        prop_assert!(item.is_ok(), "generated inputs should be valid: {:?}", item.err());
        let Ok(item) = item else { return Ok(()); };
        let text = json(&ExportContext::new(vec![item], TrainingType::Other));
        prop_assert_eq!(import_json(&text), Ok(inputs));
    }
}
