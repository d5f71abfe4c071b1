//! The JSON export (inputs, outputs, trace, versions) and its import.

use super::{ExportContext, Totals, TOOL_NAME};
use crate::json::{list, parse, Node, Obj, Res};
use crate::model::{Estimate, Inputs, Job};
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
    serde_json::to_string(&doc(ctx))
        .map(|compact| pretty(&compact))
        .unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

fn doc(ctx: &ExportContext) -> Doc<'_> {
    Doc {
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
    }
}

/// Indents compact JSON exactly as `serde_json::to_string_pretty` does: two spaces per level,
/// `": "` after keys, empty `{}` and `[]` kept on one line.
///
/// Why not `to_string_pretty`: a second formatter means a second copy of every `Serialize` impl
/// in the WebAssembly (the saved jobs and the draft are written compact); re-indenting the
/// compact text gives the same bytes.
fn pretty(compact: &str) -> String {
    fn newline(out: &mut Vec<u8>, depth: usize) {
        out.push(b'\n');
        out.resize(out.len() + 2 * depth, b' ');
    }
    let bytes = compact.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() * 2);
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        i += 1;
        if in_string {
            out.push(b);
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                out.push(b);
            }
            b'{' | b'[' => {
                out.push(b);
                match bytes.get(i) {
                    Some(&close @ (b'}' | b']')) => {
                        out.push(close);
                        i += 1;
                    }
                    _ => {
                        depth += 1;
                        newline(&mut out, depth);
                    }
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(b);
            }
            b',' => {
                out.push(b);
                newline(&mut out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            _ => out.push(b),
        }
    }
    // Only ASCII was inserted, between whole characters: still UTF-8.
    String::from_utf8(out).unwrap_or_default()
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
const INPUT_FIELDS: [&str; 11] = [
    "compute",
    "power_w",
    "utilization_pct",
    "job_kind",
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

#[cfg(test)]
mod tests {
    use super::{doc, pretty};
    use crate::dataset::bundled;
    use crate::export::{ExportContext, ExportItem, TrainingType};
    use crate::model::{DurationInput, Factors, Inputs, LocationInput};

    /// The export documents of one job and of a comparison: `json` writes what
    /// `serde_json::to_string_pretty` would.
    #[test]
    fn export_is_serde_json_pretty() {
        let factors = Factors::new(bundled().expect("bundled dataset"));
        let b = Inputs {
            duration: DurationInput::Hours { hours: 7.5 },
            location: LocationInput::Zone {
                zone: "FR".into(),
                data_centre: Default::default(),
            },
            ..Inputs::default()
        };
        let items: Vec<ExportItem> = [("One \"job\", {a}: [b]", Inputs::default()), ("B", b)]
            .iter()
            .map(|(name, inputs)| ExportItem::from_inputs(name, inputs, &factors).expect("valid"))
            .collect();
        for n in 1..=2 {
            let ctx = ExportContext::new(items[..n].to_vec(), TrainingType::Other);
            let expected = serde_json::to_string_pretty(&doc(&ctx)).expect("pretty");
            assert_eq!(super::super::json(&ctx), expected);
        }
    }

    /// Re-indented compact text is byte for byte what `serde_json::to_string_pretty` writes.
    #[test]
    fn pretty_matches_serde_json() {
        let docs = [
            r#"{"a":1,"b":[1,2,{"c":null}],"d":{},"e":[],"f":{"g":[[]],"h":[{}]}}"#,
            r#"["x",{"k\"ey":"v,a:l{u}e[]","n":-1.5e-7},true,false,null,[[1],[2,3]]]"#,
            r#"{"s":"back\\slash\\","t":"quote\"","u":"é ü ✓ \u0001","v":0.1}"#,
            r#"[]"#,
            r#"{}"#,
            r#""plain""#,
            r#"42"#,
        ];
        for doc in docs {
            let value: serde_json::Value = serde_json::from_str(doc).expect("test JSON");
            let compact = serde_json::to_string(&value).expect("compact");
            let expected = serde_json::to_string_pretty(&value).expect("pretty");
            assert_eq!(pretty(&compact), expected, "{doc}");
        }
    }
}
