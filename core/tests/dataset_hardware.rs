//! Native checks of the accelerator, instance and CPU tables against knowledge kept here, apart
//! from the data: which devices have tensor or matrix units (so their dense FP16 rate is a
//! multiple of FP32 that the architecture fixes), plausible figures per device class, instances
//! against their devices and the power their providers report, TPU power as Google publishes
//! it, and CPU release years against their product generation.
//!
//! Each check failed on the dataset before issue #16 (commit 840ccab: `git show
//! 840ccab:data/dataset.json`), or fails on a deliberately broken copy (see the `*_catches_*`
//! tests).

use emissions_core::dataset::*;
use emissions_core::units::*;

/// Least dense FP16 ÷ FP32 ratio per architecture, from the vendors' per-SM/CU rates (5 % under
/// the exact ratio, for boost-clock rounding). GeForce parts run FP16 tensor maths with FP32
/// accumulate at half the FP16-accumulate rate, hence their lower floors.
mod ratio {
    /// Volta: 8 tensor cores × 64 FMA per SM vs 64 FP32 FMA (8×; Titan V's 110 TFLOPS is quoted
    /// at a lower clock than its FP32 figure: 7.4×).
    pub const VOLTA: f64 = 7.0;
    /// Turing GeForce (FP32 accumulate at half rate): 4×.
    pub const TURING_GEFORCE: f64 = 3.8;
    /// Turing Titan, Quadro and T4 (full rate): 8×.
    pub const TURING_FULL: f64 = 7.5;
    /// Ampere GA10x and Ada GeForce, and the L40 (FP32 accumulate at half rate): 2×.
    pub const GA10X_ADA_HALF: f64 = 1.9;
    /// Ampere GA10x and Ada professional and data-centre parts (full rate): 4×.
    pub const GA10X_ADA_FULL: f64 = 3.8;
    /// A100-class GA100 (A100, A30): 16×.
    pub const GA100: f64 = 15.0;
    /// Hopper and Blackwell data-centre parts: 13.9× (H100 NVL) to 30× (B200).
    pub const HOPPER_BLACKWELL: f64 = 13.0;
    /// AMD CDNA 1–3 matrix cores: 8×.
    pub const CDNA: f64 = 7.5;
    /// Devices without a published FP32 figure (TPUs, Gaudi, …): nothing to compare.
    pub const NO_FP32: f64 = 0.0;
}

