//! Local storage behind typed errors. Private browsing, disabled storage and a full quota all
//! come back as `StorageError` values instead of exceptions or panics.

use wasm_bindgen::JsCast;
use web_sys::Storage;

/// Why storage could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// There is no window or no local storage, or the browser refused access.
    Unavailable,
    /// Reading failed.
    Read(String),
    /// Writing failed, most often because the quota is exceeded.
    Write(String),
}

fn js_message(value: wasm_bindgen::JsValue) -> String {
    value
        .as_string()
        .or_else(|| {
            js_sys::Reflect::get(&value, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| format!("{value:?}"))
}

/// The page's local storage, if the browser lets us use it.
pub fn local() -> Result<Storage, StorageError> {
    web_sys::window()
        .ok_or(StorageError::Unavailable)?
        .local_storage()
        .map_err(|_| StorageError::Unavailable)?
        .ok_or(StorageError::Unavailable)
}

/// Reads a key; `Ok(None)` when it is not set.
pub fn get(key: &str) -> Result<Option<String>, StorageError> {
    local()?
        .get_item(key)
        .map_err(|e| StorageError::Read(js_message(e)))
}

/// Writes a key.
pub fn set(key: &str, value: &str) -> Result<(), StorageError> {
    local()?
        .set_item(key, value)
        .map_err(|e| StorageError::Write(js_message(e)))
}

/// Removes a key.
pub fn remove(key: &str) -> Result<(), StorageError> {
    local()?
        .remove_item(key)
        .map_err(|e| StorageError::Write(js_message(e)))
}

/// Reads a key as the browser's own string (or null), without copying it into wasm memory:
/// comparing it with a string this page wrote then costs the browser a string comparison.
pub fn get_js(key: &str) -> Result<wasm_bindgen::JsValue, StorageError> {
    let storage = local()?;
    let get_item = js_sys::Reflect::get(&storage, &"getItem".into())
        .map_err(|e| StorageError::Read(js_message(e)))?;
    let get_item: js_sys::Function = get_item
        .dyn_into()
        .map_err(|_| StorageError::Read("getItem is not a function".into()))?;
    get_item
        .call1(&storage, &key.into())
        .map_err(|e| StorageError::Read(js_message(e)))
}

/// Writes a key from a browser string, so the page can keep that same string to compare.
pub fn set_js(key: &str, value: &wasm_bindgen::JsValue) -> Result<(), StorageError> {
    let storage = local()?;
    let set_item = js_sys::Reflect::get(&storage, &"setItem".into())
        .map_err(|e| StorageError::Write(js_message(e)))?;
    let set_item: js_sys::Function = set_item
        .dyn_into()
        .map_err(|_| StorageError::Write("setItem is not a function".into()))?;
    set_item
        .call2(&storage, &key.into(), value)
        .map(|_| ())
        .map_err(|e| StorageError::Write(js_message(e)))
}
