//! Invariants of the code's shape that are cheap to check.

use std::collections::{BTreeMap, BTreeSet};
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

// ---------------------------------------------------------------------------------------------
// The message contract (issue 15): every interface text comes from the message layer
// (crates/model/src/i18n), where each language's text is written out for that language.

use syn::visit::{self, Visit};

const LOCALES: [&str; 3] = ["ZhHans", "ZhHant", "English"];

fn is_locale_name(name: &str) -> bool {
    LOCALES.contains(&name)
}

/// Whether a path names a locale variant (`Locale::English`, or `English` under a glob use).
fn path_is_locale(path: &syn::Path) -> bool {
    path.segments
        .last()
        .is_some_and(|s| is_locale_name(&s.ident.to_string()))
}

/// How a pattern stands to the locales.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// Exactly one locale variant.
    One,
    /// Several locales in one arm (`ZhHans | ZhHant`): one text for two scripts.
    Several,
    /// `_`, a binding, or a rest pattern: whatever locale comes.
    Any,
    /// Something else (another enum's variant, a literal).
    Other,
}

fn slot(pat: &syn::Pat) -> Slot {
    match pat {
        syn::Pat::Path(p) if path_is_locale(&p.path) => Slot::One,
        syn::Pat::Ident(i) if i.subpat.is_none() && is_locale_name(&i.ident.to_string()) => {
            Slot::One
        }
        syn::Pat::Ident(i) if i.subpat.is_none() => Slot::Any,
        syn::Pat::Wild(_) | syn::Pat::Rest(_) => Slot::Any,
        syn::Pat::Or(or) => {
            let locales = or.cases.iter().filter(|c| slot(c) == Slot::One).count();
            if locales > 0 {
                Slot::Several
            } else {
                Slot::Other
            }
        }
        syn::Pat::Paren(p) => slot(&p.pat),
        syn::Pat::Reference(r) => slot(&r.pat),
        _ => Slot::Other,
    }
}

/// The pattern's parts: a tuple's elements, or the pattern itself.
fn parts(pat: &syn::Pat) -> Vec<&syn::Pat> {
    match pat {
        syn::Pat::Tuple(t) => t.elems.iter().collect(),
        other => vec![other],
    }
}

fn mentions_locale(tokens: &str) -> bool {
    tokens
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .any(is_locale_name)
}

/// Finds the ways a text could be chosen for a locale without naming that locale: a match
/// arm that takes any locale (`_`, a binding), one arm for several locales, a guard on a
/// locale arm, a comparison with a locale, `if let` or `matches!` on one; and outside the
/// message layer, any locale named at all.
struct LocaleRules<'a> {
    file: &'a str,
    in_message_layer: bool,
    function: String,
    found: Vec<String>,
}

impl LocaleRules<'_> {
    fn report(&mut self, what: &str) {
        self.found
            .push(format!("{} in fn {}: {what}", self.file, self.function));
    }
}

