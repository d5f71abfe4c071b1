//! A human-readable formula trace: the numbers that went in and each step, with provenance.
//!
//! Design note: the trace is built from the same values the estimate used (never recomputed by a
//! second formula), so what the person reads is what was computed. Numbers are rounded for reading
//! only; the estimate keeps full precision.

use super::energy::{Energy, Power};
use super::job::{DeviceDraw, Job, PueBasis};
use crate::units::KgCo2e;
use serde::Serialize;

/// One step of the computation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TraceStep {
    /// What the step computes, e.g. "Accelerator power".
    pub label: String,
    /// The expression with its numbers, e.g. "8 × 400 W × 100 %".
    pub expression: String,
    /// The result with its unit, e.g. "3,200 W".
    pub result: String,
    /// Source ids of the dataset factors used in this step.
    pub sources: Vec<String>,
}

/// The whole trace.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trace {
    /// The steps, in order.
    pub steps: Vec<TraceStep>,
    /// One line, e.g. "8 × 400 W × 100 % × 24 h × 1.135 PUE = 87.2 kWh × 385 g/kWh = 33.6 kg".
    pub summary: String,
}

/// Inserts thousands separators into the integer part of a plain decimal string.
pub(crate) fn group(s: &str) -> String {
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// Formats a number for reading: thousands separators, 3–4 significant digits (integers from 100 up), no trailing
/// zeros, scientific notation for very large or very small magnitudes, "—" for non-finite.
pub fn num(x: f64) -> String {
    if !x.is_finite() {
        return "—".to_string();
    }
    let a = x.abs();
    if a == 0.0 {
        return "0".to_string();
    }
    if !(1e-4..1e15).contains(&a) {
        // Four significant digits, trailing zeros dropped: "1.2e25".
        return crate::number::scientific(crate::number::round_sig(x, 4));
    }
    let decimals = if a >= 100.0 {
        0
    } else if a >= 10.0 {
        2
    } else if a >= 1.0 {
        3
    } else {
        4
    };
    let s = crate::number::fixed(x, decimals);
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    group(&s)
}

fn step(label: &str, expression: String, result: String, sources: &[&str]) -> TraceStep {
    TraceStep {
        label: label.to_string(),
        expression,
        result,
        sources: sources
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| s.to_string())
            .collect(),
    }
}

