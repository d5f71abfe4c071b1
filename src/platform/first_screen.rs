//! The first estimate that the build writes into `index.html` (`xtask/src/first_screen.rs`): the
//! default job's figures, or a placeholder when the page opens on other inputs.

/// The bar's id, as the build writes it.
const BAR_ID: &str = "first-estimate";

/// Removes the build's first estimate: called once the app's own results are in the page, which
/// replace it (the phone's result bar takes its place at the bottom of the screen).
pub fn retire() {
    let bar = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(BAR_ID));
    if let Some(bar) = bar {
        bar.remove();
    }
}
