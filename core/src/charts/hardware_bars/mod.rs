//! The same job on every accelerator: emissions, energy and wall time in three panels side by
//! side that share the row labels; the current device is highlighted.
//!
//! Design note: rows are sorted by emissions (ascending, stable; rows with a non-finite emission
//! are dropped) so the cleanest device is on top, and every index handed back refers to the
//! caller's `rows`. Each panel has its own linear scale from zero because the three metrics have
//! different units; the value printed at each bar end carries the unit. A caption states whether
//! runtimes were scaled by peak throughput (workload in FLOPs) or kept equal (workload in hours),
//! since the energy and time panels mean different things in the two cases.
//!
//! Below [`STACK_BELOW`] CSS pixels (phones) three panels side by side would leave bars a few
//! pixels long and truncate every label, so the panels are stacked instead, each repeating the
//! row labels; the layout's rows then hold one entry per device and panel.

mod draw;
mod text;

pub use draw::draw;
pub use text::{table_rows, text_alternative, tooltip_lines};

use super::layout::{fit_rows, hit_rows, sorted_finite, Row, Scale, PAD, ROW_PREF};
use crate::format::{format_energy_kwh, format_hours, format_mass_kg, text_width};

use super::Theme;

/// Caption when the workload is given in FLOPs.
pub const CAPTION_SCALED: &str = "Runtime scaled by peak dense throughput at the same MFU";
/// Caption when the workload is given in hours: the work of the current device carried over.
pub const CAPTION_SAME_WORK: &str =
    "Same work on every device: your hours × devices × peak throughput, at each device's peak";
/// Caption when the current device has no throughput figure.
pub const CAPTION_SAME_HOURS: &str = "Same hours on every device (no throughput figure for yours)";
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
    /// Peak dense throughput per watt of TDP, GFLOPS/W, when known.
    pub gflops_per_watt: Option<f64>,
    /// True when the device has less memory than the current one.
    pub may_not_fit: bool,
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
    /// True when runtimes follow each device's throughput (the same work or the same FLOPs).
    pub runtime_scaled: bool,
    /// True when the work was carried over from the current device's hours (not typed FLOPs).
    pub same_work: bool,
}

impl HardwareBars {
    /// The caption: what the rows hold equal.
    pub fn caption(&self) -> &'static str {
        match (self.runtime_scaled, self.same_work) {
            (true, true) => CAPTION_SAME_WORK,
            (true, false) => CAPTION_SCALED,
            _ => CAPTION_SAME_HOURS,
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
    /// Left edge of the panel's bars.
    pub x: f64,
    /// Value → x for this metric.
    pub scale: Scale,
    /// Vertical centre of the panel header.
    pub header_y: f64,
    /// Vertical offset of this panel's rows from the first panel's rows (0 side by side).
    pub dy: f64,
}

/// The computed geometry of one drawing, in CSS pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Chart width.
    pub width: f64,
    /// Chart height.
    pub height: f64,
    /// Drawn rows top to bottom. Side by side: one per device, `bar` = emissions bar. Stacked:
    /// the devices once per panel, `bar` = that panel's bar.
    pub rows: Vec<Row>,
    /// Devices with finite emissions that did not fit.
    pub hidden: usize,
    /// The three panels (emissions, energy, wall time).
    pub panels: Vec<Panel>,
    /// Whether the panels are stacked vertically (narrow charts).
    pub stacked: bool,
    /// Vertical centre of the title, if any.
    pub title_y: Option<f64>,
    /// Vertical centre of the caption.
    pub caption_y: f64,
    /// Right edge of the row labels.
    pub label_right: f64,
    /// Width available to a row label.
    pub label_w: f64,
    /// Vertical centre of the "more devices" note.
    pub footer_y: f64,
    /// Base font size.
    pub font: f64,
}

/// Charts narrower than this (CSS pixels) stack the three panels.
pub const STACK_BELOW: f64 = 560.0;
const GUTTER: f64 = 14.0;
const PANEL_GAP: f64 = 14.0;
const HEAD_H: f64 = 20.0;
const BLOCK_GAP: f64 = 10.0;
const FOOTER_H: f64 = 16.0;

/// Height of the title and caption.
fn top_h(data: &HardwareBars) -> f64 {
    PAD + if data.title.is_empty() { 0.0 } else { 22.0 } + 18.0
}

