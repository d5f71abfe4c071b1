//! Performance marks for benchmarks and scripted use of the page: when the wasm starts, when the
//! dataset is ready and when the first estimate is in the DOM (standard User Timing, no test-only
//! hooks: the tests read the wasm memory and the charts' pixels from outside).
//!
//! Why in the app: a benchmark can only time "navigation start → first estimate" precisely from
//! inside the page; `performance.mark` costs nothing and is standard.

/// Name of the mark set once the headline estimate has been rendered.
pub const FIRST_ESTIMATE_MARK: &str = "mlcalc:first-estimate";
/// Name of the mark set when the wasm `main` starts (module compiled and instantiated).
pub const START_MARK: &str = "mlcalc:start";
/// Name of the mark set once the bundled dataset is parsed and indexed.
pub const DATA_READY_MARK: &str = "mlcalc:data-ready";

/// Sets a `performance.mark` (the benchmark prints where start-up time goes from these).
pub fn mark(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}

/// Call once the results are mounted (the app does, in the task after the one that mounts them):
/// sets the first-estimate mark if the headline is in the DOM.
pub fn after_mount() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let rendered = window
        .document()
        .and_then(|d| {
            d.query_selector("#main [data-testid=emissions-kg][data-value]")
                .ok()
                .flatten()
        })
        .is_some();
    if rendered {
        mark(FIRST_ESTIMATE_MARK);
    }
}
