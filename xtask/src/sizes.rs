//! Sizes of the release build: what a visitor downloads, raw and gzip-compressed.

use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::Path;

/// Size of one category of files.
#[derive(Debug, Default, Clone, Copy)]
pub struct Size {
    /// Bytes on disk.
    pub raw: u64,
    /// Bytes after gzip -9 (what a static host typically serves).
    pub gzip: u64,
    /// Bytes after brotli quality 11 (what a CDN may serve).
    pub brotli: u64,
}

fn gzip_len(bytes: &[u8]) -> u64 {
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    // Writing to a Vec cannot fail.
    let _ = enc.write_all(bytes);
    enc.finish().map(|v| v.len() as u64).unwrap_or(0)
}

fn brotli_len(bytes: &[u8]) -> u64 {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    match brotli::BrotliCompress(&mut &bytes[..], &mut out, &params) {
        Ok(_) => out.len() as u64,
        Err(_) => 0,
    }
}

fn category(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "wasm" => "wasm",
        "js" => "js",
        "css" => "css",
        "html" => "html",
        "json" | "webmanifest" => "json",
        _ => "other",
    }
}

/// Walks `dist` and returns (category, size) rows plus the total.
pub fn measure(dist: &Path) -> Result<Vec<(&'static str, Size)>, String> {
    let mut rows: Vec<(&'static str, Size)> = ["wasm", "js", "css", "html", "json", "other"]
        .iter()
        .map(|c| (*c, Size::default()))
        .collect();
    let mut stack = vec![dist.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let cat = category(&path);
            if let Some(row) = rows.iter_mut().find(|(c, _)| *c == cat) {
                row.1.raw += bytes.len() as u64;
                row.1.gzip += gzip_len(&bytes);
                row.1.brotli += brotli_len(&bytes);
            }
        }
    }
    let total = rows.iter().fold(Size::default(), |acc, (_, s)| Size {
        raw: acc.raw + s.raw,
        gzip: acc.gzip + s.gzip,
        brotli: acc.brotli + s.brotli,
    });
    rows.push(("total", total));
    Ok(rows)
}

/// Prints the size table.
pub fn print(rows: &[(&'static str, Size)]) {
    println!(
        "{:<8} {:>12} {:>12} {:>12}",
        "file", "raw (KB)", "gzip (KB)", "brotli (KB)"
    );
    for (name, s) in rows {
        println!(
            "{:<8} {:>12.2} {:>12.2} {:>12.2}",
            name,
            s.raw as f64 / 1024.0,
            s.gzip as f64 / 1024.0,
            s.brotli as f64 / 1024.0
        );
    }
}

/// The download budget: total gzip of the release build, KB (1 KB = 1024 bytes). The developers'
/// guide sets it; `cargo xtask test` fails above it and `cargo xtask bench` prints it.
pub const DOWNLOAD_BUDGET_KB: f64 = 320.0;

/// The total gzip size in KB, or an error naming the budget when it is exceeded. Deterministic
/// (same build, same bytes), so it is a gate of the test command, not only a printout.
pub fn gate(rows: &[(&'static str, Size)]) -> Result<f64, String> {
    let total = rows
        .iter()
        .find(|(n, _)| *n == "total")
        .map_or(0, |(_, s)| s.gzip) as f64
        / 1024.0;
    if total <= DOWNLOAD_BUDGET_KB {
        println!("total download {total:.2} KB gzip: within the {DOWNLOAD_BUDGET_KB} KB budget");
        Ok(total)
    } else {
        Err(format!(
            "total download {total:.2} KB gzip exceeds the {DOWNLOAD_BUDGET_KB} KB budget"
        ))
    }
}