impl<'ast> Visit<'ast> for LocaleRules<'_> {
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        let outer = std::mem::replace(&mut self.function, f.sig.ident.to_string());
        visit::visit_item_fn(self, f);
        self.function = outer;
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        let outer = std::mem::replace(&mut self.function, f.sig.ident.to_string());
        visit::visit_impl_item_fn(self, f);
        self.function = outer;
    }

    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        // Tests may pick a locale as they please.
        let is_test = m.attrs.iter().any(|a| {
            a.path().is_ident("cfg") && a.parse_args::<syn::Ident>().is_ok_and(|i| i == "test")
        });
        if !is_test {
            visit::visit_item_mod(self, m);
        }
    }

    fn visit_expr_match(&mut self, m: &'ast syn::ExprMatch) {
        let shapes: Vec<Vec<Slot>> = m
            .arms
            .iter()
            .map(|arm| parts(&arm.pat).into_iter().map(slot).collect())
            .collect();
        let width = shapes.iter().map(Vec::len).max().unwrap_or(0);
        // The positions where some arm names a locale are the locale's.
        let positions: Vec<usize> = (0..width)
            .filter(|&i| {
                shapes
                    .iter()
                    .any(|s| matches!(s.get(i), Some(Slot::One | Slot::Several)))
            })
            .collect();
        if !positions.is_empty() && !self.in_message_layer {
            self.report("matches on a locale outside the message layer");
        }
        for (arm, shape) in m.arms.iter().zip(&shapes) {
            for &i in &positions {
                match shape.get(i).copied().unwrap_or(Slot::Any) {
                    Slot::One => {}
                    Slot::Several => self.report("one arm for several locales"),
                    Slot::Any | Slot::Other => self.report("an arm that takes any locale"),
                }
            }
            if !positions.is_empty() && arm.guard.is_some() {
                self.report("a guard on a locale's arm");
            }
        }
        visit::visit_expr_match(self, m);
    }

    fn visit_expr_binary(&mut self, b: &'ast syn::ExprBinary) {
        let is_locale = |e: &syn::Expr| matches!(e, syn::Expr::Path(p) if path_is_locale(&p.path));
        if matches!(b.op, syn::BinOp::Eq(_) | syn::BinOp::Ne(_))
            && (is_locale(&b.left) || is_locale(&b.right))
        {
            self.report("compares with one locale, so the others share a text");
        }
        visit::visit_expr_binary(self, b);
    }

    fn visit_expr_let(&mut self, l: &'ast syn::ExprLet) {
        if parts(&l.pat)
            .into_iter()
            .any(|p| slot(p) != Slot::Other && slot(p) != Slot::Any)
        {
            self.report("`if let` on a locale, so the others share the else");
        }
        visit::visit_expr_let(self, l);
    }

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        let name = m.path.segments.last().map(|s| s.ident.to_string());
        if name.as_deref() == Some("matches") && mentions_locale(&m.tokens.to_string()) {
            self.report("`matches!` on a locale");
        }
        visit::visit_macro(self, m);
    }

    fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
        if !self.in_message_layer && path_is_locale(&p.path) {
            self.report("names a locale outside the message layer");
        }
        visit::visit_expr_path(self, p);
    }
}

/// Every way `source` (the text of `file`) picks a text for a locale without naming it.
fn locale_rule_breaks(file: &str, source: &str) -> Vec<String> {
    let syntax = syn::parse_file(source).unwrap_or_else(|e| panic!("{file} does not parse: {e}"));
    let mut rules = LocaleRules {
        file,
        in_message_layer: file.contains("crates/model/src/i18n/"),
        function: String::new(),
        found: Vec::new(),
    };
    rules.visit_file(&syntax);
    // Macro bodies (such as `view!`) are not parsed as Rust; a locale named in one shows in
    // the text.
    if !rules.in_message_layer {
        let code = source.split("#[cfg(test)]").next().unwrap_or("");
        for locale in LOCALES {
            if code.contains(&format!("Locale::{locale}")) {
                rules.report(&format!("names Locale::{locale} outside the message layer"));
            }
        }
    }
    rules.found
}

fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("crates/model/src"), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let name = f
                .strip_prefix(root)
                .unwrap_or(&f)
                .to_string_lossy()
                .into_owned();
            let text = fs::read_to_string(&f).unwrap();
            (name, text)
        })
        .collect()
}

/// No wildcard over `Locale` anywhere: each language's text is written for it.
#[test]
fn every_locale_gets_its_own_text() {
    let mut found = Vec::new();
    for (file, text) in sources() {
        found.extend(locale_rule_breaks(&file, &text));
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The check above catches the bug it was written for: `tally_text` sent Traditional Chinese
/// down the Simplified sentence through wildcard arms (issue 15), and a colon chosen by
/// comparing with English in the flowchart's painter.
#[test]
fn the_locale_check_catches_shared_arms() {
    let file = "crates/model/src/i18n/flowchart.rs";
    let before = r#"
        pub fn tally_text(tally: &Tally, locale: Locale) -> String {
            match (state, locale) {
                (NodeState::NotApplicable, Locale::English) => format!("none apply"),
                (NodeState::NotApplicable, _) => format!("都不适用"),
                (_, Locale::English) => format!("{done} of {of}"),
                (_, _) => format!("{done}/{of} 项自查项"),
            }
        }
        pub fn tag(locale: Locale) -> &'static str {
            match locale {
                Locale::English => "N/A",
                _ => "不适用",
            }
        }
        pub fn at(locale: Locale) -> &'static str {
            match locale {
                ZhHans | ZhHant => "位置",
                English => "at",
            }
        }
        pub fn guarded(locale: Locale, blank: bool) -> &'static str {
            match locale {
                Locale::ZhHans if blank => "a",
                Locale::ZhHans => "b",
                Locale::ZhHant => "c",
                Locale::English => "d",
            }
        }
    "#;
    let found = locale_rule_breaks(file, before);
    for (function, count) in [("tally_text", 2), ("tag", 1), ("at", 1), ("guarded", 1)] {
        let hits = found.iter().filter(|f| f.ends_with_fn(function)).count();
        assert_eq!(hits, count, "{function}: {found:#?}");
    }
    let after = r#"
        pub fn tally_text(tally: &Tally, locale: Locale) -> String {
            match (state, locale) {
                (NodeState::NotApplicable, Locale::ZhHans) => format!("都不适用"),
                (NodeState::NotApplicable, Locale::ZhHant) => format!("都不適用"),
                (NodeState::NotApplicable, Locale::English) => format!("none apply"),
                (_, ZhHans) => format!("{done}/{of} 项自查项"),
                (_, ZhHant) => format!("{done}/{of} 項自查項"),
                (_, English) => format!("{done} of {of}"),
            }
        }
    "#;
    assert_eq!(locale_rule_breaks(file, after), Vec::<String>::new());
    let painter = r#"
        fn paint(l: Locale) {
            let colon = if l == Locale::English { ": " } else { "：" };
        }
    "#;
    let found = locale_rule_breaks("src/ui/flowchart.rs", painter);
    assert!(
        found.iter().any(|f| f.contains("compares with one locale")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|f| f.contains("outside the message layer")),
        "{found:?}"
    );
}

