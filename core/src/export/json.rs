//! The JSON export (inputs, outputs, trace, versions) and its import.

use super::{ExportContext, Totals, TOOL_NAME};
use crate::model::{Estimate, Inputs, Job};
use crate::read::{list, parse, Node, Obj, Res};
use serde::Serialize;
use std::fmt;

/// The `format` member that marks an export document.
pub const EXPORT_FORMAT: &str = "ml-emissions-calculator/export";
/// The document's format version; newer versions are refused on import.
pub const EXPORT_FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Tool<'a> {
    name: &'a str,
    version: &'a str,
}

#[derive(Serialize)]
struct DocJob<'a> {
    name: &'a str,
    inputs: &'a Inputs,
    job: &'a Job,
    estimate: &'a Estimate,
}

#[derive(Serialize)]
struct Doc<'a> {
    format: &'a str,
    format_version: u32,
    tool: Tool<'a>,
    dataset_version: &'a str,
    training_type: &'a str,
    jobs: Vec<DocJob<'a>>,
    total: Option<Totals>,
}

/// The export document, pretty-printed. `total` is present when there are several jobs.
pub fn json(ctx: &ExportContext) -> String {
    let doc = Doc {
        format: EXPORT_FORMAT,
        format_version: EXPORT_FORMAT_VERSION,
        tool: Tool {
            name: TOOL_NAME,
            version: &ctx.tool_version,
        },
        dataset_version: &ctx.dataset_version,
        training_type: ctx.training_type.as_str(),
        jobs: ctx
            .items
            .iter()
            .map(|i| DocJob {
                name: &i.name,
                inputs: &i.inputs,
                job: &i.job,
                estimate: &i.estimate,
            })
            .collect(),
        total: (ctx.items.len() > 1).then(|| ctx.totals()),
    };
    serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// Why a JSON text could not be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Not JSON.
    Json(String),
    /// JSON, but neither an export document nor calculator inputs.
    NotInputs(String),
    /// An export document with no job in it.
    NoJobs,
    /// An export document from a newer version of the calculator.
    FutureFormat(u64),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Json(e) => write!(f, "not valid JSON: {e}"),
            ImportError::NotInputs(e) => write!(
                f,
                "not an export of this calculator nor calculator inputs: {e}"
            ),
            ImportError::NoJobs => write!(f, "the export contains no job"),
            ImportError::FutureFormat(v) => write!(
                f,
                "the export was made by a newer version of the calculator (format {v})"
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// Field names of [`Inputs`]; a bare object must have at least one to count as inputs.
const INPUT_FIELDS: [&str; 10] = [
    "compute",
    "power_w",
    "utilization_pct",
    "cpu",
    "memory_gb",
    "duration",
    "runs",
    "location",
    "pue",
    "market_pct",
];

/// A job of an export document: its name (empty when absent) and its inputs.
fn import_job(v: &Node) -> Res<(String, Inputs)> {
    let o = Obj::new(v, "struct ImportJob")?;
    Ok((
        o.or("name", String::new())?,
        o.with("inputs", Inputs::read)?,
    ))
}

/// Every job of an export document (name and inputs), or bare inputs as one unnamed job.
pub fn import_jobs(text: &str) -> Result<Vec<(String, Inputs)>, ImportError> {
    let value = parse(text).map_err(|e| ImportError::Json(e.to_string()))?;
    let Ok(map) = Obj::new(&value, "") else {
        return Err(ImportError::NotInputs("expected a JSON object".into()));
    };
    if matches!(map.get("format"), Some(Node::Str(f)) if f == EXPORT_FORMAT) {
        let version = match map.get("format_version") {
            Some(Node::U64(v)) => *v,
            _ => 0,
        };
        if version > u64::from(EXPORT_FORMAT_VERSION) {
            return Err(ImportError::FutureFormat(version));
        }
        let jobs = list(map.get("jobs").unwrap_or(&Node::Null), import_job)
            .map_err(|e| ImportError::NotInputs(e.to_string()))?;
        if jobs.is_empty() {
            return Err(ImportError::NoJobs);
        }
        return Ok(jobs);
    }
    if !INPUT_FIELDS.iter().any(|f| map.get(f).is_some()) {
        return Err(ImportError::NotInputs(
            "no calculator field (compute, duration, location, …)".into(),
        ));
    }
    let inputs = Inputs::read(&value).map_err(|e| ImportError::NotInputs(e.to_string()))?;
    Ok(vec![(String::new(), inputs)])
}

/// The inputs of a JSON export (its first job) or of bare inputs JSON.
pub fn import_json(text: &str) -> Result<Inputs, ImportError> {
    import_jobs(text)?
        .into_iter()
        .next()
        .map(|(_, inputs)| inputs)
        .ok_or(ImportError::NoJobs)
}
