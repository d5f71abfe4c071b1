//! Number formatting for display (the page, the charts, the exports' tables) and text measurement for chart labels.
//!
//! Design note: text widths are estimated from a small per-character table tuned to common
//! sans-serif faces (Helvetica/Arial/Liberation/DejaVu) and rounded up, so a label that the
//! estimate says fits will fit on screen. The estimate is deterministic, allocation-free and
//! identical natively and on wasm, which keeps layouts and SVG snapshots stable and lets a
//! 150-row chart be laid out in microseconds.

/// Approximate advance width of `s` in pixels at font size `px`.
pub fn text_width(s: &str, px: f64) -> f64 {
    s.chars().map(char_em).sum::<f64>() * px
}

/// Advance width of one character in em (slightly generous on purpose).
fn char_em(c: char) -> f64 {
    match c {
        'i' | 'l' | 'I' | 'j' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' => 0.28,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | ' ' | '/' | '·' => 0.38,
        'm' | 'w' => 0.84,
        'M' | 'W' => 0.90,
        '0'..='9' => 0.58,
        'A'..='Z' => 0.68,
        'a'..='z' => 0.56,
        '—' | '%' | '@' => 0.90,
        c if c as u32 >= 0x2e80 => 1.0,
        _ => 0.62,
    }
}

/// `s` cut to at most `max_w` pixels at size `px`, ending with "…" when cut.
pub fn truncate_to_width(s: &str, max_w: f64, px: f64) -> String {
    if text_width(s, px) <= max_w {
        return s.to_string();
    }
    let budget = max_w - text_width("…", px);
    if budget <= 0.0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 0.0;
    for c in s.chars() {
        w += char_em(c) * px;
        if w > budget {
            break;
        }
        out.push(c);
    }
    // Do not leave a dangling space or separator before the ellipsis.
    let trimmed = out.trim_end_matches([' ', '·', '(', '-', ',']).len();
    out.truncate(trimmed);
    out.push('…');
    out
}

/// `v` with `sig` significant digits, trailing zeros dropped, thousands separated by commas and
/// a typographic minus; `"n/a"` for NaN or infinity. Integers ≥ 10^sig keep all their digits.
pub fn format_sig(v: f64, sig: u32) -> String {
    if !v.is_finite() {
        return "n/a".to_string();
    }
    if v == 0.0 {
        return "0".to_string();
    }
    let sig = sig.clamp(1, 15) as i32;
    let exp = v.abs().log10().floor() as i32;
    let decimals = (sig - 1 - exp).clamp(0, 12) as usize;
    let mut s = crate::number::fixed(v.abs(), decimals);
    if s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    // A value that rounds to zero at this precision is shown as 0, without a sign.
    if s.chars().all(|c| c == '0' || c == '.') {
        return "0".to_string();
    }
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let mut out = String::new();
    if v < 0.0 {
        out.push('−');
    }
    out.push_str(&group_thousands(&int));
    if let Some(f) = frac {
        out.push('.');
        out.push_str(&f);
    }
    out
}

/// Inserts a comma every three digits of an unsigned digit string: `"1234567"` → `"1,234,567"`.
pub fn group_thousands(digits: &str) -> String {
    let n = digits.chars().count();
    let mut out = String::with_capacity(n + n / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A mass given in kg CO₂e, in the friendliest unit: `"420 g"`, `"3.1 kg"`, `"160 kg"`, `"12.5 t"`.
pub fn format_mass_kg(kg: f64) -> String {
    scaled(kg, &[(1e-3, "g"), (1.0, "kg"), (1e3, "t")])
}

/// An energy given in kWh: `"850 Wh"`, `"12.4 kWh"`, `"3.2 MWh"`, `"1.1 GWh"`.
pub fn format_energy_kwh(kwh: f64) -> String {
    scaled(
        kwh,
        &[(1e-3, "Wh"), (1.0, "kWh"), (1e3, "MWh"), (1e6, "GWh")],
    )
}

/// A duration given in hours: `"45 min"`, `"12.5 h"`, `"3.2 days"`.
pub fn format_hours(h: f64) -> String {
    if !h.is_finite() {
        return "n/a".to_string();
    }
    if h.abs() >= 48.0 {
        return format!("{} days", format_sig(h / 24.0, 3));
    }
    if h != 0.0 && h.abs() < 1.0 {
        return format!("{} min", format_sig(h * 60.0, 3));
    }
    format!("{} h", format_sig(h, 3))
}

/// A percentage with two significant digits: `"42 %"`, `"3.5 %"`.
pub fn format_pct(p: f64) -> String {
    format!("{} %", format_sig(p, 2))
}

/// Formats `v` (in the unit of factor 1) with the largest unit whose factor is ≤ |v|.
/// Values at most 1/1000 of the smallest unit are printed in the smallest unit anyway.
fn scaled(v: f64, units: &[(f64, &str)]) -> String {
    if !v.is_finite() {
        return "n/a".to_string();
    }
    let a = v.abs();
    let (factor, unit) = units
        .iter()
        .rev()
        .find(|(f, _)| a >= *f)
        .or(units.first())
        .copied()
        .unwrap_or((1.0, ""));
    if v == 0.0 {
        // Zero reads best in the reference unit (factor 1) when there is one.
        let unit = units
            .iter()
            .find(|(f, _)| *f == 1.0)
            .map_or(unit, |(_, u)| *u);
        return format!("0 {unit}");
    }
    format!("{} {unit}", format_sig(v / factor, 3))
}
