//! The pure core of the ML emissions calculator.
//!
//! Design note: everything here compiles and is tested natively with `cargo test`; nothing imports
//! leptos, web-sys or any browser API. The web app (the root crate) is thin glue that renders what
//! these modules compute. Physical quantities cross module boundaries only as the unit newtypes of
//! [`units`], never as bare `f64`.

pub mod charts;
pub mod choices;
pub mod dataset;
pub mod export;
pub mod format;
pub mod json;
pub mod measure;
pub mod model;
pub mod number;
pub mod options_html;
pub mod persist;
pub mod search_text;
pub mod share;
pub mod sort;
pub mod units;
