//! Progress that leaves the device: an export file, importing one, and a share link with its
//! QR code. Nothing incoming replaces the user's progress without asking first, and anything
//! refused leaves it untouched and says why.

use leptos::prelude::*;
use leptos::task::spawn_local;
use qrcodegen::{QrCode, QrCodeEcc};

use crate::browser::file::{self, copy_text, take_chosen_file};
use crate::browser::{dom, history, BrowserError};

use crate::model::guide::Role;
use crate::model::i18n::checklist::status_text;
use crate::model::i18n::checklist::{self as words, ListMsg};
use crate::model::i18n::store::{codec_error_message, fragment_error_message};
use crate::model::i18n::{Message, PageMsg};
use crate::model::progress::{Action, ItemStatus, Notes, Progress};
use crate::model::saved::{self, FragmentError, FRAGMENT_PREFIX, MAX_IMPORT_BYTES};

use crate::ui::locale::{tr, use_locale};
use crate::ui::router::{use_location, use_navigate, NavigateOptions};
use crate::ui::state::ProgressContext;

use super::backups::SavedCopies;
use super::replace::{
    export_progress, incoming_text, replace, CopyFailed, Replaced, ReplacedNote, Report,
};

pub use crate::browser::clock::today;

/// Export, import, and the share link with its QR code.
#[component]
pub fn ShareTools(store: ProgressContext) -> impl IntoView {
    let locale = use_locale();
    let report = RwSignal::new(None::<Report>);
    let pending = RwSignal::new(None::<Progress>);

    let replaced = RwSignal::new(None::<Replaced>);
    let copy_failed = RwSignal::new(false);
    let export = move |_| {
        report.set(export_progress(store).err());
    };

    let import = move |ev: leptos::ev::Event| {
        let Some(file) = take_chosen_file(&ev) else {
            return;
        };
        report.set(None);
        pending.set(None);
        replaced.set(None);
        copy_failed.set(false);
        spawn_local(async move {
            let guide = store.guide();
            let read = file::read_text(file, MAX_IMPORT_BYTES).await;
            match read.and_then(|text| saved::import(&text, &guide)) {
                Ok(file) => pending.set(Some(file.into_progress(&guide).0)),
                Err(error) => report.set(Some(Report::Refused(error))),
            }
        });
    };

    // The earlier progress is kept as a copy first; if it cannot be, the user decides.
    let replace = move |without_copy: bool| {
        let Some(incoming) = pending.get_untracked() else {
            return;
        };
        let take = Action::Adopt {
            progress: Box::new(incoming),
            notes: Notes::Replace,
        };
        if replace(store, take, ListMsg::Imported, without_copy, replaced) {
            pending.set(None);
            copy_failed.set(false);
        } else {
            copy_failed.set(true);
        }
    };
    let keep_mine = move || {
        pending.set(None);
        copy_failed.set(false);
    };

    let message = move || {
        report.get().map(|r| {
            let l = locale.get();
            match r {
                Report::Done(msg) => view! { <p class="tool-message" role="status">{msg.text(l)}</p> }.into_any(),
                Report::Failed(msg) => view! { <p class="tool-message error" role="alert">{msg.text(l)}</p> }.into_any(),
                Report::Refused(error) => {
                    let text = format!(
                        "{}{} {}",
                        ListMsg::ImportRefused.text(l),
                        codec_error_message(&error, l),
                        ListMsg::NothingChanged.text(l)
                    );
                    view! { <p class="tool-message error" role="alert" data-testid="import-error">{text}</p> }.into_any()
                }
            }
        })
    };

    // Move focus to the question when a file has been read, so keyboard users answer it.
    let replace_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move || {
        if let Some(button) = replace_button.get() {
            let _ = button.focus();
        }
    });
    let confirm = move || {
        pending.with(|p| p.as_ref().map(|incoming| (incoming_text(incoming, locale.get()), incoming.enterprise_name().to_string()))).map(|(summary, theirs)| {
            // The file's enterprise name replaces this one too: the question says so.
            let question = move || {
                let mine = store.progress.with(|p| p.enterprise_name().to_string());
                words::import_question(&mine, &theirs, locale.get())
            };
            view! {
                <div class="confirm" role="alertdialog" aria-labelledby="import-question" aria-describedby="import-summary" data-testid="import-confirm">
                    <p id="import-question"><strong>{question}</strong></p>
                    <p id="import-summary">{summary}</p>
                    {move || if copy_failed.get() {
                        view! { <CopyFailed store report on_anyway=move || replace(true) on_keep=keep_mine/> }.into_any()
                    } else {
                        view! {
                            <button type="button" class="button danger" node_ref=replace_button on:click=move |_| replace(false)>{tr(ListMsg::Replace)}</button>
                            <button type="button" class="button" on:click=move |_| keep_mine()>{tr(ListMsg::KeepMine)}</button>
                        }.into_any()
                    }}
                </div>
            }
        })
    };

    view! {
        <div class="row">
            <button type="button" class="button" on:click=export>{tr(ListMsg::Export)}</button>
            <label class="button file-button">
                <span>{tr(ListMsg::Import)}</span>
                <input type="file" accept=".json,application/json" data-testid="import-file" on:change=import/>
            </label>
        </div>
        {confirm}
        <ReplacedNote store replaced/>
        {message}
        <ShareLink store/>
        <SavedCopies store/>
    }
}

