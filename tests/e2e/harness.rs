//! Shared e2e machinery: the static server, a ChromeDriver process, a WebDriver session with
//! browser and network logs, checks for console errors and third-party requests, polling for a
//! condition (never a fixed sleep before an assertion), canvas pixel helpers, and scripts injected
//! before the page.

#[path = "../../xtask/src/static_server.rs"]
#[allow(dead_code)]
pub mod static_server;

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::future::Future;
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub use static_server::StaticServer;

/// How often [`poll`] checks its condition.
pub const POLL_EVERY: Duration = Duration::from_millis(20);
/// How long a condition may take before [`Browser::poll_js`] fails the test.
pub const POLL_TIMEOUT: Duration = Duration::from_secs(10);

/// Checks `check` every [`POLL_EVERY`] until it returns `Ok`, and returns that value; after
/// `timeout`, fails the test with `what` and the last `Err` (what was seen instead).
pub async fn poll<T, F, Fut>(timeout: Duration, what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, String>>,
{
    let deadline = Instant::now() + timeout;
    loop {
        let seen = match check().await {
            Ok(v) => return v,
            Err(seen) => seen,
        };
        assert!(
            Instant::now() < deadline,
            "timed out after {timeout:?} waiting for {what}; last seen: {seen}"
        );
        tokio::time::sleep(POLL_EVERY).await;
    }
}

/// JavaScript truthiness of a script's result (`null`, `false`, `0`, `""` are false).
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

/// JavaScript helpers to put before a script that reads canvases and colours (the tests tell a
/// chart was drawn from its pixels, not from a hook in the app):
/// - `pixels(c)`: the canvas's pixels, one `Uint32` per pixel;
/// - `differs(a, b)`: whether two `pixels` results differ;
/// - `ink(c)`: the share of pixels that differ from the top-left (background) one, 0 when blank;
/// - `bgLum(c)`: the relative luminance (0–1) of the top-left pixel, -1 when transparent;
/// - `cssLum(s)`: the luminance of a computed CSS colour `rgb(…)`, -1 when transparent.
pub const CANVAS_JS: &str = "
    const pixels = c => (c.width && c.height) ? new Uint32Array(
        c.getContext('2d').getImageData(0, 0, c.width, c.height).data.buffer) : new Uint32Array(0);
    const differs = (a, b) => {
      if (a.length !== b.length) return true;
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return true;
      return false;
    };
    const ink = c => {
      const p = pixels(c); let n = 0;
      for (let i = 0; i < p.length; i++) if (p[i] !== p[0]) n++;
      return p.length ? n / p.length : 0;
    };
    const lum = (r, g, b) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    const bgLum = c => {
      if (!c.width || !c.height) return -1;
      const d = c.getContext('2d').getImageData(0, 0, 1, 1).data;
      return d[3] ? lum(d[0], d[1], d[2]) : -1;
    };
    const cssLum = s => {
      const m = (s.match(/[\\d.]+/g) || []).map(Number);
      return m.length < 3 || m[3] === 0 ? -1 : lum(m[0], m[1], m[2]);
    };
";

/// Injected before any page script by [`Browser::keep_wasm_memory`]: keeps the page's
/// WebAssembly memory on `window[WASM_MEMORY_PROPERTY]` by wrapping
/// `WebAssembly.instantiateStreaming` and `WebAssembly.instantiate`, so the memory benchmark needs
/// no hook in the app.
const KEEP_WASM_MEMORY: &str = r#"(() => {
  const keep = result => {
    try {
      const instance = result instanceof WebAssembly.Instance ? result : result && result.instance;
      const exports = instance ? instance.exports : {};
      const memory = exports.memory instanceof WebAssembly.Memory ? exports.memory
        : Object.values(exports).find(v => v instanceof WebAssembly.Memory);
      if (memory) window.__e2eWasmMemory = memory;
    } catch (_) {}
    return result;
  };
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    if (typeof original !== 'function') continue;
    WebAssembly[name] = function (...args) { return original.apply(this, args).then(keep); };
  }
})();"#;

