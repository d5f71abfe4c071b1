//! The formula trace: every step with its numbers, and the sources of each factor one click away.

use crate::ui::state::CalcState;
use emissions_core::dataset::Dataset;
use leptos::prelude::*;

/// The sources of a step as a list of links (name, year, licence).
fn source_list(ds: &'static Dataset, ids: &[String]) -> impl IntoView {
    ids.iter()
        .map(|id| match ds.source(id) {
            Some(s) => view! {
                <li>
                    <a href=s.url.clone() rel="noopener noreferrer">{s.name.clone()}</a>
                    {format!(" ({}, licence {})", s.year, s.licence)}
                </li>
            }
            .into_any(),
            None => view! { <li>{format!("source \"{id}\"")}</li> }.into_any(),
        })
        .collect_view()
}

/// The formula trace section.
#[component]
pub fn FormulaTrace() -> impl IntoView {
    let state = expect_context::<CalcState>();
    let ds = state.factors.dataset();
    let trace = Memo::new(move |_| {
        state
            .outcome
            .with(|o| o.estimate.as_ref().map(|e| e.trace.clone()))
    });
    view! {
        <section class="trace card" aria-labelledby="trace-heading">
            <h2 id="trace-heading">"How this was computed"</h2>
            {move || {
                trace
                    .get()
                    .map(|t| {
                        view! {
                            <p class="trace-summary" data-testid="trace-summary"><code>{t.summary.clone()}</code></p>
                            <ol class="trace-steps">
                                {t
                                    .steps
                                    .into_iter()
                                    .map(|s| {
                                        let has_sources = !s.sources.is_empty();
                                        view! {
                                            <li>
                                                <span class="step-label">{s.label.clone()}</span>
                                                <code class="step-expr">{format!("{} = {}", s.expression, s.result)}</code>
                                                {has_sources
                                                    .then(|| {
                                                        view! {
                                                            <details class="sources">
                                                                <summary>{format!("Sources ({})", s.sources.len())}</summary>
                                                                <ul>{source_list(ds, &s.sources)}</ul>
                                                            </details>
                                                        }
                                                    })}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ol>
                        }
                    })
            }}
        </section>
    }
}
