//! Labelled horizontal bars: the current job's emissions in every region (or any other list of
//! alternatives, e.g. saved jobs), cleanest first, the current choice highlighted.
//!
//! Design note: the chart sorts the bars itself (ascending value, stable, non-finite values
//! dropped), so callers may pass regions in any order and every index the chart hands back
//! (`hit_test`, [`Row::index`]) refers to the caller's `bars` vector. Legibility with 100+ bars
//! comes from fixed-height rows ([`ROW_MIN`]..[`ROW_MAX`]): `max_rows` shows the cleanest N and
//! the app's "show all" raises it and sizes the canvas with [`required_height`]. The current
//! choice is always drawn, appended below a separator when it falls outside the top N.
//!
//! Colour encodes the grid-intensity band (legend on top); a bar with a non-finite intensity is
//! drawn in the neutral colour and, when no bar has one, the legend is omitted — that is how the
//! saved-job comparison reuses this chart as a generic labelled-bar chart.

mod draw;
mod text;

pub use draw::draw;
pub use text::{table_rows, text_alternative, tooltip_lines};

use super::layout::{fit_rows, flow, hit_rows, nice_ticks, sorted_finite, Row, Scale};
use super::layout::{PAD, ROW_MIN, ROW_PREF};
use super::theme::{band_label, Theme};
use crate::format::{format_mass_kg, text_width};

#[cfg(doc)]
use super::layout::ROW_MAX;

/// One bar.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RegionBar {
    /// Row label, e.g. `"aws · us-east-1 (N. Virginia)"`; truncated with "…" when too long.
    pub label: String,
    /// Emissions in kg CO₂e; non-finite values are left out of the chart.
    pub value: f64,
    /// Grid intensity in g CO₂e/kWh for the band colour; NaN for "no band" (neutral colour).
    pub intensity: f64,
    /// Percentage saved compared with the current choice (positive = cleaner, negative = more).
    pub saving_pct: f64,
}

/// Input of the chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RegionBars {
    /// Title drawn above the chart (may be empty).
    pub title: String,
    /// The bars, in any order.
    pub bars: Vec<RegionBar>,
    /// Caption of the value axis and unit of the table's value column, e.g. `"kg CO₂e"`.
    pub unit_label: String,
    /// Header of the label column in the table, e.g. `"Region"` or `"Saved job"`.
    pub label_header: String,
    /// Plural noun for the text alternative and the "more not shown" note, e.g. `"regions"`.
    pub item_noun: String,
    /// Index into `bars` of the user's current choice.
    pub highlighted: Option<usize>,
    /// Show at most this many of the cleanest bars (plus the current choice); 0 = all.
    pub max_rows: usize,
}

/// Where a legend entry goes.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendSlot {
    /// Band index (see [`crate::charts::band_index`]).
    pub band: usize,
    /// Left edge of the swatch.
    pub x: f64,
    /// Vertical centre of the entry.
    pub y: f64,
}

/// The computed geometry of one drawing, in CSS pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Chart width.
    pub width: f64,
    /// Chart height.
    pub height: f64,
    /// The drawn rows, top to bottom.
    pub rows: Vec<Row>,
    /// Number of bars with a finite value that are not drawn (top-N or lack of height).
    pub hidden: usize,
    /// Y of the separator above an appended current-choice row.
    pub separator: Option<f64>,
    /// Vertical centre of the title.
    pub title_y: Option<f64>,
    /// Legend entries (empty when no bar has an intensity).
    pub legend: Vec<LegendSlot>,
    /// Position `(x, y)` of the legend caption [`LEGEND_CAPTION`] that precedes the entries.
    pub legend_caption: Option<(f64, f64)>,
    /// Vertical centre of the tick labels.
    pub axis_y: f64,
    /// Tick values (all within the scale's domain).
    pub ticks: Vec<f64>,
    /// Value → x.
    pub scale: Scale,
    /// Right edge of the row labels.
    pub label_right: f64,
    /// Width available to a row label.
    pub label_w: f64,
    /// Vertical centre of the footer line.
    pub footer_y: f64,
    /// Base font size.
    pub font: f64,
}

