//! Reading typed values out of JSON text without derived `Deserialize`: a small tree that borrows
//! from the text ([`Node`]) and a few shared helpers to walk it. Used for the bundled dataset, the
//! saved jobs and the draft, and JSON import.
//!
//! Why: a derived `Deserialize` is compiled once per deserializer and per container (every
//! `Vec<Row>` of the dataset got its own copy of the parser's sequence loop), and internally tagged
//! enums (`#[serde(tag = "kind")]`) buffer through serde's `Content` on top: over 90 KB of wasm.
//! Our own JSON parser builds the tree ([`parse`]); the readers are plain functions generic only
//! over leaf types.
//! Why not `serde_json::Value`: it allocates every key and a `BTreeMap` per object, which made the
//! dataset (about 10,000 members) parse twice as slow as derived code; here keys and unescaped
//! strings are borrowed and objects are short `Vec`s searched in order.
//!
//! What they keep from serde: type errors read like serde's ("invalid type: string \"x\",
//! expected f64"); a missing required member is "missing field `id`"; unknown members are ignored;
//! a missing `Option` is `None` and `null` is `None`; an unknown tag is "unknown variant `x`,
//! expected one of …". Errors say where they are (`jobs[3]: inputs: runs: invalid type: …`).
//! What they drop: serde's positional form of a struct (a JSON array of its members in order),
//! which nothing ever wrote.

use serde::de::{Deserializer, Error as _, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::Deserialize;
use serde_json::Error;
use std::borrow::Cow;
use std::fmt;

/// What the readers return: serde_json's error, so messages match serde's own.
pub type Res<T> = Result<T, Error>;

/// A parsed JSON value whose strings borrow from the text where they have no escapes.
#[derive(Debug)]
pub enum Node<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A non-negative integer.
    U64(u64),
    /// A negative integer.
    I64(i64),
    /// Any other number.
    F64(f64),
    /// A string.
    Str(Cow<'a, str>),
    /// An array.
    List(Vec<Node<'a>>),
    /// An object, members in text order.
    Obj(Vec<(Cow<'a, str>, Node<'a>)>),
}

mod parse;

/// Parses `json` into a [`Node`] tree (syntax errors carry line and column), accepting what
/// `serde_json::from_str` accepts, with its messages.
pub fn parse(json: &str) -> Res<Node<'_>> {
    parse::parse(json)
}

/// For `serde_json::from_str` of types read through a tree (tests compare it with [`parse`]); the
/// app itself parses with [`parse`], so serde_json's deserializer is not in its download.
impl<'de> Deserialize<'de> for Node<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Node<'de>, E> {
        Ok(Node::Bool(b))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Node<'de>, E> {
        Ok(Node::U64(n))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Node<'de>, E> {
        Ok(Node::I64(n))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Node<'de>, E> {
        Ok(Node::F64(n))
    }
    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Node<'de>, E> {
        Ok(Node::Str(Cow::Borrowed(s)))
    }
    fn visit_str<E>(self, s: &str) -> Result<Node<'de>, E> {
        Ok(Node::Str(Cow::Owned(s.to_owned())))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node<'de>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'de>, A::Error> {
        let mut members = Vec::new();
        // JSON keys are strings, so a key comes back as `Node::Str` (borrowed when unescaped).
        while let Some(key) = map.next_key::<Node<'de>>()? {
            let Node::Str(key) = key else {
                return Err(A::Error::custom("a key that is not a string"));
            };
            members.push((key, map.next_value()?));
        }
        Ok(Node::Obj(members))
    }
}

impl Node<'_> {
    /// serde's description of the node in an "invalid type" error.
    fn unexpected(&self) -> Unexpected<'_> {
        match self {
            Node::Null => Unexpected::Unit,
            Node::Bool(b) => Unexpected::Bool(*b),
            Node::U64(n) => Unexpected::Unsigned(*n),
            Node::I64(n) => Unexpected::Signed(*n),
            Node::F64(n) => Unexpected::Float(*n),
            Node::Str(s) => Unexpected::Str(s),
            Node::List(_) => Unexpected::Seq,
            Node::Obj(_) => Unexpected::Map,
        }
    }
}

/// A leaf type of the dataset, converted from a [`Node`] with serde's rules and messages.
pub trait Leaf: Sized {
    /// The value of `node`, or serde's "invalid type" / "invalid value" error.
    fn from_node(node: &Node) -> Res<Self>;
}

