//! The ledger's records and how two copies of them merge.
//!
//! Every record is an `Entry`: a permanent key (the `Stamp` of the write that created it),
//! the stamp of its latest edit, and its value, or `None` once erased (a tombstone, so an
//! erase beats an older edit). Stamps are unique per write: a millisecond clock, the id of
//! the writer (one per open tab, chosen at random by the caller) and a counter, so two tabs
//! writing at once never make the same key and a merge keeps both their entries. For the
//! same key the later edit wins, as with the checklist's `Stamped`.
//!
//! Field names are one letter, because 120,000 readings are stored one record each.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::date::{Date, Time};

/// Who wrote when: milliseconds since the epoch, the writer's id and a counter. Ordered by
/// time first, so the later of two edits is the greater stamp.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stamp {
    pub at: u64,
    pub writer: u32,
    pub seq: u32,
}

impl fmt::Display for Stamp {
    /// `at.writer.seq`, each in base 36: short, and the same text sorts the same way
    /// within one writer and millisecond.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}.{}.{}",
            base36(self.at),
            base36(u64::from(self.writer)),
            base36(u64::from(self.seq))
        )
    }
}

/// Why a text is not a stamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadStamp;

impl FromStr for Stamp {
    type Err = BadStamp;

    fn from_str(s: &str) -> Result<Stamp, BadStamp> {
        let mut parts = s.split('.');
        let (Some(at), Some(writer), Some(seq), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(BadStamp);
        };
        let num = |p: &str| {
            if p.is_empty() || p.len() > 13 || !p.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return Err(BadStamp);
            }
            u64::from_str_radix(p, 36).map_err(|_| BadStamp)
        };
        Ok(Stamp {
            at: num(at)?,
            writer: u32::try_from(num(writer)?).map_err(|_| BadStamp)?,
            seq: u32::try_from(num(seq)?).map_err(|_| BadStamp)?,
        })
    }
}

impl Serialize for Stamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Stamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Stamp, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        text.parse()
            .map_err(|_| serde::de::Error::custom(format!("not a stamp: {text:?}")))
    }
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::with_capacity(13);
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Makes the stamps of one writer: strictly increasing even if the clock stands still or
/// goes back.
#[derive(Debug, Clone)]
pub struct Stamper {
    last: Stamp,
}

impl Stamper {
    /// A stamper for writer `writer` (one per open tab; random, so tabs differ).
    pub fn new(writer: u32) -> Stamper {
        Stamper {
            last: Stamp {
                at: 0,
                writer,
                seq: 0,
            },
        }
    }

    /// The next stamp at clock reading `now_ms`.
    pub fn next(&mut self, now_ms: u64) -> Stamp {
        let last = self.last;
        self.last = if now_ms > last.at {
            Stamp {
                at: now_ms,
                seq: 0,
                ..last
            }
        } else if last.seq < u32::MAX {
            Stamp {
                seq: last.seq + 1,
                ..last
            }
        } else {
            Stamp {
                at: last.at + 1,
                seq: 0,
                ..last
            }
        };
        self.last
    }

    /// Makes sure later stamps are greater than `seen` (an edit of a record another
    /// writer stamped in the future of this tab's clock must still win).
    pub fn observe(&mut self, seen: Stamp) {
        if seen.at > self.last.at {
            self.last.at = seen.at;
            self.last.seq = 0;
        }
    }
}

/// A record with its key, its latest edit, and its value (`None` once erased).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry<T> {
    #[serde(rename = "k")]
    pub key: Stamp,
    /// The stamp of the latest write; the key itself for a record never edited.
    #[serde(rename = "e", default, skip_serializing_if = "Option::is_none")]
    edited: Option<Stamp>,
    #[serde(rename = "v")]
    pub value: Option<T>,
}

impl<T> Entry<T> {
    /// A new record, written at `key`.
    pub fn new(key: Stamp, value: T) -> Entry<T> {
        Entry {
            key,
            edited: None,
            value: Some(value),
        }
    }

