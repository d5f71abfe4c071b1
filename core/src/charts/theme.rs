//! Colours, type sizes and the device-pixel scale shared by every chart.
//!
//! Design note: the intensity scale is a five-band sequential ramp on the viridis hue path
//! (green → teal → blue → indigo → purple). Colour-blind users read a sequential ramp by its
//! lightness, so each theme's ramp is monotonic in luminance: darker means dirtier on the light
//! theme, and on the dark theme the ramp is lifted so every band keeps ≥ 3:1 contrast against
//! the background (WCAG 1.4.11) while still stepping down in lightness. Colour is never the only
//! channel: values are printed on every bar and the legend names each band.

use plotters::style::RGBColor;

/// Upper edges (g CO₂e/kWh) of the first four intensity bands; the fifth band is open-ended.
pub const BAND_EDGES: [f64; 4] = [100.0, 250.0, 400.0, 600.0];

/// Band (0 = cleanest … 4 = dirtiest) of a grid intensity in g CO₂e/kWh; `None` when unknown.
pub fn band_index(intensity: f64) -> Option<usize> {
    if !intensity.is_finite() || intensity < 0.0 {
        return None;
    }
    Some(BAND_EDGES.iter().take_while(|&&e| intensity >= e).count())
}

/// Legend text of band `i`, e.g. `"100–250"`; empty for an out-of-range index.
pub fn band_label(i: usize) -> String {
    let edge = |k: usize| crate::number::shortest(BAND_EDGES.get(k).map_or(0.0, |e| *e));
    match i {
        0 => format!("< {}", edge(0)),
        1..=3 => format!("{}–{}", edge(i - 1), edge(i)),
        4 => format!("≥ {}", edge(3)),
        _ => String::new(),
    }
}

/// Palette, type size and scale of a chart. All lengths are CSS pixels multiplied by `scale`.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// Canvas background (the charts paint it, so exports look right on their own).
    pub background: RGBColor,
    /// Primary text (labels, values, title).
    pub text: RGBColor,
    /// Secondary text (axis ticks, captions, notes).
    pub muted: RGBColor,
    /// Grid lines, separators and the axis baseline.
    pub grid: RGBColor,
    /// Outline and marker of the user's current choice.
    pub highlight: RGBColor,
    /// Row tint behind the current choice.
    pub highlight_bg: RGBColor,
    /// Bars without an intensity (e.g. saved jobs).
    pub neutral: RGBColor,
    /// Intensity bands, cleanest first (see [`band_index`]).
    pub bands: [RGBColor; 5],
    /// One colour per hardware metric: emissions, energy, wall time.
    pub series: [RGBColor; 3],
    /// Tornado: the part of a swing below the central estimate.
    pub lower: RGBColor,
    /// Tornado: the part of a swing above the central estimate.
    pub higher: RGBColor,
    /// Base font size in CSS pixels (labels and values; titles are slightly larger).
    pub font_px: f64,
    /// Device pixels per CSS pixel (`window.devicePixelRatio`); multiplies every length.
    pub scale: f64,
    /// Extra factor applied only to font sizes handed to the backend. The canvas backend uses
    /// the size as CSS `px`, but plotters' SVG backend writes `size / 1.24`; [`Theme::for_svg`]
    /// sets 1.24 so SVG snapshots show the same type size as the canvas.
    pub font_factor: f64,
}

impl Theme {
    /// The light theme at scale 1.
    pub fn light() -> Self {
        Theme {
            background: RGBColor(0xff, 0xff, 0xff),
            text: RGBColor(0x1f, 0x23, 0x28),
            muted: RGBColor(0x5f, 0x66, 0x6e),
            grid: RGBColor(0xdd, 0xe1, 0xe6),
            highlight: RGBColor(0xc2, 0x41, 0x0c),
            highlight_bg: RGBColor(0xfd, 0xf1, 0xe8),
            neutral: RGBColor(0x4b, 0x6a, 0x88),
            bands: [
                RGBColor(0x3a, 0xa8, 0x72),
                RGBColor(0x1f, 0x8a, 0x8a),
                RGBColor(0x2c, 0x6a, 0xa0),
                RGBColor(0x4a, 0x3f, 0x9a),
                RGBColor(0x3d, 0x0a, 0x4f),
            ],
            series: [
                RGBColor(0x00, 0x72, 0xb2),
                RGBColor(0xd5, 0x5e, 0x00),
                RGBColor(0x00, 0x9e, 0x73),
            ],
            lower: RGBColor(0x00, 0x72, 0xb2),
            higher: RGBColor(0xd5, 0x5e, 0x00),
            font_px: 12.0,
            scale: 1.0,
            font_factor: 1.0,
        }
    }

    /// The dark theme at scale 1.
    pub fn dark() -> Self {
        Theme {
            background: RGBColor(0x16, 0x19, 0x1d),
            text: RGBColor(0xe6, 0xe8, 0xeb),
            muted: RGBColor(0xa0, 0xa7, 0xb0),
            grid: RGBColor(0x33, 0x38, 0x3f),
            highlight: RGBColor(0xfb, 0xbf, 0x24),
            highlight_bg: RGBColor(0x2d, 0x2a, 0x1f),
            neutral: RGBColor(0x7f, 0xa8, 0xd0),
            bands: [
                RGBColor(0xa6, 0xdc, 0x5c),
                RGBColor(0x45, 0xc4, 0xa0),
                RGBColor(0x3f, 0x9b, 0xd6),
                RGBColor(0x7f, 0x76, 0xe0),
                RGBColor(0xa0, 0x4c, 0xb8),
            ],
            series: [
                RGBColor(0x56, 0xb4, 0xe9),
                RGBColor(0xe6, 0x9f, 0x00),
                RGBColor(0x3f, 0xc6, 0x9a),
            ],
            lower: RGBColor(0x56, 0xb4, 0xe9),
            higher: RGBColor(0xe6, 0x9f, 0x00),
            font_px: 12.0,
            scale: 1.0,
            font_factor: 1.0,
        }
    }

    /// The same theme drawn at `scale` device pixels per CSS pixel (use `devicePixelRatio`).
    pub fn with_scale(mut self, scale: f64) -> Self {
        self.scale = scale;
        self
    }

    /// The same theme tuned for plotters' SVG backend (see [`Theme::font_factor`]).
    pub fn for_svg(mut self) -> Self {
        self.font_factor = 1.24;
        self
    }

    /// Colour of a bar with grid intensity `intensity` (neutral when unknown).
    pub fn band_colour(&self, intensity: f64) -> RGBColor {
        band_index(intensity)
            .and_then(|i| self.bands.get(i).copied())
            .unwrap_or(self.neutral)
    }

    /// `scale`, guarded against zero, negative and non-finite values.
    pub(crate) fn safe_scale(&self) -> f64 {
        if self.scale.is_finite() && self.scale > 0.01 {
            self.scale
        } else {
            1.0
        }
    }

    /// `font_px`, guarded like [`Theme::safe_scale`].
    pub(crate) fn base_font(&self) -> f64 {
        if self.font_px.is_finite() && self.font_px >= 4.0 {
            self.font_px
        } else {
            12.0
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::light()
    }
}
