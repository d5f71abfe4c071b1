//! Stamps `dist/sw.js` after `trunk build`: the build hash (cache name) and the precache list.
//!
//! Why: the service worker must precache exactly the files of this build (their names carry
//! Trunk's content hashes) and use a cache name that changes with every build, so a new build
//! replaces the old cache cleanly. Only the build knows both, so the worker ships with two
//! placeholders that this rewrites: `__BUILD_HASH__` and `["__PRECACHE__"]`.

use std::path::{Path, PathBuf};

const HASH_PLACEHOLDER: &str = "__BUILD_HASH__";
const LIST_PLACEHOLDER: &str = "[\"__PRECACHE__\"]";
const WORKER: &str = "sw.js";

/// Every file under `dir`, as sorted `/`-separated paths relative to `dir`.
fn files(dir: &Path) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(rel) = path.strip_prefix(dir) {
                let parts: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                out.push(parts.join("/"));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// FNV-1a (64 bit): enough to tell builds apart; not a security hash.
fn fnv1a(hash: &mut u64, bytes: &[u8]) {
    for b in bytes {
        *hash ^= u64::from(*b);
        *hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
}

/// Rewrites `dist/sw.js` in place; the build hash.
pub fn stamp(dist: &Path) -> Result<String, String> {
    let worker = dist.join(WORKER);
    let source = std::fs::read_to_string(&worker)
        .map_err(|e| format!("{}: {e} (is sw.js copied by index.html?)", worker.display()))?;
    if !source.contains(HASH_PLACEHOLDER) || !source.contains(LIST_PLACEHOLDER) {
        return Err(format!(
            "{} has no {HASH_PLACEHOLDER} / {LIST_PLACEHOLDER} placeholder (stamped twice?)",
            worker.display()
        ));
    }
    let list: Vec<String> = files(dist)?.into_iter().filter(|f| f != WORKER).collect();
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    for file in &list {
        fnv1a(&mut hash, file.as_bytes());
        fnv1a(&mut hash, &[0]);
        let bytes = std::fs::read(dist.join(file)).map_err(|e| format!("{file}: {e}"))?;
        fnv1a(&mut hash, &bytes);
    }
    let hash = format!("{hash:016x}");
    let json = serde_json::to_string(&list).map_err(|e| e.to_string())?;
    let stamped = source
        .replace(HASH_PLACEHOLDER, &hash)
        .replace(LIST_PLACEHOLDER, &json);
    std::fs::write(&worker, stamped).map_err(|e| format!("{}: {e}", worker.display()))?;
    Ok(hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_hash_and_file_list_and_changes_with_content() {
        let dir = std::env::temp_dir().join(format!("mlcalc-sw-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("icons")).unwrap();
        let template = "const BUILD = '__BUILD_HASH__';\nconst PRECACHE = [\"__PRECACHE__\"];\n";
        std::fs::write(dir.join("sw.js"), template).unwrap();
        std::fs::write(dir.join("index.html"), "<html>").unwrap();
        std::fs::write(dir.join("icons").join("a.png"), [1u8, 2]).unwrap();
        let first = stamp(&dir).unwrap();
        let out = std::fs::read_to_string(dir.join("sw.js")).unwrap();
        assert!(out.contains(&format!("const BUILD = '{first}';")), "{out}");
        assert!(
            out.contains(r#"const PRECACHE = ["icons/a.png","index.html"];"#),
            "{out}"
        );
        assert!(
            stamp(&dir).is_err(),
            "a stamped worker has no placeholder left"
        );
        std::fs::write(dir.join("sw.js"), template).unwrap();
        std::fs::write(dir.join("index.html"), "<html lang=en>").unwrap();
        assert_ne!(stamp(&dir).unwrap(), first, "a new build gets a new cache");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