    /// The record after an edit stamped `at` (`None` erases it).
    pub fn edited(&self, at: Stamp, value: Option<T>) -> Entry<T> {
        Entry {
            key: self.key,
            edited: (at != self.key).then_some(at),
            value,
        }
    }

    /// The record from its stored parts.
    pub fn from_parts(key: Stamp, edited: Option<Stamp>, value: Option<T>) -> Entry<T> {
        Entry {
            key,
            edited: edited.filter(|e| *e != key),
            value,
        }
    }

    /// The stamp of the latest edit, if it was edited since it was written.
    pub fn edit_stamp(&self) -> Option<Stamp> {
        self.edited
    }

    /// When it was last written.
    pub fn stamp(&self) -> Stamp {
        self.edited.unwrap_or(self.key)
    }
}

/// What records of a register are found by: their day, if they have one.
pub trait Dated {
    fn day(&self) -> Option<Date>;
}

/// One register of the ledger: its entries by key, and the keys of live records per day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Register<T> {
    entries: BTreeMap<Stamp, Entry<T>>,
    by_day: BTreeMap<Date, BTreeSet<Stamp>>,
}

impl<T> Default for Register<T> {
    fn default() -> Self {
        Register {
            entries: BTreeMap::new(),
            by_day: BTreeMap::new(),
        }
    }
}

impl<T: Dated + Clone> Register<T> {
    /// Takes in one write (new, edited or erased record), unless what is held is newer.
    /// Returns true when it changed the register.
    pub fn put(&mut self, entry: Entry<T>) -> bool {
        let key = entry.key;
        let old = self.entries.remove(&key);
        let (kept, changed) = match old {
            Some(old) if old.stamp() >= entry.stamp() => (old, false),
            Some(old) => {
                self.unindex(&old);
                (entry, true)
            }
            None => (entry, true),
        };
        if changed {
            if let Some(day) = kept.value.as_ref().and_then(Dated::day) {
                self.by_day.entry(day).or_default().insert(key);
            }
        }
        self.entries.insert(key, kept);
        changed
    }

    fn unindex(&mut self, entry: &Entry<T>) {
        if let Some(day) = entry.value.as_ref().and_then(Dated::day) {
            if let Some(keys) = self.by_day.get_mut(&day) {
                keys.remove(&entry.key);
                if keys.is_empty() {
                    self.by_day.remove(&day);
                }
            }
        }
    }

    /// Takes in every entry of `other`; the result is the same whichever copy merges the other.
    pub fn merge(&mut self, other: &Register<T>) -> usize {
        other
            .entries
            .values()
            .filter(|e| self.put((*e).clone()))
            .count()
    }

    /// The entry of `key`, erased or not.
    pub fn entry(&self, key: &Stamp) -> Option<&Entry<T>> {
        self.entries.get(key)
    }

    /// The live record of `key`.
    pub fn get(&self, key: &Stamp) -> Option<&T> {
        self.entries.get(key).and_then(|e| e.value.as_ref())
    }

    /// Every live record with its key, in key order (the order they were first written).
    pub fn live(&self) -> impl Iterator<Item = (Stamp, &T)> {
        self.entries
            .iter()
            .filter_map(|(k, e)| e.value.as_ref().map(|v| (*k, v)))
    }

    /// Every entry, erased ones included, for storage and export files.
    pub fn entries(&self) -> impl Iterator<Item = &Entry<T>> {
        self.entries.values()
    }

    /// The live records of `day`.
    pub fn on(&self, day: Date) -> impl Iterator<Item = (Stamp, &T)> {
        self.by_day
            .get(&day)
            .into_iter()
            .flatten()
            .filter_map(move |k| self.get(k).map(|v| (*k, v)))
    }

    /// The live records from `from` to `to`, both included, by day.
    pub fn between(&self, from: Date, to: Date) -> impl Iterator<Item = (Stamp, &T)> {
        let range = if from <= to {
            self.by_day.range(from..=to)
        } else {
            self.by_day.range(from..from)
        };
        range
            .flat_map(|(_, keys)| keys.iter())
            .filter_map(move |k| self.get(k).map(|v| (*k, v)))
    }

