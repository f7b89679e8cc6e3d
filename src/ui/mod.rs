//! Leptos components: thin views over the model. The imports point one way (checked by
//! `tests/architecture.rs`): `app` is the root and nothing imports it; the pages in `pages/`
//! draw on the shared modules here, which import no page.
//!
//! - `locale`: the interface language and `tr`. `router`: the address as signals.
//! - `state`: the progress store. `guide`: the guide's context and loader.
//! - `lazy`: pages and parts from the split wasm. `notices`: the banners.
//! - `widgets`: pieces several pages use.

pub mod app;
pub mod guide;
pub mod lazy;
pub mod locale;
pub mod notices;
pub mod pages;
pub mod router;
pub mod state;
pub mod widgets;
