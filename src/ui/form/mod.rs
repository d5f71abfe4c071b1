//! The input form: hardware, workload, location and the less common settings under "More".

pub mod compute;
pub mod field;
pub mod lifecycle;
pub mod location;
pub mod picker;

use crate::ui::erased::{handler, staged};
use crate::ui::state::CalcState;
use compute::ComputeFields;
use emissions_core::choices::cpu_choices;
use emissions_core::model::{CpuInput, DurationInput, DurationMode, Field};
use emissions_core::number;
use field::NumField;
use leptos::prelude::*;
use location::LocationFields;
use picker::{Groups, ModeSwitch, Picker};
use std::sync::Arc;

/// The whole form, built in stages (see the app's design note): the hardware at [`FIELDS_STAGE`],
/// the duration and location at the next one, the folded parts ("More", life cycle) at
/// [`FOLDED_STAGE`].
#[component]
pub fn InputForm(
    /// How far the page is built.
    stage: ReadSignal<u8>,
) -> impl IntoView {
    view! {
        <form class="calc-form" aria-label="Training run" on:submit=|ev| ev.prevent_default()>
            {staged(stage, FIELDS_STAGE, &[|| view! { <ComputeFields/> }.into_any(), || view! { <DurationFields/> <LocationFields/> }.into_any()])}
            {staged(stage, FOLDED_STAGE, &[|| view! { <MoreFields/> <lifecycle::LifecycleFields/> }.into_any()])}
        </form>
    }
}

/// The stage at which the hardware fields mount (the duration and location at the next).
pub const FIELDS_STAGE: u8 = 1;
/// The stage at which the folded parts of the form mount.
pub const FOLDED_STAGE: u8 = 4;

/// "More": host CPU, memory, PUE and the market-based share, folded.
#[component]
fn MoreFields() -> impl IntoView {
    let state = expect_context::<CalcState>();
    let pue_hint = Signal::derive(move || {
        state.outcome.with(|o| {
            o.estimate.as_ref().map_or(String::new(), |e| {
                format!("auto: {}", number::shortest(e.pue.0))
            })
        })
    });
    let mkt_hint = Signal::derive(move || {
        state.outcome.with(|o| {
            o.estimate.as_ref().map_or(String::new(), |e| {
                format!("auto: {}", number::shortest(e.market_share.0))
            })
        })
    });
    // Whether "More" has ever been opened (it never closes the list again: no re-render).
    let more_seen = RwSignal::new(false);
    view! {
        <details
            class="more"
            on:toggle=handler(move |ev| {
                let open = event_target::<web_sys::Element>(&ev).has_attribute("open");
                if open && !more_seen.get_untracked() {
                    more_seen.set(true);
                }
            })
        >
            <summary>"More: host CPU, memory, PUE, market-based share"</summary>
            <CpuFields listed=more_seen.into()/>
            <div class="row">
                <NumField
                    id="f-pue"
                    label="PUE"
                    unit="×"
                    field=Field::Pue
                    optional=true
                    placeholder=pue_hint
                    get=|i| i.pue
                    set=|i, v| i.pue = v
                    hint="Facility energy ÷ IT energy. Blank: the region's figure."
                />
                <NumField
                    id="f-mkt"
                    label="Renewable / offset share"
                    unit="%"
                    field=Field::MarketPct
                    optional=true
                    placeholder=mkt_hint
                    get=|i| i.market_pct
                    set=|i, v| i.market_pct = v
                    hint="For the market-based figure only. Blank: the provider's claim."
                />
            </div>
        </details>
    }
}

