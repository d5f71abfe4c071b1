//! The share-link codec: [`Inputs`] ⇄ URL query string (a public contract, see the README).
//!
//! Design note: pure and total. [`from_query`] accepts any string, never panics, and reports every
//! unknown, malformed, duplicate or ignored parameter as a typed [`ParamProblem`] while falling back
//! to the default for it. It checks syntax only (a number, a `<provider>/<region>` pair): ranges and
//! ids are the model's job ([`crate::model::validate`]), so an unknown hardware id survives the link
//! and is reported next to its field. [`to_query`] writes only non-default parameters, in the fixed
//! order of [`PARAMS`], with numbers in Rust's shortest round-trip form, so
//! `from_query(&to_query(x, v)).inputs == x` for every canonical input (see the tests).
//! [`to_query_citing`] adds the figures the author saw (`kg`, `kwh`, see [`CitedFigures`]), so a
//! link opened with another dataset version can show the link's figures beside the current ones.
//!
//! Mappings the contract cannot express one-to-one:
//! * `ci` (custom intensity) becomes [`LocationInput::Custom`]; a `loc` given with it is ignored and
//!   reported (the link's PUE then comes from `pue`, else the industry average).
//! * A parameters × tokens workload is written as `flops` = 6 × N × D.
//! * A personal machine (zone or custom) is written as `pue=1` when no PUE was typed.
//! * CPU usage is not part of the link: a decoded CPU runs at 100 %.

use crate::model::inputs::{DEFAULT_DEVICES, DEFAULT_HARDWARE, DEFAULT_HOURS, DEFAULT_MFU_PCT};
use crate::model::{
    training_flops, ComputeInput, CpuInput, DataCentre, DurationInput, Inputs, JobKind,
    LocationInput,
};
use crate::units::{KgCo2e, Kwh};

mod cited;
pub mod lifecycle;
mod params;
mod percent;
mod problem;
pub mod serving;

use params::Params;

pub use cited::{CitedFigures, CITED_DIGITS};
pub use percent::{decode, encode};
pub(crate) use problem::finite_number;
pub use problem::{ParamIssue, ParamProblem};

/// Every parameter of the contract, in the order [`to_query_citing`] writes them.
/// The life-cycle parameters ([`lifecycle::LIFECYCLE_PARAMS`]) come after `mkt`: they are inputs,
/// and `data`, `kg` and `kwh` stay last.
pub const PARAMS: [&str; 27] = [
    "hw", "inst", "n", "h", "flops", "mfu", "runs", "w", "util", "kind", "cpu", "cores", "mem",
    "loc", "ci", "pue", "mkt", "life", "use", "emb_dev", "emb_host", "per_host", "dev", "wue",
    "data", "kg", "kwh",
];

/// The `loc` prefix of a grid zone (`grid/FR`).
pub const GRID_PREFIX: &str = "grid";

/// The result of reading a query string.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The inputs (defaults for anything absent or invalid).
    pub inputs: Inputs,
    /// The `data` parameter: the dataset version the link was made with.
    pub version: Option<String>,
    /// The figures the link's author saw (`kg`, `kwh`); informational, never used to compute.
    pub cited: CitedFigures,
    /// Everything that could not be used as given.
    pub problems: Vec<ParamProblem>,
}

fn num(x: f64) -> String {
    crate::number::shortest(x)
}

/// Writes the inputs as a query string (no leading `?`): only non-default parameters, in the order
/// of [`PARAMS`], plus `data=<dataset_version>` (always, so a cited link names its data).
pub fn to_query(inputs: &Inputs, dataset_version: &str) -> String {
    to_query_citing(inputs, dataset_version, &CitedFigures::default())
}

