//! Compact, diff-friendly JSON: one table row per line, integral numbers without `.0`.

use serde::Serialize;
use serde_json::{Number, Value};

/// Renders `value` with each top-level key on its own line and each row of a top-level array on
/// its own line. Everything else is compact. Object keys come out sorted, so output is stable.
pub fn render<T: Serialize>(value: &T) -> Result<String, String> {
    let mut v = serde_json::to_value(value).map_err(|e| e.to_string())?;
    integralise(&mut v);
    let Value::Object(map) = v else {
        return Err("top-level value must be an object".to_string());
    };
    let mut out = String::from("{\n");
    let mut first = true;
    for (key, val) in map {
        if !first {
            out.push_str(",\n");
        }
        first = false;
        out += &compact(&Value::String(key))?;
        out.push(':');
        match val {
            Value::Array(items) if !items.is_empty() => {
                out.push_str("[\n");
                let rows: Result<Vec<String>, String> = items.iter().map(compact).collect();
                out += &rows?.join(",\n");
                out.push_str("\n]");
            }
            other => out += &compact(&other)?,
        }
    }
    out.push_str("\n}\n");
    Ok(out)
}

fn compact(v: &Value) -> Result<String, String> {
    serde_json::to_string(v).map_err(|e| e.to_string())
}

/// Writes whole floats as integers (`300` not `300.0`): shorter, and still parses into `f64`.
fn integralise(v: &mut Value) {
    match v {
        Value::Number(n) => {
            if let Some(f) = n.as_f64() {
                if n.is_f64() && f.fract() == 0.0 && f.abs() < 1e15 {
                    *n = Number::from(f as i64);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(integralise),
        Value::Object(map) => map.values_mut().for_each(integralise),
        _ => {}
    }
}
