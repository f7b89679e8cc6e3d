//! When work runs: in a later task, just after the next frame, and when the page is hidden
//! or left. Listeners registered here live as long as the page.

use std::future::Future;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::{document, window, BrowserError};

/// Runs `work` as a task of its own, before any executor of Leptos's is set up (at start).
pub fn spawn(work: impl Future<Output = ()> + 'static) {
    if cfg!(target_arch = "wasm32") {
        wasm_bindgen_futures::spawn_local(work);
    } else {
        // No browser to run it in; the host never starts the app.
        drop(work);
    }
}

/// Resolves in a later task (a zero-delay timer), letting the browser paint and handle input
/// before the work that follows. On the host, where there is no page to paint, at once.
pub async fn next_task() {
    let Some(window) = window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if window.set_timeout_with_callback(&resolve).is_err() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `work` just after the next frame (in a task after the frame's callbacks), and also
/// after `fallback_ms` at the latest, since a page that draws no frames (a background tab)
/// would wait for ever. `work` may therefore run twice: the caller makes the second run a
/// no-op. Fails, running nothing, when neither can be scheduled.
pub fn after_next_frame(work: impl Fn() + 'static, fallback_ms: i32) -> Result<(), BrowserError> {
    let window = window().ok_or(BrowserError::Unavailable)?;
    let work = Rc::new(work);
    let after_frame = {
        let work = work.clone();
        Closure::once_into_js(move || {
            let save = Closure::once_into_js(move || work());
            if let Some(window) = super::window() {
                let _ = window.set_timeout_with_callback(save.unchecked_ref());
            }
        })
    };
    let fallback = Closure::once_into_js(move || work());
    let framed = window
        .request_animation_frame(after_frame.unchecked_ref())
        .is_ok();
    let timed = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            fallback.unchecked_ref(),
            fallback_ms,
        )
        .is_ok();
    if framed || timed {
        Ok(())
    } else {
        Err(BrowserError::Refused(
            "no frame or timer could be scheduled".into(),
        ))
    }
}

/// Calls `hidden` whenever the page is hidden (another tab, the phone locked) or left.
pub fn on_page_hidden(hidden: impl Fn() + 'static) -> Result<(), BrowserError> {
    let window = window().ok_or(BrowserError::Unavailable)?;
    let hidden = Rc::new(hidden);
    let on_leave = {
        let hidden = hidden.clone();
        Closure::<dyn Fn()>::new(move || hidden())
    };
    let _ = window.add_event_listener_with_callback("pagehide", on_leave.as_ref().unchecked_ref());
    on_leave.forget();
    let document = document().ok_or(BrowserError::Unavailable)?;
    let on_visibility = Closure::<dyn Fn()>::new(move || {
        if super::document().is_some_and(|d| d.hidden()) {
            hidden();
        }
    });
    let _ = document.add_event_listener_with_callback(
        "visibilitychange",
        on_visibility.as_ref().unchecked_ref(),
    );
    on_visibility.forget();
    Ok(())
}
