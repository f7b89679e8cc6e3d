//! What the ledger's pages show: the roster with each person's standing, the day view, the
//! calendar's completeness per day, the 30-day series and the daily summary's figures.
//!
//! `Roster` works out every person's observation once; the views then only look up standings
//! and walk the day's records, which the registers index by day, so a day costs the same
//! whatever the size of the rest of the ledger.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::class::{Observation, ObservationKind, Rules, Standing};
use super::date::Date;
use super::record::{Action, Actions, Ledger, Person, Reading, Round, Stamp};

/// The live people of a ledger with their observations, ordered by staff id.
#[derive(Debug, Clone, Default)]
pub struct Roster {
    people: Vec<(Stamp, Observation)>,
    index: HashMap<Stamp, usize>,
}

impl Roster {
    pub fn new(ledger: &Ledger, rules: &Rules) -> Roster {
        let mut people: Vec<(Stamp, &Person)> = ledger.people.live().collect();
        people.sort_by(|a, b| natural(&a.1.staff_id, &b.1.staff_id).then(a.0.cmp(&b.0)));
        let people: Vec<(Stamp, Observation)> = people
            .into_iter()
            .map(|(k, p)| (k, Observation::of(p, rules)))
            .collect();
        let index = people
            .iter()
            .enumerate()
            .map(|(i, (k, _))| (*k, i))
            .collect();
        Roster { people, index }
    }

    /// Everyone, by staff id.
    pub fn people(&self) -> &[(Stamp, Observation)] {
        &self.people
    }

    pub fn observation(&self, person: &Stamp) -> Option<&Observation> {
        self.index.get(person).map(|&i| &self.people[i].1)
    }

    pub fn len(&self) -> usize {
        self.people.len()
    }

    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
    }
}

/// Staff ids compared with their runs of digits as numbers, so E2 comes before E10.
pub fn natural(a: &str, b: &str) -> std::cmp::Ordering {
    fn chunks(s: &str) -> Vec<(bool, &str)> {
        let mut out = Vec::new();
        let mut start = 0;
        let mut digit = None;
        for (i, c) in s.char_indices() {
            let d = c.is_ascii_digit();
            if digit.is_some_and(|p| p != d) {
                out.push((digit == Some(true), &s[start..i]));
                start = i;
            }
            digit = Some(d);
        }
        if start < s.len() {
            out.push((digit == Some(true), &s[start..]));
        }
        out
    }
    let (ca, cb) = (chunks(a), chunks(b));
    for (x, y) in ca.iter().zip(&cb) {
        let order = match (x, y) {
            ((true, x), (true, y)) => {
                let (tx, ty) = (x.trim_start_matches('0'), y.trim_start_matches('0'));
                tx.len().cmp(&ty.len()).then(tx.cmp(ty))
            }
            ((_, x), (_, y)) => x.to_lowercase().cmp(&y.to_lowercase()),
        };
        if order.is_ne() {
            return order;
        }
    }
    ca.len().cmp(&cb.len()).then(a.cmp(b))
}

/// One round of the gate register on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundView {
    pub round: Round,
    /// People who need a reading in this round.
    pub required: Vec<Stamp>,
    /// People with at least one reading in this round (whether required or not).
    pub taken: Vec<Stamp>,
    /// People who need a reading in this round and have none yet.
    pub missing: Vec<Stamp>,
}

/// What needs the officer's attention in a person's file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileProblem {
    /// The class is not one of the guide's.
    UnknownClass,
    /// The class has an observation and no arrival date.
    DateMissing,
}

/// One daily routine on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutineView {
    pub routine: String,
    /// The records of it that day, in the order they were written.
    pub done: Vec<Stamp>,
}

