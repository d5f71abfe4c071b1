//! Native tests of the bundled emission-factor dataset: it loads, it is internally consistent,
//! it covers every row of the tools it replaces, and a few values equal their datasheets or raw
//! files. Needs nothing outside the repository (the generator's own test compares against the raw
//! sources).

use emissions_core::dataset::*;
use emissions_core::units::*;

mod common;
use common::{loaded_dataset as ds, loaded_extras as extras, loaded_hardware as hw};

/// Every (provider, region) of ML CO2 Impact's `impact.csv` (mlco2/impact@d0d3ee5). Scaleway's
/// row has an empty region code there; its Paris region is `fr-par`.
const MLCO2_REGIONS: &[(&str, &str)] = &[
    ("gcp", "asia-east1"),
    ("gcp", "asia-east2"),
    ("gcp", "asia-northeast1"),
    ("gcp", "asia-northeast2"),
    ("gcp", "asia-south1"),
    ("gcp", "asia-southeast1"),
    ("gcp", "australia-southeast1"),
    ("gcp", "europe-north1"),
    ("gcp", "europe-west1"),
    ("gcp", "europe-west2"),
    ("gcp", "europe-west3"),
    ("gcp", "europe-west4"),
    ("gcp", "europe-west6"),
    ("gcp", "northamerica-northeast1"),
    ("gcp", "southamerica-east1"),
    ("gcp", "us-central1"),
    ("gcp", "us-east1"),
    ("gcp", "us-east4"),
    ("gcp", "us-west1"),
    ("gcp", "us-west2"),
    ("gcp", "us-west3"),
    ("aws", "us-east-2"),
    ("aws", "us-east-1"),
    ("aws", "us-west-1"),
    ("aws", "us-west-2"),
    ("aws", "ap-east-1"),
    ("aws", "ap-south-1"),
    ("aws", "ap-northeast-3"),
    ("aws", "ap-northeast-2"),
    ("aws", "ap-southeast-1"),
    ("aws", "ap-southeast-2"),
    ("aws", "ap-northeast-1"),
    ("aws", "ca-central-1"),
    ("aws", "cn-north-1"),
    ("aws", "cn-northwest-1"),
    ("aws", "eu-central-1"),
    ("aws", "eu-west-1"),
    ("aws", "eu-west-2"),
    ("aws", "eu-west-3"),
    ("aws", "eu-north-1"),
    ("aws", "sa-east-1"),
    ("aws", "us-gov-east-1"),
    ("aws", "us-gov-west-1"),
    ("azure", "eastasia"),
    ("azure", "southeastasia"),
    ("azure", "centralus"),
    ("azure", "eastus"),
    ("azure", "eastus2"),
    ("azure", "westus"),
    ("azure", "northcentralus"),
    ("azure", "southcentralus"),
    ("azure", "northeurope"),
    ("azure", "westeurope"),
    ("azure", "japanwest"),
    ("azure", "japaneast"),
    ("azure", "brazilsouth"),
    ("azure", "australiaeast"),
    ("azure", "australiasoutheast"),
    ("azure", "southindia"),
    ("azure", "centralindia"),
    ("azure", "westindia"),
    ("azure", "canadacentral"),
    ("azure", "canadaeast"),
    ("azure", "uksouth"),
    ("azure", "ukwest"),
    ("azure", "westcentralus"),
    ("azure", "westus2"),
    ("azure", "koreacentral"),
    ("azure", "koreasouth"),
    ("azure", "francecentral"),
    ("azure", "francesouth"),
    ("azure", "australiacentral"),
    ("azure", "australiacentral2"),
    ("azure", "southafricanorth"),
    ("azure", "southafricawest"),
    ("ovh", "gra"),
    ("ovh", "bhs"),
    ("scaleway", "fr-par"),
    ("coreweave", "LGA1"),
    ("coreweave", "ORD1"),
    ("coreweave", "LAS1"),
    ("seeweb", "fro2"),
];

