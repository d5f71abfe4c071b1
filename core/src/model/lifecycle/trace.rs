//! The life-cycle steps of the formula trace, built from the values computed (never recomputed).

use super::factors::{Factor, LifecycleFactors};
use super::{Lifecycle, Usage};
use crate::model::trace::{num, TraceStep};
use crate::units::HOURS_PER_YEAR;

fn step(label: &str, expression: String, result: String, from: &[&[String]]) -> TraceStep {
    let mut sources: Vec<String> = Vec::new();
    for s in from.iter().flat_map(|list| list.iter()) {
        if !sources.contains(s) {
            sources.push(s.clone());
        }
    }
    TraceStep {
        label: label.to_string(),
        expression,
        result,
        sources,
    }
}

fn kg(x: f64) -> String {
    format!("{} kgCO2e", num(x))
}

/// Central values of a factor, for the expression text.
fn c<T: Copy>(f: &Factor<T>) -> T {
    f.band.central
}

/// The trace steps: embodied accelerators, host servers, development (when counted), water and
/// the life-cycle total.
pub fn steps(u: &Usage, f: &LifecycleFactors, r: &Lifecycle) -> Vec<TraceStep> {
    let n = u.devices;
    let h = num(u.hours.value());
    let amortise = format!(
        "({} yr × {} h × {} % in use)",
        num(c(&f.life).value()),
        num(HOURS_PER_YEAR),
        num(c(&f.use_share).value())
    );
    let life_src = [&f.life.sources[..], &f.use_share.sources[..]];
    let mut out = vec![
        step(
            "Embodied emissions, accelerators",
            format!(
                "{n} × {h} h × {} ÷ {amortise}",
                kg(c(&f.embodied_device).value())
            ),
            kg(r.embodied_devices.central.value()),
            &[&f.embodied_device.sources, life_src[0], life_src[1]],
        ),
        step(
            "Embodied emissions, host servers",
            format!(
                "{n} ÷ {} per host × {h} h × {} ÷ {amortise}",
                num(c(&f.per_host)),
                kg(c(&f.embodied_host).value())
            ),
            kg(r.embodied_hosts.central.value()),
            &[
                &f.embodied_host.sources,
                &f.per_host.sources,
                life_src[0],
                life_src[1],
            ],
        ),
    ];
    if c(&f.development).value() > 0.0 {
        out.push(step(
            "Development overhead",
            format!(
                "{} % × {} (final runs, location-based)",
                num(c(&f.development).value()),
                kg(r.operational.central.value())
            ),
            kg(r.development.central.value()),
            &[&f.development.sources],
        ));
    }
    out.push(step(
        "On-site water",
        format!(
            "{} kWh (IT) × {} L/kWh",
            num(u.it_energy.value()),
            num(c(&f.wue).value())
        ),
        format!("{} L", num(r.water.central.value())),
        &[&f.wue.sources],
    ));
    out.push(step(
        "Life-cycle emissions",
        format!(
            "{} operational + {} embodied + {} development",
            kg(r.operational.central.value()),
            kg(r.embodied.central.value()),
            kg(r.development.central.value())
        ),
        kg(r.total.central.value()),
        &[],
    ));
    out
}
