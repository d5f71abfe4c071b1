//! Text alternative, table and tooltip of the tornado chart: the same numbers as the drawing.

use super::{sorted, Tornado};
use crate::format::{format_mass_kg, format_sig};

/// "50 kg CO₂e at 1.1" (or without the input when it has no text).
fn case(v: f64, input: &str) -> String {
    if input.is_empty() {
        format!("{} CO₂e", format_mass_kg(v))
    } else {
        format!("{} CO₂e at {input}", format_mass_kg(v))
    }
}

/// One sentence summarising the chart.
pub fn text_alternative(data: &Tornado) -> String {
    let title = if data.title.is_empty() {
        "Sensitivity of the estimate"
    } else {
        &data.title
    };
    let parts: Vec<String> = sorted(data)
        .iter()
        .filter_map(|&i| data.items.get(i))
        .map(|it| {
            format!(
                "{} {} to {}",
                it.label,
                case(it.low, &it.low_input),
                case(it.high, &it.high_input)
            )
        })
        .collect();
    if parts.is_empty() {
        return format!("{title}: no data.");
    }
    format!(
        "{title}: central estimate {} CO₂e; largest effect first: {}.",
        format_mass_kg(data.central),
        parts.join("; ")
    )
}

/// The table behind "show as table": a header row, then every input, largest swing first.
pub fn table_rows(data: &Tornado) -> Vec<Vec<String>> {
    let mut out = vec![vec![
        "Input".to_string(),
        "Low value".to_string(),
        "Emissions at low (kg CO₂e)".to_string(),
        "High value".to_string(),
        "Emissions at high (kg CO₂e)".to_string(),
        "Swing (kg CO₂e)".to_string(),
    ]];
    for it in sorted(data).iter().filter_map(|&i| data.items.get(i)) {
        out.push(vec![
            it.label.clone(),
            it.low_input.clone(),
            format_sig(it.low, 3),
            it.high_input.clone(),
            format_sig(it.high, 3),
            format_sig(it.swing(), 3),
        ]);
    }
    out
}

/// Tooltip lines for input `index`: name, both cases and the swing; empty when out of range.
pub fn tooltip_lines(data: &Tornado, index: usize) -> Vec<String> {
    let Some(it) = data.items.get(index) else {
        return Vec::new();
    };
    vec![
        it.label.clone(),
        format!("Low: {}", case(it.low, &it.low_input)),
        format!("High: {}", case(it.high, &it.high_input)),
        format!("Swing: {} CO₂e", format_mass_kg(it.swing())),
    ]
}
