//! "Import jobs": adds every job of a JSON export (e.g. a comparison exported on another
//! computer) to the saved jobs.

use super::Saved;
use crate::ui::erased::handler;
use crate::ui::export::read_picked_file;
use crate::ui::storage;
use emissions_core::dataset::DATASET_VERSION;
use emissions_core::export::import_jobs;
use leptos::html::Input;
use leptos::prelude::*;

/// A file picker that appends the jobs of a JSON export to the list.
#[component]
pub fn ImportJobs() -> impl IntoView {
    let saved = expect_context::<Saved>();
    let file = NodeRef::<Input>::new();
    let (error, set_error) = signal(None::<String>);
    let add = move |text: String| match import_jobs(&text) {
        Ok(jobs) => {
            set_error.set(None);
            let count = jobs.len();
            saved.change(
                Some(format!(
                    "Imported {count} job{}.",
                    if count == 1 { "" } else { "s" }
                )),
                |s| {
                    for (name, inputs) in jobs {
                        s.save(&name, inputs, storage::now_ms(), DATASET_VERSION);
                    }
                },
            );
        }
        Err(e) => set_error.set(Some(format!("Cannot import: {e}."))),
    };
    let on_change = move |_| {
        if let Some(input) = file.get_untracked() {
            read_picked_file(&input, move |r| match r {
                Ok(text) => add(text),
                Err(e) => set_error.set(Some(format!("Cannot read the file: {e}."))),
            });
            // Allow picking the same file again.
            input.set_value("");
        }
    };
    view! {
        <p class="import-jobs">
            <label>
                "Import jobs from a JSON export: "
                <input
                    type="file"
                    accept=".json,application/json"
                    data-testid="import-jobs"
                    node_ref=file
                    on:change=handler(Box::new(on_change))
                />
            </label>
        </p>
        {move || error.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> }).into_any()}
    }
}
