//! The guide as a context: loading it in the interface language (from the guide's wasm part
//! in a split build), following language switches, and the progress store once it is there.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::split::{split_fn, ChunkError};
use crate::browser::{fetch, schedule, styles};
use crate::model::guide::Guide;
use crate::model::i18n::Locale;
use crate::model::load::{check_same_version, LoadError};

use super::locale::use_locale;
use super::state::{new_store, Notice, ProgressContext};

/// Where the guide stands: still coming, ready, or failed with a reason.
#[derive(Debug, Clone)]
pub enum LoadState {
    Loading,
    Ready(Arc<Guide>),
    Failed(LoadError),
}

/// The guide, a way to load it again, and the checklist state once the guide is there.
#[derive(Debug, Clone, Copy)]
pub struct GuideContext {
    pub state: RwSignal<LoadState>,
    /// Created once, when the guide first loads.
    pub progress: RwSignal<Option<ProgressContext>>,
    /// The app's owner, so the progress store's effects live as long as the app.
    owner: StoredValue<Option<Owner>>,
    /// The interface language: the guide is fetched in it.
    locale: RwSignal<Locale>,
    /// Numbers the requests, so an answer that a later request overtook is dropped.
    request: StoredValue<u32>,
    /// The language of the latest request.
    requested: StoredValue<Option<Locale>>,
    /// Whether loading has begun: the guide is only parsed once a page needs it (`ensure`).
    started: StoredValue<bool>,
}

impl GuideContext {
    /// A context over `state`; with `Loading`, nothing is fetched until `ensure` or `load`.
    pub fn new(state: LoadState) -> GuideContext {
        // A context made with its guide already there (as tests do) counts as started.
        let started = !matches!(state, LoadState::Loading);
        GuideContext {
            state: RwSignal::new(state),
            progress: RwSignal::new(None),
            owner: StoredValue::new(Owner::current()),
            locale: use_locale(),
            request: StoredValue::new(0),
            requested: StoredValue::new(None),
            started: StoredValue::new(started),
        }
    }

    /// Starts loading the guide unless that has begun. Pages that show the guide call this
    /// as they open; the home page does not, so its visitors download neither the code that
    /// parses the guide nor the code that keeps progress until they go further. The file
    /// itself is already on its way from index.html's preload.
    pub fn ensure(self) {
        if !self.started.get_value() {
            self.load();
        }
    }

    /// Starts (or restarts) fetching the guide in the interface language.
    pub fn load(self) {
        self.started.set_value(true);
        self.state.set(LoadState::Loading);
        self.fetch();
    }

    /// Fetches the guide in the interface language if the one shown is in another. The shown
    /// one stays until the new one is there, and if that fails a banner says so. Back in the
    /// language shown, a fetch still under way is dropped and that banner goes.
    pub fn follow_locale(self) {
        if self.started.try_get_value() != Some(true) {
            return;
        }
        let Some(wanted) = self.locale.try_get_untracked() else {
            return;
        };
        let shown = self.state.try_with_untracked(|state| match state {
            LoadState::Ready(guide) => Some(guide.languages.iter().any(|l| l == wanted.tag())),
            _ => None,
        });
        match shown.flatten() {
            Some(true) => {
                self.request
                    .set_value(self.request.get_value().wrapping_add(1));
                if let Some(store) = self.progress.try_get_untracked().flatten() {
                    store.dismiss_guide_language();
                }
            }
            Some(false) => self.fetch(),
            // The first load, for another language: start again in this one.
            None if self
                .state
                .with_untracked(|s| matches!(s, LoadState::Loading))
                && self.requested.get_value() != Some(wanted) =>
            {
                self.fetch()
            }
            None => {}
        }
    }

    fn fetch(self) {
        let locale = self.locale.get_untracked();
        let request = self.request.get_value().wrapping_add(1);
        self.request.set_value(request);
        self.requested.set_value(Some(locale));
        spawn_local(async move {
            // The request starts in a task of its own, not in the one that draws the app. The
            // download itself began earlier, from index.html's preload.
            schedule::next_task().await;
            match load_guide(self, locale, request).await {
                Ok(work) => work.await,
                // The guide's wasm file did not arrive. Nothing has loaded, so no guide is on
                // screen: the page offers a retry.
                Err(ChunkError { cause }) => {
                    let error = LoadError::Network(cause);
                    let shown = self
                        .state
                        .try_with_untracked(|s| matches!(s, LoadState::Ready(_)));
                    if self.is_current(request) && shown == Some(false) {
                        self.state.set(LoadState::Failed(error));
                    }
                }
            }
        });
    }

    /// Whether `request` is the latest; a later request, or a return to the language shown,
    /// makes it stale.
    fn is_current(self, request: u32) -> bool {
        self.request.try_get_value() == Some(request)
    }

    /// Fetches the guide in `locale` and shows it, creating the progress store the first time.
    /// Runs from the guide's wasm file in a split build (`load_guide`), with the fetch, the
    /// parser, the checker, the store and their messages, none of which the first screen
    /// needs.
    async fn fetch_in(self, locale: Locale, request: u32) {
        let current = move || self.is_current(request);
        // The pages' stylesheet loads alongside: the guide is shown only once it applies.
        let styles = styles::page_styles();
        let result = fetch::fetch_guide(&fetch::guide_url(locale)).await;
        let result = match styles.await {
            Ok(()) => result,
            Err(ChunkError { cause }) => result.and(Err(LoadError::Network(cause))),
        };
        if !current() {
            return;
        }
        let store = self.progress.get_untracked();
        // Progress was checked against the version the store holds; another version
        // (a deploy since the page opened) waits for a reload, which checks it.
        let result = result.and_then(|guide| match store {
            Some(store) => check_same_version(&store.guide(), &guide).map(|()| guide),
            None => Ok(guide),
        });
        let guide = match result {
            Ok(guide) => Arc::new(guide),
            Err(error) => {
                match store {
                    // A guide is on screen: keep it and say why it did not change.
                    Some(store)
                        if self
                            .state
                            .with_untracked(|s| matches!(s, LoadState::Ready(_))) =>
                    {
                        store.add_notice(Notice::GuideLanguage(error))
                    }
                    _ => self.state.set(LoadState::Failed(error)),
                }
                return;
            }
        };
        // Reading saved progress and drawing the page come in tasks of their own.
        schedule::next_task().await;
        if !current() {
            return;
        }
        match self.progress.get_untracked() {
            Some(store) => {
                store.set_guide(guide.clone());
                store.dismiss_guide_language();
            }
            None => {
                let owner = self.owner.try_get_value().flatten();
                self.progress.set(Some(new_store(guide.clone(), owner)));
                schedule::next_task().await;
            }
        }
        if current() {
            self.state.set(LoadState::Ready(guide));
            // The language may have changed while this one loaded.
            self.follow_locale();
        }
    }
}

split_fn!(
    /// The work of `GuideContext::fetch`, from the guide's wasm file in a split build.
    guide,
    fn load_guide(guide: GuideContext, locale: Locale, request: u32) -> Result<Pin<Box<dyn Future<Output = ()>>>, ChunkError> {
        Ok(Box::pin(guide.fetch_in(locale, request)))
    }
);

/// Where the shipped guide's progress is saved; the panic screen offers it for download.
/// Equal to `saved::storage_key` of the guide's id (checked by a component test).
pub const PROGRESS_KEY: &str = "jimei.progress/jimei-resumption";

/// The progress store, once the guide has loaded.
pub fn use_store() -> Option<ProgressContext> {
    use_context::<GuideContext>().and_then(|g| g.progress.get_untracked())
}
