//! The daily ledger (`/ledger`): the staff roster with each person's observation, the gate's
//! temperature register, and today's figures with the district's daily report.
//!
//! The whole ledger is one signal (`LedgerState::ledger`); every write goes to it at once and
//! to IndexedDB in a transaction of its own (`browser::ledger_db`). When the database cannot
//! be used the page says why and keeps working in memory. The decisions (a person's
//! observation, the day's counts, search, the report's text) are the model's.

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::ledger_db::LedgerDb;
use crate::browser::split::{split_fn, ChunkError};
use crate::browser::{clock, dom, file, BrowserError};
use crate::model::guide::Guide;
use crate::model::i18n::ledger::{self as words, LedgerMsg};
use crate::model::i18n::ledger_page::{self as page_words, LedgerPageMsg};
use crate::model::i18n::{Locale, Message};
use crate::model::ledger::date::{Date, Time};
use crate::model::ledger::export::{self, Export, Sheet};
use crate::model::ledger::forms::{
    check_visit, routine_done, RoutineForm, VisitField, VisitForm, VisitProblem,
};
use crate::model::ledger::import::{self, check_form, Column, PersonForm, Preview, RowProblem};
use crate::model::ledger::record::{
    format_tenths, parse_temperature, Actions, Entry, Ledger, Reading, Round, Stamp, Stamper,
    Symptoms, TemperatureError, VisitKind, FEVER_ABOVE_TENTHS,
};
use crate::model::ledger::search::SearchIndex;
use crate::model::ledger::store::{StoreError, Stored};
use crate::model::ledger::view::{abnormal_steps, round_readings, DayView, Roster, Summary};
use crate::model::ledger::{Rules, Standing};

use crate::ui::guide::use_store;
use crate::ui::locale::{tr, use_locale};
use crate::ui::widgets::{local_text, GuideGate};

split_fn!(
    /// The ledger page, from its own wasm file in a split build.
    ledger,
    pub fn ledger_page() -> Result<AnyView, ChunkError> {
        // Untracked, as a route's view is: the page's set-up reads must not redraw it.
        Ok(untrack(|| view! { <LedgerPage/> }.into_any()))
    }
);

/// Most people the gate's search lists.
const SEARCH_LIMIT: usize = 20;

/// A write waiting for the database to open.
type Pending = Box<dyn FnOnce(Rc<LedgerDb>)>;

/// The ledger and its database, shared by the page's parts. Made by the page, outside the
/// guide's gate, so a language switch (which redraws what the gate shows) keeps it.
#[derive(Clone, Copy)]
struct LedgerState {
    ledger: RwSignal<Ledger>,
    db: StoredValue<Option<Rc<LedgerDb>>, LocalStorage>,
    /// Writes made before the database opened, stored once it has.
    pending: StoredValue<Vec<Pending>, LocalStorage>,
    /// Why the ledger is kept in memory, if it is.
    problem: RwSignal<Option<StoreError>>,
    /// Whether opening the database has finished, well or not.
    opened: RwSignal<bool>,
    stamper: StoredValue<Stamper>,
    today: Date,
}

impl LedgerState {
    fn new() -> LedgerState {
        let today = clock::today()
            .parse()
            .unwrap_or_else(|_| Date::from_ymd(2020, 2, 10).unwrap_or_default());
        LedgerState {
            ledger: RwSignal::new(Ledger::default()),
            db: StoredValue::new_local(None),
            pending: StoredValue::new_local(Vec::new()),
            problem: RwSignal::new(None),
            opened: RwSignal::new(false),
            stamper: StoredValue::new(Stamper::new(clock::random_u32())),
            today,
        }
    }

    /// Opens the database and takes in what it holds, then stores the writes made meanwhile.
    fn open(self) {
        spawn_local(async move {
            let result = match LedgerDb::open().await {
                Ok(db) => db.load().await.map(|loaded| (db, loaded)),
                Err(e) => Err(e),
            };
            match result {
                Ok((db, loaded)) => {
                    self.ledger.update(|l| {
                        l.merge(&loaded.ledger);
                    });
                    let latest = self.ledger.with_untracked(Ledger::latest_stamp);
                    self.stamper.update_value(|s| s.observe(latest));
                    let db = Rc::new(db);
                    self.db.set_value(Some(db.clone()));
                    let waiting = self
                        .pending
                        .try_update_value(std::mem::take)
                        .unwrap_or_default();
                    for write in waiting {
                        write(db.clone());
                    }
                }
                Err(e) => {
                    crate::browser::console::warn(&e.to_string());
                    self.problem.set(Some(e));
                }
            }
            self.opened.set(true);
        });
    }

    /// The stamp of a new write.
    fn stamp(self) -> Stamp {
        let now = clock::now_ms();
        self.stamper
            .try_update_value(|s| s.next(now))
            .unwrap_or_default()
    }

    /// Stores `entry` (already in the ledger signal) in a transaction of its own.
    fn store<T: Stored>(self, entry: Entry<T>) {
        self.store_many(vec![entry]);
    }

    /// Stores entries (already in the ledger signal; an import's people) in one transaction.
    fn store_many<T: Stored>(self, entries: Vec<Entry<T>>) {
        let write = move |db: Rc<LedgerDb>| {
            spawn_local(async move {
                if let Err(e) = db.put_many(&entries).await {
                    crate::browser::console::warn(&e.to_string());
                    self.problem.set(Some(e));
                }
            });
        };
        match self.db.get_value() {
            Some(db) => write(db),
            // Until the database has opened, the write waits; if it cannot open, the ledger
            // is in memory and the banner says so.
            None if !self.opened.get_untracked() => {
                self.pending.update_value(|p| p.push(Box::new(write)));
            }
            None => {}
        }
    }

    /// Takes a reading of `person` now, in `round`; returns its key.
    fn take_reading(self, person: Stamp, round: Round, tenths: u16) -> Stamp {
        let (h, m) = clock::local_hm();
        let key = self.stamp();
        let entry = Entry::new(
            key,
            Reading {
                person,
                day: self.today,
                round,
                time: Time::from_hm(h, m).unwrap_or_default(),
                tenths,
                by: String::new(),
                symptoms: Symptoms::default(),
                actions: Actions::default(),
                note: String::new(),
            },
        );
        self.ledger.update(|l| {
            l.readings.put(entry.clone());
        });
        self.store(entry);
        key
    }
}

/// The ledger page.
#[component]
pub fn LedgerPage() -> impl IntoView {
    let state = LedgerState::new();
    // Effects run only in the browser, so a page rendered on the host opens no database.
    Effect::new(move |_| state.open());
    let locale = use_locale();
    view! {
        <section class="page ledger">
            <h1>{tr(LedgerPageMsg::Title)}</h1>
            <p>{tr(LedgerPageMsg::Intro)}</p>
            {move || {
                state.problem.get().map(|problem| {
                    view! {
                        <div class="notice ledger-storage" role="alert" data-testid="ledger-storage">
                            <strong>{tr(LedgerMsg::StoreInMemory)}</strong>
                            <span>{move || words::store_error(&problem, locale.get())}</span>
                        </div>
                    }
                })
            }}
            <GuideGate render={move |guide: Arc<Guide>| view! { <LedgerBody guide state/> }}/>
        </section>
    }
}