/// One day of the ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayView {
    pub date: Date,
    /// People who may be on site this day.
    pub expected: Vec<Stamp>,
    /// People who may be on site and were checked at the gate: those on site.
    pub on_site: Vec<Stamp>,
    /// People in observation, on site or not, with its kind and days left.
    pub observing: Vec<(Stamp, ObservationKind, u16)>,
    /// People who may return to work this day (first day after observation, or arrival).
    pub returned: Vec<Stamp>,
    /// People the roster has not in Xiamen yet.
    pub not_arrived: Vec<Stamp>,
    pub problems: Vec<(Stamp, FileProblem)>,
    pub rounds: [RoundView; 2],
    /// Readings above 37.3 °C or with symptoms, in the order taken.
    pub abnormal: Vec<Stamp>,
    /// Readings of people who may not be on site this day: they came to the gate while in
    /// an observation that keeps them away (or are not in Xiamen by the roster).
    pub off_site: Vec<Stamp>,
    pub routines: Vec<RoutineView>,
    /// Visitors and vehicles.
    pub visits: Vec<Stamp>,
    /// Visitors or vehicles with an abnormal temperature.
    pub abnormal_visits: Vec<Stamp>,
}

impl DayView {
    /// The day's view. `routines` are the ids of the guide's daily routine items, in the
    /// guide's order; records of other routines are listed after them.
    pub fn new(
        ledger: &Ledger,
        rules: &Rules,
        roster: &Roster,
        date: Date,
        routines: &[&str],
    ) -> DayView {
        let mut view = DayView {
            date,
            expected: Vec::new(),
            on_site: Vec::new(),
            observing: Vec::new(),
            returned: Vec::new(),
            not_arrived: Vec::new(),
            problems: Vec::new(),
            rounds: Round::ALL.map(|round| RoundView {
                round,
                required: Vec::new(),
                taken: Vec::new(),
                missing: Vec::new(),
            }),
            abnormal: Vec::new(),
            off_site: Vec::new(),
            routines: Vec::new(),
            visits: Vec::new(),
            abnormal_visits: Vec::new(),
        };
        let mut standings: HashMap<Stamp, Standing> = HashMap::with_capacity(roster.len());
        for (key, observation) in roster.people() {
            let standing = observation.on(date, rules);
            standings.insert(*key, standing);
            match standing {
                Standing::UnknownClass => view.problems.push((*key, FileProblem::UnknownClass)),
                Standing::DateMissing { .. } => {
                    view.problems.push((*key, FileProblem::DateMissing))
                }
                Standing::NotArrived { .. } => view.not_arrived.push(*key),
                Standing::Observing {
                    kind, days_left, ..
                } => view.observing.push((*key, kind, days_left)),
                Standing::Clear { .. } => {}
            }
            if standing.returns_today() {
                view.returned.push(*key);
            }
            if standing.may_be_on_site() {
                view.expected.push(*key);
            }
            let needed = standing.readings();
            for round in Round::ALL {
                if needed > round.index() as u8 {
                    view.rounds[round.index()].required.push(*key);
                }
            }
        }
        let mut taken: [BTreeSet<Stamp>; 2] = [BTreeSet::new(), BTreeSet::new()];
        let mut readings: Vec<(Stamp, &Reading)> = ledger.readings.on(date).collect();
        readings.sort_by_key(|(k, r)| (r.time, *k));
        for (key, reading) in readings {
            let Some(standing) = standings.get(&reading.person) else {
                continue;
            };
            taken[reading.round.index()].insert(reading.person);
            if reading.needs_action() {
                view.abnormal.push(key);
            }
            if !standing.may_be_on_site() && !matches!(standing, Standing::UnknownClass) {
                view.off_site.push(key);
            }
        }
        let checked: BTreeSet<Stamp> = taken[0].union(&taken[1]).copied().collect();
        view.on_site = view
            .expected
            .iter()
            .filter(|k| checked.contains(k))
            .copied()
            .collect();
        for (round, taken) in view.rounds.iter_mut().zip(&taken) {
            round.missing = round
                .required
                .iter()
                .filter(|k| !taken.contains(k))
                .copied()
                .collect();
            round.taken = roster
                .people()
                .iter()
                .map(|(k, _)| *k)
                .filter(|k| taken.contains(k))
                .collect();
        }
        let mut by_routine: BTreeMap<&str, Vec<(Stamp, _)>> = BTreeMap::new();
        for (key, done) in ledger.routines.on(date) {
            by_routine
                .entry(done.routine.as_str())
                .or_default()
                .push((key, done.time));
        }
        let mut order: Vec<&str> = routines.to_vec();
        order.extend(by_routine.keys().filter(|r| !routines.contains(r)));
        for routine in order {
            let mut done = by_routine.remove(routine).unwrap_or_default();
            done.sort_by_key(|(k, time)| (*time, *k));
            view.routines.push(RoutineView {
                routine: routine.to_string(),
                done: done.into_iter().map(|(k, _)| k).collect(),
            });
        }
        let mut visits: Vec<_> = ledger.visits.on(date).collect();
        visits.sort_by_key(|(k, v)| (v.time, *k));
        for (key, visit) in visits {
            view.visits.push(key);
            if visit.is_abnormal() {
                view.abnormal_visits.push(key);
            }
        }
        view
    }

