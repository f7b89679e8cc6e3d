//! Timing probes for the benchmark (scripts/bench). A probe costs one property lookup unless
//! the page has asked for figures by setting `window.__jimeiProbes` to an object; then each
//! probe appends its duration, in milliseconds, to the array of its name there.

use wasm_bindgen::JsCast;

/// The current time in milliseconds, precise to the browser's timer resolution.
pub fn now() -> f64 {
    super::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Records that `name` took from `since` (a `now()` value) until now, if a benchmark listens.
pub fn record(name: &str, since: f64) {
    let Some(window) = super::window() else {
        return;
    };
    let Ok(probes) = js_sys::Reflect::get(&window, &"__jimeiProbes".into()) else {
        return;
    };
    if !probes.is_object() {
        return;
    }
    let took = now() - since;
    let list = match js_sys::Reflect::get(&probes, &name.into()) {
        Ok(list) if list.is_instance_of::<js_sys::Array>() => {
            list.unchecked_into::<js_sys::Array>()
        }
        _ => {
            let list = js_sys::Array::new();
            let _ = js_sys::Reflect::set(&probes, &name.into(), &list);
            list
        }
    };
    list.push(&took.into());
}
