//! The browser side of reading a log: a `File` sliced into chunks (`Blob.slice` +
//! `Blob.arrayBuffer()`), each fed to the [`LogReader`] as it arrives. All the page's file I/O for
//! measured runs is here.
//!
//! Why chunks: a day of `nvidia-smi -lms 100` on 8 GPUs is a few hundred MB; `File.text()` would
//! hold it all (twice, as UTF-16) and block the page while decoding. One chunk at a time keeps the
//! memory at one chunk plus the reader's running sums, and each `await` on a chunk gives the
//! browser a turn to paint the progress bar and handle a click on Cancel.

use emissions_core::measure::{LogError, LogReader, LogSummary};
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Bytes per slice: large enough that the per-chunk overhead (a promise, a copy) is small, small
/// enough that one chunk is a few milliseconds of parsing.
pub const CHUNK_BYTES: f64 = 2.0 * 1024.0 * 1024.0;

/// Why a log could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The log itself (with line and column).
    Log(LogError),
    /// The browser could not read the file.
    Browser(String),
    /// The log was read but makes no job (no duration or no energy).
    Unusable(String),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Log(e) => write!(f, "{e}"),
            Failure::Browser(e) => write!(f, "the browser could not read the file: {e}"),
            Failure::Unusable(e) => write!(f, "{e}"),
        }
    }
}

/// What a read ended with: `None` when cancelled.
pub type Outcome = Option<Result<LogSummary, Failure>>;

/// Callbacks of one read: progress (0–1), the cancel test, and the end.
pub struct Hooks {
    /// Called after each chunk with the fraction read.
    pub progress: Box<dyn Fn(f64)>,
    /// Polled before each chunk; true stops the read.
    pub cancelled: Box<dyn Fn() -> bool>,
    /// Called once at the end.
    pub done: Box<dyn FnOnce(Outcome)>,
}

/// Reads `file` chunk by chunk into `reader` in a background task.
pub fn read_file(file: web_sys::File, reader: LogReader, hooks: Hooks) {
    leptos::task::spawn_local(async move {
        let outcome = read_chunks(&file, reader, &hooks).await;
        (hooks.done)(outcome);
    });
}

async fn read_chunks(file: &web_sys::File, mut reader: LogReader, hooks: &Hooks) -> Outcome {
    let size = file.size();
    // One buffer reused for every chunk: the wasm memory grows by one chunk, not by the file.
    let mut buffer = Vec::new();
    let mut offset = 0.0;
    while offset < size {
        if (hooks.cancelled)() {
            return None;
        }
        let end = (offset + CHUNK_BYTES).min(size);
        let chunk = match slice(file, offset, end).await {
            Ok(chunk) => chunk,
            Err(e) => return Some(Err(Failure::Browser(e))),
        };
        buffer.resize(chunk.length() as usize, 0);
        chunk.copy_to(&mut buffer);
        if let Err(e) = reader.feed(&buffer) {
            return Some(Err(Failure::Log(e)));
        }
        offset = end;
        (hooks.progress)(offset / size);
    }
    if (hooks.cancelled)() {
        return None;
    }
    Some(reader.finish().map_err(Failure::Log))
}

/// The bytes `start..end` of `file`.
async fn slice(file: &web_sys::File, start: f64, end: f64) -> Result<js_sys::Uint8Array, String> {
    let blob = file.slice_with_f64_and_f64(start, end).map_err(message)?;
    let buffer = JsFuture::from(blob.array_buffer()).await.map_err(message)?;
    Ok(js_sys::Uint8Array::new(&buffer))
}

/// The first file of a file input.
pub fn picked_file(input: &web_sys::HtmlInputElement) -> Option<web_sys::File> {
    input.files()?.get(0)
}

/// The first file dropped, from a `drop` event (whose default, opening the file, is prevented).
pub fn dropped_file(event: &web_sys::DragEvent) -> Option<web_sys::File> {
    event.prevent_default();
    event.data_transfer()?.files()?.get(0)
}

/// Lets the page accept a drop (`dragover` must be cancelled for `drop` to fire).
pub fn allow_drop(event: &web_sys::DragEvent) {
    event.prevent_default();
}

fn message(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}
