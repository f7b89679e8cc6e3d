//! The wasm of the release build: cargo's output cut into parts with wasm-split, the main part
//! bound with wasm-bindgen, its imports given short names, and every file optimized.
//!
//! What comes out is one directory of files that refer to each other only by relative names
//! that the tools chose (`./jimei.js`, `./__wasm_split.js`, `./split_checklist.wasm`, ...), so
//! nothing in them is renamed afterwards: the directory is named after its contents instead.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use wasm_bindgen_cli_support::Bindgen;

use crate::tools::{self, Code};

/// The stem of the main part's files: `jimei.js` (the glue) and `jimei_bg.wasm`.
pub const STEM: &str = "jimei";
/// The module the split parts' loader is written to; the main wasm imports from it by this name.
pub const SPLIT_LOADER: &str = "__wasm_split.js";

/// The files of the wasm, by name, and what each split point needs.
pub struct Wasm {
    /// File name to contents: the glue, the main wasm, the parts and their loader.
    pub files: BTreeMap<String, Vec<u8>>,
    /// For each split point (`split_fn!`'s name), the file names of the parts it loads.
    pub parts: HashMap<String, Vec<String>>,
    /// How many of the main wasm's imports were given short names.
    pub short_imports: usize,
}

/// Cuts, binds and optimizes `input` (cargo's wasm), working in `work`.
pub fn build(root: &Path, input: &Path, work: &Path) -> Result<Wasm> {
    let cut = work.join("cut");
    let main = work.join("main.wasm");
    std::fs::create_dir_all(&cut)?;
    let bytes = std::fs::read(input).with_context(|| format!("reading {}", input.display()))?;
    let started = Instant::now();
    let main_module = format!("./{STEM}.js");
    let link_name = format!("./{SPLIT_LOADER}");
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&bytes);
        options.output_dir = &cut;
        options.main_out_path = &main;
        options.link_name = &link_name;
        options.main_module = &main_module;
        options.target.web();
        options
    })
    .map_err(|e| anyhow::anyhow!("wasm-split: {e:?}"))?;
    if split.split_modules.is_empty() {
        bail!("wasm-split found no split points: was the wasm built with --cfg jimei_split?");
    }
    eprintln!(
        "xtask: wasm-split cut {} parts in {:.1} s",
        split.split_modules.len(),
        started.elapsed().as_secs_f64()
    );

    let mut files = BTreeMap::new();
    let started = Instant::now();
    let (js, wasm, short_imports) = bind(root, &main, work)?;
    eprintln!(
        "xtask: wasm-bindgen, short import names and wasm-opt on the main part in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    files.insert(format!("{STEM}.js"), js.into_bytes());
    files.insert(format!("{STEM}_bg.wasm"), wasm);

    let mut jobs = Vec::new();
    for part in &split.split_modules {
        let name = part
            .file_name()
            .and_then(|n| n.to_str())
            .context("a part's file name")?
            .to_string();
        let raw = std::fs::read(part)?;
        let unnamed = work.join(format!("unnamed-{name}"));
        std::fs::write(&unnamed, without_names(&raw)?)?;
        jobs.push((name, unnamed));
    }
    for (name, bytes) in optimize_all(root, work, jobs)? {
        files.insert(name, bytes);
    }
    eprintln!(
        "xtask: wasm-opt on {} parts in {:.1} s",
        split.split_modules.len(),
        started.elapsed().as_secs_f64()
    );
    let loader = std::fs::read_to_string(cut.join(SPLIT_LOADER))
        .with_context(|| format!("wasm-split wrote no {SPLIT_LOADER}"))?;
    files.insert(
        SPLIT_LOADER.to_string(),
        tools::esbuild(root, &loader, Code::Module, &[])?.into_bytes(),
    );

    let parts = split
        .prefetch_map
        .into_iter()
        .map(|(point, stems)| {
            let names = stems.into_iter().map(|s| format!("{s}.wasm")).collect();
            (point, names)
        })
        .collect::<HashMap<String, Vec<String>>>();
    for names in parts.values() {
        for name in names {
            if !files.contains_key(name) {
                bail!("wasm-split names a part {name} that it did not write");
            }
        }
    }
    Ok(Wasm {
        files,
        parts,
        short_imports,
    })
}

