//! The application shell: header, main area, footer; creates and provides the calculator state.
//!
//! Start-up order of the inputs: the URL query if it has any parameter (a share link), else the
//! saved draft, else the defaults. One effect then keeps the URL in step with the inputs (syncing
//! to a system outside the reactive graph, the one job effects are for); the draft is saved by
//! the event handlers that change the inputs (`CalcState::edit`), so a failed save can be shown.
//! Both writes wait for typing to pause and are flushed when the page is hidden. The service
//! worker (offline use) is registered here, once the app runs.

use crate::platform::address_bar::{current_query, flush_query, replace_query_soon};
use crate::platform::service_worker::register_service_worker;
use crate::platform::storage;
use crate::platform::timing::{in_next_task, in_stages};
use crate::ui::charts::Comparisons;
use crate::ui::erased::{effect, staged};
use crate::ui::export::ExportPanel;
use crate::ui::form::InputForm;
use crate::ui::learn::LearnAct;
use crate::ui::methodology::Methodology;
use crate::ui::results::suggest::Suggestion;
use crate::ui::results::trace::FormulaTrace;
use crate::ui::results::{MiniResult, Results};
use crate::ui::saved::SavedJobs;
use crate::ui::state::{factors, CalcState};
use crate::ui::theme::ThemeToggle;
use crate::ui::url::{OtherData, UrlNotice, UrlReport};
use emissions_core::dataset::DATASET_VERSION;
use emissions_core::model::Inputs;
use emissions_core::share::{from_query, names_inputs, to_query_citing, CitedFigures};
use leptos::prelude::*;

/// The starting inputs and what the start-up URL got wrong.
pub fn initial_inputs() -> (Inputs, UrlReport) {
    let query = current_query();
    // A query holding only the dataset version and figures (what the page writes for default
    // inputs) is no share link: the draft of the last visit wins then.
    if names_inputs(&query) {
        let decoded = from_query(&query);
        let other_version = decoded
            .version
            .filter(|v| v != DATASET_VERSION)
            .map(|version| OtherData {
                version,
                cited: decoded.cited,
                inputs: decoded.inputs.clone(),
            });
        let report = UrlReport {
            problems: decoded.problems,
            other_version,
        };
        return (decoded.inputs, report);
    }
    let inputs = storage::load_draft().unwrap_or_default();
    (inputs, UrlReport::default())
}

/// The root component: the main area with the calculator (or a clear message if the bundled
/// dataset cannot be read) and the footer.
///
/// Design note: the skip link and the header (the product name and tagline, the largest text of a
/// phone's first screen) are static in `index.html`, so they are painted before the WebAssembly
/// has even downloaded; only the theme toggle is mounted into them ([`mount`]). Measured with
/// Lighthouse's mobile preset: the largest contentful paint was the tagline, drawn by the app at
/// 2.8 s.
#[component]
pub fn App() -> impl IntoView {
    let (stage, set_stage) = signal(0u8);
    in_stages(LAST_STAGE, RESULTS_STAGE, move |k| {
        set_stage.set(k);
        if k == RESULTS_STAGE {
            // Leptos builds the results in effects that run after this task: mark them next,
            // and retire the build's first estimate, which they replace.
            in_next_task(Box::new(|| {
                crate::platform::marks::after_mount();
                crate::platform::first_screen::retire();
            }));
        }
    });
    let body = match factors() {
        Ok(factors) => {
            crate::platform::marks::mark(crate::platform::marks::DATA_READY_MARK);
            let (initial, report) = initial_inputs();
            // The draft is the start-up inputs until the first edit saves the next ones (a share
            // link's inputs come back on the next visit, as if typed): written once start-up is
            // over, or when the page is hidden before.
            storage::save_draft_soon(&initial);
            let state = CalcState::new(initial, factors);
            provide_context(state);
            // Pending writes go out before the page is hidden (closed, reloaded, backgrounded).
            window_event_listener_untyped("pagehide", |_| {
                flush_query();
                storage::flush_draft();
            });
            view! { <UrlNotice report=report/> <Calculator stage=stage/> }.into_any()
        }
        Err(message) => view! {
            <p class="error" role="alert">
                {format!("The bundled emission-factor dataset could not be read: {message}")}
            </p>
        }
        .into_any(),
    };
    view! {
        <main id="main" class="site-main">{body}</main>
        {staged(stage, LAST_STAGE, &[footer])}
    }
}