/// Devices with tensor, matrix or MXU units, with the least FP16 ÷ FP32 ratio of their
/// architecture. Every hardware row must be here or in [`NO_TENSOR`].
const TENSOR: &[(&str, f64)] = &[
    ("v100-pcie-16gb", ratio::VOLTA),
    ("v100-sxm2-16gb", ratio::VOLTA),
    ("v100-sxm2-32gb", ratio::VOLTA),
    ("v100s-pcie-32gb", ratio::VOLTA),
    ("titan-v", ratio::VOLTA),
    ("jetson-agx-xavier", ratio::VOLTA),
    ("rtx-2080", ratio::TURING_GEFORCE),
    ("rtx-2080-ti", ratio::TURING_GEFORCE),
    ("titan-rtx", ratio::TURING_FULL),
    ("quadro-rtx-8000", ratio::TURING_FULL),
    ("t4", ratio::TURING_FULL),
    ("rtx-3080", ratio::GA10X_ADA_HALF),
    ("rtx-3080-ti", ratio::GA10X_ADA_HALF),
    ("rtx-3090", ratio::GA10X_ADA_HALF),
    ("rtx-4090", ratio::GA10X_ADA_HALF),
    ("rtx-5090", ratio::GA10X_ADA_HALF),
    ("l40", ratio::GA10X_ADA_HALF),
    ("rtx-a5000", ratio::GA10X_ADA_FULL),
    ("rtx-a6000", ratio::GA10X_ADA_FULL),
    ("rtx-6000-ada", ratio::GA10X_ADA_FULL),
    ("a10", ratio::GA10X_ADA_FULL),
    ("a10g", ratio::GA10X_ADA_FULL),
    ("a40", ratio::GA10X_ADA_FULL),
    ("l4", ratio::GA10X_ADA_FULL),
    ("l40s", ratio::GA10X_ADA_FULL),
    ("a30", ratio::GA100),
    ("a100-pcie-40gb", ratio::GA100),
    ("a100-pcie-80gb", ratio::GA100),
    ("a100-sxm4-40gb", ratio::GA100),
    ("a100-sxm4-80gb", ratio::GA100),
    ("h100-sxm", ratio::HOPPER_BLACKWELL),
    ("h100-pcie", ratio::HOPPER_BLACKWELL),
    ("h100-nvl", ratio::HOPPER_BLACKWELL),
    ("h200-sxm", ratio::HOPPER_BLACKWELL),
    ("h200-nvl", ratio::HOPPER_BLACKWELL),
    ("b200", ratio::HOPPER_BLACKWELL),
    ("mi100", ratio::CDNA),
    ("mi210", ratio::CDNA),
    ("mi250x", ratio::CDNA),
    ("mi300x", ratio::CDNA),
    ("mi325x", ratio::CDNA),
    ("mi355x", ratio::CDNA),
    ("tpu-v2", ratio::NO_FP32),
    ("tpu-v3", ratio::NO_FP32),
    ("tpu-v4", ratio::NO_FP32),
    ("gaudi2", ratio::NO_FP32),
    ("gaudi3", ratio::NO_FP32),
];

/// Devices without tensor or matrix units (Kepler, Maxwell, Pascal, Polaris, Turing TU116).
const NO_TENSOR: &[&str] = &[
    "k40c",
    "k80",
    "quadro-k6000",
    "gtx-750",
    "gtx-titan-x",
    "m40-24gb",
    "p4",
    "p40",
    "p100-pcie-16gb",
    "gtx-1080",
    "gtx-1080-ti",
    "titan-x-pascal",
    "titan-xp",
    "quadro-p6000",
    "rx-480",
    "gtx-1660-oc",
];

fn ds() -> &'static Dataset {
    match bundled() {
        Ok(d) => d,
        Err(e) => panic!("bundled dataset does not load: {e}"),
    }
}

fn extras() -> &'static Extras {
    match bundled_extras() {
        Ok(x) => x,
        Err(e) => panic!("bundled extras do not load: {e}"),
    }
}

fn hw(id: &str) -> &'static Hardware {
    ds().hardware(id)
        .unwrap_or_else(|| panic!("hardware {id} missing"))
}

#[test]
fn every_device_is_classified_once_and_no_listed_id_disappears() {
    for h in &ds().hardware {
        let tensor = TENSOR.iter().filter(|t| t.0 == h.id).count();
        let plain = NO_TENSOR.iter().filter(|t| **t == h.id).count();
        assert_eq!(
            tensor + plain,
            1,
            "{}: classify it once in TENSOR or NO_TENSOR",
            h.id
        );
    }
    // Old share links and saved jobs name these ids: they must keep resolving.
    for id in TENSOR.iter().map(|t| t.0).chain(NO_TENSOR.iter().copied()) {
        assert!(ds().hardware(id).is_some(), "hardware id {id} disappeared");
    }
}

