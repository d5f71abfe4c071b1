//! Native tests of the region bar chart, rendered to SVG.

mod charts_util;

use charts_util::{find_text, hex, render, render_with, snapshot, texts};
use emissions_core::charts::region_bars::{
    self, hit_test, layout, required_height, table_rows, text_alternative, tooltip_lines,
    RegionBar, RegionBars,
};
use emissions_core::charts::Theme;

/// Google Cloud regions with plausible grid intensities (g CO₂e/kWh), deliberately unsorted.
const GCP: &[(&str, f64)] = &[
    ("us-central1 (Iowa)", 430.0),
    ("europe-north1 (Finland)", 39.0),
    ("asia-south1 (Mumbai)", 710.0),
    ("europe-west1 (Belgium)", 110.0),
    ("us-west1 (Oregon)", 79.0),
    ("northamerica-northeast1 (Montréal)", 1.5),
    ("asia-east1 (Taiwan)", 540.0),
    ("europe-west3 (Frankfurt)", 340.0),
    ("australia-southeast1 (Sydney)", 600.0),
    ("southamerica-east1 (São Paulo)", 87.0),
    ("us-east4 (N. Virginia)", 330.0),
    ("asia-northeast1 (Tokyo)", 450.0),
    ("europe-west2 (London)", 170.0),
    ("europe-west9 (Paris)", 45.0),
    ("me-west1 (Tel Aviv)", 520.0),
    ("asia-southeast2 (Jakarta)", 690.0),
];

/// Emissions of a 128 kWh job in every region; the current choice is us-central1 (index 0).
fn gcp() -> RegionBars {
    let kwh = 128.0;
    let current = GCP[0].1 * kwh / 1000.0;
    RegionBars {
        title: "This job in every Google Cloud region".into(),
        bars: GCP
            .iter()
            .map(|&(label, g)| {
                let value = g * kwh / 1000.0;
                RegionBar {
                    label: label.into(),
                    value,
                    intensity: g,
                    saving_pct: 100.0 * (1.0 - value / current),
                }
            })
            .collect(),
        unit_label: "kg CO₂e".into(),
        label_header: "Region".into(),
        item_noun: "regions".into(),
        highlighted: Some(0),
        max_rows: 0,
    }
}

#[test]
fn snapshot_light_and_dark() {
    let data = gcp();
    let h = required_height(&data, 720.0, &Theme::light());
    let svg = render(720, h, |a, t| region_bars::draw(a, &data, t));
    snapshot("region_bars_light", &svg);
    let dark = Theme::dark().for_svg();
    let svg = render_with(720, h, &dark, |a, t| region_bars::draw(a, &data, t));
    snapshot("region_bars_dark", &svg);
    let mut top = data.clone();
    top.max_rows = 8;
    let hp = required_height(&top, 360.0, &Theme::light());
    let svg = render(360, hp, |a, t| region_bars::draw(a, &top, t));
    snapshot("region_bars_phone_top8", &svg);
}
