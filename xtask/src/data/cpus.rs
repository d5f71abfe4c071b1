//! CPUs: Green Algorithms' table plus curated server CPUs of GPU instances (TDP from CodeCarbon).
//!
//! Green Algorithms' `TDP_cpu.csv` has an empty `Release_year` column, so each of its CPUs takes
//! its release year from `data/curated/cpu_years.csv` (Intel ARK / AMD launch dates), never the
//! file's own year.

use super::raw::read_csv;
use super::Paths;
use emissions_core::dataset::Cpu;
use emissions_core::units::Watts;
use std::collections::BTreeMap;

const GA_CPU: &str = "GreenAlgorithms_green-algorithms-tool/data/latest/TDP_cpu.csv";
const CODECARBON: &str = "mlco2_codecarbon/codecarbon/data/hardware/cpu_power.csv";

/// CPU id from a model name: lower-case kebab, vendor words dropped (`AMD EPYC 7763` → `epyc-7763`).
fn cpu_id(model: &str) -> String {
    let words: Vec<String> = model
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .filter(|w| w != "amd" && w != "intel")
        .collect();
    words.join("-")
}

fn cpu_vendor(model: &str) -> &'static str {
    let m = model.to_ascii_lowercase();
    if ["amd", "epyc", "ryzen", "athlon", "fx-", "a8-", "a9-"]
        .iter()
        .any(|k| m.contains(k))
    {
        "AMD"
    } else if m.contains("pi 4") {
        "Raspberry Pi"
    } else {
        "Intel"
    }
}

/// `cpu_years.csv`: Green Algorithms model name → release year. Every year names a known source.
fn release_years(paths: &Paths) -> Result<BTreeMap<String, u16>, String> {
    let known: Vec<String> = read_csv(&paths.cur("sources.csv"), 0)?
        .iter()
        .map(|r| r.get("id").to_string())
        .collect();
    let mut out = BTreeMap::new();
    for r in read_csv(&paths.cur("cpu_years.csv"), 0)? {
        let model = r.get("model");
        let year = r
            .get("year")
            .parse()
            .map_err(|_| format!("cpu_years.csv {model}: bad year"))?;
        if !known.iter().any(|k| k == r.get("src")) {
            return Err(format!(
                "cpu_years.csv {model}: unknown source {}",
                r.get("src")
            ));
        }
        out.insert(model.to_string(), year);
    }
    Ok(out)
}

/// Builds the CPU table: Green Algorithms' CPUs, its `Any` row as `generic`, the CPUs mlco2 lists
/// among its hardware and the server CPUs of GPU cloud instances (`data/curated/cpus.csv`).
pub fn build(paths: &Paths, mlco2_tdp: &BTreeMap<String, f64>) -> Result<Vec<Cpu>, String> {
    let mut out: BTreeMap<String, Cpu> = BTreeMap::new();
    let mut years = release_years(paths)?;
    for r in read_csv(&paths.raw(GA_CPU), 1)? {
        let model = r.get("model");
        if model == "Any" {
            // Green Algorithms' default per-core power becomes the model's `generic` CPU.
            let per_core = r
                .num("TDP_per_core")
                .ok_or("TDP_cpu.csv: Any row lacks TDP_per_core")?;
            out.insert(
                "generic".into(),
                Cpu {
                    id: "generic".into(),
                    name: "Generic CPU core (Green Algorithms default)".into(),
                    vendor: "-".into(),
                    tdp: Watts(per_core),
                    cores: 1,
                    year: 2025,
                    source: "ga".into(),
                },
            );
            continue;
        }
        let (Some(tdp), Some(cores)) = (r.num("TDP"), r.num("n_cores")) else {
            return Err(format!("TDP_cpu.csv {model}: missing TDP or cores"));
        };
        // Two names in the file need a touch: a typo, and an EPYC listed without its family.
        let name = match model {
            "Rasberry Pi 4" => "Raspberry Pi 4",
            "AMD 7552" => "AMD EPYC 7552",
            other => other,
        };
        let id = cpu_id(name);
        let year = years
            .remove(model)
            .ok_or_else(|| format!("TDP_cpu.csv {model}: no release year in cpu_years.csv"))?;
        out.insert(
            id.clone(),
            Cpu {
                id,
                name: name.to_string(),
                vendor: cpu_vendor(name).into(),
                tdp: Watts(tdp),
                cores: cores as u32,
                year,
                source: "ga".into(),
            },
        );
    }
    if let Some(stale) = years.keys().next() {
        return Err(format!("cpu_years.csv {stale}: not a row of TDP_cpu.csv"));
    }
    let codecarbon: BTreeMap<String, f64> = read_csv(&paths.raw(CODECARBON), 0)?
        .iter()
        .filter_map(|r| Some((r.get("Name").to_string(), r.num("TDP")?)))
        .collect();
    for r in read_csv(&paths.cur("cpus.csv"), 0)? {
        let id = r.get("id");
        let from = r.get("tdp_from");
        let (tdp, src) = if from == "mlco2" {
            (
                mlco2_tdp
                    .get(id)
                    .copied()
                    .ok_or_else(|| format!("cpus.csv {id}: not mapped from mlco2"))?,
                "mlco2gpu",
            )
        } else {
            let name = from
                .strip_prefix("codecarbon:")
                .ok_or_else(|| format!("cpus.csv {id}: bad tdp_from"))?;
            (
                codecarbon
                    .get(name)
                    .copied()
                    .ok_or_else(|| format!("cpus.csv {id}: `{name}` not in cpu_power.csv"))?,
                "codecarbon",
            )
        };
        let cores = r
            .get("cores")
            .parse()
            .map_err(|_| format!("cpus.csv {id}: bad cores"))?;
        let year = r
            .get("year")
            .parse()
            .map_err(|_| format!("cpus.csv {id}: bad year"))?;
        out.insert(
            id.to_string(),
            Cpu {
                id: id.to_string(),
                name: r.get("name").into(),
                vendor: r.get("vendor").into(),
                tdp: Watts(tdp),
                cores,
                year,
                source: src.into(),
            },
        );
    }
    for id in mlco2_tdp.keys() {
        if !out.contains_key(id) {
            return Err(format!("mlco2 CPU {id} has no row"));
        }
    }
    Ok(out.into_values().collect())
}
