//! The app's root: contexts, the guide loader, the page frame and the routes.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use crate::browser::{fetch, lang};
use crate::model::guide::Guide;
use crate::model::i18n::{Locale, Msg};
use crate::model::load::LoadError;

use super::state::ProgressContext;
use super::{about::AboutPage, checklist::ChecklistPage, flowchart::FlowchartPage, home::HomePage};

/// Where the guide stands: still coming, ready, or failed with a reason.
#[derive(Debug, Clone)]
pub enum LoadState {
    Loading,
    Ready(Arc<Guide>),
    Failed(LoadError),
}

/// The interface language, shared by every component.
#[derive(Debug, Clone, Copy)]
pub struct LocaleContext(pub RwSignal<Locale>);

/// The guide, a way to load it again, and the checklist state once the guide is there.
#[derive(Debug, Clone, Copy)]
pub struct GuideContext {
    pub state: RwSignal<LoadState>,
    /// Created once, when the guide first loads.
    pub progress: RwSignal<Option<ProgressContext>>,
    /// The app's owner, so the progress store's effects live as long as the app.
    owner: StoredValue<Option<Owner>>,
}

impl GuideContext {
    /// A context that has not started loading; `load` starts it.
    pub fn new(state: LoadState) -> GuideContext {
        GuideContext {
            state: RwSignal::new(state),
            progress: RwSignal::new(None),
            owner: StoredValue::new(Owner::current()),
        }
    }

    /// Starts (or restarts) fetching the guide.
    pub fn load(self) {
        self.state.set(LoadState::Loading);
        spawn_local(async move {
            let next = match fetch::fetch_guide(fetch::GUIDE_URL).await {
                Ok(guide) => LoadState::Ready(Arc::new(guide)),
                Err(error) => LoadState::Failed(error),
            };
            if let LoadState::Ready(guide) = &next {
                // Reading saved progress and drawing the page come in the next task.
                fetch::next_task().await;
                if self.progress.get_untracked().is_none() {
                    let create = || ProgressContext::new(guide.clone());
                    let store = match self.owner.get_value() {
                        Some(owner) => owner.with(create),
                        None => create(),
                    };
                    self.progress.set(Some(store));
                }
            }
            self.state.set(next);
        });
    }
}

/// The current interface language.
pub fn use_locale() -> RwSignal<Locale> {
    use_context::<LocaleContext>()
        .map(|c| c.0)
        .unwrap_or_else(|| RwSignal::new(Locale::default()))
}

/// A reactive piece of interface text.
pub fn tr(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let locale = use_locale();
    move || msg.text(locale.get())
}

/// Where the shipped guide's progress is saved; the panic screen offers it for download.
/// Equal to `saved::storage_key` of the guide's id (checked by a component test).
pub const PROGRESS_KEY: &str = "jimei.progress/jimei-resumption";

/// Removes the static app shell of index.html and mounts the app in its place.
pub fn mount() {
    crate::browser::panic::install(PROGRESS_KEY);
    if let Some(shell) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("shell"))
    {
        shell.remove();
    }
    leptos::mount::mount_to_body(App);
}

/// The whole app: provides the language and the guide, then routes.
#[component]
pub fn App() -> impl IntoView {
    let locale = RwSignal::new(lang::initial_locale());
    provide_context(LocaleContext(locale));
    Effect::new(move || lang::apply_locale(locale.get()));

    let guide = GuideContext::new(LoadState::Loading);
    provide_context(guide);
    guide.load();

    view! {
        <Router>
            <a class="skip-link" href="#main">{tr(Msg::SkipToContent)}</a>
            <Header/>
            <Notices/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage/>
                    // One route with an optional node, so opening and closing a node's panel
                    // keeps the chart (its zoom, scroll and focus) instead of drawing it anew.
                    <Route path=path!("/flowchart/:node?") view=FlowchartPage/>
                    <Route path=path!("/checklist") view=ChecklistPage/>
                    <Route path=path!("/report") view=super::report::ReportPage/>
                    <Route path=path!("/about") view=AboutPage/>
                </Routes>
            </main>
        </Router>
    }
}

/// The top bar: the app's name, the navigation and the language switcher.
#[component]
fn Header() -> impl IntoView {
    view! {
        <header class="top">
            <A href="/" attr:class="brand">
                <img src="/img/app-icon.svg" alt="" width="32" height="32"/>
                <span>{tr(Msg::AppName)}</span>
            </A>
            <nav aria-label=tr(Msg::NavMain)>
                <A href="/flowchart">{tr(Msg::NavFlowchart)}</A>
                <A href="/checklist">{tr(Msg::NavChecklist)}</A>
                <A href="/about">{tr(Msg::NavAbout)}</A>
            </nav>
            <LanguageSwitcher/>
        </header>
    }
}

/// A labelled select that changes the interface and guide language at once.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let locale = use_locale();
    view! {
        <label class="lang">
            <span class="visually-hidden">{tr(Msg::Language)}</span>
            <select
                data-testid="language"
                on:change=move |ev| {
                    if let Ok(chosen) = event_target_value(&ev).parse::<Locale>() {
                        locale.set(chosen);
                    }
                }
            >
                {Locale::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <option value=l.tag() lang=l.tag() selected=move || locale.get() == l>
                                {l.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// Banners about saved progress (storage blocked, a failed save, an unreadable value, a
/// guide update), each with a dismiss button.
#[component]
fn Notices() -> impl IntoView {
    let locale = use_locale();
    let guide = use_context::<GuideContext>();
    let store = move || guide.and_then(|g| g.progress.get());
    move || {
        store().map(|store| {
            let list = store.notices.get();
            view! {
                <div class="notices" role="status" aria-live="polite">
                    {list
                        .into_iter()
                        .map(|notice| {
                            let text = {
                                let notice = notice.clone();
                                move || notice.text(locale.get())
                            };
                            view! {
                                <p class="notice" data-testid="notice">
                                    <span>{text}</span>
                                    <button type="button" class="button small" on:click=move |_| store.dismiss(&notice)>
                                        {tr(Msg::Dismiss)}
                                    </button>
                                </p>
                            }
                        })
                        .collect_view()}
                </div>
            }
        })
    }
}

/// Shown for any address the app does not know.
#[component]
fn NotFound() -> impl IntoView {
    view! {
        <section class="page">
            <h1>{tr(Msg::NotFoundTitle)}</h1>
            <p>{tr(Msg::NotFoundBody)}</p>
            <p>
                <A href="/">{tr(Msg::BackHome)}</A>
            </p>
        </section>
    }
}