/// Runs wasm-opt on each `(name, file)`, as many at once as the machine has cores; returns
/// each name with the optimized bytes.
fn optimize_all(
    root: &Path,
    work: &Path,
    jobs: Vec<(String, std::path::PathBuf)>,
) -> Result<Vec<(String, Vec<u8>)>> {
    let queue = std::sync::Mutex::new(jobs);
    let done = std::sync::Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            // The lock is taken and dropped inside `and_then`, not held while wasm-opt runs.
            scope.spawn(|| {
                while let Some((name, input)) = queue.lock().ok().and_then(|mut q| q.pop()) {
                    let output = work.join(format!("opt-{name}"));
                    let result = tools::wasm_opt(root, &input, &output)
                        .and_then(|()| Ok(std::fs::read(&output)?));
                    if let Ok(mut done) = done.lock() {
                        done.push((name, result));
                    }
                }
            });
        }
    });
    let done = done
        .into_inner()
        .map_err(|_| anyhow::anyhow!("a wasm-opt worker panicked"))?;
    done.into_iter()
        .map(|(name, result)| result.map(|bytes| (name, bytes)))
        .collect()
}

/// Runs wasm-bindgen on the main part; returns the glue (minified, with the short import
/// names), the optimized wasm, and how many imports were renamed.
///
/// wasm-bindgen names each import after the function it wraps plus a hash
/// (`__wbg_appendChild_1a2b3c4d5e6f7a8b`), and writes each name twice: in the wasm's import
/// section and as a key of the glue's imports object. The hashes do not compress (5.3 KB
/// brotli of the first download). The glue is the only provider of these imports: the other
/// parts reach the functions through the shared table, not by name. So they are renamed in
/// both, structurally: in the wasm's import section through walrus, the module wasm-bindgen
/// itself gives back, and in the glue by esbuild's property mangling, which parses the
/// JavaScript and renames exactly the properties named in the map it is given.
fn bind(root: &Path, main: &Path, work: &Path) -> Result<(String, Vec<u8>, usize)> {
    let mut output = Bindgen::new()
        .input_path(main)
        .out_name(STEM)
        .web(true)?
        // The parts import the main part's memory, table and functions by their linker names.
        .keep_lld_exports(true)
        .typescript(false)
        .remove_name_section(true)
        .remove_producers_section(true)
        .generate_output()
        .context("wasm-bindgen")?;
    if !output.snippets().values().all(Vec::is_empty) || !output.local_modules().is_empty() {
        bail!("the wasm has JavaScript snippets, which this build does not ship yet");
    }

    let glue = format!("./{STEM}_bg.js");
    let mut renames = serde_json::Map::new();
    for import in output.wasm_mut().imports.iter_mut() {
        if import.module == glue {
            let short = short_name(renames.len());
            let long = std::mem::replace(&mut import.name, short.clone());
            if renames.insert(long.clone(), short.into()).is_some() {
                bail!("wasm-bindgen's glue provides {long} twice");
            }
        }
    }
    if renames.is_empty() {
        bail!("the main wasm imports nothing from {glue}");
    }
    let cache = work.join("mangle-cache.json");
    std::fs::write(&cache, serde_json::to_vec(&renames)?)?;
    let names = renames.keys().map(|n| regex_literal(n)).collect::<Vec<_>>();
    let glue_in = work.join(format!("{STEM}.bound.js"));
    let glue_out = work.join(format!("{STEM}.js"));
    std::fs::write(&glue_in, output.js())?;
    tools::esbuild_file(
        root,
        &glue_in,
        &glue_out,
        Code::Module,
        &[
            format!("--mangle-props=^(?:{})$", names.join("|")),
            "--mangle-quoted=true".to_string(),
            // wasm-bindgen imports the parts' loader once per split point, under one key.
            "--log-override:duplicate-object-key=silent".to_string(),
            format!("--mangle-cache={}", cache.display()),
        ],
    )?;
    let js = std::fs::read_to_string(&glue_out)?;
    // esbuild writes back the names it used: they must be the ones the wasm now imports.
    let used: serde_json::Map<String, serde_json::Value> =
        serde_json::from_slice(&std::fs::read(&cache)?).context("esbuild's mangle cache")?;
    if used != renames {
        bail!("esbuild did not keep the import names it was given");
    }

    let bound = work.join(format!("{STEM}_bg.wasm"));
    std::fs::write(&bound, output.wasm_mut().emit_wasm())?;
    let optimized = work.join(format!("opt-{STEM}_bg.wasm"));
    tools::wasm_opt(root, &bound, &optimized)?;
    Ok((js, std::fs::read(&optimized)?, renames.len()))
}

