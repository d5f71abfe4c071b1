//! The same job on every accelerator: emissions, energy and wall time in three panels side by
//! side that share the row labels; the current device is highlighted.
//!
//! Design note: rows are sorted by emissions (ascending, stable; rows with a non-finite emission
//! are dropped) so the cleanest device is on top, and every index handed back refers to the
//! caller's `rows`. Each panel has its own linear scale from zero because the three metrics have
//! different units; the value printed at each bar end carries the unit. A caption states whether
//! runtimes were scaled by peak throughput (workload in FLOPs) or kept equal (workload in hours),
//! since the energy and time panels mean different things in the two cases.

use super::format::truncate_to_width;
use super::format::{format_energy_kwh, format_hours, format_mass_kg, format_sig, text_width};
use super::layout::{fit_rows, hit_rows, sorted_finite, Row, Scale, PAD};
use super::paint::{Align, Painter};
use super::{css_size, Area, ChartResult, Theme};
use plotters::backend::DrawingBackend;

/// Caption when the workload is given in FLOPs.
pub const CAPTION_SCALED: &str = "Runtime scaled by peak dense throughput at the same MFU";
/// Caption when the workload is given in hours.
pub const CAPTION_SAME_HOURS: &str = "Same hours on every device (workload given in hours)";
/// Panel headers, in panel order.
pub const METRICS: [&str; 3] = ["Emissions", "Energy", "Wall time"];

/// One accelerator.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HardwareRow {
    /// Device name, e.g. `"NVIDIA H100 SXM"`.
    pub label: String,
    /// Emissions of the job on this device, kg CO₂e.
    pub emissions_kg: f64,
    /// Energy drawn, kWh.
    pub energy_kwh: f64,
    /// Wall-clock time, hours.
    pub hours: f64,
}

impl HardwareRow {
    /// The three metrics in panel order.
    pub fn metrics(&self) -> [f64; 3] {
        [self.emissions_kg, self.energy_kwh, self.hours]
    }
}

/// Input of the chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HardwareBars {
    /// Title drawn above the chart (may be empty).
    pub title: String,
    /// The devices, in any order.
    pub rows: Vec<HardwareRow>,
    /// Index into `rows` of the current device.
    pub highlighted: Option<usize>,
    /// True when runtimes follow each device's throughput (workload in FLOPs).
    pub runtime_scaled: bool,
}

impl HardwareBars {
    /// The caption matching `runtime_scaled`.
    pub fn caption(&self) -> &'static str {
        if self.runtime_scaled {
            CAPTION_SCALED
        } else {
            CAPTION_SAME_HOURS
        }
    }
}

/// Formats metric `k` (panel order) with its unit.
pub fn format_metric(k: usize, v: f64) -> String {
    match k {
        0 => format_mass_kg(v),
        1 => format_energy_kwh(v),
        _ => format_hours(v),
    }
}

/// One panel's geometry.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    /// Left edge of the panel (its header starts here).
    pub x: f64,
    /// Value → x for this metric.
    pub scale: Scale,
}

/// The computed geometry of one drawing, in CSS pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Chart width.
    pub width: f64,
    /// Chart height.
    pub height: f64,
    /// Drawn rows top to bottom; `bar` is the emissions bar.
    pub rows: Vec<Row>,
    /// Rows with finite emissions that did not fit.
    pub hidden: usize,
    /// The three panels (emissions, energy, wall time).
    pub panels: Vec<Panel>,
    /// Vertical centres of the title (if any), the caption and the panel headers.
    pub title_y: Option<f64>,
    /// Vertical centre of the caption.
    pub caption_y: f64,
    /// Vertical centre of the panel headers.
    pub header_y: f64,
    /// Right edge and width of the row labels.
    pub label_right: f64,
    /// Width available to a row label.
    pub label_w: f64,
    /// Base font size.
    pub font: f64,
}

const GUTTER: f64 = 14.0;
const PANEL_GAP: f64 = 14.0;

/// Height of everything above the rows.
fn header_h(data: &HardwareBars) -> f64 {
    PAD + if data.title.is_empty() { 0.0 } else { 22.0 } + 18.0 + 20.0
}

