//! Comparison charts (issue 6): the same job across regions, across hardware, and what matters
//! most, drawn with plotters into canvases.
//!
//! Design note: the drawing lives in `emissions_core::charts` (pure, natively tested); this module
//! is glue. Chart inputs are `Memo`s of the model's outputs ([`data`]), so a chart repaints only
//! when its own input changed, and each canvas has exactly one painting effect ([`canvas`]).

pub mod canvas;
pub mod data;
pub mod env;
pub mod figure;
pub mod kinds;
pub mod regions;

use crate::ui::state::{factors, CalcState};
use data::{hardware_view, tornado_view};
use emissions_core::charts::hardware_bars::HardwareBars;
use emissions_core::charts::tornado::Tornado;
use emissions_core::model::ComputeInput;
use figure::ChartFigure;
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
    let dark = env::use_dark_theme();

    let hardware = Memo::new(move |_| {
        state
            .alternatives
            .with(|a| a.as_ref().map(|a| hardware_view(a)))
            .unwrap_or_default()
    });
    let hardware_chart = Memo::new(move |_| hardware.with(|h| h.0.clone()));
    let hardware_note = Signal::derive(move || {
        state
            .alternatives
            .with(|a| a.as_ref().map(|a| a.hardware_basis.to_string()))
            .unwrap_or_default()
    });
    let select_hardware = Callback::new(move |i: usize| {
        let Some(id) = hardware.with_untracked(|h| h.1.get(i).cloned()) else {
            return;
        };
        let devices = state
            .outcome
            .with_untracked(|o| o.job.as_ref().map(|j| f64::from(j.devices)));
        if let Some(devices) = devices {
            state
                .inputs
                .update(|inputs| inputs.compute = ComputeInput::Hardware { id, devices });
        }
    });

    let tornado = Memo::new(move |_| {
        state
            .outcome
            .with(|o| o.estimate.as_ref().map(|e| tornado_view(e)))
            .unwrap_or_default()
    });
    view! {
        <section class="comparisons" aria-labelledby="compare-heading">
            <h2 id="compare-heading">"Compare"</h2>
            <p class="comparisons-intro">
                "The same job elsewhere and on other hardware. Hover, tap or use the arrow keys on a chart for details; click or press Enter to switch to that option."
            </p>
            <RegionChart factors dark/>
            <ChartFigure<HardwareBars>
                testid="chart-hardware"
                caption="This job on each accelerator: emissions, energy and wall time"
                note=hardware_note
                data=hardware_chart
                dark
                on_select=select_hardware
                select_hint="use this accelerator"
                frame_class="chart-scroll"
            />
            <ChartFigure<Tornado>
                testid="chart-tornado"
                caption="What matters most: emissions with each uncertain input at its low and high value"
                data=tornado
                dark
            />
        </section>
    }
    .into_any()
}
