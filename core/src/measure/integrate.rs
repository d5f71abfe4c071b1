//! Energy from power samples: trapezoids between consecutive samples of one device, kept as
//! running sums so memory does not grow with the log.
//!
//! Gaps: the reader cannot know the median sampling interval before the end of the file, and
//! must not keep the rows. So every interval goes into a histogram of 1/16-octave bins (from
//! ~61 µs to ~2 years; shorter and longer intervals land in the end bins), each bin holding the
//! count, the time and the trapezoid energy of its intervals. At the end the median interval is
//! read from the histogram and every bin lying wholly above [`GAP_FACTOR`] × the median's bin is
//! a gap: its time and energy are left out and reported as a count and a total time. The
//! threshold is therefore exact to within two bin widths (≤ 13 %), and the result depends only
//! on the samples, never on how the file was cut into chunks.
//!
//! Out of order: a sample not later than the previous accepted sample of the same device is
//! skipped and counted (a clock step or a concatenation of logs in the wrong order); the next
//! sample is measured from the last accepted one, so a clock stepping back briefly costs a few
//! samples, not the segment.

use super::timestamp::MICROS_PER_SECOND;

/// An interval longer than this many median intervals (per device) is a gap, not bridged.
pub const GAP_FACTOR: f64 = 5.0;

/// Bins per octave of the interval histogram.
const BINS_PER_OCTAVE: i64 = 16;
/// Binary exponent of the first bin's lower edge: 2⁻¹⁴ s ≈ 61 µs.
const MIN_EXP: i64 = -14;
/// Binary exponent above the last bin: 2²⁶ s ≈ 2.1 years.
const MAX_EXP: i64 = 26;
/// Number of bins.
const BINS: usize = ((MAX_EXP - MIN_EXP) * BINS_PER_OCTAVE) as usize;

/// Sums for the intervals of one histogram bin.
#[derive(Debug, Clone, Copy, Default)]
struct Bin {
    count: u64,
    seconds: f64,
    joules: f64,
}

/// The running state of one device.
#[derive(Debug, Clone, Default)]
pub(crate) struct Track {
    /// How the log names the device (its index, uuid or bus id; empty for a one-device log).
    pub key: String,
    /// Product name, when the log has one.
    pub name: Option<String>,
    /// Cells without a reading (`[N/A]`).
    pub skipped: u64,
    first: Option<i64>,
    last: i64,
    last_watts: f64,
    samples: u64,
    out_of_order: u64,
    peak: f64,
    bins: Vec<Bin>,
    // The bin of the previous interval: logs mostly repeat the same interval.
    last_dt: i64,
    last_bin: usize,
}

/// What a device's samples add up to, in SI units (the public summary converts).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Totals {
    pub samples: u64,
    pub out_of_order: u64,
    pub span_seconds: f64,
    pub covered_seconds: f64,
    pub joules: f64,
    pub peak_watts: f64,
    pub gaps: u64,
    pub gap_seconds: f64,
    pub median_interval_seconds: f64,
    pub first_micros: Option<i64>,
    pub last_micros: Option<i64>,
}

impl Track {
    /// A device named `key` with no samples yet.
    pub fn new(key: &str) -> Track {
        Track {
            key: key.to_string(),
            ..Track::default()
        }
    }

    /// Adds a reading of `watts` at `micros` (µs since the epoch).
    pub fn add(&mut self, micros: i64, watts: f64) {
        let Some(_) = self.first else {
            self.first = Some(micros);
            self.accept(micros, watts);
            return;
        };
        let dt = micros.saturating_sub(self.last);
        if dt <= 0 {
            self.out_of_order += 1;
            return;
        }
        let bin = if dt == self.last_dt {
            self.last_bin
        } else {
            let b = bin_of(dt);
            self.last_dt = dt;
            self.last_bin = b;
            b
        };
        if self.bins.is_empty() {
            self.bins = vec![Bin::default(); BINS];
        }
        #[allow(clippy::cast_precision_loss)]
        let seconds = dt as f64 / MICROS_PER_SECOND as f64;
        if let Some(slot) = self.bins.get_mut(bin) {
            slot.count += 1;
            slot.seconds += seconds;
            slot.joules += 0.5 * (watts + self.last_watts) * seconds;
        }
        self.accept(micros, watts);
    }

