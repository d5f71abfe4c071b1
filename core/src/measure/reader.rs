//! The push parser: bytes in any chunks → lines → header detection, then rows.

use super::codecarbon::{self, CodeCarbonSummary};
use super::detect::{self, CodeCarbonLayout, Layout};
use super::error::{excerpt, LogError};
use super::fields::{split, Span};
use super::power::PowerLog;
use super::scan::{newline, plain_ascii};
use super::{Format, LogSummary, Measured, MAX_LINE_BYTES};

/// Reads a log chunk by chunk; see the [module note](super) for the formats and rules.
///
/// ```
/// use emissions_core::measure::{LogReader, Measured};
/// let mut reader = LogReader::new();
/// reader.feed(b"timestamp,watts\n2024-05-01T12:00:00Z,300\n2024-05-01T12:").unwrap();
/// reader.feed(b"00:10Z,300\n").unwrap();
/// let summary = reader.finish().unwrap();
/// let Measured::Power(power) = summary.content else { unreachable!() };
/// assert!((power.energy.value() - 300.0 * 10.0 / 3.6e6).abs() < 1e-15);
/// ```
#[derive(Debug, Clone)]
pub struct LogReader {
    partial: Vec<u8>,
    bytes: u64,
    lines: u64,
    spans: Vec<Span>,
    state: State,
    /// The header line as read (empty before one is seen).
    header: Vec<u8>,
    repeated_headers: u64,
    failed: Option<LogError>,
}

#[derive(Debug, Clone)]
enum State {
    AwaitHeader,
    Power(Format, PowerLog),
    CodeCarbon(Box<CodeCarbonLayout>, CodeCarbonSummary),
}

impl Default for LogReader {
    fn default() -> Self {
        LogReader::new()
    }
}

impl LogReader {
    /// A reader that recognises the format from the file's header.
    pub fn new() -> LogReader {
        LogReader {
            partial: Vec::new(),
            bytes: 0,
            lines: 0,
            spans: Vec::new(),
            state: State::AwaitHeader,
            header: Vec::new(),
            repeated_headers: 0,
            failed: None,
        }
    }

    /// A reader for nvidia-smi output written without a header (`--format=csv,noheader` or
    /// `csv,noheader,nounits`): `columns` are the `--query-gpu` fields in order, as separate
    /// items (`&["timestamp", "index", "name", "power.draw"]`) or as the one comma-separated
    /// string given to nvidia-smi (`&["timestamp,index,name,power.draw"]`). Aliases such as
    /// `gpu_name` are understood. Values are read with or without units. Errors when the list
    /// lacks `timestamp` or a `power.draw` column.
    pub fn with_columns(columns: &[&str]) -> Result<LogReader, LogError> {
        let names: Vec<String> = columns
            .iter()
            .flat_map(|c| c.split(','))
            .map(detect::column_name)
            .collect();
        match detect::layout(&names) {
            Ok(Layout::Power(Format::NvidiaSmi, layout)) => {
                let mut reader = LogReader::new();
                reader.state = State::Power(Format::NvidiaSmi, PowerLog::new(layout));
                Ok(reader)
            }
            Err(
                e @ LogError::MissingColumn {
                    format: "nvidia-smi",
                    ..
                },
            ) => Err(LogError::BadColumns {
                reason: e.to_string(),
            }),
            _ => Err(LogError::BadColumns {
                reason: format!(
                    "\"{}\" has no power.draw column (power.draw, power.draw.average or \
                     power.draw.instant)",
                    names.join(",")
                ),
            }),
        }
    }

    /// Bytes fed so far (for a progress bar: this ÷ the file size).
    pub fn bytes_read(&self) -> u64 {
        self.bytes
    }

