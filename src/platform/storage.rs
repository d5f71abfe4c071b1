//! Browser storage of the draft inputs and the saved jobs, never panicking and never losing data.
//!
//! Design note: one [`Store`] per tab, detected once: `localStorage` (through gloo-storage) when a
//! test write succeeds, else an in-memory map (private mode, storage disabled, sandboxed frames)
//! with a visible notice. gloo-storage's handle throws when storage is unavailable, so it is
//! taken only after the probe succeeded; its typed `get`/`set` are not used because they store
//! JSON-encoded values (the stored formats are a contract: `emissions_core::persist` owns them,
//! with their migration and quarantine rules) and would link serde_json's serializer. Problems are collected in
//! [`StorageStatus`] (Arc signals, so they outlive any component owner) for the saved-jobs panel
//! to show: unreadable data moved to a quarantine key, and failed writes (quota) of the jobs and
//! of the draft. Every write happens in an event handler or at start-up, never in an effect, so
//! recording its outcome in a signal is no effect writing a signal.

use super::address_bar::WRITE_DELAY;
use super::debounce::{self, Debounced};
use emissions_core::model::Inputs;
use emissions_core::persist::{self, Decoded, StoredState};
use gloo_storage::{LocalStorage, Storage as _};
use leptos::prelude::*;
use std::cell::RefCell;

/// Where the data goes.
enum Backend {
    /// The browser's `localStorage`.
    Local(web_sys::Storage),
    /// Key–value pairs that last as long as the tab (a handful of keys: a list is enough, and
    /// it adds no map code to the WebAssembly).
    Memory(RefCell<Vec<(String, String)>>),
}

/// Unreadable data found at start-up and moved aside.
#[derive(Debug, Clone, PartialEq)]
pub struct Quarantined {
    /// Where it was found (e.g. `mlcalc.v1.jobs`).
    pub from: String,
    /// Where it is kept now.
    pub key: String,
    /// Why it could not be read.
    pub reason: String,
}

/// What the saved-jobs panel reports about storage.
#[derive(Clone)]
pub struct StorageStatus {
    /// False when storage is unavailable and data lasts only for this tab.
    pub persistent: bool,
    /// Unreadable data moved aside during this visit.
    pub quarantined: ArcRwSignal<Vec<Quarantined>>,
    /// The last failed write, if the latest write failed.
    pub write_error: ArcRwSignal<Option<String>>,
    /// Why the draft (the last inputs) was not saved, if its latest write failed.
    pub draft_error: ArcRwSignal<Option<String>>,
}

/// The tab's storage.
pub struct Store {
    backend: Backend,
    status: StorageStatus,
}

const PROBE_KEY: &str = "mlcalc.probe";

fn detect() -> Backend {
    let works = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some_and(|s| s.set_item(PROBE_KEY, "1").is_ok() && s.remove_item(PROBE_KEY).is_ok());
    if works {
        // Safe now: the probe found a working `localStorage`.
        Backend::Local(LocalStorage::raw())
    } else {
        Backend::Memory(RefCell::new(Vec::new()))
    }
}

thread_local! {
    static STORE: Store = {
        let backend = detect();
        let persistent = matches!(backend, Backend::Local(_));
        Store {
            backend,
            status: StorageStatus {
                persistent,
                quarantined: ArcRwSignal::new(Vec::new()),
                write_error: ArcRwSignal::new(None),
                draft_error: ArcRwSignal::new(None),
            },
        }
    };
}

/// Runs `f` with the tab's store.
pub fn with_store<T>(f: impl FnOnce(&Store) -> T) -> T {
    STORE.with(f)
}

/// The storage status (for the notices).
pub fn status() -> StorageStatus {
    with_store(|s| s.status.clone())
}

