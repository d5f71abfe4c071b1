//! Comparison charts (regions, hardware, sensitivity) drawn with plotters into canvases.

use crate::ui::state::CalcState;
use leptos::prelude::*;

/// The comparison section: the same job across regions, across hardware, and what matters most.
#[component]
pub fn Comparisons() -> impl IntoView {
    let state = expect_context::<CalcState>();
    let count = move || {
        state
            .alternatives
            .with(|a| a.as_ref().map_or(0, |a| a.regions.len()))
    };
    view! {
        <section class="comparisons" aria-labelledby="compare-heading">
            <h2 id="compare-heading">"Compare"</h2>
            <p>{move || format!("The same job in {} cloud regions.", count())}</p>
        </section>
    }
}