trait EndsWithFn {
    fn ends_with_fn(&self, function: &str) -> bool;
}

impl EndsWithFn for String {
    /// Whether a finding is about `function`.
    fn ends_with_fn(&self, function: &str) -> bool {
        self.contains(&format!(" in fn {function}:"))
    }
}

fn is_cjk_or_full_width(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
}

/// Interface text is not written in components or in the browser layer: a Chinese character
/// or a full-width mark in their code is a text that skipped the message layer (the report
/// wrote "：" after its labels in every language, issue 15).
#[test]
fn the_shell_writes_no_interface_text_of_its_own() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            assert!(
                !code.chars().any(is_cjk_or_full_width),
                "{}:{}: interface text outside the message layer: {}",
                file.display(),
                n + 1,
                line.trim()
            );
        }
    }
}

/// Only one function turns a message into reactive text: `tr`, for every table.
#[test]
fn one_tr_for_every_table() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/ui"), &mut files);
    let mut makers = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for line in text.lines() {
            if line.contains("fn ") && line.contains("-> impl Fn() -> &'static str") {
                makers.push(format!("{}: {}", file.display(), line.trim()));
            }
        }
    }
    assert_eq!(makers.len(), 1, "{makers:#?}");
    assert!(makers[0].contains("pub fn tr<M: Message>"), "{makers:#?}");
}

/// Every message table implements `Message`, and its `ALL` (which the host tests render in
/// every language) lists every one of its messages.
#[test]
fn every_table_lists_all_its_messages() {
    let mut tables = 0;
    for (file, text) in sources() {
        if !file.contains("crates/model/src/i18n/") {
            continue;
        }
        let syntax = syn::parse_file(&text).unwrap();
        let enums: Vec<&syn::ItemEnum> = syntax
            .items
            .iter()
            .filter_map(|i| match i {
                syn::Item::Enum(e) => Some(e),
                _ => None,
            })
            .collect();
        let implements = |name: &str| {
            syntax.items.iter().any(|i| match i {
                syn::Item::Impl(imp) => {
                    imp.trait_
                        .as_ref()
                        .is_some_and(|(_, path, _)| path.is_ident("Message"))
                        && matches!(&*imp.self_ty, syn::Type::Path(t) if t.path.is_ident(name))
                }
                _ => false,
            })
        };
        for table in enums
            .iter()
            .filter(|e| e.ident.to_string().ends_with("Msg"))
        {
            let name = table.ident.to_string();
            assert!(
                implements(&name),
                "{name} ({file}) does not implement Message"
            );
            let all = syntax.items.iter().find_map(|i| match i {
                syn::Item::Impl(imp)
                    if imp.trait_.is_none()
                        && matches!(&*imp.self_ty, syn::Type::Path(t) if t.path.is_ident(&name)) =>
                {
                    imp.items.iter().find_map(|item| match item {
                        syn::ImplItem::Const(c) if c.ident == "ALL" => Some(&c.expr),
                        _ => None,
                    })
                }
                _ => None,
            });
            let Some(syn::Expr::Array(all)) = all else {
                panic!("{name} ({file}) has no ALL array");
            };
            let listed: Vec<String> = all
                .elems
                .iter()
                .filter_map(|e| match e {
                    syn::Expr::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
                    _ => None,
                })
                .collect();
            for variant in &table.variants {
                let v = variant.ident.to_string();
                assert!(listed.contains(&v), "{name}::ALL lacks {v}");
            }
            assert_eq!(listed.len(), table.variants.len(), "{name}::ALL");
            tables += 1;
        }
    }
    assert!(tables >= 6, "found {tables} tables");
}

