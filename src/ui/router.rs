//! The app's router: the address as signals, page changes without a reload, and the back and
//! forward buttons. It replaced leptos_router, which with the async machinery of its routes
//! was a third of the first screen's wasm (ARCHITECTURE.md, "Routing"). What a path means is
//! decided in `model::route`.

use leptos::prelude::*;

use crate::browser::history::{self, Address, Entry};
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
    /// The address bar's address; `/` where there is none (the host, prerendering).
    fn new() -> Location {
        Location::at(history::address().unwrap_or_else(|| Address {
            path: "/".into(),
            query: String::new(),
            fragment: String::new(),
        }))
    }

    /// A location at `address`, such as the page a prerender draws.
    pub fn at(address: Address) -> Location {
        Location {
            pathname: RwSignal::new(address.path),
            search: RwSignal::new(address.query),
            hash: RwSignal::new(address.fragment),
        }
    }

    /// Brings the signals in line with the address bar; only what changed notifies.
    fn sync(self) {
        let Some(Address {
            path,
            query,
            fragment,
        }) = history::address()
        else {
            return;
        };
        for (signal, value) in [
            (self.pathname, path),
            (self.search, query),
            (self.hash, fragment),
        ] {
            if signal.try_with_untracked(|old| *old != value) == Some(true) {
                signal.set(value);
            }
        }
    }
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
/// changes update the signals. The listeners live as long as the page; where there is no
/// page (the host), the location stays where it starts.
pub fn provide_router() -> Location {
    let location = use_context::<Location>().unwrap_or_else(Location::new);
    provide_context(location);
    let _ = history::on_change(move || location.sync());
    let _ = history::follow_links(move |to| navigate(location, &to, NavigateOptions::default()));
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
    let entry = if options.replace {
        Entry::Replace
    } else {
        Entry::Push
    };
    if history::go(to, entry).is_err() {
        return;
    }
    location.sync();
    if options.scroll {
        history::scroll_to(&location.hash.get_untracked());
    }
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
