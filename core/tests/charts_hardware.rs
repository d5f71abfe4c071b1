//! Native tests of the hardware comparison chart, rendered to SVG.

mod charts_util;

use charts_util::{find_text, hex, render, render_with, snapshot, texts};
use emissions_core::charts::hardware_bars::{
    self, hit_test, layout, required_height, table_rows, text_alternative, tooltip_lines,
    HardwareBars, HardwareRow, CAPTION_SAME_HOURS, CAPTION_SAME_WORK, CAPTION_SCALED,
};
use emissions_core::charts::Theme;

/// A 1e21-FLOP job at 40 % MFU on devices with (peak dense TFLOP/s, board power W), 380 g/kWh.
const DEVICES: &[(&str, f64, f64)] = &[
    ("NVIDIA A100 SXM 80GB", 312.0, 400.0),
    ("NVIDIA H100 SXM", 989.0, 700.0),
    ("NVIDIA V100 SXM2", 125.0, 300.0),
    ("NVIDIA L4", 121.0, 72.0),
    ("Google TPU v4", 275.0, 192.0),
    ("Google TPU v5e", 197.0, 160.0),
    ("NVIDIA T4", 65.0, 70.0),
    ("AMD Instinct MI250X", 383.0, 560.0),
];

fn devices(scaled: bool) -> HardwareBars {
    let rows = DEVICES
        .iter()
        .map(|&(label, tflops, watts)| {
            let hours = if scaled {
                1e21 / (tflops * 1e12 * 0.4) / 3600.0
            } else {
                300.0
            };
            let energy_kwh = watts * hours / 1000.0 * 1.1;
            HardwareRow {
                label: label.into(),
                emissions_kg: energy_kwh * 0.38,
                energy_kwh,
                hours,
                gflops_per_watt: Some(1000.0 / watts),
                may_not_fit: false,
            }
        })
        .collect();
    HardwareBars {
        title: "This job on each accelerator".into(),
        rows,
        highlighted: Some(0),
        runtime_scaled: scaled,
        same_work: false,
    }
}

#[test]
fn snapshot_light_dark_phone() {
    let data = devices(true);
    let h = required_height(&data, 760.0);
    snapshot(
        "hardware_bars_light",
        &render(760, h, |a, t| hardware_bars::draw(a, &data, t)),
    );
    let dark = Theme::dark().for_svg();
    snapshot(
        "hardware_bars_dark",
        &render_with(760, h, &dark, |a, t| hardware_bars::draw(a, &data, t)),
    );
    let same = devices(false);
    let hp = required_height(&same, 360.0);
    snapshot(
        "hardware_bars_phone_same_hours",
        &render(360, hp, |a, t| hardware_bars::draw(a, &same, t)),
    );
}

fn row_labels(svg: &str, data: &HardwareBars) -> Vec<(String, f64)> {
    let mut v: Vec<(String, f64)> = texts(svg)
        .into_iter()
        .filter(|t| data.rows.iter().any(|r| r.label == t.text))
        .map(|t| (t.text, t.y))
        .collect();
    v.sort_by(|a, b| a.1.total_cmp(&b.1));
    v
}

#[test]
fn caption_follows_the_workload_kind() {
    for (scaled, caption, other) in [
        (true, CAPTION_SCALED, CAPTION_SAME_HOURS),
        (false, CAPTION_SAME_HOURS, CAPTION_SCALED),
    ] {
        let data = devices(scaled);
        let svg = render(760, 320, |a, t| hardware_bars::draw(a, &data, t));
        let ts = texts(&svg);
        assert!(find_text(&ts, caption).is_some(), "{caption}");
        assert!(find_text(&ts, other).is_none());
        assert!(text_alternative(&data).contains(&caption.to_lowercase()));
    }
    let data = HardwareBars {
        same_work: true,
        ..devices(true)
    };
    let svg = render(760, 320, |a, t| hardware_bars::draw(a, &data, t));
    assert!(find_text(&texts(&svg), CAPTION_SAME_WORK).is_some());
}

#[test]
fn three_panels_side_by_side_sorted_by_emissions_with_current_device_highlighted() {
    let data = devices(true);
    let theme = Theme::light();
    let svg = render(760, required_height(&data, 760.0), |a, t| {
        hardware_bars::draw(a, &data, t)
    });
    let ts = texts(&svg);
    let heads: Vec<&charts_util::SvgText> = ["Emissions", "Energy", "Wall time"]
        .iter()
        .filter_map(|h| find_text(&ts, h))
        .collect();
    assert_eq!(heads.len(), 3);
    assert!(heads[0].x < heads[1].x && heads[1].x < heads[2].x && heads[0].y == heads[2].y);
    let labels: Vec<String> = row_labels(&svg, &data)
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    let mut expected = data.rows.clone();
    expected.sort_by(|a, b| a.emissions_kg.total_cmp(&b.emissions_kg));
    let expected: Vec<String> = expected.into_iter().map(|r| r.label).collect();
    assert_eq!(labels, expected);
    assert_eq!(
        svg.matches(&format!("fill=\"{}\"", hex(&theme.highlight_bg)))
            .count(),
        1
    );
    assert_eq!(
        svg.matches(&format!("fill=\"{}\"", hex(&theme.highlight)))
            .count(),
        1
    );
    let bold: Vec<&str> = ts
        .iter()
        .filter(|t| t.bold)
        .map(|t| t.text.as_str())
        .collect();
    assert!(bold.contains(&"NVIDIA A100 SXM 80GB"), "{bold:?}");
    // Each metric value is printed with its unit.
    assert!(
        ts.iter().any(|t| t.text.ends_with(" kWh")) && ts.iter().any(|t| t.text.ends_with(" days"))
    );
}

