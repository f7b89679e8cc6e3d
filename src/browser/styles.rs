//! The pages' stylesheet, loaded with the guide (`ui::guide::GuideContext`), from the guide's
//! wasm file in a split build.
//!
//! The release build keeps the first screen's stylesheet small: the checklist's and the
//! flowchart's rules go into a file of their own, which index.html names in
//! `<meta name="jimei-page-styles">` (scripts/postbuild.mjs). Development builds link every
//! stylesheet from index.html and have no such tag, so there is nothing to load.

use std::future::Future;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::split::ChunkError;

/// Marks the `<link>` this module adds; its value says when the stylesheet has loaded.
const MARK: &str = "data-page-styles";
const LOADED: &str = "loaded";

/// Starts loading the pages' stylesheet at once, and resolves once it applies. It fails if the
/// file cannot be fetched, so the page offers a retry rather than showing without its layout.
pub fn page_styles() -> impl Future<Output = Result<(), ChunkError>> {
    let started = start();
    async move {
        match started? {
            Some(loading) => loading
                .await
                .map(|_| ())
                .map_err(|_| ChunkError::new("the pages' stylesheet could not be fetched")),
            None => Ok(()),
        }
    }
}

/// Adds the stylesheet's `<link>` unless it has loaded already; returns what to wait for.
fn start() -> Result<Option<JsFuture>, ChunkError> {
    let Some(document) = super::document() else {
        return Err(ChunkError::new("there is no page to add the stylesheet to"));
    };
    let href = document
        .query_selector("meta[name=\"jimei-page-styles\"]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"));
    let Some(href) = href else {
        return Ok(None);
    };
    if let Some(link) = document
        .query_selector(&format!("link[{MARK}]"))
        .ok()
        .flatten()
    {
        if is_applied(&link) {
            return Ok(None);
        }
        // A failed or unfinished earlier try: start afresh.
        link.remove();
    }
    let head = document.query_selector("head").ok().flatten();
    let (Ok(link), Some(head)) = (document.create_element("link"), head) else {
        return Err(ChunkError::new(
            "the page has no head to add the stylesheet to",
        ));
    };
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute(MARK, "");
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let marked = link.clone();
        let loaded = Closure::once_into_js(move || {
            let _ = marked.set_attribute(MARK, LOADED);
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = Closure::once_into_js(move || {
            let _ = reject.call0(&JsValue::NULL);
        });
        let _ = link.add_event_listener_with_callback("load", loaded.unchecked_ref());
        let _ = link.add_event_listener_with_callback("error", failed.unchecked_ref());
    });
    // Set last, so the listeners are there before the request can end.
    let _ = link.set_attribute("href", &href);
    if head.append_child(&link).is_err() {
        return Err(ChunkError::new("the stylesheet's link could not be added"));
    }
    Ok(Some(JsFuture::from(promise)))
}

/// Whether `link` has loaded its stylesheet. Its `sheet` cannot tell: Chromium gives a
/// stylesheet that failed to load an empty `sheet` too.
fn is_applied(link: &web_sys::Element) -> bool {
    link.get_attribute(MARK).as_deref() == Some(LOADED)
}
