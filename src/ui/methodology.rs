//! Methodology & limitations: what is approximated, how the range is computed, data and sources.

use crate::ui::erased::CollectAny;
use crate::ui::state::CalcState;
use emissions_core::dataset::DATASET_VERSION;
use emissions_core::format::format_energy_kwh;
use emissions_core::format::format_sig;
use emissions_core::model::metered::metered_checks;
use leptos::prelude::*;

/// The methodology section.
#[component]
pub fn Methodology() -> impl IntoView {
    let state = expect_context::<CalcState>();
    let ds = state.factors.dataset();
    let sources = ds
        .sources
        .iter()
        .map(|s| {
            view! {
                <li>
                    <a href=s.url.clone() rel="noopener noreferrer">{s.name.clone()}</a>
                    {format!(" — {}, licence {}", s.year, s.licence)}
                </li>
            }
        })
        .collect_any();
    view! {
        <section class="method card" aria-labelledby="method-heading">
            <h2 id="method-heading">"Methodology & limitations"</h2>
            <p>
                "Emissions = devices × power per device × hours × runs (+ host CPU and memory) × PUE × grid \
                 carbon intensity. With one device, 100 % utilization and PUE 1 this is the calculator of \
                 Lacoste et al. (2019); CPU and memory follow Green Algorithms."
            </p>
            <ul>
                <li><strong>"Power is approximated"</strong>" by TDP × the typical average draw of the kind of job, taken from published metered runs (below), unless you enter a utilization or a measured draw. The figure at 100 % of TDP, the paper's convention, is shown beside it as an upper bound."</li>
                <li><strong>"Intensity is an annual average"</strong>" (life-cycle where available), not the marginal or hourly intensity of the hour the job ran."</li>
                <li><strong>"Life cycle, shown apart"</strong>": embodied emissions of the accelerators and host servers (cradle to gate, per device and per server) are amortised over the hours the job used them: hours ÷ (service life × 8,760 h × share of life in use), the method of Luccioni et al. (2022) for BLOOM. Development overhead (earlier runs) is a % of the final runs, 0 unless typed; Morrison et al. (2025) report about 50 % for OLMo. Water is the data centre's on-site WUE × IT energy (0 on a personal machine). The life-cycle total adds operational location-based, embodied and development emissions; building the data centre and end of life are not counted, and the headline stays the operational figure."</li>
                <li><strong>"The range"</strong>" propagates intervals: the metered low–high draw of the kind of job (60–100 % of TDP around a typed utilization, ±10 % of a measured draw), the provider's or the industry's PUE range, and the grid intensity's low–high range; low and high combine the ends of every interval."</li>
                <li><strong>"Market-based"</strong>" figures rely on the operator's renewable-energy and offset claims; they are shown apart and never replace the location-based figure."</li>
            </ul>
            <MeteredTable/>
            <p>{format!("Dataset version {DATASET_VERSION} ({}). {}", ds.meta.version, ds.meta.basis)}</p>
            <details class="sources">
                <summary>{format!("All {} sources", ds.sources.len())}</summary>
                <ul>{sources}</ul>
            </details>
        </section>
    }
}

/// How far the model is from a meter: the model on every published metered run of the dataset,
/// given only the hardware, device count, hours and job kind (the native test checks the same
/// table against its targets).
#[component]
fn MeteredTable() -> impl IntoView {
    let state = expect_context::<CalcState>();
    let (checks, summary) = metered_checks(state.factors);
    let draw = state
        .factors
        .dataset()
        .draw
        .iter()
        .map(|d| {
            view! {
                <li>
                    <strong>{d.label.clone()}</strong>
                    {format!(
                        ": {} % of TDP (range {}–{} %). {}. Sources: {}.",
                        format_sig(d.typical.0, 3),
                        format_sig(d.low.0, 3),
                        format_sig(d.high.0, 3),
                        d.basis.trim_end_matches('.'),
                        d.source.replace(';', ", ")
                    )}
                </li>
            }
        })
        .collect_any();
    let rows = checks
        .into_iter()
        .map(|c| {
            view! {
                <tr>
                    <th scope="row">{c.name}</th>
                    <td>{format!("{} × {}", c.devices, c.hardware)}</td>
                    <td class="num">{format_sig(f64::from(c.devices) * c.hours, 3)}</td>
                    <td>{c.kind.id()}</td>
                    <td class="num">{format_energy_kwh(c.metered.0)}</td>
                    <td class="num">{format!("{} ({}–{})", format_energy_kwh(c.central.0), format_energy_kwh(c.low.0), format_energy_kwh(c.high.0))}</td>
                    <td class="num">{format!("×{}", format_sig(c.ratio, 3))}</td>
                    <td>{if c.contained { "yes" } else { "no" }}</td>
                    <td>{c.source}</td>
                </tr>
            }
        })
        .collect_any();
    view! {
        <h3 class="small-heading">"How far from a meter?"</h3>
        <p data-testid="metered-summary">{summary.sentence()}</p>
        <ul>{draw}</ul>
        <details class="metered">
            <summary>"The published metered runs"</summary>
            <div class="table-scroll">
                <table class="data-table" data-testid="metered-table">
                    <caption>"Model (hardware, count, hours and kind only; PUE 1) against metered energy"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Run"</th>
                            <th scope="col">"Hardware"</th>
                            <th scope="col">"Device-hours"</th>
                            <th scope="col">"Kind"</th>
                            <th scope="col">"Metered"</th>
                            <th scope="col">"Estimate (range)"</th>
                            <th scope="col">"Estimate ÷ metered"</th>
                            <th scope="col">"In range"</th>
                            <th scope="col">"Source"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </details>
    }
}