/// Every row of ML CO2 Impact's `gpus.csv` and Green Algorithms' `TDP_gpu.csv`: (file, name, id).
/// Ids prefixed `cpu:` are CPUs that mlco2 lists among its hardware.
const RAW_HARDWARE: &[(&str, &str, &str)] = &[
    ("mlco2", "H100 SXM", "h100-sxm"),
    ("mlco2", "H100 NVL", "h100-nvl"),
    ("mlco2", "A100 PCIe 40/80GB", "a100-pcie-40gb"),
    ("mlco2", "A100 SXM4 80 GB", "a100-sxm4-80gb"),
    ("mlco2", "A10G", "a10g"),
    ("mlco2", "AGX Xavier", "jetson-agx-xavier"),
    ("mlco2", "AMD RX480", "rx-480"),
    ("mlco2", "GIGABYTE GTX 1660 OC", "gtx-1660-oc"),
    ("mlco2", "GTX 1080 Ti", "gtx-1080-ti"),
    ("mlco2", "GTX 1080", "gtx-1080"),
    ("mlco2", "GTX 750", "gtx-750"),
    ("mlco2", "GTX TITAN X", "gtx-titan-x"),
    ("mlco2", "Quadro K6000", "quadro-k6000"),
    ("mlco2", "Quadro P6000", "quadro-p6000"),
    ("mlco2", "RTX 2080 Ti", "rtx-2080-ti"),
    ("mlco2", "RTX 2080", "rtx-2080"),
    ("mlco2", "RTX 8000", "quadro-rtx-8000"),
    ("mlco2", "T4", "t4"),
    ("mlco2", "Tesla K40c", "k40c"),
    ("mlco2", "Tesla K80", "k80"),
    ("mlco2", "Tesla M40 24GB", "m40-24gb"),
    ("mlco2", "Tesla P100", "p100-pcie-16gb"),
    ("mlco2", "Tesla P40", "p40"),
    ("mlco2", "Tesla V100-PCIE-16GB", "v100-pcie-16gb"),
    ("mlco2", "Tesla V100-SXM2-16GB", "v100-sxm2-16gb"),
    ("mlco2", "Tesla V100-SXM2-32GB", "v100-sxm2-32gb"),
    ("mlco2", "Titan RTX", "titan-rtx"),
    ("mlco2", "Titan V", "titan-v"),
    ("mlco2", "TITAN X Pascal", "titan-x-pascal"),
    ("mlco2", "Titan Xp", "titan-xp"),
    ("mlco2", "TPUv2 Chip", "tpu-v2"),
    ("mlco2", "TPUv3 Chip", "tpu-v3"),
    ("mlco2", "RTX 3080", "rtx-3080"),
    ("mlco2", "RTX 3080 TI", "rtx-3080-ti"),
    ("mlco2", "RTX 3090", "rtx-3090"),
    ("mlco2", "RTX 4090", "rtx-4090"),
    ("mlco2", "RTX A5000", "rtx-a5000"),
    ("mlco2", "RTX A6000", "rtx-a6000"),
    ("mlco2", "L4", "l4"),
    ("mlco2", "L40S", "l40s"),
    ("ga", "AMD RX480", "rx-480"),
    ("ga", "NVIDIA A100 40GB PCIe", "a100-pcie-40gb"),
    ("ga", "NVIDIA A100 80GB PCIe", "a100-pcie-80gb"),
    ("ga", "NVIDIA GTX 1080", "gtx-1080"),
    ("ga", "NVIDIA GTX 1080 Ti", "gtx-1080-ti"),
    ("ga", "NVIDIA GTX TITAN X", "gtx-titan-x"),
    ("ga", "NVIDIA Jetson AGX Xavier", "jetson-agx-xavier"),
    ("ga", "NVIDIA RTX 2080", "rtx-2080"),
    ("ga", "NVIDIA RTX 2080 Ti", "rtx-2080-ti"),
    ("ga", "NVIDIA Tesla K80", "k80"),
    ("ga", "NVIDIA Tesla P100", "p100-pcie-16gb"),
    ("ga", "NVIDIA Tesla P100 PCIe", "p100-pcie-16gb"),
    ("ga", "NVIDIA Tesla P4", "p4"),
    ("ga", "NVIDIA Tesla T4", "t4"),
    ("ga", "NVIDIA Tesla V100", "v100-sxm2-16gb"),
    ("ga", "NVIDIA Tesla V100S", "v100s-pcie-32gb"),
    ("ga", "NVIDIA Titan V", "titan-v"),
    ("ga", "NVIDIA TITAN X Pascal", "titan-x-pascal"),
    ("ga", "TPU v2", "tpu-v2"),
    ("ga", "TPU v3", "tpu-v3"),
    ("ga", "TPU v4", "tpu-v4"),
    ("mlco2", "Intel Xeon E5-2699", "cpu:xeon-e5-2699-v3"),
    ("mlco2", "Intel Xeon E5-2630v4", "cpu:xeon-e5-2630-v4"),
    ("mlco2", "Intel Xeon E5-2650", "cpu:xeon-e5-2650-v4"),
    ("mlco2", "Intel Xeon Gold 5220", "cpu:xeon-gold-5220"),
    ("mlco2", "Intel Xeon Gold 6148", "cpu:xeon-gold-6148"),
    ("mlco2", "AMD EPYC 7763", "cpu:epyc-7763"),
    ("mlco2", "AMD EPYC 7282", "cpu:epyc-7282"),
    ("mlco2", "AMD EPYC 7702", "cpu:epyc-7702"),
];

