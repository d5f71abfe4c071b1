//! The serving steps of the formula trace, built from the values computed (never recomputed).

use super::{Serving, ServingPath, SiteBands};
use crate::dataset::TokenModel;
use crate::model::trace::{num, TraceStep};

fn step(label: &str, expression: String, result: String, sources: &[&str]) -> TraceStep {
    TraceStep {
        label: label.to_string(),
        expression,
        result,
        sources: sources.iter().map(|s| s.to_string()).collect(),
    }
}

/// The trace: how the energy was found (by path), then facility energy, emissions and the
/// per-request figures, at central values.
pub fn steps(r: &Serving, m: &TokenModel, site: &SiteBands) -> Vec<TraceStep> {
    let n = num(r.inputs.requests);
    let pue = num(site.pue.central.0);
    let mut out = Vec::new();
    let src = [m.source.as_str()];
    match r.inputs.path {
        ServingPath::PerRequest {
            wh,
            includes_overhead,
        } => {
            let what = if includes_overhead {
                "already includes PUE and host overhead: no PUE applied"
            } else {
                "IT energy: PUE applied below"
            };
            out.push(step(
                "Energy of the requests",
                format!("{n} requests × {} Wh ({what})", num(wh)),
                format!("{} kWh", num(r.it_energy.unwrap_or(r.energy).central.0)),
                &[],
            ));
        }
        ServingPath::PerToken { params_b, tokens } => {
            if let Some(t) = r.per_token.map(|b| b.central) {
                out.push(step(
                    "GPUs to hold the model",
                    format!(
                        "{} × {} B × {} bit ÷ 8 = {} GB ÷ {} GB per GPU, rounded up to a power of 2",
                        num(m.mem_factor),
                        num(params_b),
                        num(m.bits),
                        num(t.memory.0),
                        num(m.gpu_memory.0)
                    ),
                    format!("{} GPUs", num(t.gpus)),
                    &src,
                ));
                out.push(step(
                    "GPU energy per output token, one GPU",
                    format!(
                        "{} × e^({} × {} batch) × {} B + {} Wh",
                        num(m.alpha),
                        num(m.beta),
                        num(t.batch),
                        num(params_b),
                        num(m.gamma)
                    ),
                    format!("{} Wh", num(t.gpu_per_token.0)),
                    &src,
                ));
                out.push(step(
                    "Server without GPUs, per request",
                    format!(
                        "{} tokens × {} s ÷ 3600 × {} W × {} ÷ {} GPUs ÷ {} batch",
                        num(tokens),
                        num(t.latency_s / tokens),
                        num(m.server_power.0),
                        num(t.gpus),
                        num(m.server_gpus),
                        num(t.batch)
                    ),
                    format!("{} Wh", num(t.server.0)),
                    &src,
                ));
                out.push(step(
                    "IT energy per request",
                    format!(
                        "{} GPUs × {} tokens × {} Wh + {} Wh",
                        num(t.gpus),
                        num(tokens),
                        num(t.gpu_per_token.0),
                        num(t.server.0)
                    ),
                    format!("{} Wh", num(t.it.0)),
                    &src,
                ));
            }
        }
        ServingPath::Hardware => {
            if let Some(it) = r.it_energy {
                out.push(step(
                    "IT energy of the deployment",
                    "devices × draw + CPU + memory, × hours (as for training)".to_string(),
                    format!("{} kWh", num(it.central.0)),
                    &[],
                ));
            }
        }
    }
    if let Some(it) = r.it_energy {
        out.push(step(
            "Facility energy",
            format!("{} kWh (IT) × {pue} PUE", num(it.central.0)),
            format!("{} kWh", num(r.energy.central.0)),
            &[],
        ));
    }
    out.push(step(
        "Location-based emissions",
        format!(
            "{} kWh × {} gCO2e/kWh",
            num(r.energy.central.0),
            num(site.intensity.central.0)
        ),
        format!("{} kgCO2e", num(r.location_based.central.0)),
        &[],
    ));
    out.push(step(
        "Per request",
        format!(
            "{} kWh and {} kgCO2e ÷ {n} requests",
            num(r.energy.central.0),
            num(r.location_based.central.0)
        ),
        format!(
            "{} Wh, {} gCO2e",
            num(r.wh_per_request.central.0),
            num(r.g_per_request.central.0)
        ),
        &[],
    ));
    out
}
