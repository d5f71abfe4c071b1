//! Reading the raw files: CSV with BOMs, notes rows and ragged lines, and JSON.

use std::collections::BTreeMap;
use std::path::Path;

/// One CSV record keyed by (trimmed) header name.
#[derive(Debug, Clone, Default)]
pub struct Row {
    cells: BTreeMap<String, String>,
    /// The raw fields in file order, for files whose rows are misaligned.
    pub fields: Vec<String>,
}

impl Row {
    /// The trimmed cell under `col`, or "" when the column or cell is missing.
    pub fn get(&self, col: &str) -> &str {
        self.cells.get(col).map_or("", |s| s.trim())
    }

    /// The cell parsed as a number; `None` for empty, `NaN`, `unk` and other non-numbers.
    pub fn num(&self, col: &str) -> Option<f64> {
        parse_num(self.get(col))
    }
}

/// Parses a number cell; missing markers (`NaN`, `Nan`, `unk`, empty) give `None`.
pub fn parse_num(s: &str) -> Option<f64> {
    s.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Reads a whole file as UTF-8, dropping a leading byte-order mark.
pub fn read_text(path: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}

/// Reads a CSV file after skipping `skip` leading lines (Green Algorithms' units/notes row).
/// Rows may be ragged; blank rows are dropped.
pub fn read_csv(path: &Path, skip: usize) -> Result<Vec<Row>, String> {
    let text = read_text(path)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records().skip(skip);
    let header: Vec<String> = match records.next() {
        Some(h) => h
            .map_err(|e| format!("{}: {e}", path.display()))?
            .iter()
            .map(|s| s.trim().to_string())
            .collect(),
        None => return Err(format!("{}: empty file", path.display())),
    };
    let mut rows = Vec::new();
    for rec in records {
        let rec = rec.map_err(|e| format!("{}: {e}", path.display()))?;
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let fields: Vec<String> = rec.iter().map(str::to_string).collect();
        let cells = header
            .iter()
            .zip(fields.iter())
            .map(|(h, v)| (h.clone(), v.clone()))
            .collect();
        rows.push(Row { cells, fields });
    }
    Ok(rows)
}

/// Reads a JSON file.
pub fn read_json(path: &Path) -> Result<serde_json::Value, String> {
    serde_json::from_str(&read_text(path)?).map_err(|e| format!("{}: {e}", path.display()))
}

/// Rounds to `decimals` places so the bundled JSON carries no false precision.
pub fn round(v: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (v * f).round() / f
}
