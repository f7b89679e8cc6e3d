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

// Issue 20 §1: the progress store never writes over a value it cannot use unless its copy
// is verified, never over a newer version's, and drops only the bad entries of a record.

mod store {
    use std::sync::Arc;

    use jimei::browser::storage;
    use jimei::model::guide::{parse, Guide};
    use jimei::model::i18n::store::{Notice, NoticeAction};
    use jimei::model::progress::{Action, Mark};
    use jimei::model::saved::{self, Kept};
    use jimei::ui::state::ProgressContext;
    use leptos::prelude::*;
    use wasm_bindgen_test::*;

    /// A guide with two items and a question; its id gives it a storage key of its own.
    const GUIDE: &str = r#"{
      "id": "rtest", "version": "1", "date": "2020-02-18", "languages": ["zh-Hans", "en"],
      "title": {"zh-Hans": "指南", "en": "Guide"},
      "summary": {"zh-Hans": "摘要", "en": "Summary"},
      "sources": [{"id": "s", "name": {"zh-Hans": "来源", "en": "Source"}, "date": "2020-02-18", "url": "http://example.invalid/"}],
      "questions": [{"id": "canteen", "role": "enterprise", "text": {"zh-Hans": "有食堂吗？", "en": "Canteen?"},
        "answers": [{"id": "yes", "label": {"zh-Hans": "有", "en": "Yes"}}, {"id": "no", "label": {"zh-Hans": "没有", "en": "No"}}]}],
      "nodes": [
        {"id": "a", "kind": "start", "title": {"zh-Hans": "开始", "en": "Begin"}, "body": {"zh-Hans": "开始吧", "en": "Begin here"}, "confidence": "reported", "source": "s"},
        {"id": "b", "kind": "end", "title": {"zh-Hans": "结束", "en": "Finish"}, "body": {"zh-Hans": "完成", "en": "Done"}, "confidence": "reported", "source": "s"}
      ],
      "edges": [{"id": "e", "from": "a", "to": "b"}],
      "sections": [{"id": "sec", "role": "enterprise", "title": {"zh-Hans": "准备", "en": "Preparation"}, "items": [
        {"id": "masks", "title": {"zh-Hans": "备口罩", "en": "Stock masks"}, "what": {"zh-Hans": "买", "en": "Buy them"}, "why": {"zh-Hans": "防护", "en": "Protection"}, "required": true, "node": "a", "confidence": "reported", "source": "s"},
        {"id": "plan", "title": {"zh-Hans": "写计划", "en": "Write a plan"}, "what": {"zh-Hans": "写", "en": "Write it"}, "why": {"zh-Hans": "有序", "en": "Order"}, "required": true, "node": "a", "confidence": "reported", "source": "s"}
      ]}]
    }"#;
    const KEY: &str = "jimei.progress/rtest";
    const BACKUPS: &str = "jimei.progress.backup/rtest/";

    fn guide() -> Arc<Guide> {
        Arc::new(parse(GUIDE).expect("the fixture parses"))
    }

    /// Removes our key, its backups and the filler.
    fn clear() {
        let mut keys = storage::keys_with_prefix(BACKUPS).unwrap();
        keys.extend(storage::keys_with_prefix("jimei.test.filler/").unwrap());
        keys.push(KEY.into());
        for key in keys {
            storage::remove(&key).unwrap();
        }
    }

    /// The store's effects need the async executor, which mounting anything starts.
    fn start_executor() {
        let document = web_sys::window().unwrap().document().unwrap();
        let div = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&div).unwrap();
        leptos::mount::mount_to(wasm_bindgen::JsCast::unchecked_into(div), || ()).forget();
    }

    /// Lets a scheduled save run (after the next frame, at the latest on its timer).
    async fn settle() {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 200)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }

    /// A store as a page load makes it, and one change made on it, saved if it may be.
    async fn open_and_change(owner: &Owner) -> ProgressContext {
        start_executor();
        let store = owner.with(|| ProgressContext::new(guide()));
        settle().await;
        store.dispatch(Action::Check {
            item: "masks".into(),
        });
        settle().await;
        store.save_now();
        store
    }

    /// Fills local storage until less than `room` characters fit.
    fn fill_storage(room: usize) {
        let mut chunk = 1 << 22;
        let mut n = 0;
        while chunk >= room / 2 && chunk > 0 {
            let filler = "f".repeat(chunk);
            while storage::set(&format!("jimei.test.filler/{n}"), &filler).is_ok() {
                n += 1;
            }
            chunk /= 2;
        }
    }

    fn notices(store: &ProgressContext) -> Vec<Notice> {
        store.notices.get_untracked()
    }

    /// The issue's case: a 4 MB value, whose copy does not fit. It was replaced by a fresh
    /// record with no copy anywhere.
    #[wasm_bindgen_test]
    async fn a_value_that_cannot_be_copied_stays_and_the_page_saves_nothing() {
        clear();
        let original = "x".repeat(4 * 1_048_576);
        storage::set(KEY, &original).expect("4 MB fits once");
        fill_storage(64 * 1024);
        let owner = Owner::new();
        let store = open_and_change(&owner).await;
        // The original is still there, untouched, and no partial copy is left.
        assert_eq!(
            storage::get(KEY).unwrap().as_deref(),
            Some(original.as_str())
        );
        assert!(storage::keys_with_prefix(BACKUPS).unwrap().is_empty());
        assert!(!store.may_save());
        // The change lives in memory.
        assert_eq!(
            store.progress.get_untracked().mark("masks"),
            Some(&Mark::Done)
        );
        let notice = notices(&store)
            .into_iter()
            .find(|n| matches!(n, Notice::Unreadable { .. }))
            .expect("a banner");
        assert_eq!(
            notice,
            Notice::Unreadable {
                error: saved::CodecError::TooLarge {
                    bytes: original.len(),
                    limit: saved::MAX_STORED_BYTES
                },
                kept: Kept::InPlace(KEY.into()),
            }
        );
        assert!(notice.holds_storage());
        assert!(matches!(
            notice.action(),
            Some(NoticeAction::Download { key, backup: false, .. }) if key == KEY
        ));
        let text = notice.text(jimei::model::i18n::Locale::English);
        assert!(text.contains("left untouched"), "{text}");
        clear();
    }

    /// Invalid JSON with room to copy it: copied, checked, then a fresh record is written.
    #[wasm_bindgen_test]
    async fn a_value_that_can_be_copied_is_copied_before_a_fresh_start() {
        clear();
        storage::set(KEY, "{\"schema\":1,").unwrap();
        let owner = Owner::new();
        let store = open_and_change(&owner).await;
        let backups = storage::keys_with_prefix(BACKUPS).unwrap();
        assert_eq!(backups.len(), 1, "{backups:?}");
        assert_eq!(
            storage::get(&backups[0]).unwrap().as_deref(),
            Some("{\"schema\":1,")
        );
        assert!(store.may_save());
        assert!(notices(&store).iter().any(|n| matches!(
            n,
            Notice::Unreadable { kept: Kept::Copied(key), .. } if *key == backups[0]
        )));
        let raw = storage::get(KEY).unwrap().expect("a fresh record");
        let saved = saved::decode(&raw, "rtest").expect("readable");
        assert_eq!(saved.progress.mark("masks"), Some(&Mark::Done));
        clear();
    }

    /// A newer version's record was replaced by a fresh one on load.
    #[wasm_bindgen_test]
    async fn a_newer_versions_record_is_left_untouched() {
        clear();
        let newer = r#"{"schema":2,"guide_id":"rtest","progress":{"future":true}}"#;
        storage::set(KEY, newer).unwrap();
        let owner = Owner::new();
        let store = open_and_change(&owner).await;
        assert_eq!(storage::get(KEY).unwrap().as_deref(), Some(newer));
        assert!(storage::keys_with_prefix(BACKUPS).unwrap().is_empty());
        assert!(!store.may_save());
        assert_eq!(notices(&store), vec![Notice::NewerVersion]);
        assert_eq!(notices(&store)[0].action(), Some(NoticeAction::Reload));
        clear();
    }

    /// An older tab still open overwrote a newer tab's record on its next change.
    #[wasm_bindgen_test]
    async fn an_older_tab_stops_saving_when_a_newer_version_has_written() {
        clear();
        let owner = Owner::new();
        let store = open_and_change(&owner).await;
        assert!(storage::get(KEY).unwrap().is_some(), "saved normally first");
        // A newer version of the app, in another tab, writes its record.
        let newer = r#"{"schema":2,"guide_id":"rtest","progress":{}}"#;
        storage::set(KEY, newer).unwrap();
        store.dispatch(Action::Check {
            item: "plan".into(),
        });
        settle().await;
        store.save_now();
        assert_eq!(storage::get(KEY).unwrap().as_deref(), Some(newer));
        assert!(!store.may_save());
        assert!(notices(&store).contains(&Notice::NewerVersion));
        // Later changes are not written either.
        store.dispatch(Action::ClearMark {
            item: "plan".into(),
        });
        settle().await;
        assert_eq!(storage::get(KEY).unwrap().as_deref(), Some(newer));
        clear();
    }

    /// One bad item threw the whole record away.
    #[wasm_bindgen_test]
    async fn one_bad_entry_is_dropped_and_the_whole_original_copied() {
        clear();
        let original = r#"{"schema":1,"guide_id":"rtest","guide_version":"1","progress":{"items":{"plan":{"note":{"value":"周一","at":5}},"masks":{"mark":{"value":{"state":"burnt"},"at":6}}},"answers":{"canteen":{"value":"no","at":7}}}}"#;
        storage::set(KEY, original).unwrap();
        start_executor();
        let owner = Owner::new();
        let store = owner.with(|| ProgressContext::new(guide()));
        settle().await;
        let progress = store.progress.get_untracked();
        assert_eq!(progress.note("plan"), "周一");
        assert_eq!(progress.answer("canteen"), Some("no"));
        assert_eq!(progress.mark("masks"), None);
        let backups = storage::keys_with_prefix(BACKUPS).unwrap();
        assert_eq!(backups.len(), 1);
        assert_eq!(
            storage::get(&backups[0]).unwrap().as_deref(),
            Some(original)
        );
        assert!(notices(&store).contains(&Notice::Dropped {
            count: 1,
            kept: Kept::Copied(backups[0].clone()),
        }));
        // The rest is written back, clean, and only one copy is made.
        let raw = storage::get(KEY).unwrap().expect("rewritten");
        let decoded = saved::decode_stored(&raw, "rtest").unwrap();
        assert_eq!(decoded.dropped, 0);
        assert_eq!(decoded.saved.progress.note("plan"), "周一");
        assert_eq!(storage::keys_with_prefix(BACKUPS).unwrap().len(), 1);
        clear();
    }

    /// Issue 20 §2: storage that is full before any change is found at start, the bar stays
    /// while saves fail, and a save that succeeds once there is room takes it away.
    #[wasm_bindgen_test]
    async fn a_full_storage_is_found_at_start_and_the_bar_stays_until_a_save_succeeds() {
        clear();
        fill_storage(64);
        start_executor();
        let owner = Owner::new();
        let store = owner.with(|| ProgressContext::new(guide()));
        assert!(store.unsaved.get_untracked(), "found at start");
        assert!(notices(&store).contains(&Notice::NotWritable));
        assert_eq!(
            storage::get("jimei.probe").unwrap(),
            None,
            "the test write is removed"
        );
        store.dispatch(Action::Check {
            item: "masks".into(),
        });
        settle().await;
        store.save_now();
        assert!(store.unsaved.get_untracked());
        assert!(notices(&store).contains(&Notice::WriteFailed));
        assert!(!store.save_again(), "still full");
        clear();
        assert!(store.save_again(), "room again");
        assert!(!store.unsaved.get_untracked());
        assert!(!notices(&store).iter().any(Notice::cleared_by_save));
        let raw = storage::get(KEY).unwrap().expect("written");
        let decoded = saved::decode_stored(&raw, "rtest").unwrap();
        assert_eq!(decoded.saved.progress.mark("masks"), Some(&Mark::Done));
        clear();
    }
}
