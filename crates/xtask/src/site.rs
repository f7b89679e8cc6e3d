//! The release build, `cargo xtask build`: every file of the site, written into a staging
//! directory and put in place of `dist/` only when all of it was made.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use jimei_model::route::Page;
use sha2::{Digest, Sha256};

use crate::page::{Assets, Template};
use crate::tools::{self, Code};
use crate::{cargo, guide, wasm};

/// The first screen's stylesheet; the template's other stylesheets are the pages', which load
/// with the guide (src/browser/styles.rs), so the home page downloads only this one.
const FIRST_SCREEN_STYLES: &[&str] = &["style/main.css"];
/// Where the guide's per-language files are served: `/guide/jimei.<tag>.json`.
const GUIDE_DIR: &str = "guide";
const GUIDE_SOURCE: &str = "public/guide";

pub fn build(root: &Path, dist: &Path) -> Result<()> {
    let work = target_dir(root).join("xtask-build");
    if work.exists() {
        std::fs::remove_dir_all(&work).with_context(|| format!("clearing {}", work.display()))?;
    }
    let staging = work.join("dist");
    std::fs::create_dir_all(&staging)?;
    let template = Template::read(&root.join("index.html"))?;

    // The wasm, in a directory named after its contents (see wasm.rs).
    let cargo_wasm = cargo::build_wasm(root, wasm::STEM)?;
    eprintln!(
        "xtask: cutting, binding and optimizing {}",
        cargo_wasm.display()
    );
    let wasm = wasm::build(root, &cargo_wasm, &work.join("wasm"))?;
    let pkg = format!("pkg-{}", hash_of_files(&wasm.files));
    let pkg_dir = staging.join(&pkg);
    std::fs::create_dir_all(&pkg_dir)?;
    for (name, bytes) in &wasm.files {
        std::fs::write(pkg_dir.join(name), bytes)?;
    }
    let url = |name: &str| format!("/{pkg}/{name}");

    // The stylesheets, named by their contents.
    let (first, pages): (Vec<&String>, Vec<&String>) = template
        .stylesheets
        .iter()
        .partition(|s| FIRST_SCREEN_STYLES.contains(&s.as_str()));
    if first.len() != FIRST_SCREEN_STYLES.len() || pages.is_empty() {
        bail!(
            "index.html must link {} and the pages' stylesheets; it links {}",
            FIRST_SCREEN_STYLES.join(", "),
            template.stylesheets.join(", ")
        );
    }
    let stylesheet = write_stylesheet(root, &staging, "app", &first)?;
    let page_styles = write_stylesheet(root, &staging, "pages", &pages)?;

    // The guide per language, and the files copied as they are.
    for dir in &template.copy_dirs {
        if dir == GUIDE_SOURCE {
            guide::write_per_language(
                &root.join(GUIDE_SOURCE).join("jimei.json"),
                &staging.join(GUIDE_DIR),
            )?;
        } else {
            copy_dir(&root.join(dir), &staging.join(file_name(dir)?))?;
        }
    }
    for file in &template.copy_files {
        std::fs::copy(root.join(file), staging.join(file_name(file)?))
            .with_context(|| format!("copying {file}"))?;
    }

    // The loader, with the build's URLs and each route's parts.
    let links = deep_links(&wasm.parts, &url)?;
    let build_data = serde_json::json!({
        "wasm": url(&format!("{}_bg.wasm", wasm::STEM)),
        "js": url(&format!("{}.js", wasm::STEM)),
        "splitLoader": url(wasm::SPLIT_LOADER),
        "guide": format!("/{GUIDE_DIR}/jimei."),
        "parts": links.parts,
        "styled": links.styled,
        "pageStyles": page_styles,
    });
    let loader_source = read(&root.join("scripts/loader.js"))?;
    let loader = tools::esbuild(
        root,
        &loader_source,
        Code::Module,
        &[format!("--define:JIMEI_BUILD={build_data}")],
    )?;

    // The documents. Prerendering each route in each language goes here: a function that,
    // given a page and a language, returns the HTML of the page's content and its title, and
    // one document per route and language rendered from the template with it. Until then the
    // only document is index.html, the template's own first screen, served for every route.
    let assets = Assets {
        stylesheet: &stylesheet,
        page_styles: &page_styles,
        loader: &loader,
    };
    std::fs::write(staging.join("index.html"), template.render(root, &assets)?)?;

    // The service worker and its registration.
    let register = tools::esbuild(
        root,
        &read(&root.join("scripts/sw-register.js"))?,
        Code::Script,
        &[],
    )?;
    std::fs::write(staging.join("sw-register.js"), register)?;
    let (count, version) = write_service_worker(root, &staging)?;

    replace_dir(&staging, dist)?;
    eprintln!(
        "xtask: release build written to {} ({count} files, {} wasm parts, {} short import \
         names, cache {version})",
        dist.display(),
        wasm.files.keys().filter(|n| n.ends_with(".wasm")).count() - 1,
        wasm.short_imports
    );
    Ok(())
}

/// What a deep link fetches early, by route (a page's path).
struct DeepLinks {
    /// For each route with wasm parts, the URLs of the parts.
    parts: BTreeMap<&'static str, Vec<String>>,
    /// The routes that show the guide, which also need the pages' stylesheet.
    styled: Vec<&'static str>,
}