    /// How many live records it holds.
    pub fn len(&self) -> usize {
        self.entries.values().filter(|e| e.value.is_some()).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The days that have records, first to last.
    pub fn days(&self) -> impl Iterator<Item = Date> + '_ {
        self.by_day.keys().copied()
    }
}

impl<T: Serialize> Serialize for Register<T> {
    /// As a list of entries, erased ones included.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.entries.values())
    }
}

impl<'de, T: Deserialize<'de> + Dated + Clone> Deserialize<'de> for Register<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Register<T>, D::Error> {
        let list = Vec::<Entry<T>>::deserialize(d)?;
        let mut register = Register::default();
        for entry in list {
            register.put(entry);
        }
        Ok(register)
    }
}

/// Longest name, department, who-took-it and similar short texts, in characters.
pub const MAX_SHORT_CHARS: usize = 50;
/// Longest staff id and phone number, in characters.
pub const MAX_ID_CHARS: usize = 32;
/// Longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 500;

/// One employee's file (一人一档).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    #[serde(rename = "n")]
    pub name: String,
    /// The staff id (工号), unique in the roster.
    #[serde(rename = "i")]
    pub staff_id: String,
    #[serde(rename = "d", default, skip_serializing_if = "String::is_empty")]
    pub department: String,
    /// The id of the person's class: an answer id of the guide's `personnel_class` question.
    #[serde(rename = "c")]
    pub class: String,
    /// The day they arrived in Xiamen, from which observation counts.
    #[serde(rename = "a", default, skip_serializing_if = "Option::is_none")]
    pub arrival: Option<Date>,
    #[serde(rename = "p", default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
}

impl Dated for Person {
    fn day(&self) -> Option<Date> {
        None
    }
}

/// The morning or the evening round of the gate register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum Round {
    Morning,
    Evening,
}

impl Round {
    pub const ALL: [Round; 2] = [Round::Morning, Round::Evening];

    /// The round a reading taken at `time` most likely belongs to: morning before noon.
    pub fn at(time: Time) -> Round {
        if time.minutes() < 12 * 60 {
            Round::Morning
        } else {
            Round::Evening
        }
    }

    pub fn index(self) -> usize {
        match self {
            Round::Morning => 0,
            Round::Evening => 1,
        }
    }
}

impl TryFrom<u8> for Round {
    type Error = String;

    fn try_from(n: u8) -> Result<Round, String> {
        match n {
            0 => Ok(Round::Morning),
            1 => Ok(Round::Evening),
            other => Err(format!("{other} is not a round")),
        }
    }
}

impl From<Round> for u8 {
    fn from(round: Round) -> u8 {
        round.index() as u8
    }
}

/// A reading above this many tenths of a degree Celsius is abnormal: 37.3 °C, the threshold
/// of the local guides of the time.
pub const FEVER_ABOVE_TENTHS: u16 = 373;
/// Lowest reading the register takes, in tenths of °C; lower is a typing or device mistake.
pub const MIN_TENTHS: u16 = 340;
/// Highest reading the register takes, in tenths of °C.
pub const MAX_TENTHS: u16 = 430;

/// Why a temperature was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemperatureError {
    /// Not a number such as `36.5`.
    NotANumber,
    /// Outside 34.0 to 43.0 °C.
    OutOfRange { tenths: i64 },
}

/// Reads a temperature in °C as typed at the gate: `36.5`, `36,5`, `３６.５`, or `365`
/// (three digits, the decimal point left out), with an optional `°C` or `℃`.
pub fn parse_temperature(text: &str) -> Result<u16, TemperatureError> {
    let text: String = text
        .trim()
        .trim_end_matches(['℃', 'C', 'c'])
        .trim_end_matches('°')
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            ',' | '．' | '，' => '.',
            other => other,
        })
        .collect();
    let (whole, tenth) = match text.split_once('.') {
        Some((w, t)) => (w, t),
        None if text.len() == 3 => (&text[..2], &text[2..]),
        None => (text.as_str(), ""),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !(tenth.is_empty() || (tenth.len() == 1 && digits(tenth))) {
        return Err(TemperatureError::NotANumber);
    }
    let whole: i64 = whole.parse().map_err(|_| TemperatureError::NotANumber)?;
    let tenth: i64 = if tenth.is_empty() {
        0
    } else {
        tenth.parse().map_err(|_| TemperatureError::NotANumber)?
    };
    let tenths = whole * 10 + tenth;
    if (i64::from(MIN_TENTHS)..=i64::from(MAX_TENTHS)).contains(&tenths) {
        Ok(tenths as u16)
    } else {
        Err(TemperatureError::OutOfRange { tenths })
    }
}

