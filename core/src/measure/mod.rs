//! Measured energy from power logs: nvidia-smi CSV, CodeCarbon `emissions.csv`, or a plain
//! `timestamp,watts` CSV, read in chunks of any size.
//!
//! # Design note
//!
//! The browser hands a file over as slices (`Blob.slice`), so the reader is a push parser:
//! [`LogReader::new`] (or [`LogReader::with_columns`] for nvidia-smi output written with
//! `noheader`), [`LogReader::feed`] any number of times with chunks cut anywhere (mid-line,
//! mid-character), then [`LogReader::finish`]. It keeps only a partial line (at most
//! [`MAX_LINE_BYTES`]) and running sums per device, never the rows, so a multi-GB log needs a few
//! KB; [`LogReader::bytes_read`] is there for a progress bar. Whole lines are handled one at a
//! time, which makes the result independent of the chunk boundaries (property-tested).
//!
//! Formats are recognised from the header, the first non-empty line after an optional UTF-8
//! BOM (see [`Format`]): nvidia-smi by a `power.draw` column (or `power.draw.average` /
//! `power.draw.instant`), CodeCarbon by `duration` and `energy_consumed`, plain by a time column
//! (`timestamp` or `time`) and a power column (`watts`, `power_w`, `power_watts` or `power`; an
//! optional `device` column splits a multi-device file). Columns may come in any order with any
//! extras. Timestamps: nvidia-smi's `2024/05/01 12:00:00.123`, ISO 8601 (with or without zone,
//! `T` or space, fractions), or Unix seconds.
//!
//! Energy is the trapezoid rule between consecutive samples of the same device (interleaved GPUs
//! are told apart by `index`, else `uuid`, else `pci.bus_id`). An interval longer than
//! [`GAP_FACTOR`] × the device's median interval is a gap: not bridged, counted, and its time
//! reported ([`integrate`] explains how the median is known without keeping the rows). Average
//! power is energy ÷ covered time (the time between samples, gaps excluded); a sample not later
//! than the previous one of its device is skipped and counted; `[N/A]` cells are skipped and
//! counted, the interval then runs from the previous reading to the next (or is a gap if long).
//! A line equal to a header is a repeated header (concatenated logs), skipped and counted. A last
//! line without a newline that does not parse is a truncated line, counted, not an error.
//! Anything else that does not parse is a [`LogError`] naming the line and column.
//!
//! GPU names map to catalogue ids through an explicit table ([`device_map`]); unknown names stay
//! unmapped. No `std::time`, threads or files: the module runs the same in WebAssembly.

pub mod codecarbon;
mod detect;
pub mod device_map;
mod error;
mod fields;
pub mod integrate;
mod power;
mod reader;
mod scan;
pub mod synthetic;
mod timestamp;

pub use codecarbon::{CodeCarbonRun, CodeCarbonSummary};
pub use error::LogError;
pub use integrate::GAP_FACTOR;
pub use reader::LogReader;

use crate::dataset::Dataset;
use crate::units::{Hours, Kwh, Watts};

/// The longest line the reader accepts (bytes, without the line end). nvidia-smi lines are
/// under 1 KB even with every column queried; CodeCarbon rows are under 2 KB.
pub const MAX_LINE_BYTES: usize = 64 * 1024;
/// The most devices one power log may name.
pub const MAX_DEVICES: usize = 512;
/// The most CodeCarbon runs kept row by row (more are summed only).
pub const MAX_RUNS: usize = 10_000;

/// The formats the reader recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `nvidia-smi --query-gpu=timestamp,index,name,power.draw[,…] --format=csv[,noheader][,nounits]`.
    NvidiaSmi,
    /// CodeCarbon's `emissions.csv`: one row per tracked run.
    CodeCarbon,
    /// A `timestamp,watts` CSV from a power meter or an export.
    Plain,
}

