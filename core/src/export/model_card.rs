//! The Hugging Face model-card metadata block (`co2_eq_emissions:`), YAML.

use super::ExportContext;
use std::fmt::Write;

/// A YAML double-quoted string: `\` and `"` escaped, control characters as escapes.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Grams with at most one decimal, as a plain YAML number (no thousands separator).
pub(crate) fn grams(kg: f64) -> String {
    let g = (kg * 1000.0 * 10.0).round() / 10.0;
    if g.is_finite() {
        crate::number::shortest(g)
    } else {
        "0".to_string()
    }
}

/// Distinct values in first-seen order, joined with "; ".
fn distinct(values: impl Iterator<Item = String>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for v in values {
        if !seen.contains(&v) {
            seen.push(v);
        }
    }
    seen.join("; ")
}

/// The metadata block to paste into a model card's YAML front matter. `emissions` is the
/// location-based total in grams of CO2e (the model card's unit), operational only; YAML comments
/// say which accelerator draw it assumed, give the upper bound at 100 % of TDP and the life-cycle
/// figures (embodied, development, total, water), which `emissions` leaves out.
pub fn model_card(ctx: &ExportContext) -> String {
    let t = ctx.totals();
    let total = t.location_based.central.0;
    let location = distinct(ctx.items.iter().map(|i| i.location()));
    let hardware = distinct(ctx.items.iter().map(|i| i.hardware()));
    let draw = distinct(ctx.items.iter().map(|i| i.draw()));
    format!(
        "co2_eq_emissions:\n  emissions: {}\n  source: {}\n  training_type: {}\n  \
         geographical_location: {}\n  hardware_used: {}\n  \
         # operational, location-based; accelerator draw: {}\n  \
         # upper bound with every accelerator at 100 % of TDP: {} g\n  \
         # life cycle, not in emissions: embodied {} g, development {} g, life-cycle total {} g; \
         on-site water {} L\n",
        grams(total),
        quoted(&ctx.source()),
        quoted(ctx.training_type.as_str()),
        quoted(&location),
        quoted(&hardware),
        draw.replace(['\n', '\r'], " "),
        grams(t.location_based_at_tdp.0),
        grams(t.embodied.central.0),
        grams(t.development.central.0),
        grams(t.lifecycle.central.0),
        super::reading(t.water.central.0).replace(',', ""),
    )
}
