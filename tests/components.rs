//! Component tests in headless Chromium (wasm-bindgen-test). Run by scripts/test with
//! `cargo test --target wasm32-unknown-unknown --test components`.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use jimei::browser::storage;
use jimei::model::guide::{parse, Problem, ProblemKind};
use jimei::model::i18n::Locale;
use jimei::model::load::LoadError;
use jimei::ui::guide::{GuideContext, LoadState};
use jimei::ui::locale::LocaleContext;
use jimei::ui::widgets::{GuideGate, LanguageSwitcher};
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

/// Lets Leptos run its pending effects and re-render, and a scheduled save run (after the
/// next frame, or at the latest on its fallback timer).
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 150)
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
    assert!(parent
        .query_selector("[data-testid=loading]")
        .unwrap()
        .is_some());

    let guide = parse(SMALL_GUIDE).expect("fixture parses");
    state.set(LoadState::Ready(Arc::new(guide)));
    settle().await;
    assert!(parent
        .query_selector("[data-testid=loading]")
        .unwrap()
        .is_none());
    let title = parent
        .query_selector("[data-testid=title]")
        .unwrap()
        .unwrap();
    assert_eq!(title.text_content().unwrap(), "Guide");
}

#[wasm_bindgen_test]
async fn guide_gate_names_every_problem_in_the_users_language() {
    let problems = vec![
        Problem {
            path: "edges[11]".into(),
            kind: ProblemKind::EdgeToMissing {
                edge: "e12".into(),
                node: "n99".into(),
            },
        },
        Problem {
            path: "nodes".into(),
            kind: ProblemKind::NoStart,
        },
    ];
    let state = RwSignal::new(LoadState::Failed(LoadError::Invalid(problems)));
    let parent = mount_gate(state, Locale::English);
    settle().await;
    let alert = parent
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert");
    let text = alert.text_content().unwrap();
    assert!(
        text.contains("edge e12 points to node n99, which does not exist"),
        "{text}"
    );
    assert!(text.contains("the flowchart has no start node"), "{text}");
    let button = alert
        .query_selector("button")
        .unwrap()
        .expect("a retry button");
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
    let select: web_sys::HtmlSelectElement = parent
        .query_selector("select")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(select.options().length(), 3);

    select.set_value("en");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(locale.get_untracked(), Locale::English);
    let html = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap();
    assert_eq!(html.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(
        storage::get(jimei::browser::lang::LANGUAGE_KEY)
            .unwrap()
            .as_deref(),
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

// ── The checklist, its storage adapter and the share QR code ─────────────────────────────

/// A small guide with one question and a section of three items, one of which applies only
/// when the enterprise has a canteen. Its id gives it a storage key of its own.
const CHECKLIST_GUIDE: &str = r#"{
  "id": "ctest", "version": "1", "date": "2020-02-18", "languages": ["zh-Hans", "en"],
  "title": {"zh-Hans": "指南", "en": "Guide"},
  "summary": {"zh-Hans": "摘要", "en": "Summary"},
  "sources": [{"id": "s", "name": {"zh-Hans": "来源", "en": "Source"}, "date": "2020-02-18", "url": "http://example.invalid/"}],
  "questions": [{"id": "canteen", "role": "enterprise", "text": {"zh-Hans": "有食堂吗？", "en": "Do you run a canteen?"},
    "answers": [{"id": "yes", "label": {"zh-Hans": "有", "en": "Yes"}}, {"id": "no", "label": {"zh-Hans": "没有", "en": "No canteen"}}]}],
  "nodes": [
    {"id": "a", "kind": "start", "title": {"zh-Hans": "开始", "en": "Begin"}, "body": {"zh-Hans": "开始吧", "en": "Begin here"}, "confidence": "reported", "source": "s"},
    {"id": "b", "kind": "end", "title": {"zh-Hans": "结束", "en": "Finish"}, "body": {"zh-Hans": "完成", "en": "Done"}, "confidence": "reported", "source": "s"}
  ],
  "edges": [{"id": "e", "from": "a", "to": "b"}],
  "sections": [{"id": "sec", "role": "enterprise", "title": {"zh-Hans": "准备", "en": "Preparation"}, "items": [
    {"id": "masks", "title": {"zh-Hans": "备口罩", "en": "Stock masks"}, "what": {"zh-Hans": "买", "en": "Buy them"}, "why": {"zh-Hans": "防护", "en": "Protection"}, "required": true, "node": "a", "confidence": "reported", "source": "s"},
    {"id": "plan", "title": {"zh-Hans": "写计划", "en": "Write a plan"}, "what": {"zh-Hans": "写", "en": "Write it"}, "why": {"zh-Hans": "有序", "en": "Order"}, "required": true, "node": "a", "confidence": "reported", "source": "s"},
    {"id": "meals", "title": {"zh-Hans": "错峰就餐", "en": "Stagger meals"}, "what": {"zh-Hans": "分批", "en": "In shifts"}, "why": {"zh-Hans": "少聚集", "en": "Fewer crowds"}, "required": true,
     "applies_when": {"is": {"question": "canteen", "answer": "yes"}}, "node": "b", "confidence": "reported", "source": "s"}
  ]}]
}"#;

fn checklist_guide() -> Arc<jimei::model::guide::Guide> {
    Arc::new(parse(CHECKLIST_GUIDE).expect("checklist fixture parses"))
}

const CHECKLIST_KEY: &str = "jimei.progress/ctest";

/// The store's effects need the async executor, which mounting anything starts.
fn start_executor() {
    leptos::mount::mount_to(container(), || ()).forget();
}

/// Removes our key and every backup of it.
fn clear_checklist_storage() {
    let local = storage::local().unwrap();
    let mut keys = Vec::new();
    for i in 0..local.length().unwrap() {
        if let Some(key) = local.key(i).unwrap() {
            if key.contains("/ctest") {
                keys.push(key);
            }
        }
    }
    for key in keys {
        storage::remove(&key).unwrap();
    }
}

#[wasm_bindgen_test]
async fn progress_store_saves_each_change_and_a_new_page_reads_it_back() {
    use jimei::model::progress::{Action, Mark};
    use jimei::ui::state::ProgressContext;
    start_executor();
    clear_checklist_storage();
    let owner = Owner::new();
    let store = owner.with(|| ProgressContext::new(checklist_guide()));
    settle().await;
    assert!(store
        .dispatch(Action::Check {
            item: "masks".into()
        })
        .changed());
    assert!(store
        .dispatch(Action::SetNote {
            item: "plan".into(),
            note: "周一".into()
        })
        .changed());
    settle().await;
    let raw = storage::get(CHECKLIST_KEY).unwrap().expect("saved");
    let saved = jimei::model::saved::decode(&raw, "ctest").expect("our own value decodes");
    assert_eq!(saved.schema, jimei::model::saved::SCHEMA);
    assert_eq!(saved.progress.mark("masks"), Some(&Mark::Done));

    // A second store, as after a reload, starts from what was saved.
    let second = Owner::new();
    let again = second.with(|| ProgressContext::new(checklist_guide()));
    assert_eq!(
        again.progress.get_untracked().mark("masks"),
        Some(&Mark::Done)
    );
    assert_eq!(again.progress.get_untracked().note("plan"), "周一");
    assert!(again.notices.get_untracked().is_empty());
    clear_checklist_storage();
}

#[wasm_bindgen_test]
async fn progress_store_backs_up_an_unreadable_value_and_starts_afresh() {
    use jimei::ui::state::{Notice, ProgressContext};
    start_executor();
    clear_checklist_storage();
    storage::set(CHECKLIST_KEY, "[1, 2, 3]").unwrap();
    // The owner must outlive the store, whose signals it holds.
    let owner = Owner::new();
    let store = owner.with(|| ProgressContext::new(checklist_guide()));
    settle().await;
    let notices = store.notices.get_untracked();
    let Some(Notice::Unreadable {
        kept: jimei::model::saved::Kept::Copied(backup_key),
        ..
    }) = notices.first().cloned()
    else {
        panic!("expected an unreadable notice with a copy, got {notices:?}");
    };
    assert_eq!(
        storage::get(&backup_key).unwrap().as_deref(),
        Some("[1, 2, 3]")
    );
    // The key now holds a fresh, readable value.
    let raw = storage::get(CHECKLIST_KEY).unwrap().expect("rewritten");
    assert!(jimei::model::saved::decode(&raw, "ctest").is_ok());
    clear_checklist_storage();
}

/// Mounts the checklist page over `CHECKLIST_GUIDE` in English.
fn mount_checklist() -> (web_sys::HtmlElement, jimei::ui::state::ProgressContext) {
    use jimei::ui::state::ProgressContext;
    let parent = container();
    let store = StoredValue::new(None::<ProgressContext>);
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        provide_context(LocaleContext(RwSignal::new(Locale::English)));
        let guide = checklist_guide();
        let ctx = GuideContext::new(LoadState::Ready(guide.clone()));
        let progress = ProgressContext::new(guide);
        ctx.progress.set(Some(progress));
        store.set_value(Some(progress));
        provide_context(ctx);
        jimei::ui::router::provide_router();
        view! { <jimei::ui::pages::checklist::ChecklistPage/> }
    });
    handle.forget();
    (parent, store.get_value().unwrap())
}

