//! The comparison chart: saved jobs as neutral labelled bars (the region chart reused).

use crate::ui::erased::{effect, live};
use emissions_core::charts::region_bars::{self, RegionBar, RegionBars};
use emissions_core::charts::Theme;
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;

/// Bars of (job name, kgCO₂e): no intensity band, so the chart draws them in its neutral colour.
pub fn bars(jobs: &[(String, f64)]) -> RegionBars {
    RegionBars {
        title: "Saved jobs, location-based emissions".into(),
        bars: jobs
            .iter()
            .map(|(label, value)| RegionBar {
                label: label.clone(),
                value: *value,
                intensity: f64::NAN,
                saving_pct: f64::NAN,
            })
            .collect(),
        unit_label: "kg CO₂e".into(),
        label_header: "Saved job".into(),
        item_noun: "jobs".into(),
        highlighted: None,
        max_rows: 0,
    }
}

fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// A canvas drawing `data`; the text alternative is its accessible name.
#[component]
pub fn CompareChart(
    /// The bars.
    #[prop(into)]
    data: Signal<RegionBars>,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    // Synchronises the canvas (outside the reactive system) with the data; writes no signal.
    effect(move || {
        let Some(el) = canvas.get() else {
            return;
        };
        data.with(|data| {
            let dpr = web_sys::window()
                .map_or(1.0, |w| w.device_pixel_ratio())
                .max(1.0);
            let base = if prefers_dark() {
                Theme::dark()
            } else {
                Theme::light()
            };
            let width = f64::from(el.client_width().max(280));
            let height = f64::from(region_bars::required_height(data, width, &base));
            // CSSOM, not a style attribute: the CSP blocks inline style attributes.
            let _ = web_sys::HtmlElement::style(&el).set_property(
                "height",
                &format!("{}px", emissions_core::number::shortest(height)),
            );
            el.set_width((width * dpr).round() as u32);
            el.set_height((height * dpr).round() as u32);
            let theme = base.with_scale(dpr);
            match crate::ui::charts::backend::FastCanvas::new(el.clone()) {
                Some(backend) => {
                    if let Err(e) = region_bars::draw(&backend.into_drawing_area(), data, &theme) {
                        web_sys::console::warn_1(&e.to_string().into());
                    }
                }
                None => web_sys::console::warn_1(&"mlcalc: no 2D canvas context".into()),
            }
        });
    });
    view! {
        <canvas
            node_ref=canvas
            class="compare-chart"
            role="img"
            aria-label=live(move || data.with(region_bars::text_alternative))
        ></canvas>
    }
}
