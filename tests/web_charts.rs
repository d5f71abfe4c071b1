//! In-browser tests of the comparison charts: the canvases are sized for the screen and painted,
//! the keyboard shows tooltips and selects, the table toggle works, and the chart inputs are
//! built from the model as expected.
#![cfg(target_arch = "wasm32")]

use emissions_core::model::{alternatives, estimate, validate, Inputs, LocationInput};
use ml_emissions_calculator::ui::charts::data::{
    hardware_view, region_view, tornado_view, RegionQuery, Scope, HW_TOP_N, TOP_N,
};
use ml_emissions_calculator::ui::state::factors;
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
fn chart_inputs_follow_the_model() {
    let f = factors().expect("dataset");
    let job = validate(&Inputs::default(), f).expect("default job");
    let alt = alternatives(&job, f);
    let mut query = RegionQuery {
        scope: Scope::Provider,
        continent: String::new(),
        filter: String::new(),
        show_all: false,
    };
    let v = region_view(&alt, f, &query);
    assert!(v.chart.bars.len() > 5 && v.chart.max_rows == TOP_N);
    let hl = v.chart.highlighted.expect("the current region");
    assert!(v.chart.bars[hl].label.starts_with("us-east-1"));
    assert!(matches!(&v.targets[hl], LocationInput::Cloud { region, .. } if region == "us-east-1"));
    query.scope = Scope::AllProviders;
    query.show_all = true;
    let all = region_view(&alt, f, &query);
    assert_eq!(all.chart.bars.len(), alt.regions.len());
    assert_eq!(all.chart.max_rows, 0);
    query.filter = "EAST-1".into();
    let east = region_view(&alt, f, &query);
    assert!(!east.chart.bars.is_empty());
    assert!(east
        .chart
        .bars
        .iter()
        .all(|b| b.label.to_lowercase().contains("east-1")));
    query.scope = Scope::Zones;
    query.filter.clear();
    query.continent = "EU".into();
    let eu = region_view(&alt, f, &query);
    assert!(!eu.chart.bars.is_empty() && eu.chart.bars.len() < alt.zones.len());

    let all = hardware_view(&alt, true);
    assert_eq!(all.chart.rows.len(), all.total);
    let top = hardware_view(&alt, false);
    assert!(top.chart.rows.len() <= HW_TOP_N + 1 && top.total > HW_TOP_N);
    let (hw, ids) = (top.chart, top.ids);
    assert_eq!(hw.rows.len(), ids.len());
    assert!(
        hw.runtime_scaled && hw.same_work,
        "hours workload: the same work on every device"
    );
    assert!(hw.caption().starts_with("Same work"));
    assert_eq!(
        hw.highlighted.map(|i| ids[i].as_str()),
        Some("a100-sxm4-80gb")
    );

    let est = estimate(&job, f);
    let t = tornado_view(&est);
    assert_eq!(t.items.len(), est.sensitivity.len());
    assert!((t.central - est.location_based.value()).abs() < 1e-9);
    assert!(t
        .items
        .iter()
        .all(|i| !i.low_input.is_empty() && !i.high_input.is_empty()));
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
