//! What can go wrong reading a log, each with a message that says where and what was expected.

use std::fmt;

/// A log the reader cannot use. Lines and columns are 1-based; a column is a CSV field (the
/// third value on the line is column 3), except for [`LogError::InvalidUtf8`], which gives the
/// byte where the bad text starts.
#[derive(Debug, Clone, PartialEq)]
pub enum LogError {
    /// No line with any content.
    Empty,
    /// A NUL byte: the file is binary (a compressed or spreadsheet file, not a CSV text).
    Binary {
        /// Line of the first NUL byte.
        line: u64,
    },
    /// The file starts with a UTF-16 byte-order mark (Windows PowerShell 5 writes `>` output
    /// this way).
    Utf16,
    /// Bytes that are not UTF-8 text.
    InvalidUtf8 {
        /// Line of the bad bytes.
        line: u64,
        /// 1-based byte offset of the first bad byte within the line.
        byte: usize,
    },
    /// A line longer than [`super::MAX_LINE_BYTES`]: not a log of these tools, and reading on
    /// would need unbounded memory.
    LineTooLong {
        /// The line that would not end.
        line: u64,
    },
    /// The first line is not the header of a known format.
    UnknownHeader {
        /// The header as read (cut to 120 characters).
        header: String,
    },
    /// The header is one of the formats but lacks a column the reader needs.
    MissingColumn {
        /// The format the header was recognised as.
        format: &'static str,
        /// The missing column and how to get it.
        column: &'static str,
    },
    /// [`super::LogReader::with_columns`] was given a column list without what it needs, or
    /// with a name nvidia-smi does not write.
    BadColumns {
        /// What is wrong.
        reason: String,
    },
    /// A data row has fewer columns than the header.
    MissingField {
        /// The short line.
        line: u64,
        /// The first column that is missing.
        column: usize,
    },
    /// A cell that does not read as what its column holds.
    BadValue {
        /// Line of the cell.
        line: u64,
        /// Column of the cell.
        column: usize,
        /// The cell as written (cut to 40 characters).
        text: String,
        /// What it should be, e.g. "a number of watts", "a timestamp".
        expected: &'static str,
    },
    /// A quoted CSV cell that does not end on its line (cells spanning lines are not read).
    UnterminatedQuote {
        /// Line of the quote.
        line: u64,
        /// Column of the quoted cell.
        column: usize,
    },
    /// More distinct devices than [`super::MAX_DEVICES`], which no single log of a node has.
    TooManyDevices {
        /// The line that named one device too many.
        line: u64,
    },
}

/// What the reader accepts, for the message of an unknown header.
const EXPECTED: &str = "expected one of: an nvidia-smi CSV (`nvidia-smi \
--query-gpu=timestamp,index,name,power.draw --format=csv -lms 100`; needs the timestamp and \
power.draw columns), a CodeCarbon emissions.csv (needs duration and energy_consumed), or a \
two-column `timestamp,watts` CSV (time column: timestamp or time; power column: watts, power_w, \
power_watts or power). For nvidia-smi output written with noheader, give the --query-gpu columns";

impl fmt::Display for LogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LogError::Empty => write!(f, "the file is empty: {EXPECTED}"),
            LogError::Binary { line } => write!(
                f,
                "line {line}: the file contains NUL bytes, so it is a binary file, not a CSV text log"
            ),
            LogError::Utf16 => write!(
                f,
                "line 1: the file is UTF-16 text (as PowerShell's > writes it); save it as UTF-8, \
                 e.g. with `| Out-File -Encoding utf8`"
            ),
            LogError::InvalidUtf8 { line, byte } => write!(
                f,
                "line {line}, byte {byte}: not UTF-8 text (is this a binary or differently encoded file?)"
            ),
            LogError::LineTooLong { line } => write!(
                f,
                "line {line} is longer than {} KiB: not a log of the supported tools",
                super::MAX_LINE_BYTES / 1024
            ),
            LogError::UnknownHeader { header } => {
                write!(f, "line 1: unknown header \"{header}\"; {EXPECTED}")
            }
            LogError::MissingColumn { format, column } => {
                write!(f, "line 1: this {format} log has no {column} column")
            }
            LogError::BadColumns { reason } => write!(f, "column list: {reason}"),
            LogError::MissingField { line, column } => write!(
                f,
                "line {line}, column {column}: missing (the line has fewer columns than the header)"
            ),
            LogError::BadValue {
                line,
                column,
                text,
                expected,
            } => write!(f, "line {line}, column {column}: \"{text}\" is not {expected}"),
            LogError::UnterminatedQuote { line, column } => write!(
                f,
                "line {line}, column {column}: a quoted value does not end on its line"
            ),
            LogError::TooManyDevices { line } => write!(
                f,
                "line {line}: more than {} devices in one log",
                super::MAX_DEVICES
            ),
        }
    }
}

impl std::error::Error for LogError {}

/// `text` cut to `max` characters (with an ellipsis), for messages that quote the input.
pub(crate) fn excerpt(text: &[u8], max: usize) -> String {
    let s = String::from_utf8_lossy(text);
    let mut out: String = s.chars().take(max).collect();
    if s.chars().count() > max {
        out.push('…');
    }
    out
}

impl LogError {
    /// True for errors a line cut short can cause: the last line of a log still being written.
    pub(crate) fn could_be_truncation(&self) -> bool {
        matches!(
            self,
            LogError::MissingField { .. }
                | LogError::BadValue { .. }
                | LogError::UnterminatedQuote { .. }
                | LogError::InvalidUtf8 { .. }
        )
    }
}
