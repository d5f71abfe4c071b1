//! Test fixtures for the model: a small hand-made dataset whose numbers tests can check by hand,
//! and a generated dataset of realistic size for timing.
// Each test binary uses a different subset of these helpers.
#![allow(dead_code)]

use emissions_core::dataset::*;
use emissions_core::units::*;

fn source(id: &str) -> Source {
    Source {
        id: id.into(),
        name: format!("Fixture source {id}"),
        url: "https://example.org".into(),
        licence: "CC0-1.0".into(),
        year: 2024,
    }
}

/// A zone with intensity `ci` and range `lo`–`hi`.
pub fn zone(id: &str, cc: &str, ci: f64, lo: f64, hi: f64) -> Zone {
    Zone {
        id: id.into(),
        name: format!("Zone {id}"),
        country: cc.into(),
        continent: "EU".into(),
        intensity: GramsPerKwh(ci),
        intensity_direct: None,
        intensity_low: GramsPerKwh(lo),
        intensity_high: GramsPerKwh(hi),
        year: 2024,
        source: "zones".into(),
        fallback: false,
    }
}

fn provider(id: &str, pue: f64, lo: f64, hi: f64, mkt: Option<f64>) -> Provider {
    Provider {
        id: id.into(),
        name: id.to_uppercase(),
        pue: Pue(pue),
        pue_low: Pue(lo),
        pue_high: Pue(hi),
        pue_src: format!("{id}-pue"),
        pue_yr: 2024,
        market_pct: mkt.map(Percent),
        mkt_src: mkt.map(|_| format!("{id}-mkt")),
        mkt_yr: mkt.map(|_| 2024),
        mkt_kind: mkt.map(|_| "annual-match".into()),
    }
}

/// A region of `p` on zone `z` with intensity `ci` (range `lo`–`hi`) and optional own PUE.
pub fn region(p: &str, code: &str, z: &str, ci: f64, lo: f64, hi: f64, pue: Option<f64>) -> Region {
    Region {
        provider: p.into(),
        code: code.into(),
        name: format!("{p} {code}"),
        location: "Somewhere".into(),
        country: "XX".into(),
        zone: z.into(),
        intensity: GramsPerKwh(ci),
        intensity_low: GramsPerKwh(lo),
        intensity_high: GramsPerKwh(hi),
        year: 2024,
        source: "regions".into(),
        pue: pue.map(Pue),
        pue_src: pue.map(|_| format!("{p}-{code}-pue")),
        pue_yr: pue.map(|_| 2024),
        cfe: None,
    }
}

/// An accelerator.
pub fn hw(id: &str, tdp: f64, fp32: Option<f64>, fp16: Option<f64>) -> Hardware {
    Hardware {
        id: id.into(),
        name: format!("HW {id}"),
        vendor: "NVIDIA".into(),
        kind: HardwareKind::Gpu,
        tdp: Watts(tdp),
        mem: Some(Gigabytes(80.0)),
        fp32: fp32.map(Tflops),
        fp16: fp16.map(Tflops),
        year: 2020,
        source: "hw".into(),
        mean_low: None,
        mean_high: None,
    }
}

/// The hand-checkable fixture.
///
/// * zones: FR 56 (50–70), US-VA 385 (360–420), SE 30 (20–40), PL 700 (650–760)
/// * aws: PUE 1.135 (1.1–1.2), 60 % market; gcp: PUE 1.1 (1.08–1.12), no market figure
/// * regions: aws us-east-1 (US-VA, 385), aws eu-west-3 (FR, 56), aws eu-north-1 (SE, 30),
///   gcp europe-west9 (FR, 56, own PUE 1.09), gcp us-east4 (US-VA, 385)
/// * hardware: a100-sxm4-80gb 400 W (FP16 312, FP32 19.5), v100 300 W (125 / 15.7),
///   h100-sxm 700 W (989 / 67), t4 70 W (65 / 8.1), mystery-npu 200 W (no throughput)
/// * cpus: xeon-8480 350 W / 56 cores; instances: p4de.24xlarge = 8 × a100-sxm4-80gb
/// * industry PUE 1.56 (1.4–1.8); memory 0.3725 W/GB; equivalents car_km 0.251, tree_year 11
/// * lifecycle: 150 kg per device, 2,500 kg per 8-device host, 6 years, 85 %, WUE 0.38 L/kWh
pub fn fixture() -> Dataset {
    Dataset {
        lifecycle: lifecycle(),
        serving: Default::default(),
        meta: Meta {
            version: "test".into(),
            basis: "life-cycle".into(),
        },
        sources: [
            "zones", "regions", "hw", "cpu", "inst", "const", "aws-pue", "aws-mkt",
        ]
        .iter()
        .map(|s| source(s))
        .collect(),
        zones: vec![
            zone("FR", "FR", 56.0, 50.0, 70.0),
            zone("US-VA", "US", 385.0, 360.0, 420.0),
            zone("SE", "SE", 30.0, 20.0, 40.0),
            zone("PL", "PL", 700.0, 650.0, 760.0),
        ],
        providers: vec![
            provider("aws", 1.135, 1.1, 1.2, Some(60.0)),
            provider("gcp", 1.1, 1.08, 1.12, None),
        ],
        regions: vec![
            region("aws", "us-east-1", "US-VA", 385.0, 360.0, 420.0, None),
            region("aws", "eu-west-3", "FR", 56.0, 50.0, 70.0, None),
            region("aws", "eu-north-1", "SE", 30.0, 20.0, 40.0, None),
            region("gcp", "europe-west9", "FR", 56.0, 50.0, 70.0, Some(1.09)),
            region("gcp", "us-east4", "US-VA", 385.0, 360.0, 420.0, None),
        ],
        hardware: vec![
            hw("a100-sxm4-80gb", 400.0, Some(19.5), Some(312.0)),
            hw("v100", 300.0, Some(15.7), Some(125.0)),
            hw("h100-sxm", 700.0, Some(67.0), Some(989.0)),
            hw("t4", 70.0, Some(8.1), Some(65.0)),
            hw("mystery-npu", 200.0, None, None),
        ],
        cpus: vec![Cpu {
            id: "xeon-8480".into(),
            name: "Xeon Platinum 8480+".into(),
            vendor: "Intel".into(),
            tdp: Watts(350.0),
            cores: 56,
            year: 2023,
            source: "cpu".into(),
        }],
        instances: vec![Instance {
            id: "p4de.24xlarge".into(),
            provider: "aws".into(),
            hw: "a100-sxm4-80gb".into(),
            n: 8,
            vcpus: 96,
            cpu: None,
            mem: Gigabytes(1152.0),
            year: 2024,
            source: "inst".into(),
        }],
        constants: Constants {
            pue_default: Sourced {
                value: Pue(1.56),
                low: Some(Pue(1.4)),
                high: Some(Pue(1.8)),
                source: "const".into(),
                year: 2024,
            },
            mem_w_per_gb: Sourced {
                value: WattsPerGb(0.3725),
                low: None,
                high: None,
                source: "const".into(),
                year: 2017,
            },
            world_ci: Sourced {
                value: GramsPerKwh(475.0),
                low: None,
                high: None,
                source: "const".into(),
                year: 2019,
            },
            equivalents: vec![
                Equivalent {
                    id: "car_km".into(),
                    label: "{} km by car".into(),
                    kg_per_unit: KgCo2e(0.251),
                    source: "const".into(),
                    year: 2023,
                },
                Equivalent {
                    id: "tree_year".into(),
                    label: "{} tree-years".into(),
                    kg_per_unit: KgCo2e(11.0),
                    source: "const".into(),
                    year: 2019,
                },
            ],
        },
        // No draw profiles: a job without utilization falls back on 100 % of TDP, so the
        // reference figures stay the paper's; `model_typical_draw.rs` adds profiles.
        draw: Vec::new(),
        metered: Vec::new(),
    }
}

