//! The life-cycle view, apart from the operational headline: embodied emissions of the hardware,
//! development overhead, the life-cycle total and on-site water, each with its range, and a
//! stacked bar of the three parts with its text equivalent.

use super::{figure, EstimateMemo};
use crate::ui::erased::live;
use emissions_core::format::{format_mass_kg as mass, format_sig};
use emissions_core::model::Estimate;
use emissions_core::number;
use leptos::prelude::*;

/// Formats a volume in litres with 3 significant digits, switching to m³ from 10,000 L.
pub fn litres(l: f64) -> String {
    if l.abs() >= 10_000.0 {
        format!("{} m³", format_sig(l / 1000.0, 3))
    } else {
        format!("{} L", format_sig(l, 3))
    }
}

/// One figure with its test hook (`data-value`: the central value, plain) and its range.
fn part(
    label: &'static str,
    hook: &'static str,
    est: EstimateMemo,
    of: fn(&Estimate) -> [f64; 3],
    show: fn(f64) -> String,
) -> impl IntoView {
    let value = move |i: usize| est.with(|e| e.as_deref().map_or(0.0, |e| of(e)[i]));
    let (low, central, high) = (move || value(0), move || value(1), move || value(2));
    view! {
        <div>
            <dt>{label}</dt>
            <dd data-testid=hook data-value=live(move || number::shortest(central()))>
                {move || show(central()).into_any()}
                <span class="muted">{move || format!(" ({}–{})", show(low()), show(high())).into_any()}</span>
            </dd>
        </div>
    }
}

/// One segment of the stacked bar: its share of the life-cycle total.
fn segment(
    class: &'static str,
    part: impl Fn() -> f64 + Send + Sync + 'static,
    total: impl Fn() -> f64 + Send + Sync + 'static,
) -> impl IntoView {
    let width = move || {
        let pct = part() / total().max(f64::MIN_POSITIVE) * 100.0;
        format!("{}%", number::fixed(pct.clamp(0.0, 100.0), 1))
    };
    view! { <span class=class style:width=live(width)></span> }
}

/// The life-cycle section of the results.
#[component]
pub fn Lifecycle(
    /// The estimate to show.
    est: EstimateMemo,
) -> impl IntoView {
    let op = figure(est, |e| e.lifecycle.operational.central.0);
    let emb = figure(est, |e| e.lifecycle.embodied.central.0);
    let dev = figure(est, |e| e.lifecycle.development.central.0);
    let total = figure(est, |e| e.lifecycle.total.central.0);
    let pct = move |x: f64| format_sig(x / total().max(f64::MIN_POSITIVE) * 100.0, 2);
    let text = move || {
        format!(
            "Operational {} ({} %), embodied {} ({} %), development {} ({} %) of {}.",
            mass(op()),
            pct(op()),
            mass(emb()),
            pct(emb()),
            mass(dev()),
            pct(dev()),
            mass(total())
        )
    };
    view! {
        <section class="lifecycle" aria-labelledby="lifecycle-heading">
            <h3 id="lifecycle-heading" class="small-heading">"Life cycle, apart from the operational figure"</h3>
            <dl class="kv">
                {part("Embodied (hardware, amortised)", "embodied-kg", est, |e| band(e.lifecycle.embodied), mass)}
                {part("Development overhead", "development-kg", est, |e| band(e.lifecycle.development), mass)}
                {part("Life-cycle total", "lifecycle-kg", est, |e| band(e.lifecycle.total), mass)}
                {part("On-site water", "water-l", est, |e| {
                    let w = e.lifecycle.water;
                    [w.low.0, w.central.0, w.high.0]
                }, litres)}
            </dl>
            <div class="stack" role="img" aria-label=live(text)>
                {segment("seg-op", op, total)}
                {segment("seg-emb", emb, total)}
                {segment("seg-dev", dev, total)}
            </div>
            <p class="facts" data-testid="lifecycle-parts">{move || text().into_any()}</p>
            <p class="explain">
                "Life-cycle total = operational location-based + embodied (accelerators and host \
                 servers, their manufacturing amortised over the hours this job used them) + \
                 development overhead (earlier runs, 0 % unless typed under “Life cycle”). The \
                 headline stays the operational figure; water is the data centre's on-site cooling \
                 water (WUE × IT energy), not the power plants'."
            </p>
        </section>
    }
}

/// Low, central and high of a band of kgCO2e.
fn band(i: emissions_core::model::Interval<emissions_core::units::KgCo2e>) -> [f64; 3] {
    [i.low.0, i.central.0, i.high.0]
}
