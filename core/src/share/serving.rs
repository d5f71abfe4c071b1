//! Share-link parameters of a serving job ([`ServingInputs`]), for the share-link codec to call (a
//! public contract, like the rest of the link).
//!
//! | param | meaning | member |
//! |---|---|---|
//! | `task` | `serve` for a serving job; `train` or absent: training (the default) | — |
//! | `req` | requests in the period | `requests` |
//! | `wh` | energy per request, Wh (path 1) | `PerRequest::wh` |
//! | `incl` | `1`: the `wh` figure already includes PUE and host overhead | `PerRequest::includes_overhead` |
//! | `tok` | output tokens per request (path 2) | `PerToken::tokens` |
//! | `params_b` | active parameters, billions (path 2) | `PerToken::params_b` |
//!
//! Hardware, hours, location, PUE and the rest keep their meaning; a serving job with neither
//! `wh` nor `tok`/`params_b` is path 3 (the job's devices × hours × draw). `incl` is not in the
//! issue's list: it carries whether the typed figure already includes the overhead, which the
//! result depends on. Parameters are written in the order of [`SERVING_PARAMS`], numbers in Rust's
//! shortest round-trip form ([`crate::number::shortest`]), so `decode(encode(x)) == x`. Reading
//! checks syntax only, as the codec does: a value that is not a finite number is reported and the
//! default used; ranges are [`ServingInputs::problems`]'s job.
//!
//! Wiring (for the codec): append [`SERVING_PARAMS`] to its list of known parameters, extend its
//! output with [`encode`], and read the job kind with [`decode`] over its parameter lookup.

use crate::model::serving::{
    ServingInputs, ServingPath, DEFAULT_PARAMS_B, DEFAULT_REQUESTS, DEFAULT_TOKENS,
};
use crate::number;
use crate::share::{finite_number, ParamIssue, ParamProblem};

/// The serving parameters, in the order [`encode`] writes them.
pub const SERVING_PARAMS: [&str; 6] = ["task", "req", "wh", "incl", "tok", "params_b"];
/// `task` value of a serving job.
pub const TASK_SERVE: &str = "serve";
/// `task` value of a training job (the default, never written).
pub const TASK_TRAIN: &str = "train";

/// The parameters of a serving job (`None`: a training job, nothing written).
pub fn encode(serving: Option<&ServingInputs>) -> Vec<(&'static str, String)> {
    let Some(s) = serving else {
        return Vec::new();
    };
    let mut out = vec![
        ("task", TASK_SERVE.to_string()),
        ("req", number::shortest(s.requests)),
    ];
    match s.path {
        ServingPath::PerRequest {
            wh,
            includes_overhead,
        } => {
            out.push(("wh", number::shortest(wh)));
            if includes_overhead {
                out.push(("incl", "1".to_string()));
            }
        }
        ServingPath::PerToken { params_b, tokens } => {
            out.push(("tok", number::shortest(tokens)));
            out.push(("params_b", number::shortest(params_b)));
        }
        ServingPath::Hardware => {}
    }
    out
}

