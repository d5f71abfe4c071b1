//! From a read log to the calculator's job: what the log says about hardware, device count,
//! hours, power, location and PUE, and the a-priori draw range it is compared with. Pure: tested
//! natively.

use emissions_core::measure::{CodeCarbonSummary, LogSummary, Measured, PowerSummary};
use emissions_core::model::inputs::DEFAULT_HARDWARE;
use emissions_core::model::{ComputeInput, DurationInput, Factors, Inputs, JobKind, LocationInput};

/// What a log says about the job, in the form's terms.
#[derive(Debug, Clone, PartialEq)]
pub struct FromLog {
    /// The catalogue id when every device of the log maps to the same one.
    pub hardware: Option<&'static str>,
    /// Why `hardware` is `None`: the names as read, not in the catalogue or of several models.
    pub unmapped: Option<String>,
    /// Devices (GPUs) in the log; 1 for a log without any.
    pub devices: u32,
    /// Wall-clock hours from the first to the last sample (CodeCarbon: the runs' durations).
    pub hours: f64,
    /// What the calculator uses per device, W: the measured average per device; for CodeCarbon
    /// the whole measured energy (GPU + CPU + RAM) per device-hour, so the calculator's energy is
    /// CodeCarbon's.
    pub power_w: f64,
    /// The accelerators' own average per device, W (for % of TDP), when the log has it.
    pub device_power_w: Option<f64>,
    /// Energy integrated from the log, kWh (every device and component it covers).
    pub energy_kwh: f64,
    /// The cloud region the log names, when the dataset knows it.
    pub location: Option<LocationInput>,
    /// The PUE the log names (CodeCarbon).
    pub pue: Option<f64>,
    /// True when `power_w` already includes the host CPU and memory (CodeCarbon): the form's
    /// CPU and memory are cleared so they are not counted twice.
    pub includes_host: bool,
    /// What the log names that the form cannot take (a country without a region).
    pub not_used: Vec<String>,
}

/// The job the log describes; an error when it has no duration or no energy to build one from.
pub fn from_summary(summary: &LogSummary, factors: &Factors) -> Result<FromLog, String> {
    let from = match &summary.content {
        Measured::Power(p) => from_power(p),
        Measured::CodeCarbon(c) => from_codecarbon(c, factors),
    };
    let hardware = from.hardware.filter(|id| factors.hardware(id).is_some());
    if from.hours.is_nan() || from.hours <= 0.0 {
        return Err(
            "the log covers no time (fewer than two samples), so it has no duration \
                    to make a job of"
                .to_string(),
        );
    }
    if !from.power_w.is_finite() || from.power_w <= 0.0 {
        return Err("the log has no energy (no power reading above 0 W)".to_string());
    }
    Ok(FromLog { hardware, ..from })
}

fn from_power(p: &PowerSummary) -> FromLog {
    let devices = u32::try_from(p.devices.len()).unwrap_or(u32::MAX).max(1);
    let first = p.devices.first().and_then(|d| d.catalogue_id);
    let same = p.devices.iter().all(|d| d.catalogue_id == first);
    let hardware = first.filter(|_| same);
    let unmapped = hardware.is_none().then(|| {
        let mut names: Vec<&str> = p.devices.iter().filter_map(|d| d.name.as_deref()).collect();
        names.dedup();
        match (same, names.join(", ")) {
            (_, n) if n.is_empty() => {
                "the log's device has no name and is not in the catalogue".to_string()
            }
            (false, n) => format!("the log mixes GPU models ({n})"),
            (true, n) => format!("{n} is not in the catalogue"),
        }
    });
    let power_w = p.average_power.0 / f64::from(devices);
    FromLog {
        hardware,
        unmapped,
        devices,
        hours: p.duration.0,
        power_w,
        device_power_w: Some(power_w),
        energy_kwh: p.energy.0,
        location: None,
        pue: None,
        includes_host: false,
        not_used: Vec::new(),
    }
}

fn from_codecarbon(c: &CodeCarbonSummary, factors: &Factors) -> FromLog {
    let first = c.runs.first();
    let devices = first
        .and_then(|r| r.gpu_count)
        .filter(|n| *n > 0)
        .unwrap_or(1);
    let hardware = first.and_then(|r| r.gpu_id);
    let same = c.runs.iter().all(|r| r.gpu_id == hardware);
    let hours = c.duration.0;
    let per_device_hour = |kwh: f64| kwh * 1000.0 / (hours * f64::from(devices));
    // The first run that names a region the dataset knows; else what could not be used.
    let mut not_used = Vec::new();
    let location = c.runs.iter().find_map(|r| {
        let (p, code) = (r.cloud_provider.to_lowercase(), r.cloud_region.as_str());
        factors
            .region(&p, code)
            .is_some()
            .then(|| LocationInput::Cloud {
                provider: p,
                region: code.to_string(),
            })
    });
    if location.is_none() {
        if let Some(r) = c.runs.iter().find(|r| !r.country_iso_code.is_empty()) {
            not_used.push(format!(
                "country {} (pick its grid zone in the form)",
                r.country_iso_code
            ));
        }
    }
    FromLog {
        hardware: hardware.filter(|_| same),
        unmapped: match (same, first.map_or("", |r| r.gpu_model.as_str())) {
            (true, _) if hardware.is_some() => None,
            (false, _) => Some("the runs used different GPU models".to_string()),
            (true, "") => Some("the log names no GPU".to_string()),
            (true, model) => Some(format!("{model} is not in the catalogue")),
        },
        devices,
        hours,
        power_w: per_device_hour(c.energy.0),
        device_power_w: (c.gpu_energy.0 > 0.0).then(|| per_device_hour(c.gpu_energy.0)),
        energy_kwh: c.energy.0,
        location,
        pue: first.and_then(|r| r.pue).map(|p| p.0),
        includes_host: true,
        not_used,
    }
}

