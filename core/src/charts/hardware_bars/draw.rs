//! Painting of the hardware chart from its [`Layout`](super::Layout).

use super::{format_metric, layout, HardwareBars, METRICS};
use crate::charts::layout::PAD;
use crate::charts::paint::{Align, Painter};
use crate::charts::{css_size, Area, ChartResult, Theme};
use crate::format::truncate_to_width;
use plotters::backend::DrawingBackend;

/// Draws `data` filling `area` (device pixels = CSS pixels × `theme.scale`).
///
/// An area smaller than a pixel draws nothing; data without a finite emission shows "No data".
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
    p.begin(theme, &data.title, l.title_y, w, f)?;
    let cap = truncate_to_width(data.caption(), w - 2.0 * PAD, f - 1.0);
    p.text(
        &cap,
        (PAD, l.caption_y),
        f - 1.0,
        false,
        &theme.muted,
        Align::Left,
    )?;
    // The first panel's rows; other panels reuse them shifted by their `dy`.
    let per_panel = if l.stacked {
        l.rows.len() / 3
    } else {
        l.rows.len()
    };
    let base = l.rows.get(..per_panel).unwrap_or_default();
    let (Some(first), Some(last)) = (base.first(), base.last()) else {
        let mid = (l.caption_y + h) / 2.0;
        return p.text(
            "No data",
            (w / 2.0, mid),
            f + 1.0,
            false,
            &theme.muted,
            Align::Center,
        );
    };
    let (y0, y1) = (first.top, last.top + last.height);
    let blocks = if l.stacked { l.panels.len() } else { 1 };
    for panel in l.panels.iter().take(blocks) {
        for row in base.iter().filter(|r| data.highlighted == Some(r.index)) {
            let (top, mid) = (row.top + panel.dy, row.mid() + panel.dy);
            p.fill_rect((PAD, top, w - PAD, top + row.height), &theme.highlight_bg)?;
            let m = PAD + 2.0;
            p.polygon(
                &[(m, mid - 5.0), (m + 8.0, mid), (m, mid + 5.0)],
                &theme.highlight,
            )?;
        }
    }
    let panel_w = match (l.panels.first(), l.panels.get(1)) {
        (Some(a), Some(b)) if !l.stacked => b.x - a.x,
        _ => w - PAD - l.label_right,
    };
    for (k, panel) in l.panels.iter().enumerate() {
        let c = theme.series.get(k).unwrap_or(&theme.neutral);
        let name = METRICS.get(k).copied().unwrap_or_default();
        let hx = if l.stacked { PAD } else { panel.x };
        let head = truncate_to_width(name, panel_w - 6.0, f);
        p.text(
            &head,
            (hx, panel.header_y),
            f,
            true,
            &theme.text,
            Align::Left,
        )?;
        p.line(
            (panel.x, y0 + panel.dy - 2.0),
            (panel.x, y1 + panel.dy),
            &theme.muted,
            1.0,
        )?;
        for row in base {
            let Some(r) = data.rows.get(row.index) else {
                continue;
            };
            let v = r.metrics().get(k).copied().unwrap_or(f64::NAN);
            let mid = row.mid() + panel.dy;
            let half = (row.height * 0.32).clamp(3.0, 9.0);
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
            if k < blocks {
                let size = if hl { f * 1.08 } else { f };
                let label = truncate_to_width(&r.label, l.label_w, size);
                p.text(
                    &label,
                    (l.label_right, mid),
                    f,
                    hl,
                    &theme.text,
                    Align::Right,
                )?;
            }
        }
    }
    p.hidden_note(theme, l.hidden, "devices", l.footer_y, f)
}
