//! Sensitivity ("tornado") chart: for each uncertain input, the emissions at its low and high
//! value drawn as a bar around the central estimate, largest swing first.
//!
//! Design note: the chart sorts the items itself by swing `|high − low|` (descending, stable;
//! items with a non-finite case are dropped), so the input that matters most is always on top
//! and every index handed back refers to the caller's `items`. A case may lie on either side of
//! the central line (a "low" input can raise emissions), so each bar is split at the central
//! value and coloured by side — below in `Theme::lower`, above in `Theme::higher` — and each case
//! value is printed at its own end of the bar.

mod text;

pub use text::{table_rows, text_alternative, tooltip_lines};

use super::layout::{fit_rows, hit_rows, sorted_finite, Row, Scale, PAD, ROW_PREF};
use super::paint::{Align, Painter};
use super::{css_size, Area, ChartResult, Theme};
use crate::format::{format_mass_kg, text_width, truncate_to_width};
use plotters::backend::DrawingBackend;

/// One uncertain input.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TornadoItem {
    /// Input name, e.g. `"PUE"` or `"Grid intensity (year spread)"`.
    pub label: String,
    /// Emissions (kg CO₂e) with the input at its low value.
    pub low: f64,
    /// Emissions (kg CO₂e) with the input at its high value.
    pub high: f64,
    /// The input's low value as text, e.g. `"1.1"` (for the table, tooltip and alt text).
    pub low_input: String,
    /// The input's high value as text, e.g. `"1.6"`.
    pub high_input: String,
}

impl TornadoItem {
    /// Width of the emissions range, `|high − low|`.
    pub fn swing(&self) -> f64 {
        (self.high - self.low).abs()
    }
}

/// Input of the chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tornado {
    /// Title drawn above the chart (may be empty).
    pub title: String,
    /// Central estimate, kg CO₂e.
    pub central: f64,
    /// The inputs, in any order.
    pub items: Vec<TornadoItem>,
}

/// Indices of the drawable items, largest swing first (stable for ties).
pub fn sorted(data: &Tornado) -> Vec<usize> {
    // Ascending by −swing is descending by swing (stable); NaN keys (a non-finite case) are
    // left out. The same sort as the bar charts, so no extra sort is compiled for this chart.
    sorted_finite(data.items.iter().map(|it| {
        if it.low.is_finite() && it.high.is_finite() {
            -it.swing()
        } else {
            f64::NAN
        }
    }))
}

/// The computed geometry of one drawing, in CSS pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Chart width.
    pub width: f64,
    /// Chart height.
    pub height: f64,
    /// Drawn rows top to bottom; `bar` spans the low and high cases.
    pub rows: Vec<Row>,
    /// Items that did not fit.
    pub hidden: usize,
    /// Emissions → x.
    pub scale: Scale,
    /// Vertical centre of the title, if any.
    pub title_y: Option<f64>,
    /// Vertical centre of the legend and central-value label line.
    pub legend_y: f64,
    /// Right edge of the row labels.
    pub label_right: f64,
    /// Width available to a row label.
    pub label_w: f64,
    /// Base font size.
    pub font: f64,
}

fn rows_top(data: &Tornado) -> f64 {
    PAD + if data.title.is_empty() { 0.0 } else { 22.0 } + 42.0
}

/// Computes the geometry of `data` drawn `width` × `height` CSS pixels with `theme`'s font.
pub fn layout(data: &Tornado, width: f64, height: f64, theme: &Theme) -> Layout {
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
    let top = rows_top(data);
    let order = sorted(data);
    let (n, row_h) = fit_rows(order.len(), height - PAD - 16.0 - top);
    let shown: Vec<&TornadoItem> = order
        .iter()
        .take(n)
        .filter_map(|&i| data.items.get(i))
        .collect();
    let label_need = shown
        .iter()
        .map(|it| text_width(&it.label, font))
        .fold(0.0, f64::max);
    let inner = (width - 2.0 * PAD).max(0.0);
    let label_w = label_need.min(inner * 0.36);
    let label_right = PAD + label_w;
    // Room for the value labels on both sides of the bars.
    let vw = shown
        .iter()
        .flat_map(|it| [it.low, it.high])
        .map(|v| text_width(&format_mass_kg(v), font))
        .fold(0.0, f64::max)
        + 6.0;
    let central = if data.central.is_finite() {
        data.central
    } else {
        0.0
    };
    let (lo, hi) = shown
        .iter()
        .flat_map(|it| [it.low, it.high])
        .fold((central, central), |(a, b), v| (a.min(v), b.max(v)));
    let r0 = label_right + 10.0 + vw;
    let r1 = (width - PAD - vw).max(r0 + 1.0);
    let scale = Scale::new(lo, hi, r0, r1);
    let rows = order
        .iter()
        .take(n)
        .enumerate()
        .filter_map(|(k, &i)| {
            let it = data.items.get(i)?;
            let bar = (
                scale.map(it.low.min(it.high)),
                scale.map(it.low.max(it.high)),
            );
            Some(Row {
                index: i,
                top: top + k as f64 * row_h,
                height: row_h,
                bar,
            })
        })
        .collect::<Vec<_>>();
    Layout {
        width,
        height,
        hidden: order.len().saturating_sub(rows.len()),
        rows,
        scale,
        title_y: (!data.title.is_empty()).then_some(PAD + 9.0),
        legend_y: top - 32.0,
        label_right,
        label_w,
        font,
    }
}

