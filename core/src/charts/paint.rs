//! A thin painter over a plotters drawing area that takes CSS-pixel coordinates.
//!
//! Design note: charts compute their geometry in CSS pixels (the unit of pointer events and of
//! the layout the app sees); the painter multiplies by the theme's scale and rounds to whole
//! device pixels exactly once, so bars stay crisp on high-DPI canvases and the rounding rule is
//! the same for every element.

use super::layout::PAD;
use super::{Area, ChartError, Theme};
use crate::format::truncate_to_width;
use plotters::backend::DrawingBackend;
use plotters::element::{PathElement, Polygon, Rectangle, Text};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBColor, TextStyle};

/// Horizontal text alignment relative to the anchor point.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Align {
    Left,
    Center,
    Right,
}

/// Draws shapes and texts given in CSS pixels onto an area measured in device pixels.
pub(crate) struct Painter<'a, DB: DrawingBackend> {
    area: &'a Area<DB>,
    scale: f64,
    font_factor: f64,
}

impl<'a, DB: DrawingBackend> Painter<'a, DB> {
    /// A painter for `area` using the theme's scale and font factor.
    pub(crate) fn new(area: &'a Area<DB>, theme: &Theme) -> Self {
        let ff = theme.font_factor;
        Painter {
            area,
            scale: theme.safe_scale(),
            font_factor: if ff.is_finite() && ff > 0.0 { ff } else { 1.0 },
        }
    }

    /// CSS length → device pixels (saturating; NaN becomes 0, never panics).
    fn px(&self, v: f64) -> i32 {
        (v * self.scale).round() as i32
    }

    /// Fills the whole area.
    pub(crate) fn clear(&self, c: &RGBColor) -> Result<(), ChartError> {
        Ok(self.area.fill(c)?)
    }

    /// Filled rectangle between two corners.
    pub(crate) fn fill_rect(
        &self,
        (x0, y0, x1, y1): (f64, f64, f64, f64),
        c: &RGBColor,
    ) -> Result<(), ChartError> {
        let r = Rectangle::new(
            [(self.px(x0), self.px(y0)), (self.px(x1), self.px(y1))],
            c.filled(),
        );
        Ok(self.area.draw(&r)?)
    }

    /// Rectangle outline of `width` CSS pixels. Drawn as a closed path because plotters' SVG
    /// backend ignores the stroke width of rectangles, while paths honour it on every backend.
    pub(crate) fn stroke_rect(
        &self,
        (x0, y0, x1, y1): (f64, f64, f64, f64),
        c: &RGBColor,
        width: f64,
    ) -> Result<(), ChartError> {
        let w = self.px(width).max(1) as u32;
        let (x0, y0, x1, y1) = (self.px(x0), self.px(y0), self.px(x1), self.px(y1));
        let pts = vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)];
        Ok(self.area.draw(&PathElement::new(pts, c.stroke_width(w)))?)
    }

    /// Straight line of `width` CSS pixels. Horizontal and vertical lines are filled as whole
    /// device-pixel rectangles: a canvas stroke centred on an integer coordinate straddles two
    /// pixels and looks blurred, a filled rectangle on pixel edges stays crisp at any scale.
    pub(crate) fn line(
        &self,
        from: (f64, f64),
        to: (f64, f64),
        c: &RGBColor,
        width: f64,
    ) -> Result<(), ChartError> {
        let w = self.px(width).max(1);
        let (x0, y0, x1, y1) = (
            self.px(from.0),
            self.px(from.1),
            self.px(to.0),
            self.px(to.1),
        );
        let (lo, hi) = (w / 2, w - w / 2);
        let corners = if x0 == x1 {
            Some([(x0 - lo, y0.min(y1)), (x0 + hi, y0.max(y1))])
        } else if y0 == y1 {
            Some([(x0.min(x1), y0 - lo), (x0.max(x1), y0 + hi)])
        } else {
            None
        };
        if let Some(corners) = corners {
            return Ok(self.area.draw(&Rectangle::new(corners, c.filled()))?);
        }
        let p = PathElement::new(vec![(x0, y0), (x1, y1)], c.stroke_width(w as u32));
        Ok(self.area.draw(&p)?)
    }

    /// Filled polygon.
    pub(crate) fn polygon(&self, pts: &[(f64, f64)], c: &RGBColor) -> Result<(), ChartError> {
        let pts: Vec<(i32, i32)> = pts.iter().map(|&(x, y)| (self.px(x), self.px(y))).collect();
        Ok(self.area.draw(&Polygon::new(pts, c.filled()))?)
    }

    /// Clears to the theme's background and writes the chart's title (bold, one size up,
    /// truncated to the width) centred on `title_y`, when the chart has one.
    pub(crate) fn begin(
        &self,
        theme: &Theme,
        title: &str,
        title_y: Option<f64>,
        width: f64,
        font: f64,
    ) -> Result<(), ChartError> {
        self.clear(&theme.background)?;
        match title_y {
            Some(y) => {
                let t = truncate_to_width(title, width - 2.0 * PAD, font + 1.0);
                self.text(&t, (PAD, y), font + 1.0, true, &theme.text, Align::Left)
            }
            None => Ok(()),
        }
    }

    /// "N more … not shown" in small muted text at the left, centred on `y`, when `hidden > 0`.
    pub(crate) fn hidden_note(
        &self,
        theme: &Theme,
        hidden: usize,
        noun: &str,
        y: f64,
        font: f64,
    ) -> Result<(), ChartError> {
        if hidden == 0 {
            return Ok(());
        }
        let note = format!("{hidden} more {noun} not shown");
        self.text(
            &note,
            (PAD, y),
            font - 1.0,
            false,
            &theme.muted,
            Align::Left,
        )
    }

    /// One line of text vertically centred on `y`, at `size` CSS pixels.
    pub(crate) fn text(
        &self,
        s: &str,
        (x, y): (f64, f64),
        size: f64,
        bold: bool,
        c: &RGBColor,
        align: Align,
    ) -> Result<(), ChartError> {
        if s.is_empty() {
            return Ok(());
        }
        let style = if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let font = FontDesc::new(
            FontFamily::SansSerif,
            size * self.scale * self.font_factor,
            style,
        );
        let h = match align {
            Align::Left => HPos::Left,
            Align::Center => HPos::Center,
            Align::Right => HPos::Right,
        };
        let ts = TextStyle::from(font)
            .color(c)
            .pos(Pos::new(h, VPos::Center));
        Ok(self
            .area
            .draw(&Text::new(s, (self.px(x), self.px(y)), ts))?)
    }
}
