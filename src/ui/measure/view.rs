//! What a read log shows: the headline figures (test hooks with `data-value`), the per-device or
//! per-run table, the reader's counts, what went into the form, and the a-priori comparison.

use super::apply::{prior, FromLog};
use crate::ui::erased::CollectAny;
use crate::ui::results::energy;
use emissions_core::charts::format::format_sig;
use emissions_core::measure::{CodeCarbonSummary, LogSummary, Measured, PowerSummary};
use emissions_core::model::{ComputeInput, Factors, Inputs, JobKind, LocationInput};
use emissions_core::number;
use leptos::prelude::*;

/// A log read and turned into a job.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The file name.
    pub file: String,
    /// What the reader made of it.
    pub summary: LogSummary,
    /// The job it describes.
    pub from: FromLog,
}

fn sig(x: f64) -> String {
    format_sig(x, 3)
}

/// A figure with its test hook: the text shown, the plain number in `data-value`.
fn hook(id: &'static str, value: f64, text: String) -> AnyView {
    view! { <strong data-testid=id data-value=number::shortest(value)>{text}</strong> }.into_any()
}

/// The headline, the table and the counts of a read log.
pub fn summary_view(r: &Reading, factors: &Factors) -> AnyView {
    let s = &r.summary;
    let from = &r.from;
    let per_device = if from.includes_host {
        " per GPU (with CPU and RAM)"
    } else {
        " per device"
    };
    let table = match &s.content {
        Measured::Power(p) => devices_table(p, factors),
        Measured::CodeCarbon(c) => runs_table(c),
    };
    view! {
        <p data-testid="measured-summary">
            {format!("{} ({} log, {} MB, {} lines): ", r.file, s.format.name(), sig(s.bytes as f64 / 1e6), s.lines)}
            {hook("measured-energy-kwh", from.energy_kwh, energy(from.energy_kwh))}
            " over "
            {hook("measured-hours", from.hours, format!("{} h", sig(from.hours)))}
            ", on average "
            {hook("measured-avg-w", from.power_w, format!("{} W", sig(from.power_w)))}
            {per_device}
            "."
        </p>
        {table}
        <p class="hint" data-testid="measured-counts">{counts(s)}</p>
    }
    .into_any()
}

fn devices_table(p: &PowerSummary, factors: &Factors) -> AnyView {
    let rows = p
        .devices
        .iter()
        .map(|d| {
            let name = match (&d.name, d.key.is_empty()) {
                (Some(n), true) => n.clone(),
                (Some(n), false) => format!("{} ({n})", d.key),
                (None, false) => d.key.clone(),
                (None, true) => "the log's device".to_string(),
            };
            let tdp = d
                .tdp_fraction(factors.dataset())
                .map_or("–".to_string(), |f| format!("{} %", sig(f * 100.0)));
            vec![
                name,
                d.catalogue_id.unwrap_or(NOT_IN_CATALOGUE).to_string(),
                d.samples.to_string(),
                energy(d.energy.0),
                format!("{} W", sig(d.average_power.0)),
                format!("{} W", sig(d.peak_power.0)),
                tdp,
            ]
        })
        .collect();
    let head = [
        "Device (as read)",
        "Catalogue id",
        "Samples",
        "Energy",
        "Average",
        "Peak",
        "% of TDP",
    ];
    table(
        "measured-devices",
        "Devices in the log".to_string(),
        &head,
        2..7,
        rows,
    )
}

/// Said of a device name the catalogue does not list.
const NOT_IN_CATALOGUE: &str = "not in catalogue";

/// Runs listed in the table at most (a file may hold thousands).
const SHOWN_RUNS: usize = 20;

fn runs_table(c: &CodeCarbonSummary) -> AnyView {
    let rows = c
        .runs
        .iter()
        .take(SHOWN_RUNS)
        .map(|r| {
            let place = match (r.cloud_provider.is_empty(), r.country_iso_code.is_empty()) {
                (false, _) => format!("{} {}", r.cloud_provider, r.cloud_region),
                (true, false) => r.country_iso_code.clone(),
                _ => "–".to_string(),
            };
            vec![
                format!("{} {}", r.project_name, r.timestamp),
                r.gpu_model.clone(),
                r.gpu_id.unwrap_or(NOT_IN_CATALOGUE).to_string(),
                format!("{} h", sig(r.duration.0)),
                energy(r.energy.0),
                r.pue.map_or("–".to_string(), |p| sig(p.0)),
                place,
            ]
        })
        .collect();
    let more = c.runs.len().saturating_sub(SHOWN_RUNS) as u64 + c.runs_omitted;
    let caption = if more > 0 {
        format!("CodeCarbon runs (first {SHOWN_RUNS}; {more} more in the totals)")
    } else {
        "CodeCarbon runs".to_string()
    };
    let head = [
        "Run",
        "GPU (as read)",
        "Catalogue id",
        "Duration",
        "Energy",
        "PUE",
        "Location",
    ];
    table("measured-runs", caption, &head, 3..6, rows)
}

