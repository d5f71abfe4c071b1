//! Leptos components. One file per component or page section.

pub mod app;
pub mod charts;
pub mod export;
pub mod saved;
pub mod state;
pub mod storage;