/// The deep-link table, from each page's split points (`Page::split_points`) and the parts
/// each split point needs (`parts`, from wasm-split).
fn deep_links(
    parts: &HashMap<String, Vec<String>>,
    url: &dyn Fn(&str) -> String,
) -> Result<DeepLinks> {
    let mut table = BTreeMap::new();
    let mut styled = Vec::new();
    for page in Page::ALL {
        let Some(path) = page.path() else { continue };
        let mut files: Vec<String> = Vec::new();
        for point in page.split_points() {
            let names = parts.get(*point).with_context(|| {
                format!("{page:?} needs the split point {point}, which the wasm does not have")
            })?;
            for name in names {
                let file = url(name);
                if !files.contains(&file) {
                    files.push(file);
                }
            }
        }
        if !files.is_empty() {
            table.insert(path, files);
        }
        if page.shows_guide() {
            styled.push(path);
        }
    }
    Ok(DeepLinks {
        parts: table,
        styled,
    })
}

/// Joins and minifies `sources` into `<prefix>-<hash>.css`; returns its URL.
fn write_stylesheet(root: &Path, dir: &Path, prefix: &str, sources: &[&String]) -> Result<String> {
    let mut css = String::new();
    for source in sources {
        css.push_str(&read(&root.join(source))?);
        css.push('\n');
    }
    let minified = tools::esbuild(root, &css, Code::Css, &[])?;
    let name = format!("{prefix}-{}.css", hash(minified.as_bytes()));
    std::fs::write(dir.join(&name), minified)?;
    Ok(format!("/{name}"))
}

/// Writes sw.js from scripts/sw.js with the list of every file of the build and a version
/// derived from their contents, so each deploy gets its own complete cache. Returns how many
/// files it lists and the version.
fn write_service_worker(root: &Path, dir: &Path) -> Result<(usize, String)> {
    let mut files = Vec::new();
    walk(dir, dir, &mut files)?;
    files.sort();
    let mut digest = Sha256::new();
    for url in &files {
        digest.update(url.as_bytes());
        digest.update(std::fs::read(dir.join(&url[1..]))?);
    }
    let version = hex(&digest.finalize())[..16].to_string();
    let mut cached = vec!["/".to_string()];
    cached.extend(files.iter().filter(|f| *f != "/index.html").cloned());
    let worker = read(&root.join("scripts/sw.js"))?
        .replace("__VERSION__", &version)
        .replace("__FILES__", &serde_json::to_string_pretty(&cached)?);
    std::fs::write(dir.join("sw.js"), worker)?;
    Ok((files.len(), version))
}

fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(base, &path, out)?;
        } else {
            let relative = path.strip_prefix(base)?;
            let parts: Vec<_> = relative.iter().map(|p| p.to_string_lossy()).collect();
            out.push(format!("/{}", parts.join("/")));
        }
    }
    Ok(())
}

/// The first 16 hex digits of the sha256 of the files' names and contents.
fn hash_of_files(files: &BTreeMap<String, Vec<u8>>) -> String {
    let mut digest = Sha256::new();
    for (name, bytes) in files {
        digest.update(name.as_bytes());
        digest.update([0]);
        digest.update(bytes);
    }
    hex(&digest.finalize())[..16].to_string()
}

fn hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))[..16].to_string()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

fn file_name(path: &str) -> Result<&str> {
    Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .with_context(|| format!("{path} names no file"))
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let path = entry?.path();
        let target = to.join(path.file_name().context("a file name")?);
        if path.is_dir() {
            copy_dir(&path, &target)?;
        } else {
            std::fs::copy(&path, &target).with_context(|| format!("copying {}", path.display()))?;
        }
    }
    Ok(())
}

/// Puts `staging` in place of `dist`.
fn replace_dir(staging: &Path, dist: &Path) -> Result<()> {
    if dist.exists() {
        std::fs::remove_dir_all(dist).with_context(|| format!("removing {}", dist.display()))?;
    }
    if std::fs::rename(staging, dist).is_err() {
        // Another file system: copy instead.
        copy_dir(staging, dist)?;
    }
    Ok(())
}

/// Cargo's target directory, where the build keeps its working files.
fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(|dir| root.join(dir))
        .unwrap_or_else(|| root.join("target"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deep_link_table_comes_from_the_pages_split_points() {
        let parts: HashMap<String, Vec<String>> = [
            ("checklist", vec!["chunk_1.wasm", "split_checklist.wasm"]),
            ("flowchart", vec!["chunk_1.wasm", "split_flowchart.wasm"]),
            ("report", vec!["split_report.wasm"]),
            ("about", vec!["split_about.wasm"]),
            ("ledger", vec!["split_ledger.wasm"]),
            ("guide", vec!["chunk_1.wasm", "split_guide.wasm"]),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
        .collect();
        let DeepLinks {
            parts: table,
            styled,
        } = deep_links(&parts, &|n| format!("/pkg/{n}")).unwrap();
        assert_eq!(
            table["/checklist"],
            [
                "/pkg/chunk_1.wasm",
                "/pkg/split_checklist.wasm",
                "/pkg/split_guide.wasm"
            ]
        );
        assert!(!table.contains_key("/"), "the home page loads no part");
        assert_eq!(table.len(), 5);
        assert_eq!(
            styled,
            ["/flowchart", "/checklist", "/report", "/about", "/ledger"]
        );

        // A page's split point that the wasm lacks fails the build.
        let mut missing = parts.clone();
        missing.remove("guide");
        let Err(error) = deep_links(&missing, &|n| n.to_string()) else {
            panic!("a missing split point was not noticed");
        };
        assert!(error.to_string().contains("guide"), "{error}");
    }

    #[test]
    fn names_hash_the_contents() {
        let a: BTreeMap<String, Vec<u8>> = [("a.wasm".to_string(), vec![1, 2])].into();
        let b: BTreeMap<String, Vec<u8>> = [("a.wasm".to_string(), vec![1, 3])].into();
        assert_eq!(hash_of_files(&a).len(), 16);
        assert_ne!(hash_of_files(&a), hash_of_files(&b));
        assert_eq!(hash(b"x"), hash(b"x"));
    }
}
