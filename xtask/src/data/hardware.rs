//! Accelerators and CPUs: raw rows of ML CO2 Impact and Green Algorithms, mapped to our ids,
//! corrected and completed by `data/curated/hardware.csv` (vendor datasheets), plus CPUs.

use super::raw::{parse_num, read_csv, round, Row};
use super::Paths;
use emissions_core::dataset::{Cpu, Hardware, HardwareExtra, HardwareKind};
use emissions_core::units::{Gigabytes, Tflops, Watts};
use std::collections::BTreeMap;

const MLCO2_GPUS: &str = "mlco2_impact/data/gpus.csv";
const GA_GPU: &str = "GreenAlgorithms_green-algorithms-tool/data/latest/TDP_gpu.csv";

/// Devices (and figures of listed devices) asked for that have no citable vendor figure, so are
/// left out rather than guessed.
pub const MISSING: [&str; 12] = [
    "NVIDIA GB200 (per-GPU power is not published apart from the Grace-Blackwell superchip); hence no Azure ND GB200 v6 instances",
    "NVIDIA GH200 (NVIDIA publishes only the whole superchip's power, 450-1000 W for CPU + GPU + memory)",
    "NVIDIA B100 (no per-GPU datasheet figure was verified: it has left NVIDIA's HGX specification pages)",
    "Google TPU v5e (no published chip power)",
    "Google TPU v5p (no published chip power)",
    "Google TPU v6e Trillium (no published chip power)",
    "AWS Trainium (trn1) (no published chip power)",
    "AWS Trainium2 (trn2) (no published chip power)",
    "AWS Inferentia / Inferentia2 (no published chip power)",
    "Apple M-series (Apple publishes no TDP; CodeCarbon's 'Apple M1,10' is not a vendor figure)",
    "NVIDIA A10G FP16 tensor throughput (AWS-only part, no public datasheet)",
    "Google TPU v2 rated TDP (only measured averages are published)",
];

/// Hardware, CPUs and their extras.
pub struct HardwareOut {
    /// Accelerators, sorted by id.
    pub hardware: Vec<Hardware>,
    /// CPUs, sorted by id.
    pub cpus: Vec<Cpu>,
    /// Power ranges and second sources.
    pub extras: Vec<HardwareExtra>,
    /// Devices left out.
    pub missing: Vec<String>,
    /// Corrections applied to raw rows.
    pub fixes: Vec<String>,
}

/// Figures of one device as read from a raw file.
#[derive(Default, Clone)]
struct RawDevice {
    tdp: Option<f64>,
    mem: Option<f64>,
    fp32: Option<f64>,
    fp16: Option<f64>,
    src: &'static str,
}

/// mlco2 `gpus.csv`: name → figures. The A10G row has one field too few, which shifts its memory
/// into the GFLOPS16/W column and its URL into `memory`; such rows are realigned here.
fn mlco2_rows(paths: &Paths) -> Result<BTreeMap<String, RawDevice>, String> {
    let mut out = BTreeMap::new();
    for row in read_csv(&paths.raw(MLCO2_GPUS), 0)? {
        let f = &row.fields;
        let mem = if f.len() == 8 {
            f.get(6).and_then(|s| parse_num(s))
        } else {
            row.num("memory")
        };
        let dev = RawDevice {
            tdp: row.num("tdp_watts"),
            mem,
            fp32: row.num("TFLOPS32"),
            fp16: row.num("TFLOPS16"),
            src: "mlco2gpu",
        };
        out.insert(row.get("name").to_string(), dev);
    }
    Ok(out)
}

fn ga_rows(paths: &Paths) -> Result<BTreeMap<String, RawDevice>, String> {
    Ok(read_csv(&paths.raw(GA_GPU), 1)?
        .iter()
        .map(|r| {
            (
                r.get("model").to_string(),
                RawDevice {
                    tdp: r.num("TDP"),
                    mem: r.num("memory"),
                    src: "ga",
                    ..RawDevice::default()
                },
            )
        })
        .collect())
}

/// A curated cell: empty = keep the raw value, `-` = drop it, a number = use it.
fn cell(row: &Row, col: &str, raw: Option<f64>) -> Result<Option<f64>, String> {
    match row.get(col) {
        "" => Ok(raw),
        "-" => Ok(None),
        s => parse_num(s)
            .map(Some)
            .ok_or_else(|| format!("hardware.csv {}: bad {col} `{s}`", row.get("id"))),
    }
}

fn kind(s: &str) -> Result<HardwareKind, String> {
    match s {
        "gpu" => Ok(HardwareKind::Gpu),
        "tpu" => Ok(HardwareKind::Tpu),
        "npu" => Ok(HardwareKind::Npu),
        "soc" => Ok(HardwareKind::Soc),
        other => Err(format!("unknown hardware kind {other}")),
    }
}

