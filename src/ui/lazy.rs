//! Routes whose pages live in wasm files of their own in the release build (see
//! `crate::browser::split`).

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::reactive::spawn_local_scoped_with_cancellation;

use crate::browser::split::{parts_gone, ChunkError};
use crate::browser::{console, history};
use crate::model::i18n::outside::RecoveryMsg;
use crate::model::i18n::Msg;
use crate::model::route::Page;

use super::locale::tr;
use super::router::use_location;

/// The code of a page or of a piece of one, on its way. Boxed, so that `lazy_page` and
/// `lazy_part` are compiled once for every page rather than once per page: each copy of
/// their task costs the main wasm file about a kilobyte.
pub type Part = Pin<Box<dyn Future<Output = Result<AnyView, ChunkError>>>>;

/// Where a page's code stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Loading,
    /// Out of reach: a retry may work.
    Failed,
    /// Gone from the server, as after a deploy: only a reload helps.
    Outdated,
    Ready,
}

/// A route whose page comes from `load`: a loading line until its code is there, and if it
/// cannot be fetched, a localized message with a retry button, or with a reload button when
/// the code is gone from the server (a new version has been deployed since the page opened). A task and a signal do what
/// `<Suspense>` would, with less code in the main part (1.3 KB brotli, measured).
pub fn lazy_page(load: fn() -> Part) -> impl IntoView {
    let phase = RwSignal::new(Phase::Loading);
    // The page once its code has run, until it is drawn. A view cannot be copied, so it waits
    // here rather than in the signal.
    let page = StoredValue::new_local(None::<AnyView>);
    // The task runs under this page's owner, also when a retry button starts it: the page
    // then finds the app's contexts, and leaving the route cancels the task, but redrawing
    // the retry message does not.
    let owner = StoredValue::new(Owner::current());
    // The page's parts, to ask the server about if one does not arrive.
    let path = use_location().pathname;
    let fetch = move || {
        phase.set(Phase::Loading);
        // Not under whatever is observing now, so the page's set-up reads cannot redraw it.
        let spawn = move || {
            untrack(|| {
                spawn_local_scoped_with_cancellation(async move {
                    match load().await {
                        Ok(view) => {
                            page.set_value(Some(view));
                            phase.set(Phase::Ready);
                        }
                        Err(ChunkError { cause }) => {
                            console::warn(&cause);
                            let page = path.with_untracked(|p| Page::of(p));
                            let gone = parts_gone(page.split_points()).await;
                            phase.set(if gone { Phase::Outdated } else { Phase::Failed })
                        }
                    }
                })
            })
        };
        match owner.try_get_value().flatten() {
            Some(owner) => owner.with(spawn),
            None => spawn(),
        }
    };
    fetch();
    move || match phase.get() {
        Phase::Loading => view! {
            <p class="loading" role="status" data-testid="loading">{tr(Msg::Loading)}</p>
        }
        .into_any(),
        Phase::Failed => view! {
            <section class="page load-error" role="alert" data-testid="load-error">
                <h1>{tr(Msg::PartLoadFailedTitle)}</h1>
                <p>{tr(Msg::PartLoadFailedBody)}</p>
                <button type="button" class="button" on:click=move |_| fetch()>
                    {tr(Msg::Retry)}
                </button>
            </section>
        }
        .into_any(),
        Phase::Outdated => view! {
            <section class="page load-error" role="alert" data-testid="load-error">
                <h1>{tr(Msg::PartOutdatedTitle)}</h1>
                <p>{tr(Msg::PartOutdatedBody)}</p>
                <button type="button" class="button" on:click=move |_| {
                    if let Err(error) = history::reload() {
                        console::warn(&format!("{error:?}"));
                    }
                }>
                    {tr(RecoveryMsg::Reload)}
                </button>
            </section>
        }
        .into_any(),
        Phase::Ready => page
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(|| ().into_any()),
    }
}

/// A piece of a page from `load` that shows nothing until its code is there. For the banners
/// about saved progress: their code is in the guide's wasm file, which has always loaded by
/// the time they are drawn (the progress store comes from the same file), so in practice this
/// never waits and never fails; if it did, the page would go on without banners.
// Only the unsplit build polls the future in place.
#[cfg_attr(jimei_split, allow(unused_mut))]
pub fn lazy_part(mut load: Part) -> impl IntoView {
    let ready = RwSignal::new(false);
    let part = StoredValue::new_local(None::<AnyView>);
    // Without the split (development builds, host tests) the code is already here and the
    // future is ready at once: draw it now, with no task and no frame without it.
    #[cfg(not(jimei_split))]
    {
        let mut context = std::task::Context::from_waker(std::task::Waker::noop());
        if let std::task::Poll::Ready(result) = load.as_mut().poll(&mut context) {
            part.set_value(result.ok());
            ready.set(true);
        }
    }
    if !ready.get_untracked() {
        untrack(|| {
            spawn_local_scoped_with_cancellation(async move {
                if let Ok(view) = load.await {
                    part.set_value(Some(view));
                    ready.set(true);
                }
            })
        });
    }
    move || {
        ready
            .get()
            .then(|| part.try_update_value(Option::take).flatten())
            .flatten()
    }
}