/// Problems of the FP16 basis: a tensor device whose FP16 is below its architecture's tensor rate
/// is carrying a non-tensor (or FP16-accumulate-only) figure.
fn tensor_basis_problems(d: &Dataset) -> Vec<String> {
    let mut out = Vec::new();
    for (id, least) in TENSOR {
        let Some(h) = d.hardware(id) else { continue };
        if let (Some(f16), Some(f32)) = (h.fp16, h.fp32) {
            if *least > 0.0 && f16.0 < least * f32.0 {
                out.push(format!(
                    "{id}: fp16 {} < {least} × fp32 {}: not the tensor rate",
                    f16.0, f32.0
                ));
            }
        }
    }
    for id in NO_TENSOR {
        let Some(h) = d.hardware(id) else { continue };
        if let (Some(f16), Some(f32)) = (h.fp16, h.fp32) {
            // Without tensor units FP16 runs at most at twice the FP32 rate (packed FP16).
            if f16.0 > 2.05 * f32.0 {
                out.push(format!(
                    "{id}: fp16 {} > 2 × fp32 without tensor units",
                    f16.0
                ));
            }
        }
    }
    out
}

#[test]
fn tensor_devices_carry_the_tensor_fp16_rate() {
    let found = tensor_basis_problems(ds());
    assert!(found.is_empty(), "{}", found.join("\n"));
    // fp16 ≥ fp32 for every tensor device, the weakest form of the same rule.
    for (id, _) in TENSOR {
        let h = hw(id);
        if let (Some(f16), Some(f32)) = (h.fp16, h.fp32) {
            assert!(f16.0 >= f32.0, "{id}: fp16 {} < fp32 {}", f16.0, f32.0);
        }
    }
}

#[test]
fn tensor_basis_check_catches_a_non_tensor_figure() {
    let mut d = ds().clone();
    let Some(h) = d.hardware.iter_mut().find(|h| h.id == "rtx-3090") else {
        panic!("rtx-3090 missing")
    };
    h.fp16 = Some(Tflops(35.58)); // the non-tensor rate mlco2 gave
    let found = tensor_basis_problems(&d).join("\n");
    assert!(found.contains("rtx-3090"), "{found}");
}

/// Bounds per device class: (kind, TDP W, memory GB, FP32 TFLOPS per W, FP16 TFLOPS per W).
/// FP32 per W has a floor (a Kepler card gives about 0.02) that catches per-GPU throughput paired
/// with per-board power; FP16 per W has a ceiling (B200 2.25) that catches sparsity figures.
type Bounds = (HardwareKind, (f64, f64), (f64, f64), (f64, f64), f64);
const CLASS_BOUNDS: &[Bounds] = &[
    (
        HardwareKind::Gpu,
        (30.0, 1500.0),
        (2.0, 300.0),
        (0.015, 0.5),
        2.5,
    ),
    (
        HardwareKind::Tpu,
        (50.0, 1000.0),
        (8.0, 200.0),
        (0.015, 0.5),
        2.5,
    ),
    (
        HardwareKind::Npu,
        (50.0, 1500.0),
        (8.0, 300.0),
        (0.015, 0.5),
        2.5,
    ),
    (
        HardwareKind::Soc,
        (5.0, 150.0),
        (1.0, 128.0),
        (0.015, 0.5),
        2.5,
    ),
];

fn class_problems(d: &Dataset) -> Vec<String> {
    let within = |v: f64, (lo, hi): (f64, f64)| v >= lo && v <= hi;
    let mut out = Vec::new();
    for h in &d.hardware {
        let Some((_, tdp, mem, fp32_w, fp16_w)) = CLASS_BOUNDS.iter().find(|b| b.0 == h.kind)
        else {
            out.push(format!("{}: no bounds for {:?}", h.id, h.kind));
            continue;
        };
        let w = h.tdp.0;
        if !within(w, *tdp) {
            out.push(format!("{}: TDP {w} W outside {tdp:?}", h.id));
        }
        if let Some(m) = h.mem {
            if !within(m.0, *mem) {
                out.push(format!("{}: memory {} GB outside {mem:?}", h.id, m.0));
            }
        }
        if let Some(f) = h.fp32 {
            if !within(f.0 / w, *fp32_w) {
                out.push(format!("{}: fp32 {} TFLOPS at {w} W", h.id, f.0));
            }
        }
        if let Some(f) = h.fp16 {
            if f.0 / w > *fp16_w {
                out.push(format!("{}: fp16 {} TFLOPS at {w} W", h.id, f.0));
            }
        }
    }
    out
}

