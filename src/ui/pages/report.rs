//! The print view: the self-check report of one role (enterprise name, date, every item with
//! its state and note, what is missing, signature lines) and the two commitment letters,
//! filled in from the checklist. Laid out as documents on screen; `style/checklist.css` turns
//! them into A4 pages when printed, one document per page.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::split::{split_fn, ChunkError};
use crate::browser::viewport;
use crate::model::guide::{Guide, Role};
use crate::model::i18n::checklist::{self as words, label, status_text, ListMsg};
use crate::model::i18n::{Locale, Message, PageMsg};
use crate::model::progress::{find_item, overview, ItemStatus, Verdict};

use crate::ui::guide::use_store;
use crate::ui::locale::{tr, use_locale};
use crate::ui::state::ProgressContext;
use crate::ui::widgets::{local_text, record_language, use_role, GuideGate, RoleSwitch};

use super::share::today;

/// The role's name in `locale`.
fn role_name(role: Role, locale: Locale) -> &'static str {
    match role {
        Role::Enterprise => PageMsg::RoleEnterprise.text(locale),
        Role::Employee => PageMsg::RoleEmployee.text(locale),
    }
}

/// The enterprise name, or a note that it was left blank.
fn enterprise_name(store: ProgressContext, locale: Locale) -> String {
    let name = store
        .progress
        .with(|p| p.enterprise_name().trim().to_string());
    if name.is_empty() {
        ListMsg::Unnamed.text(locale).to_string()
    } else {
        name
    }
}

split_fn!(
    /// The printable report, from its own wasm file in a split build.
    report,
    pub fn report_page() -> Result<AnyView, ChunkError> {
        // Untracked, as a route's view is: the page's set-up reads must not redraw it.
        Ok(untrack(|| view! { <ReportPage/> }.into_any()))
    }
);

/// The report and letters page, with a print button.
#[component]
pub fn ReportPage() -> impl IntoView {
    view! {
        <section class="page report">
            <h1>{tr(ListMsg::ReportTitle)}</h1>
            <GuideGate render={move |guide: Arc<Guide>| {
                let Some(store) = use_store() else {
                    return view! { <p role="alert">{tr(PageMsg::LoadFailedTitle)}</p> }.into_any();
                };
                let role = use_role(store);
                record_language(store);
                let print = move |_| viewport::print();
                view! {
                    <div class="controls">
                        <RoleSwitch role path="/report"/>
                        <button type="button" class="button primary" on:click=print>
                            {tr(PageMsg::Print)}
                        </button>
                        <a class="button" href=move || format!("/checklist?role={}", role.get())>
                            {tr(ListMsg::BackToChecklist)}
                        </a>
                        <p class="print-hint">{tr(ListMsg::PrintHint)}</p>
                    </div>
                    // The print says, as About does, that this is a guide of 2020.
                    {guide.historical_notice().map(|text| view! {
                        <p class="doc-note historical" data-testid="historical-note">{local_text(&guide, text)}</p>
                    })}
                    {
                        let guide = guide.clone();
                        move || {
                            let role = role.get();
                            view! { <SelfCheckReport guide=guide.clone() store role/> }
                        }
                    }
                    // Only the letter of the role shown: each role signs its own.
                    {
                        let guide = guide.clone();
                        move || match role.get() {
                            Role::Enterprise => view! { <EnterpriseLetter guide=guide.clone() store/> }.into_any(),
                            Role::Employee => view! { <EmployeeLetter guide=guide.clone() store/> }.into_any(),
                        }
                    }
                }
                .into_any()
            }}/>
        </section>
    }
}

