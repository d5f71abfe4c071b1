//! A chart as an accessible figure: caption, optional controls, the canvas and a
//! "show as table" toggle rendering the same numbers as text.

use super::canvas::ChartCanvas;
use super::kinds::{ChartData, ChartView};
use crate::ui::erased::{handler, live, CollectAny};
use leptos::prelude::*;

/// The "show all" toggle of a chart that shows its top N items first.
#[derive(Debug, Clone, Copy)]
pub struct ShowAll {
    /// Test hook of the button, e.g. `"region-show-all"`.
    pub testid: &'static str,
    /// Items shown before "show all".
    pub top_n: usize,
    /// How the top N are chosen, e.g. `"cleanest"` ("Show cleanest 20").
    pub word: &'static str,
    /// Whether every item is shown.
    pub on: RwSignal<bool>,
}

/// A `<figure>` with a caption, controls (`children` then the "show all" toggle), a
/// [`ChartCanvas`] and a table toggle.
#[component]
pub fn ChartFigure(
    /// Stable test hook, e.g. `"chart-regions"`.
    testid: &'static str,
    /// Figure caption.
    caption: &'static str,
    /// The chart's input, with its note and selection targets.
    data: Memo<ChartView>,
    /// Whether the page is dark.
    dark: ReadSignal<bool>,
    /// Called with an item index when the person selects it.
    #[prop(optional)]
    on_select: Option<Callback<usize>>,
    /// What selecting does, e.g. "use this region" (button text in the table).
    #[prop(optional)]
    select_hint: &'static str,
    /// Extra class of the canvas frame.
    #[prop(optional)]
    frame_class: &'static str,
    /// The "show all" toggle; the controls row is shown only with one.
    #[prop(optional)]
    show_all: Option<ShowAll>,
    /// Controls shown before the "show all" toggle.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let (table_open, set_table_open) = signal(false);
    let table_id = format!("{testid}-table");
    let total = move || data.with(|v| v.total);
    view! {
        <figure class="chart" data-testid=testid>
            <figcaption>
                <span class="chart-caption">{caption}</span>
                {move || {
                    data.with(|v| {
                        (!v.note.is_empty())
                            .then(|| view! { <span class="chart-note">{v.note.clone()}</span> }.into_any())
                    })
                }.into_any()}
            </figcaption>
            {show_all
                .map(|s| {
                    view! {
                        <div class="chart-controls">
                            {children.map(|c| c())}
                            <button
                                type="button"
                                data-testid=s.testid
                                aria-pressed=live(move || s.on.get().to_string())
                                disabled=live(move || total() <= s.top_n)
                                on:click=handler(move |_| s.on.update(|o| *o = !*o))
                            >
                                {move || {
                                    if s.on.get() {
                                        format!("Show {} {}", s.word, s.top_n)
                                    } else {
                                        format!("Show all {}", total())
                                    }
                                }.into_any()}
                            </button>
                        </div>
                    }
                })}
            <ChartCanvas data dark on_select select_hint frame_class/>
            <button
                type="button"
                class="chart-table-toggle"
                aria-expanded=live(move || table_open.get().to_string())
                aria-controls=table_id.clone()
                on:click=handler(move |_| set_table_open.update(|o| *o = !*o))
            >
                {move || (if table_open.get() { "Hide table" } else { "Show as table" }).into_any()}
            </button>
            {move || {
                table_open
                    .get()
                    .then(|| view! { <ChartTable id=table_id.clone() data on_select select_hint/> }.into_any())
            }.into_any()}
        </figure>
    }
}

/// The chart's numbers as a `<table>` (text only), with a selection button per row when the
/// chart supports selection.
#[component]
fn ChartTable(
    id: String,
    data: Memo<ChartView>,
    on_select: Option<Callback<usize>>,
    select_hint: &'static str,
) -> impl IntoView {
    view! {
        <div class="chart-table-wrap">
            <table id=id data-testid="chart-table" class="chart-table">
                {move || data.with(|v| table_body(&v.chart, on_select, select_hint)).into_any()}
            </table>
        </div>
    }
}

/// Head and body of the chart table (one pass over the chart's table rows).
fn table_body(
    chart: &ChartData,
    on_select: Option<Callback<usize>>,
    select_hint: &'static str,
) -> impl IntoView {
    let mut rows = chart.table().into_iter();
    let header = rows.next().unwrap_or_default();
    let select_col = on_select
        .is_some()
        .then(|| view! { <th scope="col">"Select"</th> }.into_any());
    let body = rows
        .zip(chart.table_order())
        .map(|(cells, index)| {
            let mut cells = cells.into_iter();
            let first = cells.next().unwrap_or_default();
            let is_current = first.ends_with("(your choice)") || first.ends_with("(your device)");
            let button = on_select.map(|cb| {
                // The accessible name starts with the visible text (WCAG 2.5.3).
                let label = if is_current {
                    format!("Current: {first}")
                } else {
                    format!("Use {first} ({select_hint})")
                };
                view! {
                    <td>
                        <button
                            type="button"
                            class="chart-select"
                            aria-label=label
                            disabled=is_current
                            on:click=handler(move |_| cb.run(index))
                        >
                            {if is_current { "Current" } else { "Use" }}
                        </button>
                    </td>
                }
            });
            view! {
                <tr class:current=is_current>
                    <th scope="row">{first}</th>
                    {cells.map(|c| view! { <td>{c}</td> }).collect_any()}
                    {button}
                </tr>
            }
        })
        .collect_any();
    view! {
        <thead>
            <tr>
                {header.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_any()}
                {select_col}
            </tr>
        </thead>
        <tbody>{body}</tbody>
    }
}
