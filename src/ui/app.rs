//! The app's root: contexts, the guide loader, the page frame and the routes.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::browser::split::{split_fn, ChunkError};
use crate::browser::{fetch, lang, styles};
use crate::model::guide::Guide;
use crate::model::i18n::{Locale, Message, Msg};
use crate::model::load::{check_same_version, LoadError};
use crate::model::route::{is_current, Page};

use super::lazy::{lazy_page, lazy_part};
use super::notices::notices_part;
use super::router::{provide_router, use_location, Location};
use super::state::{new_store, Notice, ProgressContext};
use super::{about, checklist, flowchart, home::HomePage, report};

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
            fetch::next_task().await;
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
        fetch::next_task().await;
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
                fetch::next_task().await;
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

/// The current interface language.
pub fn use_locale() -> RwSignal<Locale> {
    use_context::<LocaleContext>()
        .map(|c| c.0)
        .unwrap_or_else(|| RwSignal::new(Locale::default()))
}

/// A reactive piece of interface text.
pub fn tr<M: Message>(msg: M) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let locale = use_locale();
    move || msg.text(locale.get())
}

/// Where the shipped guide's progress is saved; the panic screen offers it for download.
/// Equal to `saved::storage_key` of the guide's id (checked by a component test).
pub const PROGRESS_KEY: &str = "jimei.progress/jimei-resumption";

/// Starts the app in short tasks, so no single task blocks input for long on a slow phone
/// (Lighthouse counts any task over 50 ms on its 4x slowed CPU against time to interactive).
/// The app draws hidden behind the static shell of index.html, a part per task, and only
/// then replaces the shell, so the screen never shows a half-drawn app.
pub fn mount() {
    crate::browser::panic::install(PROGRESS_KEY);
    set_booting(true);
    // The wasm's instantiation is a task of its own; the first drawing waits for the next one.
    wasm_bindgen_futures::spawn_local(async {
        fetch::next_task().await;
        // The language comes first, in a task of its own: it is the first of the wasm's code
        // to run, and the first run of any code is the slow one.
        let locale = lang::initial_locale();
        fetch::next_task().await;
        leptos::mount::mount_to_body(move || view! { <App locale/> });
    });
}

/// Marks `<body>` while the app draws behind the shell; the stylesheet hides the app's
/// elements while the mark is there.
fn set_booting(on: bool) {
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let classes = body.class_list();
        let _ = if on {
            classes.add_1("booting")
        } else {
            classes.remove_1("booting")
        };
    }
}

