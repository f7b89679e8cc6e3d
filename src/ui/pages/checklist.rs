//! The self-check checklist: one role's questions, sections and items, the overall progress
//! and the readiness verdict, and reset with undo.
//!
//! Every change is an `Action` given to `ProgressContext::dispatch`, which saves it just
//! after the next frame.
//! Each item reads its own status signal (see `ItemStates`), so checking one item re-renders
//! only that item, its missing-list entry and the counters, and focus and typing in notes are
//! never disturbed.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use crate::browser::dom;
use crate::browser::split::{split_fn, ChunkError};
use crate::model::guide::{Guide, Item, Phase, Role, Section};
use crate::model::i18n::checklist::{self as words, status_text, ListMsg};
use crate::model::i18n::{Message, PageMsg};
use crate::model::progress::{
    is_class_rules, is_missing, manual_reason, overview, ruled_out_by_class, Action, ItemStatus,
    NaReason, Tally, MAX_NAME_CHARS, MAX_NOTE_CHARS, MAX_REASON_CHARS,
};

use crate::ui::guide::use_store;
use crate::ui::locale::{tr, use_locale};
use crate::ui::state::ProgressContext;
use crate::ui::widgets::{
    local_text, record_language, use_role, CardView, ConfidenceBadge, FieldStyle, GuideGate,
    Illustration, QuestionField, RoleSwitch,
};

use super::filing::FilingCard;
use super::share::{ShareTools, SharedLinkPrompt};

split_fn!(
    /// The checklist page, from its own wasm file in a split build.
    checklist,
    pub fn checklist_page() -> Result<AnyView, ChunkError> {
        // Untracked, as a route's view is: the page's set-up reads must not redraw it.
        Ok(untrack(|| view! { <ChecklistPage/> }.into_any()))
    }
);

/// The checklist page of the role in the address, or the saved role.
#[component]
pub fn ChecklistPage() -> impl IntoView {
    view! {
        <section class="page checklist">
            <h1>{tr(PageMsg::ChecklistTitle)}</h1>
            <p>{tr(PageMsg::ChecklistIntro)}</p>
            <GuideGate render={move |guide: Arc<Guide>| {
                let Some(store) = use_store() else {
                    return view! { <p role="alert">{tr(PageMsg::LoadFailedTitle)}</p> }.into_any();
                };
                let role = use_role(store);
                record_language(store);
                view! {
                    <RoleSwitch role path="/checklist"/>
                    <SharedLinkPrompt store/>
                    {move || {
                        let role = role.get();
                        view! { <Checklist guide=guide.clone() store role/> }
                    }}
                }
                .into_any()
            }}/>
        </section>
    }
}

/// One role's whole checklist.
#[component]
fn Checklist(guide: Arc<Guide>, store: ProgressContext, role: Role) -> impl IntoView {
    let states = ItemStates::new(&guide, store, role);
    let sections = guide
        .sections_for(role)
        .map(|section| view! { <SectionView guide=guide.clone() store section=section.clone() states/> })
        .collect_view();
    // The role's first card ("At the gate today") before everything else (issue 16 §3).
    let first = guide.first_card(role).cloned().map(|card| {
        let progress = store.progress.into();
        view! { <CardView guide=guide.clone() card progress item_href=item_anchor/> }
    });
    view! {
        {first}
        <StatusPanel guide=guide.clone() store role overall=states.overall/>
        <AboutYou guide=guide.clone() store role/>
        {(role == Role::Enterprise).then(|| view! { <FilingCard guide=guide.clone() store/> })}
        {sections}
        <MissingList guide=guide.clone() role states/>
        <section class="checklist-tools" aria-labelledby="tools-heading">
            <h2 id="tools-heading">{tr(ListMsg::Tools)}</h2>
            <p>
                <a href=format!("/report?role={role}") class="button primary">
                    {tr(ListMsg::OpenReport)}
                </a>
            </p>
            {(role == Role::Enterprise).then(|| view! {
                <p>
                    <a href="/ledger" class="button" data-testid="open-ledger">{tr(ListMsg::OpenLedger)}</a>
                </p>
            })}
            <ShareTools store/>
            <ResetControl store role/>
        </section>
    }
}

