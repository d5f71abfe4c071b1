//! Reading the dataset's rows out of the parsed JSON, member by member.
//!
//! Why by hand: derived `Deserialize` compiled the JSON parser's sequence loop once per row type
//! (about 45 KB of wasm for the dataset alone); a walk over the borrowed [`crate::read`] tree is a
//! fraction of that and parses the bundled file in about the same time. Objects are read with
//! [`Obj::strict`]: a member given twice is an error, as it was with derived code. The keys are
//! the serde names of [`super::types`] (`#[serde(rename)]`), which still serialise the rows; `core/tests/dataset.rs` checks that a serialised dataset reads back equal.

use super::extras::{Extras, HardwareExtra, InstanceName, ProviderIntensity};
use super::types::{
    Constants, Cpu, Dataset, Equivalent, Hardware, HardwareKind, Instance, Meta, Provider, Region,
    Source, Sourced, Zone,
};
use crate::read::{invalid, leaf, list, Leaf, Node, Obj, Res};
use std::cell::Cell;
use crate::units::{Gigabytes, GramsPerKwh, KgCo2e, Percent, Pue, Tflops, Watts, WattsPerGb};
use serde::de::Error as _;
use serde_json::Error;

/// One object being read into a row. Members are read in a straight line and the first error is
/// kept for the end ([`Row::done`]) rather than returned at once: the row readers are then plain
/// sequences of calls without a clean-up path per member, which is several KB less WebAssembly
/// for the same result (the same first error, in member order).
struct Row<'n, 'a> {
    obj: Obj<'n, 'a>,
    error: Cell<Option<Error>>,
}

impl<'n, 'a> Row<'n, 'a> {
    /// `v` as an object whose members may each appear once (see [`Obj::strict`]).
    fn new(v: &'n Node<'a>, what: &str) -> Res<Self> {
        Ok(Row {
            obj: Obj::strict(v, what)?,
            error: Cell::new(None),
        })
    }

    /// The value, or the default after recording the error if it is the first.
    #[inline(never)]
    fn keep<T: Default>(&self, read: Res<T>) -> T {
        read.unwrap_or_else(|e| {
            let first = self.error.take().unwrap_or(e);
            self.error.set(Some(first));
            T::default()
        })
    }

    /// A required leaf member (see [`Obj::req`]).
    fn req<T: Leaf + Default>(&self, key: &'static str) -> T {
        self.keep(self.obj.req(key))
    }

    /// An optional leaf member (see [`Obj::opt`]).
    fn opt<T: Leaf>(&self, key: &'static str) -> Option<T> {
        self.keep(self.obj.opt(key))
    }

    /// A leaf member with a default (see [`Obj::or`]).
    fn or<T: Leaf + Default>(&self, key: &'static str, default: T) -> T {
        self.keep(self.obj.or(key, default))
    }

    /// A member read by `read` (see [`Obj::with`]).
    fn with<T: Default>(&self, key: &'static str, read: fn(&Node) -> Res<T>) -> T {
        self.keep(self.obj.with(key, read))
    }

    /// The row, or the first error met while reading it.
    fn done<T>(&self, row: T) -> Res<T> {
        match self.error.take() {
            None => Ok(row),
            Some(e) => Err(e),
        }
    }
}

/// The whole dataset.
pub fn dataset(v: &Node) -> Res<Dataset> {
    let o = Row::new(v, "struct Dataset")?;
    o.done(Dataset {
        meta: o.with("meta", meta),
        sources: o.with("sources", |v| list(v, source)),
        zones: o.with("zones", |v| list(v, zone)),
        providers: o.with("providers", |v| list(v, provider)),
        regions: o.with("regions", |v| list(v, region)),
        hardware: o.with("hardware", |v| list(v, hardware)),
        cpus: o.with("cpus", |v| list(v, cpu)),
        instances: o.with("instances", |v| list(v, instance)),
        constants: o.with("constants", constants),
    })
}

fn meta(v: &Node) -> Res<Meta> {
    let o = Row::new(v, "struct Meta")?;
    o.done(Meta {
        version: o.req("version"),
        basis: o.req("basis"),
    })
}

fn source(v: &Node) -> Res<Source> {
    let o = Row::new(v, "struct Source")?;
    o.done(Source {
        id: o.req("id"),
        name: o.req("name"),
        url: o.req("url"),
        licence: o.req("lic"),
        year: o.req("yr"),
    })
}

fn zone(v: &Node) -> Res<Zone> {
    let o = Row::new(v, "struct Zone")?;
    o.done(Zone {
        id: o.req("id"),
        name: o.req("name"),
        country: o.req("cc"),
        continent: o.req("ct"),
        intensity: GramsPerKwh(o.req("ci")),
        intensity_direct: o.opt("cid").map(GramsPerKwh),
        intensity_low: GramsPerKwh(o.req("lo")),
        intensity_high: GramsPerKwh(o.req("hi")),
        year: o.req("yr"),
        source: o.req("src"),
        fallback: o.or("fb", false),
    })
}

fn provider(v: &Node) -> Res<Provider> {
    let o = Row::new(v, "struct Provider")?;
    o.done(Provider {
        id: o.req("id"),
        name: o.req("name"),
        pue: Pue(o.req("pue")),
        pue_low: Pue(o.req("pue_lo")),
        pue_high: Pue(o.req("pue_hi")),
        pue_src: o.req("pue_src"),
        pue_yr: o.req("pue_yr"),
        market_pct: o.opt("mkt").map(Percent),
        mkt_src: o.opt("mkt_src"),
        mkt_yr: o.opt("mkt_yr"),
    })
}

