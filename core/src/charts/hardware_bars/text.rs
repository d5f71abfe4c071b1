//! Text alternative and table of the hardware chart: the same numbers as the drawing.

use super::{format_metric, HardwareBars, HardwareRow};
use crate::charts::layout::sorted_finite;
use crate::format::format_sig;

/// One sentence summarising the chart.
pub fn text_alternative(data: &HardwareBars) -> String {
    let order = sorted_finite(data.rows.iter().map(|r| r.emissions_kg));
    let title = if data.title.is_empty() {
        "This job on each accelerator"
    } else {
        &data.title
    };
    let desc = |r: &HardwareRow| {
        let m = r.metrics();
        let f = |k: usize| format_metric(k, m.get(k).copied().unwrap_or(f64::NAN));
        format!("{} CO₂e, {}, {}", f(0), f(1), f(2))
    };
    let (Some(lo), Some(hi)) = (
        order.first().and_then(|&i| data.rows.get(i)),
        order.last().and_then(|&i| data.rows.get(i)),
    ) else {
        return format!("{title}: no data.");
    };
    let mut s = format!(
        "{title}: {} accelerators ({}). Lowest emissions: {} ({}); highest: {} ({})",
        order.len(),
        data.caption().to_ascii_lowercase(),
        lo.label,
        desc(lo),
        hi.label,
        desc(hi)
    );
    if let Some(cur) = data.highlighted.and_then(|h| data.rows.get(h)) {
        s.push_str(&format!("; your device {}: {}", cur.label, desc(cur)));
    }
    s.push('.');
    s
}

/// The table behind "show as table": a header row, then every device in chart order.
pub fn table_rows(data: &HardwareBars) -> Vec<Vec<String>> {
    let mut out = vec![vec![
        "Accelerator".to_string(),
        "Emissions (kg CO₂e)".to_string(),
        "Energy (kWh)".to_string(),
        "Wall time (h)".to_string(),
        "Peak GFLOPS per W".to_string(),
    ]];
    for i in sorted_finite(data.rows.iter().map(|r| r.emissions_kg)) {
        let Some(r) = data.rows.get(i) else { continue };
        let mut cells = vec![if data.highlighted == Some(i) {
            format!("{} (your device)", r.label)
        } else {
            r.label.clone()
        }];
        cells.extend(r.metrics().iter().map(|v| format_sig(*v, 3)));
        cells.push(
            r.gflops_per_watt
                .map_or("—".to_string(), |g| format_sig(g, 3)),
        );
        out.push(cells);
    }
    out
}

/// Tooltip lines for device `index`: name, the three metrics and whether it is the current
/// device; empty when the index is out of range.
pub fn tooltip_lines(data: &HardwareBars, index: usize) -> Vec<String> {
    let Some(r) = data.rows.get(index) else {
        return Vec::new();
    };
    let m = r.metrics();
    let f = |k: usize| format_metric(k, m.get(k).copied().unwrap_or(f64::NAN));
    let mut out = vec![
        r.label.clone(),
        format!("Emissions: {} CO₂e", f(0)),
        format!("Energy: {}", f(1)),
        format!("Wall time: {}", f(2)),
    ];
    if let Some(g) = r.gflops_per_watt {
        out.push(format!("Peak: {} GFLOPS per watt", format_sig(g, 3)));
    }
    if r.may_not_fit {
        out.push("Less memory than your device: the job may not fit".to_string());
    }
    if data.highlighted == Some(index) {
        out.push("Your current device".to_string());
    }
    out
}
