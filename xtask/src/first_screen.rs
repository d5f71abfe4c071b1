//! Writes the first estimate into `dist/index.html`: the default job's headline figures, computed
//! at build time by the same core the app runs, in a bar fixed at the bottom of the screen.
//!
//! Why: a visitor of the default page sees an estimate as soon as the HTML is painted (about a
//! static page's time), instead of after the WebAssembly has downloaded, compiled, read the
//! dataset and mounted the form (~400 ms on this machine's loopback, seconds on a phone). The bar
//! sits where the phone's result bar (`MiniResult`) sits, fixed, so the app replaces it without
//! moving anything (layout shift 0).
//!
//! Never a figure that is not the visitor's: a small inline script, right after the bar and run
//! before the first paint, keeps the figures only when the app will start from the defaults (no
//! query other than the one the page itself writes for them, no saved draft other than theirs);
//! otherwise it replaces them with a placeholder. The page's Content-Security-Policy allows that
//! one script by its SHA-256 digest, which this build writes into the policy: no other inline
//! script can run.

use base64::Engine as _;
use emissions_core::dataset::{parse, BUNDLED_DATASET_JSON, DATASET_VERSION};
use emissions_core::format::{format_energy_kwh, format_mass_kg};
use emissions_core::model::job::Place;
use emissions_core::model::{estimate, validate, Estimate, Factors, Inputs, Job};
use emissions_core::number::shortest;
use emissions_core::options_html::escape_into;
use emissions_core::persist::{encode_draft, DRAFT_KEY};
use emissions_core::share::{to_query_citing, CitedFigures};
use sha2::{Digest, Sha256};
use std::path::Path;

/// The bar's id: the app removes the element once its own results are in the page (the same id
/// in `src/platform/first_screen.rs`; the e2e test `first_screen` fails when they differ).
const BAR_ID: &str = "first-estimate";
/// What the bar says while the app computes a job that is not the default one.
const PLACEHOLDER: &str = "Computing the estimate for your inputs…";
/// Where the bar goes: right after the static header.
const AFTER: &str = "</header>";
/// The script-source directive of the policy in `index.html`, which the digest joins.
const SCRIPT_SRC: &str = "script-src 'self'";

/// Rewrites `dist/index.html` in place.
pub fn write(dist: &Path) -> Result<(), String> {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let (job, est, inputs) = default_job()?;
    let html = insert(&html, &job, &est, &inputs)?;
    std::fs::write(&index, html).map_err(|e| format!("{}: {e}", index.display()))
}

/// The default inputs, their job and its estimate on the bundled dataset, as the app computes
/// them when it starts without a share link or a draft.
fn default_job() -> Result<(Job, Estimate, Inputs), String> {
    let factors = parse(BUNDLED_DATASET_JSON)
        .map(Factors::owning)
        .map_err(|e| format!("the bundled dataset: {e}"))?;
    let inputs = Inputs::default();
    let job = validate(&inputs, &factors).map_err(|e| format!("the default inputs: {e:?}"))?;
    let est = estimate(&job, &factors);
    Ok((job, est, inputs))
}

/// Pure part: `html` with the bar, its script and the script's digest in the policy.
fn insert(html: &str, job: &Job, est: &Estimate, inputs: &Inputs) -> Result<String, String> {
    let at = html
        .find(AFTER)
        .ok_or("index.html has no </header> to put the first estimate after")?
        + AFTER.len();
    let query = to_query_citing(inputs, DATASET_VERSION, &CitedFigures::of(est));
    let script = decision_script(&format!("?{query}"), &encode_draft(inputs));
    let digest = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(&script));
    let policy = format!("{SCRIPT_SRC} 'sha256-{digest}'");
    if html.matches(SCRIPT_SRC).count() != 1 {
        return Err(format!(
            "index.html must name {SCRIPT_SRC:?} once, in its policy"
        ));
    }
    let bar = bar(job, est);
    Ok(format!(
        "{}{bar}<script>{script}</script>{}",
        &html[..at],
        &html[at..]
    )
    .replacen(SCRIPT_SRC, &policy, 1))
}

