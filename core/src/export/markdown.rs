//! A Markdown summary: one sentence, a table of the figures (one row per job, plus a total).

use super::{lifecycle_sentence, reading, ExportContext, ExportItem, TOOL_NAME};
use std::fmt::Write;

/// Escapes text for a Markdown table cell: the ASCII punctuation that Markdown, GFM tables or
/// HTML could interpret (emphasis, code, links, tags, entities, cell separators) is
/// backslash-escaped, as CommonMark allows; line breaks become spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// The table header.
const HEADER: &str = "| Job | Hardware | Device-hours | Draw (% of TDP) | Location | Intensity (gCO₂e/kWh) | PUE | Energy (kWh) | Emissions (kgCO₂e) | Range (kgCO₂e) | At 100 % TDP (kgCO₂e) | Market-based (kgCO₂e) | Embodied (kgCO₂e) | Development (kgCO₂e) | Life-cycle total (kgCO₂e) | Water (L) |\n\
|---|---|--:|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n";

fn row(item: &ExportItem) -> String {
    let e = &item.estimate;
    let r = e.uncertainty.location_based;
    format!(
        "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {}–{} | {} | {} | {} | {} | {} | {} |\n",
        escape(&item.name),
        escape(&item.hardware()),
        reading(e.device_hours.0),
        reading(item.draw_pct_of_tdp()),
        escape(&item.location()),
        reading(e.intensity.0),
        reading(e.pue.0),
        reading(e.energy.total.0),
        reading(e.location_based.0),
        reading(r.low.0),
        reading(r.high.0),
        reading(e.location_based_at_tdp.0),
        reading(e.market_based.0),
        reading(e.lifecycle.embodied.central.0),
        reading(e.lifecycle.development.central.0),
        reading(e.lifecycle.total.central.0),
        reading(e.lifecycle.water.central.0),
    )
}

/// The Markdown export.
pub fn markdown(ctx: &ExportContext) -> String {
    let mut out = String::from("## Carbon emissions\n\n");
    let t = ctx.totals();
    match ctx.items.as_slice() {
        [one] => {
            let e = &one.estimate;
            let _ = write!(
                out,
                "Training used {} hours of computation on {} in {}, consuming {} kWh. \
                 Estimated emissions: **{} kgCO₂e** (range {}–{} kgCO₂e; market-based {} kgCO₂e, \
                 {} % offset or covered by renewable contracts). Accelerator draw: {}; at 100 % \
                 of TDP (the convention of Lacoste et al. 2019) it would be {} kgCO₂e. {}\n\n",
                reading(e.device_hours.0),
                escape(&one.hardware()),
                escape(&one.location()),
                reading(e.energy.total.0),
                reading(e.location_based.0),
                reading(e.uncertainty.location_based.low.0),
                reading(e.uncertainty.location_based.high.0),
                reading(e.market_based.0),
                reading(e.market_share.0),
                escape(&one.draw()),
                reading(e.location_based_at_tdp.0),
                lifecycle_sentence(&e.lifecycle, "kgCO₂e", "–", " %"),
            );
        }
        items => {
            let _ = write!(
                out,
                "{} jobs: **{} kgCO₂e** in total (range {}–{} kgCO₂e; market-based {} kgCO₂e), \
                 {} kWh over {} device-hours. Apart from these: embodied {} kgCO₂e, development \
                 {} kgCO₂e, life-cycle total {} kgCO₂e (range {}–{}); on-site water {} L.\n\n",
                items.len(),
                reading(t.location_based.central.0),
                reading(t.location_based.low.0),
                reading(t.location_based.high.0),
                reading(t.market_based.0),
                reading(t.energy.0),
                reading(t.device_hours.0),
                reading(t.embodied.central.0),
                reading(t.development.central.0),
                reading(t.lifecycle.central.0),
                reading(t.lifecycle.low.0),
                reading(t.lifecycle.high.0),
                reading(t.water.central.0),
            );
        }
    }
    out.push_str(HEADER);
    for item in &ctx.items {
        out.push_str(&row(item));
    }
    if ctx.items.len() > 1 {
        let _ = writeln!(
            out,
            "| **Total** |  | {} |  |  |  |  | {} | {} | {}–{} | {} | {} | {} | {} | {} | {} |",
            reading(t.device_hours.0),
            reading(t.energy.0),
            reading(t.location_based.central.0),
            reading(t.location_based.low.0),
            reading(t.location_based.high.0),
            reading(t.location_based_at_tdp.0),
            reading(t.market_based.0),
            reading(t.embodied.central.0),
            reading(t.development.central.0),
            reading(t.lifecycle.central.0),
            reading(t.water.central.0),
        );
    }
    let _ = writeln!(
        out,
        "\nEstimated with the {TOOL_NAME} (version {}, dataset {}), after Lacoste et al. (2019), \
         [Quantifying the Carbon Emissions of Machine Learning](https://arxiv.org/abs/1910.09700).",
        escape(&ctx.tool_version),
        escape(&ctx.dataset_version),
    );
    out
}
