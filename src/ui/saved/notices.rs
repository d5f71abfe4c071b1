//! Storage notices: no persistent storage, unreadable data kept aside, failed writes (of the jobs
//! and of the draft, each cleared by its next successful write).

use crate::platform::files::download_text;
use crate::platform::storage;
use crate::ui::erased::{handler, CollectAny, ShowIf};
use leptos::prelude::*;

/// The notices; empty when all is well.
#[component]
pub fn StorageNotices() -> impl IntoView {
    let status = storage::status();
    let quarantined = status.quarantined.clone();
    let write_error = status.write_error.clone();
    let draft_error = status.draft_error.clone();
    // Kept payloads from this visit or an earlier one (re-read when the list changes).
    let kept = {
        let q = quarantined.clone();
        move || {
            q.track();
            storage::quarantined_payloads()
        }
    };
    let (export_status, set_export_status) = signal(None::<String>);
    let export = move |_| {
        let payloads = storage::quarantined_payloads();
        let text = payloads
            .iter()
            .map(|(key, value)| format!("--- {key} ---\n{value}\n"))
            .collect::<String>();
        set_export_status.set(
            download_text("mlcalc-unreadable-data.txt", "text/plain", &text)
                .err()
                .map(|e| format!("The download failed: {e}")),
        );
    };
    let kept_for_view = kept.clone();
    view! {
        {(!status.persistent).then(|| view! {
            <p class="notice" role="status" data-testid="storage-unavailable">
                "Storage unavailable: your jobs last until you close the tab. Export them to keep them."
            </p>
        }.into_any())}
        {move || write_error.get().map(|e| view! {
            <p class="notice error" role="alert" data-testid="storage-write-error">{e}</p>
        }).into_any()}
        {move || draft_error.get().map(|e| view! {
            <p class="notice error" role="alert" data-testid="draft-write-error">{e}</p>
        }).into_any()}
        <ShowIf when=move || !kept_for_view().is_empty()>
            <div class="notice warning" role="alert" data-testid="quarantine-notice">
                <p>
                    {
                        let kept = kept.clone();
                        move || format!(
                            "Some saved data could not be read and was kept aside ({} item{}), untouched.",
                            kept().len(),
                            if kept().len() == 1 { "" } else { "s" },
                        )
                    }
                </p>
                <ul>
                    {
                        let q = quarantined.clone();
                        move || q.get().into_iter().map(|item| view! {
                            <li>{format!("{}: {}", item.from, item.reason)}</li>
                        }).collect_any()
                    }
                </ul>
                <button type="button" data-testid="export-unreadable" on:click=handler(export)>
                    "Export unreadable data"
                </button>
                " "
                <button type="button" on:click=handler(move |_| storage::discard_quarantine())>
                    "Discard it"
                </button>
                {move || export_status.get().into_any()}
            </div>
        </ShowIf>
    }
}
