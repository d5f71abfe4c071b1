//! Native checks of accelerator power against its publishers: instances against their devices
//! and the board power their providers report, TPU power as Google publishes it (a measured mean,
//! marked as such), corrected figures against their vendor sources, and the year of every
//! device's source. Each check failed on the dataset before issue #16 (commit 840ccab) or fails
//! on a deliberately broken copy.

use emissions_core::dataset::*;
use emissions_core::units::*;

mod common;
use common::{loaded_dataset as ds, loaded_extras as extras, loaded_hardware as hw};

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