/// Puts the log's job into the form: hardware (when mapped; else the form's own, whose TDP then
/// no longer matters), device count, hours, measured power, and the location and PUE the log
/// names. One run: the log is one run.
pub fn apply(from: &FromLog, inputs: &mut Inputs, factors: &Factors) {
    let id = match (from.hardware, &inputs.compute) {
        (Some(id), _) => id.to_string(),
        (None, ComputeInput::Hardware { id, .. }) => id.clone(),
        (None, ComputeInput::Instance { id, .. }) => factors
            .instance(id)
            .map_or(DEFAULT_HARDWARE.to_string(), |i| i.hw.clone()),
    };
    inputs.compute = ComputeInput::Hardware {
        id,
        devices: f64::from(from.devices),
    };
    inputs.power_w = Some(from.power_w);
    inputs.utilization_pct = None;
    inputs.duration = DurationInput::Hours { hours: from.hours };
    inputs.runs = 1.0;
    if let Some(location) = &from.location {
        inputs.location = location.clone();
    }
    if let Some(pue) = from.pue {
        inputs.pue = Some(pue);
    }
    if from.includes_host {
        inputs.cpu = None;
        inputs.memory_gb = None;
    }
}

/// The measured draw against the model's a-priori range for the same devices and hours.
#[derive(Debug, Clone, PartialEq)]
pub struct Prior {
    /// The job kind's label ("Fine-tuning, or training a small model").
    pub label: String,
    /// Measured average, % of TDP.
    pub measured_pct: f64,
    /// The kind's low, typical and high draw, % of TDP.
    pub pct: [f64; 3],
    /// The accelerator energy at those draws, kWh.
    pub kwh: [f64; 3],
    /// The measured accelerator energy over the same hours, kWh.
    pub measured_kwh: f64,
}

/// The a-priori estimate for the log's hardware and hours (`None` when the hardware is not in
/// the catalogue or the log has no accelerator power).
pub fn prior(from: &FromLog, kind: JobKind, factors: &Factors) -> Option<Prior> {
    let tdp = factors.hardware(from.hardware?)?.tdp.0;
    let device_w = from.device_power_w?;
    let profile = factors.draw_profile(kind)?;
    let device_hours = f64::from(from.devices) * from.hours;
    let pct = [profile.low.0, profile.typical.0, profile.high.0];
    Some(Prior {
        label: profile.label.clone(),
        measured_pct: device_w / tdp * 100.0,
        pct,
        kwh: pct.map(|p| tdp * p / 100.0 * device_hours / 1000.0),
        measured_kwh: device_w * device_hours / 1000.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::state::factors;
    use emissions_core::measure::read_log;

    fn log(name: &str) -> LogSummary {
        let path = format!("{}/core/tests/data/logs/{name}", env!("CARGO_MANIFEST_DIR"));
        read_log(&std::fs::read(path).unwrap()).unwrap()
    }

    #[test]
    fn two_gpus_of_different_models_keep_the_form_hardware() {
        let f = factors().unwrap();
        let from = from_summary(&log("nvidia_smi_lms100_2gpu.csv"), f).unwrap();
        assert_eq!(from.devices, 2);
        assert_eq!(from.hardware, None);
        assert!(from
            .unmapped
            .as_deref()
            .unwrap()
            .contains("mixes GPU models"));
        let mut inputs = Inputs::default();
        apply(&from, &mut inputs, f);
        assert_eq!(
            inputs.compute,
            ComputeInput::Hardware {
                id: DEFAULT_HARDWARE.into(),
                devices: 2.0
            }
        );
        // The calculator's energy at the measured power is the log's over the covered time.
        assert!((from.power_w * 2.0 * from.hours / 1000.0 - from.energy_kwh).abs() < 1e-3);
    }

    #[test]
    fn one_mapped_gpu_sets_hardware_and_compares_with_the_prior() {
        let f = factors().unwrap();
        let from = from_summary(&log("nvidia_smi_gap.csv"), f).unwrap();
        assert_eq!(from.hardware, Some("h100-pcie"));
        assert!((from.power_w - 400.0).abs() < 1e-9);
        let mut inputs = Inputs::default();
        apply(&from, &mut inputs, f);
        assert_eq!(inputs.power_w, Some(400.0));
        assert_eq!(inputs.duration, DurationInput::Hours { hours: from.hours });
        let p = prior(&from, JobKind::Unknown, f).unwrap();
        let tdp = f.hardware("h100-pcie").unwrap().tdp.0;
        assert!((p.measured_pct - 40_000.0 / tdp).abs() < 1e-9);
        assert!(p.pct[0] <= p.pct[1] && p.pct[1] <= p.pct[2]);
    }

    #[test]
    fn codecarbon_sets_region_pue_and_counts_the_host() {
        let f = factors().unwrap();
        let summary = log("codecarbon_2runs.csv");
        let from = from_summary(&summary, f).unwrap();
        assert!(from.includes_host);
        assert!(
            (from.energy_kwh - 2.912).abs() < 1e-9,
            "{}",
            from.energy_kwh
        );
        let mut inputs = Inputs {
            memory_gb: Some(64.0),
            ..Inputs::default()
        };
        apply(&from, &mut inputs, f);
        assert_eq!(inputs.memory_gb, None);
        let calc_kwh = from.power_w * f64::from(from.devices) * from.hours / 1000.0;
        assert!((calc_kwh - from.energy_kwh).abs() < 1e-9);
        assert!(matches!(inputs.location, LocationInput::Cloud { .. }));
    }
}
