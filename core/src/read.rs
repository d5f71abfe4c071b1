//! Reading typed values out of a parsed [`serde_json::Value`], a few shared helpers instead of
//! derived `Deserialize` (for [`crate::model::Inputs`], saved jobs and imported jobs; the bundled
//! dataset uses the faster borrowed tree of `dataset/tree.rs` with the same API).
//!
//! Why: a derived `Deserialize` is compiled once per deserializer and per container, and
//! internally tagged enums (`#[serde(tag = "kind")]`) buffer through serde's `Content` on top. In
//! the wasm build that was tens of KB. The `Value` parser is in the binary anyway, so the readers
//! parse to a `Value` once and walk it with these helpers, which are generic only over leaf types.
//!
//! What they keep from serde: leaves still go through serde (`f64::deserialize(&Value)` and so on),
//! so type errors read exactly as before ("invalid type: string \"x\", expected f64"); a missing
//! required member is "missing field `id`"; unknown members are ignored; a missing `Option` is
//! `None` and `null` is `None`; an unknown tag is "unknown variant `x`, expected one of …".
//! Errors say where they are (`jobs[3]: inputs: runs: invalid type: …`).
//!
//! What they drop: serde's positional form of a struct (a JSON array of its members in order),
//! which nothing ever wrote. A member given twice was already last-wins in a `Value`.

use serde::de::{DeserializeOwned, Error as _, Unexpected};
use serde_json::{Error, Map, Value};

/// What the readers return: serde_json's error, so messages match serde's own.
pub type Res<T> = Result<T, Error>;

/// A JSON object being read member by member.
#[derive(Clone, Copy)]
pub struct Obj<'a> {
    map: &'a Map<String, Value>,
}

/// The serde description of a JSON value in an "invalid type" error (`null`, `string "x"`, …).
fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

/// serde's "invalid type: <value>, expected <what>" for `value`.
pub fn invalid_type(value: &Value, what: &str) -> Error {
    Error::invalid_type(unexpected(value), &what)
}

/// A leaf value (number, string, bool, unit enum) read by its own `Deserialize`.
pub fn leaf<T: DeserializeOwned>(value: &Value) -> Res<T> {
    T::deserialize(value)
}

/// Every item of a JSON array, each read by `read`; an item's error is prefixed with its index.
pub fn list<T>(value: &Value, read: fn(&Value) -> Res<T>) -> Res<Vec<T>> {
    let Value::Array(items) = value else {
        return Err(invalid_type(value, "a sequence"));
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        out.push(read(item).map_err(|e| Error::custom(format_args!("[{i}]: {e}")))?);
    }
    Ok(out)
}

impl<'a> Obj<'a> {
    /// `value` as an object; otherwise serde's "invalid type" error, expecting `what` (e.g.
    /// `"struct Zone"`).
    pub fn new(value: &'a Value, what: &str) -> Res<Self> {
        match value {
            Value::Object(map) => Ok(Obj { map }),
            other => Err(invalid_type(other, what)),
        }
    }

    /// The member `key`, if present (even when `null`).
    pub fn get(self, key: &str) -> Option<&'a Value> {
        self.map.get(key)
    }

    /// The member `key` read by `read`; "missing field" when absent. A nested error is prefixed
    /// with the key, so it says where it is.
    pub fn with<T>(self, key: &'static str, read: fn(&Value) -> Res<T>) -> Res<T> {
        let value = self.get(key).ok_or_else(|| Error::missing_field(key))?;
        read(value).map_err(|e| {
            // A list's error already starts with the index: `hw[2]: …`, else `meta: …`.
            let e = e.to_string();
            let sep = if e.starts_with('[') { "" } else { ": " };
            Error::custom(format_args!("{key}{sep}{e}"))
        })
    }

    /// The member `key` read by `read`, or `default` when absent (`#[serde(default)]`).
    pub fn with_or<T>(self, key: &'static str, read: fn(&Value) -> Res<T>, default: T) -> Res<T> {
        match self.get(key) {
            Some(_) => self.with(key, read),
            None => Ok(default),
        }
    }

    /// A required leaf member; "missing field `key`" when absent.
    pub fn req<T: DeserializeOwned>(self, key: &'static str) -> Res<T> {
        self.with(key, leaf)
    }

    /// An optional leaf member: `None` when absent or `null`, as derived serde reads an `Option`.
    pub fn opt<T: DeserializeOwned>(self, key: &'static str) -> Res<Option<T>> {
        self.or(key, None)
    }

    /// A leaf member with a default for when it is absent (`#[serde(default)]`). A `null` is still
    /// a type error unless `T` is an `Option`, as with serde.
    pub fn or<T: DeserializeOwned>(self, key: &'static str, default: T) -> Res<T> {
        self.with_or(key, leaf, default)
    }

    /// The index in `names` of the variant that the `kind` member names, for an internally tagged
    /// enum (`#[serde(tag = "kind")]`).
    pub fn tag(self, names: &'static [&'static str]) -> Res<usize> {
        match self.get("kind") {
            None => Err(Error::missing_field("kind")),
            Some(Value::String(s)) => names
                .iter()
                .position(|n| n == s)
                .ok_or_else(|| Error::unknown_variant(s, names)),
            Some(other) => Err(invalid_type(other, "variant identifier")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn errors_read_like_serde() {
        let v = json!({"a": "x", "n": null, "l": [1, "two"]});
        let o = Obj::new(&v, "struct T").expect("an object");
        let msg = |e: Error| e.to_string();
        assert_eq!(msg(o.req::<f64>("b").unwrap_err()), "missing field `b`");
        assert_eq!(
            msg(o.req::<f64>("a").unwrap_err()),
            "a: invalid type: string \"x\", expected f64"
        );
        assert_eq!(o.opt::<f64>("n").ok(), Some(None));
        assert!(o.or("n", 1.0).is_err(), "null is not a number");
        assert_eq!(o.or("b", 1.0).ok(), Some(1.0));
        assert_eq!(
            msg(o.with("l", |v| list(v, leaf::<u32>)).unwrap_err()),
            "l[1]: invalid type: string \"two\", expected u32"
        );
        assert_eq!(
            msg(Obj::new(&json!(null), "struct T")
                .err()
                .expect("not an object")),
            "invalid type: null, expected struct T"
        );
        assert_eq!(msg(o.tag(&["x", "y"]).unwrap_err()), "missing field `kind`");
        let t = json!({"kind": "z"});
        let t = Obj::new(&t, "enum").expect("an object");
        assert_eq!(
            msg(t.tag(&["x", "y"]).unwrap_err()),
            "unknown variant `z`, expected `x` or `y`"
        );
    }
}
