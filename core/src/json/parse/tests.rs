//! The JSON parser against `serde_json::from_str::<Value>`: the same trees from the same texts,
//! and the same error messages (with line and column) for broken ones.

use super::*;
use proptest::prelude::*;
use serde_json::Value;

/// Whether `node` is the tree serde_json read as `value`: numbers of the same kind and bits; an
/// object's members in serde_json's map (sorted, the last of duplicates).
fn same(node: &Node, value: &Value) -> bool {
    match (node, value) {
        (Node::Null, Value::Null) => true,
        (Node::Bool(a), Value::Bool(b)) => a == b,
        (Node::U64(a), Value::Number(b)) => b.is_u64() && b.as_u64() == Some(*a),
        (Node::I64(a), Value::Number(b)) => b.is_i64() && !b.is_u64() && b.as_i64() == Some(*a),
        (Node::F64(a), Value::Number(b)) => {
            b.is_f64() && b.as_f64().map(f64::to_bits) == Some(a.to_bits())
        }
        (Node::Str(a), Value::String(b)) => a == b,
        (Node::List(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
        }
        (Node::Obj(members), Value::Object(map)) => {
            let last = |k: &str| members.iter().rev().find(|(key, _)| key == k);
            map.iter()
                .all(|(k, v)| last(k).is_some_and(|(_, node)| same(node, v)))
                && members.iter().all(|(k, _)| map.contains_key(k.as_ref()))
        }
        _ => false,
    }
}

/// Both parse to the same tree, or both fail with the same message.
fn agrees(text: &str) -> Result<(), String> {
    let ours = parse(text).map_err(|e| e.to_string());
    let theirs = serde_json::from_str::<Value>(text).map_err(|e| e.to_string());
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) if same(a, b) => Ok(()),
        (Err(a), Err(b)) if a == b => Ok(()),
        _ => Err(format!("{text:?}: ours {ours:?}, serde_json {theirs:?}")),
    }
}

#[test]
fn reads_like_serde_json() {
    for text in [
        "null",
        " true ",
        "false",
        "0",
        "-0",
        "-0.0",
        "12",
        "-12",
        "1.5",
        "1e3",
        "1E-3",
        "2.5e+2",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "123456789012345678901234567890",
        "1e308",
        "1e309",
        "-1e309",
        "1e-400",
        "0e99999999999",
        "1e99999999999",
        "1e-99999999999",
        "0.0e2147483648",
        "4.9406564584124654e-324",
        "2.4703282292062328e-324",
        "2.4703282292062327e-324",
        "1.7976931348623157e308",
        "1.7976931348623159e308",
        "[]",
        "{}",
        "[1,[2,{}],\"x\"]",
        r#"{"a":1,"b":[true,false,null],"a":{"c":"d"}}"#,
        r#""caf\u00e9 \ud83d\ude00 \n\t\/\\\"""#,
        "\"ünïcödé ✓\"",
        "\n\r\t [1 ,\n 2 ]\n",
    ] {
        agrees(text).unwrap();
    }
}

#[test]
fn fails_like_serde_json() {
    for text in [
        "",
        " ",
        "n",
        "nul",
        "nulx",
        "tru",
        "fals",
        "x",
        "[",
        "[1",
        "[1,",
        "[1,]",
        "[1 2]",
        "[,1]",
        "]",
        "{",
        "{\"a\"",
        "{\"a\":",
        "{\"a\":1",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{1:2}",
        "{,}",
        "{\"a\":1 \"b\":2}",
        "{\"a\":1,2}",
        "1 2",
        "[1]]",
        "01",
        "-",
        "-x",
        "1.",
        "1.x",
        "1e",
        "1e+",
        "1ex",
        "+1",
        ".5",
        "1e9999999999",
        "1e309",
        "\"abc",
        "\"a\\",
        "\"a\\x\"",
        "\"\\u12\"",
        "\"\\u12g4\"",
        "\"\\udc00\"",
        "\"\\ud800\"",
        "\"\\ud800x\"",
        "\"\\ud800\\n\"",
        "\"\\ud800\\u0041\"",
        "\"a\u{1}b\"",
        "\"\\ud800\\",
        "[1,\n2,\n  x]",
        "{\"a\":[1,2}",
        "\u{feff}1",
        "NaN",
        "Infinity",
        "[1]x",
        "\"\\u00e9\\",
        "[\"a\"\n\n,  }",
    ] {
        agrees(text).unwrap();
    }
}