#[test]
fn power_memory_and_throughput_are_within_class_bounds() {
    let found = class_problems(ds());
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn class_bounds_catch_broken_rows() {
    let mut d = ds().clone();
    for h in &mut d.hardware {
        match h.id.as_str() {
            "k80" => h.fp32 = Some(Tflops(4.113)), // one GPU's FP32 at the board's power
            "l4" => h.fp16 = Some(Tflops(242.0)),  // the sparsity figure
            "tpu-v4" => h.mem = Some(Gigabytes(512.0)),
            "gaudi2" => h.tdp = Watts(5.0),
            _ => {}
        }
    }
    let found = class_problems(&d).join("\n");
    for id in ["k80", "l4", "tpu-v4", "gaudi2"] {
        assert!(found.contains(id), "{id} not caught in:\n{found}");
    }
}

/// Board power that the provider's instances report for the device (nvidia-smi's power limit),
/// which the device's TDP must equal: (instance id prefix, hardware id, W).
const PROVIDER_REPORTED_W: &[(&str, &str, f64)] = &[
    // S. Prasanna's table of AWS GPU instances, "TDP from nvidia-smi" (source `prasanna-aws-gpus`).
    ("g5.", "a10g", 300.0),
    ("p4d.", "a100-sxm4-40gb", 400.0),
];

/// The family of an instance: AWS `p4d` of `p4d.24xlarge`, GCP `a2-highgpu` of `a2-highgpu-8g`,
/// Azure `standard-nc` + series suffix of `standard-nc24ads-a100-v4`.
fn family(i: &Instance) -> String {
    match i.provider.as_str() {
        "aws" => i.id.split('.').next().unwrap_or_default().to_string(),
        "gcp" => i.id.split('-').take(2).collect::<Vec<_>>().join("-"),
        _ => {
            let parts: Vec<&str> = i.id.split('-').collect();
            let size = parts.get(1).copied().unwrap_or_default();
            let letters: String = size
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            format!("{letters}-{}", parts.get(2..).unwrap_or_default().join("-"))
        }
    }
}

#[test]
fn instances_are_consistent_with_their_devices() {
    let d = ds();
    for i in &d.instances {
        let h = d
            .hardware(&i.hw)
            .unwrap_or_else(|| panic!("{}: unknown hardware {}", i.id, i.hw));
        assert!(
            [1, 2, 4, 8, 16].contains(&i.n),
            "{}: {} accelerators",
            i.id,
            i.n
        );
        assert!(
            !h.name.contains("GeForce"),
            "{}: a consumer card in a cloud instance",
            i.id
        );
        if let Some(c) = &i.cpu {
            let cpu = d
                .cpu(c)
                .unwrap_or_else(|| panic!("{}: unknown cpu {c}", i.id));
            // At most two sockets of two threads per core.
            assert!(
                i.vcpus <= 4 * cpu.cores,
                "{}: {} vCPUs on {} cores",
                i.id,
                i.vcpus,
                cpu.cores
            );
        }
        // Instances of one family carry one device.
        for j in d.instances.iter().filter(|j| family(j) == family(i)) {
            assert_eq!(i.hw, j.hw, "{} and {} are one family", i.id, j.id);
        }
    }
    for (prefix, id, w) in PROVIDER_REPORTED_W {
        assert!(
            d.instances
                .iter()
                .any(|i| i.id.starts_with(prefix) && i.hw == *id),
            "{prefix}* instances carry {id}"
        );
        assert_eq!(
            hw(id).tdp,
            Watts(*w),
            "{id}: TDP vs the {w} W its {prefix}* instances report"
        );
    }
}

/// Google's measured (min, mean, max) chip power, Cloud TPU docs.
const TPU_POWER: &[(&str, f64, f64, f64)] = &[
    ("tpu-v3", 123.0, 220.0, 262.0),
    ("tpu-v4", 90.0, 170.0, 192.0),
];

#[test]
fn tpu_power_is_googles_measured_mean_and_marked_so() {
    for h in ds().hardware.iter().filter(|h| h.kind == HardwareKind::Tpu) {
        let x = extras()
            .hardware(&h.id)
            .unwrap_or_else(|| panic!("{}: no extras", h.id));
        assert!(x.avg, "{}: TPU power is a measured average, mark it", h.id);
        if let (Some(lo), Some(hi)) = (x.lo, x.hi) {
            assert!(lo <= h.tdp && h.tdp <= hi, "{}: lo ≤ tdp ≤ hi", h.id);
        }
    }
    for (id, min, mean, max) in TPU_POWER {
        let x = extras().hardware(id).expect("TPU extras");
        assert_eq!(hw(id).tdp, Watts(*mean), "{id}: Google's mean");
        assert_eq!((x.lo, x.hi), (Some(Watts(*min)), Some(Watts(*max))), "{id}");
    }
}

#[test]
fn corrected_figures_equal_their_vendor_sources() {
    // AMD: FP32 vector 163.4 TFLOPS (81.7 is the FP64 vector figure).
    assert_eq!(hw("mi300x").fp32, Some(Tflops(163.4)));
    assert_eq!(hw("mi325x").fp32, Some(Tflops(163.4)));
    // GA102 and Turing whitepapers: Peak FP16 Tensor TFLOPS with FP32 Accumulate.
    assert_eq!(hw("rtx-3090").fp16, Some(Tflops(71.0)));
    assert_eq!(hw("rtx-2080-ti").fp16, Some(Tflops(53.8)));
    assert_eq!(hw("rtx-a6000").fp16, Some(Tflops(154.8)));
    // K80 is one board: 24 GB, 8.73 TFLOPS, 300 W.
    let k80 = hw("k80");
    assert_eq!(
        (k80.tdp, k80.mem, k80.fp32),
        (Watts(300.0), Some(Gigabytes(24.0)), Some(Tflops(8.73)))
    );
    // Quadro RTX 8000 datasheet: 295 W maximum power consumption.
    assert_eq!(hw("quadro-rtx-8000").tdp, Watts(295.0));
    // TPU v3 per chip: 32 GiB, 123 BF16 TFLOPS (Google Cloud docs).
    let v3 = hw("tpu-v3");
    assert_eq!(
        (v3.mem, v3.fp16),
        (Some(Gigabytes(32.0)), Some(Tflops(123.0)))
    );
}

/// Devices whose source is unknown or older than the device (a datasheet may precede the release
/// by a year, for the announcement, never more).
fn source_year_problems(d: &Dataset) -> Vec<String> {
    let mut out = Vec::new();
    for h in &d.hardware {
        match d.source(&h.source) {
            None => out.push(format!("{}: unknown source {}", h.id, h.source)),
            Some(s) if s.year + 1 < h.year => out.push(format!(
                "{}: source {} ({}) older than the device ({})",
                h.id, s.id, s.year, h.year
            )),
            Some(_) => {}
        }
    }
    out
}

#[test]
fn every_device_source_states_a_year_no_older_than_the_device() {
    let found = source_year_problems(ds());
    assert!(found.is_empty(), "{}", found.join("\n"));
    for x in &extras().hw {
        if let Some(src) = &x.tdp_src {
            assert!(ds().source(src).is_some(), "{}: tdp_src {src}", x.id);
        }
    }
    // The check can fail: a 2014 source for a 2024 device.
    let mut d = ds().clone();
    if let Some(h) = d.hardware.iter_mut().find(|h| h.id == "b200") {
        h.source = "tpu-gtx750".into();
    }
    assert!(source_year_problems(&d).join("\n").contains("b200"));
}

/// Release years a CPU's generation allows, read from its name (Intel and AMD numbering).
fn generation_years(name: &str) -> Option<(u16, u16)> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let digits = |w: &str| w.chars().filter(char::is_ascii_digit).collect::<String>();
    // The model number: the last word with a digit (`8175M` of "Xeon Platinum 8175M (AWS)").
    let model = words
        .iter()
        .rev()
        .find(|w| w.chars().any(|c| c.is_ascii_digit()))
        .copied()
        .unwrap_or_default();
    if let Some(i) = words
        .iter()
        .position(|w| w.starts_with("E5-") || w.starts_with("E7-"))
    {
        return Some(match words.get(i + 1).copied() {
            Some("v2") => (2013, 2014),
            Some("v3") => (2014, 2015),
            Some("v4") => (2016, 2016),
            _ => (2012, 2012),
        });
    }
    if let Some(w) = words.iter().find(|w| {
        w.starts_with("i3-") || w.starts_with("i5-") || w.starts_with("i7-") || w.starts_with("i9-")
    }) {
        let n = digits(&w[3..]);
        let generation: u32 = if n.len() == 5 {
            n[..2].parse().ok()?
        } else {
            n[..1].parse().ok()?
        };
        return Some(match generation {
            2 => (2011, 2011),
            3 => (2012, 2013),
            4 => (2013, 2014),
            5 | 6 => (2015, 2015),
            7 => (2017, 2017),
            8 => (2017, 2018),
            9 => (2018, 2019),
            10 => (2019, 2020),
            11 => (2020, 2021),
            12 => (2021, 2022),
            _ => return None,
        });
    }
    if name.contains("Xeon Gold") || name.contains("Xeon Platinum") || name.contains("Xeon Silver")
    {
        let n = digits(model);
        return Some(match n.get(1..2)? {
            "1" => (2017, 2017),
            "2" => (2019, 2019),
            "3" => (2020, 2021),
            "4" => (2023, 2023),
            "5" => (2023, 2024),
            _ => return None,
        });
    }
    if name.contains("EPYC") {
        // EPYC numbering: first character the series, fourth the generation (`7R13`, `9654`).
        let c: Vec<char> = model.chars().collect();
        return Some(match (*c.first()?, *c.get(3)?) {
            ('7', '1') => (2017, 2017),
            ('7', '2') => (2019, 2019),
            ('7', '3') => (2021, 2022),
            ('9', '4') => (2022, 2023),
            ('9', '5') => (2024, 2024),
            _ => return None,
        });
    }
    if name.contains("Ryzen") && !name.contains("Threadripper") {
        return Some(match digits(model).get(..1)? {
            "1" => (2017, 2017),
            "2" => (2018, 2018),
            "3" => (2019, 2020),
            "5" => (2020, 2022),
            _ => return None,
        });
    }
    None
}

#[test]
fn cpu_release_years_are_the_cpus_not_the_files() {
    let mut checked = 0;
    for c in ds().cpus.iter().filter(|c| c.id != "generic") {
        if c.source == "ga" {
            assert!(
                c.year < 2025,
                "{}: {} is Green Algorithms' file year, not a release year",
                c.id,
                c.year
            );
        }
        if let Some((lo, hi)) = generation_years(&c.name) {
            assert!(
                (lo..=hi).contains(&c.year),
                "{} ({}): year {} outside its generation's {lo}-{hi}",
                c.id,
                c.name,
                c.year
            );
            checked += 1;
        }
    }
    assert!(
        checked >= 70,
        "the generation rules matched only {checked} CPUs"
    );
    assert_eq!(
        generation_years("Intel Xeon E5-2699 v3"),
        Some((2014, 2015))
    );
    assert_eq!(generation_years("Core i9-10900K"), Some((2019, 2020)));
    assert_eq!(generation_years("AMD EPYC 7763"), Some((2021, 2022)));
}
