//! Invariants of the code's shape that are cheap to check.

use std::fs;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The model is pure: it must build and be tested on the host, so it may not name the browser
/// crates. (The host build has no such crates at all; this test names the rule.)
#[test]
fn model_names_no_browser_crate() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/model/src"),
        &mut files,
    );
    assert!(!files.is_empty());
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for banned in [
            "leptos",
            "web_sys",
            "gloo",
            "wasm_bindgen",
            "js_sys",
            "crate::browser",
            "crate::ui",
        ] {
            let hit = text.lines().any(|l| {
                let code = l.split("//").next().unwrap_or("");
                code.contains(&format!("{banned}::")) || code.contains(&format!("use {banned}"))
            });
            assert!(!hit, "{} uses {banned}", file.display());
        }
    }
}

/// The browser layer never panics: no unwrap or expect outside tests in src/browser and src/ui.
#[test]
fn browser_layer_has_no_unwrap() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/browser"), &mut files);
    rust_files(&root.join("src/ui"), &mut files);
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for banned in [
            ".unwrap()",
            ".expect(",
            "panic!(",
            "unreachable!(",
            "todo!(",
            "unimplemented!(",
        ] {
            assert!(
                !code.contains(banned),
                "{} contains {banned}",
                file.display()
            );
        }
    }
}
