//! One numeric input: keeps the text the person typed, parses it into the inputs, and shows the
//! validation messages of its field next to it.

use crate::ui::erased::{handler, live, CollectAny};
use crate::ui::state::CalcState;
use emissions_core::model::{Field, Inputs, Problem};
use emissions_core::number;
use leptos::prelude::*;

/// Parses typed text: blank → `None` (for optional fields), else a number; thousands separators,
/// spaces and `_` are allowed; anything else becomes NaN so validation reports it on the field.
pub fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}'))
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    Some(number::parse(&cleaned).unwrap_or(f64::NAN))
}

/// Formats a value for an input: plain for ordinary magnitudes, scientific for huge ones.
pub fn show_number(value: Option<f64>) -> String {
    match value {
        Some(x) if x.is_finite() && x.abs() >= 1e9 => number::scientific(x),
        Some(x) if x.is_finite() => number::shortest(x),
        _ => String::new(),
    }
}

/// True when `text` already stands for `value`, so the typed text is kept as is.
fn text_matches(text: &str, value: Option<f64>, required: bool) -> bool {
    match (parse_number(text), value) {
        (None, None) => true,
        (None, Some(v)) => required && v.is_nan(),
        (Some(a), Some(b)) => a == b || (a.is_nan() && b.is_nan()),
        (Some(_), None) => false,
    }
}

/// The messages for `field` from the current errors, as sentences.
pub fn messages_for(state: CalcState, field: Field) -> Vec<String> {
    state.checked.with(|o| {
        o.errors
            .iter()
            .filter(|e| e.field == field)
            .map(|e| match e.problem {
                Problem::NotFinite { .. } => format!("{} must be a number", field.label()),
                _ => e.to_string(),
            })
            .collect()
    })
}

/// The messages of one field (`role="alert"`, `data-testid="input-error"`).
#[component]
pub fn FieldErrors(
    /// The id of the message container, referenced by the control's `aria-describedby`.
    id: String,
    /// Which field's errors to show.
    field: Field,
) -> impl IntoView {
    let state = expect_context::<CalcState>();
    view! {
        <div id=id class="field-errors">
            {move || {
                messages_for(state, field)
                    .into_iter()
                    .map(|m| view! { <p class="field-error" role="alert" data-testid="input-error">{m}</p> })
                    .collect_any()
            }.into_any()}
        </div>
    }
}

/// A labelled numeric input bound to one number of the inputs.
#[component]
pub fn NumField(
    /// Element id (also used by tests), e.g. `f-hours`.
    id: &'static str,
    /// Visible label.
    label: &'static str,
    /// Unit shown after the input.
    unit: &'static str,
    /// The field whose validation messages go here.
    field: Field,
    /// Reads the value from the inputs (`None` = blank).
    get: fn(&Inputs) -> Option<f64>,
    /// Writes the parsed value into the inputs.
    set: fn(&mut Inputs, Option<f64>),
    /// Blank is allowed and means "automatic".
    #[prop(optional)]
    optional: bool,
    /// Placeholder (e.g. the automatic value).
    #[prop(into, default = Signal::stored(String::new()))]
    placeholder: Signal<String>,
    /// A one-line hint under the input.
    #[prop(optional)]
    hint: &'static str,
) -> impl IntoView {
    let state = expect_context::<CalcState>();
    let text = RwSignal::new(state.inputs.with_untracked(|i| show_number(get(i))));
    let value = Memo::new(move |_| state.inputs.with(get));
    // Derived, not synced: show the typed text while it still means the current value, else the
    // value (e.g. after a suggestion click or a pre-fill changed it).
    let shown = move || {
        let v = value.get();
        text.with(|t| {
            if text_matches(t, v, !optional) {
                t.clone()
            } else {
                show_number(v)
            }
        })
    };
    let err_id = format!("{id}-err");
    let hint_id = format!("{id}-hint");
    let described = if hint.is_empty() {
        err_id.clone()
    } else {
        format!("{hint_id} {err_id}")
    };
    let invalid = move || {
        if messages_for(state, field).is_empty() {
            "false"
        } else {
            "true"
        }
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <div class="input-unit">
                <input
                    id=id
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=live(shown)
                    placeholder=live(move || placeholder.get())
                    aria-invalid=live(invalid)
                    aria-describedby=described
                    on:input=handler(move |ev| {
                        let typed = event_target_value(&ev);
                        let parsed = parse_number(&typed);
                        let parsed = if optional { parsed } else { Some(parsed.unwrap_or(f64::NAN)) };
                        text.set(typed);
                        state.edit(|i| set(i, parsed));
                    })
                />
                <span class="unit" aria-hidden="true">{unit}</span>
            </div>
            {(!hint.is_empty()).then(|| view! { <p id=hint_id class="hint">{hint}</p> }.into_any())}
            <FieldErrors id=err_id field=field/>
        </div>
    }
}
