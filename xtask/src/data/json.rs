//! Compact, diff-friendly JSON: one table row per line, sorted keys, whole numbers without `.0`.
//!
//! Why a hand-written writer: key order must not depend on whether some other crate in the build
//! turns on serde_json's `preserve_order` feature, or the output would change with the build.

use serde::Serialize;
use serde_json::Value;

/// Renders `value` with each top-level key on its own line and each row of a top-level array on
/// its own line; everything nested is compact. Keys are sorted at every level.
pub fn render<T: Serialize>(value: &T) -> Result<String, String> {
    let v = serde_json::to_value(value).map_err(|e| e.to_string())?;
    let Value::Object(map) = v else {
        return Err("top-level value must be an object".to_string());
    };
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort();
    let mut out = String::from("{\n");
    for (i, key) in keys.into_iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        write_string(&mut out, key)?;
        out.push(':');
        match &map[key] {
            Value::Array(items) if !items.is_empty() => {
                out.push_str("[\n");
                for (j, item) in items.iter().enumerate() {
                    if j > 0 {
                        out.push_str(",\n");
                    }
                    write_compact(&mut out, item)?;
                }
                out.push_str("\n]");
            }
            other => write_compact(&mut out, other)?,
        }
    }
    out.push_str("\n}\n");
    Ok(out)
}

fn write_string(out: &mut String, s: &str) -> Result<(), String> {
    out.push_str(&serde_json::to_string(s).map_err(|e| e.to_string())?);
    Ok(())
}

fn write_compact(out: &mut String, v: &Value) -> Result<(), String> {
    match v {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(out, k)?;
                out.push(':');
                write_compact(out, &map[k])?;
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_compact(out, item)?;
            }
            out.push(']');
        }
        Value::Number(n) => match n.as_f64() {
            // Whole floats as integers (`300` not `300.0`): shorter, and still parse into `f64`.
            Some(f) if n.is_f64() && f.fract() == 0.0 && f.abs() < 1e15 => {
                out.push_str(&format!("{}", f as i64))
            }
            _ => out.push_str(&n.to_string()),
        },
        other => out.push_str(&serde_json::to_string(other).map_err(|e| e.to_string())?),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_one_per_line_keys_sorted_whole_numbers_plain() {
        let v = serde_json::json!({"b": [{"z": 1.0, "a": 2.5}, {"y": "x"}], "a": {"k": 3.0}});
        let s = render(&v).expect("renders");
        assert_eq!(
            s,
            "{\n\"a\":{\"k\":3},\n\"b\":[\n{\"a\":2.5,\"z\":1},\n{\"y\":\"x\"}\n]\n}\n"
        );
    }
}
