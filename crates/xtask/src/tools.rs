//! The command-line tools of the build: npm's wasm-opt (binaryen; Debian's breaks the module,
//! see /work/shared/toolchain.md) and esbuild, both pinned in package.json and installed into
//! node_modules by scripts/tools.sh. Their command line is their interface: files or standard
//! input in, files or standard output out, and nothing they print is read.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};

fn bin(root: &Path, name: &str) -> Result<PathBuf> {
    let path = root.join("node_modules/.bin").join(name);
    if !path.exists() {
        bail!(
            "{} is missing: run scripts/build, which installs it (npm ci)",
            path.display()
        );
    }
    Ok(path)
}

fn check(command: &mut Command, what: &str) -> Result<()> {
    let status = command
        .status()
        .with_context(|| format!("starting {what}"))?;
    if !status.success() {
        bail!("{what} failed ({status})");
    }
    Ok(())
}

/// Optimizes `input` for size into `output`. wasm-opt takes the wasm features to allow from the
/// module's `target_features` section, which rustc writes (so the release profile keeps it:
/// `strip = "debuginfo"`), and the section is dropped from the result, like the producers.
pub fn wasm_opt(root: &Path, input: &Path, output: &Path) -> Result<()> {
    check(
        Command::new(bin(root, "wasm-opt")?)
            .args(["-Oz", "--strip-producers", "--strip-target-features"])
            .arg(input)
            .arg("-o")
            .arg(output),
        &format!("wasm-opt on {}", input.display()),
    )
}

/// What esbuild is given: JavaScript (a module or a classic script) or CSS.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Code {
    Module,
    Script,
    Css,
}

fn esbuild_command(root: &Path, kind: Code, args: &[String], stdin: bool) -> Result<Command> {
    let mut command = Command::new(bin(root, "esbuild")?);
    command.args(["--minify", "--log-level=warning"]);
    // A file's name tells esbuild what it holds; standard input needs to be told.
    if stdin {
        command.arg(match kind {
            Code::Module | Code::Script => "--loader=js",
            Code::Css => "--loader=css",
        });
    }
    if kind == Code::Module {
        command.arg("--format=esm");
    }
    command.args(args);
    Ok(command)
}

/// Minifies the file `input` into `output` with esbuild, for options that need files (such as
/// `--mangle-cache`). See `esbuild`.
pub fn esbuild_file(
    root: &Path,
    input: &Path,
    output: &Path,
    kind: Code,
    args: &[String],
) -> Result<()> {
    let mut command = esbuild_command(root, kind, args, false)?;
    command
        .arg(input)
        .arg(format!("--outfile={}", output.display()));
    check(&mut command, &format!("esbuild on {}", input.display()))
}

/// Minifies `code` with esbuild, which only renames what is local to the file and lowers no
/// syntax (no target is given). `args` are further esbuild options.
pub fn esbuild(root: &Path, code: &str, kind: Code, args: &[String]) -> Result<String> {
    let mut child = esbuild_command(root, kind, args, true)?
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .context("starting esbuild")?;
    let mut stdin = child.stdin.take().context("esbuild's input")?;
    let input = code.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().context("waiting for esbuild")?;
    writer
        .join()
        .map_err(|_| anyhow::anyhow!("writing to esbuild panicked"))?
        .context("writing to esbuild")?;
    if !output.status.success() {
        bail!("esbuild failed ({})", output.status);
    }
    let minified = String::from_utf8(output.stdout).context("esbuild's output is not UTF-8")?;
    Ok(minified.trim_end().to_string())
}