/// Computes the geometry of `data` drawn `width` × `height` CSS pixels with `theme`'s font.
pub fn layout(data: &HardwareBars, width: f64, height: f64, theme: &Theme) -> Layout {
    let font = theme.base_font();
    let width = if width.is_finite() {
        width.max(0.0)
    } else {
        0.0
    };
    let height = if height.is_finite() {
        height.max(0.0)
    } else {
        0.0
    };
    let title_y = (!data.title.is_empty()).then_some(PAD + 9.0);
    let caption_y = header_h(data) - 20.0 - 9.0;
    let header_y = header_h(data) - 10.0;
    let rows_top = header_h(data);
    let order = sorted_finite(data.rows.iter().map(|r| r.emissions_kg));
    let (n, row_h) = fit_rows(order.len(), height - PAD - 16.0 - rows_top);
    let mut shown: Vec<usize> = order.iter().take(n).copied().collect();
    // The current device stays visible even when the canvas is too short for every row.
    if let Some(h) = data
        .highlighted
        .filter(|h| order.contains(h) && !shown.contains(h))
    {
        if shown.pop().is_some() {
            shown.push(h);
        }
    }

    let get = |i: &usize| data.rows.get(*i);
    let label_need = shown
        .iter()
        .filter_map(get)
        .map(|r| text_width(&r.label, font) * 1.08)
        .fold(0.0, f64::max);
    let inner = (width - 2.0 * PAD - GUTTER).max(0.0);
    // +2 px: bold labels are measured at 1.08× size, which may round a hair wider.
    let label_w = (label_need + 2.0).min(inner * 0.28);
    let label_right = PAD + GUTTER + label_w;
    let panel_w = ((width - PAD - label_right - 8.0) / 3.0).max(0.0);
    let panels = (0..3)
        .map(|k| {
            let x = label_right + 8.0 + k as f64 * panel_w;
            let vals = shown
                .iter()
                .filter_map(get)
                .map(|r| r.metrics().get(k).copied().unwrap_or(0.0));
            let value_w = vals
                .clone()
                .map(|v| text_width(&format_metric(k, v), font))
                .fold(0.0, f64::max)
                + 6.0;
            let max = vals.filter(|v| v.is_finite()).fold(0.0, f64::max);
            let right = (x + panel_w - PANEL_GAP - value_w).max(x + 1.0);
            Panel {
                x,
                scale: Scale::new(0.0, if max > 0.0 { max } else { 1.0 }, x, right),
            }
        })
        .collect::<Vec<_>>();
    let e_scale = panels
        .first()
        .map(|p| p.scale)
        .unwrap_or(Scale::new(0.0, 1.0, 0.0, 1.0));
    let rows: Vec<Row> = shown
        .iter()
        .enumerate()
        .filter_map(|(k, &i)| {
            let r = data.rows.get(i)?;
            let bar = (e_scale.r0, e_scale.map(r.emissions_kg.max(0.0)));
            Some(Row {
                index: i,
                top: rows_top + k as f64 * row_h,
                height: row_h,
                bar,
            })
        })
        .collect();
    Layout {
        width,
        height,
        hidden: order.len().saturating_sub(rows.len()),
        rows,
        panels,
        title_y,
        caption_y,
        header_y,
        label_right,
        label_w,
        font,
    }
}

/// Index into `data.rows` of the device whose row contains `(x, y)` (CSS pixels), if any.
pub fn hit_test(layout: &Layout, x: f64, y: f64) -> Option<usize> {
    hit_rows(&layout.rows, layout.width, x, y)
}

/// Canvas height (CSS pixels) showing every device at the preferred row height.
pub fn required_height(data: &HardwareBars) -> u32 {
    let n = data
        .rows
        .iter()
        .filter(|r| r.emissions_kg.is_finite())
        .count()
        .max(2);
    (header_h(data) + n as f64 * super::layout::ROW_PREF + 16.0 + PAD).ceil() as u32
}

