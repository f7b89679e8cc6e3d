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
