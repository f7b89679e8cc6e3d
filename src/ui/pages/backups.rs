//! The saved copies of the progress: what the app kept before anything replaced the user's
//! progress, and stored values it could not read. Each can be downloaded, restored (the
//! progress shown is kept as a copy first) or deleted, after asking.

use leptos::prelude::*;

use crate::browser::clock::local_time_text;
use crate::browser::file::download;
use crate::browser::{console, dom, storage, BrowserError};
use crate::model::i18n::checklist::ListMsg;
use crate::model::i18n::store::codec_error_message;
use crate::model::i18n::Message;
use crate::model::progress::{Action, Notes, Progress};
use crate::model::saved::{self, Backup, CodecError};

use crate::ui::locale::{tr, use_locale};
use crate::ui::state::ProgressContext;

use super::replace::{incoming_text, replace, CopyFailed, Replaced, ReplacedNote, Report};

/// One saved copy as the list shows it.
#[derive(Debug, Clone, PartialEq)]
struct Listed {
    backup: Backup,
    /// What it holds, or why it cannot be read.
    content: Result<Progress, CodecError>,
}

/// What a row is asking before it acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Asking {
    Restore,
    Delete,
    /// The restore could not keep a copy of the progress shown first.
    CopyFailed,
}

/// The list of saved copies, read from storage when the panel is opened and again after
/// anything that adds or removes one.
#[component]
pub fn SavedCopies(store: ProgressContext) -> impl IntoView {
    let locale = use_locale();
    let open = RwSignal::new(false);
    // Bumped after a delete, so the list is read again.
    let version = RwSignal::new(0u32);
    let said = RwSignal::new(None::<ListMsg>);
    let replaced = RwSignal::new(None::<Replaced>);
    let report = RwSignal::new(None::<Report>);
    // Read while the panel is open, again after a delete and after a replacement anywhere
    // on the page kept a copy; `Err` when storage cannot be read.
    let listed = Memo::new(move |_| {
        if !open.get() {
            return None;
        }
        version.track();
        store.copies.track();
        let guide = store.guide();
        let Ok(keys) = storage::keys_with_prefix(&saved::backup_prefix(&guide.id)) else {
            return Some(Err(()));
        };
        Some(Ok(saved::backups(keys, &guide.id)
            .into_iter()
            .map(|backup| {
                let content = match storage::get(&backup.key) {
                    Ok(Some(text)) => saved::read_backup(&text, &guide),
                    Ok(None) | Err(_) => Err(CodecError::Empty),
                };
                Listed { backup, content }
            })
            .collect::<Vec<_>>()))
    });

    let row = move |entry: Listed| {
        let asking = RwSignal::new(None::<Asking>);
        let key = entry.backup.key.clone();
        let time = local_time_text(entry.backup.made_at);
        let readable = entry.content.is_ok();
        let summary = {
            let content = entry.content.clone();
            move || {
                let l = locale.get();
                match &content {
                    Ok(progress) => incoming_text(progress, l),
                    Err(error) => format!(
                        "{}{}",
                        ListMsg::BackupUnreadable.text(l),
                        codec_error_message(error, l)
                    ),
                }
            }
        };
        let download_it = {
            let key = key.clone();
            move |_| {
                let done = match storage::get(&key) {
                    Ok(Some(text)) => {
                        // A readable copy goes out as an export file, so any device can
                        // import it; an unreadable one as it is.
                        let body = match saved::decode_stored(&text, &store.guide().id) {
                            Ok(decoded) => saved::export(&decoded.saved),
                            Err(_) => text,
                        };
                        download(&saved::kept_file_name(&key), &body, "application/json")
                    }
                    Ok(None) | Err(_) => Err(BrowserError::Unavailable),
                };
                if let Err(error) = done {
                    if let BrowserError::Refused(cause) = error {
                        console::warn(&cause);
                    }
                    said.set(Some(ListMsg::ExportFailed));
                }
            }
        };
        let restore = {
            let content = entry.content.clone();
            move |without_copy: bool| {
                let Ok(progress) = content.clone() else {
                    return;
                };
                let take = Action::Adopt {
                    progress: Box::new(progress),
                    notes: Notes::Replace,
                };
                if replace(store, take, ListMsg::BackupRestored, without_copy, replaced) {
                    asking.set(None);
                    said.set(None);
                } else {
                    asking.set(Some(Asking::CopyFailed));
                }
            }
        };
        let delete = {
            let key = key.clone();
            move |_| {
                said.set(Some(if storage::remove(&key).is_ok() {
                    ListMsg::BackupDeleted
                } else {
                    ListMsg::BackupsFailed
                }));
                version.update(|v| *v += 1);
            }
        };
        let question = move || {
            asking.get().map(|kind| match kind {
                Asking::Restore => {
                    let restore = restore.clone();
                    view! {
                        <div class="confirm" role="alertdialog" aria-label=move || ListMsg::BackupRestoreAsk.text(locale.get())>
                            <p>{tr(ListMsg::BackupRestoreAsk)}</p>
                            <button type="button" class="button danger" on:click=move |_| restore(false)>{tr(ListMsg::BackupRestore)}</button>
                            <button type="button" class="button" on:click=move |_| asking.set(None)>{tr(ListMsg::Cancel)}</button>
                        </div>
                    }
                    .into_any()
                }
                Asking::CopyFailed => {
                    let restore = restore.clone();
                    view! {
                        <div class="confirm" role="alertdialog" aria-label=move || ListMsg::CopyFailedAsk.text(locale.get())>
                            <CopyFailed store report on_anyway=move || restore(true) on_keep=move || asking.set(None)/>
                        </div>
                    }
                    .into_any()
                }
                Asking::Delete => view! {
                    <div class="confirm" role="alertdialog" aria-label=move || ListMsg::BackupDeleteAsk.text(locale.get())>
                        <p>{tr(ListMsg::BackupDeleteAsk)}</p>
                        <button type="button" class="button danger" on:click=delete.clone()>{tr(ListMsg::BackupDelete)}</button>
                        <button type="button" class="button" on:click=move |_| asking.set(None)>{tr(ListMsg::Cancel)}</button>
                    </div>
                }
                .into_any(),
            })
        };
        view! {
            <li class="backup" data-testid="backup">
                <p><strong><time>{time}</time></strong>" "<span>{summary}</span></p>
                <p class="row">
                    <button type="button" class="button small" on:click=download_it>{tr(ListMsg::BackupDownload)}</button>
                    {readable.then(|| view! {
                        <button type="button" class="button small" on:click=move |_| asking.set(Some(Asking::Restore))>
                            {tr(ListMsg::BackupRestore)}
                        </button>
                    })}
                    <button type="button" class="button small" on:click=move |_| asking.set(Some(Asking::Delete))>
                        {tr(ListMsg::BackupDelete)}
                    </button>
                </p>
                {question}
            </li>
        }
    };

    view! {
        <details class="share backups" data-testid="saved-copies" on:toggle=move |ev| open.set(dom::details_open(&ev))>
            <summary class="button">{tr(ListMsg::BackupsTitle)}</summary>
            <p>{tr(ListMsg::BackupsIntro)}</p>
            <ReplacedNote store replaced/>
            {move || said.get().map(|m| view! { <p class="tool-message" role="status">{tr(m)}</p> })}
            {move || report.get().map(|_| view! {
                <p class="tool-message error" role="alert">{tr(ListMsg::ExportFailed)}</p>
            })}
            {move || listed.get().map(|list| match list {
                Err(()) => view! { <p class="tool-message error" role="alert">{tr(ListMsg::BackupsFailed)}</p> }.into_any(),
                Ok(list) if list.is_empty() => view! { <p class="tool-message">{tr(ListMsg::BackupsNone)}</p> }.into_any(),
                Ok(list) => view! { <ul class="backup-list">{list.into_iter().map(row).collect_view()}</ul> }.into_any(),
            })}
        </details>
    }
}
