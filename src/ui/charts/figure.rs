//! A chart as an accessible figure: caption, optional controls, the canvas and a
//! "show as table" toggle rendering the same numbers as text.

use super::canvas::ChartCanvas;
use super::kinds::ChartData;
use leptos::prelude::*;

/// A `<figure>` with a caption, `controls`, a [`ChartCanvas`] and a table toggle.
#[component]
pub fn ChartFigure(
    /// Stable test hook, e.g. `"chart-regions"`.
    testid: &'static str,
    /// Figure caption.
    caption: &'static str,
    /// A note under the caption (e.g. the hardware basis); empty for none.
    #[prop(into, optional)]
    note: Signal<String>,
    /// The chart's input.
    #[prop(into)]
    data: Signal<ChartData>,
    /// Whether the page is dark.
    #[prop(into)]
    dark: Signal<bool>,
    /// Called with an item index when the person selects it.
    #[prop(optional)]
    on_select: Option<Callback<usize>>,
    /// What selecting does, e.g. "use this region" (button text in the table).
    #[prop(optional)]
    select_hint: &'static str,
    /// Extra class of the canvas frame.
    #[prop(optional)]
    frame_class: &'static str,
    /// Controls shown between the caption and the chart.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let (table_open, set_table_open) = signal(false);
    let table_id = format!("{testid}-table");
    view! {
        <figure class="chart" data-testid=testid>
            <figcaption>
                <span class="chart-caption">{caption}</span>
                <Show when=move || note.with(|n| !n.is_empty())>
                    <span class="chart-note">{move || note.get()}</span>
                </Show>
            </figcaption>
            {children.map(|c| view! { <div class="chart-controls">{c()}</div> })}
            <ChartCanvas data dark on_select select_hint frame_class/>
            <button
                type="button"
                class="chart-table-toggle"
                aria-expanded=move || table_open.get().to_string()
                aria-controls=table_id.clone()
                on:click=move |_| set_table_open.update(|o| *o = !*o)
            >
                {move || if table_open.get() { "Hide table" } else { "Show as table" }}
            </button>
            <Show when=move || table_open.get()>
                <ChartTable id=table_id.clone() data on_select select_hint/>
            </Show>
        </figure>
    }
}

/// The chart's numbers as a `<table>` (text only), with a selection button per row when the
/// chart supports selection.
#[component]
fn ChartTable(
    id: String,
    data: Signal<ChartData>,
    on_select: Option<Callback<usize>>,
    select_hint: &'static str,
) -> impl IntoView {
    let rows = move || data.with(|c| c.table());
    let order = move || data.with(|c| c.table_order());
    let header = move || rows().into_iter().next().unwrap_or_default();
    let body = move || {
        let order = order();
        rows()
            .into_iter()
            .skip(1)
            .zip(order)
            .collect::<Vec<(Vec<String>, usize)>>()
    };
    let select_col = on_select
        .is_some()
        .then(|| view! { <th scope="col">"Select"</th> });
    view! {
        <div class="chart-table-wrap">
            <table id=id data-testid="chart-table" class="chart-table">
                <thead>
                    <tr>
                        {move || header().into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                        {select_col}
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        body()
                            .into_iter()
                            .map(|(cells, index)| {
                                let mut cells = cells.into_iter();
                                let first = cells.next().unwrap_or_default();
                                let is_current = first.ends_with("(your choice)")
                                    || first.ends_with("(your device)");
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
                                                on:click=move |_| cb.run(index)
                                            >
                                                {if is_current { "Current" } else { "Use" }}
                                            </button>
                                        </td>
                                    }
                                });
                                view! {
                                    <tr class:current=is_current>
                                        <th scope="row">{first.clone()}</th>
                                        {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                                        {button}
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}
