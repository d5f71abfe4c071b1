//! One type over the three chart modules, so a single canvas component can draw, hit-test and
//! describe any of them.

use super::backend::FastCanvas;
use emissions_core::charts::hardware_bars::HardwareBars;
use emissions_core::charts::layout::sorted_finite;
use emissions_core::charts::region_bars::RegionBars;
use emissions_core::charts::tornado::Tornado;
use emissions_core::charts::{hardware_bars, region_bars, tornado, Row, Theme};
use emissions_core::model::LocationInput;
use plotters::drawing::IntoDrawingArea;
use web_sys::HtmlCanvasElement;

/// The input of one chart: which chart module draws it, with that module's data.
///
/// Design note: an enum rather than a trait with generic components. Each generic component
/// compiled once per chart type (three copies of the canvas, figure and table glue); matching here
/// keeps one copy of the glue and costs a branch per call.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartData {
    /// The job in every region or zone.
    Regions(RegionBars),
    /// The job on every accelerator.
    Hardware(HardwareBars),
    /// The sensitivity of the estimate to each uncertain input.
    Tornado(Tornado),
}

impl Default for ChartData {
    fn default() -> Self {
        ChartData::Tornado(Tornado::default())
    }
}

/// What selecting a chart item switches the job to.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// A region or grid zone.
    Location(LocationInput),
    /// An accelerator id (the device count is kept).
    Device(String),
}

/// One chart's memoised input plus what the glue around it shows: a note under the caption, the
/// "show all" count and, per item, what selecting it does.
///
/// Design note: every chart is one `Memo<ChartView>`, so the memo, effect and guard code is
/// compiled for one type instead of one per chart and per derived value.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChartView {
    /// The chart.
    pub chart: ChartData,
    /// Note under the caption; empty for none.
    pub note: String,
    /// Items matching the query before the top-N cut.
    pub total: usize,
    /// `targets[i]` is selected by item `i`.
    pub targets: Vec<Target>,
}

fn backend(canvas: HtmlCanvasElement) -> Result<FastCanvas, String> {
    FastCanvas::new(canvas).ok_or_else(|| "no 2d context".to_string())
}

impl ChartData {
    /// Draws the chart into `canvas`, whose pixel size is already set.
    #[inline(never)]
    pub fn draw_on(&self, canvas: HtmlCanvasElement, theme: &Theme) -> Result<(), String> {
        let area = backend(canvas)?.into_drawing_area();
        match self {
            ChartData::Regions(d) => region_bars::draw(&area, d, theme),
            ChartData::Hardware(d) => hardware_bars::draw(&area, d, theme),
            ChartData::Tornado(d) => tornado::draw(&area, d, theme),
        }
        .map_err(|e| e.to_string())
    }

    /// Height in CSS pixels the chart needs at `width`.
    #[inline(never)]
    pub fn css_height(&self, width: f64, theme: &Theme) -> f64 {
        f64::from(match self {
            ChartData::Regions(d) => region_bars::required_height(d, width, theme),
            ChartData::Hardware(d) => hardware_bars::required_height(d, width),
            ChartData::Tornado(d) => tornado::required_height(d),
        })
    }

    /// The hit rows (item index and box) at this size, for pointer and keyboard.
    #[inline(never)]
    pub fn rows(&self, width: f64, height: f64, theme: &Theme) -> Vec<Row> {
        match self {
            ChartData::Regions(d) => region_bars::layout(d, width, height, theme).rows,
            ChartData::Hardware(d) => hardware_bars::layout(d, width, height, theme).rows,
            ChartData::Tornado(d) => tornado::layout(d, width, height, theme).rows,
        }
    }

    /// Tooltip lines of item `i`.
    #[inline(never)]
    pub fn tooltip(&self, i: usize) -> Vec<String> {
        match self {
            ChartData::Regions(d) => region_bars::tooltip_lines(d, i),
            ChartData::Hardware(d) => hardware_bars::tooltip_lines(d, i),
            ChartData::Tornado(d) => tornado::tooltip_lines(d, i),
        }
    }

    /// The text alternative (the canvas's accessible name).
    #[inline(never)]
    pub fn alt_text(&self) -> String {
        match self {
            ChartData::Regions(d) => region_bars::text_alternative(d),
            ChartData::Hardware(d) => hardware_bars::text_alternative(d),
            ChartData::Tornado(d) => tornado::text_alternative(d),
        }
    }

    /// The same numbers as a table: a header row, then one row per item in input order.
    #[inline(never)]
    pub fn table(&self) -> Vec<Vec<String>> {
        match self {
            ChartData::Regions(d) => region_bars::table_rows(d),
            ChartData::Hardware(d) => hardware_bars::table_rows(d),
            ChartData::Tornado(d) => tornado::table_rows(d),
        }
    }

    /// Item indices in the order the chart shows them (the table follows it).
    #[inline(never)]
    pub fn table_order(&self) -> Vec<usize> {
        match self {
            ChartData::Regions(d) => sorted_finite(d.bars.iter().map(|b| b.value)),
            ChartData::Hardware(d) => sorted_finite(d.rows.iter().map(|r| r.emissions_kg)),
            ChartData::Tornado(d) => tornado::sorted(d),
        }
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