fn text_of(parent: &web_sys::HtmlElement, selector: &str) -> String {
    parent
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn checklist_checkbox_is_labelled_by_the_title_and_updates_state_and_counts() {
    use jimei::model::progress::Mark;
    clear_checklist_storage();
    let (parent, store) = mount_checklist();
    settle().await;
    let label = parent
        .query_selector("label[for=check-masks]")
        .unwrap()
        .expect("a label");
    assert_eq!(label.text_content().unwrap(), "Stock masks");
    assert_eq!(text_of(&parent, "#state-masks"), "Not started");
    assert_eq!(
        text_of(&parent, "[data-testid=status-panel] [data-testid=count]"),
        "0 of 3 done"
    );

    let checkbox: web_sys::HtmlInputElement = parent
        .query_selector("#check-masks")
        .unwrap()
        .unwrap()
        .unchecked_into();
    checkbox.click();
    settle().await;
    assert_eq!(
        store.progress.get_untracked().mark("masks"),
        Some(&Mark::Done)
    );
    assert_eq!(text_of(&parent, "#state-masks"), "Done");
    assert_eq!(
        text_of(&parent, "[data-testid=status-panel] [data-testid=count]"),
        "1 of 3 done"
    );
    assert!(text_of(&parent, "[data-testid=verdict]").contains("2 required items"));
    // Saved at once.
    let raw = storage::get(CHECKLIST_KEY).unwrap().expect("saved");
    assert!(raw.contains("masks"));
    clear_checklist_storage();
}

#[wasm_bindgen_test]
async fn checklist_answer_rules_an_item_out_with_the_reason_in_words() {
    clear_checklist_storage();
    let (parent, _store) = mount_checklist();
    settle().await;
    let no: web_sys::HtmlInputElement = parent
        .query_selector("input[name=q-canteen][value=no]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    no.click();
    settle().await;
    assert_eq!(
        text_of(&parent, "#state-meals"),
        "Not applicable: No canteen (your answer)"
    );
    let meals: web_sys::HtmlInputElement = parent
        .query_selector("#check-meals")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(meals.disabled());
    assert_eq!(
        text_of(&parent, "[data-testid=status-panel] [data-testid=count]"),
        "0 of 2 done"
    );
    clear_checklist_storage();
}

#[wasm_bindgen_test]
fn share_qr_is_a_square_path_with_a_quiet_zone() {
    let (size, path) =
        jimei::ui::pages::share::qr_svg_path("http://127.0.0.1/checklist#p1.abc").expect("fits");
    // Version 2 or 3 for a short link, plus four modules of quiet zone on each side.
    assert!((25 + 8..=29 + 8).contains(&size), "{size}");
    assert!(
        path.starts_with("M4,4h7v1h-7z"),
        "the finder pattern starts the path: {path}"
    );
    assert!(jimei::ui::pages::share::qr_svg_path(&"x".repeat(8_000)).is_none());
}

// ── The flowchart ────────────────────────────────────────────────────────────────────────

/// A start, a decision on a question, a step on its "yes" branch and an end; the step has an
/// item that applies only on that branch.
const FLOW_GUIDE: &str = r#"{
  "id": "ftest", "version": "1", "date": "2020-02-18", "languages": ["zh-Hans", "en"],
  "title": {"zh-Hans": "指南", "en": "Guide"},
  "summary": {"zh-Hans": "摘要", "en": "Summary"},
  "sources": [{"id": "s", "name": {"zh-Hans": "来源", "en": "Source"}, "date": "2020-02-18", "url": "http://example.invalid/"}],
  "questions": [{"id": "canteen", "role": "enterprise", "text": {"zh-Hans": "有食堂吗？", "en": "Do you run a canteen?"},
    "answers": [{"id": "yes", "label": {"zh-Hans": "有", "en": "Yes"}}, {"id": "no", "label": {"zh-Hans": "没有", "en": "No canteen"}}]}],
  "nodes": [
    {"id": "a", "kind": "start", "title": {"zh-Hans": "开始", "en": "Begin"}, "body": {"zh-Hans": "开始吧", "en": "Begin here"}, "confidence": "reported", "source": "s"},
    {"id": "d", "kind": "decision", "question": "canteen", "title": {"zh-Hans": "有食堂？", "en": "Canteen?"}, "body": {"zh-Hans": "看情况", "en": "It depends"}, "confidence": "reported", "source": "s"},
    {"id": "m", "kind": "step", "title": {"zh-Hans": "错峰就餐", "en": "Stagger meals"}, "body": {"zh-Hans": "分批", "en": "In shifts"}, "confidence": "reported", "source": "s"},
    {"id": "b", "kind": "end", "title": {"zh-Hans": "结束", "en": "Finish"}, "body": {"zh-Hans": "完成", "en": "Done"}, "confidence": "reported", "source": "s"}
  ],
  "edges": [
    {"id": "e1", "from": "a", "to": "d"},
    {"id": "e2", "from": "d", "to": "m", "answer": "yes", "label": {"zh-Hans": "有", "en": "Yes"}},
    {"id": "e3", "from": "d", "to": "b", "answer": "no", "label": {"zh-Hans": "没有", "en": "No"}},
    {"id": "e4", "from": "m", "to": "b"}
  ],
  "sections": [{"id": "sec", "role": "enterprise", "title": {"zh-Hans": "就餐", "en": "Meals"}, "items": [
    {"id": "shifts", "title": {"zh-Hans": "分批就餐", "en": "Eat in shifts"}, "what": {"zh-Hans": "分批", "en": "In shifts"}, "why": {"zh-Hans": "少聚集", "en": "Fewer crowds"}, "required": true,
     "applies_when": {"is": {"question": "canteen", "answer": "yes"}}, "node": "m", "confidence": "reported", "source": "s"}
  ]}]
}"#;

/// Mounts the flowchart page over `FLOW_GUIDE` in English at `/flowchart`.
fn mount_flowchart() -> (web_sys::HtmlElement, jimei::ui::state::ProgressContext) {
    use jimei::ui::state::ProgressContext;
    let local = storage::local().unwrap();
    let _ = local.remove_item("jimei.progress/ftest");
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/flowchart"))
        .unwrap();
    let parent = container();
    let store = StoredValue::new(None::<ProgressContext>);
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        provide_context(LocaleContext(RwSignal::new(Locale::English)));
        let guide = Arc::new(parse(FLOW_GUIDE).expect("flowchart fixture parses"));
        let ctx = GuideContext::new(LoadState::Ready(guide.clone()));
        let progress = ProgressContext::new(guide);
        ctx.progress.set(Some(progress));
        store.set_value(Some(progress));
        provide_context(ctx);
        jimei::ui::router::provide_router();
        view! { <jimei::ui::pages::flowchart::FlowchartPage/> }
    });
    handle.forget();
    (parent, store.get_value().unwrap())
}

