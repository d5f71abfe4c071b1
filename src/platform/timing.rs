//! Scheduling work around the browser's frames: after the next paint, or in a task of its own.

use leptos::prelude::{request_animation_frame, set_timeout};
use std::rc::Rc;
use std::time::Duration;

/// Runs `f` after the next frame has been painted: a `requestAnimationFrame` callback runs just
/// before the frame is drawn, and a zero timeout started there runs after it.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    let f: Box<dyn FnOnce()> = Box::new(f);
    request_animation_frame(move || in_next_task(f));
}

/// Runs `f` in a task of its own (a zero timeout), after the current one and anything queued.
pub fn in_next_task(f: Box<dyn FnOnce()>) {
    set_timeout(f, Duration::ZERO);
}

/// Calls `step(1)` … `step(last)`, each in a task of its own, so that the browser can paint and
/// handle input between them; after `step(pause)` the next step also waits for the frame that
/// paints what the steps so far built.
pub fn in_stages(last: u8, pause: u8, step: impl Fn(u8) + 'static) {
    fn next(k: u8, last: u8, pause: u8, step: Rc<dyn Fn(u8)>) {
        in_next_task(Box::new(move || {
            step(k);
            if k == pause {
                after_next_paint(move || next(k + 1, last, pause, step));
            } else if k < last {
                next(k + 1, last, pause, step);
            }
        }));
    }
    next(1, last, pause, Rc::new(step));
}
