//! Saved jobs as stored in the browser: a versioned, migratable, never-silently-lost format.
//!
//! Design note: this module is pure (strings in, typed values out); the web app's storage glue
//! only moves strings between `localStorage` and these functions. Three rules shape it:
//!
//! 1. **Versioned.** What is stored is a [`StoredState`] whose `schema` field says which format
//!    it is. [`decode`] reads the current format and migrates older ones ([`SCHEMA_VERSION`] 0,
//!    a bare JSON array of `{name, inputs}` written by the first prototype).
//! 2. **Never silently lost.** Anything [`decode`] cannot read — corrupt JSON, wrong types, a
//!    format from a newer version of the app — comes back as [`Decoded::Unreadable`] with the
//!    exact payload, so the caller can move it under a quarantine key ([`quarantine_key`], which
//!    never reuses a taken key), tell the person and offer it as a download.
//! 3. **Plain operations.** Save, rename, duplicate, delete and restore are methods on
//!    [`StoredState`] ([`jobs`]), so the UI's event handlers stay one-liners and every rule is
//!    tested natively.

mod codec;
mod jobs;
mod quarantine;

pub use codec::{decode, decode_draft, encode, encode_draft, DecodeError, Decoded};
pub use jobs::{clean_name, JobId, SavedJob, StoredState, MAX_NAME_CHARS, UNTITLED};
pub use quarantine::{is_quarantine_key, quarantine_key, QUARANTINE_PREFIX};

/// The current format of [`StoredState`]. Bump it with a migration in [`codec`] when the stored
/// shape changes incompatibly.
pub const SCHEMA_VERSION: u32 = 1;

/// Storage key of the saved jobs.
pub const JOBS_KEY: &str = "mlcalc.v1.jobs";

/// Storage key of the draft: the last inputs, restored on reload even without saving.
pub const DRAFT_KEY: &str = "mlcalc.v1.draft";

/// Storage key where the first prototype kept its jobs (schema 0); migrated on first load.
pub const LEGACY_JOBS_KEY: &str = "mlcalc.jobs";