/// The window property where [`KEEP_WASM_MEMORY`] keeps the page's `WebAssembly.Memory`.
pub const WASM_MEMORY_PROPERTY: &str = "__e2eWasmMemory";

/// The release build to test (set by `cargo xtask test`).
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("MLCALC_DIST")
        .map(PathBuf::from)
        .expect("MLCALC_DIST is not set: run the e2e tests through `cargo xtask test`");
    assert!(
        dir.join("index.html").is_file(),
        "no index.html in {}: build first",
        dir.display()
    );
    dir
}

fn env_path(name: &str, default: &str) -> PathBuf {
    std::env::var_os(name)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(default))
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A headless Chromium session driven through its own ChromeDriver process.
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    driver: Child,
    _profile: TempDir,
}

/// A temporary directory removed on drop (a fresh Chromium profile per session).
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl Browser {
    /// Starts ChromeDriver and a fresh headless Chromium at the given window size.
    pub async fn start(width: u32, height: u32) -> Browser {
        Browser::start_with_args(width, height, &[]).await
    }

    /// Like [`Browser::start`], with extra Chromium flags (e.g. for memory benchmarks).
    pub async fn start_with_args(width: u32, height: u32, extra: &[&str]) -> Browser {
        let chromedriver = env_path("CHROMEDRIVER", "/usr/bin/chromedriver");
        let chrome = env_path("CHROME", "/usr/bin/chromium");
        assert!(
            chromedriver.is_file(),
            "ChromeDriver missing at {}",
            chromedriver.display()
        );
        assert!(chrome.is_file(), "Chromium missing at {}", chrome.display());
        let port = free_port();
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let profile =
            std::env::temp_dir().join(format!("mlcalc-e2e-{port}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&profile);
        let mut args: Vec<String> = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ]
        .iter()
        .map(|a| a.to_string())
        .collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        args.push(format!("--window-size={width},{height}"));
        args.extend(extra.iter().map(|a| a.to_string()));
        let caps = json!({
            "goog:chromeOptions": {
                "binary": chrome,
                "args": args,
            },
            "goog:loggingPrefs": { "browser": "ALL", "performance": "ALL" },
        });
        let caps = match caps {
            Value::Object(map) => map,
            _ => unreachable!(),
        };
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a WebDriver session");
        let browser = Browser {
            client,
            driver,
            _profile: TempDir(profile),
        };
        // Leave Chromium's internal new-tab page and drop what it logged, so the checks see only
        // what our app did.
        let _ = browser.client.goto("about:blank").await;
        browser.console().await;
        browser.requested_urls().await;
        browser
    }

    /// Waits until `css` matches an element (up to 10 s) and returns its text.
    pub async fn wait_text(&self, css: &str) -> String {
        let el = self
            .client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element matches {css:?}: {e}"));
        el.text().await.expect("element text")
    }

    /// The page's URL once `want` accepts it, or the last one seen after 5 s. The page rewrites
    /// its query (the share link) a quarter of a second after the inputs stop changing.
    pub async fn wait_url(&self, want: impl Fn(&str) -> bool) -> String {
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        loop {
            let url = self.client.current_url().await.expect("url").to_string();
            if want(&url) || std::time::Instant::now() > deadline {
                return url;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Runs `script` (a function body, with `args`) every [`POLL_EVERY`] until it returns a truthy
    /// value and returns that value; fails the test after `timeout` with `what` and the last value.
    /// A result `{waiting: …}` counts as not yet, and says what the script saw instead.
    pub async fn poll_js(
        &self,
        script: &str,
        args: Vec<Value>,
        timeout: Duration,
        what: &str,
    ) -> Value {
        poll(timeout, what, || async {
            match self.client.execute(script, args.clone()).await {
                Ok(v) if truthy(&v) && v.get("waiting").is_none() => Ok(v),
                Ok(v) => Err(v.to_string()),
                Err(e) => Err(format!("script error: {e}")),
            }
        })
        .await
    }

    /// A fresh browser of `width` × `height` CSS pixels on `url`.
    pub async fn open(url: &str, width: u32, height: u32) -> Browser {
        let browser = Browser::start(width, height).await;
        browser.client.goto(url).await.expect("open the app");
        browser
    }

    /// Makes every page this session opens from now on run `source` before its own scripts
    /// (Chromium's `Page.addScriptToEvaluateOnNewDocument`, through ChromeDriver's CDP
    /// passthrough; the page's Content-Security-Policy does not apply to it).
    pub async fn add_script_before_pages(&self, source: &str) {
        self.client
            .issue_cmd(CdpExecute {
                cmd: "Page.addScriptToEvaluateOnNewDocument",
                params: json!({ "source": source }),
            })
            .await
            .unwrap_or_else(|e| panic!("cannot inject a script before the page: {e}"));
    }

    /// From the next page on, keeps the page's WebAssembly memory on
    /// `window[WASM_MEMORY_PROPERTY]` (for the memory benchmark, without a hook in the app).
    pub async fn keep_wasm_memory(&self) {
        self.add_script_before_pages(KEEP_WASM_MEMORY).await;
    }

    /// Browser console entries since the last call (ChromeDriver's log endpoint).
    pub async fn console(&self) -> Vec<Value> {
        self.logs("browser").await
    }

    /// URLs of every network request the page made since the last call.
    pub async fn requested_urls(&self) -> Vec<String> {
        self.logs("performance")
            .await
            .iter()
            .filter_map(|entry| {
                let msg: Value = serde_json::from_str(entry["message"].as_str()?).ok()?;
                let inner = &msg["message"];
                (inner["method"] == "Network.requestWillBeSent")
                    .then(|| inner["params"]["request"]["url"].as_str().map(String::from))
                    .flatten()
            })
            .collect()
    }

    async fn logs(&self, kind: &str) -> Vec<Value> {
        let out = self
            .client
            .issue_cmd(GetLog(kind.to_string()))
            .await
            .unwrap_or_else(|e| panic!("cannot read the {kind} log: {e}"));
        out.as_array().cloned().unwrap_or_default()
    }

    /// Asserts the console holds no error (SEVERE) entry.
    pub async fn assert_no_console_errors(&self) {
        let errors: Vec<Value> = self
            .console()
            .await
            .into_iter()
            .filter(|e| e["level"] == "SEVERE")
            .collect();
        assert!(errors.is_empty(), "console errors: {errors:#?}");
    }

    /// Asserts every request went to `origin` (or was a data:/blob: URL) and returns the count.
    pub async fn assert_same_origin_only(&self, origin: &str) -> usize {
        let urls = self.requested_urls().await;
        let foreign: Vec<&String> = urls
            .iter()
            .filter(|u| {
                !(u.starts_with(origin) || u.starts_with("data:") || u.starts_with("blob:"))
            })
            .collect();
        assert!(
            foreign.is_empty(),
            "requests to other origins: {foreign:#?}"
        );
        urls.len()
    }

    /// Ends the session and the driver.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// ChromeDriver's (non-W3C but supported) `POST /session/{id}/se/log` command.
#[derive(Debug)]
struct GetLog(String);

impl WebDriverCompatibleCommand for GetLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": self.0 }).to_string()),
        )
    }
}

/// ChromeDriver's `POST /session/{id}/goog/cdp/execute`: one Chrome DevTools Protocol command.
#[derive(Debug)]
struct CdpExecute {
    cmd: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for CdpExecute {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "cmd": self.cmd, "params": self.params }).to_string()),
        )
    }
}

/// `http://127.0.0.1:<port>` of a server URL.
pub fn origin_of(url: &str) -> String {
    let after_scheme = url.trim_start_matches("http://");
    let host = after_scheme.split('/').next().unwrap_or(after_scheme);
    format!("http://{host}")
}