// ---------------------------------------------------------------------------------------------
// ui/ as a graph that points one way (issue 15).

/// The module a file of src/ui is, such as `app` or `pages::checklist` (`` for mod.rs).
fn ui_module(file: &Path, ui: &Path) -> String {
    let rel = file.strip_prefix(ui).unwrap().with_extension("");
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .filter(|p| p != "mod")
        .collect();
    parts.join("::")
}

/// Collects the ui modules a file names, through `use` trees and paths in code alike.
struct UiImports<'a> {
    /// The module the file is, for `super::`.
    module: &'a str,
    found: BTreeSet<String>,
}

impl UiImports<'_> {
    /// The ui module a path starting with `segments` names, if any.
    fn resolve(&mut self, segments: &[String]) {
        let within: Vec<String> = match segments {
            [first, second, rest @ ..] if first == "crate" && second == "ui" => rest.to_vec(),
            [first, ..] if first == "super" => {
                let mut base: Vec<String> = self.module.split("::").map(String::from).collect();
                let mut rest = segments;
                while let [first, tail @ ..] = rest {
                    if first != "super" {
                        break;
                    }
                    base.pop();
                    rest = tail;
                }
                base.extend(rest.iter().cloned());
                base
            }
            _ => return,
        };
        let name = match within.as_slice() {
            [pages, page, ..] if pages == "pages" => format!("pages::{page}"),
            [module, ..] => module.clone(),
            [] => return,
        };
        if name != self.module {
            self.found.insert(name);
        }
    }

    fn walk(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.walk(prefix, &p.tree);
                prefix.pop();
            }
            syn::UseTree::Name(n) => {
                prefix.push(n.ident.to_string());
                self.resolve(&prefix.clone());
                prefix.pop();
            }
            syn::UseTree::Rename(r) => {
                prefix.push(r.ident.to_string());
                self.resolve(&prefix.clone());
                prefix.pop();
            }
            syn::UseTree::Glob(_) => self.resolve(&prefix.clone()),
            syn::UseTree::Group(g) => {
                for tree in &g.items {
                    self.walk(prefix, tree);
                }
            }
        }
    }
}

impl<'ast> Visit<'ast> for UiImports<'_> {
    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        self.walk(&mut Vec::new(), &u.tree);
    }

    fn visit_path(&mut self, p: &'ast syn::Path) {
        let segments: Vec<String> = p.segments.iter().map(|s| s.ident.to_string()).collect();
        self.resolve(&segments);
        visit::visit_path(self, p);
    }

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        // Paths inside `view!` and other macros, such as `<crate::ui::pages::home::HomePage/>`.
        let text = m.tokens.to_string().replace(' ', "");
        for start in ["crate::ui::", "super::"] {
            for (at, _) in text.match_indices(start) {
                let segments: Vec<String> = text[at..]
                    .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                    .next()
                    .unwrap_or("")
                    .split("::")
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect();
                self.resolve(&segments);
            }
        }
        visit::visit_macro(self, m);
    }
}

/// Every ui module and the ui modules it names.
fn ui_graph() -> BTreeMap<String, BTreeSet<String>> {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = Vec::new();
    rust_files(&ui, &mut files);
    let mut graph = BTreeMap::new();
    for file in files {
        let module = ui_module(&file, &ui);
        let syntax = syn::parse_file(&fs::read_to_string(&file).unwrap()).unwrap();
        let mut imports = UiImports {
            module: &module,
            found: BTreeSet::new(),
        };
        imports.visit_file(&syntax);
        graph.insert(module.clone(), imports.found);
    }
    graph
}

