//! The canvas drawing backend: plotters-canvas, with text drawn by us so that the canvas state
//! (font, alignment, baseline, fill colour) is set only when it changes.
//!
//! Why: plotters-canvas sets `ctx.font`, `textAlign`, `textBaseline` and `fillStyle` before every
//! `fillText`. Chromium parses the font string each time it is set; with a hundred labels per
//! redraw that was the largest single cost of an input change (a CPU profile showed `set_font`
//! ahead of all of the model and the DOM updates). Shapes still go through `CanvasBackend`.

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

/// A `<canvas>` as a plotters drawing backend (see the module note).
pub struct FastCanvas {
    shapes: CanvasBackend,
    ctx: CanvasRenderingContext2d,
    text: TextState,
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
        })
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
            self.text.fill = None;
            self.text.font.clear();
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
        let t = &mut self.text;
        if t.baseline != baseline {
            self.ctx.set_text_baseline(baseline);
            t.baseline = baseline;
        }
        if t.align != align {
            self.ctx.set_text_align(align);
            t.align = align;
        }
        if t.font != font {
            self.ctx.set_font(&font);
            t.font = font;
        }
        if t.fill != Some((color.rgb, color.alpha)) {
            let (r, g, b) = color.rgb;
            self.ctx
                .set_fill_style_str(&format!("rgba({r},{g},{b},{})", color.alpha));
            t.fill = Some((color.rgb, color.alpha));
        }
        self.ctx
            .fill_text(text, f64::from(pos.0), f64::from(pos.1))
            .map_err(|e| {
                DrawingErrorKind::DrawingError(CanvasDrawError(
                    e.as_string().unwrap_or_else(|| "fillText failed".into()),
                ))
            })
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasDrawError>> {
        self.shapes.estimate_text_size(text, style).map_err(cast)
    }
}
