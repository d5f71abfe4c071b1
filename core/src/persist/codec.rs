//! Reading and writing [`StoredState`] and the draft, with migration and typed failures.

use super::jobs::{clean_name, SavedJob, StoredState};
use super::SCHEMA_VERSION;
use crate::json::{list, parse, Node, Obj, Res};
use crate::model::Inputs;
use std::fmt;

/// Why stored data could not be read. Carries no payload: [`Decoded::Unreadable`] keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON at all (truncated write, another app's data, hand edits).
    Json(String),
    /// JSON, but not the shape of any known format (wrong types, missing fields).
    Shape(String),
    /// Written by a newer version of the app (schema newer than [`SCHEMA_VERSION`]).
    FutureVersion(u64),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Json(e) => write!(f, "the stored data is not valid JSON ({e})"),
            DecodeError::Shape(e) => {
                write!(f, "the stored data does not have the expected shape ({e})")
            }
            DecodeError::FutureVersion(v) => write!(
                f,
                "the stored data was written by a newer version of the calculator \
                 (format {v}; this version reads up to {SCHEMA_VERSION})"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// The outcome of reading the saved jobs.
#[derive(Debug, Clone, PartialEq)]
pub enum Decoded {
    /// The current format.
    Current(StoredState),
    /// An older format, migrated (write it back in the current format).
    Migrated {
        /// The migrated state.
        state: StoredState,
        /// The schema it was stored in.
        from: u32,
    },
    /// Unreadable: keep `payload` (quarantine it), tell the person, start empty.
    Unreadable {
        /// Why.
        reason: DecodeError,
        /// The exact stored text.
        payload: String,
    },
}

/// A job as the first prototype stored it (schema 0): no id, no timestamp, no dataset version.
struct JobV0 {
    name: String,
    inputs: Inputs,
}

fn job_v0(v: &Node) -> Res<JobV0> {
    let o = Obj::new(v, "struct JobV0")?;
    Ok(JobV0 {
        name: o.req("name")?,
        inputs: o.with("inputs", Inputs::read)?,
    })
}

/// Schema 0: a bare array of jobs, or the same in an envelope `{"schema": 0, "jobs": [...]}`.
fn jobs_v0(v: &Node) -> Res<Vec<JobV0>> {
    match v {
        Node::List(_) => list(v, job_v0),
        _ => Obj::new(v, "struct StateV0")?.with("jobs", |v| list(v, job_v0)),
    }
}

/// The current format; members that older writers may have left out default.
fn stored_state(v: &Node) -> Res<StoredState> {
    let o = Obj::new(v, "struct StoredState")?;
    Ok(StoredState {
        schema: o.req("schema")?,
        jobs: o.with("jobs", |v| list(v, saved_job))?,
        next_id: o.or("next_id", 0)?,
    })
}

fn saved_job(v: &Node) -> Res<SavedJob> {
    let o = Obj::new(v, "struct SavedJob")?;
    Ok(SavedJob {
        id: o.req("id")?,
        name: o.req("name")?,
        inputs: o.with("inputs", Inputs::read)?,
        saved_at: o.or("saved_at", 0.0)?,
        dataset_version: o.or("dataset_version", String::new())?,
    })
}

fn migrate_v0(jobs: Vec<JobV0>) -> StoredState {
    let jobs = jobs
        .into_iter()
        .zip(1..)
        .map(|(job, id)| SavedJob {
            id,
            name: clean_name(&job.name),
            inputs: job.inputs,
            saved_at: 0.0,
            dataset_version: String::new(),
        })
        .collect();
    StoredState {
        schema: SCHEMA_VERSION,
        jobs,
        next_id: 1,
    }
    .normalise()
}

/// Removes `null` members of objects. serde_json writes a non-finite number (a NaN typed into
/// the form) as `null`; every optional field defaults when missing, so dropping the `null`s lets
/// such data load instead of being quarantined on every visit.
fn strip_nulls(node: Node) -> Node {
    match node {
        Node::Obj(members) => Node::Obj(
            members
                .into_iter()
                .filter(|(_, v)| !matches!(v, Node::Null))
                .map(|(k, v)| (k, strip_nulls(v)))
                .collect(),
        ),
        Node::List(items) => Node::List(items.into_iter().map(strip_nulls).collect()),
        other => other,
    }
}

/// Reads the saved jobs: the current format, a migrated older one, or the unreadable payload.
/// Never panics, whatever `raw` holds.
pub fn decode(raw: &str) -> Decoded {
    let unreadable = |reason| Decoded::Unreadable {
        reason,
        payload: raw.to_string(),
    };
    let value = match parse(raw) {
        Ok(v) => strip_nulls(v),
        Err(e) => return unreadable(DecodeError::Json(e.to_string())),
    };
    let schema = match &value {
        // Schema 0: a bare array of {name, inputs}.
        Node::List(_) => {
            return match jobs_v0(&value) {
                Ok(jobs) => Decoded::Migrated {
                    state: migrate_v0(jobs),
                    from: 0,
                },
                Err(e) => unreadable(DecodeError::Shape(e.to_string())),
            };
        }
        Node::Obj(_) => match Obj::new(&value, "").ok().and_then(|o| o.get("schema")) {
            Some(Node::U64(n)) => *n,
            Some(_) => {
                return unreadable(DecodeError::Shape(
                    "\"schema\" is not a whole number".into(),
                ))
            }
            None => return unreadable(DecodeError::Shape("no \"schema\" field".into())),
        },
        _ => return unreadable(DecodeError::Shape("expected an object or an array".into())),
    };
    if schema > u64::from(SCHEMA_VERSION) {
        return unreadable(DecodeError::FutureVersion(schema));
    }
    if schema == 0 {
        return match jobs_v0(&value) {
            Ok(jobs) => Decoded::Migrated {
                state: migrate_v0(jobs),
                from: 0,
            },
            Err(e) => unreadable(DecodeError::Shape(e.to_string())),
        };
    }
    match stored_state(&value) {
        Ok(state) => Decoded::Current(state.normalise()),
        Err(e) => unreadable(DecodeError::Shape(e.to_string())),
    }
}

/// Writes the saved jobs in the current format.
pub fn encode(state: &StoredState) -> String {
    let mut state = state.clone();
    state.schema = SCHEMA_VERSION;
    // Serialising plain data with string keys cannot fail; fall back to an empty list anyway.
    serde_json::to_string(&state)
        .unwrap_or_else(|_| format!("{{\"schema\":{SCHEMA_VERSION},\"jobs\":[],\"next_id\":1}}"))
}

/// Reads the draft (the raw [`Inputs`] JSON). Non-finite numbers are rejected as a shape error.
pub fn decode_draft(raw: &str) -> Result<Inputs, DecodeError> {
    let value = parse(raw).map_err(|e| DecodeError::Json(e.to_string()))?;
    let value = strip_nulls(value);
    if !matches!(value, Node::Obj(_)) {
        return Err(DecodeError::Shape("the draft is not an object".into()));
    }
    Inputs::read(&value).map_err(|e| DecodeError::Shape(e.to_string()))
}

/// Writes the draft.
pub fn encode_draft(inputs: &Inputs) -> String {
    serde_json::to_string(inputs).unwrap_or_else(|_| "{}".to_string())
}
