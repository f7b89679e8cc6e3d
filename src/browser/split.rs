//! Code that the release build loads only when it is needed.
//!
//! With `--cfg jimei_split` (set by `scripts/build`), each function declared with `split_fn!`
//! goes into a wasm file of its own, cut out of the app's wasm after linking by
//! `wasm-split-cli` (see ARCHITECTURE.md, "Split wasm"). Calling it first fetches that file.
//! The first screen then needs only the small main file. Without the flag (`trunk serve`,
//! component tests) the same functions are ordinary ones behind an `async` signature, so the
//! callers are the same in both builds.

/// A page's wasm file (or the pages' stylesheet) did not arrive: offline with nothing
/// cached, or a failed request. It keeps the loader's own account of why, in the browser's
/// words, for the console; the page shows a localized message instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChunkError {
    pub cause: String,
}

impl ChunkError {
    pub fn new(cause: impl Into<String>) -> ChunkError {
        ChunkError {
            cause: cause.into(),
        }
    }
}

#[cfg(jimei_split)]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(error: leptos::wasm_split::SplitLoaderError) -> ChunkError {
        ChunkError::new(error.to_string())
    }
}

/// Whether any of the wasm parts named `points` (split point names) is gone from the server
/// (`model::route::part_gone`), rather than out of reach: asked after a part failed to load, to
/// tell a deploy that removed this build's files from a network failure. The parts sit next
/// to their loader, whose address the page's preload link gives. Any doubt answers `false`.
#[cfg(target_arch = "wasm32")]
pub async fn parts_gone(points: &[&str]) -> bool {
    use wasm_bindgen::JsCast;
    let Some(window) = super::window() else {
        return false;
    };
    let loader = super::document()
        .and_then(|d| {
            d.query_selector("link[href$=\"/__wasm_split.js\"]")
                .ok()
                .flatten()
        })
        .and_then(|link| link.get_attribute("href"));
    let Some(dir) = loader
        .as_deref()
        .and_then(|href| href.strip_suffix("__wasm_split.js"))
    else {
        return false;
    };
    for point in points {
        let init = web_sys::RequestInit::new();
        init.set_method("HEAD");
        init.set_cache(web_sys::RequestCache::NoStore);
        let url = format!("{dir}split_{point}.wasm");
        let answer =
            wasm_bindgen_futures::JsFuture::from(window.fetch_with_str_and_init(&url, &init)).await;
        let status = answer
            .ok()
            .and_then(|r| r.dyn_into::<web_sys::Response>().ok())
            .map(|r| r.status());
        if status.is_some_and(crate::model::route::part_gone) {
            return true;
        }
    }
    false
}

/// Off the browser no part is fetched, so none is gone.
#[cfg(not(target_arch = "wasm32"))]
pub async fn parts_gone(_points: &[&str]) -> bool {
    false
}

/// Declares a function that lives in the wasm file named by its first argument in a split
/// build, and is `async` in every build. Its return type must be a `Result` whose error
/// converts from a failed load.
macro_rules! split_fn {
    ($(#[$attr:meta])* $chunk:ident, $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$attr])*
        #[cfg(jimei_split)]
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name($($arg: $ty),*) -> $ret $body

        $(#[$attr])*
        #[cfg(not(jimei_split))]
        $vis async fn $name($($arg: $ty),*) -> $ret $body
    };
}
pub(crate) use split_fn;
