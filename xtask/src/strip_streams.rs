//! Drops the three JavaScript stream classes (`IntoUnderlyingSink`, `IntoUnderlyingSource`,
//! `IntoUnderlyingByteSource`) that the release build carries but never uses.
//!
//! Why: `leptos` always enables `server_fn`'s `browser` feature, which links `wasm-streams`, whose
//! classes are `#[wasm_bindgen]` exports. Exports are roots for every dead-code pass, so their
//! methods and the stream and future code behind them stayed in the WebAssembly (about 2 KB of
//! gzip) and their classes in the glue, although this app has no server functions and never
//! creates a stream. Here, after `trunk build`: the exports are removed from the module, wasm-opt
//! runs again (same flags as Trunk's run, see `index.html`) to drop the code only they reached,
//! the classes and their finalization registries are cut from the glue, and the module's
//! Subresource-Integrity hash in `index.html` is rewritten (the glue's is rewritten when it is
//! minified, next).
//!
//! Nothing else refers to the classes (checked: the glue must hold no other mention of them
//! afterwards, else the build fails).

use crate::cmd::{run, Cmd};
use crate::minify_js::{app_file, glue_name, set_integrity, sri_sha384};
use std::path::Path;

/// The classes, as the glue names them; their wasm exports are the lower-cased names followed by
/// `_` (methods) or preceded by `__wbg_` (the destructor, `__wbg_<name>_free`).
const CLASSES: [&str; 3] = [
    "IntoUnderlyingByteSource",
    "IntoUnderlyingSink",
    "IntoUnderlyingSource",
];

/// wasm-opt's flags: Trunk's (`data-wasm-opt="z"` and `data-wasm-opt-params` in `index.html`).
const WASM_OPT_ARGS: [&str; 2] = ["-Oz", "--low-memory-unused"];

/// The glue's `ReadableStreamType` enum, used only by the byte source's `type` getter.
const STREAM_TYPE_ENUM: &str = "const __wbindgen_enum_ReadableStreamType = [\"bytes\"];\n";

/// Strips the classes from the module and the glue in `dist` (see the module documentation).
pub fn strip(dist: &Path, wasm_opt: &Path) -> Result<(), String> {
    let wasm_name = app_file(dist, "_bg.wasm")?;
    let wasm_path = dist.join(&wasm_name);
    let module = read(&wasm_path)?;
    let (module, removed) = without_exports(&module, &is_stream_export)?;
    if removed == 0 {
        return Ok(());
    }
    write(&wasm_path, &module)?;
    run(Cmd::new(wasm_opt.join("wasm-opt"))
        .args(WASM_OPT_ARGS)
        .arg("--output")
        .arg(&wasm_path)
        .arg(&wasm_path))?;

    let glue_path = dist.join(glue_name(dist)?);
    let glue = String::from_utf8(read(&glue_path)?).map_err(|e| e.to_string())?;
    write(&glue_path, without_classes(&glue)?.as_bytes())?;

    let index = dist.join("index.html");
    let html = String::from_utf8(read(&index)?).map_err(|e| e.to_string())?;
    let html = set_integrity(&html, &wasm_name, &sri_sha384(&read(&wasm_path)?))?;
    write(&index, html.as_bytes())
}

/// True for an export of one of [`CLASSES`].
fn is_stream_export(name: &str) -> bool {
    CLASSES.iter().any(|class| {
        let lower = class.to_ascii_lowercase();
        name.starts_with(&format!("{lower}_")) || name == format!("__wbg_{lower}_free")
    })
}

/// `glue` without the classes, their `Symbol.dispose` aliases and finalization registries.
pub fn without_classes(glue: &str) -> Result<String, String> {
    let mut out = glue.replacen(STREAM_TYPE_ENUM, "", 1);
    for class in CLASSES {
        out = cut_block(&out, &format!("export class {class} {{"), "\n}\n")?;
        out = cut_block(
            &out,
            &format!("if (Symbol.dispose) {class}.prototype"),
            ";\n",
        )?;
        out = cut_block(&out, &format!("const {class}Finalization = "), ");\n")?;
        if out.contains(class) {
            return Err(format!(
                "the glue still refers to {class} after stripping it"
            ));
        }
    }
    Ok(out)
}

/// `text` without the first span that starts with `start` and ends with the first `end` after it.
fn cut_block(text: &str, start: &str, end: &str) -> Result<String, String> {
    let from = text
        .find(start)
        .ok_or_else(|| format!("the glue has no `{start}`"))?;
    let to = text[from..]
        .find(end)
        .map(|i| from + i + end.len())
        .ok_or_else(|| format!("the glue's `{start}` does not end"))?;
    Ok(format!("{}{}", &text[..from], &text[to..]))
}