    fn accept(&mut self, micros: i64, watts: f64) {
        self.samples += 1;
        self.last = micros;
        self.last_watts = watts;
        if watts > self.peak {
            self.peak = watts;
        }
    }

    /// The sums, with gaps decided from the whole log's median interval.
    pub fn totals(&self) -> Totals {
        let mut t = Totals {
            samples: self.samples,
            out_of_order: self.out_of_order,
            peak_watts: self.peak,
            first_micros: self.first,
            last_micros: self.first.map(|_| self.last),
            ..Totals::default()
        };
        if let Some(first) = self.first {
            #[allow(clippy::cast_precision_loss)]
            let span = (self.last - first) as f64 / MICROS_PER_SECOND as f64;
            t.span_seconds = span;
        }
        let intervals: u64 = self.bins.iter().map(|b| b.count).sum();
        if intervals == 0 {
            return t;
        }
        let half = intervals.div_ceil(2);
        let mut seen = 0;
        let mut median = 0;
        for (i, b) in self.bins.iter().enumerate() {
            seen += b.count;
            if seen >= half {
                median = i;
                break;
            }
        }
        if let Some(m) = self.bins.get(median) {
            #[allow(clippy::cast_precision_loss)]
            let mean = m.seconds / m.count.max(1) as f64;
            t.median_interval_seconds = mean;
        }
        let threshold = GAP_FACTOR * lower_edge(median + 1);
        for (i, b) in self.bins.iter().enumerate() {
            if lower_edge(i) > threshold {
                t.gaps += b.count;
                t.gap_seconds += b.seconds;
            } else {
                t.covered_seconds += b.seconds;
                t.joules += b.joules;
            }
        }
        t
    }
}

/// The histogram bin of an interval of `dt` µs (> 0): the binary exponent and the top four
/// mantissa bits of the interval in seconds.
fn bin_of(dt: i64) -> usize {
    #[allow(clippy::cast_precision_loss)]
    let seconds = dt as f64 / MICROS_PER_SECOND as f64;
    let bits = seconds.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1023;
    let sub = ((bits >> 48) & 0xf) as i64;
    let i = (exp - MIN_EXP) * BINS_PER_OCTAVE + sub;
    usize::try_from(i.clamp(0, BINS as i64 - 1)).unwrap_or(0)
}

/// The smallest interval (s) of bin `i`.
fn lower_edge(i: usize) -> f64 {
    let i = i64::try_from(i).unwrap_or(i64::MAX);
    let exp = MIN_EXP + i.div_euclid(BINS_PER_OCTAVE);
    #[allow(clippy::cast_precision_loss)]
    let sub = i.rem_euclid(BINS_PER_OCTAVE) as f64;
    #[allow(clippy::cast_possible_truncation)]
    let scale = 2f64.powi(exp as i32);
    scale * (1.0 + sub / BINS_PER_OCTAVE as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bins_are_monotonic_and_bracket_the_interval() {
        for dt in [100_000i64, 1_000_000, 999, 7_000_000_000] {
            let b = bin_of(dt);
            let s = dt as f64 / 1e6;
            assert!(lower_edge(b) <= s && s < lower_edge(b + 1), "{dt}");
        }
        assert!(bin_of(1) == 0 && bin_of(i64::MAX) == BINS - 1);
    }

    #[test]
    fn constant_power_trapezoid_and_a_gap() {
        let mut t = Track::new("0");
        // 300 W every 100 ms for 10 s, a 60 s gap, then 10 s more.
        for i in 0..=100 {
            t.add(i * 100_000, 300.0);
        }
        for i in 0..=100 {
            t.add(70_000_000 + i * 100_000, 300.0);
        }
        let s = t.totals();
        assert_eq!(s.samples, 202);
        assert_eq!(s.gaps, 1);
        assert!((s.gap_seconds - 60.0).abs() < 1e-9);
        assert!((s.covered_seconds - 20.0).abs() < 1e-9);
        assert!((s.joules - 6000.0).abs() < 1e-6);
        assert!((s.median_interval_seconds - 0.1).abs() < 1e-12);
    }
}