fn region(v: &Node) -> Res<Region> {
    let o = Row::new(v, "struct Region")?;
    o.done(Region {
        provider: o.req("p"),
        code: o.req("code"),
        name: o.req("name"),
        location: o.req("loc"),
        country: o.req("cc"),
        zone: o.req("zone"),
        intensity: GramsPerKwh(o.req("ci")),
        intensity_low: GramsPerKwh(o.req("lo")),
        intensity_high: GramsPerKwh(o.req("hi")),
        year: o.req("yr"),
        source: o.req("src"),
        pue: o.opt("pue").map(Pue),
        pue_src: o.opt("pue_src"),
        pue_yr: o.opt("pue_yr"),
        cfe: o.opt("cfe").map(Percent),
    })
}

fn hardware(v: &Node) -> Res<Hardware> {
    let o = Row::new(v, "struct Hardware")?;
    o.done(Hardware {
        id: o.req("id"),
        name: o.req("name"),
        vendor: o.req("vendor"),
        kind: o.req("kind"),
        tdp: Watts(o.req("tdp")),
        mem: o.opt("mem").map(Gigabytes),
        fp32: o.opt("fp32").map(Tflops),
        fp16: o.opt("fp16").map(Tflops),
        year: o.req("yr"),
        source: o.req("src"),
    })
}

fn cpu(v: &Node) -> Res<Cpu> {
    let o = Row::new(v, "struct Cpu")?;
    o.done(Cpu {
        id: o.req("id"),
        name: o.req("name"),
        vendor: o.req("vendor"),
        tdp: Watts(o.req("tdp")),
        cores: o.req("cores"),
        year: o.req("yr"),
        source: o.req("src"),
    })
}

fn instance(v: &Node) -> Res<Instance> {
    let o = Row::new(v, "struct Instance")?;
    o.done(Instance {
        id: o.req("id"),
        provider: o.req("p"),
        hw: o.req("hw"),
        n: o.req("n"),
        vcpus: o.req("vcpus"),
        cpu: o.opt("cpu"),
        mem: Gigabytes(o.req("mem")),
        year: o.req("yr"),
        source: o.req("src"),
    })
}

/// A [`Sourced`] number, wrapped in its unit by `unit`.
fn sourced<T>(v: &Node, unit: fn(f64) -> T) -> Res<Sourced<T>> {
    let o = Row::new(v, "struct Sourced")?;
    o.done(Sourced {
        value: unit(o.req("v")),
        low: o.opt("lo").map(unit),
        high: o.opt("hi").map(unit),
        source: o.req("src"),
        year: o.req("yr"),
    })
}

fn equivalent(v: &Node) -> Res<Equivalent> {
    let o = Row::new(v, "struct Equivalent")?;
    o.done(Equivalent {
        id: o.req("id"),
        label: o.req("label"),
        kg_per_unit: KgCo2e(o.req("kg")),
        source: o.req("src"),
        year: o.req("yr"),
    })
}

fn constants(v: &Node) -> Res<Constants> {
    let o = Row::new(v, "struct Constants")?;
    o.done(Constants {
        pue_default: o.with("pue_default", |v| sourced(v, Pue)),
        mem_w_per_gb: o.with("mem_w_per_gb", |v| sourced(v, WattsPerGb)),
        world_ci: o.with("world_ci", |v| sourced(v, GramsPerKwh)),
        equivalents: o.with("equivalents", |v| list(v, equivalent)),
    })
}

/// Everything in `extras.json`.
pub fn extras(v: &Node) -> Res<Extras> {
    let o = Row::new(v, "struct Extras")?;
    o.done(Extras {
        cid_src: o.req("cid_src"),
        cid_yr: o.req("cid_yr"),
        range_src: o.with("range_src", |v| list(v, leaf)),
        hw: o.with("hw", |v| list(v, hardware_extra)),
        pci: o.with("pci", |v| list(v, provider_intensity)),
        inst_names: o.with("inst_names", |v| list(v, instance_name)),
        missing: o.with("missing", |v| list(v, leaf)),
        fixes: o.with("fixes", |v| list(v, leaf)),
    })
}

fn hardware_extra(v: &Node) -> Res<HardwareExtra> {
    let o = Row::new(v, "struct HardwareExtra")?;
    o.done(HardwareExtra {
        id: o.req("id"),
        lo: o.opt("lo").map(Watts),
        hi: o.opt("hi").map(Watts),
        avg: o.or("avg", false),
        tdp_src: o.opt("tdp_src"),
    })
}

fn provider_intensity(v: &Node) -> Res<ProviderIntensity> {
    let o = Row::new(v, "struct ProviderIntensity")?;
    o.done(ProviderIntensity {
        p: o.req("p"),
        code: o.req("code"),
        ci: GramsPerKwh(o.req("ci")),
        yr: o.req("yr"),
        src: o.req("src"),
    })
}

fn instance_name(v: &Node) -> Res<InstanceName> {
    let o = Row::new(v, "struct InstanceName")?;
    o.done(InstanceName {
        id: o.req("id"),
        name: o.req("name"),
    })
}

/// `gpu`, `tpu`, `npu` or `soc` (serde's `rename_all = "lowercase"`).
impl Leaf for HardwareKind {
    fn from_node(node: &Node) -> Res<HardwareKind> {
        const NAMES: &[&str] = &["gpu", "tpu", "npu", "soc"];
        let Node::Str(s) = node else {
            return Err(invalid(node, "variant identifier"));
        };
        let kinds = [
            HardwareKind::Gpu,
            HardwareKind::Tpu,
            HardwareKind::Npu,
            HardwareKind::Soc,
        ];
        NAMES
            .iter()
            .position(|n| n == s)
            .map(|i| kinds[i])
            .ok_or_else(|| Error::unknown_variant(s, NAMES))
    }
}
