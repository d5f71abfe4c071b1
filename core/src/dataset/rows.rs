//! Reading the dataset's rows out of the parsed JSON, member by member.
//!
//! Why by hand: derived `Deserialize` compiled the JSON parser's sequence loop once per row type
//! (about 45 KB of wasm for the dataset alone); a walk over the borrowed [`crate::json`] tree is a
//! fraction of that and parses the bundled file in about the same time. A table is read in either
//! form ([`table`]: rows or columns); a member given twice is an error, as it was with derived code. The keys are
//! the serde names of [`super::types`] (`#[serde(rename)]`), which still serialise the rows; `core/tests/dataset.rs` checks that a serialised dataset reads back equal.

use super::evidence::{DrawProfile, MeteredRun};
use super::extras::{
    Extras, HardwareExtra, InstanceName, ProviderIntensity, RegionNote, ZoneDirect,
};
use super::row::{object, table, Row};
use super::types::{
    Constants, Cpu, Dataset, Equivalent, Hardware, HardwareKind, Instance, Meta, Provider, Region,
    Source, Sourced, Zone,
};
use crate::json::{invalid, leaf, list, Leaf, Node, Res};
use crate::units::{
    Gigabytes, GramsPerKwh, Hours, KgCo2e, Kwh, Percent, Pue, Tflops, Watts, WattsPerGb,
};
use serde::de::Error as _;
use serde_json::Error;

/// The whole dataset.
pub fn dataset(v: &Node) -> Res<Dataset> {
    object(v, "struct Dataset", dataset_members)
}

fn dataset_members(o: &Row) -> Res<Dataset> {
    o.done(Dataset {
        meta: o.with("meta", |v| object(v, "struct Meta", meta)),
        sources: o.with("sources", |v| table(v, "struct Source", source)),
        zones: o.with("zones", |v| table(v, "struct Zone", zone)),
        providers: o.with("providers", |v| table(v, "struct Provider", provider)),
        regions: o.with("regions", |v| table(v, "struct Region", region)),
        hardware: o.with("hardware", |v| table(v, "struct Hardware", hardware)),
        cpus: o.with("cpus", |v| table(v, "struct Cpu", cpu)),
        instances: o.with("instances", |v| table(v, "struct Instance", instance)),
        constants: o.with("constants", |v| object(v, "struct Constants", constants)),
        // Optional so a dataset written before the section existed still reads.
        lifecycle: o.with_or("lifecycle", super::lifecycle::read),
        serving: o.with_or("serving", super::serving::read),
        draw: o.with("draw", |v| table(v, "struct DrawProfile", draw_profile)),
        metered: o.with("metered", |v| table(v, "struct MeteredRun", metered_run)),
    })
}

fn draw_profile(o: &Row) -> Res<DrawProfile> {
    o.done(DrawProfile {
        kind: o.req("kind"),
        label: o.req("label"),
        typical: Percent(o.req("typ")),
        low: Percent(o.req("lo")),
        high: Percent(o.req("hi")),
        basis: o.req("basis"),
        year: o.req("yr"),
        source: o.req("src"),
    })
}

fn metered_run(o: &Row) -> Res<MeteredRun> {
    o.done(MeteredRun {
        id: o.req("id"),
        name: o.req("name"),
        hw: o.req("hw"),
        devices: o.req("n"),
        hours: Hours(o.req("h")),
        energy: Kwh(o.req("kwh")),
        covers: o.req("cov"),
        kind: o.req("kind"),
        year: o.req("yr"),
        source: o.req("src"),
    })
}

fn meta(o: &Row) -> Res<Meta> {
    o.done(Meta {
        version: o.req("version"),
        basis: o.req("basis"),
    })
}

fn source(o: &Row) -> Res<Source> {
    o.done(Source {
        id: o.req("id"),
        name: o.req("name"),
        url: o.req("url"),
        licence: o.req("lic"),
        year: o.req("yr"),
    })
}

