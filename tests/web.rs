//! In-browser tests (wasm-bindgen-test in headless Chromium): the components mount and render.
//! Run by `cargo xtask test`; natively this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document")
}

/// Mounts the app into a fresh container and returns the container.
fn mount_app() -> web_sys::HtmlElement {
    let doc = document();
    let container: web_sys::HtmlElement = doc
        .create_element("div")
        .expect("create div")
        .dyn_into()
        .expect("an HtmlElement");
    doc.body()
        .expect("body")
        .append_child(&container)
        .expect("append");
    let handle = leptos::mount::mount_to(container.clone(), ml_emissions_calculator::App);
    // Keep the app alive for the rest of the test run.
    handle.forget();
    container
}

/// The app renders the main area at once and the footer with the last part of the page (the
/// header is static in `index.html`: the e2e shell test checks it on the built page).
#[wasm_bindgen_test]
async fn app_renders_main_and_footer() {
    let root = mount_app();
    assert!(root.query_selector("main#main").unwrap().is_some());
    let footer_link = "footer a[href='https://arxiv.org/abs/1910.09700']";
    until("the footer", || {
        root.query_selector(footer_link).ok().flatten().is_some()
    })
    .await;
    let link = root
        .query_selector(footer_link)
        .unwrap()
        .expect("a link to the paper");
    assert!(link
        .text_content()
        .unwrap()
        .contains("Quantifying the Carbon Emissions"));
}

#[wasm_bindgen_test]
fn panic_banner_shows_text_not_html() {
    ml_emissions_calculator::platform::panic_banner::show("<img src=x onerror=alert(1)>");
    let banner = document()
        .get_element_by_id(ml_emissions_calculator::platform::panic_banner::BANNER_ID)
        .expect("banner shown");
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    assert!(banner.text_content().unwrap().contains("<img src=x"));
    assert!(banner.query_selector("img").unwrap().is_none());
    banner.remove();
}

/// Checks `cond` every 20 ms until it holds; fails the test after 5 s, naming `what`.
async fn until(what: &str, mut cond: impl FnMut() -> bool) {
    for _ in 0..250 {
        if cond() {
            return;
        }
        let p = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window()
                .expect("window")
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(p).await;
    }
    assert!(cond(), "timed out after 5 s waiting for {what}");
}

#[wasm_bindgen_test]
async fn calculator_shows_a_default_estimate_with_test_hooks() {
    // The page is built in stages, each in a task of its own (the app's design note): right after
    // mounting, neither the form nor the results are there; then the headline comes.
    let root = mount_app();
    for early in ["#f-hours", "[data-testid=emissions-kg]", "footer"] {
        assert!(
            root.query_selector(early).unwrap().is_none(),
            "{early} at once"
        );
    }
    until("the headline", || {
        root.query_selector("[data-testid=emissions-kg]")
            .ok()
            .flatten()
            .is_some()
    })
    .await;
    // The documented default job, computed by the same core natively in this test.
    let factors = emissions_core::model::Factors::new(
        emissions_core::dataset::bundled().expect("the bundled dataset parses"),
    );
    let e = emissions_core::model::calculate(&emissions_core::model::Inputs::default(), &factors)
        .expect("the defaults are valid");
    assert!(e.location_based.0 > 0.0 && e.location_based.0 < e.location_based_at_tdp.0);
    for (hook, want) in [
        ("energy-kwh", e.energy.total.0),
        ("emissions-kg", e.location_based.0),
        ("emissions-kg-low", e.uncertainty.location_based.low.0),
        ("emissions-kg-high", e.uncertainty.location_based.high.0),
        ("emissions-market-kg", e.market_based.0),
        ("emissions-kg-tdp", e.location_based_at_tdp.0),
    ] {
        let el = root
            .query_selector(&format!("[data-testid={hook}]"))
            .unwrap()
            .unwrap_or_else(|| panic!("a {hook} element"));
        let value: f64 = el
            .get_attribute("data-value")
            .and_then(|v| v.parse().ok())
            .unwrap_or(f64::NAN);
        assert_eq!(value, want, "{hook}");
    }
    assert!(root
        .query_selector("[data-testid=input-error]")
        .unwrap()
        .is_none());
    assert!(root.query_selector("#f-hours").unwrap().is_some());
    // The sections below the results mount after the frame that paints the headline.
    until("the formula trace to mount", || {
        root.query_selector("[data-testid=trace-summary]")
            .ok()
            .flatten()
            .is_some()
    })
    .await;
}
