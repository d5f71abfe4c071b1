//! "Learn & act": the paper's five actions, each with the person's own numbers.

use crate::ui::erased::CollectAny;
use crate::ui::state::CalcState;
use emissions_core::format::format_mass_kg;
use emissions_core::format::format_sig;
use emissions_core::model::factors::peak_throughput;
use emissions_core::model::HardwareBasis;
use emissions_core::number;
use leptos::prelude::*;

/// Grid-search example: values per hyper-parameter and number of hyper-parameters.
const GRID_VALUES: i32 = 4;
const GRID_PARAMS: i32 = 3;
/// A random-search budget that often matches such a grid (Bergstra & Bengio 2012).
const RANDOM_TRIALS: f64 = 16.0;

/// The Learn & act section.
#[component]
pub fn LearnAct() -> impl IntoView {
    let state = expect_context::<CalcState>();
    let ds = state.factors.dataset();
    let items = move || {
        let (job, est) = state.outcome.with(|o| (o.job.clone(), o.estimate.clone()));
        let (job, est) = (job?, est?);
        let alts = state.alternatives.get()?;
        let kg = est.location_based.0;

        // 2. Providers: the cleanest region of each provider.
        let mut best: Vec<(String, f64)> = Vec::new();
        for r in &alts.regions {
            if !best.iter().any(|(p, _)| *p == *r.provider) {
                best.push((r.provider.to_string(), r.emissions.0));
            }
        }
        let providers = best
            .iter()
            .map(|(p, e)| {
                let name = ds.provider(p).map_or(p.clone(), |x| x.name.clone());
                format!("{name} {}", format_mass_kg(*e))
            })
            .collect::<Vec<_>>()
            .join(" · ");

        // 3. Locations: the spread of grid intensity across regions.
        let cis: Vec<f64> = alts.regions.iter().map(|r| r.intensity.0).collect();
        let lo = cis.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = cis.iter().copied().fold(0.0, f64::max);

        // 4. Runs.
        let runs = f64::from(job.runs.max(1));
        let per_run = kg / runs;
        let grid_runs = f64::from(GRID_VALUES.pow(GRID_PARAMS as u32));

        // 5. Hardware efficiency: peak dense TFLOPS per W of TDP, as GFLOPS/W.
        let eff = |tflops: f64, tdp: f64| tflops * 1000.0 / tdp;
        let mine = job
            .accelerator
            .peak
            .map(|p| eff(p.0, job.accelerator.tdp.0));
        let top = ds
            .hardware
            .iter()
            .filter_map(|h| peak_throughput(h).map(|p| (h.name.clone(), eff(p.0, h.tdp.0))))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        let hw_text = match (mine, top) {
            (Some(m), Some((name, t))) => format!(
                "Your {} delivers about {} GFLOPS per watt of TDP at peak; the most efficient in the \
                 dataset, {name}, about {} ({}× yours). Newer chips usually finish the same FLOPs on \
                 less energy.",
                job.accelerator.name,
                format_sig(m, 3),
                format_sig(t, 3),
                format_sig(t / m, 2)
            ),
            _ => format!(
                "The {} has no published peak throughput in the dataset; compare accelerators in the \
                 chart above with the workload in FLOPs.",
                job.accelerator.name
            ),
        };
        let best_hw = alts.hardware.first().map(|h| {
            let caveat = match alts.basis {
                HardwareBasis::SameHours => {
                    " with the same hours on every chip (yours has no published throughput)"
                }
                HardwareBasis::SameWork => {
                    " for the same work (your hours × devices × peak throughput) at the same draw"
                }
                HardwareBasis::SameFlops => " at the same FLOPs and MFU",
            };
            format!(
                " For this job the lowest-emission accelerator is {} ({}){caveat}.",
                h.name,
                format_mass_kg(h.emissions.0)
            )
        });

        Some(vec![
            (
                "Quantify",
                format!(
                    "Done: this job emits {} CO₂e ({}–{}) from {} kWh. Keep the share link or an export \
                     with your paper so others can check and compare.",
                    format_mass_kg(kg),
                    format_mass_kg(est.uncertainty.location_based.low.0),
                    format_mass_kg(est.uncertainty.location_based.high.0),
                    format_sig(est.energy.total.0, 3)
                ),
            ),
            (
                "Choose the provider",
                format!("The cleanest region of each provider for this job: {providers}."),
            ),
            (
                "Choose the location",
                format!(
                    "Grid intensity across cloud regions ranges from {} to {} g/kWh, a factor of {}; \
                     yours is {} g/kWh. Location is usually the biggest lever.",
                    format_sig(lo, 3),
                    format_sig(hi, 3),
                    format_sig(hi / lo.max(1.0), 2),
                    format_sig(est.intensity.0, 3)
                ),
            ),
            (
                "Waste fewer runs",
                format!(
                    "You entered {} run{} ({} each). A grid search over {GRID_PARAMS} hyper-parameters × \
                     {GRID_VALUES} values is {} runs ({}); random search often finds an equally good \
                     configuration in far fewer trials (Bergstra & Bengio 2012), e.g. {} ({}).",
                    job.runs,
                    if job.runs == 1 { "" } else { "s" },
                    format_mass_kg(per_run),
                    number::shortest(grid_runs),
                    format_mass_kg(per_run * grid_runs),
                    number::shortest(RANDOM_TRIALS),
                    format_mass_kg(per_run * RANDOM_TRIALS)
                ),
            ),
            ("Use efficient hardware", format!("{hw_text}{}", best_hw.unwrap_or_default())),
        ])
    };
    view! {
        <section class="learn card" aria-labelledby="learn-heading">
            <h2 id="learn-heading">"Learn & act"</h2>
            <p class="muted">"The five actions of Lacoste et al. (2019), with your numbers."</p>
            <ol class="actions">
                {move || {
                    items()
                        .unwrap_or_default()
                        .into_iter()
                        .map(|(title, text)| view! { <li><strong>{title}</strong>" — "{text}</li> })
                        .collect_any()
                }.into_any()}
            </ol>
        </section>
    }
}
