//! The share link's notice: what a link got wrong and, for a link made with another dataset
//! version, its figures beside the current ones. (Reading and rewriting the address bar is
//! `crate::platform::address_bar`.)

mod other_data;

pub use other_data::OtherData;

use crate::ui::erased::{handler, CollectAny, ShowIf};
use emissions_core::share::ParamProblem;
use leptos::prelude::*;

/// What the start-up URL said that the page could not use as given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UrlReport {
    /// Unknown, invalid, duplicate or ignored parameters.
    pub problems: Vec<ParamProblem>,
    /// The link's dataset version and figures when its version differs from the bundled one.
    pub other_version: Option<OtherData>,
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
                <button type="button" class="btn-small" on:click=handler(move |_| set_open.set(false))>
                    "Dismiss"
                </button>
            </div>
        </ShowIf>
    }
}
