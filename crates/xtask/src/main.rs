//! The project's build program, run through the `cargo xtask` alias (.cargo/config.toml):
//!
//! - `cargo xtask build [DIR]` makes the release build in `dist/` (or DIR): the wasm cut into
//!   parts, wasm-bindgen's glue, the stylesheets, the guide per language, index.html with its
//!   loader and Content-Security-Policy, and the service worker (see ARCHITECTURE.md, "Build").
//! - `cargo xtask guide [DIR]` only splits the guide per language into DIR/guide/, for
//!   development builds: Trunk's post-build hook calls it with Trunk's staging directory.
//!
//! Every tool is used through its interface: cargo's JSON messages, the wasm-split and
//! wasm-bindgen libraries, wasm-opt's and esbuild's command lines. Nothing here reads another
//! tool's output text back.

mod cargo;
mod guide;
mod page;
mod site;
mod tools;
mod wasm;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

/// The workspace's root directory, where index.html, style/ and public/ are. `cargo run` sets
/// CARGO_MANIFEST_DIR when the program runs; that comes first, because checkouts that share
/// one target dir also share this binary, and the path compiled in is the last one built.
pub fn root() -> PathBuf {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest
        .ancestors()
        .nth(2)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<()> {
    let root = root();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["build"] => site::build(&root, &root.join("dist")),
        ["build", dir] => site::build(&root, &absolute(dir)?),
        ["guide"] => {
            // Trunk's release build would ship the wasm uncut and unoptimized.
            if std::env::var("TRUNK_PROFILE").as_deref() == Ok("release") {
                bail!("release builds are made by `cargo xtask build` (scripts/build), not Trunk");
            }
            guide_into(&root, &staging_dir()?)
        }
        ["guide", dir] => guide_into(&root, &absolute(dir)?),
        _ => bail!(
            "usage: cargo xtask build [DIR]   (the release build, into dist/ or DIR)\n       \
             cargo xtask guide [DIR]   (the guide per language, into DIR/guide/; DIR defaults \
             to $TRUNK_STAGING_DIR)"
        ),
    }
}

fn guide_into(root: &Path, dir: &Path) -> Result<()> {
    let files =
        guide::write_per_language(&root.join("public/guide/jimei.json"), &dir.join("guide"))?;
    // Trunk's copy of the whole guide is not served: each visitor reads their language's.
    let whole = dir.join("guide/jimei.json");
    if whole.exists() {
        std::fs::remove_file(&whole).with_context(|| format!("removing {}", whole.display()))?;
    }
    eprintln!("xtask: guide split into {}", files.join(", "));
    Ok(())
}

fn staging_dir() -> Result<PathBuf> {
    std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .context("no directory given and TRUNK_STAGING_DIR is not set")
}

fn absolute(dir: &str) -> Result<PathBuf> {
    std::path::absolute(dir).with_context(|| format!("the path {dir}"))
}