/// A generated dataset of realistic size (~350 zones, ~170 regions over 3 providers, ~120
/// accelerators) with deterministic pseudo-random values, for timing when no bundled data exists.
pub fn realistic() -> Dataset {
    let mut d = fixture();
    // A small LCG: deterministic values without a dependency.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    d.zones = (0..350)
        .map(|i| {
            let ci = 10.0 + 900.0 * next();
            zone(&format!("Z{i}"), "XX", ci, ci * 0.85, ci * 1.15)
        })
        .collect();
    d.zones.push(zone("US-VA", "US", 385.0, 360.0, 420.0));
    let providers = ["aws", "gcp", "azure"];
    d.providers
        .push(provider("azure", 1.185, 1.12, 1.3, Some(100.0)));
    d.regions = (0..170)
        .map(|i| {
            let ci = 10.0 + 800.0 * next();
            let own_pue = (i % 4 == 0).then(|| 1.05 + 0.2 * next());
            region(
                providers[i % 3],
                &format!("r-{i}"),
                &format!("Z{}", i * 2),
                ci,
                ci * 0.9,
                ci * 1.1,
                own_pue,
            )
        })
        .collect();
    d.regions.push(region(
        "aws",
        "us-east-1",
        "US-VA",
        385.0,
        360.0,
        420.0,
        None,
    ));
    let mut hardware: Vec<Hardware> = (0..118)
        .map(|i| {
            let tdp = 50.0 + 950.0 * next();
            let fp16 = (i % 7 != 0).then(|| 20.0 + 2000.0 * next());
            hw(&format!("hw-{i}"), tdp, Some(tdp / 20.0), fp16)
        })
        .collect();
    hardware.extend(d.hardware.drain(..).take(2));
    d.hardware = hardware;
    d
}

/// The bundled dataset (panics with the loader's message if it does not load).
pub fn loaded_dataset() -> &'static Dataset {
    match bundled() {
        Ok(d) => d,
        Err(e) => panic!("bundled dataset does not load: {e}"),
    }
}

/// The bundled provenance extras.
pub fn loaded_extras() -> &'static Extras {
    match bundled_extras() {
        Ok(x) => x,
        Err(e) => panic!("bundled extras do not load: {e}"),
    }
}

/// A bundled accelerator row by id.
pub fn loaded_hardware(id: &str) -> &'static Hardware {
    loaded_dataset()
        .hardware(id)
        .unwrap_or_else(|| panic!("hardware {id} missing"))
}

/// A fixture factor: `value` from the `const` source, no range.
fn life<T>(key: &str, value: T) -> LifeFactor<T> {
    LifeFactor {
        key: key.into(),
        value,
        low: None,
        high: None,
        source: "const".into(),
        range_source: None,
        year: 2022,
    }
}

/// Life-cycle factors for the fixture (BLOOM's: Luccioni et al. 2022), so its jobs validate.
fn lifecycle() -> LifecycleData {
    LifecycleData {
        embodied: vec![life(ANY, KgCo2e(150.0))],
        host: life("", KgCo2e(2500.0)),
        per_host: life("", 8.0),
        life: life("", Years(6.0)),
        use_pct: life("", Percent(85.0)),
        dev_guide: life("", Percent(50.0)),
        wue: vec![life(ANY, LitresPerKwh(0.38))],
    }
}
