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
//! - a reactive child returns `AnyView`: `{move || mass(kg()).into_any()}`;
//! - an event handler is `on:click=handler(Box::new(move |_| …))`;
//! - a reactive attribute, property, class or style is `aria-label=live(move || …)`;
//! - a list of views is `.collect_any()`, a condition `<ShowIf>`, an effect [`effect`].
//!
//! The test below keeps the last three from slipping back in.

use leptos::prelude::*;
use leptos::tachys::reactive_graph::SharedReactiveFunction;
use std::sync::{Arc, Mutex};

/// An event handler as the one handler type of its event (`on:click=handler(Box::new(…))`).
/// Boxed by the caller: a function generic over the closure would return a type per closure
/// again.
pub fn handler<E: 'static>(mut f: Box<dyn FnMut(E)>) -> impl FnMut(E) + 'static {
    move |event| f(event)
}

/// A reactive attribute, property, class or style value as the one shared type of its output
/// (`aria-label=live(move || …)`).
pub fn live<T: 'static>(f: impl FnMut() -> T + Send + 'static) -> SharedReactiveFunction<T> {
    Arc::new(Mutex::new(f))
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

/// An effect compiled once: `Effect::new` compiles its scheduling (an async task) once per
/// closure type. For effects that synchronise something outside the reactive system and need
/// neither the previous run's value nor the effect's handle.
pub fn effect(mut run: Box<dyn FnMut()>) {
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Every `.rs` file under `dir`, with its text.
    fn sources(dir: &Path, out: &mut Vec<(String, String)>) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_dir() {
                sources(&path, out)?;
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path)?;
                out.push((path.display().to_string(), text));
            }
        }
        Ok(())
    }

    /// Fails on an event handler written as a bare closure, `<Show>` or `Effect::new` outside
    /// this module: each would compile its own copy of shared code again (see the module note).
    #[test]
    fn views_use_the_shared_types() -> std::io::Result<()> {
        let mut files = Vec::new();
        sources(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui"),
            &mut files,
        )?;
        assert!(files.len() > 20, "found {} files", files.len());
        let mut found = Vec::new();
        for (path, text) in files.iter().filter(|(p, _)| !p.ends_with("erased.rs")) {
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or_default();
                let bare_handler = code.split("on:").skip(1).any(|rest| {
                    let after = rest.trim_start_matches(|c: char| c.is_ascii_lowercase());
                    after.starts_with("=move") || after.starts_with("={move")
                });
                let other = code.contains("<Show ") || code.trim_end().ends_with("<Show");
                let effect = code.contains("Effect::new(");
                if bare_handler || other || effect {
                    found.push(format!("{path}:{}: {}", n + 1, line.trim()));
                }
            }
        }
        assert!(
            found.is_empty(),
            "see src/ui/erased.rs:\n{}",
            found.join("\n")
        );
        Ok(())
    }
}
