//! The application shell: header, main area, footer; creates and provides the calculator state.

use crate::ui::charts::Comparisons;
use crate::ui::export::ExportPanel;
use crate::ui::saved::SavedJobs;
use crate::ui::state::{factors, CalcState};
use crate::ui::storage;
use leptos::prelude::*;

/// The product name, shown in the header and the page title.
pub const PRODUCT_NAME: &str = "ML Emissions Calculator";

/// The root component: the page shell with the calculator, or a clear message if the bundled
/// dataset cannot be read.
#[component]
pub fn App() -> impl IntoView {
    let body = match factors() {
        Ok(factors) => {
            let initial = storage::load_draft().unwrap_or_default();
            provide_context(CalcState::new(initial, factors));
            view! { <Calculator/> }.into_any()
        }
        Err(message) => view! {
            <p class="error" role="alert">
                {format!("The bundled emission-factor dataset could not be read: {message}")}
            </p>
        }
        .into_any(),
    };
    view! {
        <a class="skip-link" href="#main">"Skip to the calculator"</a>
        <header class="site-header">
            <h1>{PRODUCT_NAME}</h1>
            <p class="tagline">"How much CO₂e does your training run emit, and where would it emit less?"</p>
        </header>
        <main id="main" class="site-main">{body}</main>
        <footer class="site-footer">
            <p>
                "Method after "
                <a href="https://arxiv.org/abs/1910.09700">
                    "Lacoste, Luccioni, Schmidt & Dandres (2019), "
                    <cite>"Quantifying the Carbon Emissions of Machine Learning"</cite>
                </a>
                "."
            </p>
        </footer>
    }
}

/// The calculator: inputs, results, comparisons, saved jobs and exports.
#[component]
fn Calculator() -> impl IntoView {
    let state = expect_context::<CalcState>();
    let headline = move || {
        state.outcome.with(|o| {
            o.estimate
                .as_ref()
                .map(|e| e.location_based.value())
                .unwrap_or(f64::NAN)
        })
    };
    view! {
        <section class="results" aria-live="polite">
            <p>
                "Emissions: "
                <strong data-testid="emissions-kg" data-value=move || headline().to_string()>
                    {move || format!("{:.1} kgCO₂e", headline())}
                </strong>
            </p>
        </section>
        <Comparisons/>
        <SavedJobs/>
        <ExportPanel/>
    }
}
