//! The life-cycle formulas, each a pure function of explicit quantities.

use super::factors::LifecycleFactors;
use crate::model::uncertainty::Interval;
use crate::units::{Hours, KgCo2e, Kwh, Litres, LitresPerKwh, Percent, Years};

/// Embodied emissions charged to `devices × hours` of use of hardware that embodies `kg` per unit:
/// `devices × hours × kg ÷ (life in hours × share in use)`. Zero when any of the first three is
/// zero; zero (never NaN or infinite) for a zero life or share, which validation rejects anyway.
pub fn amortised(
    devices: f64,
    hours: Hours,
    kg: KgCo2e,
    life: Years,
    use_share: Percent,
) -> KgCo2e {
    let used_hours = life.hours().value() * use_share.fraction();
    if used_hours <= 0.0 {
        return KgCo2e(0.0);
    }
    KgCo2e(devices * hours.value() * kg.value() / used_hours)
}

/// Host servers the job occupies: `devices ÷ devices per host`, as an exact ratio (a 1-GPU cloud
/// instance takes an eighth of an 8-GPU host, which other tenants share); zero for zero per host.
pub fn hosts(devices: f64, per_host: f64) -> f64 {
    if per_host > 0.0 {
        devices / per_host
    } else {
        0.0
    }
}

/// Embodied emissions of the accelerators and of their host servers, low / central / high.
///
/// Embodied emissions fall with a longer life, a higher share in use and more devices per host,
/// and rise with the kg figures, so the low end takes the low kg and the long life (and vice
/// versa): the exact bounds of the box of inputs, as in [`crate::model::uncertainty`].
pub fn embodied(
    devices: u32,
    hours: Hours,
    f: &LifecycleFactors,
) -> (Interval<KgCo2e>, Interval<KgCo2e>) {
    let n = f64::from(devices);
    let (dev, host) = (&f.embodied_device.band, &f.embodied_host.band);
    let (life, share, per) = (&f.life.band, &f.use_share.band, &f.per_host.band);
    let at = |kg_dev, kg_host, life, share, per| {
        (
            amortised(n, hours, kg_dev, life, share),
            amortised(hosts(n, per), hours, kg_host, life, share),
        )
    };
    let low = at(dev.low, host.low, life.high, share.high, per.high);
    let central = at(
        dev.central,
        host.central,
        life.central,
        share.central,
        per.central,
    );
    let high = at(dev.high, host.high, life.low, share.low, per.low);
    (
        Interval {
            low: low.0,
            central: central.0,
            high: high.0,
        },
        Interval {
            low: low.1,
            central: central.1,
            high: high.1,
        },
    )
}

/// Development overhead: `share × operational (location-based) emissions of the final runs`.
pub fn development(share: Interval<Percent>, operational: Interval<KgCo2e>) -> Interval<KgCo2e> {
    Interval {
        low: operational.low.scale(share.low.fraction()),
        central: operational.central.scale(share.central.fraction()),
        high: operational.high.scale(share.high.fraction()),
    }
}

/// On-site water: `WUE × IT energy`.
pub fn water(wue: Interval<LitresPerKwh>, it_energy: Kwh) -> Interval<Litres> {
    Interval {
        low: it_energy * wue.low,
        central: it_energy * wue.central,
        high: it_energy * wue.high,
    }
}

/// The sum of bands, end by end (every term is non-negative and computed at its own bounds).
pub fn sum(parts: &[Interval<KgCo2e>]) -> Interval<KgCo2e> {
    Interval {
        low: parts.iter().map(|p| p.low).sum(),
        central: parts.iter().map(|p| p.central).sum(),
        high: parts.iter().map(|p| p.high).sum(),
    }
}
