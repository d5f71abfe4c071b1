//! A minimal static-file HTTP server on loopback, std only.
//!
//! Why our own: `cargo xtask serve` and the end-to-end tests both need to serve the built `dist/`,
//! optionally under a sub-path (as GitHub Pages does: `https://user.github.io/repo/`), and the
//! offline test must be able to stop it mid-test. Pulling in a web framework for that would slow
//! every build; this is ~150 lines. The e2e tests include this very file with `#[path]`.

use std::io::{BufRead, BufReader, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;

/// A running server; dropping it (or calling [`StaticServer::stop`]) stops it.
pub struct StaticServer {
    addr: SocketAddr,
    prefix: String,
    stopping: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl StaticServer {
    /// Serves `root` at `http://127.0.0.1:<port><prefix>` (`port` 0 picks a free one).
    /// `prefix` is a URL path like `/` or `/repo/`; requests outside it get 404.
    pub fn start(root: &Path, port: u16, prefix: &str) -> std::io::Result<StaticServer> {
        let listener = TcpListener::bind(("127.0.0.1", port))?;
        let addr = listener.local_addr()?;
        let prefix = normalise_prefix(prefix);
        let stopping = Arc::new(AtomicBool::new(false));
        let (root, flag, pre) = (root.to_path_buf(), stopping.clone(), prefix.clone());
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if flag.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(stream) = stream {
                    let (root, pre) = (root.clone(), pre.clone());
                    std::thread::spawn(move || {
                        let _ = handle(stream, &root, &pre);
                    });
                }
            }
        });
        Ok(StaticServer {
            addr,
            prefix,
            stopping,
            thread: Some(thread),
        })
    }

    /// The base URL, ending in the prefix, e.g. `http://127.0.0.1:8080/repo/`.
    pub fn url(&self) -> String {
        format!("http://{}{}", self.addr, self.prefix)
    }

    /// Stops accepting connections and waits for the accept loop to end.
    pub fn stop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        // Wake the blocking accept() so the loop sees the flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }

    /// Blocks the calling thread while the server runs (for `cargo xtask serve`).
    pub fn wait(mut self) {
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop();
    }
}

fn normalise_prefix(prefix: &str) -> String {
    let trimmed = prefix.trim_matches('/');
    if trimmed.is_empty() {
        "/".to_string()
    } else {
        format!("/{trimmed}/")
    }
}

fn handle(mut stream: TcpStream, root: &Path, prefix: &str) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers; only Accept-Encoding matters (for pre-compressed `.gz` siblings).
    let mut gzip_ok = false;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
        let lower = line.to_ascii_lowercase();
        if lower.starts_with("accept-encoding:") && lower.contains("gzip") {
            gzip_ok = true;
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let head_only = method == "HEAD";
    if method != "GET" && !head_only {
        return respond(
            &mut stream,
            405,
            "text/plain",
            b"method not allowed",
            head_only,
        );
    }
    // The prefix without its trailing slash redirects, as GitHub Pages does.
    if path == prefix.trim_end_matches('/') && prefix != "/" {
        let header = format!(
            "HTTP/1.1 301 Moved Permanently\r\nLocation: {prefix}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        );
        stream.write_all(header.as_bytes())?;
        return Ok(());
    }
    let Some(rel) = path.strip_prefix(prefix) else {
        return respond(&mut stream, 404, "text/plain", b"not found", head_only);
    };
    match resolve(root, rel) {
        Some(file) => {
            // A `name.gz` beside the file is served compressed to clients that accept gzip, as a
            // static host does (only the benchmark's copy of `dist/` has them).
            let gz = gzip_ok
                .then(|| gz_sibling(&file))
                .flatten()
                .and_then(|gz| std::fs::read(gz).ok());
            let (body, encoding) = match gz {
                Some(body) => (Ok(body), Some("gzip")),
                None => (std::fs::read(&file), None),
            };
            match body {
                Ok(body) => respond_encoded(
                    &mut stream,
                    200,
                    content_type(&file),
                    &body,
                    head_only,
                    encoding,
                ),
                Err(_) => respond(&mut stream, 404, "text/plain", b"not found", head_only),
            }
        }
        None => respond(&mut stream, 404, "text/plain", b"not found", head_only),
    }?;
    let _ = stream.shutdown(Shutdown::Write);
    Ok(())
}

/// Maps a URL path (relative to the prefix) to a file under `root`, refusing `..` escapes.
fn resolve(root: &Path, rel: &str) -> Option<PathBuf> {
    let decoded = rel.replace("%20", " ");
    let mut file = root.to_path_buf();
    for comp in Path::new(&decoded).components() {
        match comp {
            Component::Normal(c) => file.push(c),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

/// `file` with `.gz` appended, if that file exists.
fn gz_sibling(file: &Path) -> Option<PathBuf> {
    let mut name = file.file_name()?.to_os_string();
    name.push(".gz");
    let gz = file.with_file_name(name);
    gz.is_file().then_some(gz)
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn respond(
    stream: &mut TcpStream,
    status: u16,
    content_type: &str,
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    respond_encoded(stream, status, content_type, body, head_only, None)
}

fn respond_encoded(
    stream: &mut TcpStream,
    status: u16,
    content_type: &str,
    body: &[u8],
    head_only: bool,
    encoding: Option<&str>,
) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Error",
    };
    let encoding = encoding.map_or(String::new(), |e| {
        format!("Content-Encoding: {e}\r\nVary: Accept-Encoding\r\n")
    });
    let header = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n{encoding}Cache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(header.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}