/// Hours per run, or the workload in FLOPs (or parameters × tokens) with MFU; and runs.
#[component]
fn DurationFields() -> impl IntoView {
    let state = expect_context::<CalcState>();
    let mode = Memo::new(move |_| state.inputs.with(|i| i.duration.mode()));
    let switch = Callback::new(move |key: &'static str| {
        if let Some(to) = DurationMode::from_key(key) {
            state.edit(|i| i.duration = DurationInput::start(to))
        }
    });
    let mfu = move || {
        view! {
            <NumField
                id="f-mfu"
                label="MFU"
                unit="% of peak"
                field=Field::Mfu
                get=|i| match i.duration {
                    DurationInput::Flops { mfu_pct, .. } | DurationInput::Training { mfu_pct, .. } => Some(mfu_pct),
                    DurationInput::Hours { .. } => None,
                }
                set=|i, v| match &mut i.duration {
                    DurationInput::Flops { mfu_pct, .. } | DurationInput::Training { mfu_pct, .. } => *mfu_pct = v.unwrap_or(f64::NAN),
                    DurationInput::Hours { .. } => {}
                }
                hint="Model-FLOPs utilization; 30–50 % is typical."
            />
        }
    };
    view! {
        <fieldset class="group">
            <legend>"Workload"</legend>
            <ModeSwitch
                name="duration-kind"
                legend="Workload given as"
                modes=vec![
                    (DurationMode::Hours.key(), "Hours per run"),
                    (DurationMode::Flops.key(), "Total FLOPs"),
                    (DurationMode::Training.key(), "Parameters × tokens"),
                ]
                current=Signal::derive(move || mode.get().key())
                on_change=switch
            />
            <div class="row">
                {move || match mode.get() {
                    DurationMode::Flops => view! {
                        <NumField
                            id="f-flops"
                            label="FLOPs per run"
                            unit="FLOP"
                            field=Field::Flops
                            get=|i| match i.duration { DurationInput::Flops { flops, .. } => Some(flops), _ => None }
                            set=|i, v| if let DurationInput::Flops { flops, .. } = &mut i.duration { *flops = v.unwrap_or(f64::NAN) }
                            hint="e.g. 3.14e23 (GPT-3). Hours follow from the hardware."
                        />
                        {mfu()}
                    }
                    .into_any(),
                    DurationMode::Training => view! {
                        <NumField
                            id="f-params"
                            label="Parameters"
                            unit="N"
                            field=Field::Parameters
                            get=|i| match i.duration { DurationInput::Training { parameters, .. } => Some(parameters), _ => None }
                            set=|i, v| if let DurationInput::Training { parameters, .. } = &mut i.duration { *parameters = v.unwrap_or(f64::NAN) }
                            hint="FLOPs ≈ 6 × N × D (dense transformer)."
                        />
                        <NumField
                            id="f-tokens"
                            label="Training tokens"
                            unit="D"
                            field=Field::Tokens
                            get=|i| match i.duration { DurationInput::Training { tokens, .. } => Some(tokens), _ => None }
                            set=|i, v| if let DurationInput::Training { tokens, .. } = &mut i.duration { *tokens = v.unwrap_or(f64::NAN) }
                        />
                        {mfu()}
                    }
                    .into_any(),
                    DurationMode::Hours => view! {
                        <NumField
                            id="f-hours"
                            label="Hours per run"
                            unit="h"
                            field=Field::Hours
                            get=|i| match i.duration { DurationInput::Hours { hours } => Some(hours), _ => None }
                            set=|i, v| if let DurationInput::Hours { hours } = &mut i.duration { *hours = v.unwrap_or(f64::NAN) }
                            hint="Wall-clock time of one run."
                        />
                    }
                    .into_any(),
                }}
                <NumField
                    id="f-runs"
                    label="Runs"
                    unit="×"
                    field=Field::Runs
                    get=|i| Some(i.runs)
                    set=|i, v| i.runs = v.unwrap_or(f64::NAN)
                    hint="Seeds, hyper-parameter trials, restarts."
                />
            </div>
        </fieldset>
    }
}

/// The host CPU and memory (pre-filled when an instance is chosen).
#[component]
fn CpuFields(
    /// Whether to list every CPU. Until "More" is first opened the select holds only the current
    /// choice: its hundred-odd options are a tenth of the start-up rendering work.
    listed: Signal<bool>,
) -> impl IntoView {
    let state = expect_context::<CalcState>();
    let ds = state.factors.dataset();
    let groups: Groups = Arc::new(cpu_choices(ds));
    let cpu_id = Memo::new(move |_| {
        state
            .inputs
            .with(|i| i.cpu.as_ref().map_or(String::new(), |c| c.id.clone()))
    });
    view! {
        <div class="row">
            <Picker
                id="f-cpu"
                label="Host CPU"
                field=Field::Cpu
                groups=Signal::derive(move || {
                    if listed.get() {
                        return groups.clone();
                    }
                    let sel = cpu_id.get();
                    let current = groups
                        .iter()
                        .filter_map(|(g, opts)| {
                            let opts: Vec<_> =
                                opts.iter().filter(|(v, _)| *v == sel).cloned().collect();
                            (!opts.is_empty()).then(|| (g.clone(), opts))
                        })
                        .collect();
                    Arc::new(current)
                })
                selected=cpu_id
                searchable=true
                on_change=Callback::new(move |v: String| {
                    state.edit(|i| {
                        i.cpu = if v.is_empty() {
                            None
                        } else {
                            let keep = i.cpu.take().unwrap_or_default();
                            Some(CpuInput { id: v, ..keep })
                        }
                    })
                })
            />
            <NumField
                id="f-cores"
                label="CPU cores used"
                unit="cores"
                field=Field::CpuCores
                optional=true
                placeholder="not counted"
                get=|i| i.cpu.as_ref().map(|c| c.cores)
                set=|i, v| match v {
                    Some(cores) => i.cpu.get_or_insert_with(CpuInput::default).cores = cores,
                    None => i.cpu = None,
                }
            />
            <NumField
                id="f-mem"
                label="Memory"
                unit="GB"
                field=Field::Memory
                optional=true
                placeholder="not counted"
                get=|i| i.memory_gb
                set=|i, v| i.memory_gb = v
            />
        </div>
    }
}
