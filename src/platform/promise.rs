//! Waiting on a JavaScript promise, and reading a thrown value as a message.

use wasm_bindgen::JsValue;

/// The message of a thrown JavaScript value (its `message`, else its text).
pub fn js_message(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|v| v.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// Calls `done` with the outcome of `promise` once it settles.
///
/// Why a boxed callback behind it: every distinct `async` block spawned is a distinct task type
/// with its own polling code in the WebAssembly; all waits on a promise share this one.
pub fn when_settled(
    promise: js_sys::Promise,
    done: impl FnOnce(Result<JsValue, JsValue>) + 'static,
) {
    when_settled_boxed(promise, Box::new(done));
}

fn when_settled_boxed(promise: js_sys::Promise, done: Box<dyn FnOnce(Result<JsValue, JsValue>)>) {
    leptos::task::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await);
    });
}
