//! Writes the bundled copies of `data/dataset.json` and `data/extras.json` in column form.
//!
//! Why: the committed files keep one object per row, which reads and diffs well. The app embeds
//! the same values with every table turned into one array per member (`"zones":{"id":[…],
//! "ci":[…]}`): equal values sit next to each other, which compresses about 4 KB (gzip) better
//! and gives the parser fewer objects to build. `dataset::rows` reads both forms; a test checks
//! that they read equal. A member absent from a row is `null` in its column.

use serde_json::{Map, Value};
use std::path::Path;

fn main() {
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in ["dataset.json", "extras.json"] {
        let source = Path::new("../data").join(name);
        println!("cargo:rerun-if-changed={}", source.display());
        let text = std::fs::read_to_string(&source)
            .unwrap_or_else(|e| panic!("{}: {e}", source.display()));
        let value: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", source.display()));
        let columns = serde_json::to_string(&by_columns(value)).expect("JSON values serialise");
        std::fs::write(Path::new(&out).join(name), columns).expect("OUT_DIR is writable");
    }
}

/// The top-level arrays of objects turned into objects of arrays; everything else unchanged.
fn by_columns(value: Value) -> Value {
    let Value::Object(top) = value else {
        return value;
    };
    let mut result = Map::new();
    for (key, member) in top {
        let member = match member {
            Value::Array(rows) if !rows.is_empty() && rows.iter().all(Value::is_object) => {
                table(&rows)
            }
            other => other,
        };
        result.insert(key, member);
    }
    Value::Object(result)
}

/// One array per member name, in row order, `null` where a row lacks the member.
fn table(rows: &[Value]) -> Value {
    let mut columns = Map::new();
    for row in rows {
        for key in row.as_object().into_iter().flat_map(Map::keys) {
            columns
                .entry(key.clone())
                .or_insert_with(|| Value::Array(Vec::new()));
        }
    }
    for (key, column) in columns.iter_mut() {
        if let Value::Array(cells) = column {
            cells.extend(
                rows.iter()
                    .map(|r| r.get(key).cloned().unwrap_or(Value::Null)),
            );
        }
    }
    Value::Object(columns)
}
