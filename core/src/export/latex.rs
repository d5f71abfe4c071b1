//! A LaTeX paragraph in the spirit of the paper's template, and the BibTeX to cite.

use super::{lifecycle_sentence, reading, ExportContext, ExportItem, TOOL_NAME};
use crate::model::job::Place;
use std::fmt::Write;

/// Escapes text for LaTeX body text: `\ & % $ # _ { } ~ ^ < >` become commands or escaped
/// characters, line breaks become spaces. For person- and dataset-supplied text only.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '&' | '%' | '$' | '#' | '_' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '<' => out.push_str("\\textless{}"),
            '>' => out.push_str("\\textgreater{}"),
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// `kgCO$_2$eq`, the paper's unit.
const KG: &str = "kgCO$_2$eq";

/// The sentences about one job (the paper's template).
fn job_sentences(item: &ExportItem) -> String {
    let e = &item.estimate;
    let job = &item.job;
    let intensity_kg = reading(e.intensity.0 / 1000.0);
    let carbon = format!("which has a carbon efficiency of {intensity_kg} {KG}/kWh");
    let place = match &job.site.place {
        Place::Custom => format!("Experiments were conducted on a grid {carbon}"),
        Place::Cloud {
            provider,
            region,
            name,
        } => {
            let provider = item.provider_name.as_deref().unwrap_or(provider);
            let region = if name.is_empty() || name == region {
                region.clone()
            } else {
                format!("{region} ({name})")
            };
            format!(
                "Experiments were conducted using {} in region {}, {carbon}",
                escape(provider),
                escape(&region)
            )
        }
        Place::Zone { .. } => {
            let site = if item.is_personal() {
                "on a personal machine"
            } else {
                "in a data centre"
            };
            format!(
                "Experiments were conducted {site} on the {}, {carbon}",
                escape(&item.location())
            )
        }
    };
    let mut s = format!("{place} and a PUE of {}. ", reading(e.pue.0));
    let _ = write!(
        s,
        "A cumulative of {} hours of computation was performed on hardware of type {} (TDP of {}~W",
        reading(e.device_hours.0),
        escape(&job.accelerator.name),
        reading(job.accelerator.tdp.0),
    );
    let host = match (job.cpu.is_some(), job.memory.is_some()) {
        (true, true) => ", host CPU and memory",
        (true, false) => " and host CPU",
        (false, true) => " and host memory",
        (false, false) => "",
    };
    let overhead = if item.is_personal() {
        ""
    } else {
        " including the data centre's overhead"
    };
    let _ = write!(
        s,
        "; {} devices, {} hours per run, {} run{}), using {} kWh of electricity for the \
         accelerators{host}{overhead}. ",
        job.devices,
        reading(e.hours_per_run.0),
        job.runs,
        if job.runs == 1 { "" } else { "s" },
        reading(e.energy.total.0),
    );
    let range = e.uncertainty.location_based;
    let _ = write!(
        s,
        "The accelerators were taken to draw {}; at 100~percent of TDP, the convention of \
         Lacoste et al.~(2019), the estimate would be {} {KG}. ",
        escape(&item.draw()),
        reading(e.location_based_at_tdp.0)
    );
    let _ = write!(
        s,
        "Total emissions are estimated to be {} {KG} (range {}--{}), ",
        reading(e.location_based.0),
        reading(range.low.0),
        reading(range.high.0)
    );
    let share = e.market_share.0;
    if share > 0.0 {
        let who = match job.market.kind.as_deref() {
            Some("annual-match") => {
                "matched by the cloud provider's annual renewable-energy purchases (not hourly \
                 carbon-free energy)"
            }
            Some("hourly-cfe") => "covered by hourly carbon-free energy on the same grid",
            Some("offsets") => "offset by the cloud provider (offsets, not an energy claim)",
            _ => "covered by renewable-energy contracts or offsets",
        };
        let _ = write!(
            s,
            "of which {} percent were {who} (market-based: {} {KG}).",
            reading(share),
            reading(e.market_based.0)
        );
    } else {
        s.push_str("none of which were offset.");
    }
    s.push(' ');
    s.push_str(&lifecycle_sentence(&e.lifecycle, KG, "--", "~percent"));
    s
}