/// Like [`to_query`], followed by the figures of the estimate the link shows (`kg`, `kwh`, with
/// [`CITED_DIGITS`] significant digits; absent or non-finite figures are not written).
pub fn to_query_citing(inputs: &Inputs, dataset_version: &str, cited: &CitedFigures) -> String {
    let mut out = input_params(inputs);
    out.push(("data", encode(dataset_version)));
    out.extend(cited.params());
    out.iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// True when `query` names any parameter besides the informational `data`, `kg` and `kwh`, i.e.
/// when it is a share link of inputs rather than what the page writes for the default inputs.
/// Unknown parameters count (they are reported when the link is read).
pub fn names_inputs(query: &str) -> bool {
    let query = query.strip_prefix('?').unwrap_or(query);
    query.split('&').filter(|p| !p.is_empty()).any(|pair| {
        let key = decode(pair.split_once('=').map_or(pair, |(k, _)| k));
        key != "data" && !cited::FIGURE_PARAMS.contains(&key.as_str())
    })
}

/// The non-default input parameters, in the order of [`PARAMS`].
fn input_params(inputs: &Inputs) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    match &inputs.compute {
        ComputeInput::Hardware { id, devices } => {
            if id != DEFAULT_HARDWARE {
                out.push(("hw", encode(id)));
            }
            if *devices != DEFAULT_DEVICES || devices.is_nan() {
                out.push(("n", num(*devices)));
            }
        }
        ComputeInput::Instance { id, count } => {
            out.push(("inst", encode(id)));
            if *count != 1.0 || count.is_nan() {
                out.push(("n", num(*count)));
            }
        }
    }
    match &inputs.duration {
        DurationInput::Hours { hours } => {
            if *hours != DEFAULT_HOURS || hours.is_nan() {
                out.push(("h", num(*hours)));
            }
        }
        DurationInput::Flops { flops, mfu_pct } => flops_params(&mut out, *flops, *mfu_pct),
        DurationInput::Training {
            parameters,
            tokens,
            mfu_pct,
        } => flops_params(&mut out, training_flops(*parameters, *tokens).0, *mfu_pct),
    }
    if inputs.runs != 1.0 {
        out.push(("runs", num(inputs.runs)));
    }
    if let Some(w) = inputs.power_w {
        out.push(("w", num(w)));
    }
    if let Some(util) = inputs.utilization_pct {
        out.push(("util", num(util)));
    }
    if inputs.job_kind != JobKind::default() {
        out.push(("kind", inputs.job_kind.id().to_string()));
    }
    if let Some(cpu) = &inputs.cpu {
        out.push(("cpu", encode(&cpu.id)));
        if cpu.cores != CpuInput::default().cores {
            out.push(("cores", num(cpu.cores)));
        }
    }
    if let Some(mem) = inputs.memory_gb {
        out.push(("mem", num(mem)));
    }
    let personal = match &inputs.location {
        LocationInput::Cloud { provider, region } => {
            if inputs.location != LocationInput::default() {
                out.push(("loc", format!("{}/{}", encode(provider), encode(region))));
            }
            false
        }
        LocationInput::Zone { zone, data_centre } => {
            out.push(("loc", format!("{GRID_PREFIX}/{}", encode(zone))));
            *data_centre == DataCentre::Personal
        }
        LocationInput::Custom {
            intensity,
            data_centre,
        } => {
            out.push(("ci", num(*intensity)));
            *data_centre == DataCentre::Personal
        }
    };
    match inputs.pue {
        Some(pue) => out.push(("pue", num(pue))),
        None if personal => out.push(("pue", "1".to_string())),
        None => {}
    }
    if let Some(m) = inputs.market_pct {
        out.push(("mkt", num(m)));
    }
    out.extend(lifecycle::encode(&inputs.lifecycle));
    out
}

