//! The ledger as stored: the layout of its IndexedDB database, each record's value, the
//! whole-ledger file for moving devices, and the errors of both.
//!
//! - Database: one object store per register, keyed by the entry's key as text (`Stamp`'s
//!   form), each value one entry as compact JSON. The database's version is `DB_VERSION`;
//!   `DB_STEPS` says what each upgrade creates, and the browser adapter runs the steps from
//!   the version found. One entry is one transaction, so a closed tab loses nothing written.
//! - File: `{"format": "jimei-ledger", "schema": 1, "exported_at": …, "ledger": {…}}`,
//!   read with its size checked first, then JSON, format, schema (with `MIGRATIONS` for older
//!   schemas), then the contents, each with its own error.
//!
//! Pure: no browser and no I/O.

use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::record::{Dated, Entry, Ledger, Person, Reading, Register, RoutineDone, Stamp, Visit};

/// The database's name.
pub const DB_NAME: &str = "jimei-ledger";
/// The database's version: one more than the last step of `DB_STEPS`.
pub const DB_VERSION: u32 = 1;

/// An object store of the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Store {
    People,
    Readings,
    Visits,
    Routines,
}

impl Store {
    pub const ALL: [Store; 4] = [
        Store::People,
        Store::Readings,
        Store::Visits,
        Store::Routines,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Store::People => "people",
            Store::Readings => "readings",
            Store::Visits => "visits",
            Store::Routines => "routines",
        }
    }
}

/// A record type and the object store, and ledger register, it lives in.
pub trait Stored: Serialize + DeserializeOwned + Dated + Clone + 'static {
    const STORE: Store;
    fn register(ledger: &mut Ledger) -> &mut Register<Self>;
}

impl Stored for Person {
    const STORE: Store = Store::People;
    fn register(ledger: &mut Ledger) -> &mut Register<Person> {
        &mut ledger.people
    }
}

impl Stored for Reading {
    const STORE: Store = Store::Readings;
    fn register(ledger: &mut Ledger) -> &mut Register<Reading> {
        &mut ledger.readings
    }
}

impl Stored for Visit {
    const STORE: Store = Store::Visits;
    fn register(ledger: &mut Ledger) -> &mut Register<Visit> {
        &mut ledger.visits
    }
}

impl Stored for RoutineDone {
    const STORE: Store = Store::Routines;
    fn register(ledger: &mut Ledger) -> &mut Register<RoutineDone> {
        &mut ledger.routines
    }
}

/// A stored value that could not be read: kept in the database, not dropped, and reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub store: Store,
    pub key: String,
    pub message: String,
}

/// What one upgrade step does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DbStep {
    /// Creates an object store with out-of-line text keys.
    CreateStore(Store),
}

/// `DB_STEPS[v]` upgrades a database of version `v` to `v + 1` (0 is a new database).
pub const DB_STEPS: &[&[DbStep]] = &[&[
    DbStep::CreateStore(Store::People),
    DbStep::CreateStore(Store::Readings),
    DbStep::CreateStore(Store::Visits),
    DbStep::CreateStore(Store::Routines),
]];

/// The steps from version `old` to version `new`, in order.
pub fn upgrade_steps(old: u32, new: u32) -> impl Iterator<Item = DbStep> {
    DB_STEPS
        .iter()
        .enumerate()
        .filter(move |(v, _)| (*v as u32) >= old && (*v as u32) < new)
        .flat_map(|(_, steps)| steps.iter().copied())
}

/// Why the ledger's database could not be used. The app then keeps the ledger in memory,
/// says so, and offers the export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// Another tab holds an older version of the database open, so it cannot be upgraded.
    BlockedByOtherTab,
    /// The browser refuses storage here (some private modes, or storage turned off).
    Refused { message: String },
    /// The device or the browser's share for this site is full.
    QuotaExceeded,
    /// The database was made by a newer version of the app.
    NewerVersion { found: Option<u32>, supported: u32 },
    /// This browser has no IndexedDB.
    Unavailable,
    /// Another tab upgraded the database; this one closed its connection and must reload.
    Closed,
    /// Any other failure, with the browser's name and message for it.
    Failed { name: String, message: String },
}

impl StoreError {
    /// The error for a `DOMException` (or other error) of this name from an IndexedDB call.
    pub fn from_dom(name: &str, message: &str) -> StoreError {
        match name {
            "QuotaExceededError" => StoreError::QuotaExceeded,
            "VersionError" => StoreError::NewerVersion {
                found: None,
                supported: DB_VERSION,
            },
            "SecurityError" | "InvalidStateError" | "InvalidAccessError" | "NotAllowedError" => {
                StoreError::Refused {
                    message: message.to_string(),
                }
            }
            other => StoreError::Failed {
                name: other.to_string(),
                message: message.to_string(),
            },
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::BlockedByOtherTab => write!(f, "blocked by another tab"),
            StoreError::Refused { message } => write!(f, "storage refused: {message}"),
            StoreError::QuotaExceeded => write!(f, "quota exceeded"),
            StoreError::NewerVersion { found, supported } => {
                write!(f, "database version {found:?} is newer than {supported}")
            }
            StoreError::Unavailable => write!(f, "IndexedDB is unavailable"),
            StoreError::Closed => write!(f, "closed for an upgrade in another tab"),
            StoreError::Failed { name, message } => write!(f, "{name}: {message}"),
        }
    }
}

