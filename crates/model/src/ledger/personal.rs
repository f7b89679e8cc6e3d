//! An employee's own 14-day record on their phone: class and arrival date give the end of
//! the observation and a countdown; each day has a morning and an evening temperature and
//! the symptoms noted with them.
//!
//! The employee's phone keeps a ledger of one person, themselves, so the record is stored,
//! exported and merged like the enterprise's.

use super::class::{Observation, Rules, Standing};
use super::date::Date;
use super::record::{Ledger, Reading, Round, Stamp, Symptoms};

/// Days the record shows when the class has no observation, or no arrival date is known.
pub const RECORD_DAYS: u16 = 14;

/// One reading in the personal record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Taken {
    pub key: Stamp,
    pub tenths: u16,
    pub symptoms: Symptoms,
    pub abnormal: bool,
}

/// One day of the personal record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonalDay {
    pub date: Date,
    /// 1 for the first day of the record.
    pub number: u16,
    /// The latest reading of each round.
    pub morning: Option<Taken>,
    pub evening: Option<Taken>,
    pub is_today: bool,
    pub is_future: bool,
}

impl PersonalDay {
    pub fn abnormal(&self) -> bool {
        self.morning
            .is_some_and(|t| t.abnormal || !t.symptoms.is_empty())
            || self
                .evening
                .is_some_and(|t| t.abnormal || !t.symptoms.is_empty())
    }

    /// Rounds of a past or present day with no reading (the evening is not missing until
    /// the day is over: the caller's `today` decides).
    pub fn missing(&self) -> Vec<Round> {
        if self.is_future {
            return Vec::new();
        }
        let mut out = Vec::new();
        if self.morning.is_none() {
            out.push(Round::Morning);
        }
        if self.evening.is_none() && !self.is_today {
            out.push(Round::Evening);
        }
        out
    }
}

/// The record of one person as of `today`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonalRecord {
    pub observation: Observation,
    pub today: Standing,
    /// The last day of observation, if there is one.
    pub end: Option<Date>,
    /// The first day back at work without restriction, when it can be known.
    pub back_at_work: Option<Date>,
    /// Days of observation left, including today; 0 once it is over.
    pub days_left: Option<u16>,
    pub days: Vec<PersonalDay>,
}

impl PersonalRecord {
    /// The record of `person` (a key of `ledger.people`), or `None` if there is no such
    /// person. Days run from the arrival date for the length of the observation (at least
    /// 14); without an arrival date, the 14 days ending today.
    pub fn new(
        ledger: &Ledger,
        rules: &Rules,
        person: Stamp,
        today: Date,
    ) -> Option<PersonalRecord> {
        let file = ledger.people.get(&person)?;
        let observation = Observation::of(file, rules);
        let length = rules
            .get(&file.class)
            .map_or(RECORD_DAYS, |r| r.days.max(RECORD_DAYS));
        let first = file
            .arrival
            .unwrap_or_else(|| today.add_days(1 - i32::from(RECORD_DAYS)));
        let last = first.add_days(i32::from(length) - 1);
        let mut days: Vec<PersonalDay> = (0..length)
            .map(|i| {
                let date = first.add_days(i32::from(i));
                PersonalDay {
                    date,
                    number: i + 1,
                    morning: None,
                    evening: None,
                    is_today: date == today,
                    is_future: date > today,
                }
            })
            .collect();
        let mut readings: Vec<(Stamp, &Reading)> = ledger
            .readings
            .between(first, last)
            .filter(|(_, r)| r.person == person)
            .collect();
        readings.sort_by_key(|(k, r)| (r.time, *k));
        for (key, reading) in readings {
            let Ok(i) = usize::try_from(reading.day.days_since(first)) else {
                continue;
            };
            let Some(day) = days.get_mut(i) else {
                continue;
            };
            let taken = Some(Taken {
                key,
                tenths: reading.tenths,
                symptoms: reading.symptoms,
                abnormal: reading.is_abnormal(),
            });
            match reading.round {
                Round::Morning => day.morning = taken,
                Round::Evening => day.evening = taken,
            }
        }
        let today_standing = observation.on(today, rules);
        let days_left = observation.end().map(|end| match today_standing {
            Standing::Observing { days_left, .. } => days_left,
            // Not begun: all of it is left.
            Standing::NotArrived { arrival } => end.days_since(arrival).max(0) as u16 + 1,
            _ => 0,
        });
        Some(PersonalRecord {
            observation,
            today: today_standing,
            end: observation.end(),
            back_at_work: observation.back_at_work(),
            days_left,
            days,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::class::tests::sample_rules;
    use crate::ledger::view::tests::{day, Fixture};

    #[test]
    fn a_supervised_employee_counts_down_fourteen_days() {
        let rules = sample_rules();
        let mut f = Fixture::new();
        let me = f.person("E1", "张三", "outside_fujian", Some("2020-02-03"));
        f.reading(me, "2020-02-03", Round::Morning, 365);
        f.reading(me, "2020-02-03", Round::Evening, 368);
        f.reading(me, "2020-02-04", Round::Morning, 379);
        f.reading(me, "2020-02-05", Round::Morning, 366);
        let record = PersonalRecord::new(&f.ledger, &rules, me, day("2020-02-05")).unwrap();
        assert_eq!(record.end, Some(day("2020-02-16")));
        assert_eq!(record.back_at_work, Some(day("2020-02-17")));
        assert_eq!(record.days_left, Some(12));
        assert_eq!(record.days.len(), 14);
        assert_eq!(record.days[0].number, 1);
        assert_eq!(record.days[0].morning.map(|t| t.tenths), Some(365));
        assert_eq!(record.days[0].evening.map(|t| t.tenths), Some(368));
        assert!(record.days[1].abnormal());
        assert_eq!(record.days[1].missing(), [Round::Evening]);
        assert!(record.days[2].is_today && record.days[2].missing().is_empty());
        assert!(record.days[3].is_future && record.days[3].missing().is_empty());
        let after = PersonalRecord::new(&f.ledger, &rules, me, day("2020-02-20")).unwrap();
        assert_eq!(after.days_left, Some(0));
        assert!(matches!(after.today, Standing::Clear { .. }));
    }

    #[test]
    fn without_an_observation_the_last_fourteen_days_show() {
        let rules = sample_rules();
        let mut f = Fixture::new();
        let me = f.person("E1", "张三", "stayed_xiamen", None);
        f.reading(me, "2020-02-10", Round::Morning, 365);
        let record = PersonalRecord::new(&f.ledger, &rules, me, day("2020-02-10")).unwrap();
        assert_eq!(record.end, None);
        assert_eq!(record.days_left, None);
        assert_eq!(record.days.first().map(|d| d.date), Some(day("2020-01-28")));
        assert_eq!(record.days.last().map(|d| d.date), Some(day("2020-02-10")));
        assert!(record.days[13].morning.is_some());
        assert!(
            PersonalRecord::new(&f.ledger, &rules, Stamp::default(), day("2020-02-10")).is_none()
        );
    }

    #[test]
    fn before_arrival_the_whole_observation_is_left() {
        let rules = sample_rules();
        let mut f = Fixture::new();
        let me = f.person("E1", "张三", "key_area", Some("2020-02-10"));
        let record = PersonalRecord::new(&f.ledger, &rules, me, day("2020-02-08")).unwrap();
        assert_eq!(record.days_left, Some(14));
        assert!(record.days.iter().all(|d| d.is_future));
    }
}
