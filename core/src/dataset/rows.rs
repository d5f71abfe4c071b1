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
use crate::units::{Gigabytes, GramsPerKwh, KgCo2e, Percent, Pue, Tflops, Watts, WattsPerGb};
use serde::de::Error as _;
use serde_json::Error;

/// The whole dataset.
pub fn dataset(v: &Node) -> Res<Dataset> {
    let o = Obj::strict(v, "struct Dataset")?;
    Ok(Dataset {
        meta: o.with("meta", meta)?,
        sources: o.with("sources", |v| list(v, source))?,
        zones: o.with("zones", |v| list(v, zone))?,
        providers: o.with("providers", |v| list(v, provider))?,
        regions: o.with("regions", |v| list(v, region))?,
        hardware: o.with("hardware", |v| list(v, hardware))?,
        cpus: o.with("cpus", |v| list(v, cpu))?,
        instances: o.with("instances", |v| list(v, instance))?,
        constants: o.with("constants", constants)?,
    })
}

fn meta(v: &Node) -> Res<Meta> {
    let o = Obj::strict(v, "struct Meta")?;
    Ok(Meta {
        version: o.req("version")?,
        basis: o.req("basis")?,
    })
}

fn source(v: &Node) -> Res<Source> {
    let o = Obj::strict(v, "struct Source")?;
    Ok(Source {
        id: o.req("id")?,
        name: o.req("name")?,
        url: o.req("url")?,
        licence: o.req("lic")?,
        year: o.req("yr")?,
    })
}

fn zone(v: &Node) -> Res<Zone> {
    let o = Obj::strict(v, "struct Zone")?;
    Ok(Zone {
        id: o.req("id")?,
        name: o.req("name")?,
        country: o.req("cc")?,
        continent: o.req("ct")?,
        intensity: GramsPerKwh(o.req("ci")?),
        intensity_direct: o.opt("cid")?.map(GramsPerKwh),
        intensity_low: GramsPerKwh(o.req("lo")?),
        intensity_high: GramsPerKwh(o.req("hi")?),
        year: o.req("yr")?,
        source: o.req("src")?,
        fallback: o.or("fb", false)?,
    })
}

fn provider(v: &Node) -> Res<Provider> {
    let o = Obj::strict(v, "struct Provider")?;
    Ok(Provider {
        id: o.req("id")?,
        name: o.req("name")?,
        pue: Pue(o.req("pue")?),
        pue_low: Pue(o.req("pue_lo")?),
        pue_high: Pue(o.req("pue_hi")?),
        pue_src: o.req("pue_src")?,
        pue_yr: o.req("pue_yr")?,
        market_pct: o.opt("mkt")?.map(Percent),
        mkt_src: o.opt("mkt_src")?,
        mkt_yr: o.opt("mkt_yr")?,
    })
}

fn region(v: &Node) -> Res<Region> {
    let o = Obj::strict(v, "struct Region")?;
    Ok(Region {
        provider: o.req("p")?,
        code: o.req("code")?,
        name: o.req("name")?,
        location: o.req("loc")?,
        country: o.req("cc")?,
        zone: o.req("zone")?,
        intensity: GramsPerKwh(o.req("ci")?),
        intensity_low: GramsPerKwh(o.req("lo")?),
        intensity_high: GramsPerKwh(o.req("hi")?),
        year: o.req("yr")?,
        source: o.req("src")?,
        pue: o.opt("pue")?.map(Pue),
        pue_src: o.opt("pue_src")?,
        pue_yr: o.opt("pue_yr")?,
        cfe: o.opt("cfe")?.map(Percent),
    })
}

fn hardware(v: &Node) -> Res<Hardware> {
    let o = Obj::strict(v, "struct Hardware")?;
    Ok(Hardware {
        id: o.req("id")?,
        name: o.req("name")?,
        vendor: o.req("vendor")?,
        kind: o.req("kind")?,
        tdp: Watts(o.req("tdp")?),
        mem: o.opt("mem")?.map(Gigabytes),
        fp32: o.opt("fp32")?.map(Tflops),
        fp16: o.opt("fp16")?.map(Tflops),
        year: o.req("yr")?,
        source: o.req("src")?,
    })
}

