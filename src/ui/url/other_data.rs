//! A link made with another dataset version: its figures beside the ones of the current data.
//!
//! Design note: the page always recomputes from the inputs with the bundled data, so the link's
//! own figures are known only if the link carries them (`kg`, `kwh`; older links do not). The
//! current figures are derived live from the calculator state; once the inputs have been edited
//! the note says so, since the comparison then no longer concerns the link's job.

use crate::ui::state::CalcState;
use emissions_core::dataset::DATASET_VERSION;
use emissions_core::format::{format_energy_kwh, format_mass_kg};
use emissions_core::model::Inputs;
use emissions_core::number;
use emissions_core::share::CitedFigures;
use leptos::prelude::*;

/// The start-up link's dataset version, figures and inputs, when its version is not the bundled one.
#[derive(Debug, Clone, PartialEq)]
pub struct OtherData {
    /// The link's `data` parameter.
    pub version: String,
    /// The figures the link carried (empty for links made before figures were added).
    pub cited: CitedFigures,
    /// The link's inputs, to tell whether the page still shows the link's job.
    pub inputs: Inputs,
}

/// One list item: "This link was made with dataset A; this page uses B. Figures in the link: …
/// With the current data: …", all as text, with `data-testid` hooks holding the raw numbers.
#[component]
pub fn OtherDataNote(
    /// The link's version, figures and inputs.
    other: OtherData,
) -> impl IntoView {
    let state = expect_context::<CalcState>();
    let current = move || {
        state
            .outcome
            .with(|o| o.estimate.as_deref().map(CitedFigures::of))
    };
    let link_inputs = other.inputs;
    let edited = move || state.inputs.with(|i| *i != link_inputs);
    let cited = if other.cited.is_empty() {
        view! {
            "The link does not carry the figures it showed (it was made before links did), so \
             they are unknown."
        }
        .into_any()
    } else {
        view! { "Figures in the link: " <Figures f=other.cited prefix="link-cited"/> "." }
            .into_any()
    };
    view! {
        <li data-testid="link-other-data">
            {format!(
                "This link was made with dataset {}; this page uses {DATASET_VERSION}. ",
                other.version
            )}
            {cited}
            " With the current data: "
            {move || match current() {
                Some(f) => view! { <Figures f=f prefix="link-current"/> }.into_any(),
                None => "no estimate yet (see the highlighted inputs)".into_any(),
            }}
            {move || (if edited() { " for the inputs as edited since." } else { "." }).into_any()}
        </li>
    }
}

/// "X kg CO₂e (Y kWh)", each number in a span `<prefix>-kg` / `<prefix>-kwh` with `data-value`.
#[component]
fn Figures(
    /// The figures (either may be absent).
    f: CitedFigures,
    /// The `data-testid` prefix.
    prefix: &'static str,
) -> impl IntoView {
    let kg = f.kg.map(|kg| {
        view! {
            <span data-testid=format!("{prefix}-kg") data-value=number::shortest(kg.0)>{format_mass_kg(kg.0)}</span>
            " CO₂e"
        }
    });
    let kwh = f.kwh.map(|kwh| {
        let number = view! {
            <span data-testid=format!("{prefix}-kwh") data-value=number::shortest(kwh.0)>
                {format_energy_kwh(kwh.0)}
            </span>
        };
        if f.kg.is_some() {
            view! { " (" {number} ")" }.into_any()
        } else {
            number.into_any()
        }
    });
    view! { {kg} {kwh} }
}
