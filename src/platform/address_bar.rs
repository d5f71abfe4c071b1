//! The page's address: the query string read at start-up, and rewritten (without a navigation or
//! a history entry) to stay a share link of the current inputs.

use super::debounce::{self, Debounced};
use wasm_bindgen::JsValue;

/// The current query string without its `?` (empty when unavailable).
pub fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .map(|s| s.trim_start_matches('?').to_string())
        .unwrap_or_default()
}

/// Replaces the page URL's query with `query` without a navigation or a history entry.
/// Best effort: failures are ignored (the page keeps working without a shareable URL).
pub fn replace_query(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    if location.search().ok().as_deref() == Some(&format!("?{query}")) {
        return;
    }
    if let Ok(history) = window.history() {
        let url = format!("{path}?{query}{hash}");
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// How long the address bar (and the draft) wait after the last change of the inputs before
/// they are rewritten.
///
/// Why wait: typing fires a change per keystroke; each `history.replaceState` costs about a
/// millisecond (an IPC to the browser process) and Chromium throttles bursts of them. The link is
/// written once the person pauses, and at once when the page is hidden or a link is copied.
pub const WRITE_DELAY: std::time::Duration = std::time::Duration::from_millis(250);

thread_local! {
    /// The pending rewrite of the address bar.
    static PENDING_QUERY: Debounced = const { Debounced::new() };
}

/// Rewrites the query to `query` once the inputs have not changed for [`WRITE_DELAY`].
pub fn replace_query_soon(query: String) {
    debounce::schedule(&PENDING_QUERY, WRITE_DELAY, move || replace_query(&query));
}

/// Writes a pending rewrite now (before the page is hidden, or when the link is read).
pub fn flush_query() {
    debounce::flush(&PENDING_QUERY);
}

/// The page's address without query or fragment (for the BibTeX `url`).
pub fn page_url() -> Option<String> {
    let location = web_sys::window()?.location();
    Some(format!(
        "{}{}",
        location.origin().ok()?,
        location.pathname().ok()?
    ))
}

/// The page's full address (the share link: the page keeps its query in sync with the inputs).
pub fn share_url() -> Option<String> {
    flush_query();
    web_sys::window()?.location().href().ok()
}