/// The last start-up step: removes the shell and shows the app in its place. A language
/// picked in the shell's own switch while the app was drawing wins.
fn take_over(locale: RwSignal<Locale>) {
    let document = web_sys::window().and_then(|w| w.document());
    let mut had_focus = false;
    if let Some(shell) = document.as_ref().and_then(|d| d.get_element_by_id("shell")) {
        let chosen = shell
            .query_selector("select")
            .ok()
            .flatten()
            .and_then(|s| s.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .and_then(|s| s.value().parse::<Locale>().ok());
        if let Some(chosen) = chosen {
            if chosen != locale.get_untracked() {
                locale.set(chosen);
            }
        }
        had_focus = document
            .as_ref()
            .and_then(|d| d.active_element())
            .is_some_and(|active| shell.contains(Some(&active)));
        shell.remove();
    }
    set_booting(false);
    // Someone using the shell's language switch keeps their place: focus goes to the app's.
    if had_focus {
        let select = document
            .and_then(|d| {
                d.query_selector("[data-testid=\"language\"]")
                    .ok()
                    .flatten()
            })
            .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(select) = select {
            let _ = select.focus();
        }
    }
}

/// Start-up draws the app in this many tasks after the first: the guide's context, the
/// router frame, the header, its language switch, the banners, then the page. Each stays
/// short on a slow phone.
const LAST_STAGE: u8 = 6;

/// The whole app, in `locale` at first: provides the language, then draws the rest in
/// start-up stages.
#[component]
pub fn App(locale: Locale) -> impl IntoView {
    let locale = RwSignal::new(locale);
    provide_context(LocaleContext(locale));
    Effect::new(move || lang::apply_locale(locale.get()));

    // Each part is drawn in a task of its own (`LAST_STAGE`), then the app takes over from the
    // shell. A task that runs much of the wasm for the first time is slow, so the parts are
    // small: at a 4x slowed CPU, Lighthouse counts any task over 50 ms against time to
    // interactive.
    let stage = RwSignal::new(0u8);
    spawn_local(async move {
        for next in 1..=LAST_STAGE {
            fetch::next_task().await;
            stage.set(next);
        }
        fetch::next_task().await;
        take_over(locale);
    });

    view! {
        <Show when=move || { stage.get() >= 1 }>
            <Guided stage/>
        </Show>
    }
}

/// The guide's context, which follows the interface language (stage 1), around the frame.
#[component]
fn Guided(stage: RwSignal<u8>) -> impl IntoView {
    let locale = use_locale();
    let guide = GuideContext::new(LoadState::Loading);
    provide_context(guide);
    Effect::new(move |_| {
        locale.track();
        guide.follow_locale();
    });
    view! {
        <Show when=move || { stage.get() >= 2 }>
            <Frame guide stage/>
        </Show>
    }
}

/// The app's frame with the router and its listeners (stage 2), and in later stages the
/// header, the banners and the page.
#[component]
fn Frame(guide: GuideContext, stage: RwSignal<u8>) -> impl IntoView {
    let location = provide_router();
    let page = Memo::new(move |_| location.pathname.with(|path| Page::of(path)));
    view! {
        <a class="skip-link" href="#main">{tr(Msg::SkipToContent)}</a>
        <Show when=move || { stage.get() >= 3 }>
            <Header stage/>
        </Show>
        <Show when=move || { stage.get() >= 5 }>
            <Notices/>
        </Show>
        <main id="main" tabindex="-1">
            <Show when=move || { stage.get() >= LAST_STAGE }>
                // A page is drawn anew only when the page changes, not its address: opening
                // and closing a flowchart node's panel keeps the chart (its zoom, scroll
                // and focus). The wasm parts each page needs are also named in
                // scripts/postbuild.mjs, which preloads them for deep links.
                {move || match page.get() {
                    Page::Home => view! { <HomePage/> }.into_any(),
                    Page::Flowchart => guide_page(guide, flowchart::flowchart_page).into_any(),
                    Page::Checklist => guide_page(guide, checklist::checklist_page).into_any(),
                    Page::Report => guide_page(guide, report::report_page).into_any(),
                    Page::About => guide_page(guide, about::about_page).into_any(),
                    Page::NotFound => view! { <NotFound/> }.into_any(),
                }}
            </Show>
        </main>
    }
}

/// A page that shows the guide: its code and the guide (with the pages' stylesheet) load
/// together as it opens.
fn guide_page<Fut>(guide: GuideContext, load: fn() -> Fut) -> impl IntoView
where
    Fut: Future<Output = Result<AnyView, ChunkError>> + 'static,
{
    guide.ensure();
    lazy_page(load)
}

/// The top bar: the app's name, the navigation and the language switcher, the switcher in a
/// start-up task after the rest (`stage` 4).
#[component]
fn Header(stage: RwSignal<u8>) -> impl IntoView {
    let location = use_location();
    view! {
        <header class="top">
            <a href="/" class="brand">
                <img src="/img/app-icon.svg" alt="" width="32" height="32"/>
                <span>{tr(Msg::AppName)}</span>
            </a>
            <nav aria-label=tr(Msg::NavMain)>
                <NavLink location href="/flowchart" msg=Msg::NavFlowchart/>
                <NavLink location href="/checklist" msg=Msg::NavChecklist/>
                <NavLink location href="/about" msg=Msg::NavAbout/>
            </nav>
            <Show when=move || { stage.get() >= 4 }>
                <LanguageSwitcher/>
            </Show>
        </header>
    }
}

/// A link of the main navigation, marked as the current page while its page is shown.
#[component]
fn NavLink(location: Location, href: &'static str, msg: Msg) -> impl IntoView {
    view! {
        <a href=href aria-current=move || location.pathname.with(|path| is_current(path, href)).then_some("page")>
            {tr(msg)}
        </a>
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

/// The banners, once the progress store is there; their code comes with the store's.
#[component]
fn Notices() -> impl IntoView {
    let guide = use_context::<GuideContext>();
    move || {
        guide
            .and_then(|g| g.progress.get())
            .map(|store| lazy_part(move || notices_part(store)))
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
                <a href="/">{tr(Msg::BackHome)}</a>
            </p>
        </section>
    }
}
