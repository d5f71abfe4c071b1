//! Running child processes with a readable echo and timing.

use std::ffi::OsStr;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// A command builder that remembers how to print itself.
pub struct Cmd {
    inner: Command,
    shown: String,
}

impl Cmd {
    /// A new command for `program`.
    pub fn new(program: impl AsRef<OsStr>) -> Cmd {
        let shown = program.as_ref().to_string_lossy().into_owned();
        Cmd {
            inner: Command::new(program),
            shown,
        }
    }

    /// Adds one argument.
    pub fn arg(mut self, a: impl AsRef<OsStr>) -> Cmd {
        self.shown.push(' ');
        self.shown.push_str(&a.as_ref().to_string_lossy());
        self.inner.arg(a);
        self
    }

    /// Adds several arguments.
    pub fn args<I, S>(mut self, args: I) -> Cmd
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        for a in args {
            self = self.arg(a);
        }
        self
    }

    /// Sets an environment variable for the child.
    pub fn env(mut self, k: impl AsRef<OsStr>, v: impl AsRef<OsStr>) -> Cmd {
        self.inner.env(k, v);
        self
    }

    /// Sets the working directory.
    pub fn dir(mut self, d: &Path) -> Cmd {
        self.inner.current_dir(d);
        self
    }
}

/// Runs the command with inherited stdio; an unsuccessful exit is an error.
pub fn run(mut cmd: Cmd) -> Result<(), String> {
    eprintln!("$ {}", cmd.shown);
    let status = cmd
        .inner
        .status()
        .map_err(|e| format!("cannot start `{}`: {e}", cmd.shown))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", cmd.shown))
    }
}

/// Runs the command and returns its stdout (stderr is passed through).
pub fn capture(mut cmd: Cmd) -> Result<String, String> {
    let out = cmd
        .inner
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot start `{}`: {e}", cmd.shown))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!("`{}` failed ({})", cmd.shown, out.status))
    }
}

/// Times a named stage and prints its duration, so CI logs show where time goes.
pub fn stage<T>(name: &str, f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    eprintln!("\n=== [stage] {name}");
    let start = Instant::now();
    let result = f();
    let secs = start.elapsed().as_secs_f64();
    match &result {
        Ok(_) => eprintln!("=== [stage] {name}: ok in {secs:.1} s"),
        Err(e) => eprintln!("=== [stage] {name}: FAILED in {secs:.1} s: {e}"),
    }
    result
}
