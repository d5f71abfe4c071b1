//! The clipboard (asynchronous Clipboard API).

use super::promise::{js_message, when_settled};

/// Copies `text` with the asynchronous Clipboard API, then calls `done` with the outcome.
/// Fails (without throwing) when the API is missing, e.g. on plain-HTTP origins.
pub fn copy_text(text: String, done: impl FnOnce(Result<(), String>) + 'static) {
    copy_text_boxed(text, Box::new(done));
}

fn copy_text_boxed(text: String, done: Box<dyn FnOnce(Result<(), String>)>) {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return done(Err("no window".into()));
    };
    let present = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .map(|v| !v.is_undefined() && !v.is_null())
        .unwrap_or(false);
    if !present {
        return done(Err("the clipboard is not available here".into()));
    }
    let promise = navigator.clipboard().write_text(&text);
    when_settled(promise, move |result| {
        done(result.map(|_| ()).map_err(|e| js_message(&e)))
    });
}
