//! Unit newtypes for the physical quantities of the model.
//!
//! Why newtypes: a bare `f64` lets watts be added to hours; these types make the compiler check the
//! dimensional analysis of `power × time × PUE × intensity`. They serialise as plain numbers
//! (`#[serde(transparent)]`) so the bundled JSON stays compact.

use serde::{Deserialize, Serialize};
use std::ops::{Add, Div, Mul, Sub};

macro_rules! unit {
    ($(#[$doc:meta])* $name:ident, $symbol:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub f64);

        impl $name {
            /// The unit symbol, for display and traces.
            pub const SYMBOL: &'static str = $symbol;

            /// The raw number in this unit.
            pub fn value(self) -> f64 {
                self.0
            }

            /// This quantity multiplied by a dimensionless factor (a count, a fraction, a ratio).
            pub fn scale(self, factor: f64) -> $name {
                $name(self.0 * factor)
            }

            /// True when the number is neither NaN nor infinite.
            pub fn is_finite(self) -> bool {
                self.0.is_finite()
            }

            /// The ratio of two quantities of this unit (dimensionless). Returns 0 when `rhs` is 0,
            /// so a ratio can never be NaN or infinite because of a zero denominator.
            pub fn ratio(self, rhs: $name) -> f64 {
                if rhs.0 == 0.0 {
                    0.0
                } else {
                    self.0 / rhs.0
                }
            }
        }

        impl Sub for $name {
            type Output = $name;
            fn sub(self, rhs: $name) -> $name {
                $name(self.0 - rhs.0)
            }
        }

        impl Add for $name {
            type Output = $name;
            fn add(self, rhs: $name) -> $name {
                $name(self.0 + rhs.0)
            }
        }

        impl std::iter::Sum for $name {
            fn sum<I: Iterator<Item = $name>>(iter: I) -> $name {
                $name(iter.map(|x| x.0).sum())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{} {}", self.0, $symbol)
            }
        }
    };
}

unit!(
    /// Electrical power in watts (W).
    Watts, "W"
);
unit!(
    /// A duration in hours (h).
    Hours, "h"
);
unit!(
    /// Electrical energy in kilowatt-hours (kWh).
    Kwh, "kWh"
);
unit!(
    /// Grid carbon intensity in grams of CO2-equivalent per kilowatt-hour (gCO2e/kWh).
    GramsPerKwh, "gCO2e/kWh"
);
unit!(
    /// A mass of CO2-equivalent in kilograms (kgCO2e).
    KgCo2e, "kgCO2e"
);
unit!(
    /// Memory size in gigabytes (GB).
    Gigabytes, "GB"
);
unit!(
    /// Throughput in tera floating-point operations per second (TFLOPS).
    Tflops, "TFLOPS"
);
unit!(
    /// A number of floating-point operations (FLOP), e.g. a training run's total compute.
    Flops, "FLOP"
);
unit!(
    /// A percentage, 0–100 (%).
    Percent, "%"
);
unit!(
    /// Power usage effectiveness: total facility energy / IT energy (dimensionless, ≥ 1).
    Pue, ""
);
unit!(
    /// Memory power density in watts per gigabyte (W/GB).
    WattsPerGb, "W/GB"
);
unit!(
    /// Accumulated device time: devices × hours (device-h), e.g. "GPU-hours".
    DeviceHours, "device-h"
);

unit!(
    /// A volume of water in litres (L).
    Litres, "L"
);
unit!(
    /// Water per unit of IT energy in litres per kilowatt-hour (L/kWh), e.g. a data centre's
    /// on-site water usage effectiveness (WUE).
    LitresPerKwh, "L/kWh"
);
unit!(
    /// A duration in years (yr), e.g. a server's service life.
    Years, "yr"
);

unit!(
    /// Electrical energy in watt-hours (Wh), e.g. the energy of one inference request.
    WattHours, "Wh"
);
unit!(
    /// A mass of CO2-equivalent in grams (gCO2e), e.g. the emissions of one inference request.
    GramsCo2e, "gCO2e"
);

impl Kwh {
    /// This energy in watt-hours.
    pub fn wh(self) -> WattHours {
        WattHours(self.0 * 1000.0)
    }
}

impl WattHours {
    /// This energy in kilowatt-hours.
    pub fn kwh(self) -> Kwh {
        Kwh(self.0 / 1000.0)
    }
}

impl KgCo2e {
    /// This mass in grams.
    pub fn grams(self) -> GramsCo2e {
        GramsCo2e(self.0 * 1000.0)
    }
}

impl GramsCo2e {
    /// This mass in kilograms.
    pub fn kg(self) -> KgCo2e {
        KgCo2e(self.0 / 1000.0)
    }
}

/// Hours in a (365-day) year, for amortising hardware over its service life.
pub const HOURS_PER_YEAR: f64 = 8760.0;

impl Years {
    /// This many years in hours (365-day years).
    pub fn hours(self) -> Hours {
        Hours(self.0 * HOURS_PER_YEAR)
    }
}

impl Mul<LitresPerKwh> for Kwh {
    type Output = Litres;
    /// kWh × L/kWh = L.
    fn mul(self, rhs: LitresPerKwh) -> Litres {
        Litres(self.0 * rhs.0)
    }
}

/// Seconds in an hour, for converting throughput-derived runtimes.
const SECONDS_PER_HOUR: f64 = 3600.0;

/// FLOP per second in one TFLOPS.
const FLOPS_PER_TFLOPS: f64 = 1e12;

impl Div<Tflops> for Flops {
    type Output = Hours;
    /// FLOP ÷ (TFLOPS × 10¹²) = seconds; ÷ 3600 for hours. A zero throughput yields infinite
    /// hours, which callers reject (the model only divides by validated, positive throughputs).
    fn div(self, rhs: Tflops) -> Hours {
        Hours(self.0 / (rhs.0 * FLOPS_PER_TFLOPS) / SECONDS_PER_HOUR)
    }
}

impl Hours {
    /// Device-hours for `devices` devices running for this long.
    pub fn device_hours(self, devices: f64) -> DeviceHours {
        DeviceHours(self.0 * devices)
    }
}

impl Kwh {
    /// The extra energy a facility spends on top of this IT energy: IT × (PUE − 1).
    pub fn pue_overhead(self, pue: Pue) -> Kwh {
        Kwh(self.0 * (pue.0 - 1.0))
    }
}

impl Mul<Hours> for Watts {
    type Output = Kwh;
    /// W × h = Wh; divided by 1000 for kWh.
    fn mul(self, rhs: Hours) -> Kwh {
        Kwh(self.0 * rhs.0 / 1000.0)
    }
}

impl Mul<Pue> for Kwh {
    type Output = Kwh;
    fn mul(self, rhs: Pue) -> Kwh {
        Kwh(self.0 * rhs.0)
    }
}

impl Mul<GramsPerKwh> for Kwh {
    type Output = KgCo2e;
    /// kWh × g/kWh = g; divided by 1000 for kg.
    fn mul(self, rhs: GramsPerKwh) -> KgCo2e {
        KgCo2e(self.0 * rhs.0 / 1000.0)
    }
}

impl Mul<Gigabytes> for WattsPerGb {
    type Output = Watts;
    fn mul(self, rhs: Gigabytes) -> Watts {
        Watts(self.0 * rhs.0)
    }
}

impl Percent {
    /// The percentage as a fraction (50 % → 0.5).
    pub fn fraction(self) -> f64 {
        self.0 / 100.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn power_times_time_is_energy_in_kwh() {
        assert_eq!(Watts(250.0) * Hours(4.0), Kwh(1.0));
    }

    #[test]
    fn energy_times_intensity_is_kg() {
        assert_eq!(Kwh(10.0) * GramsPerKwh(400.0), KgCo2e(4.0));
    }

    #[test]
    fn flops_over_throughput_is_hours() {
        // 3.6e15 FLOP at 1 TFLOPS = 3600 s = 1 h.
        assert_eq!(Flops(3.6e15) / Tflops(1.0), Hours(1.0));
    }

    #[test]
    fn ratio_of_zero_denominator_is_zero() {
        assert_eq!(KgCo2e(5.0).ratio(KgCo2e(0.0)), 0.0);
        assert_eq!(KgCo2e(5.0).ratio(KgCo2e(2.0)), 2.5);
    }

    #[test]
    fn overhead_is_it_times_pue_minus_one() {
        assert!((Kwh(100.0).pue_overhead(Pue(1.1)).value() - 10.0).abs() < 1e-9);
    }

    #[test]
    fn water_is_energy_times_wue_and_years_are_365_days() {
        assert_eq!(Kwh(134.4) * LitresPerKwh(0.5), Litres(67.2));
        assert_eq!(Years(6.0).hours(), Hours(52_560.0));
    }

    #[test]
    fn serialises_as_plain_number() {
        assert_eq!(serde_json::to_string(&Watts(300.0)).unwrap(), "300.0");
        let w: Watts = serde_json::from_str("72").unwrap();
        assert_eq!(w, Watts(72.0));
    }
}