/// Height of the title line, legend and tick labels for a chart `width` wide.
type Header = (Option<f64>, Vec<LegendSlot>, Option<(f64, f64)>, f64);

/// Title position, legend slots, legend caption position and the y where the axis starts.
fn header(data: &RegionBars, width: f64, font: f64) -> Header {
    let mut y = PAD;
    let title_y = (!data.title.is_empty()).then(|| {
        y += 22.0;
        PAD + 9.0
    });
    let (mut legend, mut caption) = (Vec::new(), None);
    if data.bars.iter().any(|b| b.intensity.is_finite()) {
        let small = font - 1.0;
        // The caption flows like an entry so that on a phone the swatches wrap under it.
        let widths: Vec<f64> = std::iter::once(text_width(LEGEND_CAPTION, small))
            .chain((0..5).map(|b| 14.0 + text_width(&band_label(b), small)))
            .collect();
        let slots = flow(&widths, width - 2.0 * PAD, 12.0);
        let lines = slots.iter().map(|s| s.1 + 1).max().unwrap_or(1);
        let pos = |(x, line): (f64, usize)| (PAD + x, y + 8.0 + 16.0 * line as f64);
        caption = slots.first().copied().map(pos);
        legend = (0..5)
            .zip(slots.into_iter().skip(1))
            .map(|(band, slot)| {
                let (x, y) = pos(slot);
                LegendSlot { band, x, y }
            })
            .collect();
        y += 16.0 * lines as f64 + 6.0;
    }
    (title_y, legend, caption, y)
}

/// Caption in front of the legend swatches.
pub const LEGEND_CAPTION: &str = "Grid intensity, g CO₂e/kWh:";

const AXIS_H: f64 = 16.0;
const FOOTER_H: f64 = 18.0;
const SEP_GAP: f64 = 10.0;
const GUTTER: f64 = 14.0;