/// `36.5`, from tenths of a degree.
pub fn format_tenths(tenths: u16) -> String {
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// A set of flags stored as one small number.
macro_rules! flag_set {
    ($(#[$meta:meta])* $set:ident of $flag:ident { $($(#[$fmeta:meta])* $name:ident = $bit:expr),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $flag {
            $($(#[$fmeta])* $name),+
        }

        impl $flag {
            pub const ALL: &'static [$flag] = &[$($flag::$name),+];

            fn bit(self) -> u16 {
                match self {
                    $($flag::$name => 1 << $bit),+
                }
            }
        }

        #[doc = concat!("A set of [`", stringify!($flag), "`]s.")]
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $set(u16);

        impl $set {
            pub fn of(flags: &[$flag]) -> $set {
                $set(flags.iter().fold(0, |bits, f| bits | f.bit()))
            }

            pub fn contains(self, flag: $flag) -> bool {
                self.0 & flag.bit() != 0
            }

            pub fn with(self, flag: $flag, on: bool) -> $set {
                if on {
                    $set(self.0 | flag.bit())
                } else {
                    $set(self.0 & !flag.bit())
                }
            }

            pub fn is_empty(self) -> bool {
                self.iter().next().is_none()
            }

            /// The flags in the set, in declaration order (unknown bits from a newer app are
            /// kept in the value but not listed).
            pub fn iter(self) -> impl Iterator<Item = $flag> {
                $flag::ALL.iter().copied().filter(move |f| self.contains(*f))
            }
        }
    };
}

flag_set! {
    /// A symptom noted with a reading.
    Symptoms of Symptom {
        Fever = 0,
        Cough = 1,
        Fatigue = 2,
        ShortOfBreath = 3,
        SoreThroat = 4,
        Diarrhoea = 5,
    }
}

flag_set! {
    /// What was done about an abnormal reading: the flowchart's route from the temporary
    /// isolation room to the CDC and the fever clinic, and the tracing of contacts.
    Actions of Action {
        Rechecked = 0,
        Isolated = 1,
        ReportedCdc = 2,
        FeverClinic = 3,
        ContactsTraced = 4,
        SentHome = 5,
    }
}

fn is_zero<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// One temperature reading of the gate register (or of an employee's own record).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reading {
    /// The key of the person's entry in the roster.
    #[serde(rename = "p")]
    pub person: Stamp,
    #[serde(rename = "d")]
    pub day: Date,
    #[serde(rename = "r")]
    pub round: Round,
    #[serde(rename = "t")]
    pub time: Time,
    /// Tenths of a degree Celsius: 365 is 36.5 °C.
    #[serde(rename = "c")]
    pub tenths: u16,
    /// Who took it.
    #[serde(rename = "b", default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    #[serde(rename = "s", default, skip_serializing_if = "is_zero")]
    pub symptoms: Symptoms,
    /// What was done, for an abnormal reading.
    #[serde(rename = "x", default, skip_serializing_if = "is_zero")]
    pub actions: Actions,
    #[serde(rename = "m", default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Reading {
    /// Above 37.3 °C.
    pub fn is_abnormal(&self) -> bool {
        self.tenths > FEVER_ABOVE_TENTHS
    }

    /// Abnormal, or with a symptom noted: a reading the guide's steps are shown for.
    pub fn needs_action(&self) -> bool {
        self.is_abnormal() || !self.symptoms.is_empty()
    }
}

impl Dated for Reading {
    fn day(&self) -> Option<Date> {
        Some(self.day)
    }
}

/// A visitor on foot or a vehicle at the gate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum VisitKind {
    #[default]
    Visitor,
    Vehicle,
}

impl TryFrom<u8> for VisitKind {
    type Error = String;

    fn try_from(n: u8) -> Result<VisitKind, String> {
        match n {
            0 => Ok(VisitKind::Visitor),
            1 => Ok(VisitKind::Vehicle),
            other => Err(format!("{other} is not a kind of visit")),
        }
    }
}

impl From<VisitKind> for u8 {
    fn from(kind: VisitKind) -> u8 {
        match kind {
            VisitKind::Visitor => 0,
            VisitKind::Vehicle => 1,
        }
    }
}

/// One line of the visitor and vehicle register.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visit {
    #[serde(rename = "k", default, skip_serializing_if = "is_zero")]
    pub kind: VisitKind,
    #[serde(rename = "d")]
    pub day: Date,
    /// When they came in.
    #[serde(rename = "t")]
    pub time: Time,
    /// When they left, once they have.
    #[serde(rename = "u", default, skip_serializing_if = "Option::is_none")]
    pub left: Option<Time>,
    /// The visitor's name, or the driver's for a vehicle.
    #[serde(rename = "n", default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// The number plate, for a vehicle.
    #[serde(rename = "l", default, skip_serializing_if = "String::is_empty")]
    pub plate: String,
    #[serde(rename = "h", default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    /// Where they came from (the guide asks visitors this).
    #[serde(rename = "o", default, skip_serializing_if = "String::is_empty")]
    pub from: String,
    /// Whom they visit or why they came.
    #[serde(rename = "w", default, skip_serializing_if = "String::is_empty")]
    pub purpose: String,
    #[serde(rename = "c", default, skip_serializing_if = "Option::is_none")]
    pub tenths: Option<u16>,
    #[serde(rename = "b", default, skip_serializing_if = "String::is_empty")]
    pub by: String,
}

