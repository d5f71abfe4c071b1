//! The life-cycle section (`lifecycle` in `dataset.json`) from `data/curated/lifecycle.csv`.
//!
//! One CSV row per factor: `kind` (`emb`, `host`, `per_host`, `life`, `use`, `dev_guide`, `wue`),
//! `key` (accelerator id for `emb`, provider id for `wue`, `*` for everything else, empty for the
//! scalars), `v`, optional `lo`/`hi`, `src`, optional `rng` (sources of the range ends, `;`), `yr`
//! and a `note` for reviewers (not bundled). Values are written as published; the bounds and
//! references are checked by `emissions_core::dataset::problems` like every other table.

use super::raw::{read_csv, Row};
use super::Paths;
use emissions_core::dataset::{LifeFactor, LifecycleData};
use emissions_core::units::{KgCo2e, LitresPerKwh, Percent, Years};

/// Kinds that are one row each.
const SCALARS: [&str; 5] = ["host", "per_host", "life", "use", "dev_guide"];

/// Reads and assembles the section; unknown kinds, missing or repeated scalars are errors.
pub fn build(paths: &Paths) -> Result<LifecycleData, String> {
    let rows = read_csv(&paths.cur("lifecycle.csv"), 0)?;
    let mut out = LifecycleData::default();
    let mut seen: Vec<&str> = Vec::new();
    for r in &rows {
        let kind = r.get("kind");
        match kind {
            "emb" => out.embodied.push(factor(r, KgCo2e)?),
            "wue" => out.wue.push(factor(r, LitresPerKwh)?),
            "host" => out.host = factor(r, KgCo2e)?,
            "per_host" => out.per_host = factor(r, |x| x)?,
            "life" => out.life = factor(r, Years)?,
            "use" => out.use_pct = factor(r, Percent)?,
            "dev_guide" => out.dev_guide = factor(r, Percent)?,
            other => return Err(format!("lifecycle.csv: unknown kind `{other}`")),
        }
        if let Some(s) = SCALARS.iter().find(|s| **s == kind) {
            if seen.contains(s) {
                return Err(format!("lifecycle.csv: `{kind}` given twice"));
            }
            seen.push(s);
        }
    }
    if let Some(missing) = SCALARS.iter().find(|s| !seen.contains(s)) {
        return Err(format!("lifecycle.csv: no `{missing}` row"));
    }
    Ok(out)
}

fn factor<T>(r: &Row, unit: fn(f64) -> T) -> Result<LifeFactor<T>, String> {
    let what = format!("lifecycle.csv {} {}", r.get("kind"), r.get("key"));
    let num = |col: &str| -> Result<Option<T>, String> {
        match r.get(col) {
            "" => Ok(None),
            text => text
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite())
                .map(|x| Some(unit(x)))
                .ok_or_else(|| format!("{what}: bad {col} `{text}`")),
        }
    };
    Ok(LifeFactor {
        key: r.get("key").to_string(),
        value: num("v")?.ok_or_else(|| format!("{what}: no value"))?,
        low: num("lo")?,
        high: num("hi")?,
        source: r.get("src").to_string(),
        range_source: Some(r.get("rng").to_string()).filter(|s| !s.is_empty()),
        year: r
            .get("yr")
            .parse()
            .map_err(|_| format!("{what}: bad year"))?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths() -> Paths {
        Paths::default_for(&crate::repo_root())
    }

    #[test]
    fn the_curated_table_reads_with_bloom_and_vendor_figures() {
        let l = build(&paths()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(l.host.value, KgCo2e(2500.0));
        assert_eq!(l.per_host.value, 8.0);
        assert_eq!(l.life.value, Years(6.0));
        assert_eq!(l.use_pct.value, Percent(85.0));
        let h100 = l.embodied_for("h100-sxm").map(|f| f.value);
        assert_eq!(h100, Some(KgCo2e(164.0)));
        let other = l.embodied_for("no-such-gpu").map(|f| f.key.as_str());
        assert_eq!(other, Some("*"));
        assert_eq!(
            l.wue_for(Some("aws")).map(|f| f.value),
            Some(LitresPerKwh(0.12))
        );
        assert_eq!(l.wue_for(None).map(|f| f.key.as_str()), Some("*"));
    }
}
