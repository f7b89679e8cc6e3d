//! The app's root: mounting in start-up stages, the page frame, the header and the routes.
//! Nothing imports this module; what the pages share lives in the modules it draws on.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{dom, lang, schedule};
use crate::model::i18n::{page_title, Locale, Msg};
use crate::model::route::{is_current, Page};

use super::guide::{GuideContext, LoadState, PROGRESS_KEY};
use super::lazy::{lazy_page, lazy_part, Part};
use super::locale::{tr, use_locale, LocaleContext};
use super::notices::notices_part;
use super::pages::{about, checklist, flowchart, home::HomePage, ledger, report};
use super::router::{provide_router, use_location, Location};
use super::widgets::LanguageSwitcher;

/// Starts the app in short tasks, so no single task blocks input for long on a slow phone
/// (Lighthouse counts any task over 50 ms on its 4x slowed CPU against time to interactive).
/// The app draws hidden behind the static shell of index.html, a part per task, and only
/// then replaces the shell, so the screen never shows a half-drawn app.
pub fn mount() {
    crate::browser::panic::install(PROGRESS_KEY);
    dom::set_booting(true);
    // The wasm's instantiation is a task of its own; the first drawing waits for the next one.
    schedule::spawn(async {
        schedule::next_task().await;
        // The language comes first, in a task of its own: it is the first of the wasm's code
        // to run, and the first run of any code is the slow one.
        let locale = lang::initial_locale();
        schedule::next_task().await;
        leptos::mount::mount_to_body(move || view! { <App locale/> });
    });
}

/// The last start-up step: removes the shell and shows the app in its place. A language
/// picked in the shell's own switch while the app was drawing wins.
fn take_over(locale: RwSignal<Locale>) {
    let left = dom::remove_shell();
    if let Some(chosen) = left.chosen {
        if chosen != locale.get_untracked() {
            locale.set(chosen);
        }
    }
    dom::set_booting(false);
    // Someone using the shell's language switch keeps their place: focus goes to the app's.
    if left.had_focus {
        dom::focus_selector("[data-testid=\"language\"]");
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
            schedule::next_task().await;
            stage.set(next);
        }
        schedule::next_task().await;
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
    let locale = use_locale();
    Effect::new(move |_| dom::set_title(&page_title(page.get(), locale.get())));
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
                    Page::Flowchart => guide_page(guide, || Box::pin(flowchart::flowchart_page())).into_any(),
                    Page::Checklist => guide_page(guide, || Box::pin(checklist::checklist_page())).into_any(),
                    Page::Report => guide_page(guide, || Box::pin(report::report_page())).into_any(),
                    Page::About => guide_page(guide, || Box::pin(about::about_page())).into_any(),
                    Page::Ledger => guide_page(guide, || Box::pin(ledger::ledger_page())).into_any(),
                    Page::NotFound => view! { <NotFound/> }.into_any(),
                }}
            </Show>
        </main>
    }
}

/// A page that shows the guide: its code and the guide (with the pages' stylesheet) load
/// together as it opens.
fn guide_page(guide: GuideContext, load: fn() -> Part) -> impl IntoView {
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

/// The banners, once the progress store is there; their code comes with the store's.
#[component]
fn Notices() -> impl IntoView {
    let guide = use_context::<GuideContext>();
    move || {
        guide
            .and_then(|g| g.progress.get())
            .map(|store| lazy_part(Box::pin(notices_part(store))))
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
