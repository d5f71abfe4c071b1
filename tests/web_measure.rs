//! In-browser test of "Measured run" (wasm-bindgen-test in headless Chromium): a log given to the
//! file input as a `File` is read through the chunked reader and becomes the job.
//! Run by `cargo xtask test`; natively this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh container and returns the container.
fn mount_app() -> web_sys::HtmlElement {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document");
    let container: web_sys::HtmlElement = doc
        .create_element("div")
        .expect("create div")
        .dyn_into()
        .expect("an HtmlElement");
    doc.body()
        .expect("body")
        .append_child(&container)
        .expect("append");
    leptos::mount::mount_to(container.clone(), ml_emissions_calculator::App).forget();
    container
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

fn value(root: &web_sys::HtmlElement, hook: &str) -> Option<f64> {
    root.query_selector(&format!("[data-testid={hook}]"))
        .ok()
        .flatten()?
        .get_attribute("data-value")?
        .parse()
        .ok()
}

#[wasm_bindgen_test]
async fn a_log_in_the_file_input_becomes_the_job() {
    let root = mount_app();
    sleep(20).await;
    let input = root
        .query_selector("[data-testid=measurement-file]")
        .unwrap()
        .expect("the measurement file input");
    let kg = value(&root, "emissions-kg").expect("an estimate");
    // 250 W for 10 s: 250 × 10 / 3.6e6 kWh.
    let log = "timestamp,watts\n2024-05-01T12:00:00Z,250\n2024-05-01T12:00:10Z,250\n";
    let pick = js_sys::Function::new_with_args(
        "input, text",
        "const dt = new DataTransfer(); dt.items.add(new File([text], 'plain.csv')); \
         input.files = dt.files; input.dispatchEvent(new Event('change', {bubbles: true}));",
    );
    pick.call2(&JsValue::NULL, &input, &JsValue::from_str(log))
        .expect("pick the file");
    let mut energy = None;
    for _ in 0..100 {
        energy = value(&root, "measured-energy-kwh");
        if energy.is_some() {
            break;
        }
        sleep(20).await;
    }
    let energy = energy.expect("the log was read");
    assert!((energy - 250.0 * 10.0 / 3.6e6).abs() < 1e-15, "{energy}");
    assert_eq!(value(&root, "measured-avg-w"), Some(250.0));
    assert_eq!(value(&root, "measured-hours"), Some(10.0 / 3600.0));
    let now = value(&root, "emissions-kg").expect("an estimate");
    assert!(
        now > 0.0 && now != kg,
        "the job did not change: {kg} → {now}"
    );
}

#[wasm_bindgen_test]
async fn a_log_dropped_on_the_section_is_read() {
    let root = mount_app();
    sleep(20).await;
    let section = root
        .query_selector("[data-testid=measured-run]")
        .unwrap()
        .expect("the Measured run section");
    // 100 W for 36 s: 0.001 kWh.
    let log = "time,power_w\n1714564800,100\n1714564836,100\n";
    let drop = js_sys::Function::new_with_args(
        "target, text",
        "const dt = new DataTransfer(); dt.items.add(new File([text], 'dropped.csv')); \
         const ev = new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}); \
         target.dispatchEvent(ev); return ev.defaultPrevented;",
    );
    let prevented = drop
        .call2(&JsValue::NULL, &section, &JsValue::from_str(log))
        .expect("drop the file");
    assert_eq!(
        prevented.as_bool(),
        Some(true),
        "the browser would open the file"
    );
    let mut energy = None;
    for _ in 0..100 {
        energy = value(&root, "measured-energy-kwh");
        if energy.is_some() {
            break;
        }
        sleep(20).await;
    }
    let energy = energy.expect("the dropped log was read");
    assert!((energy - 0.001).abs() < 1e-15, "{energy}");
}