/// The calculator: inputs beside results, then provenance, suggestions, comparisons, guidance,
/// saved jobs and exports.
///
/// Design note: the page is built in short tasks, so that the browser can paint and answer input
/// between them: Lighthouse's total blocking time counts every task past 50 ms at a 4× slower
/// CPU, and one task building the whole first screen was ~450 ms there. The app mounts with an
/// empty main area (the dataset is read in the task before); the hardware fields, then the
/// duration and location, then the results (and the phone's result bar) each mount in a task of
/// their own (`platform::timing::in_stages`); after the frame that paints the results, the folded
/// parts of the form and each part of [`LATER`], then the footer, which also starts keeping the
/// address bar in step (its first share link is no work the first screen waits for) and registers
/// the service worker. The parts appear in document order and below what is shown, so nothing
/// already on screen moves (layout shift 0). Measured with Lighthouse's mobile preset on this
/// machine, total blocking time of the default page: everything in two tasks, ~600 ms; the parts
/// below the results apart, ~400 ms; every stage apart, with the pickers' options written as one
/// `innerHTML`, median 183 ms; the address bar and the result bar out of the mount task, 108 ms (5
/// runs each, interleaved). Then the estimate left the hardware stage (the fields read only the
/// validation, `CalcState::checked`; the results compute the estimate), the dataset got a task of
/// its own (`main`), and the footer too (with the first share link and the service worker's
/// registration): 194 → 48 ms, and on the share link 302 → 26 ms (medians of 5 and 4 interleaved
/// runs).
#[component]
fn Calculator(
    /// How far the page is built.
    stage: ReadSignal<u8>,
) -> impl IntoView {
    view! {
        <div class="calc-layout">
            <InputForm stage=stage/>
            <div class="results-column">
                {staged(stage, RESULTS_STAGE, &[|| view! { <Results/> <Suggestion/> }.into_any()])}
            </div>
        </div>
        {staged(stage, LATER_STAGE, &LATER)}
        // Fixed at the bottom of a phone's screen: it moves nothing when it mounts.
        {staged(stage, RESULTS_STAGE, &[|| view! { <MiniResult/> }.into_any()])}
    }
}

/// The stage at which the results mount (after the form's visible fields).
const RESULTS_STAGE: u8 = 3;
/// The stage at which the first part of [`LATER`] mounts (after the form's folded parts).
const LATER_STAGE: u8 = 5;
/// The stage of the footer, after the last part of [`LATER`] (the footer also starts the address
/// bar's share link and the service worker: a task of their own).
const LAST_STAGE: u8 = LATER_STAGE + LATER.len() as u8;

/// The parts below the form and the results, in page order, each mounted in a task of its own
/// (the two small ones together).
const LATER: [fn() -> AnyView; 5] = [
    || view! { <FormulaTrace/> }.into_any(),
    || view! { <Comparisons/> }.into_any(),
    || view! { <LearnAct/> <SavedJobs/> }.into_any(),
    || view! { <ExportPanel/> }.into_any(),
    || view! { <Methodology/> }.into_any(),
];

/// Keeps the address bar a share link of the current (valid) inputs, citing their figures so that
/// a reader with other data can compare: at once when called, then once typing pauses (and
/// before the page is hidden). Called with the last part of the page: its first run (the link
/// and the history entry) is not start-up work the first screen waits for.
fn keep_address_bar_in_step() {
    let Some(state) = use_context::<CalcState>() else {
        return;
    };
    let mut first_run = true;
    effect(move || {
        state.outcome.with(|o| {
            if o.errors.is_empty() {
                let cited = o.estimate.as_deref().map(CitedFigures::of);
                let cited = cited.unwrap_or_default();
                let query = state
                    .inputs
                    .with(|i| to_query_citing(i, DATASET_VERSION, &cited));
                replace_query_soon(query);
                if first_run {
                    flush_query();
                }
            }
        });
        first_run = false;
    });
}

/// The footer, mounted after the last part of the page (above the parts still to come it would be
/// pushed down as they mount: a layout shift).
fn footer() -> AnyView {
    keep_address_bar_in_step();
    // Offline use needs the worker only for the next visit: no start-up work waits for it.
    register_service_worker();
    view! {
        <footer class="site-footer">
            <p>
                "Method after "
                <a href="https://arxiv.org/abs/1910.09700">
                    "Lacoste, Luccioni, Schmidt & Dandres (2019), "
                    <cite>"Quantifying the Carbon Emissions of Machine Learning"</cite>
                </a>
                ". Runs entirely in your browser; nothing you type leaves it."
            </p>
        </footer>
    }
    .into_any()
}

/// Starts the app: the main area and the footer after the static header of `index.html`, and the
/// theme toggle into the header's `#theme-slot`.
pub fn mount() {
    leptos::mount::mount_to_body(App);
    let slot = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("theme-slot"))
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    if let Some(slot) = slot {
        leptos::mount::mount_to(slot, ThemeToggle).forget();
    }
}
