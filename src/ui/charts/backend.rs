//! The canvas drawing backend: shapes drawn at once, text drawn after the shapes, grouped by font,
//! so that the canvas state (font, alignment, baseline, fill colour) is set only when it changes.
//!
//! Why text last: setting `ctx.font`, `textAlign`, `textBaseline` and `fillStyle` before every
//! `fillText` (as plotters-canvas did) made Chromium parse the font string each time; with a
//! hundred labels per redraw, alternating regular and bold, that was the largest single cost of
//! an input change. Drawing text last changes nothing visible in our charts: no shape is ever
//! drawn over a label.
//!
//! Why not plotters-canvas for the shapes: it writes colours with the standard float formatter,
//! which would be the only use of it in the app (about 13 KB of WebAssembly; see
//! `emissions_core::number`). The shapes are a handful of canvas calls.

use emissions_core::number;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A drawing error, as text (the canvas errors are JavaScript exceptions).
#[derive(Debug)]
pub struct CanvasDrawError(String);

impl std::fmt::Display for CanvasDrawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "canvas: {}", self.0)
    }
}

impl std::error::Error for CanvasDrawError {}

type Res = Result<(), DrawingErrorKind<CanvasDrawError>>;

/// A canvas exception as a drawing error.
fn failed(e: wasm_bindgen::JsValue) -> DrawingErrorKind<CanvasDrawError> {
    DrawingErrorKind::DrawingError(CanvasDrawError(
        e.as_string().unwrap_or_else(|| "canvas call failed".into()),
    ))
}

/// A CSS colour: `rgb(r,g,b)` when opaque, else `rgba(r,g,b,a)`.
fn css_color((r, g, b): (u8, u8, u8), alpha: f64) -> String {
    if alpha >= 1.0 {
        format!("rgb({r},{g},{b})")
    } else {
        format!("rgba({r},{g},{b},{})", number::shortest(alpha))
    }
}

/// A line's ends moved half a pixel when it is vertical or horizontal, so that a 1 px line
/// covers one row or column of pixels instead of two half-lit ones.
fn crisp(from: BackendCoord, to: BackendCoord) -> [(f64, f64); 2] {
    let mut ends = [from, to].map(|(x, y)| (f64::from(x), f64::from(y)));
    if from.0 == to.0 {
        ends.iter_mut().for_each(|p| p.0 -= 0.5);
    }
    if from.1 == to.1 {
        ends.iter_mut().for_each(|p| p.1 -= 0.5);
    }
    ends
}

/// The canvas state that text drawing sets, remembered to skip redundant assignments.
#[derive(Default)]
struct TextState {
    font: String,
    align: &'static str,
    baseline: &'static str,
    /// The fill colour last set by text drawing; cleared whenever a shape may have changed it.
    fill: Option<((u8, u8, u8), f64)>,
}

/// One queued label.
struct PendingText {
    font: String,
    align: &'static str,
    baseline: &'static str,
    fill: ((u8, u8, u8), f64),
    text: String,
    at: BackendCoord,
}

/// A `<canvas>` as a plotters drawing backend (see the module note). Queued text is drawn by
/// `present` or when the backend is dropped (with its drawing area).
pub struct FastCanvas {
    canvas: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
    text: TextState,
    pending: Vec<PendingText>,
}

impl FastCanvas {
    /// The backend of `canvas`, or `None` when it has no 2D context.
    pub fn new(canvas: HtmlCanvasElement) -> Option<FastCanvas> {
        let ctx = canvas
            .get_context("2d")
            .ok()
            .flatten()?
            .dyn_into::<CanvasRenderingContext2d>()
            .ok()?;
        Some(FastCanvas {
            canvas,
            ctx,
            text: TextState::default(),
            pending: Vec::new(),
        })
    }

    /// Sets the fill colour for a shape (text sets its own again afterwards).
    fn fill_with(&mut self, color: BackendColor) {
        self.text.fill = None;
        self.ctx
            .set_fill_style_str(&css_color(color.rgb, color.alpha));
    }

    /// Sets the stroke colour and width.
    fn stroke_with<S: BackendStyle>(&self, style: &S) {
        self.ctx
            .set_stroke_style_str(&css_color(style.color().rgb, style.color().alpha));
        self.ctx.set_line_width(f64::from(style.stroke_width()));
    }

