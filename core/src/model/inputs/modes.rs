//! The form's mode switches as enums: how the workload, the hardware and the location are given,
//! and what switching from one to another keeps (pure, so the switches are tested natively).

use super::{ComputeInput, DataCentre, DurationInput, Inputs, LocationInput};
use super::{DEFAULT_HARDWARE, DEFAULT_HOURS, DEFAULT_MFU_PCT};
use crate::model::Factors;

/// Declares a mode enum with its keys (the radio buttons' values), in form order.
macro_rules! modes {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $key:literal,)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        impl $name {
            /// Every mode, in form order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The key of the mode (the value of its radio button).
            pub fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)+
                }
            }

            /// The mode with this key.
            pub fn from_key(key: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|m| m.key() == key)
            }
        }
    };
}

modes! {
    /// How the workload is given.
    DurationMode {
        /// Hours per run.
        Hours = "hours",
        /// Total FLOPs per run and MFU.
        Flops = "flops",
        /// Parameters × tokens and MFU.
        Training = "training",
    }
}

modes! {
    /// How the hardware is given.
    ComputeMode {
        /// An accelerator × a device count.
        Hardware = "hardware",
        /// A GPU cloud instance × an instance count.
        Instance = "instance",
    }
}

modes! {
    /// How the location is given.
    LocationMode {
        /// A cloud provider's region.
        Cloud = "cloud",
        /// A grid zone.
        Zone = "zone",
        /// A custom grid intensity.
        Custom = "custom",
    }
}

impl DurationInput {
    /// How this workload is given.
    pub fn mode(&self) -> DurationMode {
        match self {
            DurationInput::Hours { .. } => DurationMode::Hours,
            DurationInput::Flops { .. } => DurationMode::Flops,
            DurationInput::Training { .. } => DurationMode::Training,
        }
    }

    /// The starting values of a workload given as `mode` (a fresh form's, or an example).
    pub fn start(mode: DurationMode) -> DurationInput {
        match mode {
            DurationMode::Hours => DurationInput::Hours {
                hours: DEFAULT_HOURS,
            },
            DurationMode::Flops => DurationInput::Flops {
                flops: 1e21,
                mfu_pct: DEFAULT_MFU_PCT,
            },
            DurationMode::Training => DurationInput::Training {
                parameters: 1e9,
                tokens: 2e10,
                mfu_pct: DEFAULT_MFU_PCT,
            },
        }
    }
}

impl ComputeInput {
    /// How this hardware is given.
    pub fn mode(&self) -> ComputeMode {
        match self {
            ComputeInput::Hardware { .. } => ComputeMode::Hardware,
            ComputeInput::Instance { .. } => ComputeMode::Instance,
        }
    }
}

impl LocationInput {
    /// How this location is given.
    pub fn mode(&self) -> LocationMode {
        match self {
            LocationInput::Cloud { .. } => LocationMode::Cloud,
            LocationInput::Zone { .. } => LocationMode::Zone,
            LocationInput::Custom { .. } => LocationMode::Custom,
        }
    }
}

impl Inputs {
    /// Runs on the cloud instance `id` (one of it), with its host CPU and memory filled in.
    pub fn set_instance(&mut self, id: String, factors: &Factors) {
        if let Some(host) = factors.instance_host(&id) {
            self.cpu = Some(host.cpu);
            self.memory_gb = Some(host.memory.0);
        }
        self.compute = ComputeInput::Instance { id, count: 1.0 };
    }

    /// Switches how the hardware is given, keeping the same accelerators where the dataset
    /// allows: an instance of the current accelerator (in the current provider first), or the
    /// accelerators of the current instance × their count.
    pub fn switch_compute(&mut self, to: ComputeMode, factors: &Factors) {
        let ds = factors.dataset();
        match (to, &self.compute) {
            (ComputeMode::Instance, ComputeInput::Hardware { id, .. }) => {
                let provider = match &self.location {
                    LocationInput::Cloud { provider, .. } => provider.as_str(),
                    _ => "",
                };
                let pick = ds
                    .instances
                    .iter()
                    .find(|x| x.hw == *id && x.provider == provider)
                    .or_else(|| ds.instances.iter().find(|x| x.hw == *id))
                    .or_else(|| ds.instances.first())
                    .map(|x| x.id.clone());
                if let Some(pick) = pick {
                    self.set_instance(pick, factors);
                }
            }
            (ComputeMode::Hardware, ComputeInput::Instance { id, count }) => {
                let (hw, n) = ds.instance(id).map_or_else(
                    || (DEFAULT_HARDWARE.to_string(), 1.0),
                    |x| (x.hw.clone(), f64::from(x.n)),
                );
                self.compute = ComputeInput::Hardware {
                    id: hw,
                    devices: (n * count).max(1.0),
                };
            }
            _ => {}
        }
    }

