//! "Import JSON": paste or pick a JSON export (or bare inputs) and open it in the form.

use super::browser::read_picked_file;
use crate::ui::erased::{handler, live};
use crate::ui::state::CalcState;
use emissions_core::export::import_jobs;
use leptos::html::Input;
use leptos::prelude::*;

/// Paste box and file picker that set the calculator inputs from a JSON export.
#[component]
pub fn ImportJson() -> impl IntoView {
    let state = expect_context::<CalcState>();
    let (pasted, set_pasted) = signal(String::new());
    let (outcome, set_outcome) = signal(None::<Result<String, String>>);
    let file = NodeRef::<Input>::new();
    let apply = move |text: &str| {
        set_outcome.set(Some(match import_jobs(text) {
            Ok(jobs) => {
                let count = jobs.len();
                let first = jobs.into_iter().next();
                match first {
                    Some((_, inputs)) => {
                        state.replace(inputs);
                        Ok(if count > 1 {
                            format!("Imported the first of {count} jobs into the form.")
                        } else {
                            "Imported into the form.".to_string()
                        })
                    }
                    None => Err("The file contains no job.".to_string()),
                }
            }
            Err(e) => Err(format!("Cannot import: {e}.")),
        }));
    };
    let on_file = move |_| {
        if let Some(input) = file.get_untracked() {
            read_picked_file(&input, move |r| match r {
                Ok(text) => apply(&text),
                Err(e) => set_outcome.set(Some(Err(format!("Cannot read the file: {e}.")))),
            });
        }
    };
    view! {
        <details class="import-json">
            <summary>"Import JSON"</summary>
            <label for="import-json-text">"Paste a JSON export (or calculator inputs)"</label>
            <textarea
                id="import-json-text"
                rows="4"
                data-testid="import-json-text"
                prop:value=live(move || pasted.get())
                on:input=handler(Box::new(move |ev| set_pasted.set(event_target_value(&ev))))
            ></textarea>
            <div class="export-actions">
                <button type="button" data-testid="import-json" on:click=handler(Box::new(move |_| apply(&pasted.get_untracked())))>"Import"</button>
                <label class="file-pick">
                    "or choose a file: "
                    <input type="file" accept=".json,application/json" node_ref=file on:change=handler(Box::new(on_file))/>
                </label>
            </div>
            {move || outcome.get().map(|o| match o {
                Ok(msg) => view! { <p role="status" data-testid="import-status">{msg}</p> }.into_any(),
                Err(msg) => view! { <p role="alert" class="error" data-testid="import-status">{msg}</p> }.into_any(),
            }).into_any()}
        </details>
    }
}
