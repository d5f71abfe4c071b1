//! GPU product names, as drivers print them, → ids of the bundled hardware catalogue.
//!
//! An explicit table, never a guess: a name that is not listed maps to `None` and is shown to
//! the user as read, because a near match (`A100-PCIE-40GB` vs `A100 80GB PCIe`, or an H100 NVL vs
//! an H100 SXM) differs by up to 2× in TDP. Names are the product names nvidia-smi and NVML
//! report (`nvidia-smi --query-gpu=name`, and CodeCarbon's `gpu_model`, which comes from NVML),
//! checked against public logs of real runs on GitHub (e.g. the header and `GeForce GTX 1080`
//! rows in <https://github.com/Cyclenerd/ethereum_nvidia_miner/pull/51>, and `GeForce GTX 1080 Ti`
//! in <https://github.com/aristocratos/bpytop/issues/26>). Drivers since the R460 series prefix
//! GeForce, Quadro-class and TITAN names with `NVIDIA `; both spellings are listed. A test checks
//! that every id exists in the bundled dataset.

use crate::dataset::Dataset;
use crate::units::Watts;

/// (name as printed by nvidia-smi, catalogue id).
pub const GPU_NAMES: &[(&str, &str)] = &[
    // Data-centre GPUs (the names carry no "Tesla" from the A100 on).
    ("NVIDIA A100-SXM4-40GB", "a100-sxm4-40gb"),
    ("NVIDIA A100-SXM4-80GB", "a100-sxm4-80gb"),
    ("NVIDIA A100-PCIE-40GB", "a100-pcie-40gb"),
    ("NVIDIA A100 80GB PCIe", "a100-pcie-80gb"),
    ("NVIDIA A10", "a10"),
    ("NVIDIA A10G", "a10g"),
    ("NVIDIA L4", "l4"),
    ("NVIDIA L40S", "l40s"),
    ("NVIDIA H100 80GB HBM3", "h100-sxm"),
    ("NVIDIA H100 PCIe", "h100-pcie"),
    ("NVIDIA H100 NVL", "h100-nvl"),
    ("NVIDIA H200", "h200-sxm"),
    ("NVIDIA H200 NVL", "h200-nvl"),
    ("NVIDIA B200", "b200"),
    ("Tesla T4", "t4"),
    ("Tesla V100-SXM2-16GB", "v100-sxm2-16gb"),
    ("Tesla V100-SXM2-32GB", "v100-sxm2-32gb"),
    ("Tesla V100-PCIE-16GB", "v100-pcie-16gb"),
    ("Tesla V100S-PCIE-32GB", "v100s-pcie-32gb"),
    ("Tesla P100-PCIE-16GB", "p100-pcie-16gb"),
    ("Tesla P40", "p40"),
    ("Tesla P4", "p4"),
    ("Tesla K80", "k80"),
    ("Tesla K40c", "k40c"),
    ("Tesla M40 24GB", "m40-24gb"),
    // Workstation and consumer GPUs, with and without the "NVIDIA " prefix of newer drivers.
    ("NVIDIA RTX A6000", "rtx-a6000"),
    ("NVIDIA RTX A5000", "rtx-a5000"),
    ("Quadro RTX 8000", "quadro-rtx-8000"),
    ("NVIDIA Quadro RTX 8000", "quadro-rtx-8000"),
    ("Quadro P6000", "quadro-p6000"),
    ("NVIDIA GeForce RTX 4090", "rtx-4090"),
    ("NVIDIA GeForce RTX 3090", "rtx-3090"),
    ("GeForce RTX 3090", "rtx-3090"),
    ("NVIDIA GeForce RTX 3080 Ti", "rtx-3080-ti"),
    ("NVIDIA GeForce RTX 3080", "rtx-3080"),
    ("GeForce RTX 3080", "rtx-3080"),
    ("NVIDIA GeForce RTX 2080 Ti", "rtx-2080-ti"),
    ("GeForce RTX 2080 Ti", "rtx-2080-ti"),
    ("NVIDIA GeForce RTX 2080", "rtx-2080"),
    ("GeForce RTX 2080", "rtx-2080"),
    ("NVIDIA GeForce GTX 1080 Ti", "gtx-1080-ti"),
    ("GeForce GTX 1080 Ti", "gtx-1080-ti"),
    ("NVIDIA GeForce GTX 1080", "gtx-1080"),
    ("GeForce GTX 1080", "gtx-1080"),
    ("NVIDIA TITAN RTX", "titan-rtx"),
    ("TITAN RTX", "titan-rtx"),
    ("NVIDIA TITAN V", "titan-v"),
    ("TITAN V", "titan-v"),
    ("NVIDIA TITAN Xp", "titan-xp"),
    ("TITAN Xp", "titan-xp"),
];

/// The catalogue id of a GPU product name as nvidia-smi prints it (surrounding spaces ignored,
/// otherwise exact); `None` for a name the table does not list.
pub fn catalogue_id(name: &str) -> Option<&'static str> {
    let name = name.trim();
    GPU_NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, id)| *id)
}

/// Splits CodeCarbon's `gpu_model` (`"8 x NVIDIA A100-SXM4-40GB"`) into the count and the name.
/// CodeCarbon joins one `"{count} x {name}"` per distinct model with no separator, so a node with
/// two models gives a string that is returned whole with no count, and maps to no id.
pub fn split_gpu_model(model: &str) -> (Option<u32>, &str) {
    let model = model.trim();
    if let Some((count, name)) = model.split_once(" x ") {
        if let Ok(n) = count.trim().parse::<u32>() {
            if !name.contains(" x ") {
                return (Some(n), name.trim());
            }
        }
    }
    (None, model)
}

/// Average power as a fraction of the device's TDP in `dataset` (0.75 = 75 % of TDP); `None`
/// when the id is not in the dataset or its TDP is not positive.
pub fn tdp_fraction(average: Watts, catalogue_id: &str, dataset: &Dataset) -> Option<f64> {
    let hw = dataset.hardware.iter().find(|h| h.id == catalogue_id)?;
    (hw.tdp.0 > 0.0).then(|| average.ratio(hw.tdp))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_names_only() {
        assert_eq!(catalogue_id("NVIDIA H100 80GB HBM3"), Some("h100-sxm"));
        assert_eq!(catalogue_id(" Tesla T4 "), Some("t4"));
        assert_eq!(catalogue_id("NVIDIA H100"), None);
        assert_eq!(catalogue_id("nvidia a10g"), None);
    }

    #[test]
    fn codecarbon_gpu_model() {
        assert_eq!(
            split_gpu_model("8 x NVIDIA A100-SXM4-40GB"),
            (Some(8), "NVIDIA A100-SXM4-40GB")
        );
        assert_eq!(split_gpu_model("Apple M1"), (None, "Apple M1"));
        assert_eq!(
            split_gpu_model("1 x Tesla T42 x NVIDIA A10G"),
            (None, "1 x Tesla T42 x NVIDIA A10G")
        );
    }
}
