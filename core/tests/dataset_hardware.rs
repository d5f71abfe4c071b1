//! Native checks of the accelerator table against knowledge kept here, apart from the data: which
//! devices have tensor or matrix units (so their dense FP16 rate is a multiple of FP32 that the
//! architecture fixes) and plausible figures per device class. Power, instances and sources are
//! checked in `dataset_hardware_power.rs`, CPU release years in `dataset_cpus.rs`.
//!
//! Each check failed on the dataset before issue #16 (commit 840ccab: `git show
//! 840ccab:data/dataset.json`), or fails on a deliberately broken copy (the `*_catches_*` tests).

use emissions_core::dataset::*;
use emissions_core::units::*;

mod common;
use common::{loaded_dataset as ds, loaded_hardware as hw};

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
