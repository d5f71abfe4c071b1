//! Reading [`Inputs`] out of parsed JSON (saved jobs, the draft, JSON import), with the rules
//! derived serde had.
//!
//! Why by hand: the three `#[serde(tag = "kind")]` enums made derived `Deserialize` buffer every
//! member through serde's `Content` and compile a field matcher per variant (about 25 KB of wasm).
//! Every caller already holds a parsed [`Node`], so this walks it with [`crate::json`].
//!
//! The rules kept: every member of [`Inputs`] and [`CpuInput`] defaults to the value of
//! `Default::default()` when absent (`#[serde(default)]`); an `Option` member is `None` when absent
//! or `null`; the members of a variant are required except `data_centre` (default `unknown`);
//! `kind` names the variant in snake case; unknown members are ignored.

use super::LifecycleInputs;
use super::{ComputeInput, CpuInput, DataCentre, DurationInput, Inputs, JobKind, LocationInput};
use crate::json::{invalid, Leaf, Node, Obj, Res};
use serde::de::{Deserialize, Deserializer, Error as _};
use serde_json::Error;

impl Inputs {
    /// Reads inputs from a parsed JSON object; the error reads like serde's (e.g. "runs: invalid
    /// type: string \"x\", expected f64").
    pub fn read(value: &Node) -> Res<Inputs> {
        let o = Obj::new(value, "struct Inputs")?;
        let d = Inputs::default();
        Ok(Inputs {
            compute: o.with_or("compute", compute, d.compute)?,
            power_w: o.opt("power_w")?,
            utilization_pct: o.opt("utilization_pct")?,
            job_kind: o.or("job_kind", d.job_kind)?,
            cpu: o.with_or("cpu", cpu, None)?,
            memory_gb: o.opt("memory_gb")?,
            duration: o.with_or("duration", duration, d.duration)?,
            runs: o.or("runs", d.runs)?,
            location: o.with_or("location", location, d.location)?,
            pue: o.opt("pue")?,
            market_pct: o.opt("market_pct")?,
            lifecycle: o.with_or("lifecycle", lifecycle, d.lifecycle)?,
        })
    }
}

/// Through a [`Node`], so `serde_json::from_str::<Inputs>` follows the rules of [`Inputs::read`].
impl<'de> Deserialize<'de> for Inputs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Node::deserialize(deserializer)?;
        Inputs::read(&value).map_err(D::Error::custom)
    }
}

/// `"personal"` or `"unknown"`; also `{"personal": null}`, the map form serde accepts for a unit
/// variant.
impl Leaf for DataCentre {
    fn from_node(node: &Node) -> Res<DataCentre> {
        const NAMES: &[&str] = &["personal", "unknown"];
        let name = match node {
            Node::Str(s) => s,
            Node::Obj(members) => match members.as_slice() {
                [(name, Node::Null)] => name,
                _ => return Err(invalid(node, "enum DataCentre")),
            },
            _ => return Err(invalid(node, "enum DataCentre")),
        };
        match name.as_ref() {
            "personal" => Ok(DataCentre::Personal),
            "unknown" => Ok(DataCentre::Unknown),
            other => Err(Error::unknown_variant(other, NAMES)),
        }
    }
}

/// `"unknown"`, `"pretrain"` or `"finetune"`.
impl Leaf for JobKind {
    fn from_node(node: &Node) -> Res<JobKind> {
        const NAMES: &[&str] = &["unknown", "pretrain", "finetune"];
        let Node::Str(s) = node else {
            return Err(invalid(node, "enum JobKind"));
        };
        JobKind::from_id(s).ok_or_else(|| Error::unknown_variant(s, NAMES))
    }
}

/// The life-cycle overrides: `null` is no override, like an absent member.
fn lifecycle(v: &Node) -> Res<LifecycleInputs> {
    match v {
        Node::Null => Ok(LifecycleInputs::default()),
        _ => LifecycleInputs::read(v),
    }
}