/// Builds the trace of an estimate from the job and the values it computed.
pub fn trace(
    job: &Job,
    power: &Power,
    energy: &Energy,
    (location, market, at_tdp): (KgCo2e, KgCo2e, KgCo2e),
) -> Trace {
    let mut steps = Vec::with_capacity(8);
    let n = job.devices;
    let acc = &job.accelerator;
    let device_expr = match job.draw {
        DeviceDraw::Rated { utilization } => {
            format!("{n} × {} W × {} %", num(acc.tdp.0), num(utilization.0))
        }
        DeviceDraw::Measured { power } => format!("{n} × {} W (measured)", num(power.0)),
        DeviceDraw::Typical { band, .. } => {
            format!(
                "{n} × {} W × {} % (typical)",
                num(acc.tdp.0),
                num(band.central.0)
            )
        }
    };
    let hw_src: Vec<&str> = match job.draw {
        DeviceDraw::Rated { .. } | DeviceDraw::Typical { .. } => vec![acc.source.as_str()],
        DeviceDraw::Measured { .. } => vec![],
    };
    if let DeviceDraw::Typical {
        job_kind,
        band,
        of_mean,
        ..
    } = job.draw
    {
        let draw_src: Vec<&str> = (job.draw_source.as_deref().unwrap_or(""))
            .split(';')
            .collect();
        let expression = if of_mean {
            format!(
                "the {}'s power figure ({} W) is a measured mean: taken as the typical draw \
                 (measured range {}–{} % of it)",
                acc.name,
                num(acc.tdp.0),
                num(band.low.0),
                num(band.high.0)
            )
        } else {
            format!(
                "typical average for a job of kind “{}”: {} % of TDP (range {}–{} %, {})",
                job_kind.id(),
                num(band.central.0),
                num(band.low.0),
                num(band.high.0),
                super::uncertainty::draw_basis(job.draw)
            )
        };
        steps.push(step(
            "Accelerator draw",
            expression,
            format!("{} % of TDP", num(band.central.0)),
            if of_mean { &[] } else { &draw_src },
        ));
    }
    if let Some(inst) = &job.instance {
        steps.push(step(
            "Instances",
            format!(
                "{} × {} ({} × {} each)",
                inst.count, inst.id, inst.devices_per_instance, acc.name
            ),
            format!("{n} devices"),
            &[inst.source.as_str()],
        ));
    }
    steps.push(step(
        "Accelerator power",
        device_expr.clone(),
        format!("{} W", num(power.accelerators.0)),
        &hw_src,
    ));
    if let Some(cpu) = &job.cpu {
        steps.push(step(
            "CPU power",
            format!(
                "{} W/core × {} cores × {} % ({})",
                num(cpu.per_core.0),
                num(cpu.cores),
                num(cpu.usage.0),
                cpu.name
            ),
            format!("{} W", num(power.cpu.0)),
            &[cpu.source.as_str()],
        ));
    }
    if let Some(mem) = &job.memory {
        steps.push(step(
            "Memory power",
            format!("{} GB × {} W/GB", num(mem.size.0), num(mem.per_gb.0)),
            format!("{} W", num(power.memory.0)),
            &[mem.source.as_str()],
        ));
    }
    if let (Some(w), Some(peak)) = (job.workload, acc.peak) {
        steps.push(step(
            "Hours per run",
            format!(
                "{} FLOP ÷ ({n} × {} TFLOPS × {} % MFU) ÷ 3600 s/h",
                num(w.flops.0),
                num(peak.0),
                num(w.mfu.0)
            ),
            format!("{} h", num(job.hours_per_run.0)),
            &[acc.source.as_str()],
        ));
    }
    let runs = job.runs;
    let run_word = if runs == 1 { "run" } else { "runs" };
    steps.push(step(
        "IT energy",
        format!(
            "{} W × {} h × {runs} {run_word} ÷ 1000",
            num(power.it().0),
            num(job.hours_per_run.0)
        ),
        format!("{} kWh", num(energy.it.0)),
        &[],
    ));
    let pue = job.site.pue.central;
    let pue_note = match job.site.pue_basis {
        PueBasis::Cloud => "region/provider PUE",
        PueBasis::Personal => "personal machine",
        PueBasis::IndustryAverage => "industry-average PUE",
        PueBasis::UserOverride => "your PUE",
    };
    steps.push(step(
        "Facility energy",
        format!(
            "{} kWh × {} PUE ({pue_note}); overhead {} kWh",
            num(energy.it.0),
            num(pue.0),
            num(energy.pue_overhead.0)
        ),
        format!("{} kWh", num(energy.total.0)),
        &[job.site.pue_source.as_deref().unwrap_or("")],
    ));
    let ci = job.site.intensity.central;
    steps.push(step(
        "Location-based emissions",
        format!(
            "{} kWh × {} gCO2e/kWh ÷ 1000",
            num(energy.total.0),
            num(ci.0)
        ),
        format!("{} kgCO2e", num(location.0)),
        &[job.site.intensity_source.as_deref().unwrap_or("")],
    ));
    if let DeviceDraw::Rated { .. } | DeviceDraw::Typical { .. } = job.draw {
        steps.push(step(
            "Upper bound at TDP",
            format!(
                "every accelerator at 100 % of TDP ({} W), the convention of Lacoste et al. 2019",
                num(acc.tdp.0)
            ),
            format!("{} kgCO2e", num(at_tdp.0)),
            &[acc.source.as_str()],
        ));
    }
    steps.push(step(
        "Market-based emissions",
        format!(
            "{} kgCO2e × (1 − {} % {})",
            num(location.0),
            num(job.market.share.0),
            job.market.claim()
        ),
        format!("{} kgCO2e", num(market.0)),
        &[job.market.source.as_deref().unwrap_or("")],
    ));

    let mut summary = device_expr;
    if job.cpu.is_some() || job.memory.is_some() {
        summary = format!("({summary} + {} W host)", num((power.cpu + power.memory).0));
    }
    let runs_part = if runs == 1 {
        String::new()
    } else {
        format!(" × {runs} runs")
    };
    summary = format!(
        "{summary} × {} h{runs_part} × {} PUE = {} kWh × {} g/kWh = {} kg",
        num(job.hours_per_run.0),
        num(pue.0),
        num(energy.total.0),
        num(ci.0),
        num(location.0)
    );
    Trace { steps, summary }
}

#[cfg(test)]
mod tests {
    use super::num;

    #[test]
    fn formats_numbers_for_reading() {
        assert_eq!(num(3200.0), "3,200");
        assert_eq!(num(1234567.4), "1,234,567");
        assert_eq!(num(76.8), "76.8");
        assert_eq!(num(1.135), "1.135");
        assert_eq!(num(1.1), "1.1");
        assert_eq!(num(0.3725), "0.3725");
        assert_eq!(num(100.0), "100");
        assert_eq!(num(-2500.0), "-2,500");
        assert_eq!(num(1.2e25), "1.2e25");
        assert_eq!(num(f64::NAN), "—");
        assert_eq!(num(0.0), "0");
    }
}
