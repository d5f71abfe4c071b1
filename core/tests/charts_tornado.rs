//! Native tests of the sensitivity (tornado) chart, rendered to SVG.

mod charts_util;

use charts_util::{find_text, hex, render, render_with, snapshot, texts};
use emissions_core::charts::tornado::{
    self, hit_test, layout, required_height, sorted, table_rows, text_alternative, Tornado,
    TornadoItem,
};
use emissions_core::charts::Theme;

fn item(label: &str, low: f64, high: f64, li: &str, hi: &str) -> TornadoItem {
    TornadoItem {
        label: label.into(),
        low,
        high,
        low_input: li.into(),
        high_input: hi.into(),
    }
}

/// A 55 kg central estimate with its uncertain inputs, deliberately not sorted by swing.
fn example() -> Tornado {
    Tornado {
        title: "What matters most".into(),
        central: 55.0,
        items: vec![
            item("PUE", 50.0, 72.5, "1.1", "1.45"),
            item("Grid intensity (year spread)", 41.0, 68.0, "2021", "2023"),
            item("Runs (retries, sweeps)", 55.0, 165.0, "1", "3"),
            item("Power draw (% of TDP)", 38.5, 60.5, "70 %", "110 %"),
            item("Embodied share", 54.0, 57.5, "low", "high"),
        ],
    }
}

#[test]
fn snapshot_light_dark_phone() {
    let data = example();
    let h = required_height(&data);
    snapshot(
        "tornado_light",
        &render(720, h, |a, t| tornado::draw(a, &data, t)),
    );
    let dark = Theme::dark().for_svg();
    snapshot(
        "tornado_dark",
        &render_with(720, h, &dark, |a, t| tornado::draw(a, &data, t)),
    );
    snapshot(
        "tornado_phone",
        &render(360, h, |a, t| tornado::draw(a, &data, t)),
    );
}
