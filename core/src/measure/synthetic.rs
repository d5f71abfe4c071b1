//! Generated logs for benchmarks and tests: what nvidia-smi writes for a busy node.

use super::timestamp::civil_from_days;
use std::fmt::Write;

/// 2024-05-01T12:00:00Z in seconds since the epoch: the generated logs start here.
const START_SECONDS: i64 = 1_714_564_800;

/// An nvidia-smi CSV as written by `nvidia-smi --query-gpu=timestamp,index,name,pci.bus_id,
/// power.draw,utilization.gpu,memory.used --format=csv -lms <interval_ms>` on a node of `gpus`
/// A100s, for `seconds` seconds: a header, then one line per GPU per interval (about 100 bytes
/// a line), with powers that wander deterministically between 60 and 400 W. 8 GPUs for 12,000 s
/// at 100 ms make about 91 MB.
pub fn nvidia_smi_log(gpus: u32, seconds: u32, interval_ms: u32) -> String {
    let interval_ms = u64::from(interval_ms.max(1));
    let steps = u64::from(seconds) * 1000 / interval_ms;
    let mut out =
        String::with_capacity(usize::try_from((steps + 1) * u64::from(gpus) * 104).unwrap_or(0));
    out.push_str(
        "timestamp, index, name, pci.bus_id, power.draw [W], utilization.gpu [%], memory.used [MiB]\n",
    );
    // A fixed linear congruential generator: same log on every platform, no dependency.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut watts: Vec<u32> = vec![25_000; usize::try_from(gpus).unwrap_or(0)];
    for step in 0..=steps {
        let ms_total = step * interval_ms;
        for (gpu, w) in watts.iter_mut().enumerate() {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            // A random walk in centiwatts, kept within 60–400 W.
            let delta = i64::try_from((state >> 33) % 2001).unwrap_or(0) - 1000;
            *w = u32::try_from((i64::from(*w) + delta).clamp(6_000, 40_000)).unwrap_or(6_000);
            // Each GPU is queried a little after the previous one, as nvidia-smi does.
            let ms = ms_total + gpu as u64 * 2;
            let seconds = START_SECONDS + i64::try_from(ms / 1000).unwrap_or(0);
            let (y, mo, d) = civil_from_days(seconds.div_euclid(86_400));
            let sod = seconds.rem_euclid(86_400);
            let _ = writeln!(
                out,
                "{y:04}/{mo:02}/{d:02} {:02}:{:02}:{:02}.{:03}, {gpu}, NVIDIA A100-SXM4-40GB, \
                 00000000:{:02X}:00.0, {}.{:02} W, {} %, {} MiB",
                sod / 3600,
                sod / 60 % 60,
                sod % 60,
                ms % 1000,
                0x07 + gpu * 0x08,
                *w / 100,
                *w % 100,
                (*w / 400).min(100),
                30_000 + *w / 10,
            );
        }
    }
    out
}
