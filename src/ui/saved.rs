//! Saved jobs: save, list, rename, duplicate, delete (with undo), reopen and compare.

use leptos::prelude::*;

/// The saved-jobs panel.
#[component]
pub fn SavedJobs() -> impl IntoView {
    view! { <section class="saved-jobs" aria-label="Saved jobs"></section> }
}
