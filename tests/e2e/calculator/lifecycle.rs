//! The life-cycle view (issue #20) through share links: the embodied, development, life-cycle
//! total and water hooks equal the native estimate of the same link, zero embodied factors give
//! zero embodied emissions, and a typed override is validated on its field and written to the link.

use super::{click, open, set, texts, value};
use crate::harness::{dist_dir, Browser, StaticServer};
use emissions_core::dataset::bundled;
use emissions_core::model::{calculate, Factors};
use emissions_core::share::from_query;
use std::time::{Duration, Instant};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-12)
}

/// Waits until the hook's value satisfies `ok` (the page updates after the input event).
async fn wait_value(browser: &Browser, hook: &str, ok: impl Fn(f64) -> bool) -> f64 {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let v = value(browser, hook).await;
        if ok(v) || Instant::now() > deadline {
            return v;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn the_lifecycle_hooks_equal_the_native_estimate_of_the_link() {
    let factors = Factors::new(bundled().expect("bundled dataset"));
    let server = StaticServer::start(&dist_dir(), 0, "/").expect("serve dist");
    let browser = Browser::start(1280, 1000).await;

    let query = "hw=h100-sxm&n=8&h=24&loc=aws/us-east-1&dev=50&life=4";
    let decoded = from_query(query);
    assert!(decoded.problems.is_empty(), "{:?}", decoded.problems);
    let native = calculate(&decoded.inputs, &factors).expect("valid link");
    let l = &native.lifecycle;
    open(&browser, &format!("{}?{query}", server.url())).await;
    for (hook, want) in [
        ("emissions-kg", native.location_based.0),
        ("embodied-kg", l.embodied.central.0),
        ("development-kg", l.development.central.0),
        ("lifecycle-kg", l.total.central.0),
        ("water-l", l.water.central.0),
    ] {
        let got = value(&browser, hook).await;
        println!("{hook}: page {got}, native {want}");
        assert!(close(got, want), "{hook}: page {got}, native {want}");
    }
    assert!(l.development.central.0 > 0.0 && l.embodied.central.0 > 0.0);
    let parts = texts(&browser, "[data-testid=lifecycle-parts]").await;
    assert!(
        parts.first().is_some_and(|t| t.starts_with("Operational ")),
        "{parts:?}"
    );

    // Zero embodied factors: nothing embodied, and the life-cycle total is the operational one.
    open(
        &browser,
        &format!("{}?hw=h100-sxm&emb_dev=0&emb_host=0", server.url()),
    )
    .await;
    assert_eq!(value(&browser, "embodied-kg").await, 0.0);
    let kg = value(&browser, "emissions-kg").await;
    assert!(close(value(&browser, "lifecycle-kg").await, kg));

    // A typed override: out of range is reported on its field; a sound one goes into the link.
    click(&browser, "details.lifecycle-inputs > summary").await;
    set(&browser, "#f-use", "0").await;
    let errors = browser
        .wait_text("#f-use-err [data-testid=input-error]")
        .await;
    assert!(errors.contains("Share of life in use"), "{errors}");
    set(&browser, "#f-use", "50").await;
    let url = browser.wait_url(|u| u.contains("use=50")).await;
    assert!(
        url.contains("emb_dev=0&emb_host=0") && url.contains("use=50"),
        "{url}"
    );
    let embodied = wait_value(&browser, "embodied-kg", |v| v == 0.0).await;
    assert_eq!(embodied, 0.0);
    set(&browser, "#f-emb-dev", "").await;
    let embodied = wait_value(&browser, "embodied-kg", |v| v > 0.0).await;
    assert!(embodied > 0.0, "the dataset's figure is back");
    browser.assert_no_console_errors().await;
    browser.close().await;
}
