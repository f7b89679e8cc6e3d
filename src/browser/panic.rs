//! What the user sees if the app panics: instead of a dead page, a plain recovery screen that
//! says what happened and offers the saved progress as a file to download.
//!
//! It is built with bare DOM calls, not Leptos, because after a panic the app's own state
//! cannot be trusted. Saved progress lives in local storage, which the panic does not touch.

use wasm_bindgen::JsCast;

use crate::model::i18n::outside::RecoveryMsg;
use crate::model::i18n::{Locale, Message};

/// Installs the panic hook: log the panic as the default hook would, then show the screen.
pub fn install(storage_key: &'static str) {
    std::panic::set_hook(Box::new(move |info| {
        super::console::error(&info.to_string());
        show_recovery_screen(storage_key);
    }));
}

/// Replaces the page with the recovery screen.
pub fn show_recovery_screen(storage_key: &str) {
    let Some(body) = super::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    body.set_inner_html("");
    // A panic during start-up leaves the mark that hides everything but the shell.
    let _ = body.class_list().remove_1("booting");
    render_recovery_screen(&body, storage_key);
}

/// Draws the recovery screen into `parent`. Every step tolerates failure: this runs when
/// something has already gone wrong.
pub fn render_recovery_screen(parent: &web_sys::Element, storage_key: &str) {
    let Some(document) = super::window().and_then(|w| w.document()) else {
        return;
    };
    let locale: Locale = document
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|l| l.parse().ok())
        .unwrap_or_default();
    let text = |msg: RecoveryMsg| msg.text(locale);
    let (title, explain) = (text(RecoveryMsg::Title), text(RecoveryMsg::Explain));
    let (download, reload) = (text(RecoveryMsg::Download), text(RecoveryMsg::Reload));
    let saved = super::storage::get(storage_key).ok().flatten();

    let Ok(main) = document.create_element("main") else {
        return;
    };
    main.set_class_name("page recovery");
    let _ = main.set_attribute("role", "alert");
    let _ = main.set_attribute("data-testid", "recovery");
    let add = |tag: &str, text: &str| -> Option<web_sys::Element> {
        let el = document.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        main.append_child(&el).ok()?;
        Some(el)
    };
    add("h1", title);
    add("p", explain);
    if let Some(saved) = saved {
        // A data URL needs no script after the panic; the browser handles the download.
        let href = format!(
            "data:application/json;charset=utf-8,{}",
            String::from(js_sys::encode_uri_component(&saved))
        );
        if let Some(link) = add("a", download) {
            let _ = link.set_attribute("href", &href);
            let _ = link.set_attribute("download", "jimei-progress-backup.json");
            link.set_class_name("button primary");
        }
    }
    if let Some(link) = add("a", reload) {
        let _ = link.set_attribute("href", "/");
        link.set_class_name("button");
    }
    let _ = parent.append_child(&main);
    if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
        let _ = main.focus();
    }
}
