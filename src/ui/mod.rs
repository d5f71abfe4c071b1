//! Leptos components. One file per component or page section.

pub mod app;
