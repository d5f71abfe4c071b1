//! The results: headline emissions with range, location- vs market-based, energy breakdown,
//! equivalents; then the formula trace and the greener-location suggestion.

pub mod suggest;
pub mod trace;

use crate::ui::state::CalcState;
use emissions_core::charts::format::format_sig;
use emissions_core::model::Estimate;
use emissions_core::number;
use leptos::prelude::*;
use std::sync::Arc;

/// How many everyday equivalents are listed before "more".
const SHOWN_EQUIVALENTS: usize = 4;

/// Formats a mass in kg with 3 significant digits, switching to tonnes from 1,000 kg.
pub fn mass(kg: f64) -> String {
    if kg.abs() >= 1000.0 {
        format!("{} t", format_sig(kg / 1000.0, 3))
    } else {
        format!("{} kg", format_sig(kg, 3))
    }
}

/// Formats energy in kWh (MWh from 10,000 kWh) with 3 significant digits.
pub fn energy(kwh: f64) -> String {
    if kwh.abs() >= 10_000.0 {
        format!("{} MWh", format_sig(kwh / 1000.0, 3))
    } else {
        format!("{} kWh", format_sig(kwh, 3))
    }
}

/// The results panel (headline and breakdown), marked stale while the inputs are invalid.
#[component]
pub fn Results() -> impl IntoView {
    let state = expect_context::<CalcState>();
    let est = Memo::new(move |_| state.outcome.with(|o| o.estimate.clone()));
    let stale = move || state.outcome.with(|o| o.stale);
    view! {
        <section class="results" class:stale=stale aria-labelledby="results-heading">
            <h2 id="results-heading">"Emissions"</h2>
            <Show when=stale>
                <p class="stale-note" data-testid="stale-note">
                    "Showing the last valid result: fix the highlighted input to update it."
                </p>
            </Show>
            // A persistent live region, so screen readers hear the new headline after a change.
            <div aria-live="polite">{move || est.get().map(|e| view! { <Headline e=e/> })}</div>
            {move || est.get().map(|e| view! { <Breakdown e=e/> })}
        </section>
    }
}

/// On phones the results sit below the form: a small bar fixed at the bottom keeps the headline in
/// view while typing and jumps to the full results (hidden on wide screens by CSS).
#[component]
pub fn MiniResult() -> impl IntoView {
    let state = expect_context::<CalcState>();
    let text = move || {
        state.outcome.with(|o| {
            o.estimate.as_ref().map_or(String::new(), |e| {
                let stale = if o.stale { " (last valid)" } else { "" };
                format!(
                    "{} CO₂e · {}{stale}",
                    mass(e.location_based.0),
                    energy(e.energy.total.0)
                )
            })
        })
    };
    view! {
        <a class="mini-result" href="#results-heading">
            <span class="mini-label">"Result: "</span>
            {text}
        </a>
    }
}

/// The headline numbers.
#[component]
fn Headline(
    /// The estimate to show.
    e: Arc<Estimate>,
) -> impl IntoView {
    let range = e.uncertainty.location_based;
    let market_range = e.uncertainty.market_based;
    let kg = e.location_based.0;
    view! {
        <div class="headline">
            <p class="big">
                <span data-testid="emissions-kg" data-value=number::shortest(kg)>{mass(kg)}</span>
                " CO₂e"
            </p>
            <p class="range">
                "Range "
                <span data-testid="emissions-kg-low" data-value=number::shortest(range.low.0)>{mass(range.low.0)}</span>
                " – "
                <span data-testid="emissions-kg-high" data-value=number::shortest(range.high.0)>{mass(range.high.0)}</span>
                " · location-based"
            </p>
            <dl class="kv">
                <div>
                    <dt>"Energy"</dt>
                    <dd data-testid="energy-kwh" data-value=number::shortest(e.energy.total.0)>{energy(e.energy.total.0)}</dd>
                </div>
                <div>
                    <dt>"Market-based"</dt>
                    <dd data-testid="emissions-market-kg" data-value=number::shortest(e.market_based.0)>
                        {mass(e.market_based.0)}
                        <span class="muted">
                            {format!(" ({}–{})", mass(market_range.low.0), mass(market_range.high.0))}
                        </span>
                    </dd>
                </div>
            </dl>
            <p class="explain">
                {format!(
                    "Location-based = what the local grid emits for this energy ({} g/kWh). Market-based \
                     subtracts the {} % the operator covers with renewable contracts or offsets; report it \
                     beside the location-based figure, never instead of it.",
                    format_sig(e.intensity.0, 3),
                    format_sig(e.market_share.0, 3)
                )}
            </p>
        </div>
    }
}

/// Energy by component, runtime and equivalents.
#[component]
fn Breakdown(
    /// The estimate to show.
    e: Arc<Estimate>,
) -> impl IntoView {
    let en = e.energy;
    let rows = [
        ("Accelerators", en.accelerators.0),
        ("Host CPU", en.cpu.0),
        ("Memory", en.memory.0),
        ("Facility overhead (PUE)", en.pue_overhead.0),
    ];
    let total = en.total.0.max(f64::MIN_POSITIVE);
    view! {
        <table class="breakdown">
            <caption>"Energy by component"</caption>
            <tbody>
                {rows
                    .into_iter()
                    .map(|(label, kwh)| {
                        let pct = kwh / total * 100.0;
                        view! {
                            <tr>
                                <th scope="row">{label}</th>
                                <td class="num">{energy(kwh)}</td>
                                <td class="bar-cell" aria-hidden="true">
                                    <span class="bar" style:width=format!("{}%", number::fixed(pct.clamp(0.0, 100.0), 1))></span>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
                <tr class="total">
                    <th scope="row">"Total"</th>
                    <td class="num">{energy(en.total.0)}</td>
                    <td></td>
                </tr>
            </tbody>
        </table>
        <p class="facts">
            {format!(
                "{} h per run · {} h wall-clock in all · {} device-hours · PUE {}",
                format_sig(e.hours_per_run.0, 3),
                format_sig(e.wall_hours.0, 3),
                format_sig(e.device_hours.0, 3),
                format_sig(e.pue.0, 4)
            )}
        </p>
        <Show when={
            let any = !e.equivalents.is_empty();
            move || any
        }>
            <h3 class="small-heading">"That is about"</h3>
            <ul class="equivalents">
                {e
                    .equivalents
                    .iter()
                    .take(SHOWN_EQUIVALENTS)
                    .map(|q| view! { <li>{q.text.clone()}</li> })
                    .collect_view()}
            </ul>
            {(e.equivalents.len() > SHOWN_EQUIVALENTS)
                .then(|| {
                    view! {
                        <details class="more-equivalents">
                            <summary>{format!("{} more", e.equivalents.len() - SHOWN_EQUIVALENTS)}</summary>
                            <ul class="equivalents">
                                {e
                                    .equivalents
                                    .iter()
                                    .skip(SHOWN_EQUIVALENTS)
                                    .map(|q| view! { <li>{q.text.clone()}</li> })
                                    .collect_view()}
                            </ul>
                        </details>
                    }
                })}
        </Show>
    }
}
