//! Methodology & limitations: what is approximated, how the range is computed, data and sources.

use crate::ui::erased::CollectAny;
use crate::ui::state::CalcState;
use emissions_core::dataset::DATASET_VERSION;
use leptos::prelude::*;

/// The methodology section.
#[component]
pub fn Methodology() -> impl IntoView {
    let state = expect_context::<CalcState>();
    let ds = state.factors.dataset();
    let sources = ds
        .sources
        .iter()
        .map(|s| {
            view! {
                <li>
                    <a href=s.url.clone() rel="noopener noreferrer">{s.name.clone()}</a>
                    {format!(" — {}, licence {}", s.year, s.licence)}
                </li>
            }
        })
        .collect_any();
    view! {
        <section class="method card" aria-labelledby="method-heading">
            <h2 id="method-heading">"Methodology & limitations"</h2>
            <p>
                "Emissions = devices × power per device × hours × runs (+ host CPU and memory) × PUE × grid \
                 carbon intensity. With one device, 100 % utilization and PUE 1 this is the calculator of \
                 Lacoste et al. (2019); CPU and memory follow Green Algorithms."
            </p>
            <ul>
                <li><strong>"Power is approximated"</strong>" by TDP × utilization unless you enter a measured draw; real draw is often 60–100 % of TDP."</li>
                <li><strong>"Intensity is an annual average"</strong>" (life-cycle where available), not the marginal or hourly intensity of the hour the job ran."</li>
                <li><strong>"No embodied carbon yet"</strong>": manufacturing the hardware and building the data centre are not counted."</li>
                <li><strong>"The range"</strong>" propagates intervals: power draw 60–100 % of TDP (or ±10 % of a measured draw), the provider's or the industry's PUE range, and the grid intensity's low–high range; low and high combine the ends of every interval."</li>
                <li><strong>"Market-based"</strong>" figures rely on the operator's renewable-energy and offset claims; they are shown apart and never replace the location-based figure."</li>
            </ul>
            <p>{format!("Dataset version {DATASET_VERSION} ({}). {}", ds.meta.version, ds.meta.basis)}</p>
            <details class="sources">
                <summary>{format!("All {} sources", ds.sources.len())}</summary>
                <ul>{sources}</ul>
            </details>
        </section>
    }
}
