//! The hardware chart with its "show all" toggle; selecting a row switches the accelerator
//! (keeping the device count).

use super::data::{hardware_view, HW_TOP_N};
use super::figure::ChartFigure;
use super::kinds::ChartData;
use crate::ui::state::CalcState;
use emissions_core::model::ComputeInput;
use leptos::prelude::*;

/// The same job on every accelerator: emissions, energy and wall time.
#[component]
pub fn HardwareChart(
    /// Whether the page is dark.
    #[prop(into)]
    dark: Signal<bool>,
) -> impl IntoView {
    let state = expect_context::<CalcState>();
    let (show_all, set_show_all) = signal(false);
    let view_data = Memo::new(move |_| {
        let all = show_all.get();
        state
            .alternatives
            .with(|a| a.as_ref().map(|a| hardware_view(a, all)))
            .unwrap_or_default()
    });
    let chart = Memo::new(move |_| view_data.with(|v| ChartData::Hardware(v.chart.clone())));
    let total = Memo::new(move |_| view_data.with(|v| v.total));
    let note = Signal::derive(move || {
        let basis = state
            .alternatives
            .with(|a| a.as_ref().map(|a| a.hardware_basis.to_string()))
            .unwrap_or_default();
        let n = total.get();
        if !show_all.get() && n > HW_TOP_N {
            format!("Lowest {HW_TOP_N} of {n} shown; your device is always included. {basis}")
        } else {
            basis
        }
    });
    let select = Callback::new(move |i: usize| {
        let Some(id) = view_data.with_untracked(|v| v.ids.get(i).cloned()) else {
            return;
        };
        let devices = state
            .outcome
            .with_untracked(|o| o.job.as_ref().map(|j| f64::from(j.devices)));
        if let Some(devices) = devices {
            state.edit(|inputs| inputs.compute = ComputeInput::Hardware { id, devices });
        }
    });
    view! {
        <ChartFigure
            testid="chart-hardware"
            caption="This job on each accelerator: emissions, energy and wall time"
            note
            data=chart
            dark
            on_select=select
            select_hint="use this accelerator"
            frame_class="chart-scroll"
        >
            <button
                type="button"
                data-testid="hardware-show-all"
                aria-pressed=move || show_all.get().to_string()
                disabled=move || total.get() <= HW_TOP_N
                on:click=move |_| set_show_all.update(|s| *s = !*s)
            >
                {move || {
                    if show_all.get() {
                        format!("Show lowest {HW_TOP_N}")
                    } else {
                        format!("Show all {}", total.get())
                    }
                }}
            </button>
        </ChartFigure>
    }
}