#[test]
fn phones_stack_the_panels_and_hit_test_every_copy() {
    let data = devices(false);
    let theme = Theme::light();
    let h = required_height(&data, 360.0);
    assert!(h > 2 * required_height(&data, 760.0));
    let l = layout(&data, 360.0, f64::from(h), &theme);
    assert!(l.stacked && l.hidden == 0);
    assert_eq!(l.rows.len(), 3 * data.rows.len());
    assert!(
        l.panels[0].header_y < l.panels[1].header_y && l.panels[1].header_y < l.panels[2].header_y
    );
    for r in &l.rows {
        assert_eq!(hit_test(&l, 200.0, r.mid()), Some(r.index));
    }
    let svg = render(360, h, |a, t| hardware_bars::draw(a, &data, t));
    assert_eq!(
        svg.matches(&format!("fill=\"{}\"", hex(&theme.highlight_bg)))
            .count(),
        3
    );
    let a100 = texts(&svg)
        .iter()
        .filter(|t| t.text.starts_with("NVIDIA A100"))
        .count();
    assert_eq!(a100, 3, "labels repeated per panel");
}

#[test]
fn hit_test_side_by_side_maps_rows_to_devices() {
    let data = devices(true);
    let l = layout(&data, 760.0, 400.0, &Theme::light());
    assert!(!l.stacked);
    assert_eq!(l.rows.len(), data.rows.len());
    for r in &l.rows {
        assert_eq!(
            hit_test(&l, 700.0, r.mid()),
            Some(r.index),
            "any panel selects the device"
        );
    }
    assert_eq!(l.rows[0].index, 3, "NVIDIA L4 is the cleanest");
    assert_eq!(hit_test(&l, 700.0, 1.0), None);
}

#[test]
fn empty_short_and_non_finite_data() {
    let mut data = devices(true);
    data.rows[2].emissions_kg = f64::NAN;
    data.rows[3].hours = f64::INFINITY;
    let svg = render(760, 400, |a, t| hardware_bars::draw(a, &data, t));
    assert!(find_text(&texts(&svg), "NVIDIA V100 SXM2").is_none());
    assert!(
        find_text(&texts(&svg), "n/a").is_some(),
        "non-finite metric printed as n/a"
    );
    // A canvas too short for all rows keeps the current device and says what is missing.
    let l = layout(&data, 760.0, 150.0, &Theme::light());
    assert!(l.hidden > 0 && l.rows.iter().any(|r| r.index == 0));
    data.rows.clear();
    let svg = render(760, 200, |a, t| hardware_bars::draw(a, &data, t));
    assert!(find_text(&texts(&svg), "No data").is_some());
    assert_eq!(
        text_alternative(&data),
        "This job on each accelerator: no data."
    );
    for (w, h) in [(1, 1), (30, 500), (500, 30)] {
        let _ = render(w, h, |a, t| hardware_bars::draw(a, &devices(true), t));
    }
}

#[test]
fn table_and_text_alternative_carry_the_numbers() {
    let data = devices(false);
    let rows = table_rows(&data);
    assert_eq!(
        rows[0],
        vec![
            "Accelerator",
            "Emissions (kg CO₂e)",
            "Energy (kWh)",
            "Wall time (h)",
            "Peak GFLOPS per W"
        ]
    );
    assert_eq!(rows.len(), 9);
    assert_eq!(rows[1], vec!["NVIDIA T4", "8.78", "23.1", "300", "14.3"]);
    assert!(rows
        .iter()
        .any(|r| r[0] == "NVIDIA A100 SXM 80GB (your device)"));
    let alt = text_alternative(&data);
    assert!(
        alt.starts_with("This job on each accelerator: 8 accelerators (same hours"),
        "{alt}"
    );
    assert!(
        alt.contains("Lowest emissions: NVIDIA T4 (8.78 kg CO₂e, 23.1 kWh, 12.5 days)"),
        "{alt}"
    );
    assert!(
        alt.contains("your device NVIDIA A100 SXM 80GB: 50.2 kg CO₂e"),
        "{alt}"
    );
}

#[test]
fn tooltips_name_every_metric() {
    let data = devices(true);
    let t = tooltip_lines(&data, 0);
    assert_eq!(t[0], "NVIDIA A100 SXM 80GB");
    assert!(t[1].starts_with("Emissions: ") && t[1].ends_with(" CO₂e"));
    assert!(t[2].starts_with("Energy: ") && t[3].starts_with("Wall time: "));
    assert_eq!(t.last().map(String::as_str), Some("Your current device"));
    assert!(t[4].starts_with("Peak: "));
    assert_eq!(tooltip_lines(&data, 1).len(), 5);
    assert!(tooltip_lines(&data, 1)[4].ends_with(" GFLOPS per watt"));
    assert!(tooltip_lines(&data, 42).is_empty());
}
