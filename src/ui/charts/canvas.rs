//! The generic canvas glue: draws a [`ChartData`] into a `<canvas>` sized to its container and the
//! screen's pixel density, and turns pointer and keyboard input into tooltips and selections.
//!
//! Design note: one `Effect` per canvas reads the data signal, the width, the theme and the DPR
//! and repaints; nothing else draws. Hover and keyboard focus are UI-only signals written by the
//! event handlers; they never repaint the canvas: the focused row is outlined by an absolutely
//! positioned `<div>` and the tooltip is a text-only `<div role="tooltip">`, so moving the
//! pointer costs no redraw. Nothing is stamped on the canvas for tests (an attribute change would
//! invalidate style and force a style recalculation at the next chart's first `ctx.font`): the
//! tests see a repaint in the canvas's pixels.

use super::kinds::{theme_for, unique_order, ChartView};
use crate::platform::observers::{log_error, use_near_viewport, use_width};
use crate::ui::erased::{effect, handler, live, CollectAny};
use emissions_core::charts::Row;
use leptos::prelude::*;

/// Where the tooltip points: item index, anchor (CSS px in the canvas), and whether the
/// keyboard (rather than the pointer) put it there.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Active {
    index: usize,
    x: f64,
    y: f64,
    keyboard: bool,
}

/// Widest tooltip (CSS px), to keep it inside the chart.
const TIP_W: f64 = 240.0;

