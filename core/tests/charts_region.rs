//! Native tests of the region bar chart, rendered to SVG.

mod charts_util;

use charts_util::region::{gcp, row_labels};
use charts_util::{find_text, hex, render, render_with, snapshot, texts};
use emissions_core::charts::region_bars::{
    self, hit_test, layout, required_height, table_rows, text_alternative, RegionBar,
};
use emissions_core::charts::Theme;

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
    let svg = render_with(360, hp, &dark, |a, t| region_bars::draw(a, &top, t));
    snapshot("region_bars_phone_top8_dark", &svg);
}
#[test]
fn bars_are_sorted_cleanest_first_whatever_the_input_order() {
    let data = gcp();
    let svg = render(
        720,
        required_height(&data, 720.0, &Theme::light()),
        |a, t| region_bars::draw(a, &data, t),
    );
    let drawn: Vec<String> = row_labels(&svg, &data)
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    let mut expected: Vec<&RegionBar> = data.bars.iter().collect();
    expected.sort_by(|a, b| a.value.total_cmp(&b.value));
    let expected: Vec<String> = expected.iter().map(|b| b.label.clone()).collect();
    assert_eq!(drawn, expected);
    assert_eq!(
        drawn.first().map(String::as_str),
        Some("northamerica-northeast1 (Montréal)")
    );
    // Value labels are present with units, e.g. Mumbai's 90.9 kg.
    assert!(find_text(&texts(&svg), "90.9 kg").is_some());
}

#[test]
fn current_choice_is_highlighted_exactly_once() {
    let data = gcp();
    let theme = Theme::light();
    let svg = render(720, 500, |a, t| region_bars::draw(a, &data, t));
    let outline = format!("stroke=\"{}\"", hex(&theme.highlight));
    assert_eq!(svg.matches(&outline).count(), 1, "one outline");
    let marker = format!("fill=\"{}\"", hex(&theme.highlight));
    assert_eq!(svg.matches(&marker).count(), 1, "one marker");
    let tint = format!("fill=\"{}\"", hex(&theme.highlight_bg));
    assert_eq!(svg.matches(&tint).count(), 1, "one row tint");
    let ts = texts(&svg);
    let bold_rows: Vec<&str> = ts
        .iter()
        .filter(|t| t.bold && data.bars.iter().any(|b| b.label == t.text))
        .map(|t| t.text.as_str())
        .collect();
    assert_eq!(bold_rows, vec!["us-central1 (Iowa)"]);
    // The bar under the outline has the colour of the 400–600 band.
    assert!(svg.contains(&format!("fill=\"{}\"", hex(&theme.bands[3]))));
}

#[test]
fn current_choice_outside_top_n_is_appended_below_a_separator() {
    let mut data = gcp();
    data.max_rows = 3;
    let theme = Theme::light();
    let h = required_height(&data, 720.0, &theme);
    let svg = render(720, h, |a, t| region_bars::draw(a, &data, t));
    let labels: Vec<String> = row_labels(&svg, &data)
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    assert_eq!(
        labels,
        vec![
            "northamerica-northeast1 (Montréal)",
            "europe-north1 (Finland)",
            "europe-west9 (Paris)",
            "us-central1 (Iowa)"
        ]
    );
    assert!(find_text(&texts(&svg), "12 more regions not shown").is_some());
    let l = layout(&data, 720.0, f64::from(h), &theme);
    let sep = l.separator.expect("separator");
    assert!(l.rows[2].top + l.rows[2].height <= sep && sep <= l.rows[3].top);
    // A choice inside the top N is not duplicated and needs no separator.
    data.highlighted = Some(1);
    let l = layout(&data, 720.0, f64::from(h), &theme);
    assert!(l.separator.is_none());
    assert_eq!(l.rows.iter().filter(|r| r.index == 1).count(), 1);
}

#[test]
fn empty_or_non_finite_data_says_no_data() {
    let mut data = gcp();
    data.bars.clear();
    let svg = render(400, 200, |a, t| region_bars::draw(a, &data, t));
    assert!(find_text(&texts(&svg), "No data").is_some());
    data.bars = vec![
        RegionBar {
            label: "nan".into(),
            value: f64::NAN,
            intensity: 1.0,
            saving_pct: 0.0,
        },
        RegionBar {
            label: "inf".into(),
            value: f64::INFINITY,
            intensity: f64::NAN,
            saving_pct: 0.0,
        },
    ];
    let svg = render(400, 200, |a, t| region_bars::draw(a, &data, t));
    assert!(find_text(&texts(&svg), "No data").is_some());
    assert!(find_text(&texts(&svg), "nan").is_none());
    assert_eq!(
        text_alternative(&data),
        "This job in every Google Cloud region: no data."
    );
    assert_eq!(table_rows(&data).len(), 1, "header only");
}

#[test]
fn non_finite_bars_are_skipped_and_the_rest_drawn() {
    let mut data = gcp();
    data.bars[1].value = f64::NAN;
    data.bars[2].intensity = f64::NAN;
    data.bars[3].value = -5.0;
    let svg = render(720, 500, |a, t| region_bars::draw(a, &data, t));
    let labels: Vec<String> = row_labels(&svg, &data)
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    assert!(!labels.contains(&"europe-north1 (Finland)".to_string()));
    assert!(
        labels.contains(&"asia-south1 (Mumbai)".to_string()),
        "no intensity: neutral bar"
    );
    assert_eq!(
        labels.first().map(String::as_str),
        Some("europe-west1 (Belgium)"),
        "negative first"
    );
    assert!(svg.contains(&format!("fill=\"{}\"", hex(&Theme::light().neutral))));
}

