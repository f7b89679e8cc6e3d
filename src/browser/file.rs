//! Files: offering text as a download, reading a file the user chose, the clipboard and the
//! system's share sheet (Web Share).

use std::time::Duration;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::model::saved::CodecError;

use super::{document, js_message, window, BrowserError};

/// Offers `text` as a file named `name` to download: a Blob, an object URL and a temporary
/// `<a download>`. Says why when the browser refuses.
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), BrowserError> {
    offer(name, text, None, mime)
}

/// Offers `bytes` (a workbook, a CSV file) as a file named `name` to download.
pub fn download_bytes(name: &str, bytes: &[u8], mime: &str) -> Result<(), BrowserError> {
    offer(name, "", Some(bytes), mime)
}

/// A download of `text`, or of `body_bytes` when given.
fn offer(
    name: &str,
    text: &str,
    body_bytes: Option<&[u8]>,
    mime: &str,
) -> Result<(), BrowserError> {
    let document = document().ok_or(BrowserError::Unavailable)?;
    let refused = |e: JsValue| BrowserError::Refused(js_message(e));
    let body = document
        .body()
        .ok_or_else(|| BrowserError::Refused("the page has no body".into()))?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = match body_bytes {
        None => web_sys::Blob::new_with_str_sequence_and_options(
            &js_sys::Array::of1(&JsValue::from_str(text)),
            &options,
        ),
        Some(bytes) => web_sys::Blob::new_with_u8_array_sequence_and_options(
            &js_sys::Array::of1(&js_sys::Uint8Array::from(bytes)),
            &options,
        ),
    }
    .map_err(refused)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(refused)?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(refused)?
        .dyn_into()
        .map_err(|_| BrowserError::Refused("an <a> element is not a link".into()))?;
    link.set_href(&url);
    link.set_download(name);
    body.append_child(&link).map_err(refused)?;
    link.click();
    link.remove();
    // Revoke a little later: revoking at once can cancel the download in some browsers.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(30),
    );
    Ok(())
}

/// A file the user chose in a file input.
#[derive(Debug, Clone)]
pub struct ChosenFile(web_sys::File);

impl ChosenFile {
    /// Refuses a file over `limit` bytes, before anything is read.
    fn within(&self, limit: usize) -> Result<(), CodecError> {
        let size = self.0.size();
        if size > limit as f64 {
            return Err(CodecError::TooLarge {
                bytes: size as usize,
                limit,
            });
        }
        Ok(())
    }
}

/// The file chosen in the input that `ev` (its `change` event) came from. The input is
/// cleared, so choosing the same file again is seen as a change.
pub fn take_chosen_file(ev: &leptos::ev::Event) -> Option<ChosenFile> {
    window()?;
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file.map(ChosenFile)
}

/// Reads a chosen file as text, refusing one over `limit` bytes before reading it.
pub async fn read_text(file: ChosenFile, limit: usize) -> Result<String, CodecError> {
    file.within(limit)?;
    let text = JsFuture::from(file.0.text())
        .await
        .map_err(|_| CodecError::NotText)?;
    text.as_string().ok_or(CodecError::NotText)
}

/// Reads a chosen file's bytes, refusing one over `limit` bytes before reading it.
pub async fn read_bytes(file: ChosenFile, limit: usize) -> Result<Vec<u8>, CodecError> {
    file.within(limit)?;
    let buffer = JsFuture::from(file.0.array_buffer())
        .await
        .map_err(|_| CodecError::NotText)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Copies `text` to the clipboard. `Unavailable` where the page may not use it (an insecure
/// page, an old browser), `Refused` when the browser says no.
pub async fn copy_text(text: &str) -> Result<(), BrowserError> {
    let navigator = window().ok_or(BrowserError::Unavailable)?.navigator();
    let has_clipboard = js_sys::Reflect::has(&navigator, &"clipboard".into()).unwrap_or(false);
    if !has_clipboard {
        return Err(BrowserError::Unavailable);
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .map(|_| ())
        .map_err(|e| BrowserError::Refused(js_message(e)))
}

/// Whether the browser has a share sheet (Web Share) for text.
pub fn can_share() -> bool {
    window().is_some_and(|w| {
        js_sys::Reflect::get(&w.navigator(), &"share".into()).is_ok_and(|f| f.is_function())
    })
}

/// Offers `text` to the system's share sheet. `Unavailable` without Web Share; `Refused`
/// with the browser's reason, which is `AbortError` when the user closed the sheet.
pub async fn share_text(title: &str, text: &str) -> Result<(), BrowserError> {
    let navigator = window().ok_or(BrowserError::Unavailable)?.navigator();
    let share = js_sys::Reflect::get(&navigator, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or(BrowserError::Unavailable)?;
    let data = js_sys::Object::new();
    let set = |key: &str, value: &str| {
        js_sys::Reflect::set(&data, &key.into(), &JsValue::from_str(value))
            .map_err(|e| BrowserError::Refused(js_message(e)))
    };
    set("title", title)?;
    set("text", text)?;
    let promise = share
        .call1(&navigator, &data)
        .map_err(|e| BrowserError::Refused(js_message(e)))?
        .dyn_into::<js_sys::Promise>()
        .map_err(|_| BrowserError::Refused("share did not return a promise".into()))?;
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| BrowserError::Refused(error_name(&e)))
}

/// A DOMException's name (such as `AbortError`), or its message.
fn error_name(value: &JsValue) -> String {
    js_sys::Reflect::get(value, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_else(|| js_message(value.clone()))
}
