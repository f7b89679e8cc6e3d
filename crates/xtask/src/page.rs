//! The release build's HTML documents, written from our own template, index.html, which Trunk
//! also reads for development builds. The template is read with a real HTML parser (lol_html);
//! nothing here reads Trunk's output.
//!
//! What the template says for Trunk (`<link data-trunk ...>`) is read as our own list of what a
//! document uses: its stylesheets (checked against the release build's split of them, so the
//! development and release builds cannot drift apart), the files to copy, and where the app's
//! loader goes. In a release document those links become the first screen's stylesheet, the
//! pages' stylesheet's meta tag and the loader; each inline script is minified, and the
//! Content-Security-Policy allows exactly those scripts by their hash.

use std::cell::RefCell;
use std::path::Path;

use anyhow::{bail, Context, Result};
use base64::Engine;
use lol_html::html_content::{ContentType, TextType};
use lol_html::{doc_comments, doc_text, element, text, RewriteStrSettings};
use sha2::{Digest, Sha256};

use crate::tools::{self, Code};

/// What the template asks for.
pub struct Template {
    html: String,
    /// The stylesheets the template links, in order (`style/main.css`, ...).
    pub stylesheets: Vec<String>,
    /// Directories and files copied into the build as they are (`public/img`, ...).
    pub copy_dirs: Vec<String>,
    pub copy_files: Vec<String>,
    /// The inline scripts, in order: whether each is a module, and its text.
    scripts: Vec<(bool, String)>,
}

/// The release build's own parts of a document.
pub struct Assets<'a> {
    /// The first screen's stylesheet (`/app-<hash>.css`).
    pub stylesheet: &'a str,
    /// The pages' stylesheet (`/pages-<hash>.css`), loaded with the guide (src/browser/styles.rs).
    pub page_styles: &'a str,
    /// The loader module, minified, which goes where the template builds the app.
    pub loader: &'a str,
}

impl Template {
    pub fn read(path: &Path) -> Result<Template> {
        let html =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let links = RefCell::new((Vec::new(), Vec::new(), Vec::new(), 0usize));
        let scripts = RefCell::new(Vec::new());
        let current = RefCell::new(String::new());
        lol_html::rewrite_str(
            &html,
            RewriteStrSettings {
                element_content_handlers: vec![
                    element!("link[data-trunk]", |el| {
                        let rel = el.get_attribute("rel").unwrap_or_default();
                        let href = el.get_attribute("href").unwrap_or_default();
                        let mut links = links.borrow_mut();
                        match rel.as_str() {
                            "css" => links.0.push(href),
                            "copy-dir" => links.1.push(href),
                            "copy-file" => links.2.push(href),
                            "rust" => links.3 += 1,
                            other => return Err(format!("a Trunk link of kind {other}").into()),
                        }
                        Ok(())
                    }),
                    element!("script", |el| {
                        if el.get_attribute("src").is_some() {
                            return Err("a script with src: the build would not ship it".into());
                        }
                        let module = el.get_attribute("type").as_deref() == Some("module");
                        scripts.borrow_mut().push((module, String::new()));
                        Ok(())
                    }),
                    text!("script", |chunk| {
                        current.borrow_mut().push_str(chunk.as_str());
                        if chunk.last_in_text_node() {
                            if let Some(last) = scripts.borrow_mut().last_mut() {
                                last.1 = std::mem::take(&mut *current.borrow_mut());
                            }
                        }
                        Ok(())
                    }),
                ],
                ..RewriteStrSettings::new()
            },
        )
        .with_context(|| format!("reading {}", path.display()))?;
        let (stylesheets, copy_dirs, copy_files, rust) = links.into_inner();
        if rust != 1 {
            bail!("{} must build the app exactly once", path.display());
        }
        let scripts = scripts.into_inner();
        if scripts.iter().any(|(_, text)| text.trim().is_empty()) {
            bail!("{} has an empty script", path.display());
        }
        Ok(Template {
            html,
            stylesheets,
            copy_dirs,
            copy_files,
            scripts,
        })
    }