#[test]
fn tiny_areas_and_odd_sizes_do_not_panic() {
    let data = gcp();
    for (w, h) in [(1, 1), (2, 300), (300, 2), (40, 40), (120, 90)] {
        let _ = render(w, h, |a, t| region_bars::draw(a, &data, t));
    }
    let l = layout(&data, f64::NAN, f64::INFINITY, &Theme::light());
    assert!(l.rows.is_empty());
    assert_eq!(hit_test(&l, 0.0, 0.0), None);
}

#[test]
fn long_labels_are_truncated_with_an_ellipsis() {
    let mut data = gcp();
    let long = "azure · a-region-with-a-very-long-name-that-goes-on-and-on (Somewhere, Far Away)";
    data.bars[4].label = long.into();
    let svg = render(420, 500, |a, t| region_bars::draw(a, &data, t));
    let ts = texts(&svg);
    assert!(find_text(&ts, long).is_none());
    assert!(ts
        .iter()
        .any(|t| t.text.starts_with("azure · a-region") && t.text.ends_with('…')));
}

#[test]
fn hit_test_maps_each_row_to_its_bar_index() {
    let data = gcp();
    let theme = Theme::light();
    let l = layout(&data, 720.0, 500.0, &theme);
    assert_eq!(l.rows.len(), data.bars.len());
    for r in &l.rows {
        assert_eq!(hit_test(&l, 360.0, r.mid()), Some(r.index));
        assert_eq!(
            hit_test(&l, 5.0, r.top + 0.1),
            Some(r.index),
            "label side counts"
        );
    }
    let last = l.rows.last().expect("rows");
    assert_eq!(hit_test(&l, 360.0, last.top + last.height + 1.0), None);
    assert_eq!(hit_test(&l, 360.0, 0.0), None, "title is not a row");
    assert_eq!(hit_test(&l, 721.0, last.mid()), None);
    // Row k of the drawing is the k-th cleanest region.
    assert_eq!(l.rows[0].index, 5);
    assert_eq!(l.rows[15].index, 2);
}

#[test]
fn required_height_grows_with_rows_and_shows_all_of_150() {
    let theme = Theme::light();
    let mut data = gcp();
    data.bars = (0..150)
        .map(|i| RegionBar {
            label: format!("zone {i:03}"),
            value: 1.0 + f64::from(i) * 0.7,
            intensity: f64::from(i) * 5.0,
            saving_pct: 0.0,
        })
        .collect();
    data.highlighted = Some(120);
    data.max_rows = 10;
    let h10 = required_height(&data, 720.0, &theme);
    data.max_rows = 20;
    let h20 = required_height(&data, 720.0, &theme);
    data.max_rows = 0;
    let h_all = required_height(&data, 720.0, &theme);
    assert!(h10 < h20 && h20 < h_all, "{h10} {h20} {h_all}");
    assert!(f64::from(h20 - h10) >= 10.0 * 18.0);
    let l = layout(&data, 720.0, f64::from(h_all), &theme);
    assert_eq!((l.rows.len(), l.hidden), (150, 0));
    // A short canvas shows fewer rows but always keeps the current choice.
    let l = layout(&data, 720.0, 300.0, &theme);
    assert!(l.hidden > 0 && l.rows.iter().any(|r| r.index == 120));
    assert!(l
        .rows
        .windows(2)
        .all(|w| w[0].top + w[0].height <= w[1].top + 1e-9));
}

#[test]
fn drawing_150_bars_is_fast() {
    let mut data = gcp();
    data.bars = (0..150)
        .map(|i| RegionBar {
            label: format!("provider · region-{i} (City {i})"),
            value: f64::from(i % 37) * 3.3,
            intensity: f64::from(i % 9) * 90.0,
            saving_pct: 10.0,
        })
        .collect();
    let h = required_height(&data, 900.0, &Theme::light());
    let start = std::time::Instant::now();
    for _ in 0..10 {
        let _ = render(900, h, |a, t| region_bars::draw(a, &data, t));
    }
    let per = start.elapsed().as_secs_f64() * 100.0;
    // Generous bound for unoptimised test builds on a shared machine; release is far faster.
    assert!(per < 50.0, "{per:.2} ms per drawing");
}

#[test]
fn device_pixel_ratio_scales_every_coordinate() {
    let data = gcp();
    let t1 = Theme::light().for_svg();
    let t2 = Theme::light().for_svg().with_scale(2.0);
    let a = texts(&render_with(720, 500, &t1, |a, t| {
        region_bars::draw(a, &data, t)
    }));
    let b = texts(&render_with(720, 500, &t2, |a, t| {
        region_bars::draw(a, &data, t)
    }));
    assert_eq!(a.len(), b.len());
    for (p, q) in a.iter().zip(&b) {
        assert_eq!(p.text, q.text);
        assert!(
            (q.x - 2.0 * p.x).abs() <= 1.0 && (q.y - 2.0 * p.y).abs() <= 1.0,
            "{p:?} {q:?}"
        );
    }
}
