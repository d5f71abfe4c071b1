//! Offline: after one visit the service worker serves the app with the server stopped, and the
//! app still computes, with its saved jobs.

use crate::harness::{dist_dir, Browser, StaticServer};
use crate::persist_util::{
    console_errors_except_network, headline_kg, job_names, js, save_job, wait_js,
};

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn app_loads_and_computes_offline_under_a_sub_path_with_saved_jobs() {
    let mut server = StaticServer::start(&dist_dir(), 0, "/repo/").expect("serve dist");
    let browser = Browser::open(&server.url(), 1280, 900).await;
    let online = headline_kg(&browser).await;
    assert!(
        online.is_finite() && online > 0.0,
        "no estimate online: {online}"
    );

    // The worker installs, precaches the build and takes control (clients.claim); on a slow
    // first install, a reload hands the page to it.
    wait_js(
        &browser,
        "return !!navigator.serviceWorker;",
        5,
        "service worker support",
    )
    .await;
    let controlled = "return navigator.serviceWorker.controller !== null;";
    if js(&browser, controlled).await != serde_json::Value::Bool(true) {
        wait_js(
            &browser,
            "return navigator.serviceWorker.getRegistration().then(r => !!(r && r.active));",
            20,
            "an active worker",
        )
        .await;
        browser.client.refresh().await.expect("reload");
    }
    wait_js(
        &browser,
        controlled,
        20,
        "the page to be controlled by the worker",
    )
    .await;
    let cached = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             caches.keys()
               .then(keys => Promise.all(keys.filter(k => k.startsWith('mlcalc-'))
                 .map(k => caches.open(k).then(c => c.keys()))))
               .then(lists => done(lists.flat().map(r => r.url)))
               .catch(e => done(String(e)));",
            vec![],
        )
        .await
        .expect("read the caches");
    let urls: Vec<String> = cached
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|u| u.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    assert!(
        urls.iter().any(|u| u.ends_with(".wasm")),
        "wasm not precached: {cached}"
    );
    assert!(
        urls.iter().any(|u| u.ends_with("/repo/index.html")),
        "page not precached: {cached}"
    );
    assert!(
        urls.iter().all(|u| u.contains("/repo/")),
        "precached outside the sub-path: {cached}"
    );

    save_job(&browser, "Flight run", 1).await;
    browser.assert_no_console_errors().await;

    server.stop();
    // Prove the network is really gone.
    let probe = js(
        &browser,
        "return fetch('http://' + location.host + '/repo/does-not-exist', {cache: 'no-store'})
           .then(() => 'reachable').catch(() => 'offline');",
    )
    .await;
    assert_eq!(probe, "offline", "the server should be stopped");

    browser.client.refresh().await.expect("reload offline");
    let offline = headline_kg(&browser).await;
    assert_eq!(
        offline, online,
        "the offline app computes the same estimate"
    );
    wait_js(
        &browser,
        "return document.querySelectorAll('[data-testid=saved-job]').length === 1;",
        10,
        "the saved job offline",
    )
    .await;
    assert_eq!(job_names(&browser).await, ["Flight run"]);
    let errors = console_errors_except_network(&browser).await;
    assert!(errors.is_empty(), "console errors offline: {errors:#?}");
    println!(
        "offline at {}: {online} kg, {} files precached",
        server.url(),
        urls.len()
    );
    browser.close().await;
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy");
        }
    }
}

/// The names of this app's caches.
async fn cache_names(browser: &Browser) -> Vec<String> {
    let v = js(
        browser,
        "return caches.keys().then(k => k.filter(n => n.startsWith('mlcalc-')));",
    )
    .await;
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
#[ignore = "needs the release dist/ and Chromium: run `cargo xtask test`"]
async fn a_new_build_replaces_the_cache_cleanly() {
    // A private copy of dist/, so the "new build" can be simulated by restamping its worker.
    let dir = std::env::temp_dir().join(format!("mlcalc-e2e-newbuild-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&dist_dir(), &dir);
    let server = StaticServer::start(&dir, 0, "/repo/").expect("serve the copy");
    let browser = Browser::open(&server.url(), 1280, 900).await;
    headline_kg(&browser).await;
    wait_js(
        &browser,
        "return navigator.serviceWorker.controller !== null;",
        30,
        "control",
    )
    .await;
    let first = cache_names(&browser).await;
    assert_eq!(first.len(), 1, "one cache per build: {first:?}");
    let old_hash = first[0].trim_start_matches("mlcalc-").to_string();

    let worker = dir.join("sw.js");
    let source = std::fs::read_to_string(&worker).expect("read sw.js");
    // The worker is minified: the hash is its `BUILD` constant, however terser quotes it.
    assert!(
        source.contains(&format!("BUILD=\"{old_hash}\"")),
        "cache named by the build hash: {source}"
    );
    std::fs::write(&worker, source.replace(&old_hash, "0123456789abcdef")).expect("restamp");
    js(
        &browser,
        "return navigator.serviceWorker.getRegistration().then(r => r.update()).then(() => true);",
    )
    .await;
    wait_js(
        &browser,
        "return caches.keys().then(k => { const m = k.filter(n => n.startsWith('mlcalc-'));
           return m.length === 1 && m[0] === 'mlcalc-0123456789abcdef'; });",
        30,
        "the new build's cache to replace the old one",
    )
    .await;
    browser.client.refresh().await.expect("reload");
    assert!(headline_kg(&browser).await.is_finite());
    browser.assert_no_console_errors().await;
    browser.close().await;
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}
