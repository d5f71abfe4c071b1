//! Every browser API the app uses beyond rendering, in one place, each piece small and named for
//! what it does. Components call these; none of them holds view logic.
//!
//! Design note: every call here is fallible and never panics (storage may be unavailable, the
//! clipboard missing, a service worker refused); failures come back as values or are logged.

pub mod address_bar;
pub mod clipboard;
pub mod debounce;
pub mod files;
pub mod first_screen;
pub mod marks;
pub mod observers;
pub mod panic_banner;
pub mod promise;
pub mod service_worker;
pub mod storage;
pub mod timing;
