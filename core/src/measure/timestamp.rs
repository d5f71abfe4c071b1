//! Timestamps as written by the logging tools → microseconds since the Unix epoch.
//!
//! Accepted: `2024/05/01 12:00:00.123` (nvidia-smi), ISO 8601 with `-` or `/` between date parts,
//! `T` or a space before the time, optional fractional seconds (any number of digits, kept to
//! the microsecond), and an optional zone (`Z`, `+02:00`, `+0200`, `+02`); and, where the caller
//! allows it, Unix seconds (`1714564800.25`). A time without a zone is read as UTC: only
//! differences between samples matter, so this is exact unless the clock jumped (a change to or
//! from summer time shows up as a gap or as samples out of order, which are counted).
//!
//! Integer microseconds, not float seconds: consecutive samples are subtracted, and an `f64`
//! holding ~1.7·10⁹ s keeps fewer fractional digits than a 100 ms sampling interval deserves
//! after many subtractions; `i64` µs is exact and spans ±292,000 years.

/// Microseconds in a second.
pub(crate) const MICROS_PER_SECOND: i64 = 1_000_000;

/// Parses a calendar timestamp (see the module note); `None` when it is not one.
pub(crate) fn parse_datetime(text: &[u8]) -> Option<i64> {
    let mut p = Cursor { s: text, i: 0 };
    let year = p.digits(4, 4)?;
    let sep = p.byte()?;
    if sep != b'-' && sep != b'/' {
        return None;
    }
    let month = p.digits(1, 2)?;
    p.expect(sep)?;
    let day = p.digits(1, 2)?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let mut seconds = 0;
    let mut micros = 0;
    if p.i < p.s.len() {
        match p.byte()? {
            b'T' | b't' | b' ' => {}
            _ => return None,
        }
        let hour = p.digits(1, 2)?;
        p.expect(b':')?;
        let minute = p.digits(2, 2)?;
        let second = if p.peek() == Some(b':') {
            p.i += 1;
            p.digits(2, 2)?
        } else {
            0
        };
        // 60 is a leap second; it reads as the next minute's first second.
        if hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        seconds = hour * 3600 + minute * 60 + second;
        if matches!(p.peek(), Some(b'.' | b',')) {
            p.i += 1;
            micros = p.fraction_micros()?;
        }
        seconds -= p.zone_offset()?;
    }
    if p.i != p.s.len() {
        return None;
    }
    let days = days_from_civil(year, month, day);
    Some((days * 86_400 + seconds) * MICROS_PER_SECOND + micros)
}

/// Parses Unix seconds with an optional fraction (`1714564800`, `1714564800.125`).
pub(crate) fn parse_unix_seconds(text: &[u8]) -> Option<i64> {
    let (int, frac) = match text.iter().position(|&b| b == b'.') {
        Some(dot) => (&text[..dot], &text[dot + 1..]),
        None => (text, &[][..]),
    };
    // Up to 12 integer digits: well past the year 30,000 and far from i64 overflow in µs.
    if int.is_empty() || int.len() > 12 || !int.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let whole = int.iter().fold(0i64, |n, d| n * 10 + i64::from(d - b'0'));
    let mut p = Cursor { s: frac, i: 0 };
    let micros = if frac.is_empty() {
        0
    } else {
        p.fraction_micros()?
    };
    if p.i != frac.len() {
        return None;
    }
    Some(whole * MICROS_PER_SECOND + micros)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (the standard era-based algorithm).
pub(crate) fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01 (inverse of [`days_from_civil`]).
pub(crate) fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A position in the text being parsed.
struct Cursor<'a> {
    s: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn byte(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.i += 1;
        Some(b)
    }

    fn expect(&mut self, want: u8) -> Option<()> {
        (self.byte()? == want).then_some(())
    }

    /// Between `min` and `max` ASCII digits as a number.
    fn digits(&mut self, min: usize, max: usize) -> Option<i64> {
        let start = self.i;
        let mut n = 0i64;
        while self.i - start < max {
            match self.peek() {
                Some(d @ b'0'..=b'9') => {
                    n = n * 10 + i64::from(d - b'0');
                    self.i += 1;
                }
                _ => break,
            }
        }
        (self.i - start >= min).then_some(n)
    }

    /// A fraction of a second (the digits after the point), rounded down to the microsecond.
    fn fraction_micros(&mut self) -> Option<i64> {
        let start = self.i;
        let mut micros = 0i64;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            if self.i - start < 6 {
                micros = micros * 10 + i64::from(d - b'0');
            }
            self.i += 1;
        }
        let n = self.i - start;
        if n == 0 {
            return None;
        }
        for _ in n..6 {
            micros *= 10;
        }
        Some(micros)
    }

    /// The zone suffix as seconds east of UTC (0 when there is none).
    fn zone_offset(&mut self) -> Option<i64> {
        let sign = match self.peek() {
            None => return Some(0),
            Some(b'Z' | b'z') => {
                self.i += 1;
                return Some(0);
            }
            Some(b'+') => 1,
            Some(b'-') => -1,
            Some(_) => return None,
        };
        self.i += 1;
        let hours = self.digits(2, 2)?;
        if self.peek() == Some(b':') {
            self.i += 1;
        }
        let minutes = if self.i < self.s.len() {
            self.digits(2, 2)?
        } else {
            0
        };
        if hours > 23 || minutes > 59 {
            return None;
        }
        Some(sign * (hours * 3600 + minutes * 60))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAY_1_2024: i64 = 1_714_521_600; // 2024-05-01T00:00:00Z

    #[test]
    fn nvidia_smi_and_iso_forms_agree() {
        let want = (MAY_1_2024 + 12 * 3600) * MICROS_PER_SECOND + 123_000;
        for text in [
            "2024/05/01 12:00:00.123",
            "2024-05-01T12:00:00.123",
            "2024-05-01 12:00:00.123Z",
            "2024-05-01T14:00:00.123+02:00",
            "2024-05-01T14:00:00.123+0200",
            "2024-05-01T07:00:00.123000-05",
        ] {
            assert_eq!(parse_datetime(text.as_bytes()), Some(want), "{text}");
        }
        assert_eq!(
            parse_datetime(b"2024-05-01"),
            Some(MAY_1_2024 * MICROS_PER_SECOND)
        );
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for text in [
            "",
            "2024",
            "2024/13/01 00:00:00",
            "2024/02/30 00:00:00",
            "2024-05-01X",
            "abc",
            "2024/05/01 12:00:00.",
            "2024/05/01 25:00:00",
            "2024-05-01T12:00:00+2",
        ] {
            assert_eq!(parse_datetime(text.as_bytes()), None, "{text}");
        }
    }

    #[test]
    fn unix_seconds() {
        assert_eq!(
            parse_unix_seconds(b"1714564800.25"),
            Some(1_714_564_800_250_000)
        );
        assert_eq!(parse_unix_seconds(b"7"), Some(7_000_000));
        assert_eq!(parse_unix_seconds(b"1.2.3"), None);
        assert_eq!(parse_unix_seconds(b"-1"), None);
    }

    #[test]
    fn civil_round_trip() {
        for days in [-800_000, -1, 0, 19_844, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(19_844), (2024, 5, 1));
    }
}