    /// A release document: the template with the build's assets, minified, with its policy.
    pub fn render(&self, root: &Path, assets: &Assets) -> Result<String> {
        let mut scripts = Vec::new();
        for (module, text) in &self.scripts {
            let kind = if *module { Code::Module } else { Code::Script };
            scripts.push(tools::esbuild(root, text, kind, &[])?);
        }
        let policy = policy(scripts.iter().map(String::as_str).chain([assets.loader]));
        let next_script = RefCell::new(scripts.into_iter());
        let first_sheet = RefCell::new(true);
        let whitespace = RefCell::new(String::new());
        // Whether the output so far ends a line, so the lines of removed links leave no gap.
        let line_ended = RefCell::new(false);
        let out = lol_html::rewrite_str(
            &self.html,
            RewriteStrSettings {
                element_content_handlers: vec![
                    element!("meta[charset]", |el| {
                        el.after(
                            &format!(
                                r#"<meta http-equiv="Content-Security-Policy" content="{}">"#,
                                attribute(&policy)
                            ),
                            ContentType::Html,
                        );
                        Ok(())
                    }),
                    element!("link[data-trunk]", |el| {
                        match el.get_attribute("rel").as_deref() {
                            Some("css") if first_sheet.replace(false) => {
                                line_ended.replace(false);
                                el.replace(
                                &format!(
                                    r#"<link rel="stylesheet" href="{}"><meta name="jimei-page-styles" content="{}">"#,
                                    attribute(assets.stylesheet),
                                    attribute(assets.page_styles)
                                ),
                                ContentType::Html,
                            )
                            }
                            Some("rust") => {
                                line_ended.replace(false);
                                el.replace(
                                    &format!(r#"<script type="module">{}</script>"#, assets.loader),
                                    ContentType::Html,
                                )
                            }
                            _ => el.remove(),
                        }
                        Ok(())
                    }),
                    text!("script", |chunk| {
                        if chunk.last_in_text_node() {
                            let script = next_script.borrow_mut().next().unwrap_or_default();
                            chunk.replace(&script, ContentType::Html);
                        } else {
                            chunk.remove();
                        }
                        Ok(())
                    }),
                    element!("body", |el| {
                        el.append(
                            r#"<script src="/sw-register.js" defer></script>"#,
                            ContentType::Html,
                        );
                        Ok(())
                    }),
                    // Last, so it sees what the handlers above did to the element.
                    element!("*", |el| {
                        if !el.removed() {
                            line_ended.replace(false);
                        }
                        Ok(())
                    }),
                ],
                document_content_handlers: vec![
                    doc_comments!(|comment| {
                        comment.remove();
                        Ok(())
                    }),
                    // Indentation goes; text that shows on screen stays as it is.
                    doc_text!(|chunk| {
                        if chunk.text_type() != TextType::Data {
                            return Ok(());
                        }
                        let mut pending = whitespace.borrow_mut();
                        pending.push_str(chunk.as_str());
                        if chunk.last_in_text_node() {
                            let mut text = collapse_indentation(&std::mem::take(&mut *pending));
                            if *line_ended.borrow() && text.starts_with('\n') {
                                text.remove(0);
                            }
                            if !text.is_empty() {
                                line_ended.replace(text.ends_with('\n'));
                            }
                            chunk.replace(&text, ContentType::Html);
                        } else {
                            chunk.remove();
                        }
                        Ok(())
                    }),
                ],
                ..RewriteStrSettings::new()
            },
        )?;
        Ok(out)
    }
}

/// The policy. Keep it in step with README.md, "Hosting", which gives the same as a header.
fn policy<'a>(inline_scripts: impl Iterator<Item = &'a str>) -> String {
    let hashes = inline_scripts
        .map(|script| {
            let digest = Sha256::digest(script.as_bytes());
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect::<Vec<_>>();
    [
        "default-src 'self'".to_string(),
        format!("script-src 'self' 'wasm-unsafe-eval' {}", hashes.join(" ")),
        "style-src 'self'".to_string(),
        "img-src 'self' data: blob:".to_string(),
        "connect-src 'self'".to_string(),
        "worker-src 'self'".to_string(),
        "manifest-src 'self'".to_string(),
        "object-src 'none'".to_string(),
        "base-uri 'none'".to_string(),
        "form-action 'none'".to_string(),
    ]
    .join("; ")
}

/// `text` as an HTML attribute value between double quotes.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;")
}

/// Each line break with the indentation after it becomes one line break; other text is kept.
fn collapse_indentation(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            while chars.peek().is_some_and(|c| c.is_whitespace()) {
                chars.next();
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indentation_goes_and_words_stay() {
        assert_eq!(collapse_indentation("\n    <p>"), "\n<p>");
        assert_eq!(collapse_indentation("a b\n\n  c"), "a b\nc");
        assert_eq!(collapse_indentation("  lead  "), "  lead  ");
    }

    #[test]
    fn the_policy_allows_each_inline_script_by_its_hash() {
        let policy = policy(["a", "b"].into_iter());
        // The sha256 of "a", base64-encoded.
        assert!(policy.contains("'sha256-ypeBEsobvcr6wjGzmiPcTaeG7/gUfE5yuYB3ha/uSLs='"));
        assert!(
            policy.starts_with("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-")
        );
        assert_eq!(policy.matches("'sha256-").count(), 2);
        assert!(policy.contains("object-src 'none'"));
    }

    #[test]
    fn the_template_names_its_stylesheets_copies_and_scripts() {
        let template = Template::read(&crate::root().join("index.html")).unwrap();
        assert!(template.stylesheets.contains(&"style/main.css".to_string()));
        assert!(template.copy_dirs.contains(&"public/img".to_string()));
        assert!(!template.scripts.is_empty());
        assert!(template
            .scripts
            .iter()
            .all(|(_, text)| !text.trim().is_empty()));
    }
}