/// An item's address on this page.
fn item_anchor(id: &str) -> String {
    format!("#item-{id}")
}

/// Overall progress and the verdict, at the top of the page.
#[component]
fn StatusPanel(
    guide: Arc<Guide>,
    store: ProgressContext,
    role: Role,
    overall: RwSignal<Tally>,
) -> impl IntoView {
    let locale = use_locale();
    let unanswered = Memo::new(move |_| store.progress.with(|p| p.unanswered(&guide, role)));
    let missing = Memo::new(move |_| overall.with(|t| t.blocking));
    let ready = Memo::new(move |_| missing.get() == 0);
    view! {
        <section class="status-panel" aria-labelledby="overall-heading" data-testid="status-panel">
            <h2 id="overall-heading">{tr(ListMsg::OverallProgress)}</h2>
            <ProgressBar tally=overall.read_only() label="overall-heading"/>
            // One paragraph whose class and text change, so a toggle touches only those.
            <p
                class=move || if ready.get() { "verdict ready" } else { "verdict not-ready" }
                data-testid="verdict"
            >
                {move || match missing.get() {
                    0 => ListMsg::Ready.text(locale.get()).to_string(),
                    count => words::not_ready(count, locale.get()),
                }}
                {move || (!ready.get()).then(|| view! { " " <a href="#missing">{tr(ListMsg::Missing)}</a> })}
            </p>
            {move || {
                let count = unanswered.get();
                (count > 0).then(|| view! {
                    <p class="hint">
                        <a href="#about-you">{move || words::unanswered(count, locale.get())}</a>
                    </p>
                })
            }}
        </section>
    }
}

/// Everything still missing, in one place, as the district's "tell everything at once"
/// practice asks; each entry links to its item. Every item that blocks readiness has an
/// entry, in guide order, shown while the item is missing: a toggle shows or hides one entry
/// and the rest of the list is not touched. Routines are not missing: they live in the ledger.
#[component]
fn MissingList(guide: Arc<Guide>, role: Role, states: ItemStates) -> impl IntoView {
    let ready = Memo::new(move |_| states.overall.with(|t| t.blocking == 0));
    let entries = guide
        .sections_for(role)
        .flat_map(|section| section.items.iter().map(move |item| (section, item)))
        .filter(|(_, item)| item.blocks_readiness())
        .filter_map(|(section, item)| {
            let status = states.get(&item.id)?.status;
            // The jump lands on the item's checkbox, so keyboard and screen-reader users are
            // there too, and the row shows it has the focus.
            let check = format!("check-{}", item.id);
            Some(view! {
                <li hidden=move || !status.with(|s| is_missing(true, s))>
                    <a href=format!("#item-{}", item.id) on:click=move |ev: leptos::ev::MouseEvent| {
                        // The focus scrolls the item into view; the router's own handling of
                        // the address would move the focus back to the page.
                        if dom::focus_id(&check) {
                            ev.prevent_default();
                        }
                    }>{local_text(&guide, &item.title)}</a>
                    <span class="missing-section">" · " {local_text(&guide, &section.title)}</span>
                </li>
            })
        })
        .collect_view();
    view! {
        <section class="missing-panel" id="missing" aria-labelledby="missing-heading" data-testid="missing">
            <h2 id="missing-heading">{tr(ListMsg::Missing)}</h2>
            {move || ready.get().then(|| view! { <p>{tr(ListMsg::NothingMissing)}</p> })}
            <ol hidden=move || ready.get()>{entries}</ol>
        </section>
    }
}

