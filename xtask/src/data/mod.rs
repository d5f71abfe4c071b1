//! `cargo xtask data [--check]`: regenerates the bundled emission-factor dataset.
//!
//! Reads the raw public files copied into `data/raw/` (override with env `MLCALC_SOURCES`; each
//! file's upstream, commit, licence and SHA-256 are in `data/raw/MANIFEST.csv`) and the
//! human-curated tables of `data/curated/`, and writes `data/dataset.json`, `data/extras.json` and
//! `data/SOURCES.md` (the source table with upstream repository, commit and path of each raw file).
//! The output is deterministic: same inputs, byte-identical files. `--check` regenerates in memory
//! and fails if the committed files differ. Where each raw file came from (upstream repository,
//! commit and path) is listed in `data/curated/sources.csv` and `data/README.md`, so anyone can
//! refetch it.

mod cloud;
mod cpus;
mod evidence;
mod hardware;
mod json;
mod lifecycle;
mod manifest;
mod misc;
mod raw;
mod report;
mod serving;
mod zones;

use emissions_core::dataset::{problems, Dataset, Extras, DATASET_VERSION};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where the generator reads from.
pub struct Paths {
    /// The raw sources folder (`data/raw`, a copy of the files the generator reads).
    pub sources: PathBuf,
    /// The curated tables (`data/curated`).
    pub curated: PathBuf,
}

impl Paths {
    /// The default locations, relative to the repository root. The raw files are part of the
    /// repository, so a fresh clone regenerates the committed JSON with nothing beside it.
    pub fn default_for(root: &Path) -> Paths {
        let sources = std::env::var_os("MLCALC_SOURCES")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("data").join("raw"));
        Paths {
            sources,
            curated: root.join("data").join("curated"),
        }
    }

    /// A raw file, by its path inside the sources folder.
    pub fn raw(&self, rel: &str) -> PathBuf {
        self.sources.join(rel)
    }

    /// A curated table.
    pub fn cur(&self, name: &str) -> PathBuf {
        self.curated.join(name)
    }
}

/// What a zone's or region's `lo`–`hi` is, for the UI and the extras.
const RANGE_NOTE: &str = "spread of the zone's yearly life-cycle values across the Electricity Maps releases and years available (2025; 2024 fetched 2026-02; 2024 of 2025-01), not a confidence interval";

/// The generated files and a human summary.
pub struct Generated {
    /// `(file name under data/, contents)`.
    pub files: Vec<(&'static str, String)>,
    /// The summary printed after generation.
    pub summary: String,
    /// The `--report` text: oldest value per table, rows with written reasons.
    pub report: String,
}

fn repo_root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(Path::to_path_buf).unwrap_or(here)
}

