//! The results: headline emissions with range, location- vs market-based, energy breakdown,
//! equivalents; then the formula trace and the greener-location suggestion.

pub mod lifecycle;
pub mod suggest;
pub mod trace;

use crate::ui::erased::{live, CollectAny, ShowIf};
use crate::ui::state::CalcState;
use emissions_core::format::{format_energy_kwh, format_mass_kg, format_sig};
use emissions_core::model::Estimate;
use emissions_core::number;
use leptos::prelude::*;
use std::sync::Arc;

/// How many everyday equivalents are listed before "more".
const SHOWN_EQUIVALENTS: usize = 4;

/// The current estimate, as the results panel reads it.
type EstimateMemo = Memo<Option<Arc<Estimate>>>;

/// A number of the current estimate (0 while there is none), as a reactive closure.
fn figure(est: EstimateMemo, of: fn(&Estimate) -> f64) -> impl Fn() -> f64 + Copy {
    move || est.with(|e| e.as_deref().map_or(0.0, of))
}

/// The results panel (headline and breakdown), marked stale while the inputs are invalid.
///
/// Design note: the panel is built once, when the first estimate exists, and each change then
/// updates its text nodes and attributes in place: rebuilding it per estimate re-set every
/// attribute of the panel and re-laid it out on each keystroke.
#[component]
pub fn Results() -> impl IntoView {
    let state = expect_context::<CalcState>();
    let est = Memo::new(move |_| state.outcome.with(|o| o.estimate.clone()));
    let shown = Memo::new(move |_| est.with(Option::is_some));
    let stale = move || state.outcome.with(|o| o.stale);
    view! {
        <section class="results" class:stale=live(stale) aria-labelledby="results-heading">
            <h2 id="results-heading">"Emissions"</h2>
            <ShowIf when=stale>
                <p class="stale-note" data-testid="stale-note">
                    "Showing the last valid result: fix the highlighted input to update it."
                </p>
            </ShowIf>
            // A persistent live region, so screen readers hear the new headline after a change.
            <div aria-live="polite">{move || shown.get().then(|| view! { <Headline est=est/> }.into_any()).into_any()}</div>
            {move || shown.get().then(|| view! { <Breakdown est=est/> <lifecycle::Lifecycle est=est/> }.into_any()).into_any()}
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
                    format_mass_kg(e.location_based.0),
                    format_energy_kwh(e.energy.total.0)
                )
            })
        })
    };
    view! {
        <a class="mini-result" href="#results-heading">
            <span class="mini-label">"Result: "</span>
            {move || text().into_any()}
        </a>
    }
}

/// The headline numbers.
#[component]
fn Headline(
    /// The estimate to show.
    est: EstimateMemo,
) -> impl IntoView {
    let kg = figure(est, |e| e.location_based.0);
    let low = figure(est, |e| e.uncertainty.location_based.low.0);
    let high = figure(est, |e| e.uncertainty.location_based.high.0);
    let kwh = figure(est, |e| e.energy.total.0);
    let market = figure(est, |e| e.market_based.0);
    let market_low = figure(est, |e| e.uncertainty.market_based.low.0);
    let market_high = figure(est, |e| e.uncertainty.market_based.high.0);
    let intensity = figure(est, |e| e.intensity.0);
    let share = figure(est, |e| e.market_share.0);
    let at_tdp = figure(est, |e| e.location_based_at_tdp.0);
    let state = expect_context::<CalcState>();
    let claim = move || {
        state
            .outcome
            .with(|o| o.job.as_ref().map_or("", |j| j.market.claim()))
    };
    view! {
        <div class="headline">
            <p class="big">
                <span data-testid="emissions-kg" data-value=live(move || number::shortest(kg()))>{move || format_mass_kg(kg()).into_any()}</span>
                " CO₂e"
            </p>
            <p class="range">
                "Range "
                <span data-testid="emissions-kg-low" data-value=live(move || number::shortest(low()))>{move || format_mass_kg(low()).into_any()}</span>
                " – "
                <span data-testid="emissions-kg-high" data-value=live(move || number::shortest(high()))>{move || format_mass_kg(high()).into_any()}</span>
                " · location-based"
            </p>
            <dl class="kv">
                <div>
                    <dt>"Energy"</dt>
                    <dd data-testid="energy-kwh" data-value=live(move || number::shortest(kwh()))>{move || format_energy_kwh(kwh()).into_any()}</dd>
                </div>
                <div>
                    <dt>"Upper bound at TDP"</dt>
                    <dd data-testid="emissions-kg-tdp" data-value=live(move || number::shortest(at_tdp()))>
                        {move || format_mass_kg(at_tdp()).into_any()}
                        <span class="muted">" every accelerator at 100 % of TDP, the convention of Lacoste et al. 2019 and of most model cards"</span>
                    </dd>
                </div>
                <div>
                    <dt>"Market-based"</dt>
                    <dd data-testid="emissions-market-kg" data-value=live(move || number::shortest(market()))>
                        {move || format_mass_kg(market()).into_any()}
                        <span class="muted">
                            {move || format!(" ({}–{})", format_mass_kg(market_low()), format_mass_kg(market_high())).into_any()}
                        </span>
                    </dd>
                </div>
            </dl>
            <p class="explain" data-testid="market-explain">
                {move || format!(
                    "Location-based = what the local grid emits for this energy ({} g/kWh). Market-based \
                     subtracts the {} % covered by {}: what a GHG Protocol Scope 2 market-based figure \
                     counts. It does not mean the job ran on clean power every hour; report it beside \
                     the location-based figure, never instead of it.",
                    format_sig(intensity(), 3),
                    format_sig(share(), 3),
                    claim()
                ).into_any()}
            </p>
        </div>
    }
}