    /// Traces `points` as one path (closed when `close`).
    fn trace(&self, points: impl IntoIterator<Item = BackendCoord>, close: bool) {
        self.ctx.begin_path();
        for (i, (x, y)) in points.into_iter().enumerate() {
            let (x, y) = (f64::from(x), f64::from(y));
            if i == 0 {
                self.ctx.move_to(x, y);
            } else {
                self.ctx.line_to(x, y);
            }
        }
        if close {
            self.ctx.close_path();
        }
    }

    /// Draws the queued text, grouped by font then colour (stable within a group).
    fn flush_text(&mut self) -> Res {
        let mut pending = std::mem::take(&mut self.pending);
        emissions_core::sort::sort_by(&mut pending, |a, b| {
            a.font
                .cmp(&b.font)
                .then(a.fill.0.cmp(&b.fill.0))
                .then(a.fill.1.total_cmp(&b.fill.1))
        });
        let mut result = Ok(());
        for p in pending {
            let t = &mut self.text;
            if t.baseline != p.baseline {
                self.ctx.set_text_baseline(p.baseline);
                t.baseline = p.baseline;
            }
            if t.align != p.align {
                self.ctx.set_text_align(p.align);
                t.align = p.align;
            }
            if t.font != p.font {
                self.ctx.set_font(&p.font);
                t.font = p.font;
            }
            if t.fill != Some(p.fill) {
                let ((r, g, b), a) = p.fill;
                self.ctx.set_fill_style_str(&css_color((r, g, b), a));
                t.fill = Some(p.fill);
            }
            if let Err(e) = self
                .ctx
                .fill_text(&p.text, f64::from(p.at.0), f64::from(p.at.1))
            {
                result = Err(DrawingErrorKind::DrawingError(CanvasDrawError(
                    e.as_string().unwrap_or_else(|| "fillText failed".into()),
                )));
            }
        }
        result
    }
}

impl Drop for FastCanvas {
    fn drop(&mut self) {
        // The drawing area owns the backend and drops it when the chart is done; a failure here
        // can only be logged.
        if let Err(e) = self.flush_text() {
            web_sys::console::warn_1(&format!("mlcalc: chart text: {e}").into());
        }
    }
}

impl DrawingBackend for FastCanvas {
    type ErrorType = CanvasDrawError;

    fn get_size(&self) -> (u32, u32) {
        (self.canvas.width(), self.canvas.height())
    }

    fn ensure_prepared(&mut self) -> Res {
        Ok(())
    }

    fn present(&mut self) -> Res {
        self.flush_text()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Res {
        if color.alpha > 0.0 {
            self.fill_with(color);
            self.ctx
                .fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Res {
        if style.color().alpha > 0.0 {
            let [(x0, y0), (x1, y1)] = crisp(from, to);
            self.stroke_with(style);
            self.ctx.begin_path();
            self.ctx.move_to(x0, y0);
            self.ctx.line_to(x1, y1);
            self.ctx.stroke();
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Res {
        if style.color().alpha > 0.0 {
            let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
            let w = f64::from(bottom_right.0 - upper_left.0);
            let h = f64::from(bottom_right.1 - upper_left.1);
            if fill {
                self.fill_with(style.color());
                self.ctx.fill_rect(x, y, w, h);
            } else {
                self.stroke_with(style);
                self.ctx.stroke_rect(x, y, w, h);
            }
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Res {
        if style.color().alpha > 0.0 {
            self.stroke_with(style);
            self.trace(path, false);
            self.ctx.stroke();
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Res {
        if style.color().alpha > 0.0 {
            if fill {
                self.fill_with(style.color());
            } else {
                self.stroke_with(style);
            }
            self.ctx.begin_path();
            self.ctx
                .arc(
                    f64::from(center.0),
                    f64::from(center.1),
                    f64::from(radius),
                    0.0,
                    std::f64::consts::TAU,
                )
                .map_err(failed)?;
            if fill {
                self.ctx.fill();
            } else {
                self.ctx.stroke();
            }
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Res {
        if style.color().alpha > 0.0 {
            self.fill_with(style.color());
            self.trace(vert, true);
            self.ctx.fill();
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Res {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        // No chart of ours rotates text (`style.transform()`); it would be drawn unrotated.
        let anchor = style.anchor();
        let baseline = match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        let align = match anchor.h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        let font = format!(
            "{} {}px {}",
            style.style().as_str(),
            number::shortest(style.size()),
            style.family().as_str()
        );
        self.pending.push(PendingText {
            font,
            align,
            baseline,
            fill: (color.rgb, color.alpha),
            text: text.to_string(),
            at: pos,
        });
        Ok(())
    }
}