fn flops_params(out: &mut Vec<(&'static str, String)>, flops: f64, mfu: f64) {
    out.push(("flops", num(flops)));
    if mfu != DEFAULT_MFU_PCT || mfu.is_nan() {
        out.push(("mfu", num(mfu)));
    }
}

/// Reads a query string (with or without the leading `?`). Never panics; see [`ParamProblem`].
pub fn from_query(query: &str) -> Decoded {
    let mut p = Params::parse(query);
    let mut inputs = Inputs::default();

    let n = p.number("n");
    if let Some(id) = p.id("inst") {
        p.ignore("hw", "\"inst\" (an instance type) is given");
        inputs.compute = ComputeInput::Instance {
            id,
            count: n.unwrap_or(1.0),
        };
    } else {
        inputs.compute = ComputeInput::Hardware {
            id: p.id("hw").unwrap_or_else(|| DEFAULT_HARDWARE.to_string()),
            devices: n.unwrap_or(DEFAULT_DEVICES),
        };
    }

    if let Some(flops) = p.number("flops") {
        p.ignore(
            "h",
            "\"flops\" is given, so the hours follow from the hardware",
        );
        inputs.duration = DurationInput::Flops {
            flops,
            mfu_pct: p.number("mfu").unwrap_or(DEFAULT_MFU_PCT),
        };
    } else {
        p.ignore("mfu", "it only applies with \"flops\"");
        if let Some(hours) = p.number("h") {
            inputs.duration = DurationInput::Hours { hours };
        }
    }

    if let Some(runs) = p.number("runs") {
        inputs.runs = runs;
    }
    inputs.power_w = p.number("w");
    inputs.utilization_pct = p.number("util");
    if let Some(kind) = p.id("kind") {
        match JobKind::from_id(&kind) {
            Some(k) => inputs.job_kind = k,
            None => p.problems.push(ParamProblem::new(
                "kind",
                ParamIssue::BadChoice {
                    value: kind,
                    expected: "\"pretrain\", \"finetune\" or \"unknown\"",
                },
            )),
        }
    }
    let cores = p.number("cores");
    let cpu = p.id("cpu");
    if cpu.is_some() || cores.is_some() {
        let default = CpuInput::default();
        inputs.cpu = Some(CpuInput {
            id: cpu.unwrap_or(default.id),
            cores: cores.unwrap_or(default.cores),
            usage_pct: default.usage_pct,
        });
    }
    inputs.memory_gb = p.number("mem");

    if let Some(intensity) = p.number("ci") {
        p.ignore("loc", "\"ci\" (a custom intensity) replaces the location");
        inputs.location = LocationInput::Custom {
            intensity,
            data_centre: DataCentre::Unknown,
        };
    } else if let Some(loc) = p.text("loc").map(str::to_string) {
        match parse_location(&loc) {
            Some(location) => inputs.location = location,
            None => {
                let issue = ParamIssue::BadLocation {
                    value: decode(&loc),
                };
                p.problems.push(ParamProblem::new("loc", issue));
            }
        }
    }
    inputs.pue = p.number("pue");
    inputs.market_pct = p.number("mkt");
    let (overrides, problems) = lifecycle::decode(|name| p.text(name));
    inputs.lifecycle = overrides;
    p.problems.extend(problems);
    let version = p.id("data");
    let cited = CitedFigures {
        kg: p.figure("kg").map(KgCo2e),
        kwh: p.figure("kwh").map(Kwh),
    };

    Decoded {
        inputs,
        version,
        cited,
        problems: p.problems,
    }
}

/// `<provider>/<region>` or `grid/<zone>` (each part percent-encoded) → a location.
fn parse_location(raw: &str) -> Option<LocationInput> {
    let (left, right) = raw.split_once('/')?;
    let (left, right) = (decode(left), decode(right));
    if left.is_empty() || right.is_empty() {
        return None;
    }
    Some(if left == GRID_PREFIX {
        LocationInput::Zone {
            zone: right,
            data_centre: DataCentre::Unknown,
        }
    } else {
        LocationInput::Cloud {
            provider: left,
            region: right,
        }
    })
}

/// For tests of the parameter groups: a lookup over encoded `(name, value)` pairs, as the query
/// codec gives their `decode`.
#[cfg(test)]
pub(crate) fn pairs_lookup<'a>(
    pairs: &'a [(&'static str, String)],
) -> impl Fn(&str) -> Option<&'a str> {
    move |name| {
        pairs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }
}