fn cpu(v: &Node) -> Res<Cpu> {
    let o = Obj::strict(v, "struct Cpu")?;
    Ok(Cpu {
        id: o.req("id")?,
        name: o.req("name")?,
        vendor: o.req("vendor")?,
        tdp: Watts(o.req("tdp")?),
        cores: o.req("cores")?,
        year: o.req("yr")?,
        source: o.req("src")?,
    })
}

fn instance(v: &Node) -> Res<Instance> {
    let o = Obj::strict(v, "struct Instance")?;
    Ok(Instance {
        id: o.req("id")?,
        provider: o.req("p")?,
        hw: o.req("hw")?,
        n: o.req("n")?,
        vcpus: o.req("vcpus")?,
        cpu: o.opt("cpu")?,
        mem: Gigabytes(o.req("mem")?),
        year: o.req("yr")?,
        source: o.req("src")?,
    })
}

/// A [`Sourced`] number, wrapped in its unit by `unit`.
fn sourced<T>(v: &Node, unit: fn(f64) -> T) -> Res<Sourced<T>> {
    let o = Obj::strict(v, "struct Sourced")?;
    Ok(Sourced {
        value: unit(o.req("v")?),
        low: o.opt("lo")?.map(unit),
        high: o.opt("hi")?.map(unit),
        source: o.req("src")?,
        year: o.req("yr")?,
    })
}

fn equivalent(v: &Node) -> Res<Equivalent> {
    let o = Obj::strict(v, "struct Equivalent")?;
    Ok(Equivalent {
        id: o.req("id")?,
        label: o.req("label")?,
        kg_per_unit: KgCo2e(o.req("kg")?),
        source: o.req("src")?,
        year: o.req("yr")?,
    })
}

fn constants(v: &Node) -> Res<Constants> {
    let o = Obj::strict(v, "struct Constants")?;
    Ok(Constants {
        pue_default: o.with("pue_default", |v| sourced(v, Pue))?,
        mem_w_per_gb: o.with("mem_w_per_gb", |v| sourced(v, WattsPerGb))?,
        world_ci: o.with("world_ci", |v| sourced(v, GramsPerKwh))?,
        equivalents: o.with("equivalents", |v| list(v, equivalent))?,
    })
}

/// Everything in `extras.json`.
pub fn extras(v: &Node) -> Res<Extras> {
    let o = Obj::strict(v, "struct Extras")?;
    Ok(Extras {
        cid_src: o.req("cid_src")?,
        cid_yr: o.req("cid_yr")?,
        range_src: o.with("range_src", |v| list(v, leaf))?,
        hw: o.with("hw", |v| list(v, hardware_extra))?,
        pci: o.with("pci", |v| list(v, provider_intensity))?,
        inst_names: o.with("inst_names", |v| list(v, instance_name))?,
        missing: o.with("missing", |v| list(v, leaf))?,
        fixes: o.with("fixes", |v| list(v, leaf))?,
    })
}

fn hardware_extra(v: &Node) -> Res<HardwareExtra> {
    let o = Obj::strict(v, "struct HardwareExtra")?;
    Ok(HardwareExtra {
        id: o.req("id")?,
        lo: o.opt("lo")?.map(Watts),
        hi: o.opt("hi")?.map(Watts),
        avg: o.or("avg", false)?,
        tdp_src: o.opt("tdp_src")?,
    })
}

fn provider_intensity(v: &Node) -> Res<ProviderIntensity> {
    let o = Obj::strict(v, "struct ProviderIntensity")?;
    Ok(ProviderIntensity {
        p: o.req("p")?,
        code: o.req("code")?,
        ci: GramsPerKwh(o.req("ci")?),
        yr: o.req("yr")?,
        src: o.req("src")?,
    })
}

fn instance_name(v: &Node) -> Res<InstanceName> {
    let o = Obj::strict(v, "struct InstanceName")?;
    Ok(InstanceName {
        id: o.req("id")?,
        name: o.req("name")?,
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
