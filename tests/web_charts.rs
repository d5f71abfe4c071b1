//! In-browser tests of the comparison charts: the canvases are sized for the screen and painted,
//! the keyboard shows tooltips and selects, and the table toggle works. (The chart inputs are
//! built by `emissions_core::charts::views`, tested natively in `core/tests/charts_views.rs`.)
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document")
}

/// Lets effects run (a macrotask turn).
async fn settle(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// Checks `cond` every 20 ms until it holds; fails the test after 5 s, naming `what`.
async fn until(what: &str, mut cond: impl FnMut() -> bool) {
    for _ in 0..250 {
        if cond() {
            return;
        }
        settle(20).await;
    }
    assert!(cond(), "timed out after 5 s waiting for {what}");
}

/// Share of the canvas's pixels that differ from its top-left (background) pixel: 0 while it has
/// not been painted (read from the pixels, not from a hook in the app).
fn ink(canvas: &web_sys::HtmlCanvasElement) -> f64 {
    let ink = js_sys::Function::new_with_args(
        "c",
        "if (!c.width || !c.height) return 0;
         const p = new Uint32Array(c.getContext('2d').getImageData(0, 0, c.width, c.height).data.buffer);
         let n = 0; for (let i = 0; i < p.length; i++) if (p[i] !== p[0]) n++;
         return n / p.length;",
    );
    ink.call1(&wasm_bindgen::JsValue::NULL, canvas)
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}

fn mount_app() -> web_sys::HtmlElement {
    let doc = document();
    let container: web_sys::HtmlElement = doc
        .create_element("div")
        .expect("div")
        .dyn_into()
        .expect("HtmlElement");
    container
        .style()
        .set_property("width", "900px")
        .expect("style");
    doc.body()
        .expect("body")
        .append_child(&container)
        .expect("append");
    leptos::mount::mount_to(container.clone(), ml_emissions_calculator::App).forget();
    container
}

/// Mounts the app and waits until its charts are in the DOM (they mount a task after the form).
async fn mount_charts() -> web_sys::HtmlElement {
    let root = mount_app();
    until("the charts to mount", || {
        root.query_selector("[data-testid=chart-tornado] canvas")
            .ok()
            .flatten()
            .is_some()
    })
    .await;
    root
}

fn q(root: &web_sys::HtmlElement, css: &str) -> web_sys::Element {
    root.query_selector(css)
        .expect("selector")
        .unwrap_or_else(|| panic!("no {css}"))
}

/// Scrolls the chart canvas `css` into view and waits until it is painted (which also means that
/// its width is known, so pointer and keyboard input find its rows); returns it.
async fn painted(root: &web_sys::HtmlElement, css: &str) -> web_sys::HtmlCanvasElement {
    let c: web_sys::HtmlCanvasElement = q(root, css).dyn_into().expect("a canvas");
    c.scroll_into_view();
    until(&format!("{css} painted"), || ink(&c) > 0.02).await;
    c
}

fn has(root: &web_sys::HtmlElement, css: &str) -> bool {
    root.query_selector(css).ok().flatten().is_some()
}

fn key(el: &web_sys::Element, k: &str) {
    let dispatch = js_sys::Function::new_with_args(
        "el, k",
        "el.dispatchEvent(new KeyboardEvent('keydown', {key: k, bubbles: true, cancelable: true}))",
    );
    dispatch
        .call2(&wasm_bindgen::JsValue::NULL, el, &k.into())
        .expect("dispatch");
}

#[wasm_bindgen_test]
async fn canvases_are_sized_for_the_screen_and_painted() {
    let root = mount_charts().await;
    let dpr = web_sys::window().expect("window").device_pixel_ratio();
    for f in ["chart-regions", "chart-hardware", "chart-tornado"] {
        let c: web_sys::HtmlCanvasElement = q(&root, &format!("[data-testid={f}] canvas"))
            .dyn_into()
            .expect("a canvas");
        // Charts paint as they come near the viewport.
        c.scroll_into_view();
        until(&format!("{f} painted"), || ink(&c) > 0.02).await;
        let css_w = c.get_bounding_client_rect().width();
        assert!(css_w > 300.0, "{f}: {css_w}");
        assert_eq!(f64::from(c.width()), (css_w * dpr).round(), "{f} width");
        assert_eq!(c.get_attribute("role").as_deref(), Some("img"));
        assert_eq!(c.get_attribute("tabindex").as_deref(), Some("0"));
        assert!(c.get_attribute("aria-label").is_some_and(|l| l.len() > 40));
    }
    root.remove();
}

#[wasm_bindgen_test]
async fn keyboard_shows_a_tooltip_and_enter_selects() {
    let root = mount_charts().await;
    let canvas = painted(&root, "[data-testid=chart-regions] canvas").await;
    let before = q(&root, "[data-testid=emissions-kg]").get_attribute("data-value");
    key(&canvas, "End");
    until("the keyboard tooltip", || {
        has(&root, "[data-testid=chart-regions] [role=tooltip]")
    })
    .await;
    let tip = q(&root, "[data-testid=chart-regions] [role=tooltip]")
        .text_content()
        .unwrap_or_default();
    assert!(tip.contains("Emissions:"), "{tip}");
    assert!(root
        .query_selector("[data-testid=chart-regions] .chart-focus")
        .unwrap()
        .is_some());
    key(&canvas, "Home");
    key(&canvas, "Enter");
    until("Enter to select the region (a new estimate)", || {
        q(&root, "[data-testid=emissions-kg]").get_attribute("data-value") != before
    })
    .await;
    key(&canvas, "Escape");
    until("Escape to hide the tooltip", || {
        !has(&root, "[data-testid=chart-regions] [role=tooltip]")
    })
    .await;
    root.remove();
}

#[wasm_bindgen_test]
async fn table_toggle_shows_the_same_rows_as_text() {
    let root = mount_charts().await;
    let toggle: web_sys::HtmlElement = q(&root, "[data-testid=chart-tornado] .chart-table-toggle")
        .dyn_into()
        .expect("button");
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    toggle.click();
    until("the table toggle to expand", || {
        toggle.get_attribute("aria-expanded").as_deref() == Some("true")
    })
    .await;
    let table = q(
        &root,
        "[data-testid=chart-tornado] [data-testid=chart-table]",
    );
    let rows = q(&root, "[data-testid=chart-tornado] tbody").child_element_count();
    assert!(rows >= 2, "{rows} tornado rows");
    assert!(table.text_content().unwrap_or_default().contains("Swing"));
    root.remove();
}

#[wasm_bindgen_test]
async fn hovering_a_bar_shows_a_text_tooltip_and_leaving_hides_it() {
    let root = mount_charts().await;
    let canvas = painted(&root, "[data-testid=chart-hardware] canvas").await;
    let rect = canvas.get_bounding_client_rect();
    let pointer = js_sys::Function::new_with_args(
        "el, type, x, y",
        "el.dispatchEvent(new PointerEvent(type, {clientX: x, clientY: y, bubbles: true}))",
    );
    let (x, y) = (rect.left() + rect.width() / 2.0, rect.top() + 80.0);
    let args = js_sys::Array::of4(&canvas, &"pointermove".into(), &x.into(), &y.into());
    pointer
        .apply(&wasm_bindgen::JsValue::NULL, &args)
        .expect("move");
    until("the hover tooltip", || {
        has(&root, "[data-testid=chart-hardware] [role=tooltip]")
    })
    .await;
    let tip = q(&root, "[data-testid=chart-hardware] [role=tooltip]");
    let text = tip.text_content().unwrap_or_default();
    assert!(
        text.contains("Energy:") && text.contains("Wall time:"),
        "{text}"
    );
    assert!(
        tip.query_selector("*:not(div)")
            .expect("selector")
            .is_none(),
        "text only"
    );
    let args = js_sys::Array::of4(&canvas, &"pointerleave".into(), &x.into(), &y.into());
    pointer
        .apply(&wasm_bindgen::JsValue::NULL, &args)
        .expect("leave");
    until("leaving to hide the tooltip", || {
        !has(&root, "[data-testid=chart-hardware] [role=tooltip]")
    })
    .await;
    root.remove();
}
