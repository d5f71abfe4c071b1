//! A panic hook that shows a visible error banner instead of a blank page.
//!
//! Why: a panic aborts the WebAssembly instance, so the page would silently stop responding. The
//! hook runs before the abort and writes a banner with plain DOM calls (no Leptos: the reactive
//! runtime may be the thing that panicked), as text (never HTML), and logs the details.

use wasm_bindgen::JsCast;

/// The `id` of the banner element, for tests.
pub const BANNER_ID: &str = "panic-banner";

/// Installs the hook; call once at start-up.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&format!("The calculator crashed: {message}").into());
        show(&message);
    }));
}

/// Inserts (or updates) the banner at the top of the body.
pub fn show(details: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let banner = match document.get_element_by_id(BANNER_ID) {
        Some(existing) => existing,
        None => match document.create_element("div") {
            Ok(el) => {
                el.set_id(BANNER_ID);
                el.set_class_name("panic-banner");
                let _ = el.set_attribute("role", "alert");
                let _ = body.prepend_with_node_1(&el);
                el
            }
            Err(_) => return,
        },
    };
    if let Some(el) = banner.dyn_ref::<web_sys::HtmlElement>() {
        el.set_inner_text(&format!(
            "Sorry, the calculator hit an internal error and stopped. Reload the page to start again; your saved jobs are kept. Details: {details}"
        ));
    }
}
