//! The serving section of the dataset (`serving` in `dataset.json`): the energy-per-token model of
//! LLM inference and published per-request reference points.
//!
//! Design note: [`TokenModel`] holds the coefficients of EcoLogits' LLM-inference methodology
//! (GenAI Impact, 2025), fitted on the ML.ENERGY leaderboard (vLLM on NVIDIA H100 80GB): GPU
//! energy and generation latency per output token as functions of the active parameters and the
//! batch size, plus the server and memory assumptions that turn them into the energy of a request.
//! The formulas are in [`crate::model::serving`]. [`ServingRef`] rows are published figures for
//! one request (Google's Gemini median prompt, Mistral's LCA, OpenAI's claim), each saying what it
//! includes, so the UI can show them for scale without counting PUE or host power twice. Keys are
//! short because the section ships to the browser. Generated from `data/curated/serving_model.csv`
//! and `data/curated/serving_refs.csv`.

use super::row::{object, table, Row};
use super::types::Dataset;
use super::validate::YEAR_RANGE;
use crate::json::{Node, Res};
use crate::units::{Gigabytes, GramsCo2e, WattHours, Watts};
use serde::Serialize;
use std::collections::HashSet;

/// The energy-per-token model (one source, one year).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct TokenModel {
    /// `α` of GPU energy per output token, Wh per billion active parameters (before the batch
    /// term): `f_E = α · e^(β·batch) · P_active + γ`.
    #[serde(rename = "a")]
    pub alpha: f64,
    /// `β` of the batch term of GPU energy per token, per request in the batch (negative: larger
    /// batches spend less per token).
    #[serde(rename = "b")]
    pub beta: f64,
    /// `γ` of GPU energy per token, Wh (the part that does not scale with the model).
    #[serde(rename = "g")]
    pub gamma: f64,
    /// Generation latency per output token, seconds per billion active parameters:
    /// `f_L = α_L · P_active + β_L · batch + γ_L`.
    #[serde(rename = "la")]
    pub lat_alpha: f64,
    /// `β_L`, seconds per token per request in the batch.
    #[serde(rename = "lb")]
    pub lat_beta: f64,
    /// `γ_L`, seconds per token.
    #[serde(rename = "lg")]
    pub lat_gamma: f64,
    /// The batch size the source assumes (requests served together).
    #[serde(rename = "bs")]
    pub batch: f64,
    /// The largest batch the source shows its fit for: the low-energy end of the range.
    #[serde(rename = "bs_hi")]
    pub batch_high: f64,
    /// Memory of one GPU (the source's H100 80GB).
    #[serde(rename = "gb")]
    pub gpu_memory: Gigabytes,
    /// Bits per weight.
    #[serde(rename = "q")]
    pub bits: f64,
    /// Memory overhead factor on the weights (inference memory = factor × weights).
    #[serde(rename = "mf")]
    pub mem_factor: f64,
    /// Power of one server without its GPUs during generation.
    #[serde(rename = "sw")]
    pub server_power: Watts,
    /// GPUs installed per server.
    #[serde(rename = "sn")]
    pub server_gpus: f64,
    /// Source id of every coefficient.
    #[serde(rename = "src")]
    pub source: String,
    /// Year of the coefficients.
    #[serde(rename = "yr")]
    pub year: u16,
}

/// Kinds of published reference figure.
pub const REF_KINDS: [&str; 3] = ["measured", "lca", "claim"];

/// A published figure for one request, shown for scale.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ServingRef {
    /// URL-safe id, e.g. `gemini-median`.
    pub id: String,
    /// What the figure is for, e.g. "Gemini Apps, median text prompt".
    pub name: String,
    /// Energy per request, where published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wh: Option<WattHours>,
    /// Emissions per request, where published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub g: Option<GramsCo2e>,
    /// Water per request, millilitres, where published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ml: Option<f64>,
    /// Output tokens of the request, where published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tok: Option<f64>,
    /// Whether the figure includes the data centre's overhead (PUE); `None`: not stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pue: Option<bool>,
    /// Whether it includes host CPU, memory and idle capacity; `None`: not stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<bool>,
    /// `measured` (the operator's measurement), `lca` (a life-cycle assessment, which includes
    /// manufacturing) or `claim` (a statement without a published method).
    pub kind: String,
    /// True when `g` is market-based (counts the operator's clean-energy purchases).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mkt: Option<bool>,
    /// Source id.
    pub src: String,
    /// Year of the figure.
    pub yr: u16,
}

/// The serving section.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ServingData {
    /// The energy-per-token model.
    #[serde(rename = "tok")]
    pub model: TokenModel,
    /// Published per-request figures.
    #[serde(rename = "ref")]
    pub refs: Vec<ServingRef>,
}

impl ServingData {
    /// The reference figure `id`.
    pub fn reference(&self, id: &str) -> Option<&ServingRef> {
        self.refs.iter().find(|r| r.id == id)
    }
}

