//! The serving section (`serving` in `dataset.json`) from `data/curated/serving_model.csv` and
//! `data/curated/serving_refs.csv`.
//!
//! `serving_model.csv` has one row per coefficient of the energy-per-token model (`key`, `v`, an
//! optional `hi` for the batch range, `src`, `yr`, a `note` for reviewers); every row must cite the
//! same source and year, since the fit is one publication. `serving_refs.csv` has one row per
//! published per-request figure, with what it includes (`pue`, `host`: `1`, `0` or empty for "not
//! stated"). Notes are not bundled. The bounds and references are checked by
//! `emissions_core::dataset::problems` like every other table.

use super::raw::{read_csv, Row};
use super::Paths;
use emissions_core::dataset::{ServingData, ServingRef, TokenModel};
use emissions_core::units::{Gigabytes, GramsCo2e, WattHours, Watts};
use std::collections::BTreeMap;

/// The coefficients `serving_model.csv` must give, each exactly once.
const KEYS: [&str; 12] = [
    "alpha",
    "beta",
    "gamma",
    "lat_alpha",
    "lat_beta",
    "lat_gamma",
    "batch",
    "gpu_gb",
    "bits",
    "mem_factor",
    "server_w",
    "server_gpus",
];

/// Reads and assembles the section.
pub fn build(paths: &Paths) -> Result<ServingData, String> {
    Ok(ServingData {
        model: model(&read_csv(&paths.cur("serving_model.csv"), 0)?)?,
        refs: read_csv(&paths.cur("serving_refs.csv"), 0)?
            .iter()
            .map(reference)
            .collect::<Result<_, _>>()?,
    })
}

fn model(rows: &[Row]) -> Result<TokenModel, String> {
    let mut values: BTreeMap<&str, f64> = BTreeMap::new();
    let mut batch_high = None;
    let first = rows
        .first()
        .ok_or("serving_model.csv: no rows".to_string())?;
    let (source, year) = (first.get("src"), first.get("yr"));
    for r in rows {
        let key = r.get("key");
        let name = KEYS
            .iter()
            .find(|k| **k == key)
            .ok_or_else(|| format!("serving_model.csv: unknown key `{key}`"))?;
        let v = number(r, "v")?.ok_or_else(|| format!("serving_model.csv {key}: no value"))?;
        if values.insert(name, v).is_some() {
            return Err(format!("serving_model.csv: `{key}` given twice"));
        }
        if (r.get("src"), r.get("yr")) != (source, year) {
            return Err(format!(
                "serving_model.csv {key}: every row must cite the one fit ({source}, {year})"
            ));
        }
        if key == "batch" {
            batch_high = number(r, "hi")?;
        } else if !r.get("hi").is_empty() {
            return Err(format!("serving_model.csv {key}: only `batch` has a range"));
        }
    }
    let get = |k: &str| {
        values
            .get(k)
            .copied()
            .ok_or_else(|| format!("serving_model.csv: no `{k}` row"))
    };
    Ok(TokenModel {
        alpha: get("alpha")?,
        beta: get("beta")?,
        gamma: get("gamma")?,
        lat_alpha: get("lat_alpha")?,
        lat_beta: get("lat_beta")?,
        lat_gamma: get("lat_gamma")?,
        batch: get("batch")?,
        batch_high: batch_high.unwrap_or(get("batch")?),
        gpu_memory: Gigabytes(get("gpu_gb")?),
        bits: get("bits")?,
        mem_factor: get("mem_factor")?,
        server_power: Watts(get("server_w")?),
        server_gpus: get("server_gpus")?,
        source: source.to_string(),
        year: year
            .parse()
            .map_err(|_| "serving_model.csv: bad year".to_string())?,
    })
}

fn reference(r: &Row) -> Result<ServingRef, String> {
    let id = r.get("id");
    let flag = |col: &str| match r.get(col) {
        "" => Ok(None),
        "1" => Ok(Some(true)),
        "0" => Ok(Some(false)),
        other => Err(format!(
            "serving_refs.csv {id}: {col} must be 1, 0 or empty, got `{other}`"
        )),
    };
    Ok(ServingRef {
        id: id.to_string(),
        name: r.get("name").to_string(),
        wh: number(r, "wh")?.map(WattHours),
        g: number(r, "g")?.map(GramsCo2e),
        ml: number(r, "ml")?,
        tok: number(r, "tok")?,
        pue: flag("pue")?,
        host: flag("host")?,
        kind: r.get("kind").to_string(),
        mkt: flag("mkt")?,
        src: r.get("src").to_string(),
        yr: r
            .get("yr")
            .parse()
            .map_err(|_| format!("serving_refs.csv {id}: bad year"))?,
    })
}

/// The cell `col` as a finite number; `None` when empty.
fn number(r: &Row, col: &str) -> Result<Option<f64>, String> {
    match r.get(col) {
        "" => Ok(None),
        text => text
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite())
            .map(Some)
            .ok_or_else(|| format!("serving: bad {col} `{text}`")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths() -> Paths {
        Paths::default_for(&crate::repo_root())
    }

    #[test]
    fn the_curated_tables_read_with_ecologits_and_published_figures() {
        let s = build(&paths()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.model.alpha, 1.17e-6);
        assert_eq!(s.model.beta, -1.12e-2);
        assert_eq!((s.model.batch, s.model.batch_high), (64.0, 256.0));
        assert_eq!(s.model.server_power, Watts(1200.0));
        assert_eq!(s.model.source, "ecologits2025");
        let gemini = s.reference("gemini-median");
        assert_eq!(gemini.and_then(|r| r.wh), Some(WattHours(0.24)));
        assert_eq!(gemini.and_then(|r| r.pue), Some(true));
        let mistral = s.reference("mistral-large-2");
        assert_eq!(mistral.and_then(|r| r.g), Some(GramsCo2e(1.14)));
        assert_eq!(s.reference("chatgpt-avg").and_then(|r| r.pue), None);
    }
}
