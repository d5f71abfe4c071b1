//! Rows of a CodeCarbon `emissions.csv`: one tracked run each, already integrated by CodeCarbon.
//!
//! Column names are those of CodeCarbon's `EmissionsData` dataclass
//! (`codecarbon/output_methods/emissions_data.py`, mlco2/codecarbon at b05965e), written by pandas
//! `to_csv` in field order; older versions lack some columns (`experiment_id`, `water_consumed`,
//! the utilisation columns), so every column but `duration` and `energy_consumed` is optional.
//! Units as CodeCarbon writes them: duration in seconds, energies in kWh, powers in W,
//! emissions in kg CO2e.

use super::detect::CodeCarbonLayout;
use super::device_map::{catalogue_id, split_gpu_model};
use super::error::{excerpt, LogError};
use super::fields::{parse_decimal, Span};
use crate::units::{Hours, KgCo2e, Kwh, Pue, Watts};

/// One CodeCarbon run (one row of emissions.csv).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CodeCarbonRun {
    /// Line of the row in the file.
    pub line: u64,
    /// When the run ended, as written (`2024-05-31T10:39:13`).
    pub timestamp: String,
    /// CodeCarbon's project name.
    pub project_name: String,
    /// Run id (may be empty).
    pub run_id: String,
    /// Wall-clock duration of the run.
    pub duration: Hours,
    /// CPU energy.
    pub cpu_energy: Option<Kwh>,
    /// GPU energy.
    pub gpu_energy: Option<Kwh>,
    /// RAM energy.
    pub ram_energy: Option<Kwh>,
    /// Total energy as CodeCarbon sums it (CPU + GPU + RAM, before PUE).
    pub energy: Kwh,
    /// Mean CPU power.
    pub cpu_power: Option<Watts>,
    /// Mean GPU power (all tracked GPUs).
    pub gpu_power: Option<Watts>,
    /// Mean RAM power.
    pub ram_power: Option<Watts>,
    /// CodeCarbon's own emissions figure.
    pub emissions: Option<KgCo2e>,
    /// Number of GPUs.
    pub gpu_count: Option<u32>,
    /// GPU model as written (`8 x NVIDIA A100-SXM4-40GB`).
    pub gpu_model: String,
    /// The catalogue id of the GPU model, when the table lists it.
    pub gpu_id: Option<&'static str>,
    /// ISO 3166 alpha-3 country code (`FRA`).
    pub country_iso_code: String,
    /// Cloud provider (`aws`, `gcp`, `azure`; empty on premises).
    pub cloud_provider: String,
    /// Cloud region (`us-east-1`; empty on premises).
    pub cloud_region: String,
    /// The PUE CodeCarbon applied.
    pub pue: Option<Pue>,
}

/// Sums over the runs of one file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CodeCarbonSummary {
    /// The runs, in file order (at most [`super::MAX_RUNS`]; see `runs_omitted`).
    pub runs: Vec<CodeCarbonRun>,
    /// Runs counted in the totals but not kept in `runs` (a file of more than
    /// [`super::MAX_RUNS`] rows).
    pub runs_omitted: u64,
    /// Sum of the durations.
    pub duration: Hours,
    /// Sum of the CPU energies.
    pub cpu_energy: Kwh,
    /// Sum of the GPU energies.
    pub gpu_energy: Kwh,
    /// Sum of the RAM energies.
    pub ram_energy: Kwh,
    /// Sum of the total energies.
    pub energy: Kwh,
    /// Sum of CodeCarbon's emissions.
    pub emissions: KgCo2e,
}

impl CodeCarbonSummary {
    /// Adds a run to the totals, keeping it when under the cap.
    pub(crate) fn push(&mut self, run: CodeCarbonRun) {
        self.duration = self.duration + run.duration;
        self.cpu_energy = self.cpu_energy + run.cpu_energy.unwrap_or_default();
        self.gpu_energy = self.gpu_energy + run.gpu_energy.unwrap_or_default();
        self.ram_energy = self.ram_energy + run.ram_energy.unwrap_or_default();
        self.energy = self.energy + run.energy;
        self.emissions = self.emissions + run.emissions.unwrap_or_default();
        if self.runs.len() < super::MAX_RUNS {
            self.runs.push(run);
        } else {
            self.runs_omitted += 1;
        }
    }
}

/// Seconds per hour.
const SECONDS_PER_HOUR: f64 = 3600.0;

/// Reads one data row.
pub(crate) fn row(
    layout: &CodeCarbonLayout,
    line: &[u8],
    spans: &[Span],
    line_no: u64,
) -> Result<CodeCarbonRun, LogError> {
    let cell = |col: usize| -> Result<Span, LogError> {
        spans.get(col).copied().ok_or(LogError::MissingField {
            line: line_no,
            column: spans.len() + 1,
        })
    };
    let text = |col: Option<usize>| -> Result<String, LogError> {
        match col {
            Some(c) => Ok(cell(c)?.text(line).into_owned()),
            None => Ok(String::new()),
        }
    };
    // An empty cell is a value CodeCarbon did not have (pandas writes None as nothing).
    let number = |col: Option<usize>, expected: &'static str| -> Result<Option<f64>, LogError> {
        let Some(c) = col else { return Ok(None) };
        let bytes = cell(c)?.bytes(line);
        if bytes.is_empty() {
            return Ok(None);
        }
        match parse_decimal(bytes) {
            Some(x) if x.is_finite() => Ok(Some(x)),
            _ => Err(LogError::BadValue {
                line: line_no,
                column: c + 1,
                text: excerpt(bytes, 40),
                expected,
            }),
        }
    };
    let seconds = number(Some(layout.duration), "a duration in seconds")?.unwrap_or(0.0);
    let energy = number(Some(layout.energy_consumed), "an energy in kWh")?.unwrap_or(0.0);
    let gpu_model = text(layout.gpu_model)?;
    let (count_in_model, name) = split_gpu_model(&gpu_model);
    let gpu_count = number(layout.gpu_count, "a GPU count")?
        .filter(|n| *n >= 0.0 && *n <= f64::from(u32::MAX))
        // A count written as a float by pandas (`8.0`): the integer part is the count.
        .map(|n| n as u32)
        .or(count_in_model);
    Ok(CodeCarbonRun {
        line: line_no,
        timestamp: text(layout.timestamp)?,
        project_name: text(layout.project_name)?,
        run_id: text(layout.run_id)?,
        duration: Hours(seconds / SECONDS_PER_HOUR),
        cpu_energy: number(layout.cpu_energy, "an energy in kWh")?.map(Kwh),
        gpu_energy: number(layout.gpu_energy, "an energy in kWh")?.map(Kwh),
        ram_energy: number(layout.ram_energy, "an energy in kWh")?.map(Kwh),
        energy: Kwh(energy),
        cpu_power: number(layout.cpu_power, "a number of watts")?.map(Watts),
        gpu_power: number(layout.gpu_power, "a number of watts")?.map(Watts),
        ram_power: number(layout.ram_power, "a number of watts")?.map(Watts),
        emissions: number(layout.emissions, "a mass in kg")?.map(KgCo2e),
        gpu_count,
        gpu_id: catalogue_id(name),
        gpu_model,
        country_iso_code: text(layout.country_iso_code)?,
        cloud_provider: text(layout.cloud_provider)?,
        cloud_region: text(layout.cloud_region)?,
        pue: number(layout.pue, "a PUE")?.map(Pue),
    })
}
