//! 阿集小美: the Jimei District work-resumption guide as an offline web app.
//!
//! - `model`: the pure core (guide data, validation, interface text). Host-testable.
//! - `browser`: the only code that touches web-sys and gloo (fetch, storage, language).
//! - `ui`: Leptos components, thin views over the model.
//!
//! The browser and UI modules only exist on wasm32, so a host build proves the model has no
//! browser dependency.

/// The pure core lives in its own crate (`crates/model`), so Cargo keeps browser crates out
/// of it; it is re-exported here under its old path.
pub use jimei_model as model;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// Mounts the app on the page's body. Called by `main` in the browser.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    ui::app::mount();
}