/// A focusable canvas drawing `data`; pointer hover and arrow keys show a tooltip, click and
/// Enter call `on_select` with the item index.
#[component]
pub fn ChartCanvas(
    /// The chart's input.
    data: Memo<ChartView>,
    /// Whether the page is dark.
    dark: ReadSignal<bool>,
    /// Called with the item index on click / Enter.
    #[prop(default = None)]
    on_select: Option<Callback<usize>>,
    /// What selecting does, for the keyboard hint, e.g. "select the region".
    #[prop(optional)]
    select_hint: &'static str,
    /// Extra class of the frame (e.g. `"chart-scroll"` for a scrolling frame).
    #[prop(optional)]
    frame_class: &'static str,
) -> impl IntoView {
    let frame = NodeRef::<leptos::html::Div>::new();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let (width, dpr) = use_width(frame);
    let near = use_near_viewport(frame);
    let (active, set_active) = signal(None::<Active>);

    // The one place that paints. Reads: the canvas, data, width, DPR and theme; paints only near
    // the viewport (off screen it does not read the data, so it repaints when it comes back).
    effect(move || {
        if !near.get() {
            return;
        }
        let Some(el) = canvas.get() else { return };
        let (w, d) = (width.get().floor(), dpr.get());
        if w < 1.0 {
            return;
        }
        let theme = theme_for(dark.get(), d);
        data.with(|v| {
            let chart = &v.chart;
            let h = chart.css_height(w, &theme);
            // Resize only when the size changed: assigning a canvas's size, even the same one,
            // reallocates its bitmap and invalidates layout (the chart repaints its background).
            let (pw, ph) = ((w * d).round() as u32, (h * d).round() as u32);
            if el.width() != pw || el.height() != ph {
                el.set_width(pw);
                el.set_height(ph);
                let style = web_sys::HtmlElement::style(&el);
                let _ = style.set_property(
                    "width",
                    &format!("{}px", emissions_core::number::shortest(w)),
                );
                let _ = style.set_property(
                    "height",
                    &format!("{}px", emissions_core::number::shortest(h)),
                );
            }
            if let Err(e) = chart.draw_on(el.clone(), &theme) {
                log_error("draw", &e);
            }
        });
    });

    let geometry = move || geometry(data, width, dark);
    let row_of = |rows: &[Row], i: usize| rows.iter().find(|r| r.index == i).cloned();

    let on_move = move |ev: web_sys::PointerEvent| {
        let (x, y) = (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
        let (w, rows) = geometry();
        let hit = emissions_core::charts::layout::hit_rows(&rows, w, x, y);
        let next = hit.map(|index| Active {
            index,
            x,
            y,
            keyboard: false,
        });
        if active.get_untracked() != next {
            set_active.set(next);
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let (w, rows) = geometry();
        let (x, y) = (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
        let hit = emissions_core::charts::layout::hit_rows(&rows, w, x, y);
        // A tap has no hover: show the details of what was tapped, too.
        set_active.set(hit.map(|index| Active {
            index,
            x,
            y,
            keyboard: false,
        }));
        if let (Some(cb), Some(i)) = (on_select, hit) {
            cb.run(i);
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let (_, rows) = geometry();
        let order = unique_order(&rows);
        if order.is_empty() {
            return;
        }
        let pos = active
            .get_untracked()
            .filter(|a| a.keyboard)
            .and_then(|a| order.iter().position(|&i| i == a.index));
        let last = order.len() - 1;
        let next = match ev.key().as_str() {
            "ArrowDown" | "ArrowRight" => Some(pos.map_or(0, |p| (p + 1).min(last))),
            "ArrowUp" | "ArrowLeft" => Some(pos.map_or(0, |p| p.saturating_sub(1))),
            "Home" => Some(0),
            "End" => Some(last),
            "Enter" | " " => {
                if let (Some(cb), Some(p)) = (on_select, pos) {
                    ev.prevent_default();
                    if let Some(&i) = order.get(p) {
                        cb.run(i);
                    }
                }
                return;
            }
            "Escape" => {
                set_active.set(None);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        let Some(row) = next
            .and_then(|p| order.get(p))
            .and_then(|&i| row_of(&rows, i))
        else {
            return;
        };
        set_active.set(Some(Active {
            index: row.index,
            x: row.bar.1,
            y: row.top + row.height,
            keyboard: true,
        }));
        // Keep the focused row visible inside a scrolling frame.
        if let Some(f) = frame.get_untracked() {
            let (top, view) = (f64::from(f.scroll_top()), f64::from(f.client_height()));
            if row.top < top {
                f.set_scroll_top((row.top - 8.0) as i32);
            } else if row.top + row.height > top + view {
                f.set_scroll_top((row.top + row.height + 8.0 - view) as i32);
            }
        }
    };

    let lines = move || {
        active
            .get()
            .map(|a| data.with(|v| v.chart.tooltip(a.index)))
            .unwrap_or_default()
    };
    // Positions go through CSSOM properties (`style:left=`), never a `style` attribute: the
    // page's Content-Security-Policy (`style-src 'self'`) blocks inline style attributes.
    let tip_pos = move || {
        active.get().map(|a| {
            let w = width.get();
            let left = (a.x + 12.0).min(w - TIP_W).max(0.0);
            (px(left), px(a.y + 8.0))
        })
    };
    let focus_box = move || {
        let a = active.get().filter(|a| a.keyboard)?;
        let (_, rows) = geometry();
        let r = row_of(&rows, a.index)?;
        Some((px(r.top), px(r.height)))
    };
    let announce = move || {
        active
            .get()
            .filter(|a| a.keyboard)
            .map(|_| lines().join(". "))
            .unwrap_or_default()
    };
    let hint = if on_select.is_some() && !select_hint.is_empty() {
        format!(" Arrow keys move between rows; Enter to {select_hint}.")
    } else {
        " Arrow keys move between rows.".to_string()
    };
    let alt = move || format!("{}{hint}", data.with(|v| v.chart.alt_text()));
    // Shown flags as memos (like `<Show>`), so the boxes are rebuilt only when they appear.
    let focus_on = Memo::new(move |_| focus_box().is_some());
    let tip_on = Memo::new(move |_| active.get().is_some());

    view! {
        <div class=format!("chart-frame {frame_class}") node_ref=frame>
            <canvas
                node_ref=canvas
                role="img"
                tabindex="0"
                aria-label=live(alt)
                class:clickable=on_select.is_some()
                on:pointermove=handler(on_move)
                on:pointerleave=handler(move |_| {
                    if active.get_untracked().is_some_and(|a| !a.keyboard) {
                        set_active.set(None);
                    }
                })
                on:click=handler(on_click)
                on:keydown=handler(on_key)
                on:blur=handler(move |_| set_active.set(None))
            ></canvas>
            {move || {
                focus_on
                    .get()
                    .then(|| {
                        view! {
                            <div
                                class="chart-focus"
                                aria-hidden="true"
                                style:top=live(move || focus_box().map(|b| b.0).unwrap_or_default())
                                style:height=live(move || focus_box().map(|b| b.1).unwrap_or_default())
                            ></div>
                        }
                    })
            }.into_any()}
            {move || {
                tip_on
                    .get()
                    .then(|| {
                        view! {
                            <div
                                class="chart-tooltip"
                                role="tooltip"
                                style:left=live(move || tip_pos().map(|p| p.0).unwrap_or_default())
                                style:top=live(move || tip_pos().map(|p| p.1).unwrap_or_default())
                            >
                                {move || {
                                    lines()
                                        .into_iter()
                                        .enumerate()
                                        .map(|(k, line)| {
                                            view! { <div class:chart-tooltip-head=k == 0>{line}</div> }
                                        })
                                        .collect_any()
                                }}
                            </div>
                        }
                    })
            }.into_any()}
            <p class="visually-hidden" aria-live="polite">{move || announce().into_any()}</p>
        </div>
    }
}

/// The chart's width (CSS px, whole) and hit rows at the current size, read untracked (for
/// event handlers). One function rather than a closure inlined into every handler.
#[inline(never)]
fn geometry(
    data: Memo<ChartView>,
    width: ReadSignal<f64>,
    dark: ReadSignal<bool>,
) -> (f64, Vec<Row>) {
    let w = width.get_untracked().floor();
    let theme = theme_for(dark.get_untracked(), 1.0);
    data.with_untracked(|v| {
        let h = v.chart.css_height(w, &theme);
        (w, v.chart.rows(w, h, &theme))
    })
}

/// A CSS length in whole pixels (`"12px"`).
fn px(x: f64) -> String {
    format!("{}px", emissions_core::number::fixed(x, 0))
}
