//! `data/raw/MANIFEST.csv`: the raw files the generator reads, each with its upstream repository,
//! commit, licence and SHA-256, so a copy can be checked against the upstream bytes.

use super::raw::read_csv;
use sha2::{Digest, Sha256};
use std::path::Path;

/// Every file listed in `raw/MANIFEST.csv` must exist under `raw/` with the listed SHA-256;
/// returns one line per problem (empty when all match).
pub fn problems(raw: &Path) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for row in read_csv(&raw.join("MANIFEST.csv"), 0)? {
        let rel = row.get("local_path");
        match std::fs::read(raw.join(rel)) {
            Ok(bytes) => {
                let hex: String = Sha256::digest(&bytes)
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect();
                if hex != row.get("sha256") {
                    out.push(format!("{rel}: SHA-256 {hex} differs from MANIFEST.csv"));
                }
            }
            Err(e) => out.push(format!("{rel}: {e}")),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The raw copies in the repository are byte-identical to the manifest (and so to upstream).
    #[test]
    fn raw_files_match_the_manifest() {
        let raw = super::super::repo_root().join("data").join("raw");
        let found = problems(&raw).unwrap_or_else(|e| panic!("{e}"));
        assert!(found.is_empty(), "{}", found.join("\n"));
    }

    /// Every raw file the source table names is in the manifest (so it travels with its hash).
    #[test]
    fn every_raw_file_is_in_the_manifest() {
        let data = super::super::repo_root().join("data");
        let listed: Vec<String> = read_csv(&data.join("raw").join("MANIFEST.csv"), 0)
            .unwrap_or_else(|e| panic!("{e}"))
            .iter()
            .map(|r| r.get("local_path").to_string())
            .collect();
        for row in
            read_csv(&data.join("curated").join("sources.csv"), 0).unwrap_or_else(|e| panic!("{e}"))
        {
            for rel in row.get("raw_files").split(';').filter(|s| !s.is_empty()) {
                assert!(listed.iter().any(|l| l == rel), "{rel} not in MANIFEST.csv");
            }
        }
    }
}
