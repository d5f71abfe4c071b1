//! The life-cycle overrides (issue #20), folded under "Life cycle": each blank field takes the
//! figure the current job uses (the dataset's), shown as its placeholder.
//!
//! The fields are a table rendered by one loop: one `NumField` call site instead of seven keeps
//! the WebAssembly smaller (each call site compiles its own prop builder).

use super::field::NumField;
use crate::ui::erased::CollectAny;
use crate::ui::state::CalcState;
use emissions_core::model::lifecycle::LifecycleFactors;
use emissions_core::model::trace::num;
use emissions_core::model::{Field, Inputs};
use leptos::prelude::*;

/// One override field: id, label, unit, field, how to read and write it, the job's figure when blank (`None`:
/// the development overhead, whose blank is 0 with the published figure as guidance) and a hint.
type Spec = (
    &'static str,
    &'static str,
    &'static str,
    Field,
    fn(&Inputs) -> Option<f64>,
    fn(&mut Inputs, Option<f64>),
    Option<fn(&LifecycleFactors) -> f64>,
    &'static str,
);

/// The fields, in the order of the share-link parameters.
const FIELDS: [Spec; 7] = [
    (
        "f-life",
        "Service life",
        "years",
        Field::LifeYears,
        |i| i.lifecycle.life_years,
        |i, v| i.lifecycle.life_years = v,
        Some(|f| f.life.band.central.0),
        "",
    ),
    (
        "f-use",
        "Share of life in use",
        "%",
        Field::UsePct,
        |i| i.lifecycle.use_pct,
        |i, v| i.lifecycle.use_pct = v,
        Some(|f| f.use_share.band.central.0),
        "",
    ),
    (
        "f-emb-dev",
        "Embodied per accelerator",
        "kgCO₂e",
        Field::EmbodiedDevice,
        |i| i.lifecycle.emb_dev_kg,
        |i, v| i.lifecycle.emb_dev_kg = v,
        Some(|f| f.embodied_device.band.central.0),
        "Manufacturing, cradle to gate. 0: not counted.",
    ),
    (
        "f-emb-host",
        "Embodied per host server",
        "kgCO₂e",
        Field::EmbodiedHost,
        |i| i.lifecycle.emb_host_kg,
        |i, v| i.lifecycle.emb_host_kg = v,
        Some(|f| f.embodied_host.band.central.0),
        "The server without its accelerators.",
    ),
    (
        "f-per-host",
        "Accelerators per host",
        "×",
        Field::PerHost,
        |i| i.lifecycle.per_host,
        |i, v| i.lifecycle.per_host = v,
        Some(|f| f.per_host.band.central),
        "",
    ),
    (
        "f-dev",
        "Development overhead",
        "%",
        Field::DevPct,
        |i| i.lifecycle.dev_pct,
        |i, v| i.lifecycle.dev_pct = v,
        None,
        "Earlier runs (exploration, ablations), as % of these final runs' emissions.",
    ),
    (
        "f-wue",
        "On-site water (WUE)",
        "L/kWh",
        Field::Wue,
        |i| i.lifecycle.wue_l_per_kwh,
        |i, v| i.lifecycle.wue_l_per_kwh = v,
        Some(|f| f.wue.band.central.0),
        "Per kWh of IT energy. Blank: the provider's figure; 0 on a personal machine.",
    ),
];

/// The life-cycle fieldset.
#[component]
pub fn LifecycleFields() -> impl IntoView {
    let state = expect_context::<CalcState>();
    let guide = &state.factors.dataset().lifecycle.dev_guide;
    // The published figure is guidance, not the default: it shows in the placeholder.
    let dev_guide = format!(
        "0; published for OLMo: {} % ({}, {})",
        num(guide.value.0),
        guide.source,
        guide.year
    );
    let fields = FIELDS
        .iter()
        .map(|&(id, label, unit, field, get, set, auto, hint)| {
            let placeholder = match auto {
                Some(of) => Signal::derive(move || {
                    state.outcome.with(|o| {
                        o.job.as_ref().map_or(String::new(), |j| {
                            format!("auto: {}", num(of(&j.lifecycle)))
                        })
                    })
                }),
                None => Signal::stored(dev_guide.clone()),
            };
            view! { <NumField id=id label=label unit=unit field=field optional=true placeholder=placeholder get=get set=set hint=hint/> }
        });
    view! {
        <details class="more lifecycle-inputs">
            <summary>"Life cycle: embodied carbon, development, water"</summary>
            <div class="row">{fields.collect_any()}</div>
        </details>
    }
}