impl std::error::Error for StoreError {}

/// A stored record's value: its entry as UTF-8 JSON without the key, which is the record's
/// key in the database. Stored as bytes rather than a JS string, because a string with any
/// Chinese in it is kept as UTF-16, twice the size.
pub fn encode_value<T: Serialize>(entry: &Entry<T>) -> Vec<u8> {
    #[derive(Serialize)]
    struct Value<'a, T> {
        #[serde(rename = "e", skip_serializing_if = "Option::is_none")]
        edited: Option<Stamp>,
        #[serde(rename = "v")]
        value: &'a Option<T>,
    }
    // Plain structs with string keys always serialise.
    serde_json::to_vec(&Value {
        edited: entry.edit_stamp(),
        value: &entry.value,
    })
    .unwrap_or_default()
}

/// Reads a stored record of key `key`; the error says why it could not be.
pub fn decode_value<T: DeserializeOwned>(key: &str, bytes: &[u8]) -> Result<Entry<T>, String> {
    #[derive(Deserialize)]
    #[serde(bound = "T: DeserializeOwned")]
    struct Value<T> {
        #[serde(rename = "e", default)]
        edited: Option<Stamp>,
        #[serde(rename = "v")]
        value: Option<T>,
    }
    let key: Stamp = key.parse().map_err(|_| format!("not a key: {key:?}"))?;
    let stored: Value<T> = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    Ok(Entry::from_parts(key, stored.edited, stored.value))
}

/// The marker of a whole-ledger file.
pub const FILE_FORMAT: &str = "jimei-ledger";
/// Version of the file's shape. Bump it, and add a step to `MIGRATIONS`, when it changes.
pub const FILE_SCHEMA: u32 = 1;
const OLDEST_FILE_SCHEMA: u32 = 1;
/// `MIGRATIONS[i]` turns a file of schema `OLDEST_FILE_SCHEMA + i` into the next schema.
const MIGRATIONS: &[Migration] = &[];
type Migration = fn(Value) -> Result<Value, String>;
/// Largest whole-ledger file read (120,000 readings are about 10 MB).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// Why a whole-ledger file was refused. Nothing is changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    Empty,
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    NotText,
    Malformed {
        line: usize,
        column: usize,
    },
    /// JSON without our format marker, or with another one (such as a checklist export).
    NotALedger {
        found: Option<String>,
    },
    NewerSchema {
        found: u64,
        supported: u32,
    },
    OlderSchema {
        found: u64,
        oldest: u32,
    },
    /// Our marker, but contents that do not fit the schema.
    Invalid {
        message: String,
    },
}

/// The whole ledger as one file, for moving it to another device.
pub fn encode_file(ledger: &Ledger, exported_at: u64) -> String {
    #[derive(Serialize)]
    struct File<'a> {
        format: &'a str,
        schema: u32,
        exported_at: u64,
        ledger: &'a Ledger,
    }
    serde_json::to_string(&File {
        format: FILE_FORMAT,
        schema: FILE_SCHEMA,
        exported_at,
        ledger,
    })
    .unwrap_or_default()
}

