//! Importing a JSON export (or bare calculator inputs): one component, used where the jobs go:
//! into the form (the export panel) and into the saved jobs (the saved-jobs panel).

use crate::platform::files::read_picked_file;
use crate::ui::erased::{handler, live};
use emissions_core::export::import_jobs;
use emissions_core::model::Inputs;
use leptos::html::Input;
use leptos::prelude::*;

/// The jobs of an import: `(name, inputs)` in file order.
pub type ImportedJobs = Vec<(String, Inputs)>;

/// A file picker, and optionally a paste box, reading a JSON export; `apply` takes its jobs and
/// returns the message to show (`None` when the destination reports it itself) or why not.
#[component]
pub fn JsonImport(
    /// Where the jobs go.
    apply: Callback<ImportedJobs, Result<Option<String>, String>>,
    /// `data-testid` of the file input.
    file_testid: &'static str,
    /// The file input's label.
    file_label: &'static str,
    /// Whether to offer a paste box (with `data-testid` `import-json-text` and its button
    /// `import-json`) besides the file picker.
    #[prop(optional)]
    paste: bool,
) -> impl IntoView {
    let (pasted, set_pasted) = signal(String::new());
    let (outcome, set_outcome) = signal(None::<Result<String, String>>);
    let file = NodeRef::<Input>::new();
    let read = move |text: &str| {
        let result = match import_jobs(text) {
            Ok(jobs) if jobs.is_empty() => Err("The file contains no job.".to_string()),
            Ok(jobs) => apply.run(jobs),
            Err(e) => Err(format!("Cannot import: {e}.")),
        };
        set_outcome.set(result.transpose());
    };
    let on_file = move |_| {
        if let Some(input) = file.get_untracked() {
            read_picked_file(&input, move |r| match r {
                Ok(text) => read(&text),
                Err(e) => set_outcome.set(Some(Err(format!("Cannot read the file: {e}.")))),
            });
            // Allow picking the same file again.
            input.set_value("");
        }
    };
    // Fixed per use, so plain optional views (no reactive switch).
    let paste_box = paste.then(|| {
        view! {
            <label for="import-json-text">"Paste a JSON export (or calculator inputs)"</label>
            <textarea
                id="import-json-text"
                rows="4"
                data-testid="import-json-text"
                prop:value=live(move || pasted.get())
                on:input=handler(move |ev| set_pasted.set(event_target_value(&ev)))
            ></textarea>
        }
        .into_any()
    });
    let paste_button = paste.then(|| {
        view! {
            <button type="button" data-testid="import-json" on:click=handler(move |_| read(&pasted.get_untracked()))>"Import"</button>
        }
        .into_any()
    });
    view! {
        {paste_box}
        <div class="export-actions">
            {paste_button}
            <label class="file-pick">
                {file_label}
                <input type="file" accept=".json,application/json" data-testid=file_testid node_ref=file on:change=handler(on_file)/>
            </label>
        </div>
        {move || outcome.get().map(|o| match o {
            Ok(msg) => view! { <p role="status" data-testid="import-status">{msg}</p> }.into_any(),
            Err(msg) => view! { <p role="alert" class="error" data-testid="import-status">{msg}</p> }.into_any(),
        }).into_any()}
    }
}