    /// Reads the next chunk. Chunks may cut lines and characters anywhere. After an error the
    /// reader is spent: every later call returns the same error.
    pub fn feed(&mut self, chunk: &[u8]) -> Result<(), LogError> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        let result = self.feed_inner(chunk);
        if let Err(e) = &result {
            self.failed = Some(e.clone());
        }
        result
    }

    fn feed_inner(&mut self, chunk: &[u8]) -> Result<(), LogError> {
        self.bytes += chunk.len() as u64;
        let mut rest = chunk;
        if !self.partial.is_empty() {
            let Some(p) = newline(rest) else {
                return self.keep(rest);
            };
            self.keep(&rest[..p])?;
            let line = std::mem::take(&mut self.partial);
            let result = self.line(&line);
            // Keep the buffer's allocation for the next partial line.
            self.partial = line;
            self.partial.clear();
            result?;
            rest = &rest[p + 1..];
        }
        while let Some(p) = newline(rest) {
            self.line(&rest[..p])?;
            rest = &rest[p + 1..];
        }
        self.keep(rest)
    }

    /// Appends the start of a line that continues in the next chunk.
    fn keep(&mut self, bytes: &[u8]) -> Result<(), LogError> {
        if self.partial.len() + bytes.len() > MAX_LINE_BYTES {
            return Err(LogError::LineTooLong {
                line: self.lines + 1,
            });
        }
        self.partial.extend_from_slice(bytes);
        Ok(())
    }

    /// Ends the log and returns what it adds up to.
    pub fn finish(mut self) -> Result<LogSummary, LogError> {
        if let Some(e) = self.failed.take() {
            return Err(e);
        }
        let mut truncated = false;
        if !self.partial.is_empty() {
            let line = std::mem::take(&mut self.partial);
            let in_data = !matches!(self.state, State::AwaitHeader);
            match self.line(&line) {
                Ok(()) => {}
                Err(e) if in_data && e.could_be_truncation() => truncated = true,
                Err(e) => return Err(e),
            }
        }
        let (format, content) = match self.state {
            State::AwaitHeader => return Err(LogError::Empty),
            State::Power(format, log) => (format, Measured::Power(log.summary())),
            State::CodeCarbon(_, summary) => (Format::CodeCarbon, Measured::CodeCarbon(summary)),
        };
        Ok(LogSummary {
            format,
            bytes: self.bytes,
            lines: self.lines,
            repeated_headers: self.repeated_headers,
            truncated_last_line: truncated,
            content,
        })
    }

    /// One complete line, without its `\n`.
    fn line(&mut self, raw: &[u8]) -> Result<(), LogError> {
        self.lines += 1;
        let n = self.lines;
        if raw.len() > MAX_LINE_BYTES {
            return Err(LogError::LineTooLong { line: n });
        }
        let mut line = raw;
        if n == 1 {
            if line.starts_with(b"\xFF\xFE") || line.starts_with(b"\xFE\xFF") {
                return Err(LogError::Utf16);
            }
            line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
        }
        if let [rest @ .., b'\r'] = line {
            line = rest;
        }
        if !plain_ascii(line) {
            if line.contains(&0) {
                return Err(LogError::Binary { line: n });
            }
            if let Err(e) = std::str::from_utf8(line) {
                return Err(LogError::InvalidUtf8 {
                    line: n,
                    byte: e.valid_up_to() + 1,
                });
            }
        }
        let blank = |b: &u8| matches!(b, b' ' | b'\t');
        // Rows start with a digit, so the blank test rarely goes past the first byte.
        if line.first().is_none_or(blank) && line.iter().all(blank) {
            return Ok(());
        }
        if matches!(self.state, State::AwaitHeader) {
            return self.header(line);
        }
        // Data rows start with a digit (a timestamp or an index); a line starting with a letter
        // may be the header again (logs appended to one file).
        if line.first().is_some_and(u8::is_ascii_alphabetic) && self.again(line)? {
            return Ok(());
        }
        match &mut self.state {
            State::AwaitHeader => Ok(()),
            State::Power(_, log) => {
                split(line, log.layout.limit, &mut self.spans, n)?;
                log.row(line, &self.spans, n)
            }
            State::CodeCarbon(layout, summary) => {
                split(line, usize::MAX, &mut self.spans, n)?;
                summary.push(codecarbon::row(layout, line, &self.spans, n)?);
                Ok(())
            }
        }
    }

    /// Recognises the first line.
    fn header(&mut self, line: &[u8]) -> Result<(), LogError> {
        split(line, usize::MAX, &mut self.spans, self.lines)?;
        let names = detect::names(line, &self.spans);
        self.state = match detect::layout(&names) {
            Ok(Layout::Power(format, layout)) => State::Power(format, PowerLog::new(layout)),
            Ok(Layout::CodeCarbon(layout)) => {
                State::CodeCarbon(layout, CodeCarbonSummary::default())
            }
            Err(LogError::UnknownHeader { .. }) => {
                return Err(LogError::UnknownHeader {
                    header: excerpt(line, 120),
                })
            }
            Err(e) => return Err(e),
        };
        self.header = line.to_vec();
        Ok(())
    }

    /// True when `line` is a header of the current format (counted, and its columns adopted).
    fn again(&mut self, line: &[u8]) -> Result<bool, LogError> {
        if line == self.header.as_slice() {
            self.repeated_headers += 1;
            return Ok(true);
        }
        // Every recognised header names a time or a duration column; most rows that start with
        // a letter (a name-first column order) are turned away here without allocating.
        let has = |word: &[u8]| {
            line.windows(word.len())
                .any(|w| w.eq_ignore_ascii_case(word))
        };
        if !has(b"time") && !has(b"duration") {
            return Ok(false);
        }
        if split(line, usize::MAX, &mut self.spans, self.lines).is_err() {
            return Ok(false);
        }
        let names = detect::names(line, &self.spans);
        match (detect::layout(&names), &mut self.state) {
            (Ok(Layout::Power(format, layout)), State::Power(current, log))
                if format == *current =>
            {
                // A different column list for the same format: later rows follow it. (A
                // header in a `with_columns` log is its first header, not a repeat.)
                if !self.header.is_empty() {
                    self.repeated_headers += 1;
                }
                log.layout = layout;
            }
            (Ok(Layout::CodeCarbon(layout)), State::CodeCarbon(current, _)) => {
                self.repeated_headers += 1;
                *current = layout;
            }
            _ => return Ok(false),
        }
        self.header = line.to_vec();
        Ok(true)
    }
}
