//! The address bar and the session history, for `ui::router`: reading the address, moving
//! to another without a reload, and the listeners that follow the back and forward buttons
//! and clicks on the app's own links. Listeners live as long as the page.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::{document, window, BrowserError};

/// An address of the app, split as the router reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    /// The path, such as `/flowchart/self-check`.
    pub path: String,
    /// The query without its `?`.
    pub query: String,
    /// The fragment with its `#`, or empty.
    pub fragment: String,
}

/// The address bar's address; `None` when there is no page (the host).
pub fn address() -> Option<Address> {
    let location = window()?.location();
    let search = location.search().unwrap_or_default();
    Some(Address {
        path: location.pathname().unwrap_or_else(|_| "/".into()),
        query: search.strip_prefix('?').unwrap_or(&search).to_string(),
        fragment: location.hash().unwrap_or_default(),
    })
}

/// The page's origin, such as `https://example.org`.
pub fn origin() -> Option<String> {
    window()?.location().origin().ok()
}

/// Reloads the page, so that a newer version of the app takes over.
pub fn reload() -> Result<(), BrowserError> {
    window()
        .ok_or(BrowserError::Unavailable)?
        .location()
        .reload()
        .map_err(|e| BrowserError::Refused(super::js_message(e)))
}

/// How `go` changes the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A new history entry, as a followed link makes.
    Push,
    /// In place of the current one.
    Replace,
}

/// Moves to `to` (a path with its query and fragment) without a reload.
pub fn go(to: &str, entry: Entry) -> Result<(), BrowserError> {
    let history = window()
        .ok_or(BrowserError::Unavailable)?
        .history()
        .map_err(super::js_message)
        .map_err(BrowserError::Refused)?;
    match entry {
        Entry::Push => history.push_state_with_url(&JsValue::NULL, "", Some(to)),
        Entry::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(to)),
    }
    .map_err(|e| BrowserError::Refused(super::js_message(e)))
}

/// Scrolls to the element with the fragment's id, or to the top when there is none.
pub fn scroll_to(fragment: &str) {
    let Some(window) = window() else {
        return;
    };
    let target = fragment
        .strip_prefix('#')
        .filter(|id| !id.is_empty())
        .and_then(|id| document()?.get_element_by_id(id));
    match target {
        Some(element) => element.scroll_into_view(),
        None => window.scroll_to_with_x_and_y(0.0, 0.0),
    }
}

/// Calls `changed` after the back and forward buttons and fragment changes.
pub fn on_change(changed: impl Fn() + 'static) -> Result<(), BrowserError> {
    let window = window().ok_or(BrowserError::Unavailable)?;
    let sync = Closure::<dyn Fn()>::new(changed);
    for event in ["popstate", "hashchange"] {
        let _ = window.add_event_listener_with_callback(event, sync.as_ref().unchecked_ref());
    }
    sync.forget();
    Ok(())
}

/// Takes over plain left clicks on links to the app's own pages: instead of a reload,
/// `follow` gets the address (path, query and fragment). Anything else stays the browser's:
/// other sites, new tabs, downloads, clicks a handler has already taken, and links to a
/// fragment of this very page (the skip link).
pub fn follow_links(follow: impl Fn(String) + 'static) -> Result<(), BrowserError> {
    let window = window().ok_or(BrowserError::Unavailable)?;
    let click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if let Some(to) = own_link(&ev) {
            ev.prevent_default();
            follow(to);
        }
    });
    let _ = window.add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
    click.forget();
    Ok(())
}

/// The in-app address a click goes to, if the app should follow it itself.
fn own_link(ev: &web_sys::MouseEvent) -> Option<String> {
    let plain = !(ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.alt_key()
        || ev.ctrl_key()
        || ev.shift_key());
    if !plain {
        return None;
    }
    let link = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())?;
    let opens_elsewhere = link
        .get_attribute("target")
        .is_some_and(|t| !t.is_empty() && t != "_self");
    if opens_elsewhere || link.has_attribute("download") {
        return None;
    }
    let href = link.get_attribute("href")?;
    let here = window()?.location();
    let url = here
        .href()
        .and_then(|base| web_sys::Url::new_with_base(&href, &base))
        .ok()?;
    if Some(url.origin()) != here.origin().ok() {
        return None;
    }
    let (path, search, hash) = (url.pathname(), url.search(), url.hash());
    let same_page = Some(&path) == here.pathname().ok().as_ref()
        && Some(&search) == here.search().ok().as_ref();
    if same_page && !hash.is_empty() {
        return None;
    }
    Some(format!("{path}{search}{hash}"))
}
