//! `cargo xtask data --report`: the oldest value of each table and every row that carries a
//! written reason, so a reviewer sees at a glance what is dated and what is a deliberate exception.

use emissions_core::dataset::{Dataset, Extras};

/// The report text (one section per part, one line per item).
pub fn render(ds: &Dataset, ex: &Extras) -> String {
    let mut s = String::from("Oldest value per table (year, row):\n");
    let mut line = |table: &str, items: Vec<(u16, String)>| {
        let oldest = items.into_iter().min();
        let text = oldest.map_or("none".to_string(), |(y, w)| format!("{y} ({w})"));
        s += &format!("  {table:<13} {text}\n");
    };
    line(
        "zones",
        ds.zones.iter().map(|z| (z.year, z.id.clone())).collect(),
    );
    let mut prov = Vec::new();
    for p in &ds.providers {
        prov.push((p.pue_yr, format!("{} PUE", p.id)));
        if let Some(y) = p.mkt_yr {
            prov.push((y, format!("{} market claim", p.id)));
        }
    }
    line("providers", prov);
    let mut regions = Vec::new();
    for r in &ds.regions {
        regions.push((r.year, format!("{}/{}", r.provider, r.code)));
        if let Some(y) = r.pue_yr {
            regions.push((y, format!("{}/{} PUE", r.provider, r.code)));
        }
    }
    line("regions", regions);
    line(
        "hardware",
        ds.hardware
            .iter()
            .map(|h| (h.year, format!("{} (release year)", h.id)))
            .collect(),
    );
    line(
        "cpus",
        ds.cpus.iter().map(|c| (c.year, c.id.clone())).collect(),
    );
    line(
        "instances",
        ds.instances
            .iter()
            .map(|i| (i.year, i.id.clone()))
            .collect(),
    );
    let k = &ds.constants;
    line(
        "constants",
        vec![
            (k.pue_default.year, "pue_default".into()),
            (k.mem_w_per_gb.year, "mem_w_per_gb".into()),
            (k.world_ci.year, "world_ci".into()),
        ],
    );
    line(
        "equivalents",
        k.equivalents
            .iter()
            .map(|e| (e.year, e.id.clone()))
            .collect(),
    );
    s += &format!(
        "\nRows with a written reason ({}):\n",
        ex.why.len() + ex.fixes.len()
    );
    for w in &ex.why {
        s += &format!("  region {}/{}: {}\n", w.p, w.code, w.note);
    }
    for f in &ex.fixes {
        s += &format!("  hardware fix {f}\n");
    }
    s += &format!(
        "\nLeft out for want of a citable figure ({}):\n",
        ex.missing.len()
    );
    for m in &ex.missing {
        s += &format!("  {m}\n");
    }
    s += &format!("\nRanges lo-hi: {}\n", ex.range_note);
    s
}