fn compute(v: &Node) -> Res<ComputeInput> {
    let o = Obj::new(v, "internally tagged enum ComputeInput")?;
    Ok(match o.tag(&["hardware", "instance"])? {
        0 => ComputeInput::Hardware {
            id: o.req("id")?,
            devices: o.req("devices")?,
        },
        _ => ComputeInput::Instance {
            id: o.req("id")?,
            count: o.req("count")?,
        },
    })
}

/// An optional CPU: `null` is `None`, as for any `Option` member.
fn cpu(v: &Node) -> Res<Option<CpuInput>> {
    if matches!(v, Node::Null) {
        return Ok(None);
    }
    let o = Obj::new(v, "struct CpuInput")?;
    let d = CpuInput::default();
    Ok(Some(CpuInput {
        id: o.or("id", d.id)?,
        cores: o.or("cores", d.cores)?,
        usage_pct: o.or("usage_pct", d.usage_pct)?,
    }))
}

fn duration(v: &Node) -> Res<DurationInput> {
    let o = Obj::new(v, "internally tagged enum DurationInput")?;
    Ok(match o.tag(&["hours", "flops", "training"])? {
        0 => DurationInput::Hours {
            hours: o.req("hours")?,
        },
        1 => DurationInput::Flops {
            flops: o.req("flops")?,
            mfu_pct: o.req("mfu_pct")?,
        },
        _ => DurationInput::Training {
            parameters: o.req("parameters")?,
            tokens: o.req("tokens")?,
            mfu_pct: o.req("mfu_pct")?,
        },
    })
}

fn location(v: &Node) -> Res<LocationInput> {
    let o = Obj::new(v, "internally tagged enum LocationInput")?;
    Ok(match o.tag(&["cloud", "zone", "custom"])? {
        0 => LocationInput::Cloud {
            provider: o.req("provider")?,
            region: o.req("region")?,
        },
        1 => LocationInput::Zone {
            zone: o.req("zone")?,
            data_centre: o.or("data_centre", DataCentre::default())?,
        },
        _ => LocationInput::Custom {
            intensity: o.req("intensity")?,
            data_centre: o.or("data_centre", DataCentre::default())?,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(v: serde_json::Value) -> Result<Inputs, String> {
        let text = v.to_string();
        let node = crate::json::parse(&text).map_err(|e| e.to_string())?;
        Inputs::read(&node).map_err(|e| e.to_string())
    }

    #[test]
    fn absent_members_default_and_null_options_are_none() {
        assert_eq!(read(json!({})), Ok(Inputs::default()));
        let cpu = read(json!({"cpu": {"cores": 4}, "power_w": null, "other": 1}));
        let expected = CpuInput {
            cores: 4.0,
            ..CpuInput::default()
        };
        assert_eq!(cpu.map(|i| (i.cpu, i.power_w)), Ok((Some(expected), None)));
        assert_eq!(read(json!({"cpu": null})), Ok(Inputs::default()));
        assert!(read(json!({"runs": null})).is_err(), "null is not a number");
    }

    #[test]
    fn variants_are_named_by_kind() {
        let v = json!({
            "compute": {"kind": "instance", "id": "p4d.24xlarge", "count": 2},
            "duration": {"kind": "training", "parameters": 1e9, "tokens": 2e10, "mfu_pct": 40},
            "location": {"kind": "zone", "zone": "FR"},
        });
        let i = read(v).expect("valid inputs");
        assert_eq!(
            i.location,
            LocationInput::Zone {
                zone: "FR".into(),
                data_centre: DataCentre::Unknown
            }
        );
        assert_eq!(serde_json::to_value(&i).ok().map(read), Some(Ok(i)));
        assert_eq!(
            read(json!({"compute": {"kind": "gpu"}})),
            Err("compute: unknown variant `gpu`, expected `hardware` or `instance`".into())
        );
        assert_eq!(
            read(json!({"duration": {"hours": 3}})),
            Err("duration: missing field `kind`".into())
        );
        assert_eq!(
            read(json!({"location": {"kind": "custom", "data_centre": "personal"}})),
            Err("location: missing field `intensity`".into())
        );
    }
}