fn zone(id: &str) -> &'static Zone {
    ds().zone(id).unwrap_or_else(|| panic!("zone {id} missing"))
}

#[test]
fn loads_with_version_and_basis() {
    assert_eq!(ds().meta.version, "2026.12");
    assert_eq!(ds().meta.version, DATASET_VERSION);
    assert_eq!(ds().meta.basis, "life-cycle");
    assert_eq!(extras().cid_src, "em2024ga");
    assert!(ds().source(&extras().cid_src).is_some());
}

#[test]
fn passes_every_consistency_check() {
    let found = problems(ds());
    assert!(found.is_empty(), "dataset problems:\n{}", found.join("\n"));
}

#[test]
fn bundled_json_fits_the_size_budget() {
    // What the app embeds: the dataset in column form (the extras are not linked into the app:
    // nothing in src/ reads them). The download as a whole is gated by `cargo xtask test`
    // (total gzip ≤ 320 KB); this keeps the dataset's share of it in check.
    let embedded = BUNDLED_DATASET_JSON.len();
    println!(
        "embedded dataset {embedded} B (rows form: dataset {} B, extras {} B)",
        DATASET_JSON.len(),
        EXTRAS_JSON.len()
    );
    assert!(
        embedded <= 130 * 1024,
        "embedded dataset JSON is {embedded} bytes, over 130 KB"
    );
}

#[test]
fn ids_follow_their_patterns() {
    let d = ds();
    let safe = d
        .hardware
        .iter()
        .map(|h| &h.id)
        .chain(d.cpus.iter().map(|c| &c.id))
        .chain(d.instances.iter().map(|i| &i.id));
    for id in safe {
        assert!(is_url_safe_id(id), "{id} is not [a-z0-9._-]");
    }
    for z in &d.zones {
        assert!(
            is_zone_id(&z.id),
            "{} is not an Electricity Maps zone id",
            z.id
        );
    }
    assert!(is_zone_id("US-CAL-CISO") && is_zone_id("RU-1") && is_zone_id("FR"));
    assert!(!is_zone_id("fr") && !is_zone_id("US-") && !is_zone_id("USA"));
    assert!(is_url_safe_id("p4d.24xlarge") && !is_url_safe_id("Standard_NC6s_v3"));
}

