//! The canvas drawing backend: plotters-canvas for shapes; text drawn by us, after the shapes,
//! grouped by font, so that the canvas state (font, alignment, baseline, fill colour) is set only
//! when it changes.
//!
//! Why: plotters-canvas sets `ctx.font`, `textAlign`, `textBaseline` and `fillStyle` before every
//! `fillText`. Chromium parses the font string each time it is set; with a hundred labels per
//! redraw, alternating regular and bold, that was the largest single cost of an input change (a
//! CPU profile showed `set_font` ahead of all of the model and the DOM updates). Drawing text last
//! changes nothing visible in our charts: no shape is ever drawn over a label.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use plotters_canvas::CanvasBackend;
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

fn cast<E: std::error::Error + Send + Sync>(
    e: DrawingErrorKind<E>,
) -> DrawingErrorKind<CanvasDrawError> {
    match e {
        DrawingErrorKind::DrawingError(e) => {
            DrawingErrorKind::DrawingError(CanvasDrawError(e.to_string()))
        }
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
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
    shapes: CanvasBackend,
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
        let shapes = CanvasBackend::with_canvas_object(canvas)?;
        Some(FastCanvas {
            shapes,
            ctx,
            text: TextState::default(),
            pending: Vec::new(),
        })
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
                self.ctx
                    .set_fill_style_str(&format!("rgba({r},{g},{b},{a})"));
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
        self.shapes.get_size()
    }

    fn ensure_prepared(&mut self) -> Res {
        self.shapes.ensure_prepared().map_err(cast)
    }

    fn present(&mut self) -> Res {
        self.flush_text()?;
        self.shapes.present().map_err(cast)
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Res {
        self.text.fill = None;
        self.shapes.draw_pixel(point, color).map_err(cast)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Res {
        self.shapes.draw_line(from, to, style).map_err(cast)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Res {
        self.text.fill = None;
        self.shapes
            .draw_rect(upper_left, bottom_right, style, fill)
            .map_err(cast)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Res {
        self.shapes.draw_path(path, style).map_err(cast)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Res {
        self.text.fill = None;
        self.shapes
            .draw_circle(center, radius, style, fill)
            .map_err(cast)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Res {
        self.text.fill = None;
        self.shapes.fill_polygon(vert, style).map_err(cast)
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Res {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        if !matches!(style.transform(), FontTransform::None) {
            // Rotated text is rare (none of our charts uses it): let plotters-canvas do it.
            self.text = TextState::default();
            return self.shapes.draw_text(text, style, pos).map_err(cast);
        }
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
            style.size(),
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

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasDrawError>> {
        self.shapes.estimate_text_size(text, style).map_err(cast)
    }
}
