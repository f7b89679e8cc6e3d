//! The panic recovery screen, in headless Chromium. A real panic would end the test runner, so
//! this drives the screen the panic hook shows, and checks the hook's key is the real one.
#![cfg(target_arch = "wasm32")]

use jimei::browser::{panic::render_recovery_screen, storage};
use jimei::model::saved::storage_key;
use jimei::ui::guide::PROGRESS_KEY;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element to draw into; the test runner's own output lives in the page's body.
fn container() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

#[wasm_bindgen_test]
fn the_hook_offers_the_shipped_guides_key() {
    assert_eq!(PROGRESS_KEY, storage_key("jimei-resumption"));
}

#[wasm_bindgen_test]
fn recovery_screen_explains_and_offers_the_saved_progress() {
    let key = "jimei.test.recovery";
    storage::set(key, r#"{"schema":1,"note":"<b>kept</b>"}"#).unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    document
        .document_element()
        .unwrap()
        .set_attribute("lang", "en")
        .unwrap();

    let parent = container();
    render_recovery_screen(&parent, key);

    let screen = parent
        .query_selector("[data-testid=recovery]")
        .unwrap()
        .expect("the screen");
    assert_eq!(screen.get_attribute("role").as_deref(), Some("alert"));
    let text = screen.text_content().unwrap();
    assert!(text.contains("Something went wrong"), "{text}");
    let link = screen
        .query_selector("a[download]")
        .unwrap()
        .expect("a download link");
    let href = link.get_attribute("href").unwrap();
    assert!(href.starts_with("data:application/json"), "{href}");
    let decoded = js_sys::decode_uri_component(&href)
        .unwrap()
        .as_string()
        .unwrap();
    assert!(
        decoded.ends_with(r#"{"schema":1,"note":"<b>kept</b>"}"#),
        "{decoded}"
    );
    // Stored text is never parsed as HTML.
    assert!(parent.query_selector("b").unwrap().is_none());
    storage::remove(key).unwrap();
}

#[wasm_bindgen_test]
fn recovery_screen_without_saved_progress_still_offers_reload() {
    let parent = container();
    render_recovery_screen(&parent, "jimei.test.nothing-here");
    let screen = parent
        .query_selector("[data-testid=recovery]")
        .unwrap()
        .expect("the screen");
    assert!(screen.query_selector("a[download]").unwrap().is_none());
    assert!(screen.query_selector("a[href='/']").unwrap().is_some());
}
