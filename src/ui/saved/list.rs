//! The list of saved jobs: open, rename, duplicate, delete, and tick for comparison.

use super::Saved;
use crate::platform::storage;
use crate::ui::erased::{effect, handler, live, CollectAny, ShowIf};
use crate::ui::state::CalcState;
use emissions_core::dataset::DATASET_VERSION;
use emissions_core::model::{ComputeInput, DurationInput, Inputs, LocationInput};
use emissions_core::number;
use emissions_core::persist::{JobId, SavedJob};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A one-line summary of raw inputs, e.g. "8 × a100-sxm4-80gb · 24 h × 1 · aws us-east-1".
fn summary(inputs: &Inputs) -> String {
    let compute = match &inputs.compute {
        ComputeInput::Hardware { id, devices } => format!("{} × {id}", number::shortest(*devices)),
        ComputeInput::Instance { id, count } => format!("{} × {id}", number::shortest(*count)),
    };
    let duration = match &inputs.duration {
        DurationInput::Hours { hours } => format!("{} h", number::shortest(*hours)),
        DurationInput::Flops { flops, .. } => format!("{} FLOPs", number::scientific(*flops)),
        DurationInput::Training {
            parameters, tokens, ..
        } => format!(
            "{} params × {} tokens",
            number::scientific(*parameters),
            number::scientific(*tokens)
        ),
    };
    let location = match &inputs.location {
        LocationInput::Cloud { provider, region } => format!("{provider} {region}"),
        LocationInput::Zone { zone, .. } => format!("grid {zone}"),
        LocationInput::Custom { intensity, .. } => {
            format!("{} gCO₂e/kWh", number::shortest(*intensity))
        }
    };
    format!(
        "{compute} · {duration} × {} · {location}",
        number::shortest(inputs.runs)
    )
}

/// Moves the keyboard focus to the control `testid` of the saved job `id` once the list has been
/// rebuilt (see [`focus_after_rebuild`]).
pub(super) fn focus_job_control(id: JobId, testid: &str) {
    focus_after_rebuild(format!("[data-job-id='{id}'] [data-testid={testid}]"));
}

/// Moves the keyboard focus to the element matching `selector` once the list has been rebuilt
/// (the rebuild runs after the event handler that changed the jobs, before the next task).
fn focus_after_rebuild(selector: String) {
    set_timeout(
        move || {
            let found = document().query_selector(&selector).ok().flatten();
            if let Some(el) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = el.focus();
            }
        },
        std::time::Duration::ZERO,
    );
}

/// The list.
///
/// Design note: the rows are rebuilt whenever the jobs change (a keyed `<For>` cost 4 KB of
/// gzip in the download for lists of a few dozen rows); the buttons that change the list then
/// put the focus back where it was ([`focus_after_rebuild`]), so keyboard users keep their place.
#[component]
pub fn JobList() -> impl IntoView {
    let saved = expect_context::<Saved>();
    let rows = move || {
        saved.jobs.with(|s| {
            s.jobs
                .iter()
                .map(|job| view! { <JobRow job=job.clone()/> })
                .collect_any()
        })
    };
    view! {
        <ShowIf
            when=move || saved.jobs.with(|s| !s.jobs.is_empty())
            fallback=|| view! { <p class="saved-empty">"No saved jobs yet."</p> }
        >
            <ul class="saved-list" data-testid="saved-list">{move || rows().into_any()}</ul>
        </ShowIf>
    }
}

/// One saved job.
#[component]
fn JobRow(job: SavedJob) -> impl IntoView {
    let saved = expect_context::<Saved>();
    let state = expect_context::<CalcState>();
    let id: JobId = job.id;
    let (editing, set_editing) = signal(false);
    let (draft, set_draft) = signal(job.name.clone());
    let rename_input = NodeRef::<leptos::html::Input>::new();
    // Moves the keyboard focus into the rename field when it appears (DOM only, no signal write).
    effect(move || {
        if let Some(input) = rename_input.get() {
            let _ = input.focus();
            input.select();
        }
    });
    let name = job.name.clone();
    let inputs = job.inputs.clone();
    let open_name = name.clone();
    let open = move |_| {
        saved.undo.set(None);
        state.replace(inputs.clone());
        saved
            .message
            .set(Some(format!("Opened “{open_name}” in the calculator.")));
    };
    // Closes the rename field, the focus back on Rename.
    let close_rename = move || {
        set_editing.set(false);
        focus_job_control(id, "rename-job");
    };
    let commit_rename = move || {
        let new_name = draft.get_untracked();
        saved.change(None, |s| {
            s.rename(id, &new_name);
        });
        close_rename();
    };
    let duplicate = move |_| {
        saved.change(None, |s| {
            s.duplicate(id, storage::now_ms());
        });
        focus_job_control(id, "duplicate-job");
    };
    let checked = move || saved.selected.with(|s| s.contains(&id));
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        saved.selected.update(|s| {
            s.retain(|x| *x != id);
            if on {
                s.push(id);
            }
        });
    };
    let old_data = (!job.dataset_version.is_empty() && job.dataset_version != DATASET_VERSION)
        .then(|| {
            format!(
                " · saved with dataset {}; figures use {DATASET_VERSION}",
                job.dataset_version
            )
        });
    let checkbox_label = format!("Compare “{name}”");
    let shown_name = name.clone();
    view! {
        <li class="saved-job" data-testid="saved-job" data-job-id=id.to_string()>
            <input type="checkbox" aria-label=checkbox_label prop:checked=live(checked) on:change=handler(toggle) data-testid="compare-check"/>
            <div class="saved-job-main">
                <ShowIf
                    when=editing
                    fallback=move || view! { <span class="saved-job-name" data-testid="saved-job-name">{shown_name.clone()}</span> }
                >
                    <form class="rename" on:submit=handler(move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); commit_rename(); })>
                        <input
                            type="text"
                            maxlength="120"
                            aria-label="New name"
                            data-testid="rename-input"
                            node_ref=rename_input
                            on:keydown=handler(move |ev: leptos::ev::KeyboardEvent| {
                                if ev.key() == "Escape" {
                                    close_rename();
                                }
                            })
                            prop:value=live(move || draft.get())
                            on:input=handler(move |ev| set_draft.set(event_target_value(&ev)))
                        />
                        <button type="submit">"Save name"</button>
                        <button type="button" on:click=handler(move |_| close_rename())>"Cancel"</button>
                    </form>
                </ShowIf>
                <small class="saved-job-meta">{summary(&job.inputs)}{old_data}</small>
            </div>
            <div class="saved-job-actions">
                <button type="button" data-testid="open-job" on:click=handler(open)>"Open"</button>
                <button type="button" data-testid="rename-job" on:click=handler(move |_| { set_draft.set(name.clone()); set_editing.set(true); })>"Rename"</button>
                <button type="button" data-testid="duplicate-job" on:click=handler(duplicate)>"Duplicate"</button>
                <button
                    type="button"
                    data-testid="delete-job"
                    on:click=handler(move |_| {
                        saved.delete(id);
                        focus_after_rebuild("[data-testid=undo-delete]".into());
                    })
                >
                    "Delete"
                </button>
            </div>
        </li>
    }
}
