//! Comparison charts (issue 6): the same job across regions, across hardware, and what matters
//! most, drawn with plotters into canvases.
//!
//! Design note: the drawing lives in `emissions_core::charts` (pure, natively tested); this module
//! is glue. Chart inputs are `Memo`s of the model's outputs (`emissions_core::charts::views`), so a chart repaints only
//! when its own input changed, and each canvas has exactly one painting effect ([`canvas`]).

pub mod backend;
pub mod canvas;
pub mod figure;
pub mod hardware;
pub mod kinds;
pub mod regions;

use crate::ui::state::{factors, CalcState};
use emissions_core::charts::views::tornado_view;
use figure::ChartFigure;
use hardware::HardwareChart;
use kinds::{ChartData, ChartView};
use leptos::prelude::*;
use regions::RegionChart;

/// The comparison section: the same job across regions, across hardware, and what matters most.
#[component]
pub fn Comparisons() -> impl IntoView {
    let state = expect_context::<CalcState>();
    let Ok(factors) = factors() else {
        return view! { <p class="error">"The comparison charts need the bundled dataset."</p> }
            .into_any();
    };
    let dark = crate::platform::observers::use_dark_theme();

    let tornado = Memo::new(move |_| ChartView {
        chart: state
            .outcome
            .with(|o| o.estimate.as_ref().map(|e| tornado_view(e)))
            .map(ChartData::Tornado)
            .unwrap_or_default(),
        ..ChartView::default()
    });
    view! {
        <section class="comparisons" aria-labelledby="compare-heading">
            <h2 id="compare-heading">"Compare"</h2>
            <p class="comparisons-intro">
                "The same job elsewhere and on other hardware. Hover, tap or use the arrow keys on a chart for details; click or press Enter to switch to that option."
            </p>
            <RegionChart factors dark/>
            <HardwareChart dark/>
            <ChartFigure
                testid="chart-tornado"
                caption="What matters most: emissions with each uncertain input at its low and high value"
                data=tornado
                dark
            />
        </section>
    }
    .into_any()
}
