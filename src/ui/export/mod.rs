//! Exports of the current estimate (LaTeX, BibTeX, Markdown, model card, JSON, CSV), the share
//! link, and importing a JSON export back into the form.

mod view;

pub use view::{ExportView, Format};

use crate::platform::address_bar::share_url;
use crate::platform::clipboard::copy_text;
use crate::ui::erased::{handler, ShowIf};
use crate::ui::import::{ImportedJobs, JsonImport};
use crate::ui::state::{factors, CalcState};
use emissions_core::export::ExportItem;
use leptos::prelude::*;

/// The export panel of the current estimate.
#[component]
pub fn ExportPanel() -> impl IntoView {
    let state = expect_context::<CalcState>();
    // Exports need the inputs that produced the estimate: while the form is invalid (stale
    // estimate) there are none, so nothing is offered rather than a mismatched JSON. Derived
    // rather than memoised: it only changes with the outcome (itself a memo), and the export
    // text downstream is a memo, so no update reaches the page twice.
    let items = Signal::derive(move || {
        let Ok(factors) = factors() else {
            return Vec::new();
        };
        state.outcome.with(
            |o| match (&o.job, &o.estimate, o.stale || !o.errors.is_empty()) {
                (Some(job), Some(estimate), false) => vec![ExportItem::new(
                    "Current job",
                    state.inputs.get(),
                    job.clone(),
                    estimate.clone(),
                    factors,
                )],
                _ => Vec::new(),
            },
        )
    });
    let (link_status, set_link_status) = signal(None::<String>);
    let copy_link = move |_| {
        let Some(url) = share_url() else {
            return;
        };
        let shown = url.clone();
        copy_text(url, move |r| {
            set_link_status.set(Some(match r {
                Ok(()) => "Link copied.".to_string(),
                Err(_) => format!("Copy this link: {shown}"),
            }))
        });
    };
    // An import opens its first job in the form.
    let into_form = Callback::new(move |jobs: ImportedJobs| {
        let count = jobs.len();
        let (_, inputs) = jobs.into_iter().next().ok_or("The file contains no job.")?;
        state.replace(inputs);
        Ok(Some(if count > 1 {
            format!("Imported the first of {count} jobs into the form.")
        } else {
            "Imported into the form.".to_string()
        }))
    });
    view! {
        <section class="export" aria-labelledby="export-heading">
            <h2 id="export-heading">"Export and share"</h2>
            <p class="export-share">
                <button type="button" data-testid="copy-share-link" on:click=handler(copy_link)>"Copy share link"</button>
                <span role="status">{move || link_status.get().into_any()}</span>
            </p>
            <ShowIf
                when=move || items.with(|i| !i.is_empty())
                fallback=|| view! { <p class="export-empty">"Fix the inputs above to export an estimate."</p> }
            >
                <ExportView items=items id="export" stem="ml-emissions"/>
            </ShowIf>
            <details class="import-json">
                <summary>"Import JSON"</summary>
                <JsonImport apply=into_form file_testid="import-json-file" file_label="or choose a file: " paste=true/>
            </details>
        </section>
    }
}