/// The serving job read through `lookup` (the decoded value of a parameter, `None` when absent):
/// `None` for a training job. Every problem is reported; the default is used in its place.
pub fn decode<'a>(
    lookup: impl Fn(&str) -> Option<&'a str>,
) -> (Option<ServingInputs>, Vec<ParamProblem>) {
    let mut problems = Vec::new();
    let serve = match lookup("task").map(str::trim) {
        None | Some(TASK_TRAIN) => false,
        Some(TASK_SERVE) => true,
        Some(other) => {
            let issue = ParamIssue::BadChoice {
                value: other.to_string(),
                expected: "\"train\" or \"serve\"",
            };
            problems.push(ParamProblem::new("task", issue));
            false
        }
    };
    let present: Vec<&str> = SERVING_PARAMS[1..]
        .iter()
        .copied()
        .filter(|p| lookup(p).is_some())
        .collect();
    if !serve {
        for p in present {
            let reason = "it describes a serving job and the link is for training";
            problems.push(ParamProblem::new(p, ParamIssue::Ignored { reason }));
        }
        return (None, problems);
    }
    let mut read =
        |name: &str| -> Option<f64> { finite_number(name, lookup(name)?, &mut problems) };
    let requests = read("req").unwrap_or(DEFAULT_REQUESTS);
    let wh = read("wh");
    let tokens = read("tok");
    let params_b = read("params_b");
    let incl = match lookup("incl").map(str::trim) {
        None | Some("0") => false,
        Some("1") => true,
        Some(other) => {
            let issue = ParamIssue::BadChoice {
                value: other.to_string(),
                expected: "\"1\" or \"0\"",
            };
            problems.push(ParamProblem::new("incl", issue));
            false
        }
    };
    let path = match (wh, tokens, params_b) {
        (Some(wh), _, _) => {
            for p in ["tok", "params_b"]
                .into_iter()
                .filter(|p| present.contains(p))
            {
                let reason = "a Wh per request is given";
                problems.push(ParamProblem::new(p, ParamIssue::Ignored { reason }));
            }
            ServingPath::PerRequest {
                wh,
                includes_overhead: incl,
            }
        }
        (None, None, None) if !present.contains(&"tok") && !present.contains(&"params_b") => {
            ServingPath::Hardware
        }
        (None, tokens, params_b) => ServingPath::PerToken {
            params_b: params_b.unwrap_or(DEFAULT_PARAMS_B),
            tokens: tokens.unwrap_or(DEFAULT_TOKENS),
        },
    };
    if incl && !matches!(path, ServingPath::PerRequest { .. }) {
        let reason = "it applies only to a Wh per request";
        problems.push(ParamProblem::new("incl", ParamIssue::Ignored { reason }));
    }
    (Some(ServingInputs { path, requests }), problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(x: Option<&ServingInputs>) -> (Option<ServingInputs>, Vec<ParamProblem>) {
        decode(crate::share::pairs_lookup(&encode(x)))
    }

    fn per_request(wh: f64, incl: bool) -> ServingInputs {
        ServingInputs {
            path: ServingPath::PerRequest {
                wh,
                includes_overhead: incl,
            },
            requests: 1_000_000.0,
        }
    }

    #[test]
    fn training_writes_nothing_and_reads_back_as_training() {
        assert!(encode(None).is_empty());
        assert_eq!(round_trip(None), (None, vec![]));
        let (job, problems) = decode(|p| (p == "task").then_some("train"));
        assert_eq!((job, problems.len()), (None, 0));
    }

    #[test]
    fn every_path_round_trips_in_contract_order() {
        let paths = [
            per_request(0.24, true),
            per_request(0.34, false),
            ServingInputs {
                path: ServingPath::PerToken {
                    params_b: 70.0,
                    tokens: 500.0,
                },
                requests: 2.5e9,
            },
            ServingInputs {
                path: ServingPath::Hardware,
                requests: 123_456.0,
            },
        ];
        for x in paths {
            assert_eq!(round_trip(Some(&x)), (Some(x), vec![]), "{x:?}");
        }
        let pairs = encode(Some(&per_request(0.24, true)));
        let text: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        assert_eq!(text, ["task=serve", "req=1000000", "wh=0.24", "incl=1"]);
        let tok = encode(Some(&paths[2]));
        let names: Vec<&str> = tok.iter().map(|(k, _)| *k).collect();
        assert_eq!(names, ["task", "req", "tok", "params_b"]);
        for name in names {
            assert!(SERVING_PARAMS.contains(&name));
        }
    }

    #[test]
    fn awkward_floats_round_trip_exactly() {
        for v in [0.1 + 0.2, 1e-7, 123_456_789.123, 2.5e13] {
            let x = ServingInputs {
                path: ServingPath::PerToken {
                    params_b: v,
                    tokens: v,
                },
                requests: v,
            };
            assert_eq!(round_trip(Some(&x)).0, Some(x), "{v}");
        }
    }

    #[test]
    fn problems_are_reported_and_defaults_used() {
        let (job, problems) = decode(|p| match p {
            "task" => Some("serve"),
            "req" => Some("lots"),
            "wh" => Some("0.3"),
            "tok" => Some("500"),
            "incl" => Some("yes"),
            _ => None,
        });
        assert_eq!(job, Some(per_request(0.3, false)));
        let params: Vec<&str> = problems.iter().map(|p| p.param.as_str()).collect();
        assert_eq!(params, ["req", "incl", "tok"]);
        assert_eq!(
            problems[0].to_string(),
            "Link parameter \"req\" must be a number (got \"lots\"); the default is used"
        );
        let (job, problems) = decode(|p| match p {
            "task" => Some("deploy"),
            "req" => Some("10"),
            _ => None,
        });
        assert_eq!(job, None);
        let params: Vec<&str> = problems.iter().map(|p| p.param.as_str()).collect();
        assert_eq!(params, ["task", "req"]);
    }

    #[test]
    fn one_of_tokens_or_parameters_selects_path_2_with_the_default_for_the_other() {
        let (job, problems) = decode(|p| match p {
            "task" => Some("serve"),
            "params_b" => Some("8"),
            _ => None,
        });
        let expected = ServingInputs {
            path: ServingPath::PerToken {
                params_b: 8.0,
                tokens: DEFAULT_TOKENS,
            },
            requests: DEFAULT_REQUESTS,
        };
        assert_eq!((job, problems), (Some(expected), vec![]));
    }

    #[test]
    fn out_of_range_values_survive_the_link_for_validation_to_report() {
        let x = per_request(-1.0, false);
        let (back, problems) = round_trip(Some(&x));
        assert_eq!((back, problems.len()), (Some(x), 0));
        assert_eq!(x.problems().len(), 1);
    }
}
