//! The power and energy model.
//!
//! ```text
//! accelerator power = devices × (measured W, or TDP × utilization %)
//! CPU power         = TDP ÷ cores × cores used × usage %         (Green Algorithms' per-core model)
//! memory power      = GB × W/GB                                   (dataset constant, 0.3725 W/GB)
//! IT energy         = (accelerators + CPU + memory) × wall hours × runs ÷ 1000   [kWh]
//! facility energy   = IT energy × PUE;   PUE overhead = IT energy × (PUE − 1)
//! ```

use super::job::Job;
use crate::units::{Hours, Kwh, Pue, Watts};
use serde::Serialize;

/// Average power by component.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Power {
    /// One accelerator.
    pub per_device: Watts,
    /// All accelerators.
    pub accelerators: Watts,
    /// Host CPU.
    pub cpu: Watts,
    /// Host memory.
    pub memory: Watts,
}

impl Power {
    /// The job's power with one accelerator drawing `per_device`.
    pub fn of(job: &Job, per_device: Watts) -> Power {
        let cpu = job.cpu.as_ref().map_or(Watts(0.0), |c| {
            c.per_core.scale(c.cores * c.usage.fraction())
        });
        let memory = job
            .memory
            .as_ref()
            .map_or(Watts(0.0), |m| m.per_gb * m.size);
        Power {
            per_device,
            accelerators: per_device.scale(f64::from(job.devices)),
            cpu,
            memory,
        }
    }

    /// Total IT power: accelerators + CPU + memory.
    pub fn it(&self) -> Watts {
        self.accelerators + self.cpu + self.memory
    }
}

/// Energy by component, over all runs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Energy {
    /// Accelerators.
    pub accelerators: Kwh,
    /// Host CPU.
    pub cpu: Kwh,
    /// Host memory.
    pub memory: Kwh,
    /// IT energy: the sum of the three.
    pub it: Kwh,
    /// Facility overhead: IT × (PUE − 1).
    pub pue_overhead: Kwh,
    /// Facility energy: IT × PUE.
    pub total: Kwh,
}

impl Energy {
    /// The energy of `power` drawn for `hours` (all runs) in a facility of `pue`.
    pub fn of(power: &Power, hours: Hours, pue: Pue) -> Energy {
        let accelerators = power.accelerators * hours;
        let cpu = power.cpu * hours;
        let memory = power.memory * hours;
        let it = power.it() * hours;
        Energy {
            accelerators,
            cpu,
            memory,
            it,
            pue_overhead: it.pue_overhead(pue),
            total: it * pue,
        }
    }
}
