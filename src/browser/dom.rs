//! The few direct DOM operations the components need beyond what Leptos does: the start-up
//! take-over from the static shell, moving the keyboard focus, the flowchart's markup and
//! the attributes its painter sets, and reading an event's element.

use wasm_bindgen::JsCast;

use crate::model::i18n::Locale;

use super::document;

/// Marks `<body>` while the app draws behind the static shell; the stylesheet hides the
/// app's elements while the mark is there.
pub fn set_booting(on: bool) {
    let Some(body) = document().and_then(|d| d.body()) else {
        return;
    };
    let classes = body.class_list();
    let _ = if on {
        classes.add_1("booting")
    } else {
        classes.remove_1("booting")
    };
}

/// What the static shell held when the app took over from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ShellLeft {
    /// The language picked in the shell's own switch, if any.
    pub chosen: Option<Locale>,
    /// Whether the keyboard focus was in the shell.
    pub had_focus: bool,
}

/// Removes the static shell of index.html (`#shell`) and says what it held.
pub fn remove_shell() -> ShellLeft {
    let Some(document) = document() else {
        return ShellLeft::default();
    };
    let Some(shell) = document.get_element_by_id("shell") else {
        return ShellLeft::default();
    };
    let chosen = shell
        .query_selector("select")
        .ok()
        .flatten()
        .and_then(|s| s.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .and_then(|s| s.value().parse::<Locale>().ok());
    let had_focus = document
        .active_element()
        .is_some_and(|active| shell.contains(Some(&active)));
    shell.remove();
    ShellLeft { chosen, had_focus }
}

/// Focuses the first element matching `selector` in the page; whether there was one.
pub fn focus_selector(selector: &str) -> bool {
    let found = document()
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    found.is_some_and(|el| el.focus().is_ok())
}

/// Focuses the element with this id, if there is one.
pub fn focus_id(id: &str) -> bool {
    let found = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    found.is_some_and(|el| el.focus().is_ok())
}

/// An element of the page, for the flowchart's painter: find inside it, set and remove
/// attributes and text. Made from an element Leptos drew (a `NodeRef`'s).
#[derive(Debug, Clone)]
pub struct Node(web_sys::Element);

impl Node {
    pub fn of(element: &web_sys::Element) -> Node {
        Node(element.clone())
    }

    /// The first element inside matching `selector`.
    pub fn find(&self, selector: &str) -> Option<Node> {
        self.0.query_selector(selector).ok().flatten().map(Node)
    }

    pub fn set(&self, name: &str, value: &str) {
        let _ = self.0.set_attribute(name, value);
    }

    pub fn unset(&self, name: &str) {
        let _ = self.0.remove_attribute(name);
    }

    pub fn set_text(&self, text: &str) {
        self.0.set_text_content(Some(text));
    }

    /// Replaces the contents with `markup`. Only for markup the app made itself (the chart's
    /// SVG, whose texts `model::chart` escapes), never for anything a user or a file gave.
    pub fn set_markup(&self, markup: &str) {
        self.0.set_inner_html(markup);
    }

    /// Whether the element is in the page.
    pub fn is_connected(&self) -> bool {
        self.0.is_connected()
    }

    /// Focuses the first element inside matching `selector`; whether there was one.
    pub fn focus_inside(&self, selector: &str) -> bool {
        let found = self
            .0
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::SvgElement>().ok());
        found.is_some_and(|el| el.focus().is_ok())
    }

    /// The attribute `name` of the element inside this one that has the keyboard focus.
    pub fn focused_attribute(&self, name: &str) -> Option<String> {
        document()?
            .active_element()
            .filter(|active| self.0.contains(Some(active)))
            .and_then(|active| active.get_attribute(name))
    }
}

/// The attribute `name` of the element an event reached, or of its nearest ancestor that has
/// it, such as the node a click on the chart landed in.
pub fn event_attribute(ev: &web_sys::Event, name: &str) -> Option<String> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    target
        .closest(&format!("[{name}]"))
        .ok()
        .flatten()?
        .get_attribute(name)
}

/// Whether the `<details>` a `toggle` event came from is open now.
pub fn details_open(ev: &web_sys::Event) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        .is_some_and(|d| d.open())
}

/// Sets the document's title (the tab, bookmarks, history and the screen reader's page name).
pub fn set_title(title: &str) {
    if let Some(document) = document() {
        document.set_title(title);
    }
}
