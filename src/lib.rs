//! The web app of the ML emissions calculator: Leptos components that render what the pure core
//! (`emissions-core`) computes. No estimation logic lives here.

pub mod platform;
pub mod ui;

pub use ui::app::App;