impl Format {
    /// A short human name.
    pub fn name(self) -> &'static str {
        match self {
            Format::NvidiaSmi => "nvidia-smi",
            Format::CodeCarbon => "CodeCarbon",
            Format::Plain => "timestamp,watts",
        }
    }
}

/// What a whole log adds up to.
#[derive(Debug, Clone, PartialEq)]
pub struct LogSummary {
    /// The format recognised from the header.
    pub format: Format,
    /// Bytes read.
    pub bytes: u64,
    /// Lines read (including the header and empty lines).
    pub lines: u64,
    /// Header lines met again after the first (concatenated logs), skipped.
    pub repeated_headers: u64,
    /// True when the last line had no newline and did not parse (a log cut while written).
    pub truncated_last_line: bool,
    /// The measurements.
    pub content: Measured,
}

/// The measurements of a log, by kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Measured {
    /// Power samples integrated per device (nvidia-smi, plain).
    Power(PowerSummary),
    /// Runs integrated by CodeCarbon.
    CodeCarbon(CodeCarbonSummary),
}

/// Power samples integrated per device, and totals over the devices.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PowerSummary {
    /// Per device, in order of first appearance.
    pub devices: Vec<DeviceSummary>,
    /// Wall-clock span from the first to the last sample of any device.
    pub duration: Hours,
    /// Sum of the devices' covered times (device-time, like GPU-hours).
    pub covered: Hours,
    /// Sum of the devices' energies.
    pub energy: Kwh,
    /// Sum of the devices' average powers: the node's mean draw while all devices are logged.
    pub average_power: Watts,
    /// Sum of the devices' peaks: an upper bound of the node's peak (devices need not peak
    /// together).
    pub peak_power_sum: Watts,
    /// Accepted samples.
    pub samples: u64,
    /// Cells without a reading (`[N/A]`, `[Not Supported]`, empty).
    pub skipped_cells: u64,
    /// Samples skipped for not being later than the previous one of their device.
    pub out_of_order: u64,
    /// Intervals not bridged.
    pub gaps: u64,
    /// Total time of those intervals (device-time).
    pub gap_time: Hours,
}

/// One device's samples integrated.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DeviceSummary {
    /// How the log names the device: its index, uuid or bus id (empty in a one-device log).
    pub key: String,
    /// The product name in the log (`NVIDIA A100-SXM4-40GB`), if it has a name column.
    pub name: Option<String>,
    /// The catalogue id of `name` ([`device_map::catalogue_id`]); `None` when unknown.
    pub catalogue_id: Option<&'static str>,
    /// Accepted samples.
    pub samples: u64,
    /// Cells without a reading.
    pub skipped_cells: u64,
    /// Samples skipped for not being later than the previous one.
    pub out_of_order: u64,
    /// From the first to the last sample.
    pub duration: Hours,
    /// Time between samples, gaps excluded: what the energy covers.
    pub covered: Hours,
    /// Energy by the trapezoid rule over the covered time.
    pub energy: Kwh,
    /// `energy ÷ covered` (0 with fewer than two samples).
    pub average_power: Watts,
    /// The highest reading.
    pub peak_power: Watts,
    /// The median sampling interval (the mean of the intervals in the median's histogram bin).
    pub median_interval: Hours,
    /// Intervals longer than [`GAP_FACTOR`] × the median, not bridged.
    pub gaps: u64,
    /// Their total time.
    pub gap_time: Hours,
}

impl DeviceSummary {
    /// Average power as a fraction of the device's TDP in `dataset` (e.g. 0.78); `None` when
    /// the device is not mapped to the catalogue.
    pub fn tdp_fraction(&self, dataset: &Dataset) -> Option<f64> {
        device_map::tdp_fraction(self.average_power, self.catalogue_id?, dataset)
    }
}

/// Reads a whole log held in memory (tests, small files): one [`LogReader::feed`].
pub fn read_log(bytes: &[u8]) -> Result<LogSummary, LogError> {
    let mut reader = LogReader::new();
    reader.feed(bytes)?;
    reader.finish()
}
