//! Sources, GPU cloud instances and constants (PUE default, memory power, equivalences).

use super::raw::{read_csv, Row};
use super::Paths;
use emissions_core::dataset::{Constants, Equivalent, Instance, InstanceName, Source, Sourced};
use emissions_core::units::{Gigabytes, GramsPerKwh, KgCo2e, Pue, WattsPerGb};

const DEFAULTS: &str = "transcribed/defaults.csv";
const GA_REF: &str = "GreenAlgorithms_green-algorithms-tool/data/latest/referenceValues.csv";
const EMBER: &str = "thegreenwebfoundation_co2-js/data/output/average-intensities.json";

/// The source table, from `data/curated/sources.csv`. Raw files listed there must exist.
pub fn sources(paths: &Paths) -> Result<Vec<Source>, String> {
    let mut out = Vec::new();
    for r in read_csv(&paths.cur("sources.csv"), 0)? {
        for rel in r.get("raw_files").split(';').filter(|s| !s.is_empty()) {
            if !paths.raw(rel).is_file() {
                return Err(format!("source {}: raw file {rel} not found", r.get("id")));
            }
        }
        out.push(Source {
            id: r.get("id").into(),
            name: r.get("name").into(),
            url: r.get("url").into(),
            licence: r.get("lic").into(),
            year: r
                .get("yr")
                .parse()
                .map_err(|_| format!("source {}: bad year", r.get("id")))?,
        });
    }
    Ok(out)
}

/// Instances and the provider spellings of ids that had to be made URL-safe.
pub struct InstancesOut {
    /// Instances in file order.
    pub instances: Vec<Instance>,
    /// Azure size names.
    pub names: Vec<InstanceName>,
}

/// `data/curated/instances.csv`; Azure sizes (`Standard_ND96asr_v4`) get the id `standard-nd96asr-v4`.
pub fn instances(paths: &Paths, sources: &[Source]) -> Result<InstancesOut, String> {
    let mut instances = Vec::new();
    let mut names = Vec::new();
    for r in read_csv(&paths.cur("instances.csv"), 0)? {
        let name = r.get("id");
        let id = name.to_ascii_lowercase().replace('_', "-");
        if id != name {
            names.push(InstanceName {
                id: id.clone(),
                name: name.to_string(),
            });
        }
        let src = r.get("src");
        let year = sources
            .iter()
            .find(|s| s.id == src)
            .map(|s| s.year)
            .ok_or_else(|| format!("instance {name}: unknown source {src}"))?;
        let num = |col: &str| {
            r.get(col)
                .parse::<u32>()
                .map_err(|_| format!("instance {name}: bad {col}"))
        };
        instances.push(Instance {
            id,
            provider: r.get("p").into(),
            hw: r.get("hw").into(),
            n: num("n")?,
            vcpus: num("vcpus")?,
            cpu: Some(r.get("cpu"))
                .filter(|c| !c.is_empty())
                .map(str::to_string),
            mem: Gigabytes(f64::from(num("mem")?)),
            year,
            source: src.into(),
        });
    }
    Ok(InstancesOut { instances, names })
}

fn defaults_value(rows: &[Row], id: &str) -> Result<f64, String> {
    rows.iter()
        .find(|r| r.get("id") == id)
        .and_then(|r| r.num("value"))
        .ok_or_else(|| format!("defaults.csv row {id} missing"))
}

/// PUE default, memory power, world intensity and equivalents.
pub fn constants(paths: &Paths) -> Result<Constants, String> {
    let d = read_csv(&paths.raw(DEFAULTS), 0)?;
    let ga_ref = read_csv(&paths.raw(GA_REF), 1)?;
    let mem = ga_ref
        .iter()
        .find(|r| r.get("variable") == "memoryPower")
        .and_then(|r| r.num("value"))
        .ok_or("referenceValues.csv: no memoryPower")?;
    // CCF's 0.000392 kWh per GB-hour is 0.392 W/GB; CodeCarbon's old 3 W per 8 GB is 0.375 W/GB.
    let mem_ccf = defaults_value(&d, "13")? * 1000.0;
    let ember = super::raw::read_json(&paths.raw(EMBER))?;
    let world = ember["World"]["emissions_intensity_gco2_per_kwh"]
        .as_f64()
        .ok_or("Ember: no World row")?;
    let world_yr = ember["World"]["year"]
        .as_u64()
        .and_then(|y| u16::try_from(y).ok())
        .ok_or("Ember: no World year")?;
    let mut equivalents = Vec::new();
    for r in read_csv(&paths.cur("equivalents.csv"), 0)? {
        let v = defaults_value(&d, r.get("defaults_row"))?;
        let to_kg: f64 = r
            .get("to_kg")
            .parse()
            .map_err(|_| format!("equivalents.csv {}: bad to_kg", r.get("id")))?;
        equivalents.push(Equivalent {
            id: r.get("id").into(),
            label: r.get("label").into(),
            kg_per_unit: KgCo2e(super::raw::round(v * to_kg, 6)),
            source: r.get("src").into(),
            year: r
                .get("yr")
                .parse()
                .map_err(|_| format!("equivalents.csv {}: bad yr", r.get("id")))?,
        });
    }
    Ok(Constants {
        pue_default: Sourced {
            value: Pue(defaults_value(&d, "1")?),
            low: Some(Pue(defaults_value(&d, "1")?)),
            high: Some(Pue(defaults_value(&d, "7")?)),
            source: "uptime2024".into(),
            year: 2024,
        },
        mem_w_per_gb: Sourced {
            value: WattsPerGb(mem),
            low: Some(WattsPerGb(mem)),
            high: Some(WattsPerGb(mem_ccf)),
            source: "karyakin2017".into(),
            year: 2017,
        },
        world_ci: Sourced {
            value: GramsPerKwh(world),
            low: Some(GramsPerKwh(world.min(defaults_value(&d, "35")?))),
            high: Some(GramsPerKwh(world.max(defaults_value(&d, "35")?))),
            source: "ember".into(),
            year: world_yr,
        },
        equivalents,
    })
}
