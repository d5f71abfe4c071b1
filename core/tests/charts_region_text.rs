//! Text alternative, table, tooltip and colour tests of the region chart.

mod charts_util;

use charts_util::region::{gcp, row_labels};
use charts_util::{render, texts};
use emissions_core::charts::region_bars::{
    self, table_rows, text_alternative, tooltip_lines, RegionBar, RegionBars,
};
use emissions_core::charts::Theme;

#[test]
fn text_alternative_table_and_tooltip_carry_the_numbers() {
    let data = gcp();
    assert_eq!(
        text_alternative(&data),
        "This job in every Google Cloud region: 16 regions, from 192 g CO₂e \
         (northamerica-northeast1 (Montréal)) to 90.9 kg CO₂e (asia-south1 (Mumbai)); \
         your choice us-central1 (Iowa): 55 kg CO₂e."
    );
    let rows = table_rows(&data);
    assert_eq!(rows.len(), 17);
    assert_eq!(rows[0][0], "Region");
    assert_eq!(rows[0][1], "Emissions (kg CO₂e)");
    assert_eq!(
        rows[1],
        vec![
            "northamerica-northeast1 (Montréal)",
            "0.192",
            "1.5",
            "100 % less"
        ]
    );
    let mine = rows
        .iter()
        .find(|r| r[0].starts_with("us-central1"))
        .expect("current row");
    assert_eq!(
        mine,
        &vec![
            "us-central1 (Iowa) (your choice)",
            "55",
            "430",
            "your choice"
        ]
    );
    let mumbai = rows.last().expect("last");
    assert_eq!(mumbai[3], "65 % more");
    assert_eq!(
        tooltip_lines(&data, 1),
        vec![
            "europe-north1 (Finland)",
            "Emissions: 4.99 kg CO₂e",
            "Grid intensity: 39 g CO₂e/kWh",
            "91 % less than your choice"
        ]
    );
    assert_eq!(
        tooltip_lines(&data, 0).last().map(String::as_str),
        Some("Your current choice")
    );
    assert!(tooltip_lines(&data, 99).is_empty());
}

#[test]
fn without_intensities_it_is_a_generic_labelled_bar_chart() {
    let data = RegionBars {
        title: "Saved jobs".into(),
        bars: ["baseline", "smaller model", "moved to Finland"]
            .iter()
            .zip([120.0, 80.0, 12.0])
            .map(|(l, v)| RegionBar {
                label: (*l).into(),
                value: v,
                intensity: f64::NAN,
                saving_pct: f64::NAN,
            })
            .collect(),
        unit_label: "kg CO₂e".into(),
        label_header: "Saved job".into(),
        item_noun: "jobs".into(),
        highlighted: Some(0),
        max_rows: 0,
    };
    let svg = render(600, 200, |a, t| region_bars::draw(a, &data, t));
    let ts = texts(&svg);
    assert!(
        ts.iter().all(|t| !t.text.starts_with("Grid intensity")),
        "no legend"
    );
    let labels: Vec<String> = row_labels(&svg, &data)
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    assert_eq!(
        labels,
        vec!["moved to Finland", "smaller model", "baseline"]
    );
    assert_eq!(table_rows(&data)[1][2], "n/a");
}

#[test]
fn band_colours_are_distinct_and_visible_in_both_themes() {
    for theme in [Theme::light(), Theme::dark()] {
        let mut lum: Vec<f64> = Vec::new();
        for c in &theme.bands {
            assert!(
                contrast(c, &theme.background) >= 2.9,
                "{c:?} on {:?}",
                theme.background
            );
            lum.push(luminance(c));
        }
        // Monotonic lightness: readable as a sequence without hue (colour-blind safe).
        let up = lum.windows(2).all(|w| w[0] < w[1]);
        let down = lum.windows(2).all(|w| w[0] > w[1]);
        assert!(up || down, "{lum:?}");
        assert!(contrast(&theme.text, &theme.background) >= 7.0);
        assert!(contrast(&theme.muted, &theme.background) >= 4.5);
        assert!(contrast(&theme.highlight, &theme.background) >= 3.0);
    }
}

fn luminance(c: &plotters::style::RGBColor) -> f64 {
    let f = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * f(c.0) + 0.7152 * f(c.1) + 0.0722 * f(c.2)
}

fn contrast(a: &plotters::style::RGBColor, b: &plotters::style::RGBColor) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}