/// Index into `data.items` of the input whose row contains `(x, y)` (CSS pixels), if any.
pub fn hit_test(layout: &Layout, x: f64, y: f64) -> Option<usize> {
    hit_rows(&layout.rows, layout.width, x, y)
}

/// Canvas height (CSS pixels) showing every input at the preferred row height.
pub fn required_height(data: &Tornado) -> u32 {
    let n = sorted(data).len().max(2);
    (rows_top(data) + n as f64 * ROW_PREF + 16.0 + PAD).ceil() as u32
}

/// Draws `data` filling `area` (device pixels = CSS pixels × `theme.scale`).
pub fn draw<DB: DrawingBackend>(area: &Area<DB>, data: &Tornado, theme: &Theme) -> ChartResult {
    let (w, h) = css_size(area, theme);
    if w < 1.0 || h < 1.0 {
        return Ok(());
    }
    let l = layout(data, w, h, theme);
    let (p, f) = (Painter::new(area, theme), l.font);
    p.begin(theme, &data.title, l.title_y, w, f)?;
    if l.rows.is_empty() {
        return p.text(
            "No data",
            (w / 2.0, (l.legend_y + h) / 2.0),
            f + 1.0,
            false,
            &theme.muted,
            Align::Center,
        );
    }
    // Legend: what the two colours mean.
    let mut x = PAD;
    for (c, s) in [
        (&theme.lower, "Lower than central"),
        (&theme.higher, "Higher than central"),
    ] {
        p.fill_rect((x, l.legend_y - 5.0, x + 10.0, l.legend_y + 5.0), c)?;
        p.text(
            s,
            (x + 14.0, l.legend_y),
            f - 1.0,
            false,
            &theme.muted,
            Align::Left,
        )?;
        x += 14.0 + text_width(s, f - 1.0) + 14.0;
    }
    let cx = l.scale.map(data.central);
    let (y0, y1) = match (l.rows.first(), l.rows.last()) {
        (Some(a), Some(b)) => (a.top, b.top + b.height),
        _ => (0.0, 0.0),
    };
    for row in &l.rows {
        let Some(it) = data.items.get(row.index) else {
            continue;
        };
        let (mid, half) = (row.mid(), (row.height * 0.32).clamp(3.0, 9.0));
        let (a, b) = row.bar;
        if a < cx {
            p.fill_rect((a, mid - half, b.min(cx), mid + half), &theme.lower)?;
        }
        if b > cx {
            p.fill_rect((a.max(cx), mid - half, b, mid + half), &theme.higher)?;
        }
        let label = truncate_to_width(&it.label, l.label_w, f);
        p.text(
            &label,
            (l.label_right, mid),
            f,
            false,
            &theme.text,
            Align::Right,
        )?;
        // Each case's value at its own end; equal cases print once.
        let (lv, hv) = if it.low <= it.high {
            (it.low, it.high)
        } else {
            (it.high, it.low)
        };
        p.text(
            &format_mass_kg(lv),
            (a - 4.0, mid),
            f,
            false,
            &theme.text,
            Align::Right,
        )?;
        if format_mass_kg(hv) != format_mass_kg(lv) {
            p.text(
                &format_mass_kg(hv),
                (b + 4.0, mid),
                f,
                false,
                &theme.text,
                Align::Left,
            )?;
        }
    }
    // The central line goes last so it stays visible across the bars.
    p.line((cx, y0 - 4.0), (cx, y1 + 2.0), &theme.text, 1.5)?;
    let central = format!("Central estimate {}", format_mass_kg(data.central));
    let align = if cx > w * 0.7 {
        Align::Right
    } else if cx < w * 0.3 {
        Align::Left
    } else {
        Align::Center
    };
    p.text(
        &central,
        (cx, l.legend_y + 20.0),
        f - 1.0,
        true,
        &theme.text,
        align,
    )?;
    p.hidden_note(theme, l.hidden, "inputs", y1 + 10.0, f)
}