/// The share link of the current progress: the address, a copy button and a QR code.
#[component]
fn ShareLink(store: ProgressContext) -> impl IntoView {
    let locale = use_locale();
    let guide = store.guide();
    let origin = history::origin().unwrap_or_default();
    // The link and its QR code follow every change, so they are made only while the user
    // looks at them: a closed panel costs a toggle nothing. `None` while closed; inside,
    // `None` when the progress is too long for a link.
    let open = RwSignal::new(false);
    let link = Memo::new(move |_| {
        open.get().then(|| {
            store
                .progress
                .with(|p| saved::to_fragment(p, &guide))
                .map(|fragment| format!("{origin}/checklist#{fragment}"))
        })
    });
    let qr = Memo::new(move |_| {
        link.with(|l| match l {
            Some(Some(url)) => Some(qr_svg_path(url)),
            _ => None,
        })
    });
    let copied = RwSignal::new(None::<ListMsg>);
    let input = NodeRef::<leptos::html::Input>::new();

    let copy = move |_| {
        let Some(Some(url)) = link.get_untracked() else {
            return;
        };
        copied.set(None);
        spawn_local(async move {
            let result = copy_text(&url).await;
            // Without a clipboard (an insecure page, an old browser), select the text instead.
            if result == Err(BrowserError::Unavailable) {
                if let Some(field) = input.get_untracked() {
                    field.select();
                }
            }
            copied.set(Some(if result.is_ok() {
                ListMsg::Copied
            } else {
                ListMsg::CopyFailed
            }));
        });
    };

    view! {
        <details class="share" on:toggle=move |ev| open.set(dom::details_open(&ev))>
            <summary class="button">{tr(ListMsg::ShareLink)}</summary>
            <p>{tr(ListMsg::ShareIntro)}</p>
            {move || link.get().map(|link| match link {
                None => view! { <p class="tool-message error">{tr(ListMsg::ShareTooLong)}</p> }.into_any(),
                Some(url) => view! {
                    <label class="field share-link">
                        <span>{tr(ListMsg::ShareLink)}</span>
                        <input type="url" readonly node_ref=input prop:value=url data-testid="share-url"/>
                    </label>
                    <p class="row">
                        <button type="button" class="button" on:click=copy>{tr(ListMsg::CopyLink)}</button>
                        <span role="status">{move || copied.get().map(|m| m.text(locale.get()))}</span>
                    </p>
                }
                .into_any(),
            })}
            {move || qr.get().map(|drawn| match drawn {
                Some((size, path)) => view! {
                    <svg
                        class="qr"
                        role="img"
                        aria-label=move || ListMsg::QrLabel.text(locale.get())
                        viewBox=format!("0 0 {size} {size}")
                        shape-rendering="crispEdges"
                        data-testid="share-qr"
                    >
                        <rect width=size height=size fill="#fff"></rect>
                        <path d=path fill="#000"></path>
                    </svg>
                }
                .into_any(),
                None => view! { <p class="tool-message">{tr(ListMsg::QrTooLong)}</p> }.into_any(),
            })}
        </details>
    }
}

/// The QR code of `text` as one SVG path of dark modules, with its side length including the
/// four-module quiet zone; `None` when the text is too long for any QR code.
pub fn qr_svg_path(text: &str) -> Option<(i32, String)> {
    const QUIET: i32 = 4;
    let qr = QrCode::encode_text(text, QrCodeEcc::Low).ok()?;
    let size = qr.size();
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if !qr.get_module(x, y) {
                x += 1;
                continue;
            }
            // One rectangle per horizontal run keeps the path short.
            let start = x;
            while x < size && qr.get_module(x, y) {
                x += 1;
            }
            path.push_str(&format!(
                "M{},{}h{}v1h-{}z",
                start + QUIET,
                y + QUIET,
                x - start,
                x - start
            ));
        }
    }
    Some((size + 2 * QUIET, path))
}