/// Short, distinct names that are JavaScript identifiers: `$a`, `$b`, ... `$Z`, `$aa`, ...
fn short_name(index: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut out = Vec::new();
    let mut n = index;
    loop {
        out.push(LETTERS[n % LETTERS.len()]);
        if n < LETTERS.len() {
            break;
        }
        n = n / LETTERS.len() - 1;
    }
    out.push(b'$');
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// `name` as a regular expression (Go's syntax, which esbuild uses) that matches only itself.
fn regex_literal(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if !c.is_ascii_alphanumeric() && c != '_' {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `wasm` without its name section. wasm-split writes one that wasm-opt only warns about and
/// drops anyway; dropping it first keeps the build's output to what matters.
fn without_names(wasm: &[u8]) -> Result<Vec<u8>> {
    let mut out = wasm_encoder::Module::new();
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        let payload = payload.context("reading a wasm part")?;
        if let wasmparser::Payload::CustomSection(custom) = &payload {
            if custom.name() == "name" {
                continue;
            }
        }
        if let Some((id, range)) = payload.as_section() {
            let data = usize::try_from(range.start)
                .ok()
                .zip(usize::try_from(range.end).ok())
                .and_then(|(start, end)| wasm.get(start..end))
                .context("a section outside the wasm")?;
            out.section(&wasm_encoder::RawSection { id, data });
        }
    }
    Ok(out.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_are_distinct_identifiers() {
        let names: Vec<String> = (0..3000).map(short_name).collect();
        assert_eq!(names[0], "$a");
        assert_eq!(names[51], "$Z");
        assert_eq!(names[52], "$aa");
        assert_eq!(names[53], "$ab");
        let unique: std::collections::HashSet<_> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
        assert!(names
            .iter()
            .all(|n| n.starts_with('$') && n[1..].chars().all(|c| c.is_ascii_alphabetic())));
    }

    #[test]
    fn a_name_as_a_pattern_matches_only_itself() {
        assert_eq!(regex_literal("__wbg_get_1a2b"), "__wbg_get_1a2b");
        assert_eq!(regex_literal("a$b.c"), "a\\$b\\.c");
    }

    #[test]
    fn the_name_section_is_dropped_and_the_rest_kept() {
        let mut module = wasm_encoder::Module::new();
        let mut types = wasm_encoder::TypeSection::new();
        types.ty().function([], []);
        module.section(&types);
        module.section(&wasm_encoder::CustomSection {
            name: "name".into(),
            data: [0u8, 1, 0].as_slice().into(),
        });
        module.section(&wasm_encoder::CustomSection {
            name: "kept".into(),
            data: [7u8].as_slice().into(),
        });
        let bytes = module.finish();
        let out = without_names(&bytes).unwrap();
        let customs: Vec<String> = wasmparser::Parser::new(0)
            .parse_all(&out)
            .filter_map(|p| match p.unwrap() {
                wasmparser::Payload::CustomSection(c) => Some(c.name().to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(customs, ["kept"]);
        assert!(out.len() < bytes.len());
        wasmparser::validate(&out).unwrap();
    }
}
