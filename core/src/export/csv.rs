//! CSV (RFC 4180): a header, one row per job, and a total row when there are several.

use super::{ExportContext, ExportItem};
use crate::model::job::Place;

const HEADER: [&str; 34] = [
    "name",
    "hardware",
    "devices",
    "tdp_w",
    "hours_per_run",
    "runs",
    "device_hours",
    "provider_or_zone",
    "region",
    "location",
    "intensity_g_per_kwh",
    "pue",
    "energy_kwh",
    "emissions_kg",
    "emissions_low_kg",
    "emissions_high_kg",
    "market_based_kg",
    "market_share_pct",
    "dataset_version",
    "draw",
    "draw_pct_of_tdp",
    "emissions_at_tdp_kg",
    "embodied_kg",
    "embodied_low_kg",
    "embodied_high_kg",
    "development_kg",
    "development_low_kg",
    "development_high_kg",
    "lifecycle_kg",
    "lifecycle_low_kg",
    "lifecycle_high_kg",
    "water_l",
    "water_low_l",
    "water_high_l",
];

/// Quotes a field when it holds a comma, a quote, CR or LF (quotes doubled), per RFC 4180.
pub(crate) fn field(text: &str) -> String {
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn number(x: f64) -> String {
    if x.is_finite() {
        crate::number::shortest(x)
    } else {
        String::new()
    }
}

fn row(item: &ExportItem, dataset: &str) -> Vec<String> {
    let (e, job) = (&item.estimate, &item.job);
    let (where_, region) = match &job.site.place {
        Place::Cloud {
            provider, region, ..
        } => (provider.clone(), region.clone()),
        Place::Zone { id, .. } => (id.clone(), String::new()),
        Place::Custom => ("custom".to_string(), String::new()),
    };
    let r = e.uncertainty.location_based;
    let mut cells = vec![
        item.name.clone(),
        job.accelerator.name.clone(),
        job.devices.to_string(),
        number(job.accelerator.tdp.0),
        number(e.hours_per_run.0),
        job.runs.to_string(),
        number(e.device_hours.0),
        where_,
        region,
        item.location(),
        number(e.intensity.0),
        number(e.pue.0),
        number(e.energy.total.0),
        number(e.location_based.0),
        number(r.low.0),
        number(r.high.0),
        number(e.market_based.0),
        number(e.market_share.0),
        dataset.to_string(),
        item.draw(),
        number(item.draw_pct_of_tdp()),
        number(e.location_based_at_tdp.0),
    ];
    let l = &e.lifecycle;
    let w = l.water;
    for i in [l.embodied, l.development, l.total] {
        cells.extend([i.central.0, i.low.0, i.high.0].map(number));
    }
    cells.extend([w.central.0, w.low.0, w.high.0].map(number));
    cells
}

fn line(cells: &[String]) -> String {
    let mut s = cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(",");
    s.push_str("\r\n");
    s
}

/// The CSV export (CRLF line ends, as RFC 4180 says).
pub fn csv(ctx: &ExportContext) -> String {
    let header: Vec<String> = HEADER.iter().map(|h| h.to_string()).collect();
    let mut out = line(&header);
    for item in &ctx.items {
        out.push_str(&line(&row(item, &ctx.dataset_version)));
    }
    if ctx.items.len() > 1 {
        let t = ctx.totals();
        let mut total = vec![String::new(); HEADER.len()];
        total[0] = "Total".to_string();
        total[6] = number(t.device_hours.0);
        total[12] = number(t.energy.0);
        total[13] = number(t.location_based.central.0);
        total[14] = number(t.location_based.low.0);
        total[15] = number(t.location_based.high.0);
        total[16] = number(t.market_based.0);
        total[18] = ctx.dataset_version.clone();
        total[21] = number(t.location_based_at_tdp.0);
        let w = t.water;
        let parts = [t.embodied, t.development, t.lifecycle]
            .into_iter()
            .flat_map(|i| [i.central.0, i.low.0, i.high.0])
            .chain([w.central.0, w.low.0, w.high.0]);
        for (cell, x) in total[22..].iter_mut().zip(parts) {
            *cell = number(x);
        }
        out.push_str(&line(&total));
    }
    out
}