#[test]
fn every_value_has_a_known_source_and_a_plausible_year() {
    // `problems` checks this row by row; here the table sizes are pinned so no table is silently empty.
    let d = ds();
    assert!(d.zones.len() >= 350, "zones: {}", d.zones.len());
    assert!(d.regions.len() >= 140, "regions: {}", d.regions.len());
    assert!(d.hardware.len() >= 50 && d.cpus.len() >= 100 && d.instances.len() >= 60);
    let oldest = d
        .zones
        .iter()
        .map(|z| z.year)
        .chain(d.hardware.iter().map(|h| h.year))
        .min();
    assert!(oldest.is_some_and(|y| y >= 1990));
}

#[test]
fn every_mlco2_region_is_present() {
    assert_eq!(MLCO2_REGIONS.len(), 82);
    for (p, code) in MLCO2_REGIONS {
        assert!(ds().region(p, code).is_some(), "region {p}/{code} missing");
    }
}

#[test]
fn every_raw_hardware_row_is_present() {
    assert_eq!(
        RAW_HARDWARE.iter().filter(|r| r.0 == "mlco2").count(),
        48,
        "all of gpus.csv"
    );
    assert_eq!(
        RAW_HARDWARE.iter().filter(|r| r.0 == "ga").count(),
        21,
        "all of TDP_gpu.csv but `Any`"
    );
    for (file, name, id) in RAW_HARDWARE {
        let found = match id.strip_prefix("cpu:") {
            Some(cpu) => ds().cpu(cpu).is_some(),
            None => ds().hardware(id).is_some(),
        };
        assert!(found, "{file} row `{name}` ({id}) missing");
    }
}

#[test]
fn regions_draw_from_existing_zones_on_one_basis() {
    for r in &ds().regions {
        let z = zone(&r.zone);
        assert_eq!(r.intensity, z.intensity, "{}/{}", r.provider, r.code);
        assert_eq!(
            (r.intensity_low, r.intensity_high),
            (z.intensity_low, z.intensity_high)
        );
        assert_eq!(
            r.country, z.country,
            "{}/{} country vs zone",
            r.provider, r.code
        );
    }
}

#[test]
fn instances_expand_to_existing_hardware() {
    for i in &ds().instances {
        assert!(ds().hardware(&i.hw).is_some(), "{}: {}", i.id, i.hw);
        if let Some(c) = &i.cpu {
            assert!(ds().cpu(c).is_some(), "{}: cpu {c}", i.id);
        }
    }
    let p4d = ds().instance("p4d.24xlarge").expect("p4d.24xlarge");
    assert_eq!(
        (p4d.hw.as_str(), p4d.n, p4d.vcpus),
        ("a100-sxm4-40gb", 8, 96)
    );
    let nd = ds()
        .instance("Standard_ND96asr_v4")
        .expect("Azure spelling resolves");
    assert_eq!(nd.id, "standard-nd96asr-v4");
    assert_eq!(extras().instance_name(&nd.id), "Standard_ND96asr_v4");
    assert_eq!(extras().instance_name("p5.48xlarge"), "p5.48xlarge");
}

#[test]
fn known_errors_of_the_raw_files_are_fixed() {
    assert_eq!(hw("v100-sxm2-16gb").tdp, Watts(300.0));
    assert_eq!(hw("v100-pcie-16gb").tdp, Watts(250.0));
    assert_eq!(hw("a10g").mem, Some(Gigabytes(24.0)));
    let h100 = hw("h100-sxm");
    assert_eq!(h100.tdp, Watts(700.0));
    let fp16 = h100.fp16.map(|t| t.0).unwrap_or_default();
    assert!(
        (fp16 - 989.0).abs() < 1.0,
        "H100 SXM dense FP16 is ~989 TFLOPS, got {fp16}"
    );
    assert_eq!(h100.fp32, Some(Tflops(67.0)));
    assert_eq!(hw("gtx-750").tdp, Watts(55.0));
    assert_eq!(hw("gtx-750").fp32, Some(Tflops(1.111)));
    assert_eq!(hw("a100-pcie-80gb").tdp, Watts(300.0));
    assert_eq!(hw("l40s").fp32, Some(Tflops(91.6)));
    let tpu = extras().hardware("tpu-v2").expect("tpu-v2 extras");
    assert!(tpu.avg, "TPU v2 power is a measured average");
    assert_eq!((tpu.lo, tpu.hi), (Some(Watts(221.0)), Some(Watts(280.0))));
}

