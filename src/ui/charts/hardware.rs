//! The hardware chart with its "show all" toggle; selecting a row switches the accelerator
//! (keeping the device count).

use super::figure::{ChartFigure, ShowAll};
use super::kinds::{ChartData, ChartView, Target};
use crate::ui::state::CalcState;
use emissions_core::charts::views::{hardware_view, HW_TOP_N};
use emissions_core::model::ComputeInput;
use leptos::prelude::*;

/// The same job on every accelerator: emissions, energy and wall time.
#[component]
pub fn HardwareChart(
    /// Whether the page is dark.
    dark: ReadSignal<bool>,
) -> impl IntoView {
    let state = expect_context::<CalcState>();
    let show_all = RwSignal::new(false);
    let data = Memo::new(move |_| {
        let all = show_all.get();
        let (v, basis) = state
            .alternatives
            .with(|a| {
                a.as_ref().map(|a| {
                    let mut basis = a.hardware_basis.to_string();
                    if !a.unrated.is_empty() {
                        let names: Vec<&str> = a.unrated.iter().map(|h| &*h.name).collect();
                        basis.push_str(&format!(
                            " Listed apart, without a published throughput (same hours): {}.",
                            names.join(", ")
                        ));
                    }
                    (hardware_view(a, all), basis)
                })
            })
            .unwrap_or_default();
        let n = v.total;
        let note = if !all && n > HW_TOP_N {
            format!("Lowest {HW_TOP_N} of {n} shown; your device is always included. {basis}")
        } else {
            basis
        };
        ChartView {
            chart: ChartData::Hardware(v.chart),
            note,
            total: n,
            targets: v.ids.into_iter().map(Target::Device).collect(),
        }
    });
    let select = Callback::new(move |i: usize| {
        let Some(Target::Device(id)) = data.with_untracked(|v| v.targets.get(i).cloned()) else {
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
            data
            dark
            on_select=select
            select_hint="use this accelerator"
            frame_class="chart-scroll"
            show_all=ShowAll {
                testid: "hardware-show-all",
                top_n: HW_TOP_N,
                word: "lowest",
                on: show_all,
            }
        />
    }
}
