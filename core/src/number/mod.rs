//! Decimal text ⇄ `f64` for the app: one place that decides which float code the wasm carries.
//!
//! Design note (size): the standard library's `str::parse::<f64>`, its float `Display` (`{}`,
//! `{:.N}`, `{:e}`: Grisu with a Dragon fallback and big-number tables, about 13 KB of wasm) and
//! serde_json's `float_roundtrip` parser are each complete implementations with their own tables.
//! Parsing here is our own small correctly rounded conversion ([`float`], shared with the JSON
//! reader); every notation starts from zmij's shortest digits, the writer serde_json uses for
//! saved jobs anyway, and fixed notation is exact integer arithmetic. Nothing in the app may
//! format an `f64` with `{}`: `cargo xtask dist` fails when the standard float formatter is in
//! the WebAssembly (`xtask/src/float_fmt.rs`). The functions reproduce what the standard ones
//! print and parse (property-tested against them); [`round_sig`] rounds the shortest decimal
//! form, ties half up (`2.675` → 2.68, where the standard's `{:.2e}`-style rounding of the
//! binary value 2.67499… gives 2.67).

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
        // zmij writes the shortest round-trip form: "12.5", "2.0", "1e-7", "1.5e21".
        let mut buffer = zmij::Buffer::new();
        let text = buffer.format(x);
        let (negative, body) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
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
    match non_finite(x) {
        Some(s) => s,
        None => Decimal::of(x).plain(),
    }
}

/// Most decimals [`fixed`] writes; more are written as this many.
pub const MAX_FIXED_DECIMALS: usize = 20;

/// `x` with exactly `decimals` decimals (at most [`MAX_FIXED_DECIMALS`]), as
/// `format!("{:.N}", x)` prints it: the binary value rounded exactly, ties to even, the sign kept
/// (`"-0.00"`).
pub fn fixed(x: f64, decimals: usize) -> String {
    if let Some(s) = non_finite(x) {
        return s;
    }
    let decimals = decimals.min(MAX_FIXED_DECIMALS);
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    // x = ±m × 2^e exactly, so x × 10^decimals = m × 10^decimals × 2^e: an integer times a
    // power of two, in base-10^9 limbs (no 128-bit division, which would link more code).
    let (m, e) = match biased {
        0 => (fraction, -1074),
        _ => (fraction | 1 << 52, biased - 1075),
    };
    let mut n = Limbs::from(m);
    (0..decimals).for_each(|_| n.mul_small(10));
    if e >= 0 {
        n.shl(e.unsigned_abs());
    } else {
        n.shr_round_even(e.unsigned_abs());
    }
    let mut digits = n.digits();
    if digits.len() <= decimals {
        let pad = decimals + 1 - digits.len();
        digits.splice(0..0, std::iter::repeat_n(b'0', pad));
    }
    if decimals > 0 {
        let at = digits.len() - decimals;
        digits.insert(at, b'.');
    }
    let mut out = String::with_capacity(digits.len() + 1);
    if bits >> 63 == 1 {
        out.push('-');
    }
    out.extend(digits.into_iter().map(char::from));
    out
}

/// A non-negative integer in base-10^9 limbs, least significant first.
struct Limbs(Vec<u64>);

/// The limbs' base.
const BASE: u64 = 1_000_000_000;

impl From<u64> for Limbs {
    fn from(m: u64) -> Limbs {
        Limbs(vec![m % BASE, m / BASE % BASE, m / BASE / BASE])
    }
}

impl Limbs {
    /// Multiplies by `k` < 2^29 (so that a limb times `k` plus the carry fits in 64 bits).
    fn mul_small(&mut self, k: u64) {
        let mut carry = 0;
        for limb in &mut self.0 {
            let v = *limb * k + carry;
            *limb = v % BASE;
            carry = v / BASE;
        }
        while carry > 0 {
            self.0.push(carry % BASE);
            carry /= BASE;
        }
    }

    /// Multiplies by 2^`bits`.
    fn shl(&mut self, mut bits: u32) {
        while bits > 0 {
            let step = bits.min(29);
            bits -= step;
            self.mul_small(1 << step);
        }
    }

    /// Divides by 2^`bits`, rounding to nearest, ties to even (as the standard formatting does).
    fn shr_round_even(&mut self, bits: u32) {
        // The last bit shifted out, and whether any bit before it was set.
        let (mut half, mut sticky) = (false, false);
        for _ in 0..bits {
            sticky |= half;
            let mut rem = 0;
            for limb in self.0.iter_mut().rev() {
                let v = rem * BASE + *limb;
                *limb = v / 2;
                rem = v % 2;
            }
            half = rem == 1;
            if !half && !sticky && self.0.iter().all(|l| *l == 0) {
                return;
            }
        }
        let odd = self.0.first().is_some_and(|l| l % 2 == 1);
        if half && (sticky || odd) {
            self.add_one();
        }
    }

    /// Adds one.
    fn add_one(&mut self) {
        for limb in &mut self.0 {
            *limb += 1;
            if *limb < BASE {
                return;
            }
            *limb = 0;
        }
        self.0.push(1);
    }

    /// The decimal digits, no leading zeros ("0" for zero).
    fn digits(&self) -> Vec<u8> {
        let mut digits = Vec::with_capacity(self.0.len() * 9);
        for limb in self.0.iter().rev() {
            let mut scale = BASE / 10;
            while scale > 0 {
                digits.push(b'0' + (limb / scale % 10) as u8);
                scale /= 10;
            }
        }
        let leading = digits.iter().take_while(|d| **d == b'0').count();
        digits.drain(..leading.min(digits.len() - 1));
        digits
    }
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
    /// Plain notation, as `format!("{x}")`: `"-0"`, `"0.0000001"`, `"1500"`, `"12.5"`.
    fn plain(&self) -> String {
        let mut out = String::new();
        if self.negative {
            out.push('-');
        }
        let n = self.digits.len() as i32;
        if n == 0 {
            out.push('0');
        } else if self.point <= 0 {
            out.push_str("0.");
            (self.point..n).for_each(|i| out.push(self.digit(i)));
        } else {
            (0..self.point.max(n)).for_each(|i| {
                if i == self.point {
                    out.push('.');
                }
                out.push(self.digit(i));
            });
        }
        out
    }

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
