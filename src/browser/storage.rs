//! Local storage behind typed errors. Private browsing, disabled storage and a full quota all
//! come back as `StorageError` values instead of exceptions or panics.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsValue;
use web_sys::Storage;

use super::js_message;

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

/// The page's local storage, if the browser lets us use it.
pub fn local() -> Result<Storage, StorageError> {
    super::window()
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

/// Writes a copy of `value` under `key` and reads it back: `Ok` only if the browser now holds
/// exactly `value` there. A copy that reads back differently is removed again.
pub fn set_verified(key: &str, value: &str) -> Result<(), StorageError> {
    set(key, value)?;
    if get(key)?.as_deref() == Some(value) {
        return Ok(());
    }
    let _ = remove(key);
    Err(StorageError::Write(
        "the copy did not read back the same".into(),
    ))
}

/// The key of the start-up write test; nothing else uses it.
const PROBE_KEY: &str = "jimei.probe";

/// Whether storage takes a small write now: writes about a kilobyte under a key of its own
/// and removes it again. A full quota or a read-only storage fails here before the user
/// changes anything, so the page can say so at once rather than after their first edit.
pub fn writable() -> Result<(), StorageError> {
    let result = set_verified(PROBE_KEY, &"0".repeat(1024));
    let _ = remove(PROBE_KEY);
    result
}

/// Every key in local storage that starts with `prefix`.
pub fn keys_with_prefix(prefix: &str) -> Result<Vec<String>, StorageError> {
    let storage = local()?;
    let length = storage
        .length()
        .map_err(|e| StorageError::Read(js_message(e)))?;
    let mut keys = Vec::new();
    for i in 0..length {
        if let Ok(Some(key)) = storage.key(i) {
            if key.starts_with(prefix) {
                keys.push(key);
            }
        }
    }
    Ok(keys)
}

/// Removes a key.
pub fn remove(key: &str) -> Result<(), StorageError> {
    local()?
        .remove_item(key)
        .map_err(|e| StorageError::Write(js_message(e)))
}

/// A value as the browser holds it: a string of the browser's own, never copied into wasm
/// memory unless asked for, so comparing it with a value this page wrote costs the browser a
/// string comparison. (On the host, where nothing is ever stored, a plain string.)
#[derive(Debug, Clone, PartialEq)]
pub struct Raw(
    #[cfg(target_arch = "wasm32")] JsValue,
    #[cfg(not(target_arch = "wasm32"))] Option<String>,
);

#[cfg(target_arch = "wasm32")]
impl Raw {
    /// A browser string of `text` (to write, and to compare with later).
    pub fn from_text(text: &str) -> Raw {
        Raw(JsValue::from_str(text))
    }

    /// Whether this is a string, not an absent key.
    pub fn is_text(&self) -> bool {
        self.0.is_string()
    }

    /// The text, copied into wasm memory; `None` for an absent key.
    pub fn to_text(&self) -> Option<String> {
        self.0.as_string()
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Raw {
    pub fn from_text(text: &str) -> Raw {
        Raw(Some(text.to_string()))
    }

    pub fn is_text(&self) -> bool {
        self.0.is_some()
    }

    pub fn to_text(&self) -> Option<String> {
        self.0.clone()
    }
}

/// Calls one of local storage's methods with browser values, so strings stay the browser's
/// own and are not copied into wasm memory. Any failure comes back as a message.
#[cfg(target_arch = "wasm32")]
fn call(method: &str, args: &[&JsValue]) -> Result<JsValue, String> {
    let storage = local().map_err(|_| "local storage is unavailable".to_string())?;
    let function: js_sys::Function = js_sys::Reflect::get(&storage, &method.into())
        .map_err(js_message)?
        .dyn_into()
        .map_err(|_| format!("{method} is not a function"))?;
    let args: js_sys::Array = args.iter().copied().collect();
    function.apply(&storage, &args).map_err(js_message)
}

/// Reads a key as the browser's own value, without copying it into wasm memory.
pub fn get_raw(key: &str) -> Result<Raw, StorageError> {
    local()?;
    #[cfg(target_arch = "wasm32")]
    return call("getItem", &[&key.into()])
        .map(Raw)
        .map_err(StorageError::Read);
    #[cfg(not(target_arch = "wasm32"))]
    get(key).map(Raw)
}

/// Writes a key from a browser string, so the page can keep that same string to compare.
pub fn set_raw(key: &str, value: &Raw) -> Result<(), StorageError> {
    local()?;
    #[cfg(target_arch = "wasm32")]
    return call("setItem", &[&key.into(), &value.0])
        .map(|_| ())
        .map_err(StorageError::Write);
    #[cfg(not(target_arch = "wasm32"))]
    set(key, value.0.as_deref().unwrap_or(""))
}

/// Calls `changed` with the new value whenever another tab writes `key` (the `storage`
/// event; a tab never sees its own writes this way).
pub fn on_change(key: String, changed: impl Fn(String) + 'static) -> Result<(), StorageError> {
    on_key_change(key, move |value| {
        if let Some(value) = value {
            changed(value);
        }
    })
}

/// Like `on_change`, and also when another tab removes `key` (`None`).
pub fn on_key_change(
    key: String,
    changed: impl Fn(Option<String>) + 'static,
) -> Result<(), StorageError> {
    let window = super::window().ok_or(StorageError::Unavailable)?;
    let listener =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            if event.key().as_deref() != Some(key.as_str()) {
                return;
            }
            changed(event.new_value());
        });
    let _ = window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    listener.forget();
    Ok(())
}