/// Clicks an element that is not an HTML element (an SVG link), with a click that bubbles,
/// as the chart listens for clicks once for all its nodes.
fn click(el: &web_sys::Element) {
    let event = web_sys::MouseEvent::new("click").unwrap();
    event.init_event_with_bubbles_and_cancelable("click", true, true);
    el.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn flowchart_draws_every_node_and_answering_in_the_panel_lights_the_branch() {
    let (parent, store) = mount_flowchart();
    settle().await;
    settle().await;
    let svg = parent
        .query_selector("svg.fc-svg")
        .unwrap()
        .expect("the chart");
    // One link per node; each node's progress tag is drawn beside its link.
    let nodes = svg
        .query_selector(".fc-nodes")
        .unwrap()
        .unwrap()
        .inner_html();
    assert_eq!(nodes.matches("<a ").count(), 4, "{nodes}");
    assert_eq!(text_of(&parent, "svg title"), "Work-resumption flowchart");
    let step = svg.query_selector("[data-node=m]").unwrap().unwrap();
    assert_eq!(
        step.get_attribute("aria-label").as_deref(),
        Some("Step: Stagger meals. Not started: 0 of 1 checklist items")
    );
    assert_eq!(text_of(&parent, "[data-tag=m] text"), "0/1");

    // A click opens the decision's panel at its own address.
    click(&svg.query_selector("[data-node=d]").unwrap().unwrap());
    settle().await;
    assert_eq!(
        web_sys::window().unwrap().location().pathname().unwrap(),
        "/flowchart/d"
    );
    assert_eq!(text_of(&parent, "[data-testid=node-detail] h2"), "Canteen?");

    // Answering "no" rules the step out; the item follows and the answer is stored.
    let no: web_sys::HtmlInputElement = parent
        .query_selector("input[name=fc-q-canteen][value=no]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    no.click();
    settle().await;
    assert_eq!(store.progress.get_untracked().answer("canteen"), Some("no"));
    let class = |sel: &str| {
        svg.query_selector(sel)
            .unwrap()
            .unwrap()
            .get_attribute("class")
            .unwrap_or_default()
    };
    assert!(
        class("[data-node=m]").contains("off"),
        "{}",
        class("[data-node=m]")
    );
    assert!(class("[data-node=m]").contains("state-na"));
    assert!(
        class("[data-edge=e3]").contains("taken") && !class("[data-edge=e3]").contains("not-taken")
    );
    assert!(class("[data-edge=e2]").contains("not-taken"));
    assert!(step
        .get_attribute("aria-label")
        .unwrap_or_default()
        .ends_with("Not on your route"));
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/"))
        .unwrap();
    let _ = storage::local()
        .unwrap()
        .remove_item("jimei.progress/ftest");
}

/// How many times `flaky_page` has been asked for its page.
static FLAKY_CALLS: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// A page whose code fails to arrive the first time and arrives the second.
async fn flaky_page() -> Result<AnyView, jimei::browser::split::ChunkError> {
    if FLAKY_CALLS.fetch_add(1, std::sync::atomic::Ordering::SeqCst) == 0 {
        Err(jimei::browser::split::ChunkError::new("offline"))
    } else {
        Ok(view! { <h1 data-testid="flaky">"Loaded"</h1> }.into_any())
    }
}

#[wasm_bindgen_test]
async fn a_page_whose_code_fails_to_arrive_says_so_and_retries() {
    let parent = container();
    let handle = leptos::mount::mount_to(parent.clone(), || {
        provide_context(LocaleContext(RwSignal::new(Locale::English)));
        jimei::ui::lazy::lazy_page(|| Box::pin(flaky_page()))
    });
    handle.forget();
    settle().await;
    let error = parent
        .query_selector("[data-testid=load-error]")
        .unwrap()
        .expect("a failed load shows its message");
    assert_eq!(error.get_attribute("role").as_deref(), Some("alert"));
    let text = error.text_content().unwrap();
    assert!(text.contains("This page could not be loaded"), "{text}");
    assert!(parent
        .query_selector("[data-testid=flaky]")
        .unwrap()
        .is_none());
    let retry: web_sys::HtmlElement = error
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(retry.text_content().unwrap(), "Try again");
    retry.click();
    settle().await;
    assert!(parent
        .query_selector("[data-testid=load-error]")
        .unwrap()
        .is_none());
    assert_eq!(
        parent
            .query_selector("[data-testid=flaky]")
            .unwrap()
            .expect("the retry loads the page")
            .text_content()
            .unwrap(),
        "Loaded"
    );
    assert_eq!(FLAKY_CALLS.load(std::sync::atomic::Ordering::SeqCst), 2);
}

/// Points the app at a pages' stylesheet, as a release build's index.html does.
fn set_page_styles(href: &str) -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let meta = document.create_element("meta").unwrap();
    meta.set_attribute("name", "jimei-page-styles").unwrap();
    meta.set_attribute("content", href).unwrap();
    document.body().unwrap().append_child(&meta).unwrap();
    meta
}

/// How many `<link>`s `browser::styles` has added (querySelectorAll through Reflect, which
/// needs no extra web-sys feature).
fn page_style_links() -> u32 {
    let document = web_sys::window().unwrap().document().unwrap();
    let select: js_sys::Function = js_sys::Reflect::get(&document, &"querySelectorAll".into())
        .unwrap()
        .unchecked_into();
    let list = select
        .call1(&document, &"link[data-page-styles]".into())
        .unwrap();
    js_sys::Reflect::get(&list, &"length".into())
        .unwrap()
        .as_f64()
        .unwrap() as u32
}

#[wasm_bindgen_test]
async fn the_pages_stylesheet_loads_once_and_a_failed_one_is_tried_again() {
    use jimei::browser::styles::page_styles;
    // A development build links every stylesheet itself: nothing to load.
    assert_eq!(page_styles().await, Ok(()));
    assert_eq!(page_style_links(), 0);

    let meta = set_page_styles("/no-such-stylesheet.css");
    assert_eq!(
        page_styles().await,
        Err(jimei::browser::split::ChunkError::new(
            "the pages' stylesheet could not be fetched"
        )),
        "a stylesheet that cannot be fetched fails the page's load"
    );
    meta.remove();

    let meta = set_page_styles("data:text/css,.styles-probe%7Border:7%7D");
    assert_eq!(page_styles().await, Ok(()), "the retry loads it");
    assert_eq!(page_style_links(), 1, "the failed link was replaced");
    let document = web_sys::window().unwrap().document().unwrap();
    let probe = document.create_element("div").unwrap();
    probe.set_class_name("styles-probe");
    document.body().unwrap().append_child(&probe).unwrap();
    // getComputedStyle through Reflect, which needs no extra web-sys feature.
    let window = web_sys::window().unwrap();
    let computed: js_sys::Function = js_sys::Reflect::get(&window, &"getComputedStyle".into())
        .unwrap()
        .unchecked_into();
    let style = computed.call1(&window, &probe).unwrap();
    let order = js_sys::Reflect::get(&style, &"order".into()).unwrap();
    assert_eq!(order.as_string().as_deref(), Some("7"), "its rules apply");
    assert_eq!(page_styles().await, Ok(()));
    assert_eq!(
        page_style_links(),
        1,
        "a loaded stylesheet is not added twice"
    );
    probe.remove();
    meta.remove();
}
