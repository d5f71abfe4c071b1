//! What the page observes: its theme (and setting it), devicePixelRatio, an element's width and
//! whether it is near the viewport, each kept in a signal; plus console logging of chart problems.
//!
//! Design note: every observer here writes its signal from its own callback (an event handler),
//! never from an effect, and every DOM call is fallible and logged instead of unwrapped.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Logs a chart problem to the console without interrupting the app.
pub fn log_error(context: &str, detail: &str) {
    web_sys::console::error_1(&format!("charts: {context}: {detail}").into());
}

/// `window.devicePixelRatio`, clamped to a sane 1–4.
pub fn device_pixel_ratio() -> f64 {
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    if dpr.is_finite() {
        dpr.clamp(1.0, 4.0)
    } else {
        1.0
    }
}

/// True when the page is dark: `<html data-theme="dark">`, else the system preference unless
/// `data-theme="light"`.
pub fn page_is_dark() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let attr = window
        .document()
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("data-theme"));
    match attr.as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => window
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches()),
    }
}

/// Sets `data-theme` on `<html>` to `key` (`"light"`, `"dark"`), or removes it to follow the
/// system (`None`).
pub fn set_page_theme(key: Option<&str>) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = match key {
            None => root.remove_attribute("data-theme"),
            Some(key) => root.set_attribute("data-theme", key),
        };
    }
}

/// A signal of [`page_is_dark`], updated when `data-theme` on `<html>` or the system colour
/// scheme changes. Observers live as long as the page (the charts section is never unmounted).
pub fn use_dark_theme() -> ReadSignal<bool> {
    let (dark, set_dark) = signal(page_is_dark());
    let Some(window) = web_sys::window() else {
        return dark;
    };
    let on_change = Closure::<dyn Fn()>::new(move || {
        let now = page_is_dark();
        if dark.try_get_untracked() != Some(now) {
            set_dark.try_set(now);
        }
    });
    let callback: &js_sys::Function = on_change.as_ref().unchecked_ref();
    if let (Ok(observer), Some(root)) = (
        web_sys::MutationObserver::new(callback),
        window.document().and_then(|d| d.document_element()),
    ) {
        let init = web_sys::MutationObserverInit::new();
        init.set_attributes(true);
        init.set_attribute_filter(&js_sys::Array::of1(&"data-theme".into()));
        if let Err(e) = observer.observe_with_options(&root, &init) {
            log_error("theme observer", &format!("{e:?}"));
        }
    }
    if let Ok(Some(query)) = window.match_media("(prefers-color-scheme: dark)") {
        let _ = query.add_event_listener_with_callback("change", callback);
    }
    on_change.forget();
    dark
}

/// The CSS width (px) of the element behind `node`, kept current with a `ResizeObserver`, and the
/// devicePixelRatio read at the same moments (zooming resizes the element, too).
pub fn use_width(node: NodeRef<leptos::html::Div>) -> (ReadSignal<f64>, ReadSignal<f64>) {
    let (width, set_width) = signal(0.0_f64);
    let (dpr, set_dpr) = signal(device_pixel_ratio());
    node.on_load(move |el| {
        let target = el.clone();
        let on_resize = Closure::<dyn Fn()>::new(move || {
            let w = f64::from(target.client_width());
            if width.try_get_untracked() != Some(w) {
                set_width.try_set(w);
            }
            let d = device_pixel_ratio();
            if dpr.try_get_untracked() != Some(d) {
                set_dpr.try_set(d);
            }
        });
        match web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            // The observer reports the initial size right after `observe`.
            Ok(observer) => observer.observe(&el),
            Err(e) => {
                log_error("resize observer", &format!("{e:?}"));
                set_width.set(f64::from(el.client_width()));
            }
        }
        on_resize.forget();
    });
    (width, dpr)
}

/// Whether the element behind `node` is on screen or within half a screen of it, kept current
/// with an `IntersectionObserver` (always true where that is unavailable).
///
/// Why: charts off screen need no repaint on every keystroke; they repaint, with the data of that
/// moment, as they come near the viewport. The margin means that scrolling never reveals a stale
/// chart.
pub fn use_near_viewport(node: NodeRef<leptos::html::Div>) -> ReadSignal<bool> {
    let (near, set_near) = signal(false);
    node.on_load(move |el| {
        let on_change = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let last = entries.iter().last();
            if let Some(entry) =
                last.and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
            {
                let now = entry.is_intersecting();
                if near.try_get_untracked() != Some(now) {
                    set_near.try_set(now);
                }
            }
        });
        let init = web_sys::IntersectionObserverInit::new();
        init.set_root_margin("50% 0px 50% 0px");
        match web_sys::IntersectionObserver::new_with_options(
            on_change.as_ref().unchecked_ref(),
            &init,
        ) {
            // The observer reports the initial state right after `observe`.
            Ok(observer) => observer.observe(&el),
            Err(e) => {
                log_error("intersection observer", &format!("{e:?}"));
                set_near.set(true);
            }
        }
        on_change.forget();
    });
    near
}
