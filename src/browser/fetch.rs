//! Fetching the guide file from our own origin, with a time limit.

use gloo_net::http::Request;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::model::guide::Guide;
use crate::model::i18n::Locale;
use crate::model::load::{check_guide, parse_guide, LoadError};

/// Where the guide lives in `locale`, relative to the site root: one file per language, split
/// from public/guide/jimei.json at build time. index.html preloads the same URL. A path, not
/// a full URL: the guide is only ever loaded from our own origin.
pub fn guide_url(locale: Locale) -> String {
    format!("/guide/jimei.{}.json", locale.tag())
}

/// How long to wait for the guide before giving up and offering a retry. Generous, because a
/// slow 4G link at a factory gate is exactly where this app is used.
pub const TIMEOUT_MS: i32 = 20_000;

/// Fetches, parses and validates the guide; gives up after `TIMEOUT_MS`. In a split build this
/// runs from the guide's own wasm file (`ui::guide::load_guide`), parser and checker included.
pub async fn fetch_guide(url: &str) -> Result<Guide, LoadError> {
    if super::window().is_none() {
        return Err(LoadError::Network(
            "there is no browser to fetch with".into(),
        ));
    }
    let controller = web_sys::AbortController::new().ok();
    let timer = controller.as_ref().and_then(|c| start_timer(c.clone()));
    let result = fetch_text(url, controller.as_ref().map(|c| c.signal())).await;
    if let (Some(window), Some(id)) = (super::window(), timer) {
        window.clear_timeout_with_handle(id);
    }
    let timed_out = controller.is_some_and(|c| c.signal().aborted());
    match result {
        Err(_) if timed_out => Err(LoadError::Timeout {
            seconds: (TIMEOUT_MS / 1000) as u32,
        }),
        Err(error) => Err(error),
        Ok(text) => {
            // Parsing and checking are the longest pieces of work at start-up; in tasks of
            // their own they do not add to the one that mounts the app, and the page can
            // answer input between them.
            next_task().await;
            let guide = parse_guide(&text)?;
            drop(text);
            next_task().await;
            check_guide(guide)
        }
    }
}

use super::schedule::next_task;

/// Aborts the request when the time is up; returns the timer's handle.
fn start_timer(controller: web_sys::AbortController) -> Option<i32> {
    let abort = Closure::once_into_js(move || controller.abort());
    super::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(abort.unchecked_ref(), TIMEOUT_MS)
        .ok()
}

async fn fetch_text(url: &str, signal: Option<web_sys::AbortSignal>) -> Result<String, LoadError> {
    let response = Request::get(url)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(LoadError::Http {
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    response
        .text()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))
}
