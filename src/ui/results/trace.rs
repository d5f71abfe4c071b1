//! The formula trace: every step with its numbers, and the sources of each factor one click away.

use crate::ui::erased::CollectAny;
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
///
/// Design note: the step list is rebuilt only when its shape (the labels and sources of the
/// steps) changes, e.g. when a CPU or a workload in FLOPs adds steps; an ordinary input change
/// only rewrites the summary and each step's numbers in place. Rebuilding it on every change cost
/// about 60 new elements per keystroke, and closed any "Sources" the person had opened.
#[component]
pub fn FormulaTrace() -> impl IntoView {
    let state = expect_context::<CalcState>();
    let ds = state.factors.dataset();
    let trace = Memo::new(move |_| {
        state
            .outcome
            .with(|o| o.estimate.as_ref().map(|e| e.trace.clone()))
    });
    // The shape as one string (labels and source ids), so that the memo shares the compiled
    // code of the app's other `Memo<String>`s.
    let shape = Memo::new(move |_| {
        trace.with(|t| {
            // A trace with no steps differs from none.
            let mut shape = String::from(if t.is_some() { "\u{1d}" } else { "" });
            for s in t.iter().flat_map(|t| &t.steps) {
                shape.push_str(&s.label);
                for id in &s.sources {
                    shape.push('\u{1f}');
                    shape.push_str(id);
                }
                shape.push('\u{1e}');
            }
            shape
        })
    });
    let summary = move || trace.with(|t| t.as_ref().map(|t| t.summary.clone()));
    // The numbers of step `i` of the current trace.
    let expression = move |i: usize| {
        move || {
            trace.with(|t| {
                (t.as_ref().and_then(|t| t.steps.get(i)))
                    .map(|s| format!("{} = {}", s.expression, s.result))
            })
        }
    };
    view! {
        <section class="trace card" aria-labelledby="trace-heading">
            <h2 id="trace-heading">"How this was computed"</h2>
            {move || {
                shape.track();
                trace.with_untracked(|t| {
                    t.as_ref().map(|t| {
                        view! {
                            <p class="trace-summary" data-testid="trace-summary"><code>{move || summary().into_any()}</code></p>
                            <ol class="trace-steps">
                                {t
                                    .steps
                                    .iter()
                                    .enumerate()
                                    .map(|(i, s)| {
                                        view! {
                                            <li>
                                                <span class="step-label">{s.label.clone()}</span>
                                                <code class="step-expr">{expression(i)}</code>
                                                {(!s.sources.is_empty())
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
                                    .collect_any()}
                            </ol>
                        }
                    })
                })
            }.into_any()}
        </section>
    }
}
