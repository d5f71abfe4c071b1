//! The life-cycle overrides (issue #20), folded under "Life cycle": each blank field takes the
//! dataset's figure for this job, shown as its placeholder.

use super::field::NumField;
use crate::ui::state::CalcState;
use emissions_core::model::lifecycle::LifecycleFactors;
use emissions_core::model::trace::num;
use emissions_core::model::Field;
use leptos::prelude::*;

/// The placeholder of one override: the central figure the current job uses when it is blank.
fn auto(state: CalcState, of: fn(&LifecycleFactors) -> f64) -> Signal<String> {
    Signal::derive(move || {
        state.outcome.with(|o| {
            o.job.as_ref().map_or(String::new(), |j| {
                format!("auto: {}", num(of(&j.lifecycle)))
            })
        })
    })
}

/// The life-cycle fieldset.
#[component]
pub fn LifecycleFields() -> impl IntoView {
    let state = expect_context::<CalcState>();
    let guide = &state.factors.dataset().lifecycle.dev_guide;
    // The published figure is guidance, not the default: it shows in the placeholder.
    let dev_guide = Signal::stored(format!(
        "0; published for OLMo: {} % ({}, {})",
        num(guide.value.0),
        guide.source,
        guide.year
    ));
    view! {
        <details class="more lifecycle-inputs">
            <summary>"Life cycle: embodied carbon, development, water"</summary>
            <div class="row">
                <NumField id="f-emb-dev" label="Embodied per accelerator" unit="kgCO₂e" field=Field::EmbodiedDevice optional=true
                    placeholder=auto(state, |f| f.embodied_device.band.central.0) get=|i| i.lifecycle.emb_dev_kg set=|i, v| i.lifecycle.emb_dev_kg = v
                    hint="Manufacturing, cradle to gate. 0: not counted."/>
                <NumField id="f-emb-host" label="Embodied per host server" unit="kgCO₂e" field=Field::EmbodiedHost optional=true
                    placeholder=auto(state, |f| f.embodied_host.band.central.0) get=|i| i.lifecycle.emb_host_kg set=|i, v| i.lifecycle.emb_host_kg = v
                    hint="The server without its accelerators."/>
                <NumField id="f-per-host" label="Accelerators per host" unit="×" field=Field::PerHost optional=true
                    placeholder=auto(state, |f| f.per_host.band.central) get=|i| i.lifecycle.per_host set=|i, v| i.lifecycle.per_host = v/>
            </div>
            <div class="row">
                <NumField id="f-life" label="Service life" unit="years" field=Field::LifeYears optional=true
                    placeholder=auto(state, |f| f.life.band.central.0) get=|i| i.lifecycle.life_years set=|i, v| i.lifecycle.life_years = v/>
                <NumField id="f-use" label="Share of life in use" unit="%" field=Field::UsePct optional=true
                    placeholder=auto(state, |f| f.use_share.band.central.0) get=|i| i.lifecycle.use_pct set=|i, v| i.lifecycle.use_pct = v/>
            </div>
            <div class="row">
                <NumField id="f-dev" label="Development overhead" unit="%" field=Field::DevPct optional=true
                    placeholder=dev_guide get=|i| i.lifecycle.dev_pct set=|i, v| i.lifecycle.dev_pct = v
                    hint="Earlier runs (exploration, ablations), as % of these final runs' emissions."/>
                <NumField id="f-wue" label="On-site water (WUE)" unit="L/kWh" field=Field::Wue optional=true
                    placeholder=auto(state, |f| f.wue.band.central.0) get=|i| i.lifecycle.wue_l_per_kwh set=|i, v| i.lifecycle.wue_l_per_kwh = v
                    hint="Per kWh of IT energy. Blank: the provider's figure; 0 on a personal machine."/>
            </div>
        </details>
    }
}
