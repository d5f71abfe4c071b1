//! Files: offering text as a download, reading a file picked in a file `<input>`.

use super::promise::{js_message, when_settled};

use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a file download named `filename`.
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| js_message(&e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| js_message(&e))?;
    let anchor = document
        .create_element("a")
        .map_err(|e| js_message(&e))?
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
    when_settled(file.text(), move |result| {
        done(match result {
            Ok(v) => v
                .as_string()
                .ok_or_else(|| "the file is not text".to_string()),
            Err(e) => Err(js_message(&e)),
        })
    });
}
