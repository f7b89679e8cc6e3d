//! The pure core: no Leptos, no web-sys, no gloo and no I/O. Everything here builds and is
//! tested on the host with plain `cargo test`.

pub mod chart;
pub mod graph;
pub mod guide;
pub mod i18n;
pub mod layout;
pub mod ledger;
pub mod load;
pub mod paint;
pub mod progress;
pub mod route;
pub mod saved;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