/// Whether the graph has a cycle; returns one if so.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match state.get(node).copied() {
            Some(2) => return None,
            Some(1) => {
                let at = path.iter().position(|n| n == node).unwrap_or(0);
                let mut cycle = path[at..].to_vec();
                cycle.push(node.to_string());
                return Some(cycle);
            }
            _ => {}
        }
        state.insert(node.to_string(), 1);
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, state, path) {
                return Some(cycle);
            }
        }
        path.pop();
        state.insert(node.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut state, &mut Vec::new()))
}

/// `app` is the root: nothing imports it. The imports of ui/ form no cycle, and the shared
/// modules import no page, so a page can be read (and prerendered) from the leaves up.
#[test]
fn ui_imports_point_one_way() {
    let graph = ui_graph();
    assert!(
        graph.contains_key("app") && graph.contains_key("pages::checklist"),
        "{graph:?}"
    );
    for (module, imports) in &graph {
        assert!(!imports.contains("app"), "{module} imports ui::app");
        if module != "app" && !module.starts_with("pages") {
            let pages: Vec<&String> = imports.iter().filter(|i| i.starts_with("pages")).collect();
            assert!(
                pages.is_empty(),
                "{module}, a shared module, imports {pages:?}"
            );
        }
    }
    assert_eq!(find_cycle(&graph), None, "{graph:#?}");
}

/// The graph check sees imports written every way, and finds a cycle through `app`.
#[test]
fn the_ui_graph_check_reads_every_kind_of_import() {
    let source = r#"
        use super::app::tr;
        use super::super::app::App;
        use crate::ui::{locale::{tr, use_locale}, pages::share::ShareTools};
        fn f() { crate::ui::guide::use_store(); view! { <crate::ui::widgets::GuideGate/> } }
    "#;
    let syntax = syn::parse_file(source).unwrap();
    let mut imports = UiImports {
        module: "pages::checklist",
        found: BTreeSet::new(),
    };
    imports.visit_file(&syntax);
    let expected: BTreeSet<String> = [
        "pages::app",
        "app",
        "locale",
        "pages::share",
        "guide",
        "widgets",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(imports.found, expected);
    let mut graph = BTreeMap::new();
    graph.insert("app".to_string(), BTreeSet::from(["locale".to_string()]));
    graph.insert("locale".to_string(), BTreeSet::from(["app".to_string()]));
    assert!(find_cycle(&graph).is_some());
}

// ---------------------------------------------------------------------------------------------
// The browser boundary (issue 15): src/browser is the only code that names the browser's
// crates; components call its small typed functions.

/// Where src/ui may name a browser crate after all, each with the reason. Empty: every call
/// has a function in src/browser. An entry is (file under src/ui, the name, why).
const BROWSER_NAMES_ALLOWED: &[(&str, &str, &str)] = &[];

/// The names that reach past the boundary.
const BROWSER_NAMES: [&str; 7] = [
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "gloo",
    "Closure",
    "JsValue",
    "JsCast",
];

/// Every (file, line, name) in `source` that names a browser crate, comments aside.
fn browser_names(file: &str, source: &str) -> Vec<(String, usize, &'static str)> {
    let mut found = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let words: Vec<&str> = code
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .collect();
        for name in BROWSER_NAMES {
            let named = words
                .iter()
                .any(|w| *w == name || w.starts_with(&format!("{name}_")));
            let allowed = BROWSER_NAMES_ALLOWED
                .iter()
                .any(|(f, allowed, _)| file.ends_with(f) && *allowed == name);
            if named && !allowed {
                found.push((file.to_string(), n + 1, name));
            }
        }
    }
    found
}

#[test]
fn components_name_no_browser_crate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/ui"), &mut files);
    let mut found = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        found.extend(browser_names(&file.display().to_string(), &text));
    }
    assert!(
        found.is_empty(),
        "browser crates named in src/ui: {found:#?}"
    );
    // The check sees what the components named before the boundary was drawn.
    let before = "let Some(window) = web_sys::window() else { return };\n\
                  let flush = Closure::<dyn Fn()>::new(move || save());\n\
                  let text = JsFuture::from(file.text()); // web_sys in a comment is fine\n\
                  let _ = js_sys::Date::now();";
    let names: Vec<&str> = browser_names("src/ui/state.rs", before)
        .into_iter()
        .map(|(_, _, name)| name)
        .collect();
    assert_eq!(names, ["web_sys", "Closure", "js_sys"]);
}
