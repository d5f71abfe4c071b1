//! Decimal text ⇄ `f64` for the app: one place that decides which float code the wasm carries.
//!
//! Design note (size): the standard library's `str::parse::<f64>` and `{:e}` formatting, and
//! serde_json's `float_roundtrip` parser, are each complete implementations with their own tables
//! (several KB of gzip each in the WebAssembly download). Parsing here is our own small correctly
//! rounded conversion ([`float`], shared with the JSON reader); exponent notation starts from
//! serde_json's shortest float writer, which serialising saved jobs needs anyway. Plain and fixed
//! notation use the standard `Display`, which plotters-canvas links in any case. The functions
//! reproduce what the standard ones print and parse (property-tested against them);
//! [`round_sig`] rounds the shortest decimal form, ties half up (`2.675` → 2.68, where the
//! standard's `{:.2e}`-style rounding of the binary value 2.67499… gives 2.67).

/// Parses a decimal number as Rust's `str::parse::<f64>` does for finite numbers: optional sign,
/// digits with an optional fraction (`"1."`, `".5"` allowed), optional exponent. Values too large
/// for `f64` give ±infinity; `"inf"`, `"NaN"`, blanks and anything else give `None`.
pub fn parse(text: &str) -> Option<f64> {
    let (negative, body) = match text.as_bytes().first()? {
        b'-' => (true, &text.as_bytes()[1..]),
        b'+' => (false, &text.as_bytes()[1..]),
        _ => (false, text.as_bytes()),
    };
    let (int, rest) = split_digits(body);
    let (frac, rest) = match rest.strip_prefix(b".") {
        Some(rest) => split_digits(rest),
        None => (&[][..], rest),
    };
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let mut exp = 0;
    if let [b'e' | b'E', rest @ ..] = rest {
        let (minus, rest) = match rest {
            [b'-', rest @ ..] => (true, rest),
            [b'+', rest @ ..] => (false, rest),
            _ => (false, rest),
        };
        let (digits, rest) = split_digits(rest);
        if digits.is_empty() || !rest.is_empty() {
            return None;
        }
        // Far beyond any float's range, and no overflow however many digits there are.
        exp = digits
            .iter()
            .fold(0i64, |e, d| (e * 10 + i64::from(d - b'0')).min(1 << 40));
        if minus {
            exp = -exp;
        }
    } else if !rest.is_empty() {
        return None;
    }
    let x = float::from_decimal(int, frac, exp);
    Some(if negative { -x } else { x })
}

/// The leading ASCII digits of `s`, and the rest.
fn split_digits(s: &[u8]) -> (&[u8], &[u8]) {
    s.split_at(s.iter().take_while(|b| b.is_ascii_digit()).count())
}

/// A finite `x` as significant digits and a decimal point position: `x = ±0.d₁d₂… × 10^point`.
/// The digits are the shortest that read back as `x` (no leading or trailing zeros; empty for 0).
struct Decimal {
    negative: bool,
    digits: Vec<u8>,
    point: i32,
}

impl Decimal {
    fn of(x: f64) -> Decimal {
        // serde_json writes the shortest round-trip form: "12.5", "2.0", "1e-7", "1.5e21".
        let text = serde_json::to_string(&x).unwrap_or_default();
        let (negative, body) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.as_str()),
        };
        let (mantissa, exp) = match body.split_once(['e', 'E']) {
            Some((m, e)) => (m, e.trim_start_matches('+').parse::<i32>().unwrap_or(0)),
            None => (body, 0),
        };
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let mut digits: Vec<u8> = int.bytes().chain(frac.bytes()).map(|b| b - b'0').collect();
        let mut point = int.len() as i32 + exp;
        let leading = digits.iter().take_while(|d| **d == 0).count();
        digits.drain(..leading);
        point -= leading as i32;
        while digits.last() == Some(&0) {
            digits.pop();
        }
        if digits.is_empty() {
            point = 0;
        }
        Decimal {
            negative,
            digits,
            point,
        }
    }

    /// Keeps the first `keep` digits (none when `keep` ≤ 0), rounding half up.
    fn round_to(&mut self, keep: i32) {
        if keep < 0 {
            // The cut is left of the first digit: |x| < 0.5 ulp of the kept place.
            self.digits.clear();
            self.point = 0;
            return;
        }
        let keep_len = keep as usize;
        if keep_len >= self.digits.len() {
            return;
        }
        let round_up = self.digits[keep_len] >= 5;
        self.digits.truncate(keep_len);
        if round_up {
            let mut i = keep_len;
            loop {
                if i == 0 {
                    // 9.99 → 10.0: a new leading digit.
                    self.digits.insert(0, 1);
                    self.point += 1;
                    break;
                }
                i -= 1;
                if self.digits[i] == 9 {
                    self.digits[i] = 0;
                } else {
                    self.digits[i] += 1;
                    break;
                }
            }
        }
        while self.digits.last() == Some(&0) {
            self.digits.pop();
        }
        if self.digits.is_empty() {
            self.point = 0;
        }
    }

    /// Digit `i` of the significand (0 beyond the stored digits).
    fn digit(&self, i: i32) -> char {
        let d = usize::try_from(i)
            .ok()
            .and_then(|i| self.digits.get(i))
            .copied();
        char::from(b'0' + d.unwrap_or(0))
    }
}

/// `x` as Rust's `format!("{x}")` prints it: the shortest digits that read back as `x`, never in
/// exponent form (`"12.5"`, `"2"`, `"0.0000001"`, `"-0"`); `"NaN"`, `"inf"`, `"-inf"` if not finite.
pub fn shortest(x: f64) -> String {
    // The standard `Display` of floats stays in the wasm anyway (plotters-canvas writes canvas
    // colours with it), so plain and fixed notation use it: it is about 5× faster than
    // going through serde_json's text, and charts format hundreds of labels per input change.
    format!("{x}")
}

/// `x` with exactly `decimals` decimals: `format!("{:.N}", x)`.
pub fn fixed(x: f64, decimals: usize) -> String {
    format!("{x:.decimals$}")
}

/// `x` rounded to `sig` significant digits (at least 1), ties half up: `round_sig(1234.567, 6)` is
/// `1234.57`. Non-finite values come back unchanged.
pub fn round_sig(x: f64, sig: u32) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    let mut d = Decimal::of(x);
    d.round_to(sig.max(1) as i32);
    parse(&d.scientific()).unwrap_or(x)
}

/// `x` in exponent form as Rust's `format!("{x:e}")` prints it: `"1e9"`, `"1.5e10"`, `"-2.5e-7"`.
pub fn scientific(x: f64) -> String {
    match non_finite(x) {
        Some(s) => s,
        None => Decimal::of(x).scientific(),
    }
}

impl Decimal {
    fn scientific(&self) -> String {
        let mut out = String::new();
        if self.negative {
            out.push('-');
        }
        out.push(self.digit(0));
        if self.digits.len() > 1 {
            out.push('.');
            (1..self.digits.len() as i32).for_each(|i| out.push(self.digit(i)));
        }
        out.push('e');
        let exp = if self.digits.is_empty() {
            0
        } else {
            self.point - 1
        };
        out.push_str(&exp.to_string());
        out
    }
}

fn non_finite(x: f64) -> Option<String> {
    let s = if x.is_nan() {
        "NaN"
    } else if x == f64::INFINITY {
        "inf"
    } else if x == f64::NEG_INFINITY {
        "-inf"
    } else {
        return None;
    };
    Some(s.to_string())
}

pub(crate) mod float;

#[cfg(test)]
mod tests;