/// Milliseconds since the epoch (0 if unknown).
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A readable message of a failed storage call (its name, e.g. `QuotaExceededError`).
fn error_name(e: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|v| v.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

impl Store {
    /// The value at `key`.
    pub fn get(&self, key: &str) -> Option<String> {
        match &self.backend {
            Backend::Local(s) => s.get_item(key).ok().flatten(),
            Backend::Memory(m) => m
                .borrow()
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone()),
        }
    }

    /// Writes `value` at `key`; the error message on failure (quota, storage revoked).
    pub fn set(&self, key: &str, value: &str) -> Result<(), String> {
        match &self.backend {
            Backend::Local(s) => s.set_item(key, value).map_err(|e| error_name(&e)),
            Backend::Memory(m) => {
                let mut pairs = m.borrow_mut();
                pairs.retain(|(k, _)| k != key);
                pairs.push((key.to_string(), value.to_string()));
                Ok(())
            }
        }
    }

    /// Deletes `key` (best effort).
    pub fn remove(&self, key: &str) {
        match &self.backend {
            Backend::Local(_) => LocalStorage::delete(key),
            Backend::Memory(m) => {
                m.borrow_mut().retain(|(k, _)| k != key);
            }
        }
    }

    /// Every key.
    pub fn keys(&self) -> Vec<String> {
        match &self.backend {
            Backend::Local(s) => {
                let n = s.length().unwrap_or(0);
                (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
            }
            Backend::Memory(m) => m.borrow().iter().map(|(k, _)| k.clone()).collect(),
        }
    }

    /// Writes and records the outcome in the status (shown in a `role="alert"`).
    fn set_reported(&self, key: &str, value: &str) -> bool {
        let result = self.set(key, value);
        let error = result.as_ref().err().map(|e| {
            format!("Could not save to browser storage ({e}). Your latest changes are not stored; export them or free some space.")
        });
        record(&self.status.write_error, error);
        result.is_ok()
    }

    /// Moves an unreadable payload found at `from` to a fresh quarantine key and records it.
    /// The original key is cleared only when the copy was written, so nothing is lost; a failed
    /// copy is reported like any failed write.
    fn quarantine(&self, from: &str, payload: &str, reason: String) {
        let key = persist::quarantine_key(from, now_ms(), &self.keys());
        if let Err(e) = self.set(&key, payload) {
            web_sys::console::warn_1(
                &format!("mlcalc: {from} unreadable ({reason}); could not be kept aside ({e})")
                    .into(),
            );
            let error = format!(
                "Saved data in {from} could not be read ({reason}) nor copied aside ({e}). \
                 Free some browser storage space and reload to keep it."
            );
            record(&self.status.write_error, Some(error));
            return;
        }
        self.remove(from);
        web_sys::console::warn_1(
            &format!("mlcalc: {from} unreadable ({reason}); kept as {key}").into(),
        );
        self.status.quarantined.update(|q| {
            q.push(Quarantined {
                from: from.to_string(),
                key,
                reason,
            })
        });
    }
}

/// The draft inputs saved by the last visit, if any can be read. An unreadable draft is
/// quarantined (and reported), never a crash.
pub fn load_draft() -> Option<Inputs> {
    with_store(|store| {
        let raw = store.get(persist::DRAFT_KEY)?;
        match persist::decode_draft(&raw) {
            Ok(inputs) => Some(inputs),
            Err(e) => {
                store.quarantine(persist::DRAFT_KEY, &raw, e.to_string());
                None
            }
        }
    })
}

/// Sets `signal` to `value` unless it already holds it (no needless notification).
fn record(signal: &ArcRwSignal<Option<String>>, value: Option<String>) {
    if signal.with_untracked(|v| *v != value) {
        signal.set(value);
    }
}

thread_local! {
    /// The pending write of the draft.
    static PENDING_DRAFT: Debounced = const { Debounced::new() };
}

/// Saves the inputs as the draft once the inputs pause (the address bar's delay), so they come
/// back on the next visit; [`flush_draft`] writes it at once (the page being hidden). Called by
/// the event handlers that change the inputs (`CalcState::edit`), never from an effect.
pub fn save_draft_soon(inputs: &Inputs) {
    let text = persist::encode_draft(inputs);
    debounce::schedule(&PENDING_DRAFT, WRITE_DELAY, move || write_draft(&text));
}

/// Writes a pending draft now.
pub fn flush_draft() {
    debounce::flush(&PENDING_DRAFT);
}

/// Writes the encoded draft: a failure (quota, storage revoked) is recorded in
/// [`StorageStatus::draft_error`] for the alert, and cleared by the next write that succeeds.
fn write_draft(text: &str) {
    with_store(|store| {
        let result = store.set(persist::DRAFT_KEY, text);
        let error = result.err().map(|e| {
            web_sys::console::warn_1(&format!("mlcalc: the draft was not saved ({e})").into());
            format!(
                "Your last inputs could not be saved in this browser ({e}), so they will not \
                 come back when you reopen the page. The link in the address bar still holds \
                 them; free some storage space to save them again."
            )
        });
        record(&store.status.draft_error, error);
    })
}

/// Reads the saved jobs once at start-up: migrates older formats (also from the prototype's
/// key, which is left in place), quarantines unreadable data and starts empty in that case.
pub fn load_jobs() -> StoredState {
    with_store(|store| {
        let (raw, from_legacy) = match store.get(persist::JOBS_KEY) {
            Some(raw) => (raw, false),
            None => match store.get(persist::LEGACY_JOBS_KEY) {
                Some(raw) => (raw, true),
                None => return StoredState::default(),
            },
        };
        let source = if from_legacy {
            persist::LEGACY_JOBS_KEY
        } else {
            persist::JOBS_KEY
        };
        match persist::decode(&raw) {
            Decoded::Current(state) => state,
            Decoded::Migrated { state, .. } => {
                store.set_reported(persist::JOBS_KEY, &persist::encode(&state));
                state
            }
            Decoded::Unreadable { reason, payload } => {
                store.quarantine(source, &payload, reason.to_string());
                StoredState::default()
            }
        }
    })
}

/// Writes the saved jobs (from event handlers); false when the write failed (reported).
pub fn save_jobs(state: &StoredState) -> bool {
    with_store(|store| store.set_reported(persist::JOBS_KEY, &persist::encode(state)))
}

/// Every quarantine key in storage with its payload (this visit's and earlier ones).
pub fn quarantined_payloads() -> Vec<(String, String)> {
    with_store(|store| {
        store
            .keys()
            .into_iter()
            .filter(|k| persist::is_quarantine_key(k))
            .filter_map(|k| store.get(&k).map(|v| (k, v)))
            .collect()
    })
}

/// Deletes the quarantined data (only on the person's explicit request).
pub fn discard_quarantine() {
    with_store(|store| {
        for key in store.keys() {
            if persist::is_quarantine_key(&key) {
                store.remove(&key);
            }
        }
        store.status.quarantined.set(Vec::new());
    })
}

/// The theme chosen on this device (`"light"`, `"dark"`), if any: kept in the same store, so it
/// lasts for the tab where storage is unavailable.
pub fn stored_theme_key() -> Option<String> {
    with_store(|store| store.get(THEME_KEY))
}

/// Keeps the theme choice (best effort: a theme is not worth an alert).
pub fn store_theme_key(key: &str) {
    with_store(|store| {
        let _ = store.set(THEME_KEY, key);
    })
}

/// The storage key of the theme choice.
pub const THEME_KEY: &str = "mlcalc-theme";
