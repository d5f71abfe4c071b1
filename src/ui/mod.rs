//! Leptos components. One file per component or page section.

pub mod app;
pub mod charts;
pub mod erased;
pub mod export;
pub mod form;
pub mod import;
pub mod learn;
pub mod methodology;
pub mod results;
pub mod saved;
pub mod state;
pub mod theme;
pub mod url;
