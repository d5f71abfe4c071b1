//! Type erasure at the view's seams, for a smaller WebAssembly binary: the conventions every
//! component follows, and the helpers for them.
//!
//! Why: every closure has a type of its own, and Leptos compiles the code that builds, updates
//! and erases a view part once per type: per event handler, per reactive attribute, per reactive
//! child, per `<Show>`, per effect, per list item type. Written directly, each costs from a few
//! hundred bytes to a kilobyte of WebAssembly. Behind one shared type per event or output type,
//! that code is compiled once. The cost is an allocation per site and an indirect call per event
//! or update, nothing at this page's scale. Measured: the wasm went from 309.9 to 290.3 KB
//! (gzip -9), about 17 KB of it from `handler`/`live`, reactive children returning `AnyView` and
//! `collect_any`, 2.5 KB from [`ShowIf`] and 1 KB from [`effect`]. Leptos itself does the same
//! for `{move || …}` children under `--cfg erase_components` (`leptos::__as_shared_reactive_fn`),
//! which only pays off when they all return one type, hence the first convention:
//!
//! - a reactive child returns `AnyView`: `{move || format_mass_kg(kg()).into_any()}`;
//! - an event handler is `on:click=handler(move |_| …)`;
//! - a reactive attribute, property, class or style is `aria-label=live(move || …)`;
//! - a list of views is `.collect_any()`, a condition `<ShowIf>`, an effect [`effect`].
//!
//! These are measured choices, not rules: the download-size budget is a gate of the test command
//! (`cargo xtask test`, last stage), so a view written with `on:click=move |_| …`, `<Show>` or
//! `Effect::new` is fine wherever it fits the budget; the helpers are for keeping it.

use leptos::prelude::*;
use leptos::tachys::reactive_graph::SharedReactiveFunction;
use std::sync::{Arc, Mutex};

/// An event handler as the one handler type of its event (`on:click=handler(move |_| …)`).
///
/// Only the boxing is generic (a few bytes per closure); what Leptos compiles per handler type
/// sees `Box<dyn FnMut(E)>`, one type per event.
pub fn handler<E: 'static>(f: impl FnMut(E) + 'static) -> Box<dyn FnMut(E)> {
    Box::new(f)
}

/// A reactive attribute, property, class or style value as the one shared type of its output
/// (`aria-label=live(move || …)`).
pub fn live<T: 'static>(f: impl FnMut() -> T + Send + 'static) -> SharedReactiveFunction<T> {
    Arc::new(Mutex::new(f))
}

/// Each of `parts`, mounted once `stage` reaches its number (`first`, `first + 1`, …): the page is
/// built in stages (see the app's design note), and this is the one place that compiles the
/// switch for them.
pub fn staged(stage: ReadSignal<u8>, first: u8, parts: &'static [fn() -> AnyView]) -> Vec<AnyView> {
    parts
        .iter()
        .zip(first..)
        .map(|(part, k)| view! { <ShowIf when=Signal::derive(move || stage.get() >= k)>{part()}</ShowIf> })
        .collect_any()
}

/// Leptos's `<Show>` compiled once: `<Show>` is generic over its condition and its children, so
/// each use compiled its own copy of the memo and of the switching view.
///
/// Shows `children` while `when` is true, else `fallback`; like `<Show>`, the condition is
/// memoised, so the children are built again only when it turns from false to true.
#[component]
pub fn ShowIf(
    /// The condition.
    #[prop(into)]
    when: Signal<bool>,
    /// What to show while `when` is true.
    children: ChildrenFn,
    /// What to show while `when` is false (nothing by default).
    #[prop(optional, into)]
    fallback: ViewFn,
) -> impl IntoView {
    let shown = Memo::new(move |_| when.get());
    live(move || {
        if shown.get() {
            children()
        } else {
            fallback.run()
        }
    })
}

/// An effect compiled once (`effect(move || …)`): `Effect::new` compiles its scheduling (an
/// async task) once per closure type. For effects that synchronise something outside the
/// reactive system and need neither the previous run's value nor the effect's handle.
pub fn effect(run: impl FnMut() + 'static) {
    effect_boxed(Box::new(run));
}

/// The one non-generic effect behind [`effect`].
fn effect_boxed(mut run: Box<dyn FnMut()>) {
    Effect::new(move |_| run());
}

/// Collecting views into the one shared list type, `Vec<AnyView>` (`collect_view` gives a list
/// type per item type, each with its own compiled building and updating).
pub trait CollectAny: Iterator + Sized
where
    Self::Item: IntoAny,
{
    /// The views, each type-erased.
    fn collect_any(self) -> Vec<AnyView> {
        self.map(IntoAny::into_any).collect()
    }
}

impl<I: Iterator> CollectAny for I where I::Item: IntoAny {}
