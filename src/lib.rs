//! 阿集小美: the Jimei District work-resumption guide as an offline web app.
//!
//! - `model`: the pure core (guide data, validation, interface text), a crate of its own.
//! - `browser`: the only code that touches web-sys, js-sys and gloo (fetch, storage, history,
//!   files, the DOM). On the host every call reports the browser as unavailable.
//! - `ui`: Leptos components, thin views over the model. They build on the host too, where
//!   Leptos renders them to HTML (`tests/render.rs`).

// The host build renders views without `erase_components` (which only the wasm build sets),
// and the types of a whole page nest deeper than the default limit.
#![recursion_limit = "256"]

/// The pure core lives in its own crate (`crates/model`), so Cargo keeps browser crates out
/// of it; it is re-exported here under its old path.
pub use jimei_model as model;

pub mod browser;
pub mod ui;

/// Mounts the app on the page's body. Called by `main` in the browser.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    ui::app::mount();
}