fn zone(o: &Row) -> Res<Zone> {
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

fn provider(o: &Row) -> Res<Provider> {
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
        mkt_kind: o.opt("mkt_kind"),
    })
}

fn region(o: &Row) -> Res<Region> {
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

fn hardware(o: &Row) -> Res<Hardware> {
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
        mean_low: o.opt("mlo").map(Watts),
        mean_high: o.opt("mhi").map(Watts),
    })
}

fn cpu(o: &Row) -> Res<Cpu> {
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

fn instance(o: &Row) -> Res<Instance> {
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
fn sourced<T: Default>(o: &Row, unit: fn(f64) -> T) -> Res<Sourced<T>> {
    o.done(Sourced {
        value: unit(o.req("v")),
        low: o.opt("lo").map(unit),
        high: o.opt("hi").map(unit),
        source: o.req("src"),
        year: o.req("yr"),
    })
}

fn equivalent(o: &Row) -> Res<Equivalent> {
    o.done(Equivalent {
        id: o.req("id"),
        label: o.req("label"),
        kg_per_unit: KgCo2e(o.req("kg")),
        source: o.req("src"),
        year: o.req("yr"),
    })
}

fn constants(o: &Row) -> Res<Constants> {
    o.done(Constants {
        pue_default: o.with("pue_default", |v| {
            object(v, "struct Sourced", |o| sourced(o, Pue))
        }),
        mem_w_per_gb: o.with("mem_w_per_gb", |v| {
            object(v, "struct Sourced", |o| sourced(o, WattsPerGb))
        }),
        world_ci: o.with("world_ci", |v| {
            object(v, "struct Sourced", |o| sourced(o, GramsPerKwh))
        }),
        equivalents: o.with("equivalents", |v| table(v, "struct Equivalent", equivalent)),
    })
}

/// Everything in `extras.json`.
pub fn extras(v: &Node) -> Res<Extras> {
    object(v, "struct Extras", extras_members)
}

fn extras_members(o: &Row) -> Res<Extras> {
    o.done(Extras {
        cid_src: o.req("cid_src"),
        cid_yr: o.req("cid_yr"),
        range_src: o.with("range_src", |v| list(v, leaf)),
        hw: o.with("hw", |v| table(v, "struct HardwareExtra", hardware_extra)),
        pci: o.with("pci", |v| {
            table(v, "struct ProviderIntensity", provider_intensity)
        }),
        inst_names: o.with("inst_names", |v| {
            table(v, "struct InstanceName", instance_name)
        }),
        missing: o.with("missing", |v| list(v, leaf)),
        fixes: o.with("fixes", |v| list(v, leaf)),
        range_note: o.req("range_note"),
        zsrc: o.with("zsrc", |v| table(v, "struct RegionNote", region_note)),
        why: o.with("why", |v| table(v, "struct RegionNote", region_note)),
        direct: o.with("direct", |v| table(v, "struct ZoneDirect", zone_direct)),
    })
}

fn region_note(o: &Row) -> Res<RegionNote> {
    o.done(RegionNote {
        p: o.req("p"),
        code: o.req("code"),
        note: o.req("note"),
    })
}

fn zone_direct(o: &Row) -> Res<ZoneDirect> {
    o.done(ZoneDirect {
        id: o.req("id"),
        d: GramsPerKwh(o.req("d")),
        l: GramsPerKwh(o.req("l")),
    })
}

fn hardware_extra(o: &Row) -> Res<HardwareExtra> {
    o.done(HardwareExtra {
        id: o.req("id"),
        lo: o.opt("lo").map(Watts),
        hi: o.opt("hi").map(Watts),
        avg: o.or("avg", false),
        tdp_src: o.opt("tdp_src"),
    })
}

fn provider_intensity(o: &Row) -> Res<ProviderIntensity> {
    o.done(ProviderIntensity {
        p: o.req("p"),
        code: o.req("code"),
        ci: GramsPerKwh(o.req("ci")),
        yr: o.req("yr"),
        src: o.req("src"),
    })
}

fn instance_name(o: &Row) -> Res<InstanceName> {
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