    /// Readings required in both rounds, and how many of them were taken.
    pub fn readings_done(&self) -> (usize, usize) {
        let required = self.rounds.iter().map(|r| r.required.len()).sum();
        let missing: usize = self.rounds.iter().map(|r| r.missing.len()).sum();
        (required - missing, required)
    }

    /// Routines expected this day that have at least one record, and how many are expected.
    pub fn routines_done(&self, expected: usize) -> (usize, usize) {
        let done = self
            .routines
            .iter()
            .take(expected)
            .filter(|r| !r.done.is_empty())
            .count();
        (done, expected)
    }
}

/// How complete a past day's registers are, for the calendar's colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completeness {
    /// Nothing recorded.
    Empty,
    /// Something recorded, something missing.
    Partial,
    /// Every required reading taken and every routine done.
    Complete,
}

/// One day of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayMark {
    pub date: Date,
    pub readings_taken: usize,
    pub readings_required: usize,
    pub routines_done: usize,
    pub routines_expected: usize,
    /// Abnormal readings that day (people and visitors).
    pub abnormal: usize,
    pub completeness: Completeness,
}

/// A day's counts, for the calendar and the series, without the lists the day view keeps.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    required: usize,
    taken: usize,
    on_site: usize,
    in_observation: usize,
    abnormal: usize,
    abnormal_visits: usize,
    routines_done: usize,
    anything: bool,
}

/// Counts one day. `standings` and `seen` are scratch space reused across days.
fn tally(
    ledger: &Ledger,
    rules: &Rules,
    roster: &Roster,
    date: Date,
    routines: &[&str],
    standings: &mut Vec<Standing>,
    seen: &mut Vec<[bool; 2]>,
) -> Tally {
    let mut t = Tally::default();
    standings.clear();
    standings.extend(roster.people().iter().map(|(_, o)| o.on(date, rules)));
    seen.clear();
    seen.resize(standings.len(), [false; 2]);
    for standing in standings.iter() {
        t.required += usize::from(standing.readings());
        t.in_observation += usize::from(standing.is_observing());
    }
    for (_, reading) in ledger.readings.on(date) {
        let Some(&i) = roster.index.get(&reading.person) else {
            continue;
        };
        t.anything = true;
        t.abnormal += usize::from(reading.needs_action());
        let standing = &standings[i];
        let round = reading.round.index();
        let first_of_day = seen[i] == [false; 2];
        if !seen[i][round] {
            seen[i][round] = true;
            t.taken += usize::from(standing.readings() > round as u8);
        }
        if first_of_day && standing.may_be_on_site() {
            t.on_site += 1;
        }
    }
    let mut done = vec![false; routines.len()];
    for (_, record) in ledger.routines.on(date) {
        t.anything = true;
        if let Some(i) = routines.iter().position(|r| *r == record.routine) {
            done[i] = true;
        }
    }
    t.routines_done = done.iter().filter(|d| **d).count();
    for (_, visit) in ledger.visits.on(date) {
        t.anything = true;
        t.abnormal_visits += usize::from(visit.is_abnormal());
    }
    t
}

