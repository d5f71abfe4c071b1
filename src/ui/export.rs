//! Exports of the current estimate: LaTeX, BibTeX, Markdown, model card, JSON, CSV.

use leptos::prelude::*;

/// The export panel.
#[component]
pub fn ExportPanel() -> impl IntoView {
    view! { <section class="export" aria-label="Export"></section> }
}