/// A progress bar with "7 of 12 done" beside it, announced politely when it changes.
#[component]
fn ProgressBar(tally: ReadSignal<Tally>, #[prop(into)] label: String) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="progress-line">
            <progress
                max=move || tally.with(|t| t.applicable().max(1))
                value=move || tally.with(|t| t.done)
                aria-labelledby=label
            ></progress>
            <span class="count" aria-live="polite" data-testid="count">
                {move || tally.with(|t| words::done_of(t.done, t.applicable(), locale.get()))}
            </span>
        </div>
    }
}

/// The questions of the role, whose answers decide which items apply, and the enterprise
/// name used in the report and the letters.
#[component]
fn AboutYou(guide: Arc<Guide>, store: ProgressContext, role: Role) -> impl IntoView {
    let name = Memo::new(move |_| store.progress.with(|p| p.enterprise_name().to_string()));
    let questions = guide
        .questions
        .iter()
        .filter(|q| q.role == role)
        .map(|q| {
            let progress = store.progress.into();
            view! { <QuestionField guide=guide.clone() store=Some(store) progress question=q.clone() style=FieldStyle::Checklist/> }
        })
        .collect_view();
    view! {
        <section class="about-you" id="about-you" aria-labelledby="about-you-heading">
            <h2 id="about-you-heading">{tr(ListMsg::AboutYou)}</h2>
            <p>{tr(ListMsg::AboutYouIntro)}</p>
            <label class="field">
                // An employee gives where they work; the letter to the enterprise names it.
                <span>{tr(match role {
                    Role::Enterprise => ListMsg::EnterpriseName,
                    Role::Employee => ListMsg::Workplace,
                })}</span>
                <input
                    type="text"
                    autocomplete="organization"
                    maxlength=MAX_NAME_CHARS
                    prop:value=move || name.get()
                    on:input=move |ev| {
                        store.dispatch(Action::SetEnterpriseName(event_target_value(&ev)));
                    }
                />
            </label>
            {questions}
        </section>
    }
}

/// A section: its illustration, its own progress and its items, in runs of one phase under
/// that phase's heading (setup, or daily routines kept in the ledger), in guide order.
#[component]
fn SectionView(
    guide: Arc<Guide>,
    store: ProgressContext,
    section: Section,
    states: ItemStates,
) -> impl IntoView {
    let tally = states.section(&section.id);
    let heading = format!("section-{}", section.id);
    let bar_label = heading.clone();
    let runs = if is_class_rules(&section) {
        view! { <ClassRules guide=guide.clone() store section=section.clone() states/> }.into_any()
    } else {
        phase_runs(&section.items)
            .into_iter()
            .map(|(phase, items)| {
                let rows = items
                    .iter()
                    .filter_map(|item| {
                        let state = states.get(&item.id)?;
                        Some(view! { <ItemRow guide=guide.clone() store item=(*item).clone() state/> })
                    })
                    .collect_view();
                let counted = phase.is_none_or(Phase::blocks_readiness);
                view! {
                    {phase.map(|phase| view! {
                        <h3 class="phase-heading" data-phase=phase.id()>
                            {tr(ListMsg::phase(phase))}
                            {(!counted).then(|| view! { <span class="not-counted">" · " {tr(ListMsg::NotCounted)}</span> })}
                        </h3>
                    })}
                    <ul class="items">{rows}</ul>
                }
            })
            .collect_view()
            .into_any()
    };
    // The cards after this section (the six musts): summaries that link to the items.
    let cards = guide
        .cards_after(&section.id)
        .cloned()
        .map(|card| {
            let progress = store.progress.into();
            view! { <CardView guide=guide.clone() card progress item_href=item_anchor/> }
        })
        .collect_view();
    view! {
        <section class="section" data-section=section.id.clone() aria-labelledby=heading.clone()>
            {section.illustration.clone().map(|file| view! { <Illustration file size=96/> })}
            <h2 id=heading.clone()>{local_text(&guide, &section.title)}</h2>
            {section.intro.as_ref().map(|intro| view! { <p>{local_text(&guide, intro)}</p> })}
            {tally.map(|tally| view! { <ProgressBar tally label=bar_label/> })}
            {runs}
        </section>
        {cards}
    }
}