/// The calendar from `from` to `to`, both included (empty if `to` is before `from`).
pub fn calendar(
    ledger: &Ledger,
    rules: &Rules,
    roster: &Roster,
    from: Date,
    to: Date,
    routines: &[&str],
) -> Vec<DayMark> {
    let (mut standings, mut seen) = (Vec::new(), Vec::new());
    days(from, to)
        .map(|date| {
            let t = tally(
                ledger,
                rules,
                roster,
                date,
                routines,
                &mut standings,
                &mut seen,
            );
            let completeness = if !t.anything {
                Completeness::Empty
            } else if t.taken == t.required && t.routines_done == routines.len() {
                Completeness::Complete
            } else {
                Completeness::Partial
            };
            DayMark {
                date,
                readings_taken: t.taken,
                readings_required: t.required,
                routines_done: t.routines_done,
                routines_expected: routines.len(),
                abnormal: t.abnormal + t.abnormal_visits,
                completeness,
            }
        })
        .collect()
}

/// One day of the 30-day chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayCounts {
    pub date: Date,
    pub on_site: usize,
    pub in_observation: usize,
    /// Readings above 37.3 °C or with symptoms (people only).
    pub abnormal: usize,
}

/// The counts of the `days` days that end with `last`.
pub fn series(
    ledger: &Ledger,
    rules: &Rules,
    roster: &Roster,
    last: Date,
    days: u16,
) -> Vec<DayCounts> {
    let first = last.add_days(1 - i32::from(days.max(1)));
    let (mut standings, mut seen) = (Vec::new(), Vec::new());
    self::days(first, last)
        .map(|date| {
            let t = tally(ledger, rules, roster, date, &[], &mut standings, &mut seen);
            DayCounts {
                date,
                on_site: t.on_site,
                in_observation: t.in_observation,
                abnormal: t.abnormal,
            }
        })
        .collect()
}

fn days(from: Date, to: Date) -> impl Iterator<Item = Date> {
    let n = to.days_since(from).max(-1) + 1;
    (0..n).map(move |i| from.add_days(i))
}

/// One abnormal reading in the daily summary: who, when, how high, and what was done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AbnormalLine {
    pub name: String,
    pub staff_id: String,
    pub round: Round,
    pub tenths: u16,
    pub symptoms: super::record::Symptoms,
    pub actions: Actions,
    pub note: String,
}

/// The figures of the daily summary for the district.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub date: Date,
    pub staff: usize,
    pub on_site: usize,
    pub returned: usize,
    /// People in observation, per kind, in the order of `ObservationKind`.
    pub observing: Vec<(ObservationKind, usize)>,
    pub abnormal: Vec<AbnormalLine>,
    pub visitors: usize,
    pub abnormal_visitors: usize,
    pub routines_done: usize,
    pub routines_expected: usize,
}

