//! Moves Trunk's inline start-up script into a same-origin file, so the page's
//! Content-Security-Policy can forbid inline scripts (`script-src 'self' 'wasm-unsafe-eval'`).
//!
//! Why post-process: Trunk 0.21 always emits `<script type="module">import init … </script>`
//! inline in `index.html`. Allowing it by hash would tie the CSP to each build; a file named by
//! the hash of its content keeps the policy fixed and the file cacheable.

use std::path::Path;

/// The opening tag as Trunk writes it, and as its HTML minifier (release builds) rewrites it.
const OPENS: [&str; 2] = ["<script type=\"module\">", "<script type=module>"];
const CLOSE: &str = "</script>";

/// FNV-1a 64-bit: a stable content hash with no dependency (not for security).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Rewrites `dist/index.html` in place; returns the name of the boot file it wrote (minified by
/// `terser`, named by the hash of what it holds).
pub fn externalize(dist: &Path, terser: &Path) -> Result<String, String> {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let (html, trunk_name, script) = split(&html)?;
    let (html, script) = fetch_after_first_paint(&html, &script)?;
    let draft = dist.join("boot.js");
    std::fs::write(&draft, script).map_err(|e| format!("write boot.js: {e}"))?;
    crate::minify_js::minify_file(&draft, terser, true)?;
    let script = std::fs::read(&draft).map_err(|e| format!("boot.js: {e}"))?;
    let name = format!("boot-{:016x}.js", fnv1a64(&script));
    std::fs::rename(&draft, dist.join(&name)).map_err(|e| format!("write {name}: {e}"))?;
    let html = html.replacen(&trunk_name, &name, 1);
    std::fs::write(&index, html).map_err(|e| format!("{}: {e}", index.display()))?;
    Ok(name)
}

/// Pure part: the new HTML, the boot file name and its content.
fn split(html: &str) -> Result<(String, String, String), String> {
    let (start, open) = OPENS
        .iter()
        .find_map(|open| Some((html.find(open)?, open.len())))
        .ok_or("index.html has no inline module script (did Trunk change its output?)")?;
    let body_start = start + open;
    let len = html[body_start..]
        .find(CLOSE)
        .ok_or("unterminated inline script in index.html")?;
    let script = html[body_start..body_start + len].trim().to_string() + "\n";
    let name = format!("boot-{:016x}.js", fnv1a64(script.as_bytes()));
    let tag = format!("<script type=\"module\" src=\"./{name}\"></script>");
    let new_html = format!(
        "{}{tag}{}",
        &html[..start],
        &html[body_start + len + CLOSE.len()..]
    );
    Ok((new_html, name, script))
}

/// Drops the WebAssembly `<link rel=preload>` and makes the boot script fetch the module (with the
/// same Subresource-Integrity digest) once the first frame is painted, or after 200 ms at most.
///
/// Why: the static header is the largest paint of the first screen. When the preloaded 300 KB
/// arrived before that paint (loopback, most runs), Lighthouse's simulation counted its download on
/// slow 4G before the paint: largest contentful paint 2.7 s instead of 0.9 s, in about half the
/// runs. On a real slow link nothing is lost: the paint comes long before the module could arrive.
fn fetch_after_first_paint(html: &str, script: &str) -> Result<(String, String), String> {
    let href = html
        .find("_bg.wasm")
        .ok_or("index.html has no WebAssembly preload (did Trunk change its output?)")?;
    let start = html[..href].rfind('<').ok_or("malformed index.html")?;
    let end = href + html[href..].find('>').ok_or("malformed index.html")? + 1;
    let integrity = html[start..end]
        .split(|c: char| c.is_ascii_whitespace() || c == '>')
        .find_map(|attr| attr.strip_prefix("integrity="))
        .map(|v| v.trim_matches('"'))
        .ok_or("the WebAssembly preload has no integrity attribute")?;
    let quoted = |after: &str| -> Result<&str, String> {
        let from = script
            .find(after)
            .map(|at| at + after.len())
            .ok_or_else(|| {
                format!("the boot script has no {after}… (did Trunk change its output?)")
            })?;
        let len = script[from..].find('\'').ok_or("malformed boot script")?;
        Ok(&script[from..from + len])
    };
    let (glue, wasm) = (quoted("from '")?, quoted("module_or_path: '")?);
    // Trunk's script also publishes the bindings and an event for its own tooling; nothing here
    // uses them.
    let script = format!(
        "import init from '{glue}';\n\
         await new Promise(r => {{ requestAnimationFrame(() => setTimeout(r)); setTimeout(r, 200); }});\n\
         await init({{ module_or_path: fetch('{wasm}', {{ integrity: '{integrity}' }}) }});\n"
    );
    Ok((format!("{}{}", &html[..start], &html[end..]), script))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_the_inline_module_script_to_a_hashed_file() {
        let html = "<head>\n<script type=\"module\">\nimport init from './a.js';\nawait init();\n</script>\n</head>";
        let (out, name, script) = split(html).unwrap();
        assert!(name.starts_with("boot-") && name.ends_with(".js"));
        assert_eq!(script, "import init from './a.js';\nawait init();\n");
        assert_eq!(
            out,
            format!("<head>\n<script type=\"module\" src=\"./{name}\"></script>\n</head>")
        );
        assert!(!out.contains("import init"));
    }

    #[test]
    fn also_finds_the_minified_tag() {
        let html =
            "<head><script type=module>import init from './a.js';await init()</script></head>";
        let (new_html, name, script) = split(html).unwrap();
        assert_eq!(script, "import init from './a.js';await init()\n");
        assert_eq!(
            new_html,
            format!("<head><script type=\"module\" src=\"./{name}\"></script></head>")
        );
    }

    #[test]
    fn fetches_the_module_after_the_first_paint_with_its_digest() {
        let html = "<link as=fetch crossorigin href=./x_bg.wasm integrity=sha384-WWW rel=preload type=application/wasm><body>";
        let script = "import init, * as bindings from './x.js';\nconst wasm = await init({ module_or_path: './x_bg.wasm' });\n";
        let (html, script) = fetch_after_first_paint(html, script).unwrap();
        assert_eq!(html, "<body>");
        assert_eq!(
            script,
            "import init from './x.js';\n\
             await new Promise(r => { requestAnimationFrame(() => setTimeout(r)); setTimeout(r, 200); });\n\
             await init({ module_or_path: fetch('./x_bg.wasm', { integrity: 'sha384-WWW' }) });\n"
        );
        assert!(fetch_after_first_paint("<body>", "x").is_err());
    }

    #[test]
    fn refuses_html_without_a_boot_script() {
        assert!(split("<head></head>").is_err());
    }
}