/// Asks before adopting progress carried by a share link this page was opened with; says
/// why when the link cannot be used. Either way the fragment is then removed from the address.
#[component]
pub fn SharedLinkPrompt(store: ProgressContext) -> impl IntoView {
    let locale = use_locale();
    let location = use_location();
    let guide = store.guide();
    let shared = {
        let guide = guide.clone();
        Memo::new(move |_| {
            location.hash.with(|hash| {
                let body = hash.strip_prefix('#').unwrap_or(hash);
                body.starts_with(FRAGMENT_PREFIX)
                    .then(|| saved::from_fragment(body, &guide))
            })
        })
    };
    let replaced = RwSignal::new(None::<Replaced>);
    let copy_failed = RwSignal::new(false);
    let report = RwSignal::new(None::<Report>);
    let navigate = use_navigate();
    // Drop the fragment, keeping the path and query, without a new history entry.
    let clear = move || {
        let search = location.search.get_untracked();
        let query = if search.is_empty() {
            String::new()
        } else {
            format!("?{search}")
        };
        let to = format!("{}{query}", location.pathname.get_untracked());
        navigate(
            &to,
            NavigateOptions {
                replace: true,
                scroll: false,
            },
        );
    };
    let view_for = move |result: Result<Progress, FragmentError>| match result {
        Err(error) => {
            let text = move || {
                let l = locale.get();
                format!(
                    "{}{}",
                    ListMsg::SharedRefused.text(l),
                    fragment_error_message(&error, l)
                )
            };
            view! {
                <div class="confirm" role="alert" data-testid="shared-error">
                    <p>{text}</p>
                    <button type="button" class="button" on:click=move |_| clear()>
                        {tr(ListMsg::Cancel)}
                    </button>
                </div>
            }
            .into_any()
        }
        Ok(incoming) => {
            // The link's checklist, read only: the reader sees it without taking it, and
            // taking it is a step of its own that changes only that role's checklist.
            let role = incoming.role();
            let summary = {
                let incoming = incoming.clone();
                move || incoming_text(&incoming, locale.get())
            };
            let question = {
                // Only the enterprise's checklist carries the enterprise name.
                let theirs = match role {
                    Role::Enterprise => Some(incoming.enterprise_name().to_string()),
                    Role::Employee => None,
                };
                move || {
                    let mine = store.progress.with(|p| p.enterprise_name().to_string());
                    let theirs = theirs.clone().unwrap_or_else(|| mine.clone());
                    words::shared_question(&mine, &theirs, locale.get())
                }
            };
            let items = {
                let (guide, incoming) = (guide.clone(), incoming.clone());
                move || {
                    let l = locale.get();
                    guide
                        .items_for(role)
                        .map(|item| {
                            let status = incoming.status(item);
                            let mark = match status {
                                ItemStatus::Done => "☑",
                                ItemStatus::NotApplicable(_) => "—",
                                ItemStatus::NotStarted => "☐",
                            };
                            view! {
                                <li data-item=item.id.clone()>
                                    <span aria-hidden="true">{mark}" "</span>
                                    {guide.text(&item.title, l).to_string()}
                                    " · "
                                    <span class="state">{status_text(&guide, &status, l)}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }
            };
            let keep = clear;
            let incoming = StoredValue::new(incoming);
            let adopt = move |without_copy: bool| {
                let take = Action::AdoptRole {
                    progress: Box::new(incoming.get_value()),
                    role,
                };
                if replace(store, take, ListMsg::SharedApplied, without_copy, replaced) {
                    copy_failed.set(false);
                    clear();
                } else {
                    copy_failed.set(true);
                }
            };
            let keep_mine = move || {
                copy_failed.set(false);
                keep();
            };
            let role_name = match role {
                Role::Enterprise => PageMsg::RoleEnterprise,
                Role::Employee => PageMsg::RoleEmployee,
            };
            view! {
                <section class="shared-view" aria-labelledby="shared-view-heading" data-testid="shared-view">
                    <h2 id="shared-view-heading">{tr(ListMsg::SharedViewTitle)}</h2>
                    <p>{move || words::label(ListMsg::SharedViewRole.text(locale.get()), locale.get())}{tr(role_name)}</p>
                    <p id="shared-summary">{summary}</p>
                    <details class="shared-items">
                        <summary>{tr(ListMsg::SharedViewItems)}</summary>
                        <ol>{items}</ol>
                    </details>
                    <div class="confirm" role="group" aria-labelledby="shared-question" aria-describedby="shared-summary" data-testid="shared-confirm">
                        <p id="shared-question"><strong>{question}</strong></p>
                        <p class="hint">{move || words::shared_adopt_note(role_name.text(locale.get()), locale.get())}</p>
                        {move || if copy_failed.get() {
                            view! { <CopyFailed store report on_anyway=move || adopt(true) on_keep=keep_mine/> }.into_any()
                        } else {
                            view! {
                                <button type="button" class="button danger" on:click=move |_| adopt(false)>{tr(ListMsg::SharedAdopt)}</button>
                                <button type="button" class="button" on:click=move |_| keep_mine()>{tr(ListMsg::KeepMine)}</button>
                            }.into_any()
                        }}
                    </div>
                </section>
            }
            .into_any()
        }
    };
    view! {
        {move || shared.get().map(|result| view_for(result))}
        <ReplacedNote store replaced/>
        {move || report.get().map(|_| view! {
            <p class="tool-message error" role="alert">{tr(ListMsg::ExportFailed)}</p>
        })}
    }
}
