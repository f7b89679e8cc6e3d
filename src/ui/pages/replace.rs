//! Replacing the user's progress with something else (an imported file, a share link, a
//! saved copy), shared by the share tools and the saved copies: the summary asked about, the
//! note that offers one undo, and the question when no copy could be kept first.

use leptos::prelude::*;

use crate::model::i18n::checklist::{self as words, ListMsg};
use crate::model::i18n::{Locale, Message};
use crate::model::progress::{Action, Mark, Notes, Progress};
use crate::model::saved::CodecError;

use crate::ui::locale::{tr, use_locale};
use crate::ui::state::ProgressContext;

/// How many items an incoming progress marks done and not applicable.
fn counts(progress: &Progress) -> (usize, usize) {
    progress
        .items
        .values()
        .fold((0, 0), |(done, na), record| match &record.mark.value {
            Some(Mark::Done) => (done + 1, na),
            Some(Mark::NotApplicable { .. }) => (done, na + 1),
            None => (done, na),
        })
}

/// The summary shown before asking to replace.
pub fn incoming_text(progress: &Progress, locale: Locale) -> String {
    let (done, na) = counts(progress);
    words::incoming_summary(done, na, progress.enterprise_name(), locale)
}

/// What the tools last reported.
#[derive(Debug, Clone, PartialEq)]
pub enum Report {
    Done(ListMsg),
    Refused(CodecError),
    Failed(ListMsg),
}

/// What the page last did in place of the user's progress, for the note under the tools.
#[derive(Debug, Clone, PartialEq)]
pub enum Replaced {
    /// Replaced: what to say, whether the earlier progress was kept as a saved copy, and
    /// that progress, for one undo.
    Done {
        said: ListMsg,
        kept: bool,
        previous: Box<Progress>,
    },
    /// The replacement was undone.
    Undone,
}

/// Says a replacement was made, where the earlier progress went, and offers to undo it.
#[component]
pub fn ReplacedNote(store: ProgressContext, replaced: RwSignal<Option<Replaced>>) -> impl IntoView {
    let locale = use_locale();
    let undo = move |_| {
        let Some(Replaced::Done { previous, .. }) = replaced.get_untracked() else {
            return;
        };
        // Undoing goes ahead even without a copy: what it replaces came from a file, a link
        // or a copy the user still has.
        if store
            .replace_with(
                Action::Adopt {
                    progress: previous,
                    notes: Notes::Replace,
                },
                true,
            )
            .is_ok()
        {
            replaced.set(Some(Replaced::Undone));
        }
    };
    move || {
        replaced.get().map(|r| match r {
            Replaced::Done { said, kept, .. } => {
                let text = move || {
                    let l = locale.get();
                    if kept {
                        format!("{} {}", said.text(l), ListMsg::ReplacedKept.text(l))
                    } else {
                        said.text(l).to_string()
                    }
                };
                view! {
                    <p class="tool-message row" role="status" data-testid="replaced">
                        <span>{text}</span>
                        <button type="button" class="button small" on:click=undo>{tr(ListMsg::Undo)}</button>
                    </p>
                }
                .into_any()
            }
            Replaced::Undone => view! {
                <p class="tool-message" role="status" data-testid="replaced">{tr(ListMsg::ReplaceUndone)}</p>
            }
            .into_any(),
        })
    }
}

/// Asked when the earlier progress could not be kept as a copy before a replacement: the
/// user can download it first, replace anyway or keep it.
#[component]
pub fn CopyFailed(
    store: ProgressContext,
    report: RwSignal<Option<Report>>,
    on_anyway: impl Fn() + Send + Sync + 'static,
    on_keep: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <p class="tool-message error" role="alert" data-testid="copy-failed">{tr(ListMsg::CopyFailedAsk)}</p>
        <button type="button" class="button" on:click=move |_| report.set(export_progress(store).err())>
            {tr(ListMsg::DownloadMine)}
        </button>
        <button type="button" class="button danger" on:click=move |_| on_anyway()>{tr(ListMsg::ReplaceAnyway)}</button>
        <button type="button" class="button" on:click=move |_| on_keep()>{tr(ListMsg::KeepMine)}</button>
    }
}

/// Downloads the progress shown as an export file; says so when the browser refuses.
pub fn export_progress(store: ProgressContext) -> Result<(), Report> {
    store
        .download_copy()
        .map_err(|_| Report::Failed(ListMsg::ExportFailed))
}

/// Replaces the progress by `action` (`ProgressContext::replace_with`) and has `replaced`
/// say so, with its undo. `false` when no copy could be kept, and nothing was replaced.
pub fn replace(
    store: ProgressContext,
    action: Action,
    said: ListMsg,
    without_copy: bool,
    replaced: RwSignal<Option<Replaced>>,
) -> bool {
    match store.replace_with(action, without_copy) {
        Ok((previous, kept)) => {
            replaced.set(Some(Replaced::Done {
                said,
                kept: kept.is_some(),
                previous: Box::new(previous),
            }));
            true
        }
        Err(_) => false,
    }
}
