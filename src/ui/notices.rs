//! The banners about saved progress and the guide's language. Their code, with the messages
//! it formats, is in the guide's wasm file in a split build: they only exist once the progress
//! store does, and the first screen does not need them.

use leptos::prelude::*;

use crate::browser::file::download;
use crate::browser::split::{split_fn, ChunkError};
use crate::browser::{console, history, storage, BrowserError};
use crate::model::i18n::store::NoticeAction;
use crate::model::i18n::PageMsg;

use super::locale::{tr, use_locale};
use super::state::{Notice, ProgressContext};

split_fn!(
    /// The banners of `store`, from the guide's wasm file in a split build.
    guide,
    pub fn notices_part(store: ProgressContext) -> Result<AnyView, ChunkError> {
        Ok(untrack(|| view! { <NoticeList store/><UnsavedBar store/> }.into_any()))
    }
);

/// Banners about saved progress (storage blocked, a failed save, an unreadable value, a
/// newer version's record, a guide update) and about a guide language that could not be
/// fetched, each with a dismiss button and, where the banner offers one, a button to
/// download the kept value or to reload.
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
                        let action = notice.action().map(|action| {
                            let label = action.label();
                            view! {
                                <button type="button" class="button small" data-testid="notice-action"
                                    on:click=move |_| run(store, &action)>
                                    {tr(label)}
                                </button>
                            }
                        });
                        view! {
                            <p class="notice" data-testid="notice">
                                <span>{text}</span>
                                {action}
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

/// A bar fixed at the foot of the screen while the page's changes are not saved, so a user
/// typing far down the checklist sees it; it stays until a save succeeds. It offers to try
/// again (once storage has room) and to download the page's progress, so nothing is lost.
#[component]
fn UnsavedBar(store: ProgressContext) -> impl IntoView {
    let still_failing = RwSignal::new(false);
    let again = move |_| still_failing.set(!store.save_again());
    let copy = move |_| {
        if store.download_copy().is_err() {
            store.add_notice(Notice::DownloadFailed);
        }
    };
    move || {
        store.unsaved.get().then(|| {
            view! {
                <div class="unsaved-bar" role="alert" data-testid="unsaved-bar">
                    <span>
                        {tr(PageMsg::UnsavedBar)}
                        {move || still_failing.get().then(|| view! { " " {tr(PageMsg::SaveStillFailing)} })}
                    </span>
                    {store.may_save().then(|| view! {
                        <button type="button" class="button small" on:click=again>{tr(PageMsg::SaveAgain)}</button>
                    })}
                    <button type="button" class="button small" on:click=copy>{tr(PageMsg::SaveCopy)}</button>
                </div>
            }
        })
    }
}

/// Does what a banner's button offers. The kept value is read when asked for, so a large
/// one does not sit in memory meanwhile.
fn run(store: ProgressContext, action: &NoticeAction) {
    let done = match action {
        NoticeAction::Download { key, file_name, .. } => match storage::get(key) {
            Ok(Some(text)) => download(file_name, &text, "application/json"),
            Ok(None) | Err(_) => Err(BrowserError::Unavailable),
        },
        NoticeAction::Reload => history::reload(),
    };
    if let Err(error) = done {
        // The browser's reason goes to the console; the banner says it in words.
        if let BrowserError::Refused(cause) = error {
            console::warn(&cause);
        }
        store.add_notice(Notice::DownloadFailed);
    }
}