/// One rule per personnel class (issue 19 §3): until the class is answered, every rule;
/// then the person's rule, and the others folded under one disclosure. The rows are drawn
/// again only when the class answer changes which rules are ruled out.
#[component]
fn ClassRules(
    guide: Arc<Guide>,
    store: ProgressContext,
    section: Section,
    states: ItemStates,
) -> impl IntoView {
    let rows: Vec<(Item, ItemState)> = section
        .items
        .iter()
        .filter_map(|item| Some((item.clone(), states.get(&item.id)?)))
        .collect();
    let folded = {
        let rows = rows.clone();
        Memo::new(move |_| {
            rows.iter()
                .map(|(_, state)| state.status.with(ruled_out_by_class))
                .collect::<Vec<bool>>()
        })
    };
    let locale = use_locale();
    move || {
        let folded = folded.get();
        let draw = |fold: bool| {
            rows.iter()
                .zip(&folded)
                .filter(|(_, f)| **f == fold)
                .map(|((item, state), _)| {
                    view! { <ItemRow guide=guide.clone() store item=item.clone() state=*state/> }
                })
                .collect_view()
        };
        let count = folded.iter().filter(|f| **f).count();
        view! {
            <ul class="items">{draw(false)}</ul>
            {(count > 0).then(|| view! {
                <details class="other-classes" data-testid="other-classes">
                    <summary>{move || words::other_classes(count, locale.get())}</summary>
                    <ul class="items">{draw(true)}</ul>
                </details>
            })}
        }
    }
}

/// A section's items as runs of consecutive items of one phase, keeping the guide's order.
fn phase_runs(items: &[Item]) -> Vec<(Option<Phase>, Vec<&Item>)> {
    let mut runs: Vec<(Option<Phase>, Vec<&Item>)> = Vec::new();
    for item in items {
        match runs.last_mut() {
            Some((phase, run)) if *phase == item.phase => run.push(item),
            _ => runs.push((item.phase, vec![item])),
        }
    }
    runs
}

/// One item's status and note, as signals of their own.
#[derive(Debug, Clone, Copy)]
pub struct ItemState {
    status: RwSignal<ItemStatus>,
    note: RwSignal<String>,
}

/// The state of every item of a role's checklist, and the figures counted from it. One effect
/// follows the whole progress and, in one pass, sets only the items and figures that
/// changed, so each row, bar and missing entry depends on its own signal alone: with hundreds
/// of rows each subscribed to the progress, every change would wake all of them (and
/// unsubscribing costs each of them time in proportion to the number of rows).
#[derive(Debug, Clone, Copy)]
pub struct ItemStates {
    items: StoredValue<Vec<(String, ItemState)>>,
    /// Each section's figures, in guide order.
    sections: StoredValue<Vec<(String, RwSignal<Tally>)>>,
    /// The whole role's figures.
    overall: RwSignal<Tally>,
}

impl ItemStates {
    /// The states of `role`'s items from the store's progress, then one effect that diffs
    /// each new `overview` into them: only what changed is set.
    fn new(guide: &Arc<Guide>, store: ProgressContext, role: Role) -> ItemStates {
        let guide = guide.clone();
        let first = store.progress.with_untracked(|p| overview(&guide, p, role));
        let ids = guide.items_for(role).map(|item| item.id.clone());
        let items = store.progress.with_untracked(|p| {
            ids.zip(first.items)
                .map(|(id, status)| {
                    let note = RwSignal::new(p.note(&id).to_string());
                    let state = ItemState {
                        status: RwSignal::new(status),
                        note,
                    };
                    (id, state)
                })
                .collect()
        });
        let sections = guide
            .sections_for(role)
            .zip(first.sections)
            .map(|(section, tally)| (section.id.clone(), RwSignal::new(tally)))
            .collect();
        let states = ItemStates {
            items: StoredValue::new(items),
            sections: StoredValue::new(sections),
            overall: RwSignal::new(first.overall),
        };
        Effect::new(move || {
            store.progress.with(|p| {
                let now = overview(&guide, p, role);
                states.items.with_value(|items| {
                    for ((id, state), status) in items.iter().zip(now.items) {
                        if state.status.with_untracked(|old| *old != status) {
                            state.status.set(status);
                        }
                        let note = p.note(id);
                        if state.note.with_untracked(|old| old != note) {
                            state.note.set(note.to_string());
                        }
                    }
                });
                states.sections.with_value(|sections| {
                    for ((_, signal), tally) in sections.iter().zip(now.sections) {
                        set_if_changed(*signal, tally);
                    }
                });
                set_if_changed(states.overall, now.overall);
            });
        });
        states
    }