#[test]
fn nesting_is_limited_like_serde_json() {
    for depth in [126, 127, 128, 129, 100_000] {
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        agrees(&text).unwrap();
        let text = format!("{}{}", "{\"a\":".repeat(depth), "}".repeat(depth));
        agrees(&text).unwrap();
    }
}

/// Any JSON value (keys from a small set, so duplicates happen).
fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        r#"[a-z\\"\x00-\x1fé✓😀]{0,8}"#.prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(("[abc]{1,2}", inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// Text of `value` with some escapes written differently and whitespace added where allowed.
fn text() -> impl Strategy<Value = String> {
    (
        value(),
        any::<bool>(),
        prop::collection::vec(0..4usize, 0..64),
    )
        .prop_map(|(value, pretty, ws)| {
            let mut text = if pretty {
                serde_json::to_string_pretty(&value)
            } else {
                serde_json::to_string(&value)
            }
            .unwrap_or_default();
            // A \u escape for some characters, a space after some commas and colons.
            let mut out = String::new();
            let mut spaces = ws.into_iter().cycle();
            for c in text.drain(..) {
                match (c, spaces.next()) {
                    ('é', Some(0)) => out.push_str("\\u00E9"),
                    ('😀', Some(0)) => out.push_str("\\ud83d\\ude00"),
                    (',' | ':' | '[' | '{', Some(1)) => {
                        out.push(c);
                        out.push_str("\n\t ");
                    }
                    _ => out.push(c),
                }
            }
            out
        })
}

/// A text with a few bytes replaced, inserted or removed (kept valid UTF-8).
fn broken() -> impl Strategy<Value = String> {
    let edit = (
        any::<prop::sample::Index>(),
        0..3u8,
        prop::sample::select(
            "[]{}:,\"\\ .-+eE0159nultrfasx\u{1}é"
                .chars()
                .collect::<Vec<_>>(),
        ),
    );
    (text(), prop::collection::vec(edit, 1..4)).prop_map(|(text, edits)| {
        let mut chars: Vec<char> = text.chars().collect();
        for (at, kind, c) in edits {
            let i = at.index(chars.len() + 1);
            match kind {
                0 if i < chars.len() => chars[i] = c,
                1 if i < chars.len() => {
                    chars.remove(i);
                }
                _ => chars.insert(i, c),
            }
        }
        chars.into_iter().collect()
    })
}

/// Numbers in all of JSON's forms, from short to longer than any exact float.
fn number() -> impl Strategy<Value = String> {
    (
        "-?(0|[1-9][0-9]{0,30}|[1-9][0-9]{300,420})",
        "(\\.[0-9]{1,30})?",
        "([eE][+-]?[0-9]{1,4})?",
    )
        .prop_map(|(int, frac, exp)| format!("{int}{frac}{exp}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn documents_read_like_serde_json(text in text()) {
        prop_assert!(agrees(&text).is_ok(), "{}", agrees(&text).unwrap_err());
    }

    #[test]
    fn broken_documents_fail_like_serde_json(text in broken()) {
        prop_assert!(agrees(&text).is_ok(), "{}", agrees(&text).unwrap_err());
    }

    #[test]
    fn numbers_read_like_serde_json(n in number()) {
        let text = format!("[{n}]");
        prop_assert!(agrees(&text).is_ok(), "{}", agrees(&text).unwrap_err());
    }
}
