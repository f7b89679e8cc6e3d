//! Builds the app's wasm with cargo and finds it from cargo's own report of what it built.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};
use serde::Deserialize;

pub const TARGET: &str = "wasm32-unknown-unknown";

/// The parts of cargo's JSON messages (`--message-format=json`) read here.
#[derive(Deserialize)]
struct Message {
    reason: String,
    #[serde(default)]
    target: Option<Target>,
    #[serde(default)]
    filenames: Vec<PathBuf>,
}

#[derive(Deserialize)]
struct Target {
    name: String,
    kind: Vec<String>,
}

/// Builds binary `bin` of the workspace at `root` for the browser in release mode, and returns
/// the wasm file cargo reports for it. Diagnostics go to the terminal as cargo renders them.
pub fn build_wasm(root: &Path, bin: &str) -> Result<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut child = Command::new(cargo)
        .current_dir(root)
        .args(["build", "--release", "--target", TARGET, "--bin", bin])
        .arg("--message-format=json-render-diagnostics")
        .stdout(Stdio::piped())
        .spawn()
        .context("starting cargo")?;
    let stdout = child.stdout.take().context("cargo's output")?;
    let mut wasm = None;
    for line in BufReader::new(stdout).lines() {
        let line = line.context("reading cargo's messages")?;
        // Every line is a JSON message; build scripts' own output is never printed here.
        let message: Message = serde_json::from_str(&line)
            .with_context(|| format!("cargo printed something that is not a message: {line}"))?;
        if message.reason != "compiler-artifact" {
            continue;
        }
        let Some(target) = message.target else {
            continue;
        };
        if target.name == bin && target.kind.iter().any(|k| k == "bin") {
            wasm = message
                .filenames
                .into_iter()
                .find(|f| f.extension().is_some_and(|e| e == "wasm"));
        }
    }
    let status = child.wait().context("waiting for cargo")?;
    if !status.success() {
        bail!("cargo build failed ({status})");
    }
    wasm.with_context(|| format!("cargo reported no wasm file for the binary {bin}"))
}