/// Builds accelerators and CPUs.
pub fn build(paths: &Paths) -> Result<HardwareOut, String> {
    let mlco2 = mlco2_rows(paths)?;
    let ga = ga_rows(paths)?;
    // Raw figures per id: mlco2 first (it has memory and FLOPS), Green Algorithms fills gaps.
    let mut raw: BTreeMap<String, RawDevice> = BTreeMap::new();
    let mut cpu_tdp_mlco2: BTreeMap<String, f64> = BTreeMap::new();
    for m in read_csv(&paths.cur("hardware_map.csv"), 0)? {
        let (file, name, id) = (m.get("file"), m.get("raw_name"), m.get("id"));
        let table = if file == "mlco2" { &mlco2 } else { &ga };
        let dev = table
            .get(name)
            .ok_or_else(|| format!("hardware_map.csv: no {file} row named `{name}`"))?;
        if let Some(cpu) = id.strip_prefix("cpu:") {
            cpu_tdp_mlco2.insert(
                cpu.to_string(),
                dev.tdp.ok_or_else(|| format!("{name}: no TDP"))?,
            );
            continue;
        }
        let entry = raw.entry(id.to_string()).or_insert_with(|| dev.clone());
        entry.tdp = entry.tdp.or(dev.tdp);
        entry.mem = entry.mem.or(dev.mem);
    }
    for (file, table) in [("mlco2", &mlco2), ("ga", &ga)] {
        for name in table.keys() {
            let mapped = read_csv(&paths.cur("hardware_map.csv"), 0)?
                .iter()
                .any(|m| m.get("file") == file && m.get("raw_name") == name);
            if !mapped && name != "Any" {
                return Err(format!(
                    "{file} row `{name}` is not mapped in data/curated/hardware_map.csv"
                ));
            }
        }
    }
    let mut hardware = Vec::new();
    let mut extras = Vec::new();
    let mut fixes = Vec::new();
    for row in read_csv(&paths.cur("hardware.csv"), 0)? {
        let id = row.get("id");
        let r = raw.get(id).cloned().unwrap_or_default();
        let tdp =
            cell(&row, "tdp", r.tdp)?.ok_or_else(|| format!("{id}: no TDP from any source"))?;
        let src = if row.get("src").is_empty() {
            r.src
        } else {
            row.get("src")
        };
        let lo = cell(&row, "tdp_lo", None)?;
        let hi = cell(&row, "tdp_hi", None)?;
        let avg = row.get("avg") == "1";
        // A measured mean carries its measured range into the bundled row, so the model can take
        // the mean as the typical draw (the extras keep the same figures for provenance).
        let (mean_low, mean_high) = if avg {
            (lo.map(Watts), hi.map(Watts))
        } else {
            (None, None)
        };
        hardware.push(Hardware {
            mean_low,
            mean_high,
            id: id.to_string(),
            name: row.get("name").to_string(),
            vendor: row.get("vendor").to_string(),
            kind: kind(row.get("kind"))?,
            tdp: Watts(tdp),
            mem: cell(&row, "mem", r.mem)?.map(Gigabytes),
            fp32: cell(&row, "fp32", r.fp32)?.map(|v| Tflops(round(v, 3))),
            fp16: cell(&row, "fp16", r.fp16)?.map(|v| Tflops(round(v, 3))),
            year: row
                .get("year")
                .parse()
                .map_err(|_| format!("{id}: bad year"))?,
            source: src.to_string(),
        });
        let tdp_src = Some(row.get("tdp_src"))
            .filter(|s| !s.is_empty() && *s != src)
            .map(str::to_string);
        if lo.is_some() || hi.is_some() || avg || tdp_src.is_some() {
            extras.push(HardwareExtra {
                id: id.to_string(),
                lo: lo.map(Watts),
                hi: hi.map(Watts),
                avg,
                tdp_src,
            });
        }
        if !row.get("fix").is_empty() {
            fixes.push(format!("{id}: {}", row.get("fix")));
        }
    }
    for id in raw.keys() {
        if !hardware.iter().any(|h| &h.id == id) {
            return Err(format!(
                "raw device {id} has no row in data/curated/hardware.csv"
            ));
        }
    }
    hardware.sort_by(|a, b| a.id.cmp(&b.id));
    let cpus = super::cpus::build(paths, &cpu_tdp_mlco2)?;
    Ok(HardwareOut {
        hardware,
        cpus,
        extras,
        missing: MISSING.iter().map(|s| s.to_string()).collect(),
        fixes,
    })
}
