//! Region chart fixtures shared by the region tests.

use super::texts;
use emissions_core::charts::region_bars::{RegionBar, RegionBars};

/// Google Cloud regions with plausible grid intensities (g CO₂e/kWh), deliberately unsorted.
pub const GCP: &[(&str, f64)] = &[
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
pub fn gcp() -> RegionBars {
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

/// Labels of the drawn rows (texts that equal a bar label), top to bottom.
pub fn row_labels(svg: &str, data: &RegionBars) -> Vec<(String, f64)> {
    let mut v: Vec<(String, f64)> = texts(svg)
        .into_iter()
        .filter(|t| data.bars.iter().any(|b| b.label == t.text))
        .map(|t| (t.text, t.y))
        .collect();
    v.sort_by(|a, b| a.1.total_cmp(&b.1));
    v
}
