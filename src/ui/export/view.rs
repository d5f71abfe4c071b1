//! The export box: a format choice, the text, Copy and Download. Shared by the current estimate
//! and the saved-job comparison.

use crate::platform::address_bar::page_url;
use crate::platform::clipboard::copy_text;
use crate::platform::files::download_text;
use crate::ui::erased::{handler, live, CollectAny, ShowIf};
use emissions_core::export::{
    bibtex, csv, json, latex, markdown, model_card, ExportContext, ExportItem, TrainingType,
};
use leptos::html::Textarea;
use leptos::prelude::*;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// LaTeX paragraph.
    Latex,
    /// BibTeX entries.
    Bibtex,
    /// Markdown.
    Markdown,
    /// Hugging Face model-card metadata.
    ModelCard,
    /// JSON document.
    Json,
    /// CSV.
    Csv,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Format; 6] = [
        Format::Latex,
        Format::Bibtex,
        Format::Markdown,
        Format::ModelCard,
        Format::Json,
        Format::Csv,
    ];

    /// Menu label.
    pub fn label(self) -> &'static str {
        match self {
            Format::Latex => "LaTeX",
            Format::Bibtex => "BibTeX",
            Format::Markdown => "Markdown",
            Format::ModelCard => "Model card (Hugging Face)",
            Format::Json => "JSON",
            Format::Csv => "CSV",
        }
    }

    /// Value of the `<option>`.
    pub fn key(self) -> &'static str {
        match self {
            Format::Latex => "latex",
            Format::Bibtex => "bibtex",
            Format::Markdown => "markdown",
            Format::ModelCard => "model-card",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }

    /// File extension and MIME type of a download.
    pub fn file(self) -> (&'static str, &'static str) {
        match self {
            Format::Latex => ("tex", "application/x-tex"),
            Format::Bibtex => ("bib", "application/x-bibtex"),
            Format::Markdown => ("md", "text/markdown"),
            Format::ModelCard => ("yaml", "application/yaml"),
            Format::Json => ("json", "application/json"),
            Format::Csv => ("csv", "text/csv"),
        }
    }

    /// The text of `ctx` in this format.
    pub fn render(self, ctx: &ExportContext) -> String {
        match self {
            Format::Latex => latex(ctx),
            Format::Bibtex => bibtex(ctx),
            Format::Markdown => markdown(ctx),
            Format::ModelCard => model_card(ctx),
            Format::Json => json(ctx),
            Format::Csv => csv(ctx),
        }
    }
}

/// `(value, label)` of every format's `<option>`, in menu order.
fn format_choices() -> Vec<(&'static str, &'static str)> {
    Format::ALL
        .into_iter()
        .map(|f| (f.key(), f.label()))
        .collect()
}

/// `(value, label)` of every training type's `<option>`.
fn training_choices() -> Vec<(&'static str, &'static str)> {
    TrainingType::ALL
        .into_iter()
        .map(|t| (t.as_str(), t.as_str()))
        .collect()
}

/// The `<option>`s of `choices`, the one at index `current` selected. Both selects of the box
/// use this one function (and hold their choice as an index), so their views share one type.
fn options(
    choices: Vec<(&'static str, &'static str)>,
    current: ReadSignal<usize>,
) -> impl IntoView {
    choices
        .into_iter()
        .enumerate()
        .map(move |(i, (value, label))| {
            view! { <option value=value selected=live(move || current.get() == i)>{label}</option> }
        })
        .collect_any()
}

/// A `change` handler that sets `set` to the index of the chosen value in `choices`.
fn pick(
    choices: Vec<(&'static str, &'static str)>,
    set: WriteSignal<usize>,
) -> impl Fn(leptos::ev::Event) + 'static {
    move |ev| {
        let v = event_target_value(&ev);
        if let Some(i) = choices.iter().position(|(value, _)| *value == v) {
            set.set(i);
        }
    }
}

/// The export box for `items` (empty = nothing to export). `id` prefixes element ids and test
/// ids; `stem` names downloaded files.
#[component]
pub fn ExportView(
    /// The jobs to export.
    #[prop(into)]
    items: Signal<Vec<ExportItem>>,
    /// Unique prefix for ids (e.g. `export` or `compare-export`).
    id: &'static str,
    /// Downloaded file name without extension.
    stem: &'static str,
) -> impl IntoView {
    // Indexes into `Format::ALL` and `TrainingType::ALL` (LaTeX and pre-training first).
    let (format, set_format) = signal(0usize);
    let (training, set_training) = signal(0usize);
    let chosen = move || {
        Format::ALL
            .get(format.get())
            .copied()
            .unwrap_or(Format::Latex)
    };
    let (status, set_status) = signal(None::<String>);
    let area = NodeRef::<Textarea>::new();
    let text = Memo::new(move |_| {
        items.with(|items| {
            if items.is_empty() {
                return String::new();
            }
            let training = TrainingType::ALL
                .get(training.get())
                .copied()
                .unwrap_or_default();
            let mut ctx = ExportContext::new(items.clone(), training);
            ctx.tool_url = page_url();
            chosen().render(&ctx)
        })
    });
    let copy = move |_| {
        set_status.set(None);
        copy_text(text.get_untracked(), move |result| match result {
            Ok(()) => set_status.set(Some("Copied to the clipboard.".into())),
            Err(_) => {
                // Fallback: select the text so the person can copy it with the keyboard.
                if let Some(el) = area.get_untracked() {
                    let _ = el.focus();
                    el.select();
                }
                set_status.set(Some(
                    "The clipboard is not available: the text is selected, press Ctrl+C (⌘C) to copy it.".into(),
                ));
            }
        });
    };
    let download = move |_| {
        let (ext, mime) = chosen().file();
        let name = format!("{stem}.{ext}");
        set_status.set(Some(
            match download_text(&name, mime, &text.get_untracked()) {
                Ok(()) => format!("Downloading {name}."),
                Err(e) => format!("The download failed: {e}"),
            },
        ));
    };
    let empty = move || text.with(String::is_empty);
    let format_id = format!("{id}-format");
    let training_id = format!("{id}-training");
    view! {
        <div class="export-view">
            <div class="export-controls">
                <label for=format_id.clone()>"Format"</label>
                <select id=format_id data-testid=format!("{id}-format") on:change=handler(pick(format_choices(), set_format))>
                    {options(format_choices(), format)}
                </select>
                <ShowIf when=move || chosen() == Format::ModelCard>
                    <label for=training_id.clone()>"Training type"</label>
                    <select id=training_id.clone() on:change=handler(pick(training_choices(), set_training))>
                        {options(training_choices(), training)}
                    </select>
                </ShowIf>
            </div>
            <textarea
                node_ref=area
                readonly
                rows="10"
                class="export-text"
                aria-label="Export text"
                data-testid=format!("{id}-text")
                prop:value=live(move || text.get())
            ></textarea>
            <div class="export-actions">
                <button type="button" on:click=handler(copy) disabled=live(empty)>"Copy"</button>
                <button type="button" on:click=handler(download) disabled=live(empty)>"Download"</button>
                <span role="status" class="export-status">{move || status.get().into_any()}</span>
            </div>
        </div>
    }
}