    fn get(&self, id: &str) -> Option<ItemState> {
        self.items
            .with_value(|states| states.iter().find(|(item, _)| item == id).map(|(_, s)| *s))
    }

    fn section(&self, id: &str) -> Option<ReadSignal<Tally>> {
        self.sections.with_value(|sections| {
            sections
                .iter()
                .find(|(section, _)| section == id)
                .map(|(_, tally)| tally.read_only())
        })
    }
}

/// Sets a signal only when the value differs, so nothing that reads it wakes for nothing.
fn set_if_changed(signal: RwSignal<Tally>, value: Tally) {
    if signal.get_untracked() != value {
        signal.set(value);
    }
}

/// A note's text that lost to another page's while both were being written.
#[derive(Debug, Clone, PartialEq)]
enum Lost {
    /// The other page's text, written over by this one's.
    Theirs(String),
    /// This page's text, written over by the other page's.
    Mine(String),
}

/// One item: a checkbox labelled with its title, what to do, its state in words, a way to
/// mark it not applicable, a note, and why, how and where from on demand.
#[component]
fn ItemRow(
    guide: Arc<Guide>,
    store: ProgressContext,
    item: Item,
    state: ItemState,
) -> impl IntoView {
    let locale = use_locale();
    let id = item.id.clone();
    let status = state.status.read_only();
    let note = state.note.read_only();
    let by_answers = move || {
        status.with(|s| {
            matches!(
                s,
                ItemStatus::NotApplicable(NaReason::ByAnswers { .. } | NaReason::Never)
            )
        })
    };
    let class = move || match status.get() {
        ItemStatus::NotStarted => "item not-started",
        ItemStatus::Done => "item done",
        ItemStatus::NotApplicable(_) => "item not-applicable",
    };
    // The state in words is redrawn on every toggle of this item, and each redraw leaves and
    // rejoins the subscribers of what it reads. The language has thousands of subscribers on
    // a long list, so the row reads it through a memo of its own, which has one.
    let row_locale = Memo::new(move |_| locale.get());
    let describe = {
        let guide = guide.clone();
        move || status.with(|s| status_text(&guide, s, row_locale.get()))
    };
    let check_id = format!("check-{id}");
    let state_id = format!("state-{id}");
    let source = guide
        .source(&item.source)
        .map(|s| (local_text(&guide, &s.name), s.url.clone()));
    let node_title = guide.node(&item.node).map(|n| local_text(&guide, &n.title));
    let note_open = !note.get_untracked().is_empty();
    let on_check = {
        let id = id.clone();
        move |ev: leptos::ev::Event| {
            let item = id.clone();
            let action = if event_target_checked(&ev) {
                Action::Check { item }
            } else {
                Action::Uncheck { item }
            };
            store.dispatch(action);
        }
    };
    // While the note has focus, what another page writes to it does not replace the text
    // being typed (nor move the cursor); whichever text loses is kept and offered (issue 20
    // §3). `typed` is what this field last sent; a change that is not it came from elsewhere.
    let typing = RwSignal::new(false);
    let edited = StoredValue::new(false);
    let typed = StoredValue::new(String::new());
    let theirs = RwSignal::new(None::<String>);
    let lost = RwSignal::new(None::<Lost>);
    let shown = Memo::new(move |before: Option<&String>| {
        let current = note.get();
        match before {
            Some(text) if typing.get() => text.clone(),
            _ => current,
        }
    });
    Effect::new(move |_| {
        let current = note.get();
        if typing.get_untracked() && typed.with_value(|t| *t != current) {
            theirs.set(Some(current));
        }
    });
    let on_note = {
        let id = id.clone();
        move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            typed.set_value(text.clone());
            edited.set_value(true);
            store.dispatch(Action::SetNote {
                item: id.clone(),
                note: text,
            });
        }
    };
    let on_focus = move |_| {
        typed.set_value(note.get_untracked());
        edited.set_value(false);
        typing.set(true);
    };
    let on_blur = move |_| {
        typing.set(false);
        let current = note.get_untracked();
        let mine = typed.get_value();
        match theirs.get_untracked() {
            // Another page wrote while this one typed, and this one's text won: theirs lost.
            Some(other) if other != current => lost.set(Some(Lost::Theirs(other))),
            // This one's text was written over by the other page's, later: this one's lost.
            _ if edited.get_value() && mine != current => lost.set(Some(Lost::Mine(mine))),
            _ => {}
        }
        theirs.set(None);
    };
    let take_lost = {
        let id = id.clone();
        move |_| {
            if let Some(Lost::Theirs(text) | Lost::Mine(text)) = lost.get_untracked() {
                store.dispatch(Action::SetNote {
                    item: id.clone(),
                    note: text,
                });
            }
            lost.set(None);
        }
    };
    let conflict = move || {
        let l = row_locale.get();
        let live = theirs.get().map(|t| words::note_changed_elsewhere(&t, l));
        let after = lost.get().map(|lost| match lost {
            Lost::Theirs(t) => (words::note_changed_elsewhere(&t, l), ListMsg::UseTheirNote),
            Lost::Mine(t) => (words::note_overwritten(&t, l), ListMsg::UseMyNote),
        });
        match (live, after) {
            (Some(text), _) => Some(view! { <p class="note-conflict" role="status" data-testid="note-conflict">{text}</p> }.into_any()),
            (None, Some((text, take))) => Some(view! {
                <p class="note-conflict" role="status" data-testid="note-conflict">
                    <span>{text}</span> " "
                    <button type="button" class="button small" on:click=take_lost.clone()>{take.text(l)}</button>
                    <button type="button" class="button small" on:click=move |_| lost.set(None)>{PageMsg::Dismiss.text(l)}</button>
                </p>
            }.into_any()),
            (None, None) => None,
        }
    };
    let title = local_text(&guide, &item.title);
    let label = local_text(&guide, &item.title);
    let tag_item = item.clone();
    view! {
        <li class=class id=format!("item-{id}") data-item=id.clone()>
            <div class="item-head">
                <input
                    type="checkbox"
                    id=check_id.clone()
                    aria-describedby=state_id.clone()
                    prop:checked=move || status.get() == ItemStatus::Done
                    disabled=by_answers
                    on:change=on_check
                />
                <label for=check_id class="item-title">{label}</label>
                {item.icon.clone().map(|file| view! { <Illustration file size=32/> })}
            </div>
            <p class="item-tags">
                {move || (!matches!(status.get(), ItemStatus::NotApplicable(_))).then(|| tag(&tag_item))}
                " "
                <ConfidenceBadge confidence=item.confidence/>
                " "
                <span class="state" id=state_id data-testid="item-state">{describe}</span>
            </p>
            <p class="what">{local_text(&guide, &item.what)}</p>
            <NotApplicableControl store item=id.clone() status/>
            <details class="note" open=note_open>
                <summary>
                    {tr(ListMsg::Note)}
                    {move || (!note.with(String::is_empty)).then(|| view! { <span aria-hidden="true">" ✎"</span> })}
                </summary>
                <textarea
                    rows="2"
                    maxlength=MAX_NOTE_CHARS
                    aria-label=move || format!("{}{}", words::label(ListMsg::Note.text(locale.get()), locale.get()), title())
                    aria-describedby=format!("note-count-{id}")
                    prop:value=move || shown.get()
                    on:input=on_note
                    on:focus=on_focus
                    on:blur=on_blur
                ></textarea>
                {conflict}
                // The browser stops the field at its limit without a word; this says so.
                <p class="note-count" id=format!("note-count-{id}") data-testid="note-count">
                    {move || words::note_count(note.with(|n| n.chars().count()), MAX_NOTE_CHARS, locale.get())}
                </p>
            </details>
            <details class="why">
                <summary>{tr(ListMsg::Details)}</summary>
                <p><strong>{tr(PageMsg::Why)} ": "</strong>{local_text(&guide, &item.why)}</p>
                {source.map(|(name, url)| view! {
                    <p>{tr(PageMsg::Source)} ": " <a href=url rel="noopener noreferrer">{name}</a></p>
                })}
                <p>
                    {tr(PageMsg::BelongsToStep)} ": "
                    <a href=format!("/flowchart/{}", item.node)>{node_title}</a>
                </p>
            </details>
        </li>
    }
}