impl Visit {
    pub fn is_abnormal(&self) -> bool {
        self.tenths.is_some_and(|t| t > FEVER_ABOVE_TENTHS)
    }
}

impl Dated for Visit {
    fn day(&self) -> Option<Date> {
        Some(self.day)
    }
}

/// One daily routine done: disinfection of an area, ventilation, a canteen or dormitory check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoutineDone {
    /// The id of the guide's item for the routine.
    #[serde(rename = "r")]
    pub routine: String,
    /// The area it was done in, as the enterprise names its areas.
    #[serde(rename = "a", default, skip_serializing_if = "String::is_empty")]
    pub area: String,
    #[serde(rename = "d")]
    pub day: Date,
    #[serde(rename = "t")]
    pub time: Time,
    #[serde(rename = "b", default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    #[serde(rename = "m", default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Dated for RoutineDone {
    fn day(&self) -> Option<Date> {
        Some(self.day)
    }
}

/// The whole ledger: the roster and the three daily registers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Ledger {
    #[serde(rename = "people")]
    pub people: Register<Person>,
    #[serde(rename = "readings")]
    pub readings: Register<Reading>,
    #[serde(rename = "visits")]
    pub visits: Register<Visit>,
    #[serde(rename = "routines")]
    pub routines: Register<RoutineDone>,
}

impl Ledger {
    /// Takes in everything of `other`; returns how many entries changed here. Commutative,
    /// associative and idempotent, so tabs and devices converge whatever order they merge in.
    pub fn merge(&mut self, other: &Ledger) -> usize {
        self.people.merge(&other.people)
            + self.readings.merge(&other.readings)
            + self.visits.merge(&other.visits)
            + self.routines.merge(&other.routines)
    }

    /// The live person with staff id `staff_id` (compared without case and outer spaces).
    pub fn person_by_staff_id(&self, staff_id: &str) -> Option<(Stamp, &Person)> {
        let wanted = staff_id.trim().to_lowercase();
        self.people
            .live()
            .find(|(_, p)| p.staff_id.trim().to_lowercase() == wanted)
    }