/// One table type for both tables (one compiled view): the first cell of a row is its header,
/// the cells in `numbers` are right-aligned numbers.
fn table(
    id: &'static str,
    caption: String,
    head: &[&'static str],
    numbers: std::ops::Range<usize>,
    rows: Vec<Vec<String>>,
) -> AnyView {
    let head = head
        .iter()
        .map(|h| view! { <th scope="col">{*h}</th> })
        .collect_any();
    let rows = rows
        .into_iter()
        .map(|cells| {
            let cells = cells
                .into_iter()
                .enumerate()
                .map(|(i, text)| {
                    let num = numbers.contains(&i);
                    if i == 0 {
                        view! { <th scope="row">{text}</th> }.into_any()
                    } else {
                        view! { <td class:num=num>{text}</td> }.into_any()
                    }
                })
                .collect_any();
            view! { <tr>{cells}</tr> }
        })
        .collect_any();
    view! {
        <div class="table-scroll">
            <table class="compare-table" data-testid=id>
                <caption>{caption}</caption>
                <thead><tr>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The reader's counts of what it skipped or could not bridge.
fn counts(s: &LogSummary) -> String {
    let mut out = format!("Repeated headers: {}", s.repeated_headers);
    if let Measured::Power(p) = &s.content {
        out.push_str(&format!(
            "; gaps not bridged: {} ({} h); skipped cells: {}; out-of-order samples: {}",
            p.gaps,
            sig(p.gap_time.0),
            p.skipped_cells,
            p.out_of_order
        ));
    }
    out.push_str(if s.truncated_last_line {
        "; truncated last line: 1 (ignored)."
    } else {
        "; truncated last line: 0."
    });
    out
}

/// What went into the form, figure by figure.
pub fn applied_view(from: &FromLog, inputs: &Inputs) -> AnyView {
    let hardware = match (&inputs.compute, from.hardware) {
        (ComputeInput::Hardware { id, .. }, Some(_)) => format!("hardware {id}"),
        (ComputeInput::Hardware { id, .. }, None) => format!(
            "hardware kept as {id}, as {} (its TDP is not used; the measured power is)",
            from.unmapped
                .as_deref()
                .unwrap_or("the log names no catalogue device")
        ),
        _ => "hardware".to_string(),
    };
    let mut items = vec![
        hardware,
        match from.devices {
            1 => "1 device".to_string(),
            n => format!("{n} devices"),
        },
        format!("{} h per run, 1 run", sig(from.hours)),
        format!("power {} W per device", sig(from.power_w)),
    ];
    if let Some(LocationInput::Cloud { provider, region }) = &from.location {
        items.push(format!("location {provider} {region}"));
    }
    if let Some(pue) = from.pue {
        items.push(format!("PUE {}", sig(pue)));
    }
    if from.includes_host {
        items.push("no separate CPU or memory (CodeCarbon's energy includes them)".to_string());
    }
    let mut text = format!("From the log, in the form: {}.", items.join("; "));
    if !from.not_used.is_empty() {
        text.push_str(&format!(" Not used: {}.", from.not_used.join("; ")));
    }
    text.push_str(
        " The calculator counts the whole duration at the average power; regions, charts, \
         exports and share links now use these figures.",
    );
    view! { <p data-testid="measured-applied">{text}</p> }.into_any()
}

/// Where the measured draw falls in the model's range for this kind of job.
pub fn prior_view(from: &FromLog, kind: JobKind, factors: &Factors) -> AnyView {
    let Some(p) = prior(from, kind, factors) else {
        let why = from
            .unmapped
            .as_deref()
            .unwrap_or("the log has no GPU power");
        let text =
            format!("No a-priori comparison: {why}, so there is no one TDP to compare with.");
        return prior_text(text, None);
    };
    let [lo, typ, hi] = p.pct;
    let [klo, ktyp, khi] = p.kwh;
    let inside = if p.measured_pct < lo {
        "below that range"
    } else if p.measured_pct > hi {
        "above that range"
    } else {
        "within that range"
    };
    let text = format!(
        "Your run drew {} % of TDP on average; the estimate for this kind of job ({}) was {}–{} % \
         (typical {} %), {inside}. For these devices and hours that is {}–{} (typical {}) of \
         accelerator energy, against {} at the measured average.",
        sig(p.measured_pct),
        p.label,
        sig(lo),
        sig(hi),
        sig(typ),
        energy(klo),
        energy(khi),
        energy(ktyp),
        energy(p.measured_kwh)
    );
    prior_text(text, Some(number::shortest(p.measured_pct)))
}

fn prior_text(text: String, value: Option<String>) -> AnyView {
    view! { <p data-testid="measured-vs-prior" data-value=value>{text}</p> }.into_any()
}