impl Summary {
    pub fn new(ledger: &Ledger, view: &DayView, routines_expected: usize) -> Summary {
        let mut observing: Vec<(ObservationKind, usize)> = Vec::new();
        for kind in [
            ObservationKind::Centralised,
            ObservationKind::Home,
            ObservationKind::Supervised,
            ObservationKind::SelfObservation,
        ] {
            let n = view.observing.iter().filter(|(_, k, _)| *k == kind).count();
            if n > 0 {
                observing.push((kind, n));
            }
        }
        let abnormal = view
            .abnormal
            .iter()
            .filter_map(|k| ledger.readings.get(k))
            .map(|r| {
                let person = ledger.people.get(&r.person);
                AbnormalLine {
                    name: person.map(|p| p.name.clone()).unwrap_or_default(),
                    staff_id: person.map(|p| p.staff_id.clone()).unwrap_or_default(),
                    round: r.round,
                    tenths: r.tenths,
                    symptoms: r.symptoms,
                    actions: r.actions,
                    note: r.note.clone(),
                }
            })
            .collect();
        let (routines_done, routines_expected) = view.routines_done(routines_expected);
        Summary {
            date: view.date,
            staff: ledger.people.len(),
            on_site: view.on_site.len(),
            returned: view.returned.len(),
            observing,
            abnormal,
            visitors: view.visits.len(),
            abnormal_visitors: view.abnormal_visits.len(),
            routines_done,
            routines_expected,
        }
    }

    pub fn in_observation(&self) -> usize {
        self.observing.iter().map(|(_, n)| n).sum()
    }
}

/// The latest reading of each person in `round` on `day`, as (the reading's key, tenths of
/// a degree): what the gate register shows next to each name.
pub fn round_readings(ledger: &Ledger, day: Date, round: Round) -> BTreeMap<Stamp, (Stamp, u16)> {
    let mut latest: BTreeMap<Stamp, (super::date::Time, Stamp, u16)> = BTreeMap::new();
    for (key, reading) in ledger.readings.on(day) {
        if reading.round != round {
            continue;
        }
        let this = (reading.time, key, reading.tenths);
        latest
            .entry(reading.person)
            .and_modify(|held| {
                if (this.0, this.1) > (held.0, held.1) {
                    *held = this;
                }
            })
            .or_insert(this);
    }
    latest
        .into_iter()
        .map(|(person, (_, key, tenths))| (person, (key, tenths)))
        .collect()
}