/// serde's "invalid type: <node>, expected <what>".
pub fn invalid(node: &Node, what: &str) -> Error {
    Error::invalid_type(node.unexpected(), &what)
}

impl Leaf for f64 {
    fn from_node(node: &Node) -> Res<f64> {
        match node {
            Node::U64(n) => Ok(*n as f64),
            Node::I64(n) => Ok(*n as f64),
            Node::F64(n) => Ok(*n),
            _ => Err(invalid(node, "f64")),
        }
    }
}

/// A whole number of type `T` (named `what`); out of range is serde's "invalid value".
fn whole<T: TryFrom<u64>>(node: &Node, what: &str) -> Res<T> {
    match node {
        Node::U64(n) => T::try_from(*n).map_err(|_| Error::invalid_value(node.unexpected(), &what)),
        Node::I64(_) => Err(Error::invalid_value(node.unexpected(), &what)),
        _ => Err(invalid(node, what)),
    }
}

impl Leaf for u16 {
    fn from_node(node: &Node) -> Res<u16> {
        whole(node, "u16")
    }
}

impl Leaf for u32 {
    fn from_node(node: &Node) -> Res<u32> {
        whole(node, "u32")
    }
}

impl Leaf for String {
    fn from_node(node: &Node) -> Res<String> {
        match node {
            Node::Str(s) => Ok(s.to_string()),
            _ => Err(invalid(node, "a string")),
        }
    }
}

impl Leaf for bool {
    fn from_node(node: &Node) -> Res<bool> {
        match node {
            Node::Bool(b) => Ok(*b),
            _ => Err(invalid(node, "a boolean")),
        }
    }
}

impl Leaf for u64 {
    fn from_node(node: &Node) -> Res<u64> {
        whole(node, "u64")
    }
}

/// `null` is `None`, anything else the value, as serde reads an `Option`.
impl<T: Leaf> Leaf for Option<T> {
    fn from_node(node: &Node) -> Res<Option<T>> {
        match node {
            Node::Null => Ok(None),
            _ => T::from_node(node).map(Some),
        }
    }
}

/// A leaf member's value (a function, to pass to [`list`] and [`Obj::with`]).
pub fn leaf<T: Leaf>(node: &Node) -> Res<T> {
    T::from_node(node)
}

/// `e` prefixed with the index of the array item it is in: `[2]: …`.
pub fn in_item(i: usize, e: Error) -> Error {
    Error::custom(format_args!("[{i}]: {e}"))
}

/// `e` prefixed with the member it is in. A list's error already starts with the index, which
/// then follows the key directly: `hw[2]: …`, else `meta: …`.
pub fn in_member(key: &str, e: Error) -> Error {
    let e = e.to_string();
    let sep = if e.starts_with('[') { "" } else { ": " };
    Error::custom(format_args!("{key}{sep}{e}"))
}

/// Every item of an array, each read by `read`; an item's error is prefixed with its index.
pub fn list<T>(node: &Node, read: fn(&Node) -> Res<T>) -> Res<Vec<T>> {
    let Node::List(items) = node else {
        return Err(Error::invalid_type(node.unexpected(), &"a sequence"));
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        out.push(read(item).map_err(|e| in_item(i, e))?);
    }
    Ok(out)
}

/// An object being read member by member.
#[derive(Clone, Copy)]
pub struct Obj<'n, 'a> {
    members: &'n [(Cow<'a, str>, Node<'a>)],
}

impl<'n, 'a> Obj<'n, 'a> {
    /// `node` as an object; otherwise "invalid type", expecting `what` (e.g. `"struct Zone"`). A
    /// member given twice counts once, the last one, as in a `serde_json::Value`.
    pub fn new(node: &'n Node<'a>, what: &str) -> Res<Self> {
        match node {
            Node::Obj(members) => Ok(Obj { members }),
            _ => Err(invalid(node, what)),
        }
    }

    /// Like [`Obj::new`], but a member given twice is "duplicate field", as derived
    /// `Deserialize` reading the text directly had it (the dataset).
    pub fn strict(node: &'n Node<'a>, what: &str) -> Res<Self> {
        let obj = Obj::new(node, what)?;
        for (i, (key, _)) in obj.members.iter().enumerate() {
            if obj.members[..i].iter().any(|(k, _)| k == key) {
                return Err(Error::custom(format_args!("duplicate field `{key}`")));
            }
        }
        Ok(obj)
    }