/// One row of the energy breakdown: its label, energy and a bar of its share of the total.
fn breakdown_row(
    label: &'static str,
    kwh: impl Fn() -> f64 + Copy + Send + Sync + 'static,
    total: impl Fn() -> f64 + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let width = move || {
        let pct = kwh() / total().max(f64::MIN_POSITIVE) * 100.0;
        format!("{}%", number::fixed(pct.clamp(0.0, 100.0), 1))
    };
    view! {
        <tr>
            <th scope="row">{label}</th>
            <td class="num">{move || format_energy_kwh(kwh()).into_any()}</td>
            <td class="bar-cell" aria-hidden="true">
                <span class="bar" style:width=live(width)></span>
            </td>
        </tr>
    }
}

/// The text of each equivalent in `range` of the list, as list items.
fn equivalent_items(est: EstimateMemo, skip: usize, take: usize) -> impl IntoView {
    move || {
        est.with(|e| {
            e.as_deref()
                .map(|e| e.equivalents.iter().skip(skip).take(take))
                .into_iter()
                .flatten()
                .map(|q| view! { <li>{q.text.clone()}</li> })
                .collect_any()
        })
    }
}

/// Energy by component, runtime and equivalents.
#[component]
fn Breakdown(
    /// The estimate to show.
    est: EstimateMemo,
) -> impl IntoView {
    let total = figure(est, |e| e.energy.total.0);
    let count = Memo::new(move |_| est.with(|e| e.as_deref().map_or(0, |e| e.equivalents.len())));
    view! {
        <table class="breakdown">
            <caption>"Energy by component"</caption>
            <tbody>
                {breakdown_row("Accelerators", figure(est, |e| e.energy.accelerators.0), total)}
                {breakdown_row("Host CPU", figure(est, |e| e.energy.cpu.0), total)}
                {breakdown_row("Memory", figure(est, |e| e.energy.memory.0), total)}
                {breakdown_row("Facility overhead (PUE)", figure(est, |e| e.energy.pue_overhead.0), total)}
                <tr class="total">
                    <th scope="row">"Total"</th>
                    <td class="num">{move || format_energy_kwh(total()).into_any()}</td>
                    <td></td>
                </tr>
            </tbody>
        </table>
        <p class="facts">
            {move || est.with(|e| e.as_deref().map(|e| format!(
                "{} h per run · {} h wall-clock in all · {} device-hours · PUE {}",
                format_sig(e.hours_per_run.0, 3),
                format_sig(e.wall_hours.0, 3),
                format_sig(e.device_hours.0, 3),
                format_sig(e.pue.0, 4)
            ))).into_any()}
        </p>
        <ShowIf when=move || count.get() != 0>
            <h3 class="small-heading">"That is about"</h3>
            <ul class="equivalents">{equivalent_items(est, 0, SHOWN_EQUIVALENTS)}</ul>
            {move || {
                let more = count.get().saturating_sub(SHOWN_EQUIVALENTS);
                (more > 0).then(|| {
                    view! {
                        <details class="more-equivalents">
                            <summary>{format!("{more} more")}</summary>
                            <ul class="equivalents">{equivalent_items(est, SHOWN_EQUIVALENTS, usize::MAX)}</ul>
                        </details>
                    }
                })
            }.into_any()}
        </ShowIf>
    }
}
