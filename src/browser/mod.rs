//! The only code that touches web-sys, js-sys, wasm-bindgen and gloo. Every call that the
//! browser can refuse returns a `Result` or an `Option`; nothing here panics.
//!
//! The module also builds on the host (for host tests and for prerendering pages with
//! Leptos's SSR), where there is no browser: every function then reports the browser as
//! unavailable, through `window()`, before reaching any browser API.

pub mod clock;
pub mod console;
pub mod dom;
pub mod fetch;
pub mod file;
pub mod history;
pub mod lang;
pub mod ledger_db;
pub mod panic;
pub mod probe;
pub mod schedule;
pub mod split;
pub mod storage;
pub mod styles;
pub mod viewport;

/// Why the browser could not do something it was asked to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrowserError {
    /// There is no window (the host, or a worker), or the API is missing.
    Unavailable,
    /// The browser refused, in its own words.
    Refused(String),
}

/// The page's window; `None` on the host, where no browser API may be called.
pub(crate) fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

/// The page's document; `None` on the host.
pub(crate) fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// A browser error's message, for a `Refused` cause.
pub(crate) fn js_message(value: wasm_bindgen::JsValue) -> String {
    value
        .as_string()
        .or_else(|| {
            js_sys::Reflect::get(&value, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| format!("{value:?}"))
}

/// Off wasm32 (host tests, prerendering) every call says the browser is unavailable, or does
/// nothing where there is nothing to report; none panics and none pretends to succeed.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod host_tests {
    use super::*;

    #[test]
    fn without_a_browser_every_call_reports_it() {
        assert!(window().is_none() && document().is_none());
        assert_eq!(storage::get("k"), Err(storage::StorageError::Unavailable));
        assert_eq!(
            storage::set("k", "v"),
            Err(storage::StorageError::Unavailable)
        );
        assert_eq!(
            storage::get_raw("k"),
            Err(storage::StorageError::Unavailable)
        );
        assert_eq!(
            storage::on_change("k".into(), |_| {}),
            Err(storage::StorageError::Unavailable)
        );
        assert_eq!(
            storage::set_verified("k", "v"),
            Err(storage::StorageError::Unavailable)
        );
        assert_eq!(
            storage::keys_with_prefix("k"),
            Err(storage::StorageError::Unavailable)
        );
        assert_eq!(history::reload(), Err(BrowserError::Unavailable));
        assert_eq!(history::address(), None);
        assert_eq!(history::origin(), None);
        assert_eq!(
            history::go("/checklist", history::Entry::Push),
            Err(BrowserError::Unavailable)
        );
        assert_eq!(history::on_change(|| {}), Err(BrowserError::Unavailable));
        assert_eq!(
            history::follow_links(|_| {}),
            Err(BrowserError::Unavailable)
        );
        assert_eq!(
            file::download("a.json", "{}", "application/json"),
            Err(BrowserError::Unavailable)
        );
        assert_eq!(
            schedule::after_next_frame(|| {}, 100),
            Err(BrowserError::Unavailable)
        );
        assert_eq!(
            schedule::on_page_hidden(|| {}),
            Err(BrowserError::Unavailable)
        );
        assert_eq!(dom::remove_shell(), dom::ShellLeft::default());
        assert!(!dom::focus_id("main") && !dom::focus_selector("main"));
        assert_eq!(viewport::width(), 0.0);
        assert_eq!(
            lang::initial_locale(),
            crate::model::i18n::Locale::default()
        );
        // Calls that only report, and the panic screen, do nothing without a page.
        probe::record("save", probe::now());
        panic::show_recovery_screen("k");
        dom::set_booting(true);
    }

    #[test]
    fn without_a_browser_loads_fail_with_a_reason() {
        let guide = run(fetch::fetch_guide("/guide/jimei.en.json"));
        assert!(matches!(
            guide,
            Err(crate::model::load::LoadError::Network(_))
        ));
        let styles = run(styles::page_styles());
        assert!(styles.is_err());
        let copied = run(file::copy_text("x"));
        assert_eq!(copied, Err(BrowserError::Unavailable));
        assert!(!file::can_share());
        assert_eq!(
            run(file::share_text("t", "x")),
            Err(BrowserError::Unavailable)
        );
        let ledger = run(ledger_db::LedgerDb::open());
        assert!(matches!(
            ledger,
            Err(crate::model::ledger::store::StoreError::Unavailable)
        ));
        assert_eq!(run(ledger_db::estimate()), None);
    }

    /// Runs a future that needs no waking to completion.
    fn run<T>(future: impl std::future::Future<Output = T>) -> T {
        use std::task::{Context, Poll, Waker};
        let mut future = std::pin::pin!(future);
        let mut context = Context::from_waker(Waker::noop());
        loop {
            if let Poll::Ready(value) = future.as_mut().poll(&mut context) {
                return value;
            }
        }
    }
}
