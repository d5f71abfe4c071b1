//! The life-cycle section of the dataset (`lifecycle` in `dataset.json`): embodied emissions of
//! accelerators and host servers, their service life and share of life in use, devices per host,
//! on-site water per kWh of IT energy, and the published development overhead (guidance).
//!
//! Design note: every factor is a [`LifeFactor`]: a central value with an optional low–high range,
//! the source of the central value, the sources of the range ends (`rng`) and a year. Keyed tables
//! (`emb` by accelerator id, `wue` by provider id) end with a `*` row that applies to anything
//! else, so a lookup never fails on a sound dataset. Generated from `data/curated/lifecycle.csv`.

use super::row::{object, table, Row};
use super::types::Dataset;
use super::validate::YEAR_RANGE;
use crate::json::{Node, Res};
use crate::units::{KgCo2e, LitresPerKwh, Percent, Years};
use serde::Serialize;
use std::collections::HashSet;

/// The key of the row that applies to every accelerator or provider without a row of its own.
pub const ANY: &str = "*";

/// One sourced life-cycle factor with an optional range.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LifeFactor<T> {
    /// What the row applies to: an accelerator id, a provider id or [`ANY`]; empty for a scalar.
    #[serde(rename = "k", default, skip_serializing_if = "String::is_empty")]
    pub key: String,
    /// The central value.
    #[serde(rename = "v")]
    pub value: T,
    /// Low end of the published range.
    #[serde(rename = "lo", default, skip_serializing_if = "Option::is_none")]
    pub low: Option<T>,
    /// High end of the published range.
    #[serde(rename = "hi", default, skip_serializing_if = "Option::is_none")]
    pub high: Option<T>,
    /// Source id of the central value.
    #[serde(rename = "src")]
    pub source: String,
    /// Source ids of the range ends, `;`-separated, where they differ from `src`.
    #[serde(rename = "rng", default, skip_serializing_if = "Option::is_none")]
    pub range_source: Option<String>,
    /// Year of the central value.
    #[serde(rename = "yr")]
    pub year: u16,
}

impl<T> LifeFactor<T> {
    /// The row with its numbers as plain `f64` (`num` reads one), for shared bounds checks and
    /// interval building.
    pub fn plain(&self, num: fn(&T) -> f64) -> LifeFactor<f64> {
        LifeFactor {
            key: self.key.clone(),
            value: num(&self.value),
            low: self.low.as_ref().map(num),
            high: self.high.as_ref().map(num),
            source: self.source.clone(),
            range_source: self.range_source.clone(),
            year: self.year,
        }
    }
}

impl<T> LifeFactor<T> {
    /// Every source id the row cites: the central value's, then the range's.
    pub fn sources(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.source.as_str()).chain(
            self.range_source
                .iter()
                .flat_map(|r| r.split(';'))
                .filter(|s| !s.is_empty()),
        )
    }
}

/// The life-cycle factors of the dataset.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LifecycleData {
    /// Embodied emissions per accelerator (cradle-to-gate), by accelerator id, ending with [`ANY`].
    #[serde(rename = "emb")]
    pub embodied: Vec<LifeFactor<KgCo2e>>,
    /// Embodied emissions of one host server without its accelerators.
    pub host: LifeFactor<KgCo2e>,
    /// Accelerators per host server (a count).
    pub per_host: LifeFactor<f64>,
    /// Service life of the hardware.
    pub life: LifeFactor<Years>,
    /// Share of the service life the hardware is in use, %.
    #[serde(rename = "use")]
    pub use_pct: LifeFactor<Percent>,
    /// Published development overhead, % of the final runs' emissions: guidance, not a default.
    pub dev_guide: LifeFactor<Percent>,
    /// On-site water usage effectiveness per kWh of IT energy, by provider id, ending with [`ANY`].
    pub wue: Vec<LifeFactor<LitresPerKwh>>,
}

impl LifecycleData {
    /// The embodied-emissions row of accelerator `hw`, else the [`ANY`] row.
    pub fn embodied_for(&self, hw: &str) -> Option<&LifeFactor<KgCo2e>> {
        keyed(&self.embodied, hw)
    }

    /// The water row of `provider` (`None`: not a cloud region), else the [`ANY`] row.
    pub fn wue_for(&self, provider: Option<&str>) -> Option<&LifeFactor<LitresPerKwh>> {
        keyed(&self.wue, provider.unwrap_or(ANY))
    }
}

fn keyed<'a, T>(rows: &'a [LifeFactor<T>], key: &str) -> Option<&'a LifeFactor<T>> {
    rows.iter()
        .find(|r| r.key == key)
        .or_else(|| rows.iter().find(|r| r.key == ANY))
}

/// Reads the `lifecycle` member (either table form, see [`super::row`]).
pub(super) fn read(v: &Node) -> Res<LifecycleData> {
    object(v, "struct LifecycleData", members)
}

