//! Helpers shared by the chart tests: SVG rendering, text extraction and snapshots.
//!
//! Snapshots: every test that calls [`snapshot`] writes `tests/snapshots/<name>.svg` when the
//! file is missing or `UPDATE_SNAPSHOTS=1`, and otherwise compares the rendering byte for byte,
//! so an unintended change in the drawing fails the test and an intended one is reviewed by
//! regenerating and looking at the new file.
#![allow(dead_code)]

pub mod region;

use emissions_core::charts::{Area, ChartResult, Theme};
use plotters::prelude::*;
use std::path::PathBuf;

/// Renders with `draw` into an SVG string of `w` × `h` CSS pixels at scale 1.
pub fn render<F>(w: u32, h: u32, draw: F) -> String
where
    F: FnOnce(&Area<SVGBackend<'_>>, &Theme) -> ChartResult,
{
    render_with(w, h, &Theme::light().for_svg(), draw)
}

/// Like [`render`] with an explicit theme (its scale multiplies the SVG size).
pub fn render_with<F>(w: u32, h: u32, theme: &Theme, draw: F) -> String
where
    F: FnOnce(&Area<SVGBackend<'_>>, &Theme) -> ChartResult,
{
    let mut s = String::new();
    {
        let dw = (f64::from(w) * theme.scale).round() as u32;
        let dh = (f64::from(h) * theme.scale).round() as u32;
        let area = SVGBackend::with_string(&mut s, (dw, dh)).into_drawing_area();
        draw(&area, theme).expect("draw");
        area.present().expect("present");
    }
    s
}

/// A `<text>` element of the SVG: its content and attributes of interest.
#[derive(Debug, Clone)]
pub struct SvgText {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub bold: bool,
    pub fill: String,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_string())
}

/// Every `<text>` of the SVG in document order (entities for & < > decoded).
pub fn texts(svg: &str) -> Vec<SvgText> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find("<text") {
        let after = &rest[i..];
        let Some(gt) = after.find('>') else { break };
        let Some(close) = after.find("</text>") else {
            break;
        };
        let tag = &after[..gt];
        let body = after[gt + 1..close]
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&");
        out.push(SvgText {
            text: body.trim().to_string(),
            x: attr(tag, "x")
                .and_then(|v| v.parse().ok())
                .unwrap_or(f64::NAN),
            y: attr(tag, "y")
                .and_then(|v| v.parse().ok())
                .unwrap_or(f64::NAN),
            bold: tag.contains("bold"),
            fill: attr(tag, "fill").unwrap_or_default().to_uppercase(),
        });
        rest = &after[close + 7..];
    }
    out
}

/// The first text whose content equals `s`.
pub fn find_text<'a>(ts: &'a [SvgText], s: &str) -> Option<&'a SvgText> {
    ts.iter().find(|t| t.text == s)
}

/// `#RRGGBB` of a plotters colour, as the SVG backend writes it.
pub fn hex(c: &RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// Writes or compares `tests/snapshots/<name>.svg` (see the module doc).
pub fn snapshot(name: &str, svg: &str) {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "snapshots",
        &format!("{name}.svg"),
    ]
    .iter()
    .collect();
    let update = std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1");
    match std::fs::read_to_string(&path) {
        Ok(old) if !update => assert!(
            old == svg,
            "snapshot {} differs; look at the new rendering and rerun with UPDATE_SNAPSHOTS=1",
            path.display()
        ),
        _ => std::fs::write(&path, svg).expect("write snapshot"),
    }
}
