//! The share link: reading the page's query string at start-up and keeping it in step with the
//! inputs (`history.replaceState`), plus the notice listing what a link got wrong and, for a link
//! made with another dataset version, its figures beside the current ones.

mod other_data;

pub use other_data::OtherData;

use crate::ui::erased::{handler, CollectAny, ShowIf};
use emissions_core::share::ParamProblem;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// What the start-up URL said that the page could not use as given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UrlReport {
    /// Unknown, invalid, duplicate or ignored parameters.
    pub problems: Vec<ParamProblem>,
    /// The link's dataset version and figures when its version differs from the bundled one.
    pub other_version: Option<OtherData>,
}

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

/// How long the address bar waits after the last change of the inputs before it is rewritten.
///
/// Why wait: typing fires a change per keystroke; each `history.replaceState` costs about a
/// millisecond (an IPC to the browser process) and Chromium throttles bursts of them. The link is
/// written once the person pauses, and at once when the page is hidden or a link is copied.
pub const URL_DELAY: std::time::Duration = std::time::Duration::from_millis(250);

thread_local! {
    /// The pending rewrite: its timer and the query to write.
    static PENDING: std::cell::RefCell<Option<(TimeoutHandle, String)>> =
        const { std::cell::RefCell::new(None) };
}

/// Rewrites the query to `query` once the inputs have not changed for [`URL_DELAY`] (replacing
/// any rewrite still pending).
pub fn replace_query_soon(query: String) {
    let pending = PENDING.with(|p| p.borrow_mut().take());
    if let Some((timer, _)) = pending {
        timer.clear();
    }
    let write = query.clone();
    let fire = move || {
        PENDING.with(|p| p.borrow_mut().take());
        replace_query(&write);
    };
    match set_timeout_with_handle(fire, URL_DELAY) {
        Ok(timer) => PENDING.with(|p| *p.borrow_mut() = Some((timer, query))),
        Err(_) => replace_query(&query),
    }
}

/// Writes a pending rewrite now (before the page is hidden, or when the link is read).
pub fn flush_query() {
    let pending = PENDING.with(|p| p.borrow_mut().take());
    if let Some((timer, query)) = pending {
        timer.clear();
        replace_query(&query);
    }
}

/// A dismissible notice listing the problems of the link the page was opened with (as text), and
/// for a link made with another dataset version, the link's figures beside the current ones.
#[component]
pub fn UrlNotice(
    /// What the start-up URL got wrong.
    report: UrlReport,
) -> impl IntoView {
    let (open, set_open) = signal(true);
    let has_any = !report.problems.is_empty() || report.other_version.is_some();
    let title = if report.problems.is_empty() {
        "About this link:"
    } else {
        "Some parts of this link could not be used:"
    };
    // Plain strings, rebuilt into list items each time the notice shows (views are not `Clone`).
    let lines: Vec<String> = report.problems.iter().map(|p| p.to_string()).collect();
    let other = report.other_version;
    // Built afresh each time the notice shows (its live figures are a component of their own).
    let version = move || {
        other
            .clone()
            .map(|other| view! { <other_data::OtherDataNote other=other/> })
    };
    view! {
        <ShowIf when=move || has_any && open.get()>
            <div class="notice" role="alert" data-testid="url-problem">
                <p class="notice-title">{title}</p>
                <ul>
                    {lines.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_any()}
                    {version.clone()}
                </ul>
                <button type="button" class="btn-small" on:click=handler(Box::new(move |_| set_open.set(false)))>
                    "Dismiss"
                </button>
            </div>
        </ShowIf>
    }
}
