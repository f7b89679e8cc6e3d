//! Routes whose pages live in wasm files of their own in the release build (see
//! `crate::browser::split`).

use std::future::Future;

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::browser::split::ChunkError;
use crate::model::i18n::Msg;

use super::app::tr;

/// A route whose page comes from `load`: a loading line until its code is there, and if it
/// cannot be fetched, a localized message with a retry button.
pub fn lazy_page<Fut>(load: fn() -> Fut) -> impl IntoView
where
    Fut: Future<Output = Result<AnyView, ChunkError>> + 'static,
{
    let attempt = RwSignal::new(0u32);
    let loading = || {
        view! { <p class="loading" role="status" data-testid="loading">{tr(Msg::Loading)}</p> }
    };
    view! {
        <Suspense fallback=loading>
            {move || {
                attempt.track();
                // The page's code runs on this thread only; the wrapper satisfies `Suspend`,
                // which is written for servers too.
                Suspend::new(SendWrapper::new(async move {
                    match load().await {
                        Ok(page) => page,
                        Err(ChunkError) => view! {
                            <section class="page load-error" role="alert" data-testid="load-error">
                                <h1>{tr(Msg::PartLoadFailedTitle)}</h1>
                                <p>{tr(Msg::ErrorNetwork)}</p>
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| attempt.update(|n| *n += 1)
                                >
                                    {tr(Msg::Retry)}
                                </button>
                            </section>
                        }
                        .into_any(),
                    }
                }))
            }}
        </Suspense>
    }
}
