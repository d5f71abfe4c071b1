//! Registers the service worker (`sw.js`, next to `index.html`) that makes the app work offline.

use wasm_bindgen::JsValue;

/// Registers `./sw.js` (resolved against the document, so it works under a sub-path) when the
/// browser supports service workers in this context. Failures are logged, never fatal.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    // `navigator.serviceWorker` is undefined on insecure origins and in some private modes;
    // calling into it then would throw, so check first.
    let supported = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .map(|v| !v.is_undefined() && !v.is_null())
        .unwrap_or(false);
    if !supported {
        return;
    }
    let promise = navigator.service_worker().register("./sw.js");
    super::promise::when_settled(promise, |result| {
        if let Err(e) = result {
            web_sys::console::warn_2(&"mlcalc: service worker not registered".into(), &e);
        }
    });
}
