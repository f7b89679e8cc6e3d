//! The browser's console, for causes the page itself does not show (the browser's own words
//! for a failed request, say), so they are still there for whoever debugs it.

/// Writes a warning to the console.
pub fn warn(text: &str) {
    web_sys::console::warn_1(&text.into());
}