/// An item's badge, shown only while the item applies (one that does not apply is never
/// badged required): required when it blocks readiness; a required routine or observation
/// item says when it is done instead, so nothing reads as required for the verdict that the
/// verdict does not count.
fn tag(item: &Item) -> AnyView {
    match (item.required, item.phase) {
        (true, Some(phase)) if !phase.blocks_readiness() => view! {
            <span class="tag routine" data-testid="routine-tag">{tr(ListMsg::phase(phase))}</span>
        }
        .into_any(),
        (true, _) => view! { <span class="tag required">{tr(PageMsg::Required)}</span> }.into_any(),
        (false, _) => {
            view! { <span class="tag optional">{tr(PageMsg::Optional)}</span> }.into_any()
        }
    }
}

/// What the not-applicable control shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NaMode {
    /// Marked by hand: a button to take the mark back.
    TakeBack,
    /// Not applicable by the answers: nothing to do here.
    Automatic,
    /// The reason form is open.
    Editing,
    /// A button that opens the reason form.
    Offer,
}

/// Marking an item not applicable by hand, with a short reason, and taking it back.
#[component]
fn NotApplicableControl(
    store: ProgressContext,
    item: String,
    status: ReadSignal<ItemStatus>,
) -> impl IntoView {
    let editing = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let refused = RwSignal::new(false);
    let error_id = format!("na-error-{item}");
    let input = NodeRef::<html::Input>::new();
    // Focus the reason field as soon as it appears.
    Effect::new(move || {
        if let Some(field) = input.get() {
            let _ = field.focus();
        }
    });
    // What the control offers, as a memo: checking or unchecking the item leaves it the same,
    // so a toggle does not rebuild the button.
    let mode = Memo::new(move |_| {
        status.with(|s| match s {
            ItemStatus::NotApplicable(NaReason::ByHand(_)) => NaMode::TakeBack,
            ItemStatus::NotApplicable(_) => NaMode::Automatic,
            _ if editing.get() => NaMode::Editing,
            _ => NaMode::Offer,
        })
    });
    move || {
        let item = item.clone();
        match mode.get() {
            NaMode::TakeBack => view! {
                <button
                    type="button"
                    class="button small"
                    on:click=move |_| {
                        store.dispatch(Action::ClearMark { item: item.clone() });
                    }
                >
                    {tr(ListMsg::MarkApplicable)}
                </button>
            }
            .into_any(),
            NaMode::Automatic => ().into_any(),
            NaMode::Editing => view! {
                <form
                    class="na-form"
                    on:submit=move |ev| {
                        ev.prevent_default();
                        // An empty reason is refused, with the field kept open and focused.
                        let Some(given) = manual_reason(&reason.get_untracked()) else {
                            refused.set(true);
                            if let Some(field) = input.get_untracked() {
                                let _ = field.focus();
                            }
                            return;
                        };
                        store.dispatch(Action::MarkNotApplicable {
                            item: item.clone(),
                            reason: given,
                        });
                        editing.set(false);
                        refused.set(false);
                        reason.set(String::new());
                    }
                >
                    <label class="field">
                        <span>{tr(ListMsg::NaReason)}</span>
                        <input
                            type="text"
                            aria-invalid=move || refused.get().then_some("true")
                            aria-describedby=error_id.clone()
                            node_ref=input
                            maxlength=MAX_REASON_CHARS
                            prop:value=move || reason.get()
                            on:input=move |ev| {
                                reason.set(event_target_value(&ev));
                                refused.set(false);
                            }
                            on:keydown=move |ev| {
                                if ev.key() == "Escape" {
                                    editing.set(false);
                                }
                            }
                        />
                    </label>
                    <p class="na-error" id=error_id.clone() role="alert" data-testid="na-error">
                        {move || refused.get().then(|| tr(ListMsg::NaReasonNeeded))}
                    </p>
                    <button type="submit" class="button small">{tr(ListMsg::Save)}</button>
                    <button type="button" class="button small" on:click=move |_| editing.set(false)>
                        {tr(ListMsg::Cancel)}
                    </button>
                </form>
            }
            .into_any(),
            NaMode::Offer => view! {
                <button type="button" class="button small subtle" on:click=move |_| editing.set(true)>
                    {tr(ListMsg::MarkNa)}
                </button>
            }
            .into_any(),
        }
    }
}

