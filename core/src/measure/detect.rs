//! Which format a header line belongs to, and where the needed columns are.
//!
//! Column names are compared trimmed and in lower case, with nvidia-smi's unit suffix removed
//! (`power.draw [W]` → `power.draw`) and its query aliases resolved (`gpu_name` → `name`). Any
//! column order is accepted and extra columns are ignored.

use super::error::LogError;
use super::fields::Span;
use super::Format;

/// Columns of a power log (nvidia-smi or plain).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PowerLayout {
    pub time: usize,
    pub power: usize,
    /// The column that tells devices apart (index, uuid, pci.bus_id or device).
    pub key: Option<usize>,
    /// The product-name column.
    pub name: Option<usize>,
    /// Cells to split: one past the last column used.
    pub limit: usize,
}

/// Columns of a CodeCarbon emissions.csv (`None` when the file's version lacks them).
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct CodeCarbonLayout {
    pub timestamp: Option<usize>,
    pub project_name: Option<usize>,
    pub run_id: Option<usize>,
    pub duration: usize,
    pub emissions: Option<usize>,
    pub cpu_power: Option<usize>,
    pub gpu_power: Option<usize>,
    pub ram_power: Option<usize>,
    pub cpu_energy: Option<usize>,
    pub gpu_energy: Option<usize>,
    pub ram_energy: Option<usize>,
    pub energy_consumed: usize,
    pub country_iso_code: Option<usize>,
    pub cloud_provider: Option<usize>,
    pub cloud_region: Option<usize>,
    pub gpu_count: Option<usize>,
    pub gpu_model: Option<usize>,
    pub pue: Option<usize>,
}

/// A recognised header.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Layout {
    Power(Format, PowerLayout),
    CodeCarbon(Box<CodeCarbonLayout>),
}

/// nvidia-smi's power columns, in order of preference: `power.draw` is what every driver
/// writes; newer ones add a one-second average and an instantaneous reading.
const NVIDIA_POWER: [&str; 3] = ["power.draw", "power.draw.average", "power.draw.instant"];
/// Device-key columns of nvidia-smi, in order of preference.
const NVIDIA_KEYS: [&str; 3] = ["index", "uuid", "pci.bus_id"];
/// Time-column names of the plain format.
pub(crate) const PLAIN_TIME: [&str; 2] = ["timestamp", "time"];
/// Power-column names of the plain format (watts).
pub(crate) const PLAIN_POWER: [&str; 4] = ["watts", "power_w", "power_watts", "power"];

/// A header cell as a column name: lower case, unit suffix removed, alias resolved.
pub(crate) fn column_name(cell: &str) -> String {
    let mut name = cell.trim().to_ascii_lowercase();
    if name.ends_with(']') {
        if let Some(open) = name.rfind(" [") {
            name.truncate(open);
        }
    }
    match name.as_str() {
        "gpu_name" => "name".into(),
        "gpu_uuid" => "uuid".into(),
        "gpu_bus_id" => "pci.bus_id".into(),
        _ => name,
    }
}

/// Recognises a header from its column names.
pub(crate) fn layout(names: &[String]) -> Result<Layout, LogError> {
    let find = |wanted: &str| names.iter().position(|n| n == wanted);
    let find_any = |wanted: &[&str]| wanted.iter().find_map(|w| find(w));
    if let (Some(duration), Some(energy_consumed)) = (find("duration"), find("energy_consumed")) {
        return Ok(Layout::CodeCarbon(Box::new(CodeCarbonLayout {
            timestamp: find("timestamp"),
            project_name: find("project_name"),
            run_id: find("run_id"),
            duration,
            emissions: find("emissions"),
            cpu_power: find("cpu_power"),
            gpu_power: find("gpu_power"),
            ram_power: find("ram_power"),
            cpu_energy: find("cpu_energy"),
            gpu_energy: find("gpu_energy"),
            ram_energy: find("ram_energy"),
            energy_consumed,
            country_iso_code: find("country_iso_code"),
            cloud_provider: find("cloud_provider"),
            cloud_region: find("cloud_region"),
            gpu_count: find("gpu_count"),
            gpu_model: find("gpu_model"),
            pue: find("pue"),
        })));
    }
    if let Some(power) = find_any(&NVIDIA_POWER) {
        let time = find("timestamp").ok_or(LogError::MissingColumn {
            format: Format::NvidiaSmi.name(),
            column: "timestamp (add timestamp to --query-gpu)",
        })?;
        let key = find_any(&NVIDIA_KEYS);
        let name = find("name");
        return Ok(Layout::Power(
            Format::NvidiaSmi,
            power_layout(time, power, key, name),
        ));
    }
    if let (Some(time), Some(power)) = (find_any(&PLAIN_TIME), find_any(&PLAIN_POWER)) {
        let key = find("device");
        return Ok(Layout::Power(
            Format::Plain,
            power_layout(time, power, key, None),
        ));
    }
    if find("energy_consumed").is_some() {
        return Err(LogError::MissingColumn {
            format: Format::CodeCarbon.name(),
            column: "duration",
        });
    }
    if find_any(&PLAIN_TIME).is_some() && names.len() <= 3 {
        return Err(LogError::MissingColumn {
            format: Format::Plain.name(),
            column: "power (watts, power_w, power_watts or power)",
        });
    }
    Err(LogError::UnknownHeader {
        header: String::new(),
    })
}

fn power_layout(time: usize, power: usize, key: Option<usize>, name: Option<usize>) -> PowerLayout {
    let limit = [Some(time), Some(power), key, name]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(0)
        + 1;
    PowerLayout {
        time,
        power,
        key,
        name,
        limit,
    }
}

/// The column names of a header line split into `spans`.
pub(crate) fn names(line: &[u8], spans: &[Span]) -> Vec<String> {
    spans.iter().map(|s| column_name(&s.text(line))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect(header: &str) -> Result<Layout, LogError> {
        let names: Vec<String> = header.split(',').map(column_name).collect();
        layout(&names)
    }

    #[test]
    fn nvidia_smi_any_order_and_extras() {
        let Ok(Layout::Power(Format::NvidiaSmi, l)) = detect(
            "utilization.gpu [%], power.draw [W], timestamp, name, pci.bus_id, memory.used [MiB]",
        ) else {
            panic!("not nvidia-smi");
        };
        assert_eq!(
            (l.time, l.power, l.key, l.name, l.limit),
            (2, 1, Some(4), Some(3), 5)
        );
        let Ok(Layout::Power(_, l)) = detect("timestamp, index, power.draw.instant [W]") else {
            panic!("not nvidia-smi");
        };
        assert_eq!((l.power, l.key), (2, Some(1)));
    }

    #[test]
    fn plain_and_unknown() {
        assert!(matches!(
            detect("time,power_w"),
            Ok(Layout::Power(Format::Plain, _))
        ));
        assert!(matches!(
            detect("index, power.draw [W]"),
            Err(LogError::MissingColumn { .. })
        ));
        assert!(matches!(
            detect("a,b,c"),
            Err(LogError::UnknownHeader { .. })
        ));
    }
}
