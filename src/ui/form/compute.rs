//! The hardware fieldset: an accelerator × count, or a GPU cloud instance × count, with power.

use crate::ui::erased::ShowIf;
use crate::ui::form::field::NumField;
use crate::ui::form::picker::{Groups, ModeSwitch, Picker};
use crate::ui::state::CalcState;
use emissions_core::dataset::{Dataset, HardwareKind};
use emissions_core::model::{ComputeInput, Field, JobKind, LocationInput};
use emissions_core::number;
use leptos::prelude::*;
use std::sync::Arc;

fn kind_label(kind: HardwareKind) -> &'static str {
    match kind {
        HardwareKind::Gpu => "GPUs",
        HardwareKind::Tpu => "TPUs",
        HardwareKind::Npu => "accelerators",
        HardwareKind::Soc => "systems-on-chip",
    }
}

/// Accelerators grouped by vendor and kind, each showing its TDP.
pub fn hardware_groups(ds: &Dataset) -> Groups {
    let mut groups: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for hw in &ds.hardware {
        let group = format!("{} {}", hw.vendor, kind_label(hw.kind));
        let text = format!("{} · {} W TDP", hw.name, hw.tdp.0);
        match groups.iter_mut().find(|(g, _)| *g == group) {
            Some((_, opts)) => opts.push((hw.id.clone(), text)),
            None => groups.push((group, vec![(hw.id.clone(), text)])),
        }
    }
    Arc::new(groups)
}

/// GPU instances grouped by provider, each showing its accelerators.
pub fn instance_groups(ds: &Dataset) -> Groups {
    let groups = ds
        .providers
        .iter()
        .map(|p| {
            let opts = ds
                .instances
                .iter()
                .filter(|i| i.provider == p.id)
                .map(|i| {
                    let hw = ds
                        .hardware(&i.hw)
                        .map_or(i.hw.as_str(), |h| h.name.as_str());
                    (i.id.clone(), format!("{} · {} × {hw}", i.id, i.n))
                })
                .collect::<Vec<_>>();
            (p.name.clone(), opts)
        })
        .filter(|(_, o)| !o.is_empty())
        .collect();
    Arc::new(groups)
}

/// The compute fieldset.
#[component]
pub fn ComputeFields() -> impl IntoView {
    let state = expect_context::<CalcState>();
    let factors = state.factors;
    let ds = factors.dataset();
    let mode = Memo::new(move |_| {
        state.inputs.with(|i| match i.compute {
            ComputeInput::Hardware { .. } => "hardware",
            ComputeInput::Instance { .. } => "instance",
        })
    });
    let id = Memo::new(move |_| {
        state.inputs.with(|i| match &i.compute {
            ComputeInput::Hardware { id, .. } | ComputeInput::Instance { id, .. } => id.clone(),
        })
    });
    let set_instance = move |i: &mut emissions_core::model::Inputs, inst: String| {
        if let Some(host) = factors.instance_host(&inst) {
            i.cpu = Some(host.cpu);
            i.memory_gb = Some(host.memory.0);
        }
        i.compute = ComputeInput::Instance {
            id: inst,
            count: 1.0,
        };
    };
    let switch = Callback::new(move |m: &'static str| {
        state.edit(|i| match (m, &i.compute) {
            ("instance", ComputeInput::Hardware { id, .. }) => {
                let provider = match &i.location {
                    LocationInput::Cloud { provider, .. } => provider.clone(),
                    _ => String::new(),
                };
                let pick = ds
                    .instances
                    .iter()
                    .find(|x| x.hw == *id && x.provider == provider)
                    .or_else(|| ds.instances.iter().find(|x| x.hw == *id))
                    .or_else(|| ds.instances.first())
                    .map(|x| x.id.clone());
                if let Some(pick) = pick {
                    set_instance(i, pick);
                }
            }
            ("hardware", ComputeInput::Instance { id, count }) => {
                let (hw, n) = ds
                    .instance(id)
                    .map_or((String::new(), 1.0), |x| (x.hw.clone(), f64::from(x.n)));
                let hw = if hw.is_empty() {
                    emissions_core::model::inputs::DEFAULT_HARDWARE.to_string()
                } else {
                    hw
                };
                i.compute = ComputeInput::Hardware {
                    id: hw,
                    devices: (n * count).max(1.0),
                };
            }
            _ => {}
        })
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
    let hw_groups = hardware_groups(ds);
    let inst_groups = instance_groups(ds);
    view! {
        <fieldset class="group">
            <legend>"Hardware"</legend>
            <ModeSwitch
                name="compute-kind"
                legend="Hardware given as"
                modes=vec![("hardware", "Accelerator"), ("instance", "Cloud instance")]
                current=mode
                on_change=switch
            />
            <ShowIf
                when=move || mode.get() == "hardware"
                fallback=move || {
                    view! {
                        <div class="row">
                            <Picker
                                id="f-inst"
                                label="GPU cloud instance"
                                field=Field::Instance
                                groups=Signal::stored(inst_groups.clone())
                                selected=id
                                searchable=true
                                on_change=Callback::new(move |v: String| state.edit(|i| set_instance(i, v)))
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