/// Reads the `serving` member (either table form, see [`super::row`]).
pub(super) fn read(v: &Node) -> Res<ServingData> {
    object(v, "struct ServingData", |o| {
        o.done(ServingData {
            model: o.with("tok", |v| object(v, "struct TokenModel", model)),
            refs: o.with("ref", |v| table(v, "struct ServingRef", reference)),
        })
    })
}

fn model(o: &Row) -> Res<TokenModel> {
    o.done(TokenModel {
        alpha: o.req("a"),
        beta: o.req("b"),
        gamma: o.req("g"),
        lat_alpha: o.req("la"),
        lat_beta: o.req("lb"),
        lat_gamma: o.req("lg"),
        batch: o.req("bs"),
        batch_high: o.req("bs_hi"),
        gpu_memory: Gigabytes(o.req("gb")),
        bits: o.req("q"),
        mem_factor: o.req("mf"),
        server_power: Watts(o.req("sw")),
        server_gpus: o.req("sn"),
        source: o.req("src"),
        year: o.req("yr"),
    })
}

fn reference(o: &Row) -> Res<ServingRef> {
    o.done(ServingRef {
        id: o.req("id"),
        name: o.req("name"),
        wh: o.opt("wh").map(WattHours),
        g: o.opt("g").map(GramsCo2e),
        ml: o.opt("ml"),
        tok: o.opt("tok"),
        pue: o.opt("pue"),
        host: o.opt("host"),
        kind: o.req("kind"),
        mkt: o.opt("mkt"),
        src: o.req("src"),
        yr: o.req("yr"),
    })
}

/// Every problem of the serving section of `ds`, as sentences (part of [`super::problems`]). An
/// absent section (all defaults) is a problem: the serving model needs it.
pub fn serving_problems(ds: &Dataset) -> Vec<String> {
    let sources: HashSet<&str> = ds.sources.iter().map(|s| s.id.as_str()).collect();
    let m = &ds.serving.model;
    let mut out = Vec::new();
    let mut source = |what: &str, id: &str, year: u16| {
        if !sources.contains(id) {
            out.push(format!("serving {what}: unknown source id `{id}`"));
        }
        if year < YEAR_RANGE.0 || year > YEAR_RANGE.1 {
            out.push(format!("serving {what}: implausible year {year}"));
        }
    };
    source("tok", &m.source, m.year);
    for r in &ds.serving.refs {
        source(&r.id, &r.src, r.yr);
    }
    // Signs and ranges the formulas rely on: energy and latency never fall below zero and energy
    // never rises with the batch (the low end of the range is the larger batch).
    let checks = [
        ("a (GPU energy per token)", m.alpha, 0.0, 1.0, false),
        ("b (batch term)", m.beta, -1.0, 0.0, true),
        ("g (GPU energy per token)", m.gamma, 0.0, 1.0, true),
        ("la (latency per token)", m.lat_alpha, 0.0, 1.0, true),
        ("lb (latency per token)", m.lat_beta, 0.0, 1.0, true),
        ("lg (latency per token)", m.lat_gamma, 0.0, 10.0, true),
        ("bs (batch)", m.batch, 1.0, 4096.0, true),
        ("bs_hi (batch)", m.batch_high, m.batch, 4096.0, true),
        ("gb (GPU memory)", m.gpu_memory.0, 1.0, 1024.0, true),
        ("q (bits per weight)", m.bits, 1.0, 64.0, true),
        ("mf (memory factor)", m.mem_factor, 1.0, 10.0, true),
        ("sw (server power)", m.server_power.0, 0.0, 20_000.0, true),
        ("sn (GPUs per server)", m.server_gpus, 1.0, 64.0, true),
    ];
    for (what, x, min, max, min_ok) in checks {
        let above = if min_ok { x >= min } else { x > min };
        if !(x.is_finite() && above && x <= max) {
            out.push(format!("serving tok {what}: value {x} out of bounds"));
        }
    }
    if m.server_gpus.fract() != 0.0 {
        out.push("serving tok sn: not a whole number".into());
    }
    let mut seen = HashSet::new();
    for r in &ds.serving.refs {
        if !seen.insert(r.id.as_str()) {
            out.push(format!("serving ref: duplicate id `{}`", r.id));
        }
        if !REF_KINDS.contains(&r.kind.as_str()) {
            out.push(format!("serving ref {}: unknown kind `{}`", r.id, r.kind));
        }
        if r.wh.is_none() && r.g.is_none() {
            out.push(format!("serving ref {}: neither Wh nor gCO2e", r.id));
        }
        let numbers = [r.wh.map(|x| x.0), r.g.map(|x| x.0), r.ml, r.tok];
        for x in numbers.into_iter().flatten() {
            if !(x.is_finite() && x > 0.0 && x < 1e6) {
                out.push(format!("serving ref {}: value {x} out of bounds", r.id));
            }
        }
    }
    out
}
