//! Browser helpers for exports: clipboard, file download, reading a picked file.

use wasm_bindgen::{JsCast, JsValue};

fn message(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|v| v.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// Calls `done` with the outcome of `promise` once it settles.
///
/// Why one helper taking a boxed callback: every distinct `async` block spawned is a distinct
/// task type with its own polling code in the WebAssembly; all waits on a promise share this one.
pub fn when_settled(promise: js_sys::Promise, done: Box<dyn FnOnce(Result<JsValue, JsValue>)>) {
    leptos::task::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await);
    });
}

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
    when_settled(
        promise,
        Box::new(move |result| done(result.map(|_| ()).map_err(|e| message(&e)))),
    );
}

/// Offers `text` as a file download named `filename`.
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| message(&e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| message(&e))?;
    let anchor = document
        .create_element("a")
        .map_err(|e| message(&e))?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "not an anchor".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    if let Some(body) = document.body() {
        let _ = body.append_child(&anchor);
        anchor.click();
        let _ = body.remove_child(&anchor);
    } else {
        anchor.click();
    }
    // Revoking at once can cancel the download in some browsers; give it time.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}

/// Reads the first file picked in a file `<input>` as text and calls `done` with it.
pub fn read_picked_file(
    input: &web_sys::HtmlInputElement,
    done: impl FnOnce(Result<String, String>) + 'static,
) {
    read_picked_file_boxed(input, Box::new(done));
}

fn read_picked_file_boxed(
    input: &web_sys::HtmlInputElement,
    done: Box<dyn FnOnce(Result<String, String>)>,
) {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    when_settled(
        file.text(),
        Box::new(move |result| {
            done(match result {
                Ok(v) => v
                    .as_string()
                    .ok_or_else(|| "the file is not text".to_string()),
                Err(e) => Err(message(&e)),
            })
        }),
    );
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
    crate::ui::url::flush_query();
    web_sys::window()?.location().href().ok()
}
