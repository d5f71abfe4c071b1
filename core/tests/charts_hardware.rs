//! Native tests of the hardware comparison chart, rendered to SVG.

mod charts_util;

use charts_util::{find_text, hex, render, render_with, snapshot, texts};
use emissions_core::charts::hardware_bars::{
    self, hit_test, layout, required_height, table_rows, text_alternative, HardwareBars,
    HardwareRow, CAPTION_SAME_HOURS, CAPTION_SCALED,
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
            }
        })
        .collect();
    HardwareBars {
        title: "This job on each accelerator".into(),
        rows,
        highlighted: Some(0),
        runtime_scaled: scaled,
    }
}

#[test]
fn snapshot_light_dark_phone() {
    let data = devices(true);
    let h = required_height(&data);
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
    snapshot(
        "hardware_bars_phone_same_hours",
        &render(360, h, |a, t| hardware_bars::draw(a, &same, t)),
    );
}