/// A URL as an `\href`/BibTeX argument: braces, backslashes and whitespace dropped, `%` and `#`
/// escaped (hyperref expands them otherwise).
fn url_arg(url: &str) -> String {
    url.chars()
        .filter(|c| !matches!(c, '{' | '}' | '\\') && !c.is_whitespace())
        .flat_map(|c| match c {
            '%' | '#' => vec!['\\', c],
            c => vec![c],
        })
        .collect()
}

/// The paragraph for the paper: one job, or each job and the total.
pub fn latex(ctx: &ExportContext) -> String {
    let mut out = String::new();
    let several = ctx.items.len() > 1;
    for item in &ctx.items {
        if several {
            let _ = write!(out, "\\emph{{{}}}: ", escape(&item.name));
        }
        out.push_str(&job_sentences(item));
        out.push_str(if several { "\n\n" } else { " " });
    }
    if several {
        let t = ctx.totals();
        let _ = write!(
            out,
            "In total, the {} jobs used {} device-hours and {} kWh; their emissions are estimated to \
             be {} {KG} (range {}--{}; market-based: {} {KG}); their life-cycle total is {} {KG} \
             (range {}--{}), of which {} {KG} embodied and {} {KG} development overhead, and they \
             used {} L of on-site cooling water. ",
            ctx.items.len(),
            reading(t.device_hours.0),
            reading(t.energy.0),
            reading(t.location_based.central.0),
            reading(t.location_based.low.0),
            reading(t.location_based.high.0),
            reading(t.market_based.0),
            reading(t.lifecycle.central.0),
            reading(t.lifecycle.low.0),
            reading(t.lifecycle.high.0),
            reading(t.embodied.central.0),
            reading(t.development.central.0),
            reading(t.water.central.0),
        );
    }
    // The tool's name links to where it is published when known (needs hyperref's \href).
    let tool = match &ctx.tool_url {
        Some(url) => format!("\\href{{{}}}{{{TOOL_NAME}}}", url_arg(url)),
        None => TOOL_NAME.to_string(),
    };
    let _ = write!(
        out,
        "Estimations were conducted using the {tool} (version {}, dataset {}) based on the \
         method of \\cite{{lacoste2019quantifying}}.",
        escape(&ctx.tool_version),
        escape(&ctx.dataset_version)
    );
    out.push('\n');
    out
}

/// BibTeX entries: the paper (`lacoste2019quantifying`) and this tool (`mlemissionscalculator`).
pub fn bibtex(ctx: &ExportContext) -> String {
    let mut out = String::from(
        "@article{lacoste2019quantifying,\n  \
         title={Quantifying the Carbon Emissions of Machine Learning},\n  \
         author={Lacoste, Alexandre and Luccioni, Alexandra and Schmidt, Victor and Dandres, Thomas},\n  \
         journal={arXiv preprint arXiv:1910.09700},\n  \
         year={2019}\n}\n\n",
    );
    let _ = write!(
        out,
        "@software{{mlemissionscalculator,\n  \
         title={{{{{TOOL_NAME}}}}},\n  \
         version={{{}}},\n  \
         note={{Emission-factor dataset version {}}},\n  \
         year={{{}}}",
        escape(&ctx.tool_version),
        escape(&ctx.dataset_version),
        ctx.year()
    );
    if let Some(url) = &ctx.tool_url {
        // URLs go verbatim into BibTeX's url field; braces would break the entry.
        let url: String = url.chars().filter(|c| !matches!(c, '{' | '}')).collect();
        let _ = write!(out, ",\n  url={{{url}}}");
    }
    out.push_str("\n}\n");
    out
}