/// The bar: which job, its emissions with their range and its energy, with the hooks the app's
/// own headline carries (`data-testid`, `data-value`), so scripts read the same figures.
fn bar(job: &Job, est: &Estimate) -> String {
    let place = match &job.site.place {
        Place::Cloud { name, .. } | Place::Zone { name, .. } => name.as_str(),
        Place::Custom => "a custom grid",
    };
    let mut out = format!("<aside id=\"{BAR_ID}\" class=\"first-estimate\" aria-label=\"First estimate\" hidden><span class=\"mini-label\">");
    escape_into(
        &mut out,
        &format!(
            "Example, {} × {} for {}\u{a0}h in {place}: ",
            job.devices,
            job.accelerator.name,
            shortest(job.hours_per_run.0 * f64::from(job.runs))
        ),
    );
    out.push_str("</span>");
    let mass: fn(f64) -> String = format_mass_kg;
    let hooks = [
        ("emissions-kg", est.location_based.0, mass, " CO₂e ("),
        (
            "emissions-kg-low",
            est.uncertainty.location_based.low.0,
            mass,
            "–",
        ),
        (
            "emissions-kg-high",
            est.uncertainty.location_based.high.0,
            mass,
            ") · ",
        ),
        ("energy-kwh", est.energy.total.0, format_energy_kwh, ""),
    ];
    for (id, value, text, after) in hooks {
        out.push_str(&format!(
            "<span data-testid=\"{id}\" data-value=\"{}\">{}</span>{after}",
            shortest(value),
            text(value)
        ));
    }
    out.push_str("</aside>");
    out
}

/// The inline script: keeps the figures only when the app starts from `default_query` (or none)
/// and `default_draft` (or none), else writes the placeholder over them (hooks included); then
/// shows the bar. Unreadable storage counts as no draft: the app then starts from the defaults.
///
/// Why the bar starts `hidden`: an inline script waits for the style sheet above it, and the
/// browser may paint what is parsed before the script runs. A bar shown with the figures and then
/// shortened to the placeholder moved (Lighthouse, share link: layout shift 0.008); a bar that
/// appears once decided moves nothing.
fn decision_script(default_query: &str, default_draft: &str) -> String {
    // A JavaScript string literal that cannot close the `<script>` element it sits in.
    let js = |s: &str| {
        serde_json::to_string(s)
            .unwrap_or_default()
            .replace('<', "\\u003c")
    };
    format!(
        "(function(){{var d=null,q=location.search;try{{d=localStorage.getItem({key})}}catch(e){{}}\
         var b=document.getElementById({bar});if(q&&q!=={query}||d!==null&&d!=={draft})b.textContent={text};\
         b.hidden=false}})()",
        key = js(DRAFT_KEY),
        query = js(default_query),
        draft = js(default_draft),
        bar = js(BAR_ID),
        text = js(PLACEHOLDER),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head><meta http-equiv=\"Content-Security-Policy\" \
        content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'\"></head>\
        <body><header>h</header><main></main></body></html>";

    #[test]
    fn the_bar_carries_the_default_estimate_and_the_policy_its_script_digest() {
        let (job, est, inputs) = default_job().expect("the default job");
        let html = insert(PAGE, &job, &est, &inputs).expect("insert");
        let kg = format!(
            "data-testid=\"emissions-kg\" data-value=\"{}\">{}</span>",
            shortest(est.location_based.0),
            format_mass_kg(est.location_based.0)
        );
        assert!(html.contains(&kg), "{html}");
        assert!(html.contains(&format!("data-value=\"{}\"", shortest(est.energy.total.0))));
        assert!(html.find("</header><aside id=\"first-estimate\"").is_some());
        // The digest in the policy is the one of the script in the page.
        let script = &html[html.find("<script>").unwrap() + 8..html.find("</script>").unwrap()];
        let digest = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script));
        assert!(html.contains(&format!(
            "script-src 'self' 'sha256-{digest}' 'wasm-unsafe-eval'"
        )));
        assert!(script.contains("mlcalc.v1.draft"), "{script}");
        assert!(script.contains("?data="), "the default query: {script}");
    }

    #[test]
    fn the_script_cannot_close_its_element() {
        let script = decision_script("?q=</script><script>x()", "{\"a\":\"</b>\"}");
        assert!(!script.contains('<'), "{script}");
        assert!(script.contains("\\u003c/script>"), "{script}");
    }

    #[test]
    fn a_page_without_a_header_or_policy_is_an_error() {
        let (job, est, inputs) = default_job().expect("the default job");
        assert!(insert("<html></html>", &job, &est, &inputs).is_err());
        let no_policy = "<header></header>";
        assert!(insert(no_policy, &job, &est, &inputs).is_err());
    }
}