/// Reset of this role's checklist behind an in-page confirmation, then one-step undo.
#[component]
fn ResetControl(store: ProgressContext, role: Role) -> impl IntoView {
    let confirming = RwSignal::new(false);
    // This role's undo, if the last reset was of this role.
    let undo = store.reset_undo;
    let can_undo = move || undo.with(|u| u.as_ref().is_some_and(|u| u.role() == role));
    let message = RwSignal::new(None::<ListMsg>);
    let confirm_button = NodeRef::<html::Button>::new();
    let reset_button = NodeRef::<html::Button>::new();
    // Move focus into the confirmation when it opens, so keyboard users land on it.
    Effect::new(move || {
        if let Some(button) = confirm_button.get() {
            let _ = button.focus();
        }
    });
    let close = move || {
        confirming.set(false);
        if let Some(button) = reset_button.get_untracked() {
            let _ = button.focus();
        }
    };
    let reset = move |_| {
        let cleared = store.reset(role);
        message.set(Some(if cleared {
            ListMsg::ResetDone
        } else {
            ListMsg::NothingToReset
        }));
        close();
    };
    let undo_reset = move |_| {
        store.undo_reset(role);
        message.set(Some(ListMsg::UndoDone));
    };
    view! {
        <div class="reset">
            <button
                type="button"
                class="button danger"
                node_ref=reset_button
                aria-expanded=move || confirming.get().to_string()
                on:click=move |_| {
                    message.set(None);
                    confirming.set(true);
                }
            >
                {tr(ListMsg::Reset)}
            </button>
            <Show when=move || confirming.get()>
                <div
                    class="confirm"
                    role="alertdialog"
                    aria-labelledby="reset-question"
                    data-testid="reset-confirm"
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" {
                            close();
                        }
                    }
                >
                    <p id="reset-question">{tr(ListMsg::ResetQuestion)}</p>
                    <button type="button" class="button danger" node_ref=confirm_button on:click=reset>
                        {tr(ListMsg::ResetConfirm)}
                    </button>
                    <button type="button" class="button" on:click=move |_| close()>
                        {tr(ListMsg::Cancel)}
                    </button>
                </div>
            </Show>
            <p class="reset-status" role="status">
                {move || message.get().map(|m| view! { <span>{tr(m)}</span> })}
                {move || can_undo().then(|| view! {
                    " "
                    <button type="button" class="button small" on:click=undo_reset>
                        {tr(ListMsg::Undo)}
                    </button>
                })}
            </p>
        </div>
    }
}