#[test]
fn current_accelerators_are_present() {
    for id in [
        "h100-sxm",
        "h100-pcie",
        "h100-nvl",
        "h200-sxm",
        "b200",
        "a100-sxm4-80gb",
        "a100-sxm4-40gb",
        "a100-pcie-40gb",
        "a100-pcie-80gb",
        "l4",
        "l40s",
        "a10",
        "a10g",
        "mi250x",
        "mi300x",
        "mi325x",
        "tpu-v4",
        "gaudi2",
        "gaudi3",
        "rtx-4090",
        "t4",
    ] {
        let h = hw(id);
        assert!(
            h.fp16.is_none_or(|f| f.0 < 2500.0),
            "{id}: fp16 looks like a sparsity figure"
        );
    }
    assert!(
        !extras().missing.is_empty(),
        "devices without citable figures are listed"
    );
}

#[test]
fn zone_values_equal_the_raw_files() {
    // Electricity Maps 2025 (co2.js yearly_2025.json): FR 31, DE 342, US-CAL-CISO 208.
    assert_eq!(zone("FR").intensity, GramsPerKwh(31.0));
    assert_eq!(zone("DE").intensity, GramsPerKwh(342.0));
    assert_eq!(zone("US-CAL-CISO").intensity, GramsPerKwh(208.0));
    // Direct intensity travels with the life-cycle value of its own release (Green-Algorithms-data
    // copy of Electricity Maps 2024: KR 360.97 → 361.0 direct), not on the 2025 zone row.
    let kr = extras().direct("KR").expect("KR is used by regions");
    assert_eq!(kr.d, GramsPerKwh(361.0));
    assert!(ds().zones.iter().all(|z| z.intensity_direct.is_none()));
    // DE's range spans co2.js 2024 (341), GA-data 2024 (333.8) and 2025 (342).
    assert_eq!(
        (zone("DE").intensity_low, zone("DE").intensity_high),
        (GramsPerKwh(333.8), GramsPerKwh(342.0))
    );
    let ua = zone("UA");
    assert!(
        ua.fallback && ua.source == "ember",
        "Ukraine comes from the Ember fallback"
    );
    assert!(ds()
        .zones
        .iter()
        .filter(|z| z.fallback)
        .all(|z| z.source == "ember"));
    assert!(ds()
        .zones
        .iter()
        .filter(|z| !z.fallback)
        .all(|z| z.source == "em2025" && z.year == 2025));
}

#[test]
fn lookups_find_rows() {
    let d = ds();
    assert_eq!(
        d.region("aws", "us-east-1").map(|r| r.zone.as_str()),
        Some("US-MIDA-PJM")
    );
    assert!(
        d.region("azure", "WestEurope").is_some(),
        "Azure codes are case-insensitive"
    );
    assert!(
        d.region("aws", "US-EAST-1").is_none(),
        "other providers' codes are exact"
    );
    assert!(d
        .region("gcp", "europe-west4")
        .and_then(|r| r.pue)
        .is_some());
    assert!(d.provider("aws").is_some() && d.provider("nope").is_none());
    assert!(
        d.cpu("generic").is_some_and(|c| c.cores == 1),
        "the model's generic per-core CPU"
    );
    assert!(d.source("em2025").is_some_and(|s| s.licence == "ODbL-1.0"));
    assert_eq!(d.regions_of("gcp").count(), 44);
    let google = extras()
        .provider_intensity("gcp", "europe-west4")
        .expect("Google's own figure");
    assert_eq!((google.ci, google.yr), (GramsPerKwh(208.81), 2024));
    // The model's defaults exist.
    assert!(d.hardware("a100-sxm4-80gb").is_some() && d.instance("p4de.24xlarge").is_some());
}

