//! Leptos components. One file per component or page section.

pub mod app;
pub mod charts;
pub mod erased;
pub mod export;
pub mod form;
pub mod learn;
pub mod measure;
pub mod methodology;
pub mod results;
pub mod saved;
pub mod state;
pub mod storage;
pub mod theme;
pub mod url;
