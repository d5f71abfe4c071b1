//! Tiny hooks for benchmarks and scripted use of the page: a performance mark when the first
//! estimate is in the DOM, and a handle on the wasm memory to watch for leaks.
//!
//! Why in the app: a benchmark can only time "navigation start → first estimate" precisely from
//! inside the page; `performance.mark` costs nothing and is standard.

use wasm_bindgen::JsValue;

/// Name of the mark set once the headline estimate has been rendered.
pub const FIRST_ESTIMATE_MARK: &str = "mlcalc:first-estimate";

/// Call right after mounting: Leptos renders synchronously, so the headline is in the DOM now.
pub fn after_mount() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let rendered = window
        .document()
        .and_then(|d| {
            d.query_selector("[data-testid=emissions-kg][data-value]")
                .ok()
                .flatten()
        })
        .is_some();
    if rendered {
        if let Some(perf) = window.performance() {
            let _ = perf.mark(FIRST_ESTIMATE_MARK);
        }
    }
    let _ = js_sys::Reflect::set(
        &window,
        &JsValue::from_str("__mlcalcWasmMemory"),
        &wasm_bindgen::memory(),
    );
}