    /// The member `key`, if present (even when `null`); the last one if given twice.
    pub fn get(self, key: &str) -> Option<&'n Node<'a>> {
        self.members
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    /// The member `key` read by `read`; "missing field" when absent. A nested error is prefixed
    /// with the key.
    pub fn with<T>(self, key: &'static str, read: fn(&Node) -> Res<T>) -> Res<T> {
        let node = self.get(key).ok_or_else(|| Error::missing_field(key))?;
        read(node).map_err(|e| in_member(key, e))
    }

    /// The member `key` read by `read`, or `default` when absent (`#[serde(default)]`).
    pub fn with_or<T>(self, key: &'static str, read: fn(&Node) -> Res<T>, default: T) -> Res<T> {
        match self.get(key) {
            Some(_) => self.with(key, read),
            None => Ok(default),
        }
    }

    /// A required leaf member.
    pub fn req<T: Leaf>(self, key: &'static str) -> Res<T> {
        self.with(key, leaf)
    }

    /// An optional leaf member: `None` when absent or `null`, as derived serde reads an `Option`.
    pub fn opt<T: Leaf>(self, key: &'static str) -> Res<Option<T>> {
        self.or(key, None)
    }

    /// A leaf member with a default for when it is absent (`#[serde(default)]`).
    pub fn or<T: Leaf>(self, key: &'static str, default: T) -> Res<T> {
        self.with_or(key, leaf, default)
    }

    /// The index in `names` of the variant that the `kind` member names, for an internally tagged
    /// enum (`#[serde(tag = "kind")]`).
    pub fn tag(self, names: &'static [&'static str]) -> Res<usize> {
        match self.get("kind") {
            None => Err(Error::missing_field("kind")),
            Some(Node::Str(s)) => names
                .iter()
                .position(|n| n == s)
                .ok_or_else(|| Error::unknown_variant(s, names)),
            Some(other) => Err(invalid(other, "variant identifier")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::HardwareKind;

    fn first<T: Leaf>(json: &str) -> Result<T, String> {
        let node = parse(json).map_err(|e| e.to_string())?;
        let o = Obj::new(&node, "struct T").map_err(|e| e.to_string())?;
        o.req("a").map_err(|e| e.to_string())
    }

    #[test]
    fn leaves_read_like_serde() {
        assert_eq!(first::<f64>(r#"{"a":-3}"#), Ok(-3.0));
        assert_eq!(first::<String>(r#"{"a":"caf\u00e9"}"#), Ok("café".into()));
        assert_eq!(
            first::<u16>(r#"{"a":70000}"#),
            Err("a: invalid value: integer `70000`, expected u16".into())
        );
        assert_eq!(
            first::<u32>(r#"{"a":1.5}"#),
            Err("a: invalid type: floating point `1.5`, expected u32".into())
        );
        assert_eq!(
            first::<HardwareKind>(r#"{"a":"fpga"}"#),
            Err("a: unknown variant `fpga`, expected one of `gpu`, `tpu`, `npu`, `soc`".into())
        );
        assert_eq!(
            first::<f64>(r#"{"a":1,"a":2}"#),
            Ok(2.0),
            "the last one counts"
        );
        let twice = parse(r#"{"a":1,"a":2}"#).expect("JSON");
        assert_eq!(
            Obj::strict(&twice, "struct T").err().map(|e| e.to_string()),
            Some("duplicate field `a`".into())
        );
        assert_eq!(first::<Option<u64>>(r#"{"a":null}"#), Ok(None));
        let tagged = parse(r#"{"kind":"z"}"#).expect("JSON");
        let tagged = Obj::new(&tagged, "enum").expect("an object");
        assert_eq!(
            tagged.tag(&["x", "y"]).map_err(|e| e.to_string()),
            Err("unknown variant `z`, expected `x` or `y`".into())
        );
        let untagged = parse("{}").expect("JSON");
        let untagged = Obj::new(&untagged, "enum").expect("an object");
        assert_eq!(
            untagged.tag(&["x"]).map_err(|e| e.to_string()),
            Err("missing field `kind`".into())
        );
        assert_eq!(first::<bool>(r#"{"b":1}"#), Err("missing field `a`".into()));
        assert!(first::<f64>(r#"{"a":"#).is_err_and(|e| e.contains("line 1")));
    }
}
