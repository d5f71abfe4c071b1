//! Painting of the region chart from its [`Layout`](super::Layout).

use super::{layout, RegionBars, LEGEND_CAPTION};
use crate::charts::layout::PAD;
use crate::charts::paint::{Align, Painter};
use crate::charts::theme::band_label;
use crate::charts::{css_size, Area, ChartResult, Theme};
use crate::format::{format_mass_kg, text_width, truncate_to_width};
use plotters::backend::DrawingBackend;

/// Draws `data` filling `area` (device pixels = CSS pixels × `theme.scale`).
///
/// An area smaller than a pixel draws nothing; data without a finite value shows "No data".
pub fn draw<DB: DrawingBackend>(area: &Area<DB>, data: &RegionBars, theme: &Theme) -> ChartResult {
    let (w, h) = css_size(area, theme);
    if w < 1.0 || h < 1.0 {
        return Ok(());
    }
    let l = layout(data, w, h, theme);
    let p = Painter::new(area, theme);
    let f = l.font;
    p.begin(theme, &data.title, l.title_y, w, f)?;
    for s in &l.legend {
        let c = theme.bands.get(s.band).unwrap_or(&theme.neutral);
        p.fill_rect((s.x, s.y - 5.0, s.x + 10.0, s.y + 5.0), c)?;
        p.text(
            &band_label(s.band),
            (s.x + 14.0, s.y),
            f - 1.0,
            false,
            &theme.muted,
            Align::Left,
        )?;
    }
    if let Some(at) = l.legend_caption {
        p.text(
            LEGEND_CAPTION,
            at,
            f - 1.0,
            false,
            &theme.muted,
            Align::Left,
        )?;
    }
    if l.rows.is_empty() {
        let mid = (l.axis_y + h - PAD) / 2.0;
        return p.text(
            "No data",
            (w / 2.0, mid),
            f + 1.0,
            false,
            &theme.muted,
            Align::Center,
        );
    }

    // Grid first so bars paint over it; lines span only the rows that are drawn.
    let (y0, y1) = match (l.rows.first(), l.rows.last()) {
        (Some(a), Some(b)) => (a.top, b.top + b.height),
        _ => (0.0, 0.0),
    };
    for (k, t) in l.ticks.iter().enumerate() {
        let x = l.scale.map(*t);
        let c = if k == 0 { &theme.muted } else { &theme.grid };
        p.line((x, y0 - 2.0), (x, y1), c, 1.0)?;
        let align = if k == 0 { Align::Left } else { Align::Center };
        let label = if *t == 0.0 {
            "0".to_string()
        } else {
            format_mass_kg(*t)
        };
        p.text(&label, (x, l.axis_y), f - 1.0, false, &theme.muted, align)?;
    }
    if let Some(sy) = l.separator {
        p.line((PAD, sy), (w - PAD, sy), &theme.grid, 1.0)?;
    }

    for row in &l.rows {
        let Some(bar) = data.bars.get(row.index) else {
            continue;
        };
        let hl = data.highlighted == Some(row.index);
        let mid = row.mid();
        let half = (row.height * 0.32).clamp(3.0, 9.0);
        let (bx0, bx1) = row.bar;
        let bx1 = if bar.value > 0.0 {
            bx1.max(bx0 + 1.0)
        } else {
            bx0
        };
        if hl {
            p.fill_rect(
                (PAD, row.top, w - PAD, row.top + row.height),
                &theme.highlight_bg,
            )?;
        }
        p.fill_rect(
            (bx0, mid - half, bx1, mid + half),
            &theme.band_colour(bar.intensity),
        )?;
        if hl {
            p.stroke_rect(
                (bx0 - 1.0, mid - half - 1.0, bx1 + 1.0, mid + half + 1.0),
                &theme.highlight,
                2.0,
            )?;
            let m = PAD + 2.0;
            p.polygon(
                &[(m, mid - 5.0), (m + 8.0, mid), (m, mid + 5.0)],
                &theme.highlight,
            )?;
        }
        let label = truncate_to_width(&bar.label, l.label_w, if hl { f * 1.08 } else { f });
        p.text(
            &label,
            (l.label_right, mid),
            f,
            hl,
            &theme.text,
            Align::Right,
        )?;
        // A background patch under the value keeps grid lines from striking through it (the
        // highlighted row's tint already covers them).
        let value = format_mass_kg(bar.value);
        if !hl {
            let tw = text_width(&value, f);
            p.fill_rect(
                (bx1 + 3.0, mid - f * 0.6, bx1 + 7.0 + tw, mid + f * 0.6),
                &theme.background,
            )?;
        }
        p.text(&value, (bx1 + 5.0, mid), f, hl, &theme.text, Align::Left)?;
    }

    let noun = if data.item_noun.is_empty() {
        "bars"
    } else {
        data.item_noun.as_str()
    };
    p.hidden_note(theme, l.hidden, noun, l.footer_y, f)?;
    p.text(
        &data.unit_label,
        (w - PAD, l.footer_y),
        f - 1.0,
        false,
        &theme.muted,
        Align::Right,
    )
}
