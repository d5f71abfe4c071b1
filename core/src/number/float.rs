//! Decimal digits to the nearest `f64` (ties to even), bit for bit what `str::parse::<f64>` gives.
//!
//! Design note (size): the standard library's parser and serde_json's `float_roundtrip` parser
//! are each several KB of tables and code in the WebAssembly download. Here a fast path covers
//! what people type and what the dataset holds (Clinger: at most 2^53 as the integer of the digits
//! and a power of ten up to 10^22 are both exact, so one IEEE multiplication or division rounds
//! correctly); everything else takes a short, slow, exact path: the value as a fraction of big
//! integers, divided to a 64-bit quotient whose remainder is a sticky bit, then rounded half to
//! even at the precision of the result (fewer bits for subnormals).
//! Only the first 800 significant digits are kept exactly: a value halfway between two doubles
//! has at most 767 of them, so anything further only tells that the value is above the cut.

/// The powers of ten that are exact in an `f64`.
const POW10: [f64; 23] = {
    let mut table = [1.0; 23];
    let mut i = 1;
    while i < 23 {
        table[i] = table[i - 1] * 10.0;
        i += 1;
    }
    table
};

/// The nearest `f64` to `int.frac × 10^exp` (ASCII digits; either part may be empty), ties to
/// even; infinity when it is too large, 0 when too small.
pub(crate) fn from_decimal(int: &[u8], frac: &[u8], exp: i64) -> f64 {
    let exp = exp.saturating_sub(frac.len() as i64);
    let mut w: u64 = 0;
    let mut significant = 0;
    for &d in int.iter().chain(frac) {
        if significant == 19 {
            return slow(int, frac, exp);
        }
        w = w * 10 + u64::from(d - b'0');
        significant += usize::from(w != 0);
    }
    if w == 0 {
        return 0.0;
    }
    if w <= 1 << 53 && (-22..=22).contains(&exp) {
        let x = w as f64;
        let pow = POW10[exp.unsigned_abs() as usize];
        return if exp < 0 { x / pow } else { x * pow };
    }
    slow(int, frac, exp)
}

/// The exact path: the digits as a big integer over a power of ten (or times one).
#[cold]
fn slow(int: &[u8], frac: &[u8], mut exp: i64) -> f64 {
    let mut digits: Vec<u8> = int.iter().chain(frac).map(|d| d - b'0').collect();
    while digits.last() == Some(&0) {
        digits.pop();
        exp = exp.saturating_add(1);
    }
    let leading = digits.iter().take_while(|d| **d == 0).count();
    digits.drain(..leading);
    let n = digits.len() as i64;
    if n == 0 || n.saturating_add(exp) < -324 {
        // Below 10^-325, less than half the smallest subnormal.
        return 0.0;
    }
    if n.saturating_add(exp) > 310 {
        return f64::INFINITY;
    }
    // The last digit is not 0, so dropping any digits leaves a value strictly above the cut.
    let truncated = digits.len() > 800;
    if truncated {
        exp += n - 800;
        digits.truncate(800);
    }
    let mut num = Vec::new();
    for chunk in digits.chunks(9) {
        let value = chunk.iter().fold(0, |v, d| v * 10 + u32::from(*d));
        mul_add(&mut num, 10u32.pow(chunk.len() as u32), value);
    }
    let mut den = vec![1];
    mul_pow10(
        if exp < 0 { &mut den } else { &mut num },
        exp.unsigned_abs(),
    );
    // Scale so that the quotient num / den has 64 or 65 bits: q = ⌊num·2^s / den⌋.
    let s = 64 + bit_len(&den) as i64 - bit_len(&num) as i64;
    if s > 0 {
        num = shl(&num, s as usize);
    } else {
        den = shl(&den, s.unsigned_abs() as usize);
    }
    let mut q: u128 = 0;
    for k in (0..66).rev() {
        let part = shl(&den, k);
        if !less(&num, &part) {
            sub(&mut num, &part);
            q |= 1 << k;
        }
    }
    round(q, s, truncated || !num.is_empty())
}

/// The `f64` nearest to `(q + ε)·2^-s`, where ε is in (0, 1) when `sticky`, else 0.
fn round(q: u128, s: i64, sticky: bool) -> f64 {
    let top = 127 - i64::from(q.leading_zeros()); // q is in [2^top, 2^(top+1))
    let e2 = top - s;
    if e2 > 1023 {
        return f64::INFINITY;
    }
    // The weight of the result's last bit: 2^-1074 for subnormals.
    let ulp = (e2 - 52).max(-1074);
    let drop = ulp + s; // at least 11, since q has 64 bits or more
    if drop > 65 {
        return 0.0; // q < half of the last bit
    }
    let m = (q >> drop) as u64;
    let rest = q & ((1 << drop) - 1);
    let half = 1 << (drop - 1);
    let up = rest > half || rest == half && (sticky || m & 1 == 1);
    // The exponent field plus the mantissa with its leading bit: a carry out of the mantissa
    // moves to the next binade, or to infinity, by itself.
    f64::from_bits((((ulp + 1074) as u64) << 52) + m + u64::from(up))
}

/// `big = big·m + add` (little-endian 32-bit limbs, no high zero limbs).
fn mul_add(big: &mut Vec<u32>, m: u32, add: u32) {
    let mut carry = u64::from(add);
    for limb in big.iter_mut() {
        let t = u64::from(*limb) * u64::from(m) + carry;
        *limb = t as u32;
        carry = t >> 32;
    }
    if carry > 0 {
        big.push(carry as u32);
    }
}

/// `big = big·10^k`.
fn mul_pow10(big: &mut Vec<u32>, mut k: u64) {
    while k > 0 {
        let step = k.min(9);
        mul_add(big, 10u32.pow(step as u32), 0);
        k -= step;
    }
}

fn bit_len(big: &[u32]) -> usize {
    big.last()
        .map_or(0, |top| big.len() * 32 - top.leading_zeros() as usize)
}

/// `big·2^bits`.
fn shl(big: &[u32], bits: usize) -> Vec<u32> {
    let (limbs, bits) = (bits / 32, bits % 32);
    let mut out = vec![0; limbs];
    let mut carry = 0;
    for &limb in big {
        let t = u64::from(limb) << bits | carry;
        out.push(t as u32);
        carry = t >> 32;
    }
    if carry > 0 {
        out.push(carry as u32);
    }
    out
}

/// `a < b`.
fn less(a: &[u32], b: &[u32]) -> bool {
    a.len()
        .cmp(&b.len())
        .then_with(|| a.iter().rev().cmp(b.iter().rev()))
        .is_lt()
}

/// `a = a - b`, for `a ≥ b`.
fn sub(a: &mut Vec<u32>, b: &[u32]) {
    let mut borrow = false;
    for (i, limb) in a.iter_mut().enumerate() {
        let (d, b1) = limb.overflowing_sub(b.get(i).copied().unwrap_or(0));
        let (d, b2) = d.overflowing_sub(u32::from(borrow));
        *limb = d;
        borrow = b1 || b2;
    }
    while a.last() == Some(&0) {
        a.pop();
    }
}
