//! The pure core of the ML emissions calculator.
//!
//! Design note: everything here compiles and is tested natively with `cargo test`; nothing imports
//! leptos, web-sys or any browser API. The web app (the root crate) is thin glue that renders what
//! these modules compute. Physical quantities cross module boundaries only as the unit newtypes of
//! [`units`], never as bare `f64`.

pub mod charts;
pub mod dataset;
pub mod export;
pub mod measure;
pub mod model;
pub mod number;
pub mod order;
pub mod persist;
pub mod read;
pub mod search_text;
pub mod share;
/// Share-link parameters of the life-cycle overrides. Lives beside the codec (`share/`) and is
/// declared here only until `share.rs` declares it as `share::lifecycle` (it uses nothing private
/// to the codec, so the move is one line in each file).
#[path = "share/lifecycle.rs"]
pub mod share_lifecycle;
/// Share-link parameters of a serving job (`task=serve`). Declared here, like
/// [`share_lifecycle`], until `share.rs` declares it as `share::serving`.
#[path = "share/serving.rs"]
pub mod share_serving;
pub mod units;
