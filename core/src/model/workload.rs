//! Runtimes derived from a workload in FLOPs.
//!
//! Formula (documented for the UI and reports):
//!
//! ```text
//! wall hours = FLOPs ÷ (devices × peak dense TFLOPS × 10¹² × MFU) ÷ 3600
//! ```
//!
//! where the peak is the device's dense FP16/BF16 throughput when known (what mixed-precision
//! training uses), else its FP32 throughput (see [`super::factors::peak_throughput`]); sparsity
//! figures are never used. A dense transformer's training compute is approximately
//! `6 × parameters × tokens` (Kaplan et al. 2020; Hoffmann et al. 2022): 2 FLOPs per parameter per
//! token forward, 4 backward.

use crate::units::{Flops, Hours, Percent, Tflops};

/// FLOPs per parameter per training token for a dense transformer (forward + backward).
pub const FLOPS_PER_PARAMETER_TOKEN: f64 = 6.0;

/// Training compute of a dense transformer: `6 × parameters × tokens`.
pub fn training_flops(parameters: f64, tokens: f64) -> Flops {
    Flops(FLOPS_PER_PARAMETER_TOKEN * parameters * tokens)
}

/// Wall-clock hours to run `flops` on `devices` devices of peak `peak` at utilization `mfu`.
/// Returns `None` when the result is not a finite positive number (zero throughput, zero MFU,
/// zero devices, or overflow), so callers never see NaN or infinity.
pub fn hours_for(flops: Flops, peak: Tflops, devices: u32, mfu: Percent) -> Option<Hours> {
    let effective = peak.scale(f64::from(devices) * mfu.fraction());
    if !(effective.is_finite() && effective.0 > 0.0) {
        return None;
    }
    let hours = flops / effective;
    (hours.is_finite() && hours.0 > 0.0).then_some(hours)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinchilla_style_product() {
        assert_eq!(training_flops(70e9, 1.4e12), Flops(6.0 * 70e9 * 1.4e12));
    }

    #[test]
    fn one_device_at_full_mfu_for_an_hour() {
        // 1 TFLOPS × 3600 s = 3.6e15 FLOP.
        let h = hours_for(Flops(3.6e15), Tflops(1.0), 1, Percent(100.0));
        assert_eq!(h, Some(Hours(1.0)));
    }

    #[test]
    fn zero_throughput_is_none() {
        assert_eq!(hours_for(Flops(1e20), Tflops(0.0), 8, Percent(40.0)), None);
        assert_eq!(
            hours_for(Flops(1e20), Tflops(100.0), 0, Percent(40.0)),
            None
        );
    }
}