    /// The greatest stamp anywhere in the ledger, so a tab's stamper can start past it.
    pub fn latest_stamp(&self) -> Stamp {
        fn latest<T>(r: &Register<T>) -> Stamp {
            r.entries
                .values()
                .map(Entry::stamp)
                .max()
                .unwrap_or_default()
        }
        latest(&self.people)
            .max(latest(&self.readings))
            .max(latest(&self.visits))
            .max(latest(&self.routines))
    }
}

/// Keeps a text within `max` characters, cutting at a character boundary and trimming it.
pub fn clip(text: &str, max: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(max) {
        Some((i, _)) => text[..i].trim_end().to_string(),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    pub fn reading(person: Stamp, d: &str, round: Round, tenths: u16) -> Reading {
        Reading {
            person,
            day: day(d),
            round,
            time: Time::from_hm(8, 0).unwrap(),
            tenths,
            by: String::new(),
            symptoms: Symptoms::default(),
            actions: Actions::default(),
            note: String::new(),
        }
    }

    #[test]
    fn stamps_print_short_and_read_back() {
        let stamp = Stamp {
            at: 1_581_000_000_000,
            writer: 0xdead_beef,
            seq: 7,
        };
        let text = stamp.to_string();
        assert!(text.len() <= 18, "{text}");
        assert_eq!(text.parse(), Ok(stamp));
        for bad in [
            "",
            "1.2",
            "1.2.3.4",
            "a.b.",
            "zzzzzzzzzzzzzz.1.1",
            "1.zzzzzzz.1",
            "-1.1.1",
        ] {
            assert_eq!(bad.parse::<Stamp>(), Err(BadStamp), "{bad:?}");
        }
    }

    #[test]
    fn a_stamper_never_repeats_itself() {
        let mut stamper = Stamper::new(3);
        let a = stamper.next(100);
        let b = stamper.next(100);
        let c = stamper.next(50);
        let d = stamper.next(200);
        assert!(a < b && b < c && c < d, "{a:?} {b:?} {c:?} {d:?}");
        stamper.observe(Stamp {
            at: 900,
            writer: 1,
            seq: 5,
        });
        assert!(stamper.next(300).at >= 900);
    }

    #[test]
    fn two_tabs_writing_at_once_keep_both_entries() {
        let (mut tab_a, mut tab_b) = (Stamper::new(1), Stamper::new(2));
        let person = Stamp::default();
        let mut a = Ledger::default();
        let mut b = Ledger::default();
        a.readings.put(Entry::new(
            tab_a.next(1000),
            reading(person, "2020-02-10", Round::Morning, 365),
        ));
        b.readings.put(Entry::new(
            tab_b.next(1000),
            reading(person, "2020-02-10", Round::Morning, 366),
        ));
        let mut ab = a.clone();
        ab.merge(&b);
        let mut ba = b.clone();
        ba.merge(&a);
        assert_eq!(ab, ba);
        assert_eq!(ab.readings.len(), 2);
        assert_eq!(ab.readings.on(day("2020-02-10")).count(), 2);
        let again = ab.clone();
        assert_eq!(ab.merge(&again), 0, "idempotent");
    }

    #[test]
    fn the_later_edit_wins_and_an_erase_is_kept() {
        let mut tab_a = Stamper::new(1);
        let mut tab_b = Stamper::new(2);
        let first = Entry::new(
            tab_a.next(10),
            reading(Stamp::default(), "2020-02-10", Round::Morning, 365),
        );
        let mut a = Register::default();
        a.put(first.clone());
        let mut b = a.clone();
        // Tab A corrects the temperature; tab B, later, moves the reading to another day.
        let mut fixed = first.value.clone().unwrap();
        fixed.tenths = 380;
        a.put(first.edited(tab_a.next(20), Some(fixed)));
        let mut moved = first.value.clone().unwrap();
        moved.day = day("2020-02-11");
        b.put(first.edited(tab_b.next(30), Some(moved.clone())));
        a.merge(&b);
        assert_eq!(a.get(&first.key), Some(&moved));
        assert_eq!(
            a.on(day("2020-02-10")).count(),
            0,
            "the old day's index is cleared"
        );
        assert_eq!(a.on(day("2020-02-11")).count(), 1);
        // An older write arriving late changes nothing.
        assert!(!a.put(first.clone()));
        // An erase wins over older edits and stays as a tombstone.
        a.put(first.edited(tab_a.next(40), None));
        assert_eq!(a.len(), 0);
        assert_eq!(a.entries().count(), 1);
        b.merge(&a);
        assert_eq!(b.len(), 0);
    }

    #[test]
    fn registers_serialise_as_lists_and_rebuild_their_index() {
        let mut ledger = Ledger::default();
        let mut stamper = Stamper::new(9);
        let person = stamper.next(1);
        ledger.people.put(Entry::new(
            person,
            Person {
                name: "张三".into(),
                staff_id: "E001".into(),
                class: "stayed_xiamen".into(),
                ..Person::default()
            },
        ));
        ledger.readings.put(Entry::new(
            stamper.next(2),
            reading(person, "2020-02-10", Round::Evening, 372),
        ));
        let json = serde_json::to_string(&ledger).unwrap();
        assert!(json.contains(r#""r":1"#), "{json}");
        let back: Ledger = serde_json::from_str(&json).unwrap();
        assert_eq!(back, ledger);
        assert_eq!(back.readings.on(day("2020-02-10")).count(), 1);
        assert_eq!(
            ledger.person_by_staff_id(" e001 ").map(|(k, _)| k),
            Some(person)
        );
    }

    #[test]
    fn a_reading_is_stored_in_few_bytes() {
        let mut stamper = Stamper::new(u32::MAX);
        stamper.next(1_581_000_000_000);
        let person = stamper.next(1_581_000_000_000);
        let entry = Entry::new(
            stamper.next(1_581_300_000_000),
            Reading {
                by: "门卫".into(),
                ..reading(person, "2020-02-10", Round::Morning, 365)
            },
        );
        let json = serde_json::to_string(&entry).unwrap();
        assert!(json.len() < 110, "{} bytes: {json}", json.len());
    }

    #[test]
    fn temperatures_parse_as_typed_at_the_gate() {
        for (text, tenths) in [
            ("36.5", 365),
            ("36,5", 365),
            ("365", 365),
            ("37", 370),
            ("３７．４", 374),
            (" 38.0℃", 380),
            ("38.2 °C", 382),
        ] {
            assert_eq!(parse_temperature(text), Ok(tenths), "{text:?}");
        }
        assert_eq!(
            parse_temperature("36.55"),
            Err(TemperatureError::NotANumber)
        );
        assert_eq!(parse_temperature("abc"), Err(TemperatureError::NotANumber));
        assert_eq!(parse_temperature(""), Err(TemperatureError::NotANumber));
        assert_eq!(
            parse_temperature("3.6"),
            Err(TemperatureError::OutOfRange { tenths: 36 })
        );
        assert_eq!(
            parse_temperature("45"),
            Err(TemperatureError::OutOfRange { tenths: 450 })
        );
        assert_eq!(format_tenths(373), "37.3");
    }

    #[test]
    fn above_37_3_is_abnormal() {
        let r = |t| reading(Stamp::default(), "2020-02-10", Round::Morning, t);
        assert!(!r(373).is_abnormal());
        assert!(r(374).is_abnormal());
        let coughing = Reading {
            symptoms: Symptoms::of(&[Symptom::Cough]),
            ..r(365)
        };
        assert!(!coughing.is_abnormal() && coughing.needs_action());
    }

    #[test]
    fn flag_sets_keep_their_flags() {
        let set = Actions::of(&[Action::Isolated, Action::FeverClinic]);
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            [Action::Isolated, Action::FeverClinic]
        );
        let set = set
            .with(Action::Isolated, false)
            .with(Action::ReportedCdc, true);
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            [Action::ReportedCdc, Action::FeverClinic]
        );
        assert_eq!(serde_json::to_string(&set).unwrap(), "12");
    }

    #[test]
    fn clip_cuts_at_characters() {
        assert_eq!(clip("  集美区  ", 10), "集美区");
        assert_eq!(clip("集美区企业", 2), "集美");
    }
}
