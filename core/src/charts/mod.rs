//! Comparison charts (issue 6): the same job across regions, across hardware, and a sensitivity
//! tornado, drawn with plotters onto any [`DrawingBackend`].
//!
//! Design note: every chart is a pure module with three layers that share one geometry:
//! `layout(&data, w, h)` computes rows and bar extents in CSS pixels, `draw(area, &data, &theme)`
//! paints that layout (multiplying by [`Theme::scale`] for high-DPI canvases) and `hit_test`
//! maps a pointer position back to the caller's data index. Because draw and hit-test read the
//! same `Layout`, a tooltip can never point at a different bar than the one under the cursor.
//!
//! The charts deliberately avoid `ChartBuilder` and the series features: a handful of
//! rectangles, lines and anchored texts give full control over the typography and keep the WASM
//! binary small (no extra plotters features are enabled). Text widths are estimated with a
//! per-character table ([`crate::format::text_width`]) rather than plotters' `estimate_text_size`,
//! which on wasm inserts a DOM `<span>` per call (slow, and it unwraps browser handles).
//!
//! The modules take their own small input structs, not the model's types, so the app can feed
//! them from any model output and the saved-job comparison can reuse [`region_bars`] as a
//! generic labelled-bar chart. Every chart also offers `text_alternative` and `table_rows` for
//! the accessible text and the "show as table" toggle.
//!
//! Using a chart from the canvas glue (sketch):
//! 1. `let dpr = window.device_pixel_ratio();` size the canvas element to `css_w × css_h` with
//!    CSS and set its `width`/`height` attributes to `css × dpr` (rounded);
//! 2. `let theme = Theme::dark().with_scale(dpr);` (or `Theme::light()`), then
//!    `region_bars::draw(&CanvasBackend::with_canvas_object(c)?.into_drawing_area(), &data, &theme)`;
//! 3. on pointer events call `region_bars::hit_test(&region_bars::layout(&data, css_w, css_h,
//!    &theme), ev.offset_x(), ev.offset_y())` — CSS pixels, no DPR conversion — and show
//!    `region_bars::tooltip_lines(&data, i)` or select region `i`;
//! 4. for "show all", set `data.max_rows = 0` and the canvas height to
//!    `region_bars::required_height(&data, css_w, &theme)`.

pub mod hardware_bars;
pub mod layout;
mod paint;
pub mod region_bars;
pub mod theme;
pub mod tornado;
pub mod views;

pub use layout::Row;
pub use theme::{band_index, band_label, Theme, BAND_EDGES};

use plotters::backend::DrawingBackend;
use plotters::drawing::DrawingAreaErrorKind;

/// A drawing failure, reduced to its message so callers need not name the backend's error type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartError(pub String);

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "chart drawing failed: {}", self.0)
    }
}

impl std::error::Error for ChartError {}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        ChartError(e.to_string())
    }
}

/// Result of a `draw` call.
pub type ChartResult = Result<(), ChartError>;

/// The drawing area type every chart draws into (pixel coordinates, origin top-left).
pub type Area<DB> = plotters::drawing::DrawingArea<DB, plotters::coord::Shift>;

/// Size of `area` in CSS pixels, i.e. its device pixels divided by the theme's scale.
pub(crate) fn css_size<DB: DrawingBackend>(area: &Area<DB>, theme: &Theme) -> (f64, f64) {
    let (w, h) = area.dim_in_pixel();
    let s = theme.safe_scale();
    (f64::from(w) / s, f64::from(h) / s)
}
