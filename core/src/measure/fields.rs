//! CSV cells of one line, without allocating: spans into the line, and fast number parsing.
//!
//! nvidia-smi separates cells with ", " and never quotes; CodeCarbon's files are written by
//! pandas, which quotes a cell only when it holds a comma, a quote or a line break (doubling
//! inner quotes). One splitter serves both: cells are trimmed of spaces and tabs, a quoted cell
//! keeps its inner text, and the caller asks for as many cells as it needs, so the hot nvidia-smi
//! path stops after its last wanted column.

use super::error::LogError;
use std::borrow::Cow;

/// One cell: byte range in the line (trimmed, inside quotes when quoted).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Span {
    start: usize,
    end: usize,
    quoted: bool,
}

impl Span {
    /// The cell's raw bytes (inner doubled quotes not yet undone).
    pub(crate) fn bytes(self, line: &[u8]) -> &[u8] {
        line.get(self.start..self.end).unwrap_or(&[])
    }

    /// The cell as text, with doubled quotes undone. Lines are validated UTF-8 before they
    /// are split, so the lossy conversion never replaces anything.
    pub(crate) fn text(self, line: &[u8]) -> Cow<'_, str> {
        let raw = String::from_utf8_lossy(self.bytes(line));
        if self.quoted && raw.contains("\"\"") {
            Cow::Owned(raw.replace("\"\"", "\""))
        } else {
            raw
        }
    }
}

/// Splits `line` into at most `limit` cells (the rest is not looked at), replacing `spans`.
pub(crate) fn split(
    line: &[u8],
    limit: usize,
    spans: &mut Vec<Span>,
    line_no: u64,
) -> Result<(), LogError> {
    spans.clear();
    let mut i = 0;
    while spans.len() < limit {
        while matches!(line.get(i), Some(b' ' | b'\t')) {
            i += 1;
        }
        if line.get(i) == Some(&b'"') {
            let start = i + 1;
            let mut j = start;
            loop {
                match line.get(j) {
                    None => {
                        return Err(LogError::UnterminatedQuote {
                            line: line_no,
                            column: spans.len() + 1,
                        })
                    }
                    Some(b'"') if line.get(j + 1) == Some(&b'"') => j += 2,
                    Some(b'"') => break,
                    Some(_) => j += 1,
                }
            }
            spans.push(Span {
                start,
                end: j,
                quoted: true,
            });
            // Whatever follows the closing quote up to the comma is ignored (pandas writes none).
            i = match line[j..].iter().position(|&b| b == b',') {
                Some(p) => j + p + 1,
                None => return Ok(()),
            };
        } else {
            let start = i;
            let comma = line[i..].iter().position(|&b| b == b',');
            let stop = comma.map_or(line.len(), |p| i + p);
            let mut end = stop;
            while end > start && matches!(line[end - 1], b' ' | b'\t') {
                end -= 1;
            }
            spans.push(Span {
                start,
                end,
                quoted: false,
            });
            match comma {
                Some(_) => i = stop + 1,
                None => return Ok(()),
            }
        }
    }
    Ok(())
}

/// Exact powers of ten up to 10²² (every one is an `f64` exactly).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Parses a decimal number. The common short form (`312.45`, at most 15 digits, no exponent)
/// is one integer and one division of two exact `f64`s, hence correctly rounded; anything else
/// goes to the crate's general parser ([`crate::number::parse`]).
pub(crate) fn parse_decimal(text: &[u8]) -> Option<f64> {
    let (negative, body) = match text.first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let mut mantissa: u64 = 0;
    let mut digits = 0;
    let mut frac_digits = 0;
    let mut seen_point = false;
    for &b in body {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + u64::from(b - b'0');
                digits += 1;
                if seen_point {
                    frac_digits += 1;
                }
                if digits > 15 {
                    return general(text);
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => return general(text),
        }
    }
    if digits == 0 {
        return None;
    }
    // mantissa < 10^15 < 2^53: exact as f64.
    #[allow(clippy::cast_precision_loss)]
    let x = mantissa as f64 / POW10[frac_digits];
    Some(if negative { -x } else { x })
}

