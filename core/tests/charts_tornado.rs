//! Native tests of the sensitivity (tornado) chart, rendered to SVG.

mod charts_util;

use charts_util::{find_text, hex, render, render_with, snapshot, texts};
use emissions_core::charts::tornado::{
    self, hit_test, layout, required_height, sorted, table_rows, text_alternative, tooltip_lines,
    Tornado, TornadoItem,
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

fn row_labels(svg: &str, data: &Tornado) -> Vec<String> {
    let mut v: Vec<(String, f64)> = texts(svg)
        .into_iter()
        .filter(|t| data.items.iter().any(|it| it.label == t.text))
        .map(|t| (t.text, t.y))
        .collect();
    v.sort_by(|a, b| a.1.total_cmp(&b.1));
    v.into_iter().map(|(l, _)| l).collect()
}

#[test]
fn largest_swing_first() {
    let data = example();
    assert_eq!(sorted(&data), vec![2, 1, 0, 3, 4]);
    let svg = render(720, required_height(&data), |a, t| {
        tornado::draw(a, &data, t)
    });
    assert_eq!(
        row_labels(&svg, &data),
        vec![
            "Runs (retries, sweeps)",
            "Grid intensity (year spread)",
            "PUE",
            "Power draw (% of TDP)",
            "Embodied share"
        ]
    );
}

#[test]
fn bars_straddle_the_central_line_with_values_at_both_ends() {
    let data = example();
    let theme = Theme::light();
    let l = layout(&data, 720.0, 300.0, &theme);
    let cx = l.scale.map(55.0);
    for r in &l.rows {
        let it = &data.items[r.index];
        assert!(r.bar.0 <= cx + 1e-9 && r.bar.1 >= cx - 1e-9, "{}", it.label);
        assert!((r.bar.0 - l.scale.map(it.low.min(it.high))).abs() < 1e-9);
    }
    let svg = render(720, 300, |a, t| tornado::draw(a, &data, t));
    let ts = texts(&svg);
    let central = find_text(&ts, "Central estimate 55 kg").expect("central label");
    assert!(central.bold);
    for v in ["165 kg", "41 kg", "68 kg", "38.5 kg", "60.5 kg", "57.5 kg"] {
        let t = find_text(&ts, v).unwrap_or_else(|| panic!("{v}"));
        let low = v == "41 kg" || v == "38.5 kg";
        assert_eq!(t.x < central.x, low, "{v} on its side of the central line");
    }
    assert!(svg.contains(&format!("fill=\"{}\"", hex(&theme.lower))));
    assert!(svg.contains(&format!("fill=\"{}\"", hex(&theme.higher))));
}

#[test]
fn inverted_cases_and_non_finite_items() {
    let mut data = example();
    // A "low" input value that raises emissions (e.g. a lower utilisation with fixed hours).
    data.items.push(TornadoItem {
        label: "Utilisation".into(),
        low: 70.0,
        high: 45.0,
        low_input: "30 %".into(),
        high_input: "90 %".into(),
    });
    data.items.push(TornadoItem {
        label: "Broken".into(),
        low: f64::NAN,
        high: 1.0,
        ..Default::default()
    });
    assert_eq!(sorted(&data), vec![2, 1, 5, 0, 3, 4]);
    let l = layout(&data, 720.0, 400.0, &Theme::light());
    let r = l
        .rows
        .iter()
        .find(|r| r.index == 5)
        .expect("utilisation row");
    assert!(r.bar.0 < r.bar.1);
    let svg = render(720, 400, |a, t| tornado::draw(a, &data, t));
    assert!(find_text(&texts(&svg), "Broken").is_none());
    assert!(
        text_alternative(&data).contains("Utilisation 70 kg CO₂e at 30 % to 45 kg CO₂e at 90 %")
    );
}

#[test]
fn empty_data_and_tiny_areas() {
    let data = Tornado {
        title: "What matters most".into(),
        central: 10.0,
        items: vec![],
    };
    let svg = render(400, 200, |a, t| tornado::draw(a, &data, t));
    assert!(find_text(&texts(&svg), "No data").is_some());
    assert_eq!(text_alternative(&data), "What matters most: no data.");
    for (w, h) in [(1, 1), (20, 400), (400, 20)] {
        let _ = render(w, h, |a, t| tornado::draw(a, &example(), t));
    }
    let mut nan_central = example();
    nan_central.central = f64::NAN;
    let _ = render(400, 300, |a, t| tornado::draw(a, &nan_central, t));
}

#[test]
fn hit_test_and_table() {
    let data = example();
    let l = layout(&data, 720.0, 300.0, &Theme::light());
    for r in &l.rows {
        assert_eq!(hit_test(&l, 100.0, r.mid()), Some(r.index));
    }
    assert_eq!(hit_test(&l, 100.0, 2.0), None);
    let rows = table_rows(&data);
    assert_eq!(rows[0][0], "Input");
    assert_eq!(
        rows[1],
        vec!["Runs (retries, sweeps)", "1", "55", "3", "165", "110"]
    );
    assert_eq!(rows.len(), 6);
    assert!(text_alternative(&data).starts_with(
        "What matters most: central estimate 55 kg CO₂e; largest effect first: Runs (retries, sweeps) 55 kg CO₂e at 1 to 165 kg CO₂e at 3;"
    ));
}

#[test]
fn dark_theme_uses_its_own_colours() {
    let data = example();
    let dark = Theme::dark().for_svg();
    let svg = render_with(720, 300, &dark, |a, t| tornado::draw(a, &data, t));
    assert!(svg.contains(&format!("fill=\"{}\"", hex(&dark.background))));
    assert!(svg.contains(&format!("fill=\"{}\"", hex(&dark.lower))));
    assert!(!svg.contains(&format!("fill=\"{}\"", hex(&Theme::light().text))));
}

#[test]
fn tooltips_give_both_cases_and_the_swing() {
    let data = example();
    assert_eq!(
        tooltip_lines(&data, 0),
        vec![
            "PUE",
            "Low: 50 kg CO₂e at 1.1",
            "High: 72.5 kg CO₂e at 1.45",
            "Swing: 22.5 kg CO₂e"
        ]
    );
    assert!(tooltip_lines(&data, 9).is_empty());
}
