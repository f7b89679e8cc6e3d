//! The banners about saved progress and the guide's language. Their code, with the messages
//! it formats, is in the guide's wasm file in a split build: they only exist once the progress
//! store does, and the first screen does not need them.

use leptos::prelude::*;

use crate::browser::split::{split_fn, ChunkError};
use crate::model::i18n::PageMsg;

use super::locale::{tr, use_locale};
use super::state::ProgressContext;

split_fn!(
    /// The banners of `store`, from the guide's wasm file in a split build.
    guide,
    pub fn notices_part(store: ProgressContext) -> Result<AnyView, ChunkError> {
        Ok(untrack(|| view! { <NoticeList store/> }.into_any()))
    }
);

/// Banners about saved progress (storage blocked, a failed save, an unreadable value, a
/// guide update) and about a guide language that could not be fetched, each with a dismiss
/// button.
#[component]
fn NoticeList(store: ProgressContext) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="notices" role="status" aria-live="polite">
            {move || {
                store
                    .notices
                    .get()
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
                                    {tr(PageMsg::Dismiss)}
                                </button>
                            </p>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}
