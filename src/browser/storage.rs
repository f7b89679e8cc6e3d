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

/// Calls one of local storage's methods with browser values, so strings stay the browser's
/// own and are not copied into wasm memory. Any failure comes back as a message.
fn call(method: &str, args: &[&wasm_bindgen::JsValue]) -> Result<wasm_bindgen::JsValue, String> {
    let storage = local().map_err(|_| "local storage is unavailable".to_string())?;
    let function: js_sys::Function = js_sys::Reflect::get(&storage, &method.into())
        .map_err(js_message)?
        .dyn_into()
        .map_err(|_| format!("{method} is not a function"))?;
    let args: js_sys::Array = args.iter().copied().collect();
    function.apply(&storage, &args).map_err(js_message)
}

/// Reads a key as the browser's own string (or null), without copying it into wasm memory:
/// comparing it with a string this page wrote then costs the browser a string comparison.
pub fn get_js(key: &str) -> Result<wasm_bindgen::JsValue, StorageError> {
    local()?;
    call("getItem", &[&key.into()]).map_err(StorageError::Read)
}

/// Writes a key from a browser string, so the page can keep that same string to compare.
pub fn set_js(key: &str, value: &wasm_bindgen::JsValue) -> Result<(), StorageError> {
    local()?;
    call("setItem", &[&key.into(), value])
        .map(|_| ())
        .map_err(StorageError::Write)
}
