//! Side-by-side comparison of two or more saved jobs: a table with a total row, a chart, and the
//! same exports as the current estimate.

use super::chart::{bars, CompareChart};
use super::Saved;
use crate::ui::erased::{CollectAny, ShowIf};
use crate::ui::export::ExportView;
use crate::ui::state::factors;
use emissions_core::export::{ExportContext, ExportItem, TrainingType};
use emissions_core::model::trace::num;
use emissions_core::number;
use leptos::prelude::*;

/// The comparison of the ticked jobs (shown from two up).
#[component]
pub fn Compare() -> impl IntoView {
    let saved = expect_context::<Saved>();
    // Each ticked job, estimated; jobs whose inputs no longer validate are listed apart.
    let chosen = Memo::new(move |_| {
        let Ok(factors) = factors() else {
            return (Vec::new(), Vec::new());
        };
        let selected = saved.selected.get();
        saved.jobs.with(|s| {
            let (mut ok, mut bad) = (Vec::new(), Vec::new());
            for job in s.jobs.iter().filter(|j| selected.contains(&j.id)) {
                match ExportItem::from_inputs(&job.name, &job.inputs, factors) {
                    Ok(item) => ok.push(item),
                    Err(errors) => bad.push(format!(
                        "“{}” cannot be estimated with the current dataset ({} input problem{}).",
                        job.name,
                        errors.len(),
                        if errors.len() == 1 { "" } else { "s" }
                    )),
                }
            }
            (ok, bad)
        })
    });
    let items = Signal::derive(move || chosen.with(|c| c.0.clone()));
    let count = move || saved.selected.with(|s| s.len());
    let chart = Signal::derive(move || {
        chosen.with(|(items, _)| {
            let rows: Vec<(String, f64)> = items
                .iter()
                .map(|i| (i.name.clone(), i.estimate.location_based.0))
                .collect();
            bars(&rows)
        })
    });
    view! {
        <div class="compare-jobs" data-testid="compare">
            <h3>"Compare saved jobs"</h3>
            <ShowIf
                when=move || { count() >= 2 }
                fallback=|| view! { <p class="hint">"Tick two or more saved jobs to compare them and see their total."</p> }
            >
                {move || chosen.with(|c| c.1.clone()).into_iter().map(|m| view! { <p class="notice">{m}</p> }).collect_any().into_any()}
                <CompareTable items=items/>
                <CompareChart data=chart/>
                <h4>"Export the comparison"</h4>
                <ExportView items=items id="compare-export" stem="ml-emissions-comparison"/>
            </ShowIf>
        </div>
    }
}

/// The table: one row per job and the total.
#[component]
fn CompareTable(
    /// The estimated jobs.
    #[prop(into)]
    items: Signal<Vec<ExportItem>>,
) -> impl IntoView {
    let total =
        move || items.with(|items| ExportContext::new(items.clone(), TrainingType::Other).totals());
    view! {
        <div class="table-scroll">
            <table class="compare-table" data-testid="compare-table">
                <caption>"Saved jobs side by side (location-based emissions)"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Job"</th>
                        <th scope="col">"Hardware"</th>
                        <th scope="col">"Device-hours"</th>
                        <th scope="col">"Location"</th>
                        <th scope="col">"Energy (kWh)"</th>
                        <th scope="col">"kgCO₂e"</th>
                        <th scope="col">"Range (kgCO₂e)"</th>
                        <th scope="col">"Embodied (kgCO₂e)"</th>
                        <th scope="col">"Life-cycle total (kgCO₂e)"</th>
                        <th scope="col">"Water (L)"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || items.get().into_iter().map(|i| {
                        let e = &i.estimate;
                        let r = e.uncertainty.location_based;
                        view! {
                            <tr>
                                <th scope="row">{i.name.clone()}</th>
                                <td>{i.hardware()}</td>
                                <td class="num">{num(e.device_hours.0)}</td>
                                <td>{i.location()}</td>
                                <td class="num">{num(e.energy.total.0)}</td>
                                <td class="num">{num(e.location_based.0)}</td>
                                <td class="num">{format!("{}–{}", num(r.low.0), num(r.high.0))}</td>
                                <td class="num">{num(e.lifecycle.embodied.central.0)}</td>
                                <td class="num">{num(e.lifecycle.total.central.0)}</td>
                                <td class="num">{num(e.lifecycle.water.central.0)}</td>
                            </tr>
                        }
                    }).collect_any().into_any()}
                </tbody>
                <tfoot>
                    {move || {
                        let t = total();
                        view! {
                            <tr data-testid="compare-total" data-value=number::shortest(t.location_based.central.0)>
                                <th scope="row">"Total"</th>
                                <td></td>
                                <td class="num">{num(t.device_hours.0)}</td>
                                <td></td>
                                <td class="num">{num(t.energy.0)}</td>
                                <td class="num">{num(t.location_based.central.0)}</td>
                                <td class="num">{format!("{}–{}", num(t.location_based.low.0), num(t.location_based.high.0))}</td>
                                <td class="num">{num(t.embodied.central.0)}</td>
                                <td class="num">{num(t.lifecycle.central.0)}</td>
                                <td class="num">{num(t.water.central.0)}</td>
                            </tr>
                        }
                    }.into_any()}
                </tfoot>
            </table>
        </div>
    }
}
