//! The serving job as typed, and its validation.
//!
//! Validation reports every bad member at once, as [`crate::model::validate`] does for the rest of
//! the form; the site (grid, PUE) and, for [`ServingPath::Hardware`], the devices, hours and draw
//! are the training form's and validated there.

use crate::json::{Node, Obj, Res};
use crate::model::errors::{Field, InputError, Problem};
use serde::Serialize;

/// Accepted requests in the period (one to a hundred trillion).
pub const REQUESTS_RANGE: (f64, f64) = (1.0, 1e14);
/// Accepted energy per request, Wh (a large agentic task stays well under 10 kWh).
pub const WH_RANGE: (f64, f64) = (1e-6, 10_000.0);
/// Accepted output tokens per request.
pub const TOKENS_RANGE: (f64, f64) = (1.0, 10_000_000.0);
/// Accepted active parameters, billions (the source's fit covers up to 200B; larger models are
/// extrapolated, and the trace says so).
pub const PARAMS_B_RANGE: (f64, f64) = (0.001, 100_000.0);

/// Requests when none are given: the worked example (one million).
pub const DEFAULT_REQUESTS: f64 = 1_000_000.0;
/// Output tokens per request when none are given (the worked example).
pub const DEFAULT_TOKENS: f64 = 500.0;
/// Active parameters when none are given, billions (the worked example).
pub const DEFAULT_PARAMS_B: f64 = 70.0;

/// How the serving job is described.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ServingPath {
    /// A measured or published energy per request.
    PerRequest {
        /// Energy per request, Wh.
        wh: f64,
        /// True when the figure already includes the data centre's overhead (PUE) and host power
        /// (e.g. Google's comprehensive 0.24 Wh): then no PUE is applied.
        includes_overhead: bool,
    },
    /// Model size and tokens, through the dataset's energy-per-token model.
    PerToken {
        /// Active parameters, billions (a dense model's parameter count).
        params_b: f64,
        /// Output tokens per request.
        tokens: f64,
    },
    /// The job's devices × hours × draw (a deployment that runs all period), as for training.
    Hardware,
}

/// A serving job: how it is described and how many requests it serves in the period.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ServingInputs {
    /// The description.
    pub path: ServingPath,
    /// Requests served in the period.
    pub requests: f64,
}

impl Default for ServingInputs {
    /// The worked example: 1,000,000 requests of 500 output tokens from a 70B model.
    fn default() -> Self {
        ServingInputs {
            path: ServingPath::PerToken {
                params_b: DEFAULT_PARAMS_B,
                tokens: DEFAULT_TOKENS,
            },
            requests: DEFAULT_REQUESTS,
        }
    }
}

impl ServingInputs {
    /// Reads a serving job from parsed JSON in the form it serialises to (saved jobs, JSON
    /// import): `{"path": {"kind": "per_request", "wh": 0.24, "includes_overhead": true},
    /// "requests": 1e6}`. `requests` and `path` default to [`ServingInputs::default`]'s; a path's
    /// members are required except `includes_overhead` (default `false`); unknown members are
    /// ignored.
    pub fn read(value: &Node) -> Res<ServingInputs> {
        let o = Obj::new(value, "struct ServingInputs")?;
        let d = ServingInputs::default();
        Ok(ServingInputs {
            path: o.with_or("path", path, d.path)?,
            requests: o.or("requests", d.requests)?,
        })
    }

    /// Every problem of the typed values (ranges, finiteness, whole numbers); empty when sound.
    pub fn problems(&self) -> Vec<InputError> {
        let mut errors = Vec::new();
        let mut check = |field: Field, x: f64, range: (f64, f64)| {
            if let Some(p) = problem(x, range) {
                errors.push(InputError::new(field, p));
            }
        };
        check(Field::Requests, self.requests, REQUESTS_RANGE);
        match self.path {
            ServingPath::PerRequest { wh, .. } => check(Field::WhPerRequest, wh, WH_RANGE),
            ServingPath::PerToken { params_b, tokens } => {
                check(Field::ActiveParams, params_b, PARAMS_B_RANGE);
                check(Field::OutputTokens, tokens, TOKENS_RANGE);
            }
            ServingPath::Hardware => {}
        }
        errors
    }
}

/// What is wrong with `x` for the accepted `[min, max]`, if anything.
fn problem(x: f64, (min, max): (f64, f64)) -> Option<Problem> {
    if !x.is_finite() {
        Some(Problem::NotFinite {
            got: format!("{x}"),
        })
    } else if x <= 0.0 {
        Some(Problem::NotPositive { got: x })
    } else if (min..=max).contains(&x) {
        None
    } else {
        Some(Problem::OutOfRange { got: x, min, max })
    }
}

fn path(v: &Node) -> Res<ServingPath> {
    const KINDS: &[&str] = &["per_request", "per_token", "hardware"];
    let o = Obj::new(v, "enum ServingPath")?;
    Ok(match o.tag(KINDS)? {
        0 => ServingPath::PerRequest {
            wh: o.req("wh")?,
            includes_overhead: o.or("includes_overhead", false)?,
        },
        1 => ServingPath::PerToken {
            params_b: o.req("params_b")?,
            tokens: o.req("tokens")?,
        },
        _ => ServingPath::Hardware,
    })
}
