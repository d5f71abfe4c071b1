//! EcoLogits' energy of one LLM request from model size and output tokens (methodology "LLM
//! inference", GenAI Impact 2025; coefficients in the dataset's [`TokenModel`]).
//!
//! ```text
//! GPUs          = 2^⌈log2 ⌈1.2 × P × bits ÷ 8 ÷ GPU GB⌉⌉          (weights in memory, powers of 2)
//! GPU energy    = GPUs × tokens × (α · e^(β·batch) · P_active + γ)                         [Wh]
//! latency       = tokens × (α_L · P_active + β_L · batch + γ_L)                              [s]
//! server energy = latency ÷ 3600 × server W × GPUs ÷ GPUs per server ÷ batch                [Wh]
//! IT energy     = GPU energy + server energy;   facility energy = IT energy × PUE
//! ```
//!
//! What is implemented and what is not: the fit is for NVIDIA H100 80GB GPUs running vLLM, so the
//! accelerator the person picked does not enter this path (EcoLogits models every request on
//! H100-class servers); the GPU count uses the active parameters as the total (a dense model:
//! a mixture-of-experts model needs more GPUs than this counts). EcoLogits caps the latency with a
//! measured request latency where it has one; no such measurement is an input here, so the
//! modelled latency is used. Its embodied share and water are not computed here (the life-cycle
//! view has its own).

use crate::dataset::TokenModel;
use crate::units::{Gigabytes, WattHours};
use serde::Serialize;

/// Seconds per hour.
const SECONDS_PER_HOUR: f64 = 3600.0;

/// The energy of one request at one batch size, with its parts.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TokenEnergy {
    /// Requests served together.
    pub batch: f64,
    /// Memory needed to hold the model.
    pub memory: Gigabytes,
    /// GPUs that hold the model (a power of two).
    pub gpus: f64,
    /// Energy of one GPU per output token.
    pub gpu_per_token: WattHours,
    /// Generation latency of the request, seconds.
    pub latency_s: f64,
    /// Energy of all the model's GPUs for the request.
    pub gpu: WattHours,
    /// The request's share of the server's energy without GPUs.
    pub server: WattHours,
    /// IT energy: GPUs + server.
    pub it: WattHours,
}

/// Memory needed to serve a model of `params_b` billion parameters.
pub fn model_memory(params_b: f64, m: &TokenModel) -> Gigabytes {
    Gigabytes(m.mem_factor * params_b * m.bits / 8.0)
}

/// GPUs of `m.gpu_memory` needed to hold `memory`, rounded up to a power of two (at least one).
pub fn gpus_required(memory: Gigabytes, m: &TokenModel) -> f64 {
    let n = memory.ratio(m.gpu_memory).ceil().max(1.0);
    n.log2().ceil().exp2()
}

/// Energy of one GPU per output token at `batch`: `α · e^(β·batch) · P + γ`.
pub fn gpu_wh_per_token(params_b: f64, batch: f64, m: &TokenModel) -> WattHours {
    WattHours(m.alpha * (m.beta * batch).exp() * params_b + m.gamma)
}

/// Generation latency per output token at `batch`, seconds: `α_L · P + β_L · batch + γ_L`.
pub fn latency_s_per_token(params_b: f64, batch: f64, m: &TokenModel) -> f64 {
    m.lat_alpha * params_b + m.lat_beta * batch + m.lat_gamma
}

/// The energy of one request of `tokens` output tokens from a model with `params_b` billion
/// active parameters, served in batches of `batch`.
pub fn request_energy(params_b: f64, tokens: f64, batch: f64, m: &TokenModel) -> TokenEnergy {
    let memory = model_memory(params_b, m);
    let gpus = gpus_required(memory, m);
    let gpu_per_token = gpu_wh_per_token(params_b, batch, m);
    let latency_s = tokens * latency_s_per_token(params_b, batch, m);
    let gpu = gpu_per_token.scale(gpus * tokens);
    let share = if m.server_gpus > 0.0 && batch > 0.0 {
        gpus / m.server_gpus / batch
    } else {
        0.0
    };
    let server = WattHours(latency_s / SECONDS_PER_HOUR * m.server_power.0 * share);
    TokenEnergy {
        batch,
        memory,
        gpus,
        gpu_per_token,
        latency_s,
        gpu,
        server,
        it: gpu + server,
    }
}
