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

/// Rewrites `dist/index.html` in place; returns the name of the boot file it wrote.
pub fn externalize(dist: &Path) -> Result<String, String> {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let (new_html, name, script) = split(&html)?;
    std::fs::write(dist.join(&name), script).map_err(|e| format!("write {name}: {e}"))?;
    std::fs::write(&index, new_html).map_err(|e| format!("{}: {e}", index.display()))?;
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
    fn refuses_html_without_a_boot_script() {
        assert!(split("<head></head>").is_err());
    }
}
