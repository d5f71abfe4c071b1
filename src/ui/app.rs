//! The application shell: header, main area, footer.

use leptos::prelude::*;

/// The product name, shown in the header and the page title.
pub const PRODUCT_NAME: &str = "ML Emissions Calculator";

/// The root component: the page shell that later sections fill in.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to the calculator"</a>
        <header class="site-header">
            <h1>{PRODUCT_NAME}</h1>
            <p class="tagline">"How much CO₂e does your training run emit, and where would it emit less?"</p>
        </header>
        <main id="main" class="site-main">
            <p>"Everything is computed in your browser; nothing you enter leaves this page."</p>
        </main>
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
