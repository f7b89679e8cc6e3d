//! Fetching the guide file from our own origin.

use gloo_net::http::Request;

use crate::model::guide::Guide;
use crate::model::load::{load_guide, LoadError};

/// Where the guide lives, relative to the site root. index.html preloads the same URL.
pub const GUIDE_URL: &str = "/guide/jimei.json";

/// Fetches, parses and validates the guide.
pub async fn fetch_guide(url: &str) -> Result<Guide, LoadError> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(LoadError::Http {
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let text = response
        .text()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    load_guide(&text)
}