/// The self-check report of one role.
#[component]
fn SelfCheckReport(guide: Arc<Guide>, store: ProgressContext, role: Role) -> impl IntoView {
    let locale = use_locale();
    let overview = {
        let guide = guide.clone();
        Memo::new(move |_| store.progress.with(|p| overview(&guide, p, role)))
    };
    let date = today();
    let table = {
        let guide = guide.clone();
        move || {
            let l = locale.get();
            let progress = store.progress.get();
            let o = overview.get();
            let mut statuses = o.items.iter();
            let sections = guide.sections_for(role).zip(&o.sections).map(|(section, tally)| {
                let summary = words::done_of(tally.done, tally.applicable(), l);
                let rows = section
                    .items
                    .iter()
                    .zip(statuses.by_ref())
                    .map(|(item, status)| {
                        let class = match status {
                            ItemStatus::Done => "state done",
                            ItemStatus::NotStarted => "state open",
                            ItemStatus::NotApplicable(_) => "state na",
                        };
                        let mark = match status {
                            ItemStatus::Done => "☑ ",
                            ItemStatus::NotStarted => "☐ ",
                            ItemStatus::NotApplicable(_) => "– ",
                        };
                        let required = if item.required { PageMsg::Required.text(l) } else { PageMsg::Optional.text(l) };
                        view! {
                            <tr data-item=item.id.clone()>
                                <td>{guide.text(&item.title, l).to_string()} <small>" (" {required} ")"</small></td>
                                <td class=class>{mark}{status_text(&guide, status, l)}</td>
                                <td class="note-cell">{progress.note(&item.id).to_string()}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <tbody>
                        <tr class="section-row">
                            <th colspan="3" scope="colgroup">{guide.text(&section.title, l).to_string()} " · " {summary}</th>
                        </tr>
                        {rows}
                    </tbody>
                }
            });
            let sections = sections.collect_view();
            view! {
                <table>
                    <colgroup>
                        <col class="col-item"/>
                        <col class="col-state"/>
                        <col class="col-note"/>
                    </colgroup>
                    <thead>
                        <tr>
                            <th scope="col">{ListMsg::Item.text(l)}</th>
                            <th scope="col">{ListMsg::State.text(l)}</th>
                            <th scope="col">{ListMsg::Note.text(l)}</th>
                        </tr>
                    </thead>
                    {sections}
                </table>
            }
        }
    };
    let missing = {
        let guide = guide.clone();
        move || {
            let l = locale.get();
            match overview.with(|o| o.verdict(&guide)) {
                Verdict::Ready => view! { <p>{ListMsg::NothingMissing.text(l)}</p> }.into_any(),
                Verdict::NotReady { missing } => {
                    let entries = missing
                        .iter()
                        .filter_map(|m| find_item(&guide, &m.item))
                        .map(
                            |(_, item)| view! { <li>{guide.text(&item.title, l).to_string()}</li> },
                        )
                        .collect_view();
                    view! { <ol>{entries}</ol> }.into_any()
                }
            }
        }
    };
    let verdict = move || {
        let l = locale.get();
        match overview.with(|o| o.overall.blocking) {
            0 => ListMsg::Ready.text(l).to_string(),
            missing => words::not_ready(missing, l),
        }
    };
    let signatures = move || {
        let l = locale.get();
        let lines: Vec<&'static str> = match role {
            Role::Enterprise => vec![
                ListMsg::SignOfficer.text(l),
                ListMsg::SignHead.text(l),
                ListMsg::Date.text(l),
            ],
            Role::Employee => vec![ListMsg::SignEmployee.text(l), ListMsg::Date.text(l)],
        };
        lines
            .into_iter()
            .map(|line| view! { <div class="signature"><span>{label(line, l)}</span></div> })
            .collect_view()
    };
    view! {
        <article class="doc" data-testid="report" aria-labelledby="report-title">
            <h2 id="report-title">{tr(ListMsg::ReportTitle)}</h2>
            <dl class="meta">
                <dt>{tr(ListMsg::EnterpriseName)}</dt>
                <dd data-testid="report-enterprise">{move || enterprise_name(store, locale.get())}</dd>
                <dt>{tr(ListMsg::Role)}</dt>
                <dd>{move || role_name(role, locale.get())}</dd>
                <dt>{tr(ListMsg::Date)}</dt>
                <dd>{date}</dd>
                <dt>{tr(PageMsg::AboutVersion)}</dt>
                <dd>{guide.version.clone()} " (" {guide.date.clone()} ")"</dd>
                <dt>{tr(ListMsg::OverallProgress)}</dt>
                <dd>
                    {move || overview.with(|o| words::done_of(o.overall.done, o.overall.applicable(), locale.get()))}
                    " · "
                    {verdict}
                </dd>
            </dl>
            {table}
            <h3>{tr(ListMsg::Missing)}</h3>
            <div data-testid="report-missing">{missing}</div>
            <div class="signatures">{signatures}</div>
        </article>
    }
}

/// The enterprise's commitment to the government, with the enterprise's progress on each
/// section of its checklist.
#[component]
fn EnterpriseLetter(guide: Arc<Guide>, store: ProgressContext) -> impl IntoView {
    let locale = use_locale();
    // The office the enterprise files with, once its answers name one (as the commitment
    // letter's material note says); until then the district government.
    let to = {
        let guide = guide.clone();
        move || {
            let l = locale.get();
            let answers = store.progress.with(|p| p.answers());
            match guide.letter_office(&answers) {
                Some(office) => words::letter_to_office(guide.text(&office.name, l), l),
                None => ListMsg::EnterpriseLetterTo.text(l).to_string(),
            }
        }
    };
    let overview = {
        let guide = guide.clone();
        Memo::new(move |_| {
            store
                .progress
                .with(|p| overview(&guide, p, Role::Enterprise))
        })
    };
    let date = today();
    let lines = move || {
        let l = locale.get();
        overview.with(|o| {
            guide
                .sections_for(Role::Enterprise)
                .zip(&o.sections)
                .map(|(section, tally)| {
                    let mark = if tally.is_complete() { "☑" } else { "☐" };
                    view! {
                        <li>
                            {mark} " " {label(guide.text(&section.title, l), l)}
                            {words::done_of(tally.done, tally.applicable(), l)}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let state = move || {
        let l = locale.get();
        match overview.with(|o| o.overall.blocking) {
            0 => ListMsg::Ready.text(l).to_string(),
            missing => words::not_ready(missing, l),
        }
    };
    view! {
        <article class="doc letter" data-testid="enterprise-letter" aria-labelledby="enterprise-letter-title">
            <h2 id="enterprise-letter-title">{tr(ListMsg::EnterpriseLetterTitle)}</h2>
            <p class="salutation" data-testid="letter-to">{to}</p>
            <p class="body-text">{move || words::enterprise_letter_body(&enterprise_name(store, locale.get()), locale.get())}</p>
            <ul class="letter-list">{lines}</ul>
            <p class="body-text">{state}</p>
            <p class="body-text">{tr(ListMsg::EnterpriseLetterClose)}</p>
            <div class="signatures">
                <div class="signature"><span>{move || label(ListMsg::SignHead.text(locale.get()), locale.get())}</span></div>
                <div class="signature"><span>{tr(ListMsg::Seal)}</span></div>
                <div class="signature"><span>{move || label(ListMsg::Date.text(locale.get()), locale.get())} {date}</span></div>
            </div>
            <p class="doc-note">{tr(ListMsg::LetterNote)}</p>
        </article>
    }
}

/// The employee's commitment to the enterprise: the personnel class the employee gave and
/// what the employee's checklist says applies to them.
#[component]
fn EmployeeLetter(guide: Arc<Guide>, store: ProgressContext) -> impl IntoView {
    let locale = use_locale();
    let date = today();
    let class = {
        let guide = guide.clone();
        move || {
            let l = locale.get();
            store.progress.with(|p| {
                guide
                    .questions
                    .iter()
                    .filter(|q| q.role == Role::Employee)
                    .map(|q| {
                        p.answer(&q.id)
                            .and_then(|a| q.answers.iter().find(|o| o.id == a))
                            .map(|o| guide.text(&o.label, l).to_string())
                            .unwrap_or_else(|| ListMsg::NotAnswered.text(l).to_string())
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            })
        }
    };
    let body = move || words::employee_letter_body(&class(), locale.get());
    let promises = {
        let guide = guide.clone();
        move || {
            let l = locale.get();
            let progress = store.progress.get();
            guide
                .items_for(Role::Employee)
                .filter(|item| !matches!(progress.status(item), ItemStatus::NotApplicable(_)))
                .map(|item| {
                    let mark = if progress.status(item) == ItemStatus::Done {
                        "☑"
                    } else {
                        "☐"
                    };
                    view! { <li>{mark} " " {guide.text(&item.title, l).to_string()}</li> }
                })
                .collect_view()
        }
    };
    view! {
        <article class="doc letter" data-testid="employee-letter" aria-labelledby="employee-letter-title">
            <h2 id="employee-letter-title">{tr(ListMsg::EmployeeLetterTitle)}</h2>
            <p class="salutation">
                {move || words::employee_letter_to(&enterprise_name(store, locale.get()), locale.get())}
            </p>
            <p class="body-text">{body}</p>
            <p>{tr(ListMsg::EmployeeLetterPromises)}</p>
            <ul class="letter-list">{promises}</ul>
            <p class="body-text">{tr(ListMsg::EmployeeLetterClose)}</p>
            <div class="signatures">
                <div class="signature"><span>{move || label(ListMsg::EmployeeName.text(locale.get()), locale.get())}</span></div>
                <div class="signature"><span>{move || label(ListMsg::SignEmployee.text(locale.get()), locale.get())}</span></div>
                <div class="signature"><span>{move || label(ListMsg::Date.text(locale.get()), locale.get())} {date}</span></div>
            </div>
            <p class="doc-note">{tr(ListMsg::LetterNote)}</p>
        </article>
    }
}
