//! The app's router: the address as signals, page changes without a reload, and the back and
//! forward buttons. It replaced leptos_router, which with the async machinery of its routes
//! was a third of the first screen's wasm (ARCHITECTURE.md, "Routing"). What a path means is
//! decided in `model::route`.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::model::route;

/// The current address, split as the pages read it.
#[derive(Debug, Clone, Copy)]
pub struct Location {
    /// The path, such as `/flowchart/self-check`.
    pub pathname: RwSignal<String>,
    /// The query without its `?`.
    pub search: RwSignal<String>,
    /// The fragment with its `#`, or empty.
    pub hash: RwSignal<String>,
}

impl Location {
    fn new() -> Location {
        let (pathname, search, hash) = read_address();
        Location {
            pathname: RwSignal::new(pathname),
            search: RwSignal::new(search),
            hash: RwSignal::new(hash),
        }
    }

    /// Brings the signals in line with the address bar; only what changed notifies.
    fn sync(self) {
        let (pathname, search, hash) = read_address();
        for (signal, value) in [
            (self.pathname, pathname),
            (self.search, search),
            (self.hash, hash),
        ] {
            if signal.try_with_untracked(|old| *old != value) == Some(true) {
                signal.set(value);
            }
        }
    }
}

/// The address bar's path, query (without `?`) and fragment (with `#`).
fn read_address() -> (String, String, String) {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return ("/".into(), String::new(), String::new());
    };
    let search = location.search().unwrap_or_default();
    (
        location.pathname().unwrap_or_else(|_| "/".into()),
        search.strip_prefix('?').unwrap_or(&search).to_string(),
        location.hash().unwrap_or_default(),
    )
}

/// How `navigate` changes the history and the scroll position.
#[derive(Debug, Clone, Copy)]
pub struct NavigateOptions {
    /// Replace the current history entry instead of adding one.
    pub replace: bool,
    /// Scroll to the top (or to the fragment's element) afterwards.
    pub scroll: bool,
}

impl Default for NavigateOptions {
    fn default() -> NavigateOptions {
        NavigateOptions {
            replace: false,
            scroll: true,
        }
    }
}

/// Provides the location to the app and follows the address from then on: clicks on links
/// to our own pages move without a reload, and the back and forward buttons and fragment
/// changes update the signals. The listeners live as long as the page.
pub fn provide_router() -> Location {
    let location = Location::new();
    provide_context(location);
    let Some(window) = web_sys::window() else {
        return location;
    };
    let sync = Closure::<dyn Fn()>::new(move || location.sync());
    for event in ["popstate", "hashchange"] {
        let _ = window.add_event_listener_with_callback(event, sync.as_ref().unchecked_ref());
    }
    sync.forget();
    let click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev| on_click(location, ev));
    let _ = window.add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
    click.forget();
    location
}

/// The current location; outside a router, one read from the address bar once.
pub fn use_location() -> Location {
    use_context::<Location>().unwrap_or_else(Location::new)
}

/// A function that moves to another address of the app without a reload.
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Copy + 'static {
    let location = use_location();
    move |to: &str, options: NavigateOptions| navigate(location, to, options)
}

fn navigate(location: Location, to: &str, options: NavigateOptions) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let _ = if options.replace {
        history.replace_state_with_url(&JsValue::NULL, "", Some(to))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(to))
    };
    location.sync();
    if options.scroll {
        let hash = location.hash.get_untracked();
        let target = hash
            .strip_prefix('#')
            .filter(|id| !id.is_empty())
            .and_then(|id| window.document()?.get_element_by_id(id));
        match target {
            Some(element) => element.scroll_into_view(),
            None => window.scroll_to_with_x_and_y(0.0, 0.0),
        }
    }
}

/// Follows a plain left click on a link to one of our own pages without a reload. Anything
/// else stays the browser's: other sites, new tabs, downloads, clicks a handler has already
/// taken, and links to a fragment of this very page (the skip link).
fn on_click(location: Location, ev: web_sys::MouseEvent) {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.alt_key()
        || ev.ctrl_key()
        || ev.shift_key()
    {
        return;
    }
    let Some(link) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
    else {
        return;
    };
    let opens_elsewhere = link
        .get_attribute("target")
        .is_some_and(|t| !t.is_empty() && t != "_self");
    if opens_elsewhere || link.has_attribute("download") {
        return;
    }
    let (Some(href), Some(window)) = (link.get_attribute("href"), web_sys::window()) else {
        return;
    };
    let here = window.location();
    let Ok(url) = here
        .href()
        .and_then(|base| web_sys::Url::new_with_base(&href, &base))
    else {
        return;
    };
    if Some(url.origin()) != here.origin().ok() {
        return;
    }
    let (path, search, hash) = (url.pathname(), url.search(), url.hash());
    let same_page = Some(&path) == here.pathname().ok().as_ref()
        && Some(&search) == here.search().ok().as_ref();
    if same_page && !hash.is_empty() {
        return;
    }
    ev.prevent_default();
    navigate(
        location,
        &format!("{path}{search}{hash}"),
        NavigateOptions::default(),
    );
}

/// The query value `key` of the current address, as a memo.
pub fn use_query(key: &'static str) -> Memo<Option<String>> {
    let location = use_location();
    Memo::new(move |_| {
        location
            .search
            .with(|search| route::query_value(search, key))
    })
}

/// The path segment after `prefix` (such as the node in `/flowchart/<node>`), as a memo.
pub fn use_path_rest(prefix: &'static str) -> Memo<Option<String>> {
    let location = use_location();
    Memo::new(move |_| {
        location
            .pathname
            .with(|path| route::path_rest(path, prefix))
    })
}
