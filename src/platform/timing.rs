//! Scheduling work around the browser's frames: after the next paint, or in a task of its own.

use leptos::prelude::{request_animation_frame, set_timeout};
use std::time::Duration;

/// Runs `f` after the next frame has been painted: a `requestAnimationFrame` callback runs just
/// before the frame is drawn, and a zero timeout started there runs after it.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    let f: Box<dyn FnOnce()> = Box::new(f);
    request_animation_frame(move || in_next_task(f));
}

/// Runs `f` in a task of its own (a zero timeout), after the current one and anything queued.
fn in_next_task(f: Box<dyn FnOnce()>) {
    set_timeout(f, Duration::ZERO);
}