fn general(text: &[u8]) -> Option<f64> {
    std::str::from_utf8(text)
        .ok()
        .and_then(crate::number::parse)
}

/// A power cell: watts, or nothing when the tool wrote no reading.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Reading {
    /// A reading in watts (finite, not negative).
    Watts(f64),
    /// `[N/A]`, `[Not Supported]`, `[Unknown Error]`, `N/A` or an empty cell.
    Missing,
}

/// The largest reading accepted (W): a whole data hall's meter stays far below; larger numbers
/// are misread columns, and would overflow the energy sums.
pub(crate) const MAX_WATTS: f64 = 1e9;

/// Reads a power cell such as `312.45 W`, `312.45` or `[N/A]`; the error says what was expected.
pub(crate) fn parse_watts(cell: &[u8]) -> Result<Reading, &'static str> {
    if cell.is_empty() || cell.first() == Some(&b'[') || cell == b"N/A" {
        return Ok(Reading::Missing);
    }
    let mut number = cell;
    if let [rest @ .., b'W'] = number {
        number = rest;
        while let [rest @ .., b' '] = number {
            number = rest;
        }
    }
    let w = parse_decimal(number).ok_or("a number of watts")?;
    if (0.0..=MAX_WATTS).contains(&w) {
        Ok(Reading::Watts(w))
    } else {
        Err("a number of watts between 0 and 1e9")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(line: &str) -> Vec<String> {
        let mut spans = Vec::new();
        split(line.as_bytes(), usize::MAX, &mut spans, 1).unwrap();
        spans
            .iter()
            .map(|s| s.text(line.as_bytes()).into_owned())
            .collect()
    }

    #[test]
    fn splits_nvidia_smi_and_pandas_cells() {
        assert_eq!(
            cells("2024/05/01 12:00:00.123, 0, NVIDIA A10G, 61.23 W"),
            ["2024/05/01 12:00:00.123", "0", "NVIDIA A10G", "61.23 W"]
        );
        assert_eq!(cells("a,\"b, \"\"c\"\"\",,d"), ["a", "b, \"c\"", "", "d"]);
        assert_eq!(cells(""), [""]);
        assert_eq!(cells("a,"), ["a", ""]);
    }

    #[test]
    fn unterminated_quote_is_an_error() {
        let mut spans = Vec::new();
        let e = split(b"a,\"b", 9, &mut spans, 4).unwrap_err();
        assert_eq!(e, LogError::UnterminatedQuote { line: 4, column: 2 });
    }

    #[test]
    fn decimals_match_the_standard_parser() {
        for text in [
            "312.45",
            "0",
            "0.1",
            "-2.5",
            "1e3",
            "123456789012345678",
            ".5",
            "5.",
            "72.00",
        ] {
            assert_eq!(
                parse_decimal(text.as_bytes()),
                text.parse::<f64>().ok(),
                "{text}"
            );
        }
        assert_eq!(parse_decimal(b"abc"), None);
        assert_eq!(parse_decimal(b"."), None);
        assert_eq!(parse_decimal(b"1.2.3"), None);
    }

    #[test]
    fn watts_cells() {
        assert_eq!(parse_watts(b"312.45 W"), Ok(Reading::Watts(312.45)));
        assert_eq!(parse_watts(b"61"), Ok(Reading::Watts(61.0)));
        assert_eq!(parse_watts(b"[N/A]"), Ok(Reading::Missing));
        assert_eq!(parse_watts(b"[Not Supported]"), Ok(Reading::Missing));
        assert!(parse_watts(b"-3 W").is_err());
        assert_eq!(parse_watts(b"abc"), Err("a number of watts"));
        assert!(parse_watts(b"1e999").is_err());
    }
}
