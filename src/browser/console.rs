//! The browser's console, for causes the page itself does not show (the browser's own words
//! for a failed request, say), so they are still there for whoever debugs it.

/// Writes a warning to the console; on the host, to standard error.
pub fn warn(text: &str) {
    if cfg!(target_arch = "wasm32") {
        web_sys::console::warn_1(&text.into());
    } else {
        eprintln!("{text}");
    }
}

/// Writes an error to the console; on the host, to standard error.
pub fn error(text: &str) {
    if cfg!(target_arch = "wasm32") {
        web_sys::console::error_1(&text.into());
    } else {
        eprintln!("{text}");
    }
}