/// The steps the guide gives for an abnormal reading, in order, with whether each was done:
/// the flowchart's isolation → CDC → fever clinic route, then the tracing of contacts.
pub fn abnormal_steps(done: Actions) -> [(Action, bool); 4] {
    [
        Action::Isolated,
        Action::ReportedCdc,
        Action::FeverClinic,
        Action::ContactsTraced,
    ]
    .map(|a| (a, done.contains(a)))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::ledger::class::tests::sample_rules;
    use crate::ledger::date::Time;
    use crate::ledger::record::{Entry, Person, RoutineDone, Stamper, Symptom, Symptoms, Visit};

    pub fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    pub struct Fixture {
        pub ledger: Ledger,
        pub stamper: Stamper,
        pub now: u64,
    }

    impl Fixture {
        pub fn new() -> Fixture {
            Fixture {
                ledger: Ledger::default(),
                stamper: Stamper::new(1),
                now: 1_000,
            }
        }

        fn stamp(&mut self) -> Stamp {
            self.now += 1;
            self.stamper.next(self.now)
        }

        pub fn person(
            &mut self,
            id: &str,
            name: &str,
            class: &str,
            arrival: Option<&str>,
        ) -> Stamp {
            let key = self.stamp();
            self.ledger.people.put(Entry::new(
                key,
                Person {
                    name: name.into(),
                    staff_id: id.into(),
                    department: "生产部".into(),
                    class: class.into(),
                    arrival: arrival.map(day),
                    phone: String::new(),
                },
            ));
            key
        }

        pub fn reading(&mut self, person: Stamp, d: &str, round: Round, tenths: u16) -> Stamp {
            let key = self.stamp();
            let time = match round {
                Round::Morning => Time::from_hm(8, 0),
                Round::Evening => Time::from_hm(18, 0),
            }
            .unwrap();
            self.ledger.readings.put(Entry::new(
                key,
                Reading {
                    person,
                    day: day(d),
                    round,
                    time,
                    tenths,
                    by: "门卫".into(),
                    symptoms: Symptoms::default(),
                    actions: Actions::default(),
                    note: String::new(),
                },
            ));
            key
        }

        pub fn routine(&mut self, routine: &str, d: &str) -> Stamp {
            let key = self.stamp();
            self.ledger.routines.put(Entry::new(
                key,
                RoutineDone {
                    routine: routine.into(),
                    area: "车间".into(),
                    day: day(d),
                    time: Time::from_hm(9, 0).unwrap(),
                    by: "保洁".into(),
                    note: String::new(),
                },
            ));
            key
        }
    }

    #[test]
    fn the_gate_shows_each_persons_latest_reading_of_the_round() {
        let mut f = Fixture::new();
        let a = f.person("E1", "张三", "stayed_xiamen", None);
        let b = f.person("E2", "李四", "stayed_xiamen", None);
        f.reading(a, "2020-02-10", Round::Morning, 365);
        let again = f.reading(a, "2020-02-10", Round::Morning, 381);
        f.reading(b, "2020-02-10", Round::Evening, 366);
        f.reading(b, "2020-02-11", Round::Morning, 367);
        let morning = round_readings(&f.ledger, day("2020-02-10"), Round::Morning);
        assert_eq!(morning.len(), 1);
        assert_eq!(morning.get(&a), Some(&(again, 381)));
        let evening = round_readings(&f.ledger, day("2020-02-10"), Round::Evening);
        assert_eq!(evening.get(&b).map(|r| r.1), Some(366));
    }

    const ROUTINES: &[&str] = &["daily-disinfection", "daily-ventilation"];

    #[test]
    fn the_day_view_counts_who_is_where() {
        let rules = sample_rules();
        let mut f = Fixture::new();
        let stayed = f.person("E1", "张三", "stayed_xiamen", None);
        let supervised = f.person("E2", "李四", "outside_fujian", Some("2020-02-05"));
        let hubei = f.person("E10", "王五", "hubei", Some("2020-02-01"));
        let back = f.person("E3", "赵六", "key_area", Some("2020-01-27"));
        let later = f.person("E4", "钱七", "outside_xiamen", Some("2020-02-20"));
        let undated = f.person("E5", "孙八", "key_area", None);
        let unknown = f.person("E6", "周九", "martian", None);
        let d = "2020-02-10";
        f.reading(stayed, d, Round::Morning, 364);
        f.reading(supervised, d, Round::Morning, 366);
        let hot = f.reading(supervised, d, Round::Evening, 378);
        let came_anyway = f.reading(hubei, d, Round::Morning, 365);
        f.routine("daily-disinfection", d);
        f.routine("canteen-extra", d);
        let roster = Roster::new(&f.ledger, &rules);
        assert_eq!(
            roster.people().iter().map(|(k, _)| *k).collect::<Vec<_>>(),
            [stayed, supervised, back, later, undated, unknown, hubei],
            "staff ids in natural order"
        );
        let view = DayView::new(&f.ledger, &rules, &roster, day(d), ROUTINES);
        // Key area from 01-27: 14 days end 02-09, so 02-10 is the first day back.
        assert_eq!(view.returned, [back]);
        assert_eq!(view.expected, [stayed, supervised, back]);
        assert_eq!(view.on_site, [stayed, supervised]);
        assert_eq!(
            view.observing,
            [
                (supervised, ObservationKind::Supervised, 9),
                (hubei, ObservationKind::Centralised, 5)
            ]
        );
        assert_eq!(view.not_arrived, [later]);
        assert_eq!(
            view.problems,
            [
                (undated, FileProblem::DateMissing),
                (unknown, FileProblem::UnknownClass)
            ]
        );
        assert_eq!(view.rounds[0].required, [stayed, supervised, back]);
        assert_eq!(view.rounds[0].missing, [back]);
        assert_eq!(view.rounds[0].taken, [stayed, supervised, hubei]);
        assert_eq!(
            view.rounds[1].required,
            [supervised],
            "two readings in observation"
        );
        assert!(view.rounds[1].missing.is_empty());
        assert_eq!(view.abnormal, [hot]);
        assert_eq!(view.off_site, [came_anyway]);
        assert_eq!(view.readings_done(), (3, 4));
        assert_eq!(
            view.routines
                .iter()
                .map(|r| (r.routine.as_str(), r.done.len()))
                .collect::<Vec<_>>(),
            [
                ("daily-disinfection", 1),
                ("daily-ventilation", 0),
                ("canteen-extra", 1)
            ]
        );
        assert_eq!(view.routines_done(ROUTINES.len()), (1, 2));
    }

    #[test]
    fn the_calendar_colours_days_by_completeness() {
        let rules = sample_rules();
        let mut f = Fixture::new();
        let a = f.person("E1", "张三", "stayed_xiamen", None);
        f.reading(a, "2020-02-10", Round::Morning, 365);
        for r in ROUTINES {
            f.routine(r, "2020-02-10");
        }
        f.routine(ROUTINES[0], "2020-02-11");
        let roster = Roster::new(&f.ledger, &rules);
        let marks = calendar(
            &f.ledger,
            &rules,
            &roster,
            day("2020-02-10"),
            day("2020-02-12"),
            ROUTINES,
        );
        assert_eq!(
            marks.iter().map(|m| m.completeness).collect::<Vec<_>>(),
            [
                Completeness::Complete,
                Completeness::Partial,
                Completeness::Empty
            ]
        );
        assert_eq!(
            (marks[1].readings_taken, marks[1].readings_required),
            (0, 1)
        );
        assert_eq!((marks[1].routines_done, marks[1].routines_expected), (1, 2));
        assert!(calendar(
            &f.ledger,
            &rules,
            &roster,
            day("2020-02-12"),
            day("2020-02-10"),
            ROUTINES
        )
        .is_empty());
    }

    #[test]
    fn the_series_counts_each_day() {
        let rules = sample_rules();
        let mut f = Fixture::new();
        let a = f.person("E1", "张三", "outside_fujian", Some("2020-02-01"));
        let b = f.person("E2", "李四", "stayed_xiamen", None);
        f.reading(a, "2020-02-14", Round::Morning, 380);
        f.reading(a, "2020-02-14", Round::Evening, 366);
        f.reading(b, "2020-02-15", Round::Morning, 365);
        let roster = Roster::new(&f.ledger, &rules);
        let s = series(&f.ledger, &rules, &roster, day("2020-02-15"), 30);
        assert_eq!(s.len(), 30);
        assert_eq!(s[0].date, day("2020-01-17"));
        assert_eq!(
            (s[0].on_site, s[0].in_observation, s[0].abnormal),
            (0, 0, 0),
            "before arrival"
        );
        let last_day = s[28];
        assert_eq!(last_day.date, day("2020-02-14"));
        assert_eq!(
            (last_day.on_site, last_day.in_observation, last_day.abnormal),
            (1, 1, 1)
        );
        assert_eq!(
            (s[29].on_site, s[29].in_observation, s[29].abnormal),
            (1, 0, 0)
        );
    }

    #[test]
    fn the_summary_lists_abnormal_readings_with_what_was_done() {
        let rules = sample_rules();
        let mut f = Fixture::new();
        let a = f.person("E1", "张三", "outside_fujian", Some("2020-02-05"));
        let b = f.person("E2", "李四", "key_area", Some("2020-02-01"));
        let hot = f.reading(a, "2020-02-10", Round::Morning, 381);
        let entry = f.ledger.readings.entry(&hot).unwrap().clone();
        let mut reading = entry.value.clone().unwrap();
        reading.actions = Actions::of(&[Action::Isolated, Action::ReportedCdc]);
        reading.symptoms = Symptoms::of(&[Symptom::Cough]);
        let at = f.stamp();
        f.ledger.readings.put(entry.edited(at, Some(reading)));
        let key = f.stamp();
        f.ledger.visits.put(Entry::new(
            key,
            Visit {
                day: day("2020-02-10"),
                name: "送货司机".into(),
                tenths: Some(375),
                ..Visit::default()
            },
        ));
        let roster = Roster::new(&f.ledger, &rules);
        let view = DayView::new(&f.ledger, &rules, &roster, day("2020-02-10"), ROUTINES);
        let summary = Summary::new(&f.ledger, &view, ROUTINES.len());
        assert_eq!(summary.staff, 2);
        assert_eq!(summary.on_site, 1);
        assert_eq!(
            summary.observing,
            [(ObservationKind::Home, 1), (ObservationKind::Supervised, 1)]
        );
        assert_eq!(summary.in_observation(), 2);
        assert_eq!(summary.abnormal.len(), 1);
        assert_eq!(summary.abnormal[0].staff_id, "E1");
        assert_eq!((summary.visitors, summary.abnormal_visitors), (1, 1));
        assert_eq!(
            abnormal_steps(summary.abnormal[0].actions),
            [
                (Action::Isolated, true),
                (Action::ReportedCdc, true),
                (Action::FeverClinic, false),
                (Action::ContactsTraced, false)
            ]
        );
        let _ = b;
    }

    #[test]
    fn the_calendar_and_series_count_as_the_day_view_does() {
        let rules = sample_rules();
        let mut f = Fixture::new();
        let classes = [
            "stayed_xiamen",
            "outside_fujian",
            "hubei",
            "key_area",
            "general_contact",
        ];
        let mut people = Vec::new();
        for i in 0..25 {
            let class = classes[i % classes.len()];
            let arrival = (class != "stayed_xiamen").then(|| format!("2020-02-{:02}", 1 + i % 9));
            people.push(f.person(&format!("E{i}"), "某", class, arrival.as_deref()));
        }
        for d in 1..=20 {
            let date = format!("2020-02-{d:02}");
            for (i, p) in people.iter().enumerate() {
                if (i + d) % 4 != 0 {
                    f.reading(*p, &date, Round::Morning, 360 + (i % 20) as u16);
                }
                if (i + d) % 3 == 0 {
                    f.reading(*p, &date, Round::Evening, 365);
                    // A second reading in the same round (a re-check) counts once.
                    f.reading(*p, &date, Round::Evening, 366);
                }
            }
            if d % 2 == 0 {
                f.routine(ROUTINES[0], &date);
            }
        }
        let roster = Roster::new(&f.ledger, &rules);
        let (from, to) = (day("2020-01-30"), day("2020-02-22"));
        let marks = calendar(&f.ledger, &rules, &roster, from, to, ROUTINES);
        let counts = series(&f.ledger, &rules, &roster, to, 24);
        assert_eq!(marks.len(), 24);
        for (mark, count) in marks.iter().zip(&counts) {
            let view = DayView::new(&f.ledger, &rules, &roster, mark.date, ROUTINES);
            assert_eq!(
                (mark.readings_taken, mark.readings_required),
                view.readings_done(),
                "{}",
                mark.date
            );
            assert_eq!(
                (mark.routines_done, mark.routines_expected),
                view.routines_done(ROUTINES.len())
            );
            assert_eq!(
                mark.abnormal,
                view.abnormal.len() + view.abnormal_visits.len()
            );
            assert_eq!(count.date, mark.date);
            assert_eq!(count.on_site, view.on_site.len(), "{}", mark.date);
            assert_eq!(count.in_observation, view.observing.len());
            assert_eq!(count.abnormal, view.abnormal.len());
        }
    }

    #[test]
    fn staff_ids_sort_naturally() {
        let mut ids = vec!["E10", "e2", "E1", "A", "E01", "10", "9"];
        ids.sort_by(|a, b| natural(a, b));
        assert_eq!(ids, ["9", "10", "A", "E01", "E1", "e2", "E10"]);
    }
}
