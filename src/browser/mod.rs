//! The only code that touches web-sys, js-sys, wasm-bindgen and gloo. Every call that the
//! browser can refuse returns a `Result` or an `Option`; nothing here panics.
//!
//! The module also builds on the host (for host tests and for prerendering pages with
//! Leptos's SSR), where there is no browser: every function then reports the browser as
//! unavailable, through `window()`, before reaching any browser API.

pub mod clock;
pub mod console;
pub mod dom;
pub mod fetch;
pub mod file;
pub mod history;
pub mod lang;
pub mod panic;
pub mod probe;
pub mod schedule;
pub mod split;
pub mod storage;
pub mod styles;
pub mod viewport;

/// Why the browser could not do something it was asked to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrowserError {
    /// There is no window (the host, or a worker), or the API is missing.
    Unavailable,
    /// The browser refused, in its own words.
    Refused(String),
}

/// The page's window; `None` on the host, where no browser API may be called.
pub(crate) fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

/// The page's document; `None` on the host.
pub(crate) fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// A browser error's message, for a `Refused` cause.
pub(crate) fn js_message(value: wasm_bindgen::JsValue) -> String {
    value
        .as_string()
        .or_else(|| {
            js_sys::Reflect::get(&value, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| format!("{value:?}"))
}