/// Everything that needs the guide: the roster, the gate and today's figures.
#[component]
fn LedgerBody(guide: Arc<Guide>, state: LedgerState) -> impl IntoView {
    let rules = Arc::new(Rules::from_guide(&guide));
    // The routines follow the checklist's answers (no canteen, no tableware routine), as
    // they stand when the page opens.
    let answers = use_store()
        .map(|store| store.progress.with_untracked(|p| p.answers()))
        .unwrap_or_default();
    let routines: Arc<Vec<Routine>> = Arc::new(
        guide
            .ledger_routines(&answers)
            .into_iter()
            .map(|item| Routine {
                id: item.id.clone(),
                title: Signal::derive(local_text(&guide, &item.title)),
            })
            .collect(),
    );
    let day = {
        let rules = rules.clone();
        let routines = routines.clone();
        Memo::new(move |_| {
            let ids: Vec<&str> = routines.iter().map(|r| r.id.as_str()).collect();
            state.ledger.with(|l| {
                let roster = Roster::new(l, &rules);
                DayView::new(l, &rules, &roster, state.today, &ids)
            })
        })
    };
    view! {
        <Show when=move || !state.opened.get()>
            <p class="loading" role="status">{tr(LedgerPageMsg::Loading)}</p>
        </Show>
        <TodayView state day routines=routines.len()/>
        <GateRegister state day/>
        <VisitRegister state day/>
        <RoutinesView state day routines/>
        <RosterView guide=guide.clone() state rules=rules.clone()/>
        <LedgerTools state rules/>
    }
}

/// One person of the roster as the list shows them today.
#[derive(Debug, Clone, PartialEq)]
struct PersonRow {
    key: Stamp,
    name: String,
    staff_id: String,
    department: String,
    class: String,
    arrival: Option<Date>,
    standing: Standing,
    end: Option<Date>,
}

