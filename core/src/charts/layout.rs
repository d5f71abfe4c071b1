//! Geometry shared by the bar charts: rows, value scales, tick choice and hit-testing.
//!
//! Design note: all geometry is in CSS pixels with the origin at the canvas' top-left corner,
//! which is what `MouseEvent.offsetX/offsetY` report, so the app passes pointer coordinates to
//! `hit_test` unchanged whatever the devicePixelRatio is.

/// Outer padding of every chart.
pub const PAD: f64 = 8.0;
/// Smallest row height; below it labels would collide, so fewer rows are shown instead.
pub const ROW_MIN: f64 = 18.0;
/// Preferred row height, used by `required_height`.
pub const ROW_PREF: f64 = 22.0;
/// Largest row height; extra space stays empty rather than producing fat bars.
pub const ROW_MAX: f64 = 28.0;

/// One drawn row (CSS pixels). `index` refers to the caller's input order, not the drawn order.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Index into the caller's data vector.
    pub index: usize,
    /// Top edge of the row band.
    pub top: f64,
    /// Height of the row band.
    pub height: f64,
    /// Horizontal extent `(left, right)` of the row's (first) bar, e.g. to anchor a tooltip.
    pub bar: (f64, f64),
}

impl Row {
    /// Vertical centre of the row.
    pub fn mid(&self) -> f64 {
        self.top + self.height / 2.0
    }
}

/// The row under `(x, y)` in a chart of `width` CSS pixels: the whole row band (label, bar and
/// value) is the target, which keeps it large enough for touch.
pub fn hit_rows(rows: &[Row], width: f64, x: f64, y: f64) -> Option<usize> {
    if !(x.is_finite() && y.is_finite()) || x < 0.0 || x > width {
        return None;
    }
    rows.iter()
        .find(|r| y >= r.top && y < r.top + r.height)
        .map(|r| r.index)
}

/// How many of `wanted` rows fit into `avail` pixels, and their height.
pub fn fit_rows(wanted: usize, avail: f64) -> (usize, f64) {
    if wanted == 0 || avail.is_nan() || avail < ROW_MIN {
        return (0, ROW_PREF);
    }
    let per = avail / wanted as f64;
    if per >= ROW_MIN {
        return (wanted, per.min(ROW_MAX));
    }
    let n = (avail / ROW_MIN).floor() as usize;
    (n.min(wanted), ROW_MIN)
}

/// Maps a value domain linearly onto a pixel range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// Domain start.
    pub d0: f64,
    /// Domain end (≠ `d0`).
    pub d1: f64,
    /// Pixel position of `d0`.
    pub r0: f64,
    /// Pixel position of `d1`.
    pub r1: f64,
}

impl Scale {
    /// A scale from `[d0, d1]` to `[r0, r1]`; a degenerate domain is widened to avoid ÷0.
    pub fn new(d0: f64, d1: f64, r0: f64, r1: f64) -> Self {
        let d1 = if (d1 - d0).abs() > f64::EPSILON {
            d1
        } else {
            d0 + 1.0
        };
        Scale { d0, d1, r0, r1 }
    }

    /// Pixel position of `v`, clamped to the range (NaN maps to the start).
    pub fn map(&self, v: f64) -> f64 {
        let t = ((v - self.d0) / (self.d1 - self.d0)).clamp(0.0, 1.0);
        let t = if t.is_nan() { 0.0 } else { t };
        self.r0 + t * (self.r1 - self.r0)
    }
}

/// "Nice" tick values from 0 up to at least `max` (steps of 1, 2 or 5 × 10ⁿ), about `target`
/// of them. The last tick is the axis maximum.
pub fn nice_ticks(max: f64, target: usize) -> Vec<f64> {
    if !(max.is_finite() && max > 0.0) {
        return vec![0.0, 1.0];
    }
    let target = target.clamp(1, 10) as f64;
    let raw = max / target;
    // `powi`, not `powf`: 10^n by multiplications is exact up to 10^22 (and its reciprocal
    // correctly rounded below 1), and the general `pow` would be the only one in the wasm (2 KB).
    let mag = 10f64.powi(raw.log10().floor() as i32);
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let n = (max / step).ceil().max(1.0) as usize;
    (0..=n).map(|i| i as f64 * step).collect()
}

/// Positions of legend items of the given widths flowed into lines at most `max_w` wide:
/// `(x offset, line number)` per item.
pub fn flow(widths: &[f64], max_w: f64, gap: f64) -> Vec<(f64, usize)> {
    let mut out = Vec::with_capacity(widths.len());
    let (mut x, mut line) = (0.0, 0);
    for &w in widths {
        if x > 0.0 && x + w > max_w {
            x = 0.0;
            line += 1;
        }
        out.push((x, line));
        x += w + gap;
    }
    out
}

/// Indices of the finite values of `values`, sorted ascending by value (stable: ties keep input
/// order); non-finite values are left out.
pub fn sorted_finite(values: impl Iterator<Item = f64>) -> Vec<usize> {
    let (idx, keys): (Vec<usize>, Vec<f64>) =
        values.enumerate().filter(|(_, v)| v.is_finite()).unzip();
    crate::sort::order_by_f64(&keys)
        .into_iter()
        .filter_map(|k| idx.get(k).copied())
        .collect()
}