    /// Switches how the location is given, keeping the grid where it can: a cloud region's zone
    /// becomes the zone; a custom intensity starts at `intensity` (the current one, rounded).
    pub fn switch_location(&mut self, to: LocationMode, factors: &Factors, intensity: f64) {
        if self.location.mode() == to {
            return;
        }
        let zone = match &self.location {
            LocationInput::Cloud { provider, region } => {
                factors.region(provider, region).map(|r| r.zone.clone())
            }
            LocationInput::Zone { zone, .. } => Some(zone.clone()),
            LocationInput::Custom { .. } => None,
        };
        self.location = match to {
            LocationMode::Cloud => LocationInput::default(),
            LocationMode::Zone => LocationInput::Zone {
                zone: zone.unwrap_or_else(|| "US".into()),
                data_centre: DataCentre::Unknown,
            },
            LocationMode::Custom => LocationInput::Custom {
                intensity,
                data_centre: DataCentre::Unknown,
            },
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::bundled;
    use std::sync::OnceLock;

    fn factors() -> &'static Factors {
        static F: OnceLock<Factors> = OnceLock::new();
        F.get_or_init(|| Factors::new(bundled().expect("bundled dataset")))
    }

    #[test]
    fn keys_round_trip_and_unknown_keys_are_refused() {
        for m in DurationMode::ALL {
            assert_eq!(DurationMode::from_key(m.key()), Some(*m));
            assert_eq!(DurationInput::start(*m).mode(), *m);
        }
        for m in ComputeMode::ALL {
            assert_eq!(ComputeMode::from_key(m.key()), Some(*m));
        }
        for m in LocationMode::ALL {
            assert_eq!(LocationMode::from_key(m.key()), Some(*m));
        }
        assert_eq!(LocationMode::from_key("Cloud"), None);
        assert_eq!(DurationMode::from_key(""), None);
    }

    #[test]
    fn switching_hardware_to_an_instance_and_back_keeps_the_accelerators() {
        let f = factors();
        let mut i = Inputs {
            compute: ComputeInput::Hardware {
                id: "a100-sxm4-40gb".into(),
                devices: 3.0,
            },
            ..Inputs::default()
        };
        i.switch_compute(ComputeMode::Instance, f);
        let ComputeInput::Instance { id, count } = &i.compute else {
            panic!("{:?}", i.compute);
        };
        let inst = f.instance(id).expect("a dataset instance");
        assert_eq!(inst.hw, "a100-sxm4-40gb");
        assert_eq!(
            inst.provider, "aws",
            "the current provider's instance first"
        );
        assert_eq!(*count, 1.0);
        assert!(i.cpu.is_some() && i.memory_gb.is_some(), "host filled in");
        i.switch_compute(ComputeMode::Hardware, f);
        assert_eq!(
            i.compute,
            ComputeInput::Hardware {
                id: "a100-sxm4-40gb".into(),
                devices: f64::from(inst.n)
            }
        );
    }

    #[test]
    fn switching_location_keeps_the_grid_zone_and_the_intensity() {
        let f = factors();
        let mut i = Inputs::default();
        let zone = match &i.location {
            LocationInput::Cloud { provider, region } => {
                f.region(provider, region).unwrap().zone.clone()
            }
            other => panic!("{other:?}"),
        };
        i.switch_location(LocationMode::Zone, f, 0.0);
        assert_eq!(
            i.location,
            LocationInput::Zone {
                zone,
                data_centre: DataCentre::Unknown
            }
        );
        i.switch_location(LocationMode::Custom, f, 321.0);
        assert_eq!(
            i.location,
            LocationInput::Custom {
                intensity: 321.0,
                data_centre: DataCentre::Unknown
            }
        );
        i.switch_location(LocationMode::Custom, f, 1.0);
        assert_eq!(i.location.mode(), LocationMode::Custom);
        assert!(
            matches!(i.location, LocationInput::Custom { intensity, .. } if intensity == 321.0)
        );
        i.switch_location(LocationMode::Cloud, f, 0.0);
        assert_eq!(i.location, LocationInput::default());
    }
}