/// Entry point of `cargo xtask data`; `args` are the arguments after `data`.
pub fn run(args: &[String]) -> Result<(), String> {
    let check = args.iter().any(|a| a == "--check");
    let report = args.iter().any(|a| a == "--report");
    if let Some(bad) = args.iter().find(|a| *a != "--check" && *a != "--report") {
        return Err(format!(
            "unknown argument to `data`: {bad} (usage: cargo xtask data [--check] [--report])"
        ));
    }
    let root = repo_root();
    let paths = Paths::default_for(&root);
    if !paths.sources.is_dir() {
        return Err(format!(
            "raw sources not found at {} (data/raw is part of the repository; MLCALC_SOURCES overrides it)",
            paths.sources.display()
        ));
    }
    let bad = manifest::problems(&paths.sources).unwrap_or_default();
    if !bad.is_empty() {
        // A newer copy given with MLCALC_SOURCES may differ on purpose: say so, do not stop.
        eprintln!(
            "note: raw files differ from MANIFEST.csv:\n  {}",
            bad.join("\n  ")
        );
    }
    let out = generate(&paths)?;
    let data_dir = root.join("data");
    if report {
        println!("{}", out.report);
    }
    if check {
        let stale: Vec<&str> = out
            .files
            .iter()
            .filter(|(name, text)| {
                std::fs::read_to_string(data_dir.join(name)).ok().as_deref() != Some(text.as_str())
            })
            .map(|(name, _)| *name)
            .collect();
        if !stale.is_empty() {
            return Err(format!(
                "committed data differs from the generator output: {}; run `cargo xtask data`",
                stale.join(", ")
            ));
        }
        println!("data/ is up to date with the generator.");
    } else {
        for (name, text) in &out.files {
            let path = data_dir.join(name);
            std::fs::write(&path, text)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
    }
    println!("{}", out.summary);
    Ok(())
}

/// Builds the dataset from the inputs, validates it and renders the JSON files in memory.
pub fn generate(paths: &Paths) -> Result<Generated, String> {
    let sources = misc::sources(paths)?;
    let zone_out = zones::build(paths)?;
    let cloud_out = cloud::build(paths, &zone_out.zones, &zone_out.direct)?;
    let hw_out = hardware::build(paths)?;
    let inst_out = misc::instances(paths, &sources)?;
    let constants = misc::constants(paths)?;
    let dataset = Dataset {
        meta: emissions_core::dataset::Meta {
            version: DATASET_VERSION.to_string(),
            basis: "life-cycle".to_string(),
        },
        sources,
        zones: zone_out.zones,
        providers: cloud_out.providers,
        regions: cloud_out.regions,
        hardware: hw_out.hardware,
        cpus: hw_out.cpus,
        instances: inst_out.instances,
        constants,
        draw: evidence::draw(paths)?,
        metered: evidence::metered(paths)?,
        lifecycle: lifecycle::build(paths)?,
        serving: serving::build(paths)?,
    };
    let found = problems(&dataset);
    if !found.is_empty() {
        return Err(format!(
            "the generated dataset has {} problem(s):\n  {}",
            found.len(),
            found.join("\n  ")
        ));
    }
    let extras = Extras {
        cid_src: "em2024ga".to_string(),
        cid_yr: 2024,
        range_src: zones::RANGE_SOURCES.iter().map(|s| s.to_string()).collect(),
        hw: hw_out.extras,
        pci: cloud_out.provider_intensities,
        inst_names: inst_out.names,
        missing: hw_out.missing,
        fixes: hw_out.fixes,
        range_note: RANGE_NOTE.to_string(),
        zsrc: cloud_out.zone_sources,
        why: cloud_out.reasons,
        direct: cloud_out.direct,
    };
    let report = report::render(&dataset, &extras);
    let dataset_json = json::render(&dataset)?;
    let extras_json = json::render(&extras)?;
    let sources_md = misc::sources_markdown(paths)?;
    let summary = summary(
        &dataset,
        &zone_out.fallbacks,
        &[
            ("dataset.json", &dataset_json),
            ("extras.json", &extras_json),
        ],
    );
    Ok(Generated {
        files: vec![
            ("dataset.json", dataset_json),
            ("extras.json", extras_json),
            ("SOURCES.md", sources_md),
        ],
        summary,
        report,
    })
}

/// Counts per table, oldest year, sources used and file sizes.
fn summary(ds: &Dataset, fallbacks: &[String], files: &[(&str, &String)]) -> String {
    let mut used: BTreeMap<&str, usize> = BTreeMap::new();
    let mut years: Vec<(u16, String)> = Vec::new();
    let mut note = |src: &str, yr: u16, what: String| {
        if let Some(s) = ds.sources.iter().find(|s| s.id == src) {
            *used.entry(s.id.as_str()).or_insert(0) += 1;
        }
        years.push((yr, what));
    };
    for z in &ds.zones {
        note(&z.source, z.year, format!("zone {}", z.id));
    }
    for p in &ds.providers {
        note(&p.pue_src, p.pue_yr, format!("provider {} PUE", p.id));
    }
    for r in &ds.regions {
        note(
            &r.source,
            r.year,
            format!("region {}/{}", r.provider, r.code),
        );
        if let (Some(s), Some(y)) = (&r.pue_src, r.pue_yr) {
            note(s, y, format!("region {}/{} PUE", r.provider, r.code));
        }
    }
    for h in &ds.hardware {
        note(&h.source, h.year, format!("hardware {}", h.id));
    }
    for c in &ds.cpus {
        note(&c.source, c.year, format!("cpu {}", c.id));
    }
    for i in &ds.instances {
        note(&i.source, i.year, format!("instance {}", i.id));
    }
    let k = &ds.constants;
    note(
        &k.pue_default.source,
        k.pue_default.year,
        "pue_default".into(),
    );
    note(
        &k.mem_w_per_gb.source,
        k.mem_w_per_gb.year,
        "mem_w_per_gb".into(),
    );
    note(&k.world_ci.source, k.world_ci.year, "world_ci".into());
    for e in &k.equivalents {
        note(&e.source, e.year, format!("equivalent {}", e.id));
    }
    years.sort();
    let oldest = years
        .first()
        .map_or("none".to_string(), |(y, w)| format!("{y} ({w})"));
    let total: usize = files.iter().map(|(_, t)| t.len()).sum();
    let mut s = format!(
        "Emission-factor dataset {} (basis: {})\n",
        ds.meta.version, ds.meta.basis
    );
    s += &format!(
        "  zones {} (fallback {}: {}), providers {}, regions {}, hardware {}, cpus {}, instances {}, equivalents {}, sources {}\n",
        ds.zones.len(),
        fallbacks.len(),
        fallbacks.join(" "),
        ds.providers.len(),
        ds.regions.len(),
        ds.hardware.len(),
        ds.cpus.len(),
        ds.instances.len(),
        k.equivalents.len(),
        ds.sources.len()
    );
    s += &format!("  oldest year: {oldest}\n");
    let used_list: Vec<String> = used.iter().map(|(id, n)| format!("{id}×{n}")).collect();
    s += &format!("  sources used (rows): {}\n", used_list.join(", "));
    let sizes: Vec<String> = files
        .iter()
        .map(|(n, t)| format!("{n} {} B", t.len()))
        .collect();
    s += &format!(
        "  size: {} = {total} B (the app embeds dataset.json in column form: budget in core/tests/dataset.rs)",
        sizes.join(" + ")
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed `data/*.json` must equal what the generator makes from the raw files in
    /// the repository (`data/raw`; `MLCALC_SOURCES` is deliberately ignored here). There is no
    /// skip: a missing raw file fails the test.
    #[test]
    fn committed_data_equals_generator_output() {
        let root = repo_root();
        let paths = Paths {
            sources: root.join("data").join("raw"),
            curated: root.join("data").join("curated"),
        };
        assert!(
            paths.sources.is_dir(),
            "raw files missing at {}: they are part of the repository",
            paths.sources.display()
        );
        let first = generate(&paths).unwrap_or_else(|e| panic!("generator failed: {e}"));
        let second = generate(&paths).unwrap_or_else(|e| panic!("generator failed: {e}"));
        for ((name, a), (_, b)) in first.files.iter().zip(second.files.iter()) {
            assert_eq!(a, b, "{name}: two runs differ (non-deterministic output)");
            let committed =
                std::fs::read_to_string(root.join("data").join(name)).unwrap_or_default();
            assert!(
                committed == *a,
                "data/{name} is stale: run `cargo xtask data` and commit the result"
            );
        }
    }

    #[test]
    fn rejects_unknown_arguments() {
        assert!(run(&["--bogus".to_string()]).is_err());
    }
}