/// `module` with the exports named by `drop` removed, and how many were removed.
pub fn without_exports(
    module: &[u8],
    drop: &dyn Fn(&str) -> bool,
) -> Result<(Vec<u8>, usize), String> {
    if module.get(..4) != Some(b"\0asm") {
        return Err("not a WebAssembly module".into());
    }
    let mut out = module[..8].to_vec();
    let mut pos = 8;
    let mut removed = 0;
    while pos < module.len() {
        let id = module[pos];
        let (size, body_start) = leb(module, pos + 1)?;
        let body_end = body_start + size as usize;
        let body = module
            .get(body_start..body_end)
            .ok_or("a section runs past the end")?;
        if id == 7 {
            let (count, mut at) = leb(body, 0)?;
            let mut kept = Vec::new();
            let mut kept_count = 0u32;
            for _ in 0..count {
                let entry_start = at;
                let (len, name_start) = leb(body, at)?;
                let name_end = name_start + len as usize;
                let name = std::str::from_utf8(body.get(name_start..name_end).ok_or("bad name")?)
                    .map_err(|e| e.to_string())?;
                // kind byte, then the index
                let (_, next) = leb(body, name_end + 1)?;
                if drop(name) {
                    removed += 1;
                } else {
                    kept.extend_from_slice(&body[entry_start..next]);
                    kept_count += 1;
                }
                at = next;
            }
            let mut section = uleb(kept_count);
            section.extend_from_slice(&kept);
            out.push(7);
            out.extend(uleb(section.len() as u32));
            out.extend(section);
        } else {
            out.extend_from_slice(&module[pos..body_end]);
        }
        pos = body_end;
    }
    Ok((out, removed))
}

/// An unsigned LEB128 number at `at`, and the position after it.
fn leb(bytes: &[u8], mut at: usize) -> Result<(u32, usize), String> {
    let mut value = 0u32;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(at).ok_or("a number runs past the end")?;
        at += 1;
        value |= u32::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok((value, at));
        }
    }
    Err("a number is too long".into())
}

/// `value` as unsigned LEB128.
fn uleb(mut value: u32) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module with a memory, a function and three exports (types, functions, code sections).
    fn module() -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        m.extend([1, 4, 1, 0x60, 0, 0]); // type section: () -> ()
        m.extend([3, 2, 1, 0]); // function section: one function of type 0
        let mut exports = vec![3u8];
        for name in [
            "main",
            "intounderlyingsink_write",
            "__wbg_intounderlyingsink_free",
        ] {
            exports.push(name.len() as u8);
            exports.extend(name.as_bytes());
            exports.extend([0, 0]); // function 0
        }
        m.push(7);
        m.push(exports.len() as u8);
        m.extend(exports);
        m.extend([10, 4, 1, 2, 0, 0x0b]); // code section: an empty body
        m
    }

    #[test]
    fn runs_wasm_opt_with_the_flags_trunk_uses() {
        let html = include_str!("../../index.html");
        let trunk = format!(
            "data-wasm-opt=\"{}\" data-wasm-opt-params=\"{}\"",
            WASM_OPT_ARGS[0].trim_start_matches("-O"),
            WASM_OPT_ARGS[1..].join(" ")
        );
        assert!(html.contains(&trunk), "index.html lacks {trunk}");
    }

    #[test]
    fn removes_only_the_stream_exports() {
        let (out, removed) = without_exports(&module(), &is_stream_export).unwrap();
        assert_eq!(removed, 2);
        let text = String::from_utf8_lossy(&out);
        assert!(text.contains("main"));
        assert!(!text.contains("intounderlying"));
        // The other sections are untouched: only the export section shrank.
        let expected = module().len()
            - "intounderlyingsink_write".len()
            - "__wbg_intounderlyingsink_free".len()
            - 2 * 3;
        assert_eq!(out.len(), expected);
        assert!(!is_stream_export("main") && !is_stream_export("__wbindgen_malloc"));
    }

    #[test]
    fn cuts_the_classes_from_the_glue_and_refuses_leftovers() {
        let mut glue = String::from("import x;\n");
        for class in CLASSES {
            glue += &format!(
                "export class {class} {{\n    free() {{\n        wasm.f();\n    }}\n}}\n\
                 if (Symbol.dispose) {class}.prototype[Symbol.dispose] = {class}.prototype.free;\n"
            );
        }
        glue += STREAM_TYPE_ENUM;
        for class in CLASSES {
            glue += &format!(
                "const {class}Finalization = (typeof FinalizationRegistry === 'undefined')\n    ? {{ register: () => {{}}, unregister: () => {{}} }}\n    : new FinalizationRegistry(ptr => wasm.g(ptr, 1));\n"
            );
        }
        glue += "export default init;\n";
        assert_eq!(
            without_classes(&glue).unwrap(),
            "import x;\nexport default init;\n"
        );
        let leftover = format!("{glue}IntoUnderlyingSink.__wrap(1);\n");
        assert!(without_classes(&leftover).is_err());
    }
}
