//! Component tests in headless Chromium (wasm-bindgen-test). Run by scripts/test with
//! `cargo test --target wasm32-unknown-unknown --test components`.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use jimei::browser::storage;
use jimei::model::guide::{parse, Problem, ProblemKind};
use jimei::model::i18n::Locale;
use jimei::model::load::LoadError;
use jimei::ui::app::{GuideContext, LanguageSwitcher, LoadState, LocaleContext};
use jimei::ui::common::GuideGate;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the page to mount one component into.
fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

/// Lets Leptos run its pending effects and re-render.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

const SMALL_GUIDE: &str = r#"{
  "id": "t", "version": "1", "date": "2020-02-18", "languages": ["zh-Hans", "en"],
  "title": {"zh-Hans": "指南", "en": "Guide"},
  "summary": {"zh-Hans": "摘要", "en": "Summary"},
  "sources": [{"id": "s", "name": {"zh-Hans": "来源", "en": "Source"}, "date": "2020-02-18", "url": "http://example.invalid/"}],
  "nodes": [
    {"id": "a", "kind": "start", "title": {"zh-Hans": "开始", "en": "Begin"}, "body": {"zh-Hans": "开始吧", "en": "Begin here"}, "confidence": "reported", "source": "s"},
    {"id": "b", "kind": "end", "title": {"zh-Hans": "结束", "en": "Finish"}, "body": {"zh-Hans": "完成", "en": "Done"}, "confidence": "reported", "source": "s"}
  ],
  "edges": [{"id": "e", "from": "a", "to": "b"}]
}"#;

/// Mounts a `GuideGate` over `state` that prints the guide's English title when ready.
fn mount_gate(state: RwSignal<LoadState>, locale: Locale) -> web_sys::HtmlElement {
    let parent = container();
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        provide_context(LocaleContext(RwSignal::new(locale)));
        provide_context(GuideContext::new(LoadState::Loading));
        let ctx = use_context::<GuideContext>().unwrap();
        ctx.state.set(state.get_untracked());
        Effect::new(move || ctx.state.set(state.get()));
        view! {
            <GuideGate render={|guide: Arc<jimei::model::guide::Guide>| {
                view! { <h1 data-testid="title">{guide.title.get("en", "en").to_string()}</h1> }
            }}/>
        }
    });
    handle.forget();
    parent
}

#[wasm_bindgen_test]
async fn guide_gate_shows_loading_then_the_page() {
    let state = RwSignal::new(LoadState::Loading);
    let parent = mount_gate(state, Locale::English);
    assert!(parent.query_selector("[data-testid=loading]").unwrap().is_some());

    let guide = parse(SMALL_GUIDE).expect("fixture parses");
    state.set(LoadState::Ready(Arc::new(guide)));
    settle().await;
    assert!(parent.query_selector("[data-testid=loading]").unwrap().is_none());
    let title = parent.query_selector("[data-testid=title]").unwrap().unwrap();
    assert_eq!(title.text_content().unwrap(), "Guide");
}

#[wasm_bindgen_test]
async fn guide_gate_names_every_problem_in_the_users_language() {
    let problems = vec![
        Problem {
            path: "edges[11]".into(),
            kind: ProblemKind::EdgeToMissing { edge: "e12".into(), node: "n99".into() },
        },
        Problem { path: "nodes".into(), kind: ProblemKind::NoStart },
    ];
    let state = RwSignal::new(LoadState::Failed(LoadError::Invalid(problems)));
    let parent = mount_gate(state, Locale::English);
    settle().await;
    let alert = parent.query_selector("[role=alert]").unwrap().expect("an alert");
    let text = alert.text_content().unwrap();
    assert!(text.contains("edge e12 points to node n99, which does not exist"), "{text}");
    assert!(text.contains("the flowchart has no start node"), "{text}");
    let button = alert.query_selector("button").unwrap().expect("a retry button");
    assert_eq!(button.text_content().unwrap(), "Try again");
}

#[wasm_bindgen_test]
async fn language_switcher_changes_the_locale_and_html_lang() {
    let parent = container();
    let locale = RwSignal::new(Locale::ZhHans);
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        provide_context(LocaleContext(locale));
        Effect::new(move || jimei::browser::lang::apply_locale(locale.get()));
        view! { <LanguageSwitcher/> }
    });
    handle.forget();
    let select: web_sys::HtmlSelectElement =
        parent.query_selector("select").unwrap().unwrap().unchecked_into();
    assert_eq!(select.options().length(), 3);

    select.set_value("en");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(locale.get_untracked(), Locale::English);
    let html = web_sys::window().unwrap().document().unwrap().document_element().unwrap();
    assert_eq!(html.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(
        storage::get(jimei::browser::lang::LANGUAGE_KEY).unwrap().as_deref(),
        Some("en")
    );
}

#[wasm_bindgen_test]
fn storage_round_trip_and_missing_key() {
    let key = "jimei.test.storage";
    storage::remove(key).unwrap();
    assert_eq!(storage::get(key).unwrap(), None);
    storage::set(key, "值 value").unwrap();
    assert_eq!(storage::get(key).unwrap().as_deref(), Some("值 value"));
    storage::remove(key).unwrap();
    assert_eq!(storage::get(key).unwrap(), None);
}
