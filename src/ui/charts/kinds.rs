//! One trait over the three chart modules, so a single canvas component can draw, hit-test and
//! describe any of them.

use emissions_core::charts::hardware_bars::HardwareBars;
use emissions_core::charts::layout::sorted_finite;
use emissions_core::charts::region_bars::RegionBars;
use emissions_core::charts::tornado::Tornado;
use emissions_core::charts::{hardware_bars, region_bars, tornado, Row, Theme};
use plotters::drawing::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

/// What the canvas glue needs from a chart module (all lengths in CSS pixels).
pub trait Chart: Clone + PartialEq + Send + Sync + 'static {
    /// Paints the chart onto `canvas` (already sized to CSS size × `theme.scale`).
    fn draw_on(&self, canvas: HtmlCanvasElement, theme: &Theme) -> Result<(), String>;
    /// The canvas height that shows this chart's rows at `width`.
    fn css_height(&self, width: f64, theme: &Theme) -> f64;
    /// The drawn rows, top to bottom.
    fn rows(&self, width: f64, height: f64, theme: &Theme) -> Vec<Row>;
    /// Tooltip text of item `i`.
    fn tooltip(&self, i: usize) -> Vec<String>;
    /// One-sentence text alternative.
    fn alt_text(&self) -> String;
    /// The "show as table" rows (first row = header).
    fn table(&self) -> Vec<Vec<String>>;
    /// Item index of each table body row.
    fn table_order(&self) -> Vec<usize>;
}

fn backend(canvas: HtmlCanvasElement) -> Result<CanvasBackend, String> {
    CanvasBackend::with_canvas_object(canvas).ok_or_else(|| "no 2d context".to_string())
}

impl Chart for RegionBars {
    fn draw_on(&self, canvas: HtmlCanvasElement, theme: &Theme) -> Result<(), String> {
        let area = backend(canvas)?.into_drawing_area();
        region_bars::draw(&area, self, theme).map_err(|e| e.to_string())
    }
    fn css_height(&self, width: f64, theme: &Theme) -> f64 {
        f64::from(region_bars::required_height(self, width, theme))
    }
    fn rows(&self, width: f64, height: f64, theme: &Theme) -> Vec<Row> {
        region_bars::layout(self, width, height, theme).rows
    }
    fn tooltip(&self, i: usize) -> Vec<String> {
        region_bars::tooltip_lines(self, i)
    }
    fn alt_text(&self) -> String {
        region_bars::text_alternative(self)
    }
    fn table(&self) -> Vec<Vec<String>> {
        region_bars::table_rows(self)
    }
    fn table_order(&self) -> Vec<usize> {
        sorted_finite(self.bars.iter().map(|b| b.value))
    }
}

impl Chart for HardwareBars {
    fn draw_on(&self, canvas: HtmlCanvasElement, theme: &Theme) -> Result<(), String> {
        let area = backend(canvas)?.into_drawing_area();
        hardware_bars::draw(&area, self, theme).map_err(|e| e.to_string())
    }
    fn css_height(&self, width: f64, _theme: &Theme) -> f64 {
        f64::from(hardware_bars::required_height(self, width))
    }
    fn rows(&self, width: f64, height: f64, theme: &Theme) -> Vec<Row> {
        hardware_bars::layout(self, width, height, theme).rows
    }
    fn tooltip(&self, i: usize) -> Vec<String> {
        hardware_bars::tooltip_lines(self, i)
    }
    fn alt_text(&self) -> String {
        hardware_bars::text_alternative(self)
    }
    fn table(&self) -> Vec<Vec<String>> {
        hardware_bars::table_rows(self)
    }
    fn table_order(&self) -> Vec<usize> {
        sorted_finite(self.rows.iter().map(|r| r.emissions_kg))
    }
}

impl Chart for Tornado {
    fn draw_on(&self, canvas: HtmlCanvasElement, theme: &Theme) -> Result<(), String> {
        let area = backend(canvas)?.into_drawing_area();
        tornado::draw(&area, self, theme).map_err(|e| e.to_string())
    }
    fn css_height(&self, _width: f64, _theme: &Theme) -> f64 {
        f64::from(tornado::required_height(self))
    }
    fn rows(&self, width: f64, height: f64, theme: &Theme) -> Vec<Row> {
        tornado::layout(self, width, height, theme).rows
    }
    fn tooltip(&self, i: usize) -> Vec<String> {
        tornado::tooltip_lines(self, i)
    }
    fn alt_text(&self) -> String {
        tornado::text_alternative(self)
    }
    fn table(&self) -> Vec<Vec<String>> {
        tornado::table_rows(self)
    }
    fn table_order(&self) -> Vec<usize> {
        tornado::sorted(self)
    }
}

/// Item indices of `rows` in drawn order, each once (stacked hardware panels repeat devices).
pub fn unique_order(rows: &[Row]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::with_capacity(rows.len());
    for r in rows {
        if !out.contains(&r.index) {
            out.push(r.index);
        }
    }
    out
}

/// The theme for the page's colour scheme at `dpr` device pixels per CSS pixel.
pub fn theme_for(dark: bool, dpr: f64) -> Theme {
    if dark { Theme::dark() } else { Theme::light() }.with_scale(dpr)
}
