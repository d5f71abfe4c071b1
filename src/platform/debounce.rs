//! Writes delayed until their input pauses: the address bar and the draft are rewritten once
//! typing stops, not on every keystroke, and at once when the page is hidden.

use leptos::prelude::{set_timeout_with_handle, TimeoutHandle};
use std::cell::RefCell;
use std::thread::LocalKey;
use std::time::Duration;

/// A pending write: its timer and the write itself.
type Pending = Option<(TimeoutHandle, Box<dyn FnOnce()>)>;

/// One debounced write slot (a `thread_local!` static per kind of write).
pub struct Debounced(RefCell<Pending>);

impl Debounced {
    /// An empty slot.
    pub const fn new() -> Debounced {
        Debounced(RefCell::new(None))
    }
}

impl Default for Debounced {
    fn default() -> Self {
        Debounced::new()
    }
}

/// Runs `write` once nothing else was scheduled in `slot` for `delay` (replacing any write still
/// pending there); at once when no timer can be set.
pub fn schedule(
    slot: &'static LocalKey<Debounced>,
    delay: Duration,
    write: impl FnOnce() + 'static,
) {
    schedule_boxed(slot, delay, Box::new(write));
}

fn schedule_boxed(slot: &'static LocalKey<Debounced>, delay: Duration, write: Box<dyn FnOnce()>) {
    cancel(slot);
    let fire = move || flush(slot);
    match set_timeout_with_handle(fire, delay) {
        Ok(timer) => slot.with(|s| *s.0.borrow_mut() = Some((timer, write))),
        Err(_) => write(),
    }
}

/// Runs the write pending in `slot` now, if any (before the page is hidden, or when a link is
/// read).
pub fn flush(slot: &'static LocalKey<Debounced>) {
    let pending = slot.with(|s| s.0.borrow_mut().take());
    if let Some((timer, write)) = pending {
        timer.clear();
        write();
    }
}

/// Drops the write pending in `slot`, if any.
fn cancel(slot: &'static LocalKey<Debounced>) {
    let pending = slot.with(|s| s.0.borrow_mut().take());
    if let Some((timer, _)) = pending {
        timer.clear();
    }
}