fn finite_or_zero(v: f64) -> f64 {
    if v.is_finite() {
        v.max(0.0)
    } else {
        0.0
    }
}

/// Computes the geometry of `data` drawn `width` × `height` CSS pixels with `theme`'s font.
pub fn layout(data: &HardwareBars, width: f64, height: f64, theme: &Theme) -> Layout {
    let font = theme.base_font();
    let (width, height) = (finite_or_zero(width), finite_or_zero(height));
    let stacked = width < STACK_BELOW;
    let blocks = if stacked { 3.0 } else { 1.0 };
    let top = top_h(data);
    let order = sorted_finite(data.rows.iter().map(|r| r.emissions_kg));
    let avail = height - PAD - FOOTER_H - top - blocks * HEAD_H - (blocks - 1.0) * BLOCK_GAP;
    let (n, row_h) = fit_rows(order.len(), avail / blocks);
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
    let label_w = (label_need + 2.0).min(inner * if stacked { 0.42 } else { 0.28 });
    let label_right = PAD + GUTTER + label_w;
    let bars_x = label_right + 8.0;
    let panel_w = ((width - PAD - bars_x) / if stacked { 1.0 } else { 3.0 }).max(0.0);
    let block_h = HEAD_H + shown.len() as f64 * row_h + BLOCK_GAP;
    let panels = (0..3)
        .map(|k| {
            let (x, dy) = if stacked {
                (bars_x, k as f64 * block_h)
            } else {
                (bars_x + k as f64 * panel_w, 0.0)
            };
            let vals = shown
                .iter()
                .filter_map(get)
                .map(|r| r.metrics().get(k).copied().unwrap_or(f64::NAN));
            let value_w = vals
                .clone()
                .map(|v| text_width(&format_metric(k, v), font))
                .fold(0.0, f64::max)
                + 6.0;
            let max = vals.filter(|v| v.is_finite()).fold(0.0, f64::max);
            let gap = if stacked { 0.0 } else { PANEL_GAP };
            let right = (x + panel_w - gap - value_w).max(x + 1.0);
            let scale = Scale::new(0.0, if max > 0.0 { max } else { 1.0 }, x, right);
            Panel {
                x,
                scale,
                header_y: top + dy + HEAD_H / 2.0,
                dy,
            }
        })
        .collect::<Vec<_>>();
    let rows_top = top + HEAD_H;
    let rows: Vec<Row> = panels
        .iter()
        .enumerate()
        .take(if stacked { 3 } else { 1 })
        .flat_map(|(k, p)| {
            shown.iter().enumerate().filter_map(move |(j, &i)| {
                let v = data.rows.get(i)?.metrics().get(k).copied().unwrap_or(0.0);
                let bar = (p.scale.r0, p.scale.map(v.max(0.0)));
                let top = rows_top + p.dy + j as f64 * row_h;
                Some(Row {
                    index: i,
                    top,
                    height: row_h,
                    bar,
                })
            })
        })
        .collect();
    let bottom = rows.last().map_or(rows_top, |r| r.top + r.height);
    Layout {
        width,
        height,
        hidden: order.len().saturating_sub(shown.len()),
        rows,
        panels,
        stacked,
        title_y: (!data.title.is_empty()).then_some(PAD + 9.0),
        caption_y: top - 9.0 - 2.0,
        label_right,
        label_w,
        footer_y: bottom + FOOTER_H / 2.0 + 2.0,
        font,
    }
}

/// Index into `data.rows` of the device whose row contains `(x, y)` (CSS pixels), if any.
pub fn hit_test(layout: &Layout, x: f64, y: f64) -> Option<usize> {
    hit_rows(&layout.rows, layout.width, x, y)
}

/// Canvas height (CSS pixels) showing every device at the preferred row height in a chart
/// `width` CSS pixels wide (narrow charts stack the panels and need about three times more).
pub fn required_height(data: &HardwareBars, width: f64) -> u32 {
    let n = data
        .rows
        .iter()
        .filter(|r| r.emissions_kg.is_finite())
        .count()
        .max(2) as f64;
    let blocks = if finite_or_zero(width) < STACK_BELOW {
        3.0
    } else {
        1.0
    };
    let body = blocks * (HEAD_H + n * ROW_PREF) + (blocks - 1.0) * BLOCK_GAP;
    (top_h(data) + body + FOOTER_H + PAD).ceil() as u32
}