/// Reads a whole-ledger file, to be merged into the ledger (`Ledger::merge`), which keeps
/// everything of both.
pub fn decode_file(bytes: &[u8]) -> Result<Ledger, FileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| FileError::NotText)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| FileError::Malformed {
        line: e.line(),
        column: e.column(),
    })?;
    let Value::Object(map) = value else {
        return Err(FileError::NotALedger { found: None });
    };
    match map.get("format") {
        Some(Value::String(f)) if f == FILE_FORMAT => {}
        Some(Value::String(f)) => {
            return Err(FileError::NotALedger {
                found: Some(f.clone()),
            })
        }
        _ => return Err(FileError::NotALedger { found: None }),
    }
    let Some(schema) = map.get("schema").and_then(Value::as_u64) else {
        return Err(FileError::Invalid {
            message: "no schema".into(),
        });
    };
    if schema > u64::from(FILE_SCHEMA) {
        return Err(FileError::NewerSchema {
            found: schema,
            supported: FILE_SCHEMA,
        });
    }
    if schema < u64::from(OLDEST_FILE_SCHEMA) {
        return Err(FileError::OlderSchema {
            found: schema,
            oldest: OLDEST_FILE_SCHEMA,
        });
    }
    let mut value = Value::Object(map);
    for step in MIGRATIONS
        .iter()
        .skip((schema as u32 - OLDEST_FILE_SCHEMA) as usize)
    {
        value = step(value).map_err(|message| FileError::Invalid { message })?;
    }
    let Some(ledger) = value.get_mut("ledger").map(Value::take) else {
        return Err(FileError::Invalid {
            message: "no ledger".into(),
        });
    };
    if !ledger.is_object() {
        return Err(FileError::Invalid {
            message: "the ledger is not an object".into(),
        });
    }
    serde_json::from_value(ledger).map_err(|e| FileError::Invalid {
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::record::{Person, Reading, Round, Stamper};
    use crate::ledger::view::tests::Fixture;

    #[test]
    fn the_steps_create_every_store_once() {
        let steps: Vec<DbStep> = upgrade_steps(0, DB_VERSION).collect();
        assert_eq!(steps.len(), Store::ALL.len());
        for store in Store::ALL {
            assert!(steps.contains(&DbStep::CreateStore(store)));
        }
        assert_eq!(DB_STEPS.len() as u32, DB_VERSION);
        assert_eq!(upgrade_steps(DB_VERSION, DB_VERSION).count(), 0);
        assert_eq!(
            OLDEST_FILE_SCHEMA as usize + MIGRATIONS.len(),
            FILE_SCHEMA as usize
        );
    }

    #[test]
    fn dom_errors_map_to_their_kinds() {
        assert_eq!(
            StoreError::from_dom("QuotaExceededError", "full"),
            StoreError::QuotaExceeded
        );
        assert_eq!(
            StoreError::from_dom("VersionError", "x"),
            StoreError::NewerVersion {
                found: None,
                supported: DB_VERSION
            }
        );
        assert!(matches!(
            StoreError::from_dom("SecurityError", "x"),
            StoreError::Refused { .. }
        ));
        assert!(matches!(
            StoreError::from_dom("AbortError", "x"),
            StoreError::Failed { .. }
        ));
    }

    #[test]
    fn records_round_trip_and_bad_ones_say_why() {
        let mut f = Fixture::new();
        let p = f.person("E1", "张三", "stayed_xiamen", None);
        let r = f.reading(p, "2020-02-10", Round::Morning, 365);
        let entry = f.ledger.readings.entry(&r).unwrap();
        let key = entry.key.to_string();
        let bytes = encode_value(entry);
        assert!(
            !String::from_utf8_lossy(&bytes).contains(&key),
            "the key is not repeated"
        );
        assert_eq!(decode_value::<Reading>(&key, &bytes).as_ref(), Ok(entry));
        let edited = entry.edited(f.stamper.next(99_999), None);
        let bytes = encode_value(&edited);
        assert_eq!(decode_value::<Reading>(&key, &bytes), Ok(edited));
        assert!(decode_value::<Reading>(&key, br#"{"v":{"p":"x"}}"#).is_err());
        assert!(decode_value::<Person>(&key, b"not json").is_err());
        assert!(decode_value::<Person>("no key", br#"{"v":null}"#).is_err());
    }

    #[test]
    fn the_file_round_trips_and_merges() {
        let mut f = Fixture::new();
        let p = f.person("E1", "张三", "stayed_xiamen", None);
        f.reading(p, "2020-02-10", Round::Morning, 365);
        let text = encode_file(&f.ledger, 42);
        let back = decode_file(text.as_bytes()).unwrap();
        assert_eq!(back, f.ledger);
        let mut other = Fixture::new();
        other.stamper = Stamper::new(2);
        other.person("E2", "李四", "stayed_xiamen", None);
        other.ledger.merge(&back);
        assert_eq!(other.ledger.people.len(), 2);
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        let d = |s: &str| decode_file(s.as_bytes());
        assert_eq!(d(" "), Err(FileError::Empty));
        assert_eq!(decode_file(&[0xff, 0xfe]), Err(FileError::NotText));
        assert!(matches!(d("{"), Err(FileError::Malformed { line: 1, .. })));
        assert_eq!(d("[]"), Err(FileError::NotALedger { found: None }));
        assert_eq!(
            d(r#"{"format":"jimei-progress","schema":1}"#),
            Err(FileError::NotALedger {
                found: Some("jimei-progress".into())
            })
        );
        assert_eq!(
            d(r#"{"format":"jimei-ledger","schema":9,"ledger":{}}"#),
            Err(FileError::NewerSchema {
                found: 9,
                supported: FILE_SCHEMA
            })
        );
        assert_eq!(
            d(r#"{"format":"jimei-ledger","schema":0,"ledger":{}}"#),
            Err(FileError::OlderSchema {
                found: 0,
                oldest: OLDEST_FILE_SCHEMA
            })
        );
        assert!(matches!(
            d(r#"{"format":"jimei-ledger","schema":1,"ledger":[]}"#),
            Err(FileError::Invalid { .. })
        ));
        assert!(matches!(
            d(
                r#"{"format":"jimei-ledger","schema":1,"ledger":{"readings":[{"k":"1.1.1","v":{"d":"2020-02-30"}}]}}"#
            ),
            Err(FileError::Invalid { .. })
        ));
        assert_eq!(
            d(r#"{"format":"jimei-ledger","schema":1,"ledger":{}}"#),
            Ok(Ledger::default())
        );
        let big = vec![b' '; MAX_FILE_BYTES + 1];
        assert!(matches!(decode_file(&big), Err(FileError::TooLarge { .. })));
    }
}