#[test]
fn extras_refer_to_existing_rows() {
    let d = ds();
    for h in &extras().hw {
        assert!(d.hardware(&h.id).is_some(), "extras hw {}", h.id);
        if let Some(s) = &h.tdp_src {
            assert!(d.source(s).is_some(), "{}: tdp_src {s}", h.id);
        }
    }
    for p in &extras().pci {
        assert!(d.region(&p.p, &p.code).is_some() && d.source(&p.src).is_some());
    }
    for n in &extras().inst_names {
        assert!(d.instance(&n.id).is_some() && d.instance(&n.name).is_some());
    }
}

#[test]
fn bad_json_is_an_error_not_a_panic() {
    let err = parse("{\"meta\":").expect_err("truncated JSON");
    assert!(err.to_string().contains("could not be read"));
}

#[test]
fn a_serialised_dataset_reads_back_equal() {
    // The rows are read by hand (`dataset/rows.rs`) but written by derived `Serialize`: the keys,
    // the optional members and the defaults of both must agree.
    let json = serde_json::to_string(ds()).expect("serialises");
    assert_eq!(parse(&json).as_ref(), Ok(ds()));
    let mut d = ds().clone();
    d.zones[0].intensity_direct = None;
    d.zones[0].fallback = true;
    d.providers[0].market_pct = None;
    d.regions[0].pue = Some(Pue(1.1));
    d.hardware[0].fp16 = None;
    d.instances[0].cpu = None;
    d.constants.world_ci.low = None;
    let json = serde_json::to_string(&d).expect("serialises");
    assert_eq!(parse(&json), Ok(d));
}

#[test]
fn wrong_shapes_say_where() {
    let json = DATASET_JSON.replacen("\"ci\":", "\"ci\":\"x\",\"was\":", 1);
    let err = parse(&json).expect_err("a string intensity").to_string();
    assert!(
        err.contains("regions[0]: ci: invalid type: string"),
        "{err}"
    );
    let json = DATASET_JSON.replacen("\"meta\":{", "\"meta\":{\"extra\":1,", 1);
    assert_eq!(
        parse(&json).as_ref(),
        Ok(ds()),
        "unknown members are ignored"
    );
    let err = parse(r#"{"meta":{"version":"1"}}"#).expect_err("no basis");
    assert!(err.to_string().contains("missing field `basis`"), "{err}");
}

#[test]
fn bundled_is_parsed_once() {
    let a: *const Dataset = ds();
    let b: *const Dataset = ds();
    assert_eq!(a, b, "the same cached dataset is returned");
}

#[test]
fn validation_catches_broken_rows() {
    let mut d = ds().clone();
    assert!(problems(&d).is_empty());
    d.regions[0].zone = "XX-NOWHERE".into();
    d.hardware[0].tdp = Watts(5000.0);
    d.zones[0].intensity = GramsPerKwh(1500.0);
    d.instances[0].hw = "no-such-gpu".into();
    d.cpus[0].source = "no-such-source".into();
    d.providers[0].pue = Pue(0.9);
    let dup = d.hardware[1].clone();
    d.hardware.push(dup);
    let found = problems(&d).join("\n");
    for needle in [
        "unknown zone XX-NOWHERE",
        "TDP 5000",
        "intensity 1500",
        "unknown hardware no-such-gpu",
        "unknown source id `no-such-source`",
        "PUE 0.9",
        "duplicate id",
    ] {
        assert!(
            found.contains(needle),
            "expected a problem mentioning `{needle}` in:\n{found}"
        );
    }
}