fn members(o: &Row) -> Res<LifecycleData> {
    o.done(LifecycleData {
        embodied: o.with("emb", |v| {
            table(v, "struct LifeFactor", |o| factor(o, KgCo2e))
        }),
        host: o.with("host", |v| {
            object(v, "struct LifeFactor", |o| factor(o, KgCo2e))
        }),
        per_host: o.with("per_host", |v| {
            object(v, "struct LifeFactor", |o| factor(o, count))
        }),
        life: o.with("life", |v| {
            object(v, "struct LifeFactor", |o| factor(o, Years))
        }),
        use_pct: o.with("use", |v| {
            object(v, "struct LifeFactor", |o| factor(o, Percent))
        }),
        dev_guide: o.with("dev_guide", |v| {
            object(v, "struct LifeFactor", |o| factor(o, Percent))
        }),
        wue: o.with("wue", |v| {
            table(v, "struct LifeFactor", |o| factor(o, LitresPerKwh))
        }),
    })
}

fn count(x: f64) -> f64 {
    x
}

fn factor<T: Default>(o: &Row, unit: fn(f64) -> T) -> Res<LifeFactor<T>> {
    o.done(LifeFactor {
        key: o.or("k", String::new()),
        value: unit(o.req("v")),
        low: o.opt("lo").map(unit),
        high: o.opt("hi").map(unit),
        source: o.req("src"),
        range_source: o.opt("rng"),
        year: o.req("yr"),
    })
}

/// Plausible embodied emissions of one accelerator, kgCO2e.
pub const EMBODIED_DEVICE_RANGE: (f64, f64) = (1.0, 10_000.0);
/// Plausible embodied emissions of one host server without accelerators, kgCO2e.
pub const EMBODIED_HOST_RANGE: (f64, f64) = (1.0, 100_000.0);
/// Plausible accelerators per host.
pub const PER_HOST_RANGE: (f64, f64) = (1.0, 64.0);
/// Plausible service life, years.
pub const LIFE_RANGE: (f64, f64) = (1.0, 15.0);
/// Plausible share of life in use, %.
pub const USE_RANGE: (f64, f64) = (1.0, 100.0);
/// Plausible development overhead, % of the final runs.
pub const DEV_RANGE: (f64, f64) = (0.0, 1000.0);
/// Plausible on-site water usage effectiveness, L/kWh.
pub const WUE_RANGE: (f64, f64) = (0.0, 20.0);

/// Every problem of the life-cycle section of `ds`, as sentences (part of
/// [`super::problems`]). An absent section (all defaults) is a problem: the app needs it.
pub fn lifecycle_problems(ds: &Dataset) -> Vec<String> {
    let sources: HashSet<&str> = ds.sources.iter().map(|s| s.id.as_str()).collect();
    let l = &ds.lifecycle;
    let mut out = Vec::new();
    let mut check = |what: String, f: &LifeFactor<f64>, (min, max): (f64, f64)| {
        for x in [Some(f.value), f.low, f.high].into_iter().flatten() {
            if !(x.is_finite() && x >= min && x <= max) {
                out.push(format!("lifecycle {what}: value {x} out of bounds"));
            }
        }
        if f.low.is_some_and(|lo| lo > f.value) || f.high.is_some_and(|hi| hi < f.value) {
            out.push(format!("lifecycle {what}: lo ≤ v ≤ hi violated"));
        }
        for s in f.sources() {
            if !sources.contains(s) {
                out.push(format!("lifecycle {what}: unknown source id `{s}`"));
            }
        }
        if f.year < YEAR_RANGE.0 || f.year > YEAR_RANGE.1 {
            out.push(format!("lifecycle {what}: implausible year {}", f.year));
        }
    };
    for f in &l.embodied {
        check(
            format!("emb {}", f.key),
            &f.plain(|x| x.0),
            EMBODIED_DEVICE_RANGE,
        );
    }
    check("host".into(), &l.host.plain(|x| x.0), EMBODIED_HOST_RANGE);
    check("per_host".into(), &l.per_host.plain(|x| *x), PER_HOST_RANGE);
    check("life".into(), &l.life.plain(|x| x.0), LIFE_RANGE);
    check("use".into(), &l.use_pct.plain(|x| x.0), USE_RANGE);
    check("dev_guide".into(), &l.dev_guide.plain(|x| x.0), DEV_RANGE);
    for f in &l.wue {
        check(format!("wue {}", f.key), &f.plain(|x| x.0), WUE_RANGE);
    }
    if l.per_host.value.fract() != 0.0 {
        out.push("lifecycle per_host: not a whole number".into());
    }
    out.extend(key_problems("emb", &l.embodied, |k| {
        ds.hardware(k).is_some()
    }));
    out.extend(key_problems("wue", &l.wue, |k| ds.provider(k).is_some()));
    out
}

/// Keys must be known ids or [`ANY`], unique, with exactly one [`ANY`] row.
fn key_problems<T>(
    table: &str,
    rows: &[LifeFactor<T>],
    known: impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for r in rows {
        if !seen.insert(r.key.as_str()) {
            out.push(format!("lifecycle {table}: duplicate key `{}`", r.key));
        }
        if r.key != ANY && !known(&r.key) {
            out.push(format!("lifecycle {table}: unknown key `{}`", r.key));
        }
    }
    if !seen.contains(ANY) {
        out.push(format!(
            "lifecycle {table}: no `{ANY}` row for everything else"
        ));
    }
    out
}
