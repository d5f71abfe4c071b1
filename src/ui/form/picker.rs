//! A searchable, grouped `<select>`: a search box filters the options (the current one always
//! stays), `<optgroup>`s group them, and an id missing from the dataset is shown as such.

use crate::ui::erased::{handler, live, CollectAny};
use crate::ui::form::field::FieldErrors;
use emissions_core::choices::ChoiceGroups;
use emissions_core::model::Field;
use emissions_core::options_html::options_html;
use emissions_core::search_text::fold;
use leptos::prelude::*;
use std::sync::Arc;

/// Option groups, shared between renders (built by `emissions_core::choices`).
pub type Groups = Arc<ChoiceGroups>;

/// A labelled select with optional search.
#[component]
pub fn Picker(
    /// Element id of the select, e.g. `f-hw`.
    id: &'static str,
    /// Visible label.
    label: &'static str,
    /// The field whose validation messages go under it.
    field: Field,
    /// The options, grouped.
    #[prop(into)]
    groups: Signal<Groups>,
    /// The selected value.
    #[prop(into)]
    selected: Signal<String>,
    /// Called with the new value.
    on_change: Callback<String>,
    /// Show a search box.
    #[prop(optional)]
    searchable: bool,
) -> impl IntoView {
    let (query, set_query) = signal(String::new());
    // One `innerHTML` for all options: far less work than one DOM call per option (see
    // `emissions_core::options_html`).
    let options = live(move || {
        let q = fold(&query.get());
        let sel = selected.get();
        groups.with(|groups| options_html(groups, &sel, &q))
    });
    let err_id = format!("{id}-err");
    let search_id = format!("{id}-search");
    view! {
        <div class="field picker">
            <label for=id>{label}</label>
            {searchable
                .then(|| {
                    view! {
                        <input
                            id=search_id.clone()
                            class="picker-search"
                            type="search"
                            placeholder="Search…"
                            aria-label=format!("Search {}", label.to_ascii_lowercase())
                            aria-controls=id
                            on:input=handler(move |ev| set_query.set(event_target_value(&ev)))
                        />
                    }
                })}
            <select
                id=id
                aria-describedby=err_id.clone()
                on:change=handler(move |ev| on_change.run(event_target_value(&ev)))
                inner_html=options
            ></select>
            <FieldErrors id=err_id field=field/>
        </div>
    }
}

/// A radio group choosing one of a few modes.
#[component]
pub fn ModeSwitch(
    /// The radio group's name (unique on the page).
    name: &'static str,
    /// Accessible name of the group.
    legend: &'static str,
    /// `(value, label)` of each mode.
    modes: Vec<(&'static str, &'static str)>,
    /// The current mode.
    #[prop(into)]
    current: Signal<&'static str>,
    /// Called with the chosen mode.
    on_change: Callback<&'static str>,
) -> impl IntoView {
    view! {
        <div class="mode-switch" role="radiogroup" aria-label=legend>
            {modes
                .into_iter()
                .map(|(value, text)| {
                    let id = format!("{name}-{value}");
                    view! {
                        <input
                            type="radio"
                            id=id.clone()
                            name=name
                            value=value
                            prop:checked=live(move || current.get() == value)
                            on:change=handler(move |_| on_change.run(value))
                        />
                        <label for=id>{text}</label>
                    }
                })
                .collect_any()}
        </div>
    }
}