/// The roster: the form to add a person and the list with each one's observation.
#[component]
fn RosterView(guide: Arc<Guide>, state: LedgerState, rules: Arc<Rules>) -> impl IntoView {
    let locale = use_locale();
    let rows = {
        let rules = rules.clone();
        Memo::new(move |_| {
            state.ledger.with(|l| {
                let roster = Roster::new(l, &rules);
                roster
                    .people()
                    .iter()
                    .filter_map(|(key, observation)| {
                        let p = l.people.get(key)?;
                        Some(PersonRow {
                            key: *key,
                            name: p.name.clone(),
                            staff_id: p.staff_id.clone(),
                            department: p.department.clone(),
                            class: p.class.clone(),
                            arrival: p.arrival,
                            standing: observation.on(state.today, &rules),
                            end: observation.end(),
                        })
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let class_name = {
        let (guide, rules) = (guide.clone(), rules.clone());
        move |id: &str| {
            rules
                .get(id)
                .map(|r| guide.text(&r.name, locale.get()).to_string())
                .unwrap_or_else(|| id.to_string())
        }
    };
    let class_name = Arc::new(class_name);
    let header = || {
        [
            LedgerMsg::ColStaffId,
            LedgerMsg::ColName,
            LedgerMsg::ColDepartment,
            LedgerMsg::ColClass,
            LedgerMsg::ColArrival,
        ]
        .map(|m| view! { <th scope="col">{tr(m)}</th> })
    };
    view! {
        <section class="ledger-part" aria-labelledby="roster-heading" data-testid="roster-part">
            <h2 id="roster-heading">{tr(LedgerPageMsg::RosterHeading)}</h2>
            <PersonFormView guide state rules/>
            {move || {
                let rows = rows.get();
                if rows.is_empty() {
                    return view! { <p data-testid="roster-empty">{tr(LedgerPageMsg::RosterEmpty)}</p> }
                        .into_any();
                }
                let count = rows.len();
                let class_name = class_name.clone();
                let body = rows
                    .into_iter()
                    .map(|row| {
                        let class_name = class_name.clone();
                        let class = row.class.clone();
                        let standing = row.standing;
                        let days_left = match standing {
                            Standing::Observing { days_left, .. } => days_left.to_string(),
                            _ => "—".to_string(),
                        };
                        let returns = standing.returns_today();
                        view! {
                            <tr data-testid="person-row" data-staff-id=row.staff_id.clone() class:returns=returns>
                                <td>{row.staff_id.clone()}</td>
                                <th scope="row">{row.name.clone()}</th>
                                <td>{row.department.clone()}</td>
                                <td>{move || class_name(&class)}</td>
                                <td>{row.arrival.map(|d| d.to_string()).unwrap_or_default()}</td>
                                <td data-testid="standing">{move || words::standing(&standing, locale.get())}</td>
                                <td data-testid="end">{row.end.map_or_else(|| "—".to_string(), |d| d.to_string())}</td>
                                <td data-testid="days-left">{days_left}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="table-scroll" role="region" aria-labelledby="roster-caption" tabindex="0">
                        <table class="ledger-table" data-testid="roster">
                            <caption id="roster-caption">
                                {tr(LedgerPageMsg::RosterHeading)} " · "
                                {move || page_words::people_count(count, locale.get())}
                            </caption>
                            <thead>
                                <tr>
                                    {header()}
                                    <th scope="col">{tr(LedgerPageMsg::ColStatusToday)}</th>
                                    <th scope="col">{tr(LedgerMsg::ColObservationEnd)}</th>
                                    <th scope="col">{tr(LedgerPageMsg::ColDaysLeft)}</th>
                                </tr>
                            </thead>
                            <tbody>{body}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
        </section>
    }
}

/// The form's fields, by the import column each one fills.
const FIELDS: [(Column, &str); 6] = [
    (Column::Name, "person-name"),
    (Column::StaffId, "person-id"),
    (Column::Department, "person-department"),
    (Column::Class, "person-class"),
    (Column::Arrival, "person-arrival"),
    (Column::Phone, "person-phone"),
];

fn field_id(column: Column) -> &'static str {
    FIELDS
        .iter()
        .find(|(c, _)| *c == column)
        .map_or("person-name", |(_, id)| id)
}

/// Adding one person by hand, with every problem shown next to its field.
#[component]
fn PersonFormView(guide: Arc<Guide>, state: LedgerState, rules: Arc<Rules>) -> impl IntoView {
    let locale = use_locale();
    let form = RwSignal::new(PersonForm::default());
    let problems = RwSignal::new(Vec::<RowProblem>::new());
    let added = RwSignal::new(None::<String>);
    let submit = {
        let rules = rules.clone();
        move || {
            let typed = form.get_untracked();
            let checked = state
                .ledger
                .with_untracked(|l| check_form(&typed, &rules, l));
            match checked {
                Err(found) => {
                    added.set(None);
                    if let Some(first) = found.first() {
                        dom::focus_id(field_id(first.column()));
                    }
                    problems.set(found);
                }
                Ok(person) => {
                    problems.set(Vec::new());
                    let name = person.name.clone();
                    let entry = Entry::new(state.stamp(), person);
                    state.ledger.update(|l| {
                        l.people.put(entry.clone());
                    });
                    state.store(entry);
                    form.set(PersonForm::default());
                    added.set(Some(name));
                    dom::focus_id(field_id(Column::Name));
                }
            }
        }
    };
    // A text field of the form: its label, its value in `form`, and its problems.
    let field = move |column: Column,
                      label: LedgerMsg,
                      optional: bool,
                      kind: &'static str,
                      get: fn(&PersonForm) -> String,
                      set: fn(&mut PersonForm, String)| {
        let id = field_id(column);
        let error_id = format!("{id}-error");
        let error = move || {
            problems.with(|ps| {
                ps.iter()
                    .filter(|p| p.column() == column)
                    .map(|p| page_words::field_problem(p, locale.get()))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        };
        let invalid = move || problems.with(|ps| ps.iter().any(|p| p.column() == column));
        view! {
            <div class="field">
                <label for=id>
                    {tr(label)}
                    {optional.then(|| view! { " " <span class="optional">{tr(LedgerPageMsg::Optional)}</span> })}
                </label>
                <input
                    id=id
                    type=kind
                    autocomplete="off"
                    aria-invalid=move || invalid().then_some("true")
                    aria-describedby=error_id.clone()
                    prop:value=move || form.with(get)
                    on:input=move |ev| form.update(|f| set(f, event_target_value(&ev)))
                />
                <p class="field-error" id=error_id>{error}</p>
            </div>
        }
    };
    let options = rules
        .classes()
        .iter()
        .map(|rule| {
            let id = rule.id.clone();
            let selected = {
                let id = id.clone();
                move || form.with(|f| f.class == id)
            };
            view! { <option value=id selected=selected>{local_text(&guide, &rule.name)}</option> }
        })
        .collect_view();
    let class_error = move || {
        problems.with(|ps| {
            ps.iter()
                .filter(|p| p.column() == Column::Class)
                .map(|p| page_words::field_problem(p, locale.get()))
                .collect::<Vec<_>>()
                .join(" ")
        })
    };
    let class_invalid = move || problems.with(|ps| ps.iter().any(|p| p.column() == Column::Class));
    view! {
        <form
            class="ledger-form"
            aria-labelledby="add-person-heading"
            novalidate
            data-testid="person-form"
            on:submit=move |ev| {
                ev.prevent_default();
                submit();
            }
        >
            <h3 id="add-person-heading">{tr(LedgerPageMsg::AddPersonHeading)}</h3>
            {field(Column::Name, LedgerMsg::ColName, false, "text", |f| f.name.clone(), |f, v| f.name = v)}
            {field(Column::StaffId, LedgerMsg::ColStaffId, false, "text", |f| f.staff_id.clone(), |f, v| f.staff_id = v)}
            {field(Column::Department, LedgerMsg::ColDepartment, true, "text", |f| f.department.clone(), |f, v| f.department = v)}
            <div class="field">
                <label for="person-class">{tr(LedgerMsg::ColClass)}</label>
                <select
                    id="person-class"
                    aria-invalid=move || class_invalid().then_some("true")
                    aria-describedby="person-class-error"
                    on:change=move |ev| form.update(|f| f.class = event_target_value(&ev))
                    prop:value=move || form.with(|f| f.class.clone())
                >
                    <option value="" selected=move || form.with(|f| f.class.is_empty())>
                        {tr(LedgerPageMsg::ChooseClass)}
                    </option>
                    {options}
                </select>
                <p class="field-error" id="person-class-error">{class_error}</p>
            </div>
            {field(Column::Arrival, LedgerMsg::ColArrival, true, "date", |f| f.arrival.clone(), |f, v| f.arrival = v)}
            {field(Column::Phone, LedgerMsg::ColPhone, true, "tel", |f| f.phone.clone(), |f, v| f.phone = v)}
            <p class="form-problems" role="alert">
                {move || problems.with(|ps| !ps.is_empty()).then(tr(LedgerPageMsg::FormHasProblems))}
            </p>
            <button type="submit" class="button primary" data-testid="add-person">
                {tr(LedgerPageMsg::AddPerson)}
            </button>
            <p role="status" data-testid="person-added">
                {move || added.get().map(|name| page_words::person_added(&name, locale.get()))}
            </p>
        </form>
    }
}

/// The id of a person's temperature field at the gate.
fn temperature_id(person: Stamp) -> String {
    format!("gate-t-{person}")
}

/// The gate's fast entry: find a person, type the temperature, Enter, next.
#[component]
fn GateRegister(state: LedgerState, day: Memo<DayView>) -> impl IntoView {
    let locale = use_locale();
    let (h, m) = clock::local_hm();
    let round = RwSignal::new(Round::at(Time::from_hm(h, m).unwrap_or_default()));
    let query = RwSignal::new(String::new());
    // Built again only when the people change, not on each reading.
    let people = Memo::new(move |_| {
        state
            .ledger
            .with(|l| l.people.live().map(|(k, _)| k).collect::<Vec<_>>())
    });
    let index = StoredValue::new((Vec::<Stamp>::new(), Arc::new(SearchIndex::default())));
    let search = move |q: &str| -> Vec<Stamp> {
        let keys = people.get();
        let stale = index.with_value(|(k, _)| *k != keys);
        if stale {
            let built = Arc::new(state.ledger.with_untracked(SearchIndex::new));
            index.set_value((keys, built));
        }
        index.with_value(|(_, i)| {
            i.search(q, SEARCH_LIMIT)
                .into_iter()
                .map(|(k, _)| k)
                .collect()
        })
    };
    // Who the list shows: the search's matches, or everyone expected on site today.
    let shown = Memo::new(move |_| {
        let q = query.get();
        if q.trim().is_empty() {
            day.with(|d| d.expected.clone())
        } else {
            search(&q)
        }
    });
    let taken = Memo::new(move |_| {
        let round = round.get();
        state.ledger.with(|l| round_readings(l, state.today, round))
    });
    let alert = RwSignal::new(None::<Stamp>);
    let saved = RwSignal::new(None::<(String, u16)>);
    // After a saved reading, the next person: the next in the list, or after a search, the
    // search box for the next name.
    let next = move |after: Stamp| {
        if !query.get_untracked().trim().is_empty() {
            query.set(String::new());
            dom::focus_id("gate-search");
            return;
        }
        let list = shown.get_untracked();
        let following = list
            .iter()
            .position(|k| *k == after)
            .and_then(|i| list.get(i + 1));
        match following {
            Some(k) => dom::focus_id(&temperature_id(*k)),
            None => dom::focus_id("gate-search"),
        };
    };
    let on_saved = move |person: Stamp, reading: Stamp, tenths: u16| {
        let name = state
            .ledger
            .with_untracked(|l| l.people.get(&person).map(|p| p.name.clone()))
            .unwrap_or_default();
        saved.set(Some((name, tenths)));
        if tenths > FEVER_ABOVE_TENTHS {
            alert.set(Some(reading));
        }
        next(person);
    };
    let rounds = Round::ALL.map(|r| {
        let (id, label) = match r {
            Round::Morning => ("round-morning", LedgerPageMsg::RoundMorningLong),
            Round::Evening => ("round-evening", LedgerPageMsg::RoundEveningLong),
        };
        view! {
            <label class="choice" for=id>
                <input
                    type="radio"
                    name="gate-round"
                    id=id
                    prop:checked=move || round.get() == r
                    on:change=move |_| round.set(r)
                />
                {tr(label)}
            </label>
        }
    });
    view! {
        <section class="ledger-part" aria-labelledby="gate-heading" data-testid="gate">
            <h2 id="gate-heading">{tr(LedgerPageMsg::GateHeading)}</h2>
            <p>{tr(LedgerPageMsg::GateIntro)}</p>
            <fieldset class="rounds">
                <legend>{tr(LedgerPageMsg::RoundLegend)}</legend>
                {rounds}
            </fieldset>
            {move || alert.get().map(|key| view! { <AbnormalAlert state key/> })}
            <div class="field">
                <label for="gate-search">{tr(LedgerPageMsg::SearchLabel)}</label>
                <input
                    id="gate-search"
                    type="search"
                    autocomplete="off"
                    enterkeyhint="next"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            if let Some(first) = shown.get_untracked().first() {
                                dom::focus_id(&temperature_id(*first));
                            }
                        }
                    }
                />
            </div>
            <p role="status" class="gate-saved" data-testid="gate-saved">
                {move || saved.get().map(|(name, t)| page_words::reading_saved(&name, t, locale.get()))}
            </p>
            {move || {
                shown.with(|s| s.is_empty()).then(|| {
                    let empty = if query.with(|q| q.trim().is_empty()) {
                        LedgerPageMsg::NoOneExpected
                    } else {
                        LedgerPageMsg::NoMatch
                    };
                    view! { <p data-testid="gate-empty">{tr(empty)}</p> }
                })
            }}
            <ul class="gate-list" data-testid="gate-list">
                <For
                    each=move || shown.get()
                    key=|k| *k
                    children=move |person| {
                        view! { <GateRow state person round taken on_saved/> }
                    }
                />
            </ul>
        </section>
    }
}

/// One person at the gate: their temperature field, what the round has of them already,
/// and why a typed temperature was not taken.
#[component]
fn GateRow<F>(
    state: LedgerState,
    person: Stamp,
    round: RwSignal<Round>,
    taken: Memo<std::collections::BTreeMap<Stamp, (Stamp, u16)>>,
    on_saved: F,
) -> impl IntoView
where
    F: Fn(Stamp, Stamp, u16) + Copy + Send + Sync + 'static,
{
    let locale = use_locale();
    let (name, staff_id) = state
        .ledger
        .with_untracked(|l| {
            l.people
                .get(&person)
                .map(|p| (p.name.clone(), p.staff_id.clone()))
        })
        .unwrap_or_default();
    let value = RwSignal::new(String::new());
    let error = RwSignal::new(None::<TemperatureError>);
    let id = temperature_id(person);
    let error_id = format!("{id}-error");
    let save = move || match parse_temperature(&value.get_untracked()) {
        Err(e) => error.set(Some(e)),
        Ok(tenths) => {
            error.set(None);
            value.set(String::new());
            let reading = state.take_reading(person, round.get_untracked(), tenths);
            on_saved(person, reading, tenths);
        }
    };
    let label = {
        let (name, staff_id) = (name.clone(), staff_id.clone());
        move || page_words::temperature_label(&name, &staff_id, locale.get())
    };
    let status = move || match taken.with(|t| t.get(&person).map(|r| r.1)) {
        Some(tenths) => page_words::reading_taken(tenths, locale.get()),
        None => LedgerPageMsg::NotTaken.text(locale.get()).to_string(),
    };
    let high = move || taken.with(|t| t.get(&person).is_some_and(|r| r.1 > FEVER_ABOVE_TENTHS));
    view! {
        <li class="gate-row" data-testid="gate-row" data-staff-id=staff_id.clone() class:high=high>
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="text"
                inputmode="decimal"
                autocomplete="off"
                enterkeyhint="next"
                size="6"
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=error_id.clone()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                on:keydown=move |ev| {
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                        save();
                    }
                }
            />
            <button type="button" class="button small" on:click=move |_| save()>
                {tr(LedgerPageMsg::SaveReading)}
            </button>
            <span class="taken" data-testid="taken">{status}</span>
            <p class="field-error" id=error_id>
                {move || error.get().map(|e| words::temperature_error(&e, locale.get()))}
            </p>
        </li>
    }
}

/// An abnormal reading, flagged as soon as it is saved: who, how high, and the guide's steps,
/// each ticked once done (what the daily report says was done).
#[component]
fn AbnormalAlert(state: LedgerState, key: Stamp) -> impl IntoView {
    let locale = use_locale();
    let found = state.ledger.with_untracked(|l| {
        l.readings.get(&key).map(|r| {
            let who = l
                .people
                .get(&r.person)
                .map(|p| (p.name.clone(), p.staff_id.clone()))
                .unwrap_or_default();
            (who, r.tenths, r.actions)
        })
    });
    let Some(((name, staff_id), tenths, actions)) = found else {
        return ().into_any();
    };
    let steps = abnormal_steps(actions)
        .into_iter()
        .map(|(action, _)| {
            let id = format!("step-{action:?}").to_lowercase();
            let done = move || {
                state.ledger.with(|l| {
                    l.readings
                        .get(&key)
                        .is_some_and(|r| r.actions.contains(action))
                })
            };
            let toggle = move |on: bool| {
                let edited = state.ledger.with_untracked(|l| {
                    l.readings.entry(&key).and_then(|entry| {
                        let mut reading = entry.value.clone()?;
                        reading.actions = reading.actions.with(action, on);
                        Some(entry.edited(state.stamp(), Some(reading)))
                    })
                });
                if let Some(entry) = edited {
                    state.ledger.update(|l| {
                        l.readings.put(entry.clone());
                    });
                    state.store(entry);
                }
            };
            view! {
                <li>
                    <input
                        type="checkbox"
                        id=id.clone()
                        prop:checked=done
                        on:change=move |ev| toggle(event_target_checked(&ev))
                    />
                    " "
                    <label for=id>{tr(page_words::step_text(action))}</label>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="ledger-alert" role="alert" data-testid="abnormal-alert">
            <h3>{tr(LedgerMsg::AbnormalFlag)}</h3>
            <p class="who">{move || page_words::abnormal_person(&name, &staff_id, tenths, locale.get())}</p>
            <p>{tr(LedgerPageMsg::StepsHeading)}</p>
            <ol class="steps">{steps}</ol>
            <p class="hint">{tr(LedgerPageMsg::StepsHint)}</p>
        </div>
    }
    .into_any()
}

/// A daily routine the ledger records, with its title in the page's language.
#[derive(Debug, Clone, PartialEq)]
struct Routine {
    id: String,
    title: Signal<String>,
}

/// The id of a field of the visit form.
fn visit_field_id(field: VisitField) -> &'static str {
    match field {
        VisitField::Name => "visit-name",
        VisitField::Plate => "visit-plate",
        VisitField::Temperature => "visit-temperature",
    }
}

/// The visitor and vehicle register: a short form, and today's visits, each with a button to
/// mark it left.
#[component]
fn VisitRegister(state: LedgerState, day: Memo<DayView>) -> impl IntoView {
    let locale = use_locale();
    let form = RwSignal::new(VisitForm::default());
    let problems = RwSignal::new(Vec::<VisitProblem>::new());
    let now = || {
        let (h, m) = clock::local_hm();
        Time::from_hm(h, m).unwrap_or_default()
    };
    let submit = move || match check_visit(&form.get_untracked(), state.today, now()) {
        Err(found) => {
            if let Some(first) = found.first() {
                dom::focus_id(visit_field_id(first.field()));
            }
            problems.set(found);
        }
        Ok(visit) => {
            problems.set(Vec::new());
            let kind = visit.kind;
            let entry = Entry::new(state.stamp(), visit);
            state.ledger.update(|l| {
                l.visits.put(entry.clone());
            });
            state.store(entry);
            // The next one is most likely of the same kind.
            form.set(VisitForm {
                kind,
                ..VisitForm::default()
            });
            dom::focus_id(visit_field_id(match kind {
                VisitKind::Vehicle => VisitField::Plate,
                VisitKind::Visitor => VisitField::Name,
            }));
        }
    };
    let leave = move |key: Stamp| {
        let edited = state.ledger.with_untracked(|l| {
            l.visits.entry(&key).and_then(|entry| {
                let mut visit = entry.value.clone()?;
                visit.left = Some(now());
                Some(entry.edited(state.stamp(), Some(visit)))
            })
        });
        if let Some(entry) = edited {
            state.ledger.update(|l| {
                l.visits.put(entry.clone());
            });
            state.store(entry);
        }
    };
    let problem_of = move |field: VisitField| {
        move || {
            problems.with(|ps| {
                ps.iter()
                    .filter(|p| p.field() == field)
                    .map(|p| page_words::visit_problem(p, locale.get()))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        }
    };
    let invalid = move |field: VisitField| {
        move || {
            problems
                .with(|ps| ps.iter().any(|p| p.field() == field))
                .then_some("true")
        }
    };
    // A text field of the form, with its problems when it is one that can have any.
    let field = move |id: &'static str,
                      label: LedgerPageMsg,
                      optional: bool,
                      kind: &'static str,
                      checked: Option<VisitField>,
                      get: fn(&VisitForm) -> String,
                      set: fn(&mut VisitForm, String)| {
        let error_id = format!("{id}-error");
        view! {
            <div class="field">
                <label for=id>
                    {tr(label)}
                    {optional.then(|| view! { " " <span class="optional">{tr(LedgerPageMsg::Optional)}</span> })}
                </label>
                <input
                    id=id
                    type=kind
                    autocomplete="off"
                    inputmode=(id == "visit-temperature").then_some("decimal")
                    aria-invalid=move || checked.and_then(|f| invalid(f)())
                    aria-describedby=error_id.clone()
                    prop:value=move || form.with(get)
                    on:input=move |ev| form.update(|f| set(f, event_target_value(&ev)))
                />
                <p class="field-error" id=error_id>
                    {move || checked.map(|f| problem_of(f)()).unwrap_or_default()}
                </p>
            </div>
        }
    };
    let kinds = [VisitKind::Visitor, VisitKind::Vehicle].map(|kind| {
        let id = match kind {
            VisitKind::Visitor => "visit-kind-visitor",
            VisitKind::Vehicle => "visit-kind-vehicle",
        };
        view! {
            <label class="choice" for=id>
                <input
                    type="radio"
                    name="visit-kind"
                    id=id
                    prop:checked=move || form.with(|f| f.kind == kind)
                    on:change=move |_| {
                        form.update(|f| f.kind = kind);
                        problems.set(Vec::new());
                    }
                />
                {tr(words::visit_kind_name(kind))}
            </label>
        }
    });
    // A memo, so typing in a field (which changes the form) does not draw the fields anew.
    let vehicle = Memo::new(move |_| form.with(|f| f.kind == VisitKind::Vehicle));
    let row = move |key: Stamp| {
        let visit = move || state.ledger.with(|l| l.visits.get(&key).cloned());
        move || {
            visit().map(|v| {
                let l = locale.get();
                let who = page_words::visit_who(&v.name, &v.plate, l);
                let temperature = match v.tenths {
                    Some(t) => format!("{} ℃", format_tenths(t)),
                    None => LedgerPageMsg::VisitNoTemperature.text(l).to_string(),
                };
                let abnormal = v.is_abnormal();
                let details: Vec<String> = [v.from.clone(), v.purpose.clone(), v.phone.clone()]
                    .into_iter()
                    .filter(|t| !t.is_empty())
                    .collect();
                let left = v.left.map(|t| page_words::visit_left(&t.to_string(), l));
                view! {
                    <li class="visit" class:high=abnormal data-testid="visit">
                        <p>
                            <strong>{v.time.to_string()}</strong>" "
                            <span>{LedgerMsg::text(words::visit_kind_name(v.kind), l)}</span>" · "
                            <span data-testid="visit-who">{who}</span>
                            {(!details.is_empty()).then(|| view! { " · " <span>{details.join(" · ")}</span> })}
                        </p>
                        <p>
                            <span data-testid="visit-temperature">{temperature}</span>
                            {abnormal.then(|| view! { " " <strong class="flag">{LedgerPageMsg::VisitAbnormal.text(l)}</strong> })}
                            " · "
                            {match left {
                                Some(text) => view! { <span data-testid="visit-left">{text}</span> }.into_any(),
                                None => view! {
                                    <span>{LedgerPageMsg::VisitStillIn.text(l)}</span>" "
                                    <button type="button" class="button small" on:click=move |_| leave(key)>
                                        {LedgerPageMsg::VisitLeave.text(l)}
                                    </button>
                                }
                                .into_any(),
                            }}
                        </p>
                    </li>
                }
            })
        }
    };
    view! {
        <section class="ledger-part" aria-labelledby="visits-heading" data-testid="visits">
            <h2 id="visits-heading">{tr(LedgerPageMsg::VisitsHeading)}</h2>
            <p>{tr(LedgerPageMsg::VisitsIntro)}</p>
            <form
                class="ledger-form"
                aria-labelledby="visits-heading"
                novalidate
                data-testid="visit-form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    submit();
                }
            >
                <fieldset class="rounds">
                    <legend>{tr(LedgerPageMsg::VisitKindLegend)}</legend>
                    {kinds}
                </fieldset>
                {move || vehicle.get().then(|| field("visit-plate", LedgerPageMsg::VisitPlate, false, "text", Some(VisitField::Plate), |f| f.plate.clone(), |f, v| f.plate = v))}
                {move || field("visit-name", LedgerPageMsg::VisitName, vehicle.get(), "text", (!vehicle.get()).then_some(VisitField::Name), |f| f.name.clone(), |f, v| f.name = v)}
                {field("visit-from", LedgerPageMsg::VisitFrom, true, "text", None, |f| f.from.clone(), |f, v| f.from = v)}
                {field("visit-purpose", LedgerPageMsg::VisitPurpose, true, "text", None, |f| f.purpose.clone(), |f, v| f.purpose = v)}
                {field("visit-phone", LedgerPageMsg::VisitPhone, true, "tel", None, |f| f.phone.clone(), |f, v| f.phone = v)}
                {field("visit-temperature", LedgerPageMsg::VisitTemperature, false, "text", Some(VisitField::Temperature), |f| f.temperature.clone(), |f, v| f.temperature = v)}
                <p class="form-problems" role="alert">
                    {move || problems.with(|ps| !ps.is_empty()).then(tr(LedgerPageMsg::FormHasProblems))}
                </p>
                <button type="submit" class="button primary" data-testid="add-visit">{tr(LedgerPageMsg::AddVisit)}</button>
            </form>
            {move || day.with(|d| d.visits.is_empty()).then(|| view! { <p data-testid="visits-empty">{tr(LedgerPageMsg::VisitsNone)}</p> })}
            <ul class="visit-list" data-testid="visit-list">
                <For each=move || day.with(|d| d.visits.clone()) key=|k| *k children=move |key| row(key)/>
            </ul>
        </section>
    }
}

/// The day's routines: each with what was recorded of it today, and a short form to record
/// it once more (the time is the clock's; area, who and a note are optional).
#[component]
fn RoutinesView(
    state: LedgerState,
    day: Memo<DayView>,
    routines: Arc<Vec<Routine>>,
) -> impl IntoView {
    let locale = use_locale();
    // Who did it is most often the same officer: kept from one record to the next.
    let by = RwSignal::new(String::new());
    let item = move |routine: Routine| {
        let id = routine.id.clone();
        let open = RwSignal::new(false);
        let area = RwSignal::new(String::new());
        let note = RwSignal::new(String::new());
        let base = format!("routine-{id}");
        let record_id = format!("{base}-record");
        let done = {
            let id = id.clone();
            Memo::new(move |_| {
                day.with(|d| {
                    d.routines
                        .iter()
                        .find(|r| r.routine == id)
                        .map(|r| r.done.clone())
                        .unwrap_or_default()
                })
            })
        };
        let save = {
            let (id, record_id) = (id.clone(), record_id.clone());
            move || {
                let (h, m) = clock::local_hm();
                let form = RoutineForm {
                    area: area.get_untracked(),
                    by: by.get_untracked(),
                    note: note.get_untracked(),
                };
                let record = routine_done(
                    &id,
                    &form,
                    state.today,
                    Time::from_hm(h, m).unwrap_or_default(),
                );
                let entry = Entry::new(state.stamp(), record);
                state.ledger.update(|l| {
                    l.routines.put(entry.clone());
                });
                state.store(entry);
                area.set(String::new());
                note.set(String::new());
                open.set(false);
                dom::focus_id(&record_id);
            }
        };
        let count = move || {
            let n = done.with(Vec::len);
            if n == 0 {
                LedgerPageMsg::RoutineNotYet.text(locale.get()).to_string()
            } else {
                page_words::routine_count(n, locale.get())
            }
        };
        let records = move || {
            done.get()
                .into_iter()
                .filter_map(|key| state.ledger.with(|l| l.routines.get(&key).cloned()))
                .map(|r| {
                    let parts: Vec<String> = [r.time.to_string(), r.area, r.by, r.note]
                        .into_iter()
                        .filter(|t| !t.is_empty())
                        .collect();
                    view! { <li data-testid="routine-record">{parts.join(" · ")}</li> }
                })
                .collect_view()
        };
        let input_base = base.clone();
        // The form opens on its first field, so the officer types at once.
        let first_field = NodeRef::<leptos::html::Input>::new();
        Effect::new(move || {
            if let Some(field) = first_field.get() {
                let _ = field.focus();
            }
        });
        let input = move |suffix: &'static str, label: LedgerPageMsg, value: RwSignal<String>| {
            let field_id = format!("{input_base}-{suffix}");
            let node_ref = if suffix == "area" {
                first_field
            } else {
                NodeRef::new()
            };
            view! {
                <div class="field">
                    <label for=field_id.clone()>
                        {tr(label)} " " <span class="optional">{tr(LedgerPageMsg::Optional)}</span>
                    </label>
                    <input
                        id=field_id
                        type="text"
                        autocomplete="off"
                        node_ref=node_ref
                        prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev))
                    />
                </div>
            }
        };
        let form_view = {
            let save = save.clone();
            let input = input.clone();
            move || {
                open.get().then(|| {
                    let save = save.clone();
                    view! {
                        <form
                            class="ledger-form routine-form"
                            novalidate
                            on:submit=move |ev| {
                                ev.prevent_default();
                                save();
                            }
                        >
                            {input("area", LedgerPageMsg::RoutineArea, area)}
                            {input("by", LedgerPageMsg::RoutineBy, by)}
                            {input("note", LedgerPageMsg::RoutineNote, note)}
                            <button type="submit" class="button primary">{tr(LedgerPageMsg::SaveRecord)}</button>
                            <button type="button" class="button" on:click=move |_| open.set(false)>{tr(LedgerPageMsg::Cancel)}</button>
                        </form>
                    }
                })
            }
        };
        let heading_id = format!("{base}-heading");
        view! {
            <li class="routine" data-testid="routine" data-routine=id.clone()>
                <h3 id=heading_id>{move || routine.title.get()}</h3>
                <p data-testid="routine-count">{count}</p>
                <ul class="routine-records">{records}</ul>
                <button
                    type="button"
                    class="button small"
                    id=record_id
                    aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.set(true)
                >
                    {tr(LedgerPageMsg::RecordRoutine)}
                </button>
                {form_view}
            </li>
        }
    };
    view! {
        <section class="ledger-part" aria-labelledby="routines-heading" data-testid="routines">
            <h2 id="routines-heading">{tr(LedgerPageMsg::RoutinesHeading)}</h2>
            <p>{tr(LedgerPageMsg::RoutinesIntro)}</p>
            <ul class="routine-list">{routines.iter().cloned().map(item).collect_view()}</ul>
        </section>
    }
}

/// Today's figures and the district's daily report, to copy or share.
#[component]
fn TodayView(state: LedgerState, day: Memo<DayView>, routines: usize) -> impl IntoView {
    let locale = use_locale();
    let enterprise = use_store()
        .map(|store| {
            store
                .progress
                .with_untracked(|p| p.enterprise_name().to_string())
        })
        .unwrap_or_default();
    let summary =
        Memo::new(move |_| day.with(|view| state.ledger.with(|l| Summary::new(l, view, routines))));
    let text = move || summary.with(|s| words::summary_text(s, &enterprise, locale.get()));
    let count = move |testid: &'static str, label: LedgerMsg, n: Signal<usize>| {
        view! {
            <div class="count">
                <dt>{tr(label)}</dt>
                <dd data-testid=testid>{move || n.get()}</dd>
            </div>
        }
    };
    let missing_label = move || LedgerPageMsg::ColReadingsMissing.text(locale.get());
    let readings = Memo::new(move |_| day.with(DayView::readings_done));
    let outcome = RwSignal::new(None::<LedgerPageMsg>);
    let copy = {
        let text = text.clone();
        move |_| {
            let text = text();
            spawn_local(async move {
                let result = file::copy_text(&text).await;
                outcome.set(Some(match result {
                    Ok(()) => LedgerPageMsg::Copied,
                    Err(_) => LedgerPageMsg::CopyFailed,
                }));
            });
        }
    };
    let share = {
        let text = text.clone();
        move |_| {
            let text = text();
            let title = LedgerMsg::SummaryTitle.text(locale.get_untracked());
            spawn_local(async move {
                match file::share_text(title, &text).await {
                    Ok(()) => outcome.set(None),
                    // The user closed the share sheet: nothing to say.
                    Err(BrowserError::Refused(name)) if name == "AbortError" => {}
                    Err(_) => outcome.set(Some(LedgerPageMsg::ShareFailed)),
                }
            });
        }
    };
    let can_share = file::can_share();
    view! {
        <section class="ledger-part" aria-labelledby="today-heading" data-testid="today">
            <h2 id="today-heading">
                {tr(LedgerPageMsg::TodayHeading)} " · "
                {move || words::long_date(state.today, locale.get())}
            </h2>
            <dl class="ledger-counts">
                {count("count-on-site", LedgerMsg::ColOnSite, Signal::derive(move || day.with(|d| d.on_site.len())))}
                {count("count-taken", LedgerMsg::ColReadingsTaken, Signal::derive(move || readings.get().0))}
                <div class="count">
                    <dt>{missing_label}</dt>
                    <dd data-testid="count-missing">{move || { let (done, all) = readings.get(); all - done }}</dd>
                </div>
                {count("count-abnormal", LedgerMsg::ColAbnormalReadings, Signal::derive(move || day.with(|d| d.abnormal.len())))}
                {count("count-observing", LedgerMsg::ColInObservation, Signal::derive(move || day.with(|d| d.observing.len())))}
            </dl>
            <h3 id="summary-heading">{tr(LedgerMsg::SummaryTitle)}</h3>
            <p class="hint">{tr(LedgerMsg::SharePrivacy)}</p>
            <p id="summary-label" class="visually-hidden">{tr(LedgerPageMsg::SummaryLabel)}</p>
            <pre class="ledger-summary" data-testid="summary-text" tabindex="0" role="region" aria-labelledby="summary-label">
                {text.clone()}
            </pre>
            <p class="tool-row">
                <button type="button" class="button" data-testid="copy-summary" on:click=copy>
                    {tr(LedgerPageMsg::CopySummary)}
                </button>
                {can_share.then(|| view! {
                    <button type="button" class="button" data-testid="share-summary" on:click=share>
                        {tr(LedgerPageMsg::ShareSummary)}
                    </button>
                })}
            </p>
            <p role="status" data-testid="summary-outcome">{move || outcome.get().map(|m| m.text(locale.get()))}</p>
        </section>
    }
}

split_fn!(
    /// A roster file's preview. The CSV and Excel readers and the text encodings are most of
    /// the ledger's code, so they are a wasm part of their own, fetched when a file is chosen.
    ledger_files,
    fn preview_file(
        bytes: Vec<u8>,
        rules: Arc<Rules>,
        ledger: RwSignal<Ledger>,
    ) -> Result<Result<Preview, import::FileError>, ChunkError> {
        Ok(ledger.with_untracked(|l| import::preview(&bytes, &rules, l)))
    }
);

split_fn!(
    /// The export of `from` to `to` as a file: its name, bytes and type, or `None` if the
    /// workbook could not be written. In the same part as the readers.
    ledger_files,
    fn export_file(
        ledger: RwSignal<Ledger>,
        rules: Arc<Rules>,
        from: Date,
        to: Date,
        sheet: Option<Sheet>,
    ) -> Result<Option<(String, Vec<u8>, &'static str)>, ChunkError> {
        Ok(ledger.with_untracked(|ledger| {
            let job = Export {
                ledger,
                rules: &rules,
                routines: &[],
                from,
                to,
                // The district's inspectors read Simplified Chinese, the default language.
                locale: Locale::default(),
            };
            match sheet {
                None => export::xlsx(job)
                    .ok()
                    .map(|bytes| (export::file_name(from, to, "xlsx"), bytes, XLSX_MIME)),
                Some(sheet) => {
                    let kind = match sheet {
                        Sheet::Roster => "roster.csv",
                        _ => "temperatures.csv",
                    };
                    Some((export::file_name(from, to, kind), job.csv(sheet), CSV_MIME))
                }
            }
        }))
    }
);

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV_MIME: &str = "text/csv;charset=utf-8";

/// What a roster file gave: its preview to confirm, or why it was refused.
#[derive(Debug, Clone, PartialEq)]
enum Chosen {
    Preview(Preview),
    Refused(import::FileError),
    Unreadable,
    /// The file readers' wasm part could not be fetched.
    CodeMissing,
}

/// Export for the inspector, roster import with a preview, and erasing everything.
#[component]
fn LedgerTools(state: LedgerState, rules: Arc<Rules>) -> impl IntoView {
    let locale = use_locale();
    let from = RwSignal::new(state.today.add_days(-29).to_string());
    let to = RwSignal::new(state.today.to_string());
    let export_message = RwSignal::new(None::<LedgerPageMsg>);
    let export = {
        let rules = rules.clone();
        move |sheet: Option<Sheet>| {
            let (Some(start), Some(end)) = (
                Date::parse_loose(&from.get_untracked()),
                Date::parse_loose(&to.get_untracked()),
            ) else {
                export_message.set(Some(LedgerPageMsg::BadRange));
                return;
            };
            if end < start {
                export_message.set(Some(LedgerPageMsg::BadRange));
                return;
            }
            let rules = rules.clone();
            spawn_local(async move {
                let message = match export_file(state.ledger, rules, start, end, sheet).await {
                    Err(_) => Some(LedgerPageMsg::FilesCodeFailed),
                    Ok(None) => Some(LedgerPageMsg::ExportFailed),
                    Ok(Some((name, bytes, mime))) => file::download_bytes(&name, &bytes, mime)
                        .err()
                        .map(|_| LedgerPageMsg::ExportFailed),
                };
                export_message.set(message);
            });
        }
    };
    let export = Arc::new(export);
    let chosen = RwSignal::new(None::<Chosen>);
    let imported = RwSignal::new(None::<usize>);
    let on_file = {
        let rules = rules.clone();
        move |ev: leptos::ev::Event| {
            imported.set(None);
            let Some(picked) = file::take_chosen_file(&ev) else {
                return;
            };
            let rules = rules.clone();
            spawn_local(async move {
                let result = match file::read_bytes(picked, import::MAX_FILE_BYTES).await {
                    Err(_) => Chosen::Unreadable,
                    Ok(bytes) => match preview_file(bytes, rules, state.ledger).await {
                        Ok(Ok(preview)) => Chosen::Preview(preview),
                        Ok(Err(e)) => Chosen::Refused(e),
                        Err(_) => Chosen::CodeMissing,
                    },
                };
                chosen.set(Some(result));
            });
        }
    };
    let confirm = move |_| {
        let Some(Chosen::Preview(preview)) = chosen.get_untracked() else {
            return;
        };
        let now = clock::now_ms();
        let mut added = Vec::new();
        state.ledger.update(|l| {
            if let Some((entries, _skipped)) = state
                .stamper
                .try_update_value(|s| import::confirm(&preview, l, s, now))
            {
                added = entries;
            }
        });
        imported.set(Some(added.len()));
        chosen.set(None);
        if !added.is_empty() {
            state.store_many(added);
        }
    };
    let asking = RwSignal::new(false);
    let erased = RwSignal::new(false);
    let erase = move |_| {
        asking.set(false);
        let db = state.db.get_value();
        spawn_local(async move {
            if let Some(db) = db {
                if let Err(e) = db.clear().await {
                    state.problem.set(Some(e));
                    return;
                }
            }
            state.ledger.set(Ledger::default());
            erased.set(true);
        });
    };
    let export_button = move |sheet: Option<Sheet>, label: LedgerPageMsg, testid: &'static str| {
        let export = export.clone();
        view! {
            <button type="button" class="button" data-testid=testid on:click=move |_| export(sheet)>
                {tr(label)}
            </button>
        }
    };
    view! {
        <section class="ledger-part" aria-labelledby="tools-heading" data-testid="ledger-tools">
            <h2 id="tools-heading">{tr(LedgerPageMsg::ToolsHeading)}</h2>
            <h3>{tr(LedgerMsg::ExportLedger)}</h3>
            <p class="hint">{tr(LedgerMsg::ExportPrivacy)}</p>
            <div class="tool-row">
                <div class="field">
                    <label for="export-from">{tr(LedgerPageMsg::ExportFrom)}</label>
                    <input id="export-from" type="date" prop:value=move || from.get() on:input=move |ev| from.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="export-to">{tr(LedgerPageMsg::ExportTo)}</label>
                    <input id="export-to" type="date" prop:value=move || to.get() on:input=move |ev| to.set(event_target_value(&ev))/>
                </div>
            </div>
            <p class="tool-row">
                {export_button(None, LedgerPageMsg::ExportXlsx, "export-xlsx")}
                {export_button(Some(Sheet::Roster), LedgerPageMsg::ExportCsvRoster, "export-csv-roster")}
                {export_button(Some(Sheet::Temperatures), LedgerPageMsg::ExportCsvTemperatures, "export-csv-temperatures")}
            </p>
            <p role="status">{move || export_message.get().map(|m| m.text(locale.get()))}</p>

            <h3>{tr(LedgerPageMsg::ImportHeading)}</h3>
            <div class="field">
                <label for="import-file">{tr(LedgerPageMsg::ImportChoose)}</label>
                <input
                    id="import-file"
                    type="file"
                    accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    on:change=on_file
                />
            </div>
            <div role="status" data-testid="import-preview">
                {move || chosen.get().map(|c| match c {
                    Chosen::Unreadable => view! { <p>{tr(LedgerMsg::FileCorrupt)}</p> }.into_any(),
                    Chosen::CodeMissing => view! { <p>{tr(LedgerPageMsg::FilesCodeFailed)}</p> }.into_any(),
                    Chosen::Refused(e) => view! { <p>{move || words::import_error(&e, locale.get())}</p> }.into_any(),
                    Chosen::Preview(preview) => {
                        let summary = {
                            let preview = preview.clone();
                            move || words::preview_summary(&preview, locale.get())
                        };
                        let rejected = preview.rejected.clone();
                        let rows = (!rejected.is_empty()).then(|| {
                            let items = rejected
                                .into_iter()
                                .map(|row| view! { <li>{move || words::rejected_row(&row, locale.get())}</li> })
                                .collect_view();
                            view! {
                                <p>{tr(LedgerPageMsg::RejectedRows)}</p>
                                <ul data-testid="rejected-rows">{items}</ul>
                            }
                        });
                        let any = !preview.accepted.is_empty();
                        view! {
                            <p data-testid="preview-summary">{summary}</p>
                            {rows}
                            <p class="tool-row">
                                {any.then(|| view! {
                                    <button type="button" class="button primary" data-testid="import-confirm" on:click=confirm>
                                        {tr(LedgerPageMsg::ImportConfirm)}
                                    </button>
                                })}
                                <button type="button" class="button" on:click=move |_| chosen.set(None)>
                                    {tr(LedgerPageMsg::Cancel)}
                                </button>
                            </p>
                        }
                        .into_any()
                    }
                })}
                {move || imported.get().map(|n| view! { <p data-testid="imported">{move || page_words::imported(n, locale.get())}</p> })}
            </div>

            <h3>{tr(LedgerPageMsg::EraseAll)}</h3>
            {move || if asking.get() {
                view! {
                    <div class="confirm" role="alert">
                        <p>{tr(LedgerMsg::EraseQuestion)}</p>
                        <p class="tool-row">
                            <button type="button" class="button danger" data-testid="erase-confirm" on:click=erase>
                                {tr(LedgerPageMsg::EraseConfirm)}
                            </button>
                            <button type="button" class="button" on:click=move |_| asking.set(false)>
                                {tr(LedgerPageMsg::Cancel)}
                            </button>
                        </p>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <p>
                        <button type="button" class="button" data-testid="erase-all" on:click=move |_| { erased.set(false); asking.set(true); }>
                            {tr(LedgerPageMsg::EraseAll)}
                        </button>
                    </p>
                }
                .into_any()
            }}
            <p role="status" data-testid="erased">{move || erased.get().then(tr(LedgerPageMsg::Erased))}</p>
        </section>
    }
}
