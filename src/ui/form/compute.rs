//! The hardware fieldset: an accelerator × count, or a GPU cloud instance × count, with power.

use crate::ui::erased::ShowIf;
use crate::ui::form::field::NumField;
use crate::ui::form::picker::{Groups, ModeSwitch, Picker};
use crate::ui::state::CalcState;
use emissions_core::choices::{hardware_choices, instance_choices};
use emissions_core::model::{ComputeInput, ComputeMode, Field, JobKind};
use emissions_core::number;
use leptos::prelude::*;
use std::sync::Arc;

/// The compute fieldset.
#[component]
pub fn ComputeFields() -> impl IntoView {
    let state = expect_context::<CalcState>();
    let factors = state.factors;
    let ds = factors.dataset();
    let mode = Memo::new(move |_| state.inputs.with(|i| i.compute.mode()));
    let id = Memo::new(move |_| {
        state.inputs.with(|i| match &i.compute {
            ComputeInput::Hardware { id, .. } | ComputeInput::Instance { id, .. } => id.clone(),
        })
    });
    let switch = Callback::new(move |key: &'static str| {
        if let Some(to) = ComputeMode::from_key(key) {
            state.edit(|i| i.switch_compute(to, factors))
        }
    });
    let kind = Memo::new(move |_| state.inputs.with(|i| i.job_kind.id()));
    // The job kind's typical draw and range, % of TDP (numbers only: nothing is cloned per read).
    let profile = move || {
        let k = state.inputs.with(|i| i.job_kind);
        factors
            .draw_profile(k)
            .map(|p| (p.typical.0, p.low.0, p.high.0))
    };
    let typical_placeholder = move || {
        profile().map_or(String::new(), |(typ, _, _)| {
            format!("typical {}", number::shortest(typ))
        })
    };
    let draw_hint = move || {
        profile().map_or(String::new(), |(typ, low, high)| {
            format!(
                "Typical draw {} % of TDP (range {}–{} %), from published metered runs \
                 (see Methodology).",
                number::shortest(typ),
                number::shortest(low),
                number::shortest(high)
            )
        })
    };
    let hw_groups: Groups = Arc::new(hardware_choices(ds));
    // Instances are listed only when that mode is chosen (not on every start).
    let inst_groups = move || -> Groups { Arc::new(instance_choices(ds)) };
    view! {
        <fieldset class="group">
            <legend>"Hardware"</legend>
            <ModeSwitch
                name="compute-kind"
                legend="Hardware given as"
                modes=vec![(ComputeMode::Hardware.key(), "Accelerator"), (ComputeMode::Instance.key(), "Cloud instance")]
                current=Signal::derive(move || mode.get().key())
                on_change=switch
            />
            <ShowIf
                when=move || mode.get() == ComputeMode::Hardware
                fallback=move || {
                    view! {
                        <div class="row">
                            <Picker
                                id="f-inst"
                                label="GPU cloud instance"
                                field=Field::Instance
                                groups=Signal::stored(inst_groups())
                                selected=id
                                searchable=true
                                on_change=Callback::new(move |v: String| state.edit(|i| i.set_instance(v, factors)))
                            />
                            <NumField
                                id="f-n"
                                label="Instances"
                                unit="×"
                                field=Field::InstanceCount
                                get=|i| match i.compute { ComputeInput::Instance { count, .. } => Some(count), _ => None }
                                set=|i, v| if let ComputeInput::Instance { count, .. } = &mut i.compute { *count = v.unwrap_or(f64::NAN) }
                            />
                        </div>
                        <p class="hint">"Choosing an instance fills in its host CPU and memory (under “More”)."</p>
                    }
                }
            >
                <div class="row">
                    <Picker
                        id="f-hw"
                        label="Accelerator"
                        field=Field::Hardware
                        groups=Signal::stored(hw_groups.clone())
                        selected=id
                        searchable=true
                        on_change=Callback::new(move |v: String| {
                            state.edit(|i| {
                                if let ComputeInput::Hardware { id, .. } = &mut i.compute { *id = v }
                            })
                        })
                    />
                    <NumField
                        id="f-n"
                        label="Devices"
                        unit="×"
                        field=Field::Devices
                        get=|i| match i.compute { ComputeInput::Hardware { devices, .. } => Some(devices), _ => None }
                        set=|i, v| if let ComputeInput::Hardware { devices, .. } = &mut i.compute { *devices = v.unwrap_or(f64::NAN) }
                    />
                </div>
            </ShowIf>
            <div class="field">
                <span class="field-label" id="f-kind-label">"Kind of job"</span>
                <ModeSwitch
                    name="job-kind"
                    legend="Kind of job (decides the typical power draw)"
                    modes=vec![
                        ("unknown", "Not sure"),
                        ("pretrain", "Large-scale pre-training"),
                        ("finetune", "Fine-tuning / small model"),
                    ]
                    current=kind
                    on_change=Callback::new(move |k: &'static str| {
                        state.edit(|i| i.job_kind = JobKind::from_id(k).unwrap_or_default())
                    })
                />
                <p class="hint" data-testid="draw-hint">{move || draw_hint().into_any()}</p>
            </div>
            <div class="row">
                <NumField
                    id="f-util"
                    label="Utilization"
                    unit="% of TDP"
                    field=Field::Utilization
                    optional=true
                    placeholder=Signal::derive(typical_placeholder)
                    get=|i| i.utilization_pct
                    set=|i, v| i.utilization_pct = v
                    hint="Average draw; blank = the typical draw above. 100 is the paper's convention."
                />
                <NumField
                    id="f-w"
                    label="Measured power"
                    unit="W / device"
                    field=Field::Power
                    optional=true
                    placeholder="optional"
                    get=|i| i.power_w
                    set=|i, v| i.power_w = v
                    hint="Overrides TDP × utilization (e.g. from nvidia-smi)."
                />
            </div>
        </fieldset>
    }
}
