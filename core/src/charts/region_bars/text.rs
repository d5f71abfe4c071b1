//! Text alternative, table and tooltip of the region chart: the same numbers as the drawing.

use super::RegionBars;
use crate::charts::layout::sorted_finite;
use crate::format::{format_mass_kg, format_pct, format_sig};

/// Bars with a finite value in drawing order (ascending value).
fn ordered(data: &RegionBars) -> Vec<usize> {
    sorted_finite(data.bars.iter().map(|b| b.value))
}

fn noun(data: &RegionBars) -> &str {
    if data.item_noun.is_empty() {
        "options"
    } else {
        &data.item_noun
    }
}

/// One sentence summarising the chart, e.g. "Emissions of this job by region: 42 regions, from
/// 3.1 kg CO₂e (europe-north1) to 160 kg CO₂e (asia-south1); your choice us-central1: 55 kg CO₂e."
pub fn text_alternative(data: &RegionBars) -> String {
    let order = ordered(data);
    let title = if data.title.is_empty() {
        "Emissions"
    } else {
        data.title.as_str()
    };
    let (Some(lo), Some(hi)) = (
        order.first().and_then(|&i| data.bars.get(i)),
        order.last().and_then(|&i| data.bars.get(i)),
    ) else {
        return format!("{title}: no data.");
    };
    let mut s = format!(
        "{title}: {} {}, from {} CO₂e ({}) to {} CO₂e ({})",
        order.len(),
        noun(data),
        format_mass_kg(lo.value),
        lo.label,
        format_mass_kg(hi.value),
        hi.label
    );
    if let Some(cur) = data.highlighted.and_then(|h| data.bars.get(h)) {
        s.push_str(&format!(
            "; your choice {}: {} CO₂e",
            cur.label,
            format_mass_kg(cur.value)
        ));
    }
    s.push('.');
    s
}

/// "42 % less" / "18 % more" / "same" for a saving percentage.
fn change(saving_pct: f64) -> String {
    if !saving_pct.is_finite() {
        "n/a".to_string()
    } else if format_sig(saving_pct, 2) == "0" {
        "same".to_string()
    } else if saving_pct > 0.0 {
        format!("{} less", format_pct(saving_pct))
    } else {
        format!("{} more", format_pct(-saving_pct))
    }
}

/// The table behind "show as table": a header row, then every bar with a finite value in chart
/// order (all of them, regardless of `max_rows`).
pub fn table_rows(data: &RegionBars) -> Vec<Vec<String>> {
    let label = if data.label_header.is_empty() {
        "Option"
    } else {
        &data.label_header
    };
    let unit = if data.unit_label.is_empty() {
        "kg CO₂e"
    } else {
        &data.unit_label
    };
    let mut out = vec![vec![
        label.to_string(),
        format!("Emissions ({unit})"),
        "Grid intensity (g CO₂e/kWh)".to_string(),
        "Change vs your choice".to_string(),
    ]];
    for i in ordered(data) {
        let Some(b) = data.bars.get(i) else { continue };
        let current = data.highlighted == Some(i);
        out.push(vec![
            if current {
                format!("{} (your choice)", b.label)
            } else {
                b.label.clone()
            },
            format_sig(b.value, 3),
            if b.intensity.is_finite() {
                format_sig(b.intensity, 3)
            } else {
                "n/a".to_string()
            },
            if current {
                "your choice".to_string()
            } else {
                change(b.saving_pct)
            },
        ]);
    }
    out
}

/// Tooltip lines for bar `index`: label, emissions, intensity and the saving; empty when the
/// index is out of range.
pub fn tooltip_lines(data: &RegionBars, index: usize) -> Vec<String> {
    let Some(b) = data.bars.get(index) else {
        return Vec::new();
    };
    let mut out = vec![
        b.label.clone(),
        format!("Emissions: {} CO₂e", format_mass_kg(b.value)),
    ];
    if b.intensity.is_finite() {
        out.push(format!(
            "Grid intensity: {} g CO₂e/kWh",
            format_sig(b.intensity, 3)
        ));
    }
    if data.highlighted == Some(index) {
        out.push("Your current choice".to_string());
    } else if b.saving_pct.is_finite() {
        out.push(
            format!("{} than your choice", change(b.saving_pct)).replace("same than", "same as"),
        );
    }
    out
}
