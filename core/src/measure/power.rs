//! Power logs (nvidia-smi and plain `timestamp,watts`): rows → per-device running sums →
//! [`PowerSummary`].

use super::detect::PowerLayout;
use super::device_map::catalogue_id;
use super::error::{excerpt, LogError};
use super::fields::{parse_watts, Reading, Span};
use super::integrate::Track;
use super::timestamp::{parse_datetime, parse_unix_seconds};
use super::{DeviceSummary, PowerSummary, MAX_DEVICES};
use crate::units::{Hours, Kwh, Watts};

/// Seconds per hour.
const SECONDS_PER_HOUR: f64 = 3600.0;
/// Joules per kWh.
const JOULES_PER_KWH: f64 = 3.6e6;

/// The running state of a power log.
#[derive(Debug, Clone)]
pub(crate) struct PowerLog {
    pub layout: PowerLayout,
    tracks: Vec<Track>,
    // Index of the device of the previous row: interleaved GPUs come round in order.
    last_hit: usize,
}

impl PowerLog {
    pub fn new(layout: PowerLayout) -> PowerLog {
        PowerLog {
            layout,
            tracks: Vec::new(),
            last_hit: 0,
        }
    }

    /// Reads one data row already split into `spans`.
    pub fn row(&mut self, line: &[u8], spans: &[Span], line_no: u64) -> Result<(), LogError> {
        let l = &self.layout;
        if spans.len() < l.limit {
            return Err(LogError::MissingField {
                line: line_no,
                column: spans.len() + 1,
            });
        }
        let cell = |c: usize| spans.get(c).map_or(&[][..], |s| s.bytes(line));
        let time_cell = cell(l.time);
        let micros = parse_datetime(time_cell)
            .or_else(|| parse_unix_seconds(time_cell))
            .ok_or_else(|| LogError::BadValue {
                line: line_no,
                column: l.time + 1,
                text: excerpt(time_cell, 40),
                expected: "a timestamp (like 2024/05/01 12:00:00.123, 2024-05-01T12:00:00Z or \
                           Unix seconds)",
            })?;
        let power_cell = cell(l.power);
        let reading = parse_watts(power_cell).map_err(|expected| LogError::BadValue {
            line: line_no,
            column: l.power + 1,
            text: excerpt(power_cell, 40),
            expected,
        })?;
        let key = l.key.map_or(&[][..], cell);
        let name = l.name.map(cell);
        let i = self.device(key, line_no)?;
        let Some(track) = self.tracks.get_mut(i) else {
            return Ok(());
        };
        if track.name.is_none() {
            if let Some(n) = name.filter(|n| !n.is_empty()) {
                track.name = Some(String::from_utf8_lossy(n).into_owned());
            }
        }
        match reading {
            Reading::Watts(w) => track.add(micros, w),
            Reading::Missing => track.skipped += 1,
        }
        Ok(())
    }

    /// The index of the device named `key`, added when new.
    fn device(&mut self, key: &[u8], line_no: u64) -> Result<usize, LogError> {
        let next = if self.last_hit + 1 < self.tracks.len() {
            self.last_hit + 1
        } else {
            0
        };
        for i in std::iter::once(next).chain(0..self.tracks.len()) {
            if self.tracks.get(i).is_some_and(|t| t.key.as_bytes() == key) {
                self.last_hit = i;
                return Ok(i);
            }
        }
        if self.tracks.len() >= MAX_DEVICES {
            return Err(LogError::TooManyDevices { line: line_no });
        }
        self.tracks.push(Track::new(&String::from_utf8_lossy(key)));
        self.last_hit = self.tracks.len() - 1;
        Ok(self.last_hit)
    }

    /// The summary of everything read.
    pub fn summary(&self) -> PowerSummary {
        let mut s = PowerSummary::default();
        let mut first: Option<i64> = None;
        let mut last: Option<i64> = None;
        for track in &self.tracks {
            let t = track.totals();
            let covered = Hours(t.covered_seconds / SECONDS_PER_HOUR);
            let energy = Kwh(t.joules / JOULES_PER_KWH);
            let average_power = Watts(if t.covered_seconds > 0.0 {
                t.joules / t.covered_seconds
            } else {
                0.0
            });
            let name = track.name.clone();
            let device = DeviceSummary {
                key: track.key.clone(),
                catalogue_id: name.as_deref().and_then(catalogue_id),
                name,
                samples: t.samples,
                skipped_cells: track.skipped,
                out_of_order: t.out_of_order,
                duration: Hours(t.span_seconds / SECONDS_PER_HOUR),
                covered,
                energy,
                average_power,
                peak_power: Watts(t.peak_watts),
                median_interval: Hours(t.median_interval_seconds / SECONDS_PER_HOUR),
                gaps: t.gaps,
                gap_time: Hours(t.gap_seconds / SECONDS_PER_HOUR),
            };
            s.samples += device.samples;
            s.skipped_cells += device.skipped_cells;
            s.out_of_order += device.out_of_order;
            s.gaps += device.gaps;
            s.gap_time = s.gap_time + device.gap_time;
            s.covered = s.covered + device.covered;
            s.energy = s.energy + device.energy;
            s.average_power = s.average_power + device.average_power;
            s.peak_power_sum = s.peak_power_sum + device.peak_power;
            first = min_opt(first, t.first_micros);
            last = max_opt(last, t.last_micros);
            s.devices.push(device);
        }
        if let (Some(a), Some(b)) = (first, last) {
            #[allow(clippy::cast_precision_loss)]
            let span = (b - a) as f64 / 1e6;
            s.duration = Hours(span / SECONDS_PER_HOUR);
        }
        s
    }
}

fn min_opt(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

fn max_opt(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    }
}