/// Computes the geometry of `data` drawn `width` × `height` CSS pixels with `theme`'s font.
pub fn layout(data: &RegionBars, width: f64, height: f64, theme: &Theme) -> Layout {
    let font = theme.base_font();
    let (width, height) = (finite_or_zero(width), finite_or_zero(height));
    let (title_y, legend, legend_caption, top) = header(data, width, font);
    let axis_y = top + AXIS_H / 2.0 - 1.0;
    let rows_top = top + AXIS_H;
    let avail = height - PAD - FOOTER_H - rows_top;

    let order = sorted_finite(data.bars.iter().map(|b| b.value));
    let limit = match data.max_rows {
        0 => order.len(),
        n => n.min(order.len()),
    };
    let hl_pos = data
        .highlighted
        .and_then(|h| order.iter().position(|&i| i == h));
    let (cap, mut row_h) = fit_rows(limit, avail);
    let (top_n, extra) = match hl_pos {
        Some(p) if p >= limit.min(cap) => {
            let (cap2, h2) = fit_rows(limit + 1, avail - SEP_GAP);
            row_h = h2;
            (limit.min(cap2.saturating_sub(1)), cap2 >= 1)
        }
        _ => (limit.min(cap), false),
    };
    let mut shown: Vec<usize> = order.iter().take(top_n).copied().collect();
    let separator = extra.then(|| rows_top + top_n as f64 * row_h + SEP_GAP / 2.0);
    if let (true, Some(p)) = (extra, hl_pos) {
        shown.extend(order.get(p).copied());
    }

    // Column widths from the drawn rows only: a hidden long label must not squeeze the bars.
    let value_w = shown
        .iter()
        .filter_map(|&i| data.bars.get(i))
        .map(|b| text_width(&format_mass_kg(b.value), font))
        .fold(0.0, f64::max)
        + 8.0;
    let label_need = shown
        .iter()
        .filter_map(|&i| data.bars.get(i).map(|b| (i, b)))
        .map(|(i, b)| {
            text_width(&b.label, font)
                * if Some(i) == data.highlighted {
                    1.08
                } else {
                    1.0
                }
        })
        .fold(0.0, f64::max);
    let inner = (width - 2.0 * PAD - GUTTER).max(0.0);
    // +2 px: bold labels are measured at 1.08× size, which may round a hair wider.
    let mut label_w = (label_need + 2.0).min(inner * 0.42);
    let min_plot = 40.0;
    let spare = inner - label_w - 8.0 - value_w;
    if spare < min_plot {
        label_w = (label_w - (min_plot - spare)).max(0.0);
    }
    let label_right = PAD + GUTTER + label_w;
    let plot = (
        label_right + 8.0,
        (width - PAD - value_w).max(label_right + 9.0),
    );

    let max_v = shown
        .iter()
        .filter_map(|&i| data.bars.get(i))
        .map(|b| b.value.max(0.0))
        .fold(0.0, f64::max);
    // At least two ticks so even a phone-width chart shows one labelled grid line besides 0.
    let target = ((plot.1 - plot.0) / 80.0).floor().max(2.0) as usize;
    let ticks: Vec<f64> = nice_ticks(max_v, target)
        .into_iter()
        .filter(|t| *t <= max_v * 1.0001 || max_v == 0.0)
        .collect();
    let domain_max = if max_v > 0.0 { max_v } else { 1.0 };
    let scale = Scale::new(0.0, domain_max, plot.0, plot.1);

    let rows = shown
        .iter()
        .enumerate()
        .filter_map(|(k, &i)| {
            let b = data.bars.get(i)?;
            let sep = if extra && k == top_n { SEP_GAP } else { 0.0 };
            let x1 = scale.map(b.value.max(0.0));
            Some(Row {
                index: i,
                top: rows_top + k as f64 * row_h + sep,
                height: row_h,
                bar: (plot.0, x1),
            })
        })
        .collect::<Vec<_>>();
    Layout {
        width,
        height,
        hidden: order.len().saturating_sub(rows.len()),
        rows,
        separator,
        title_y,
        legend,
        legend_caption,
        axis_y,
        ticks,
        scale,
        label_right,
        label_w,
        footer_y: height - PAD - FOOTER_H / 2.0,
        font,
    }
}

/// Index into `data.bars` of the bar whose row contains `(x, y)` (CSS pixels), if any.
pub fn hit_test(layout: &Layout, x: f64, y: f64) -> Option<usize> {
    hit_rows(&layout.rows, layout.width, x, y)
}

/// Canvas height (CSS pixels) that shows every row `data.max_rows` asks for (all bars when 0)
/// at the preferred row height, for a chart `width` CSS pixels wide.
pub fn required_height(data: &RegionBars, width: f64, theme: &Theme) -> u32 {
    let (_, _, _, top) = header(data, finite_or_zero(width), theme.base_font());
    let order = sorted_finite(data.bars.iter().map(|b| b.value));
    let n = match data.max_rows {
        0 => order.len(),
        m => m.min(order.len()),
    };
    // The current choice below the top N is appended after a separator.
    let below = data
        .highlighted
        .and_then(|h| order.iter().position(|&i| i == h))
        .is_some_and(|p| p >= n);
    let extra = if below { ROW_PREF + SEP_GAP } else { 0.0 };
    let rows = (n as f64 * ROW_PREF).max(ROW_MIN * 2.0);
    (top + AXIS_H + rows + extra + FOOTER_H + PAD).ceil() as u32
}

fn finite_or_zero(v: f64) -> f64 {
    if v.is_finite() {
        v.max(0.0)
    } else {
        0.0
    }
}
