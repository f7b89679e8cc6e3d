//! Progress that leaves the device: an export file, importing one, and a share link with its
//! QR code. Nothing incoming replaces the user's progress without asking first, and anything
//! refused leaves it untouched and says why.

use leptos::prelude::*;
use leptos::task::spawn_local;
use qrcodegen::{QrCode, QrCodeEcc};

use crate::browser::file::{self, copy_text, download, take_chosen_file};
use crate::browser::{console, dom, history, BrowserError};

use crate::model::i18n::checklist::{self as words, ListMsg};
use crate::model::i18n::store::{codec_error_message, fragment_error_message};
use crate::model::i18n::{Locale, Message};
use crate::model::progress::{Action, Mark, Notes, Progress};
use crate::model::saved::{self, CodecError, FragmentError, FRAGMENT_PREFIX, MAX_IMPORT_BYTES};

use crate::ui::locale::{tr, use_locale};
use crate::ui::router::{use_location, use_navigate, NavigateOptions};
use crate::ui::state::ProgressContext;

pub use crate::browser::clock::today;

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
fn incoming_text(progress: &Progress, locale: Locale) -> String {
    let (done, na) = counts(progress);
    words::incoming_summary(done, na, progress.enterprise_name(), locale)
}

/// What the tools last reported.
#[derive(Debug, Clone, PartialEq)]
enum Report {
    Done(ListMsg),
    Refused(CodecError),
    Failed(ListMsg),
}

/// Export, import, and the share link with its QR code.
#[component]
pub fn ShareTools(store: ProgressContext) -> impl IntoView {
    let locale = use_locale();
    let report = RwSignal::new(None::<Report>);
    let pending = RwSignal::new(None::<Progress>);

    let export = move |_| {
        let text = saved::export(&store.snapshot());
        let name = format!("jimei-progress-{}.json", today());
        report.set(match download(&name, &text, "application/json") {
            Ok(()) => None,
            Err(error) => {
                // The browser's reason goes to the console; the page says it in words.
                if let BrowserError::Refused(cause) = error {
                    console::warn(&cause);
                }
                Some(Report::Failed(ListMsg::ExportFailed))
            }
        });
    };

    let import = move |ev: leptos::ev::Event| {
        let Some(file) = take_chosen_file(&ev) else {
            return;
        };
        report.set(None);
        pending.set(None);
        spawn_local(async move {
            let guide = store.guide();
            let read = file::read_text(file, MAX_IMPORT_BYTES).await;
            match read.and_then(|text| saved::import(&text, &guide)) {
                Ok(file) => pending.set(Some(file.into_progress(&guide).0)),
                Err(error) => report.set(Some(Report::Refused(error))),
            }
        });
    };

    let replace = move |_| {
        if let Some(incoming) = pending.get_untracked() {
            store.dispatch(Action::Adopt {
                progress: Box::new(incoming),
                notes: Notes::Replace,
            });
            report.set(Some(Report::Done(ListMsg::Imported)));
        }
        pending.set(None);
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
        pending.with(|p| p.as_ref().map(|incoming| incoming_text(incoming, locale.get()))).map(|summary| {
            view! {
                <div class="confirm" role="alertdialog" aria-labelledby="import-question" aria-describedby="import-summary" data-testid="import-confirm">
                    <p id="import-question"><strong>{tr(ListMsg::ImportAsk)}</strong></p>
                    <p id="import-summary">{summary}</p>
                    <button type="button" class="button danger" node_ref=replace_button on:click=replace>{tr(ListMsg::Replace)}</button>
                    <button type="button" class="button" on:click=move |_| pending.set(None)>{tr(ListMsg::KeepMine)}</button>
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
        {message}
        <ShareLink store/>
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
    let shared = Memo::new(move |_| {
        location.hash.with(|hash| {
            let body = hash.strip_prefix('#').unwrap_or(hash);
            body.starts_with(FRAGMENT_PREFIX)
                .then(|| saved::from_fragment(body, &guide))
        })
    });
    let applied = RwSignal::new(false);
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
            let summary = {
                let incoming = incoming.clone();
                move || incoming_text(&incoming, locale.get())
            };
            let question = {
                let theirs = incoming.enterprise_name().to_string();
                move || {
                    let mine = store.progress.with(|p| p.enterprise_name().to_string());
                    words::shared_question(&mine, &theirs, locale.get())
                }
            };
            let keep = clear;
            let adopt = move |_| {
                store.dispatch(Action::Adopt {
                    progress: Box::new(incoming.clone()),
                    notes: Notes::Keep,
                });
                applied.set(true);
                clear();
            };
            view! {
                    <div class="confirm" role="alertdialog" aria-labelledby="shared-question" aria-describedby="shared-summary" data-testid="shared-confirm">
                        <p id="shared-question"><strong>{question}</strong></p>
                        <p id="shared-summary">{summary}</p>
                        <button type="button" class="button danger" on:click=adopt>{tr(ListMsg::Replace)}</button>
                        <button type="button" class="button" on:click=move |_| keep()>{tr(ListMsg::KeepMine)}</button>
                    </div>
                }
                .into_any()
        }
    };
    view! {
        {move || shared.get().map(view_for)}
        {move || applied.get().then(|| view! {
            <p class="tool-message" role="status">{tr(ListMsg::SharedApplied)}</p>
        })}
    }
}