/// Draws `data` filling `area` (device pixels = CSS pixels × `theme.scale`).
pub fn draw<DB: DrawingBackend>(
    area: &Area<DB>,
    data: &HardwareBars,
    theme: &Theme,
) -> ChartResult {
    let (w, h) = css_size(area, theme);
    if w < 1.0 || h < 1.0 {
        return Ok(());
    }
    let l = layout(data, w, h, theme);
    let (p, f) = (Painter::new(area, theme), l.font);
    p.clear(&theme.background)?;
    if let Some(ty) = l.title_y {
        let t = truncate_to_width(&data.title, w - 2.0 * PAD, f + 1.0);
        p.text(&t, (PAD, ty), f + 1.0, true, &theme.text, Align::Left)?;
    }
    let cap = truncate_to_width(data.caption(), w - 2.0 * PAD, f - 1.0);
    p.text(
        &cap,
        (PAD, l.caption_y),
        f - 1.0,
        false,
        &theme.muted,
        Align::Left,
    )?;
    if l.rows.is_empty() {
        return p.text(
            "No data",
            (w / 2.0, (l.header_y + h) / 2.0),
            f + 1.0,
            false,
            &theme.muted,
            Align::Center,
        );
    }
    let (y0, y1) = match (l.rows.first(), l.rows.last()) {
        (Some(a), Some(b)) => (a.top, b.top + b.height),
        _ => (0.0, 0.0),
    };
    for row in l.rows.iter().filter(|r| data.highlighted == Some(r.index)) {
        p.fill_rect(
            (PAD, row.top, w - PAD, row.top + row.height),
            &theme.highlight_bg,
        )?;
        let (m, mid) = (PAD + 2.0, row.mid());
        p.polygon(
            &[(m, mid - 5.0), (m + 8.0, mid), (m, mid + 5.0)],
            &theme.highlight,
        )?;
    }
    for (k, panel) in l.panels.iter().enumerate() {
        let c = theme.series.get(k).unwrap_or(&theme.neutral);
        let name = METRICS.get(k).copied().unwrap_or_default();
        let panel_w = l
            .panels
            .get(1)
            .map_or(w, |q| q.x - l.panels.first().map_or(0.0, |f| f.x));
        let head = truncate_to_width(name, panel_w - 6.0, f);
        p.text(
            &head,
            (panel.x, l.header_y),
            f,
            true,
            &theme.text,
            Align::Left,
        )?;
        p.line((panel.x, y0 - 2.0), (panel.x, y1), &theme.muted, 1.0)?;
        for row in &l.rows {
            let Some(r) = data.rows.get(row.index) else {
                continue;
            };
            let v = r.metrics().get(k).copied().unwrap_or(f64::NAN);
            let (mid, half) = (row.mid(), (row.height * 0.32).clamp(3.0, 9.0));
            let x1 = panel.scale.map(v.max(0.0));
            let x1 = if v > 0.0 {
                x1.max(panel.x + 1.0)
            } else {
                panel.x
            };
            p.fill_rect((panel.x, mid - half, x1, mid + half), c)?;
            let hl = data.highlighted == Some(row.index);
            p.text(
                &format_metric(k, v),
                (x1 + 4.0, mid),
                f,
                hl,
                &theme.text,
                Align::Left,
            )?;
        }
    }
    for row in &l.rows {
        let Some(r) = data.rows.get(row.index) else {
            continue;
        };
        let hl = data.highlighted == Some(row.index);
        let label = truncate_to_width(&r.label, l.label_w, if hl { f * 1.08 } else { f });
        p.text(
            &label,
            (l.label_right, row.mid()),
            f,
            hl,
            &theme.text,
            Align::Right,
        )?;
    }
    if l.hidden > 0 {
        let note = format!("{} more devices not shown", l.hidden);
        p.text(
            &note,
            (PAD, y1 + 10.0),
            f - 1.0,
            false,
            &theme.muted,
            Align::Left,
        )?;
    }
    Ok(())
}

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
        data.caption().to_lowercase(),
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
    ]];
    for i in sorted_finite(data.rows.iter().map(|r| r.emissions_kg)) {
        let Some(r) = data.rows.get(i) else { continue };
        let mut cells = vec![if data.highlighted == Some(i) {
            format!("{} (your device)", r.label)
        } else {
            r.label.clone()
        }];
        cells.extend(r.metrics().iter().map(|v| format_sig(*v, 3)));
        out.push(cells);
    }
    out
}
