//! Progress as text: the local-storage value, the export file and the share link, and
//! bringing saved progress up to date with the guide.
//!
//! - Storage: one key per guide (`storage_key`), the schema version inside the value.
//!   `load` turns what is stored into progress, a report of guide changes and, for a value
//!   it cannot read, the backup key to copy it to. `decode` never panics.
//! - Export: `export` writes a pretty JSON file marked `"format": "jimei-progress"`;
//!   `import` and `import_bytes` check size first, then everything else.
//! - Share link: `to_fragment` / `from_fragment`, a compact `p1.` + base64url form for the
//!   URL fragment, carrying marks, reasons, answers, role and enterprise name (not notes).
//! - `reconcile` keeps the progress of every item still in the guide, reports new ones,
//!   and keeps the progress of removed items aside instead of dropping it.
//!
//! Pure: no browser and no I/O.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::guide::{Guide, Role};
use super::progress::{
    clip, merge, ItemRecord, Mark, Orphans, Progress, Stamped, StampedAnswer, MAX_NAME_CHARS,
    MAX_REASON_CHARS,
};

/// Version of the stored and exported shape. Bump it, and add a step to `MIGRATIONS`,
/// whenever that shape changes incompatibly.
pub const SCHEMA: u32 = 1;
/// The oldest schema that can still be read, through `MIGRATIONS`.
const OLDEST_SCHEMA: u32 = 1;
/// `MIGRATIONS[i]` turns a value of schema `OLDEST_SCHEMA + i` into one of the next schema.
/// There is only schema 1 so far.
const MIGRATIONS: &[Migration] = &[];
type Migration = fn(Value) -> Result<Value, String>;

/// The marker of an exported file.
pub const EXPORT_FORMAT: &str = "jimei-progress";
/// Largest stored value read; anything larger is treated as corrupt.
pub const MAX_STORED_BYTES: usize = 1_048_576;
/// Largest file `import` accepts (1 MB), checked before parsing.
pub const MAX_IMPORT_BYTES: usize = 1_048_576;
/// Largest share-link fragment `from_fragment` accepts, checked before decoding.
pub const MAX_FRAGMENT_BYTES: usize = 8_192;
/// The share-link format's prefix.
pub const FRAGMENT_PREFIX: &str = "p1.";
/// Reasons are cut to this many characters in a share link.
const FRAGMENT_REASON_CHARS: usize = 100;

/// The local-storage key for a guide's progress.
pub fn storage_key(guide_id: &str) -> String {
    format!("jimei.progress/{guide_id}")
}

/// Where an unreadable stored value is copied before starting afresh, and the progress
/// shown before anything replaces it (an import, a share link, a restore).
pub fn backup_key(guide_id: &str, now: u64) -> String {
    format!("{}{now}", backup_prefix(guide_id))
}

/// The start of every backup key of `guide_id`.
pub fn backup_prefix(guide_id: &str) -> String {
    format!("jimei.progress.backup/{guide_id}/")
}

/// A copy kept under a backup key, and when it was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub key: String,
    /// Milliseconds since the epoch.
    pub made_at: u64,
}

/// The backups of `guide_id` among storage `keys`, newest first. Keys of other guides and
/// keys that are not backups are left out.
pub fn backups(keys: impl IntoIterator<Item = String>, guide_id: &str) -> Vec<Backup> {
    let prefix = backup_prefix(guide_id);
    let mut found: Vec<Backup> = keys
        .into_iter()
        .filter_map(|key| {
            let stamp = key.strip_prefix(&prefix)?;
            if stamp.is_empty() || !stamp.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let made_at = stamp.parse().ok()?;
            Some(Backup { key, made_at })
        })
        .collect();
    found.sort_by(|a, b| b.made_at.cmp(&a.made_at).then_with(|| a.key.cmp(&b.key)));
    found
}

/// The progress a backup holds, for `guide`, to list and to restore it. Read like a stored
/// value: an entry that cannot be read is left out, as on load. A value that could not be
/// read when it was copied cannot be read now either; the error says why.
pub fn read_backup(text: &str, guide: &Guide) -> Result<Progress, CodecError> {
    let decoded = decode_stored(text, &guide.id)?;
    Ok(decoded.saved.into_progress(guide).0)
}

/// The stored value: progress with what is needed to read it later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    pub schema: u32,
    pub guide_id: String,
    /// The guide version the progress was saved with.
    #[serde(default)]
    pub guide_version: String,
    /// When it was saved, in milliseconds since the epoch.
    #[serde(default)]
    pub saved_at: u64,
    pub progress: Progress,
}

impl Saved {
    pub fn new(guide: &Guide, progress: Progress, now: u64) -> Saved {
        Saved {
            schema: SCHEMA,
            guide_id: guide.id.clone(),
            guide_version: guide.version.clone(),
            saved_at: now,
            progress,
        }
    }

    /// The progress brought up to date with `guide`; see `reconcile`.
    pub fn into_progress(self, guide: &Guide) -> (Progress, GuideChange) {
        reconcile(guide, self.progress, &self.guide_version)
    }
}

/// The kind of a JSON value, for saying what was found instead of our data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    Null,
    Bool,
    Number,
    String,
    Array,
    /// An object without our `schema` and `guide_id` fields.
    Object,
}

impl JsonKind {
    fn of(value: &Value) -> JsonKind {
        match value {
            Value::Null => JsonKind::Null,
            Value::Bool(_) => JsonKind::Bool,
            Value::Number(_) => JsonKind::Number,
            Value::String(_) => JsonKind::String,
            Value::Array(_) => JsonKind::Array,
            Value::Object(_) => JsonKind::Object,
        }
    }
}

/// Why a stored value or an imported file could not be read. Each carries what a clear
/// message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodecError {
    /// Nothing but whitespace.
    Empty,
    /// Larger than the limit; nothing was parsed.
    TooLarge { bytes: usize, limit: usize },
    /// A file that is not UTF-8 text (`import_bytes` only).
    NotText,
    /// Not JSON.
    Malformed {
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but not our data: the kind of value found.
    NotOurs { found: JsonKind },
    /// A file without our format marker, or with another one (`import` only).
    NotAnExport { found: Option<String> },
    /// Written by a newer version of the app.
    NewerSchema { found: u64, supported: u32 },
    /// Too old to read.
    OlderSchema { found: u64, oldest: u32 },
    /// Progress for another guide.
    WrongGuide { found: String, expected: String },
    /// Our envelope, but its contents do not fit the schema.
    Invalid { message: String },
}

impl fmt::Display for CodecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodecError::Empty => write!(f, "empty"),
            CodecError::TooLarge { bytes, limit } => {
                write!(f, "{bytes} bytes, more than the {limit} allowed")
            }
            CodecError::NotText => write!(f, "not UTF-8 text"),
            CodecError::Malformed {
                line,
                column,
                message,
            } => {
                write!(f, "not JSON (line {line}, column {column}): {message}")
            }
            CodecError::NotOurs { found } => write!(f, "not saved progress: found {found:?}"),
            CodecError::NotAnExport { found: Some(found) } => {
                write!(f, "a file of format {found:?}")
            }
            CodecError::NotAnExport { found: None } => write!(f, "not a progress export"),
            CodecError::NewerSchema { found, supported } => {
                write!(f, "schema {found} is newer than {supported}")
            }
            CodecError::OlderSchema { found, oldest } => {
                write!(f, "schema {found} is older than {oldest}")
            }
            CodecError::WrongGuide { found, expected } => {
                write!(f, "progress for guide {found:?}, not {expected:?}")
            }
            CodecError::Invalid { message } => write!(f, "invalid progress: {message}"),
        }
    }
}

impl std::error::Error for CodecError {}

/// The stored value for `saved`, as compact JSON.
pub fn encode(saved: &Saved) -> String {
    // Serialising plain structs with string-keyed maps cannot fail.
    serde_json::to_string(saved).unwrap_or_default()
}

/// Reads a stored value strictly: every entry must be readable. Never panics: anything
/// unreadable is an error saying why. The app reads storage with `decode_stored`.
pub fn decode(text: &str, expected_guide_id: &str) -> Result<Saved, CodecError> {
    open(text, expected_guide_id, Origin::Stored)
}

/// A stored value read entry by entry: the record, and how many of its entries (an item's
/// record, an answer, or one of the few single fields) could not be read and were left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub saved: Saved,
    pub dropped: usize,
}

/// Reads a stored value as `decode` does, except that an entry that does not fit the schema
/// inside an otherwise good record is left out and counted, rather than the whole record
/// refused. The envelope (schema, guide, the progress object) must still be right.
pub fn decode_stored(text: &str, expected_guide_id: &str) -> Result<Decoded, CodecError> {
    let mut value = open_value(text, expected_guide_id, Origin::Stored)?;
    let dropped = match value.get_mut("progress") {
        Some(Value::Object(progress)) => prune(progress),
        _ => 0,
    };
    let saved = finish(value)?;
    Ok(Decoded { saved, dropped })
}

/// Removes from a stored progress object every entry that does not deserialise, and says
/// how many it removed. What remains deserialises as a `Progress`.
fn prune(progress: &mut Map<String, Value>) -> usize {
    let mut dropped = 0;
    dropped += prune_entries::<ItemRecord>(progress, "items");
    dropped += prune_entries::<StampedAnswer>(progress, "answers");
    if let Some(Value::Object(orphans)) = progress.get_mut("orphans") {
        dropped += prune_entries::<ItemRecord>(orphans, "items");
        dropped += prune_entries::<StampedAnswer>(orphans, "answers");
    }
    dropped += prune_field::<Orphans>(progress, "orphans");
    dropped += prune_field::<Stamped<Role>>(progress, "role");
    dropped += prune_field::<Stamped<String>>(progress, "enterprise_name");
    dropped += prune_field::<Stamped<Option<String>>>(progress, "language");
    dropped += prune_field::<BTreeSet<String>>(progress, "known_items");
    dropped
}

/// Keeps the entries of the map under `field` that read as a `T`; a field that is not a map
/// at all goes, counted as one entry.
fn prune_entries<T: DeserializeOwned>(map: &mut Map<String, Value>, field: &str) -> usize {
    match map.get_mut(field) {
        None => 0,
        Some(Value::Object(entries)) => {
            let before = entries.len();
            entries.retain(|_, entry| T::deserialize(&*entry).is_ok());
            before - entries.len()
        }
        Some(_) => {
            map.remove(field);
            1
        }
    }
}

/// Removes `field` if it does not read as a `T`; says whether it did (0 or 1).
fn prune_field<T: DeserializeOwned>(map: &mut Map<String, Value>, field: &str) -> usize {
    let readable = map.get(field).is_none_or(|v| T::deserialize(v).is_ok());
    if readable {
        0
    } else {
        map.remove(field);
        1
    }
}

/// Where a text being opened comes from: that sets its size limit and whether it must carry
/// the export marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    /// The local-storage value.
    Stored,
    /// An export file being imported.
    Export,
}

fn open(text: &str, expected_guide_id: &str, origin: Origin) -> Result<Saved, CodecError> {
    finish(open_value(text, expected_guide_id, origin)?)
}

/// Checks the envelope of a text (size, JSON, marker, schema, guide) and migrates it to the
/// current schema; the result is for `finish`.
fn open_value(text: &str, expected_guide_id: &str, origin: Origin) -> Result<Value, CodecError> {
    let limit = match origin {
        Origin::Stored => MAX_STORED_BYTES,
        Origin::Export => MAX_IMPORT_BYTES,
    };
    if text.len() > limit {
        return Err(CodecError::TooLarge {
            bytes: text.len(),
            limit,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(CodecError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| CodecError::Malformed {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let Value::Object(mut map) = value else {
        return Err(CodecError::NotOurs {
            found: JsonKind::of(&value),
        });
    };
    if origin == Origin::Export {
        match map.remove("format") {
            Some(Value::String(format)) if format == EXPORT_FORMAT => {}
            Some(Value::String(format)) => {
                return Err(CodecError::NotAnExport {
                    found: Some(format),
                })
            }
            _ => return Err(CodecError::NotAnExport { found: None }),
        }
    }
    let schema = map.get("schema").and_then(Value::as_u64);
    let guide_id = map.get("guide_id").and_then(Value::as_str);
    let (Some(schema), Some(guide_id)) = (schema, guide_id) else {
        return Err(CodecError::NotOurs {
            found: JsonKind::Object,
        });
    };
    if schema > u64::from(SCHEMA) {
        return Err(CodecError::NewerSchema {
            found: schema,
            supported: SCHEMA,
        });
    }
    if schema < u64::from(OLDEST_SCHEMA) {
        return Err(CodecError::OlderSchema {
            found: schema,
            oldest: OLDEST_SCHEMA,
        });
    }
    if guide_id != expected_guide_id {
        return Err(CodecError::WrongGuide {
            found: guide_id.to_string(),
            expected: expected_guide_id.to_string(),
        });
    }
    migrate(Value::Object(map), schema as u32, OLDEST_SCHEMA, MIGRATIONS)
}

/// A migrated value as a `Saved`, its texts cut to their limits.
fn finish(value: Value) -> Result<Saved, CodecError> {
    // Serde would take an array for a struct; the progress must be an object.
    if !value.get("progress").is_some_and(Value::is_object) {
        return Err(CodecError::Invalid {
            message: "progress is missing or not an object".into(),
        });
    }
    let mut saved: Saved = serde_json::from_value(value).map_err(|e| CodecError::Invalid {
        message: e.to_string(),
    })?;
    saved.schema = SCHEMA;
    saved.progress.sanitize();
    Ok(saved)
}

/// Runs the migration steps from schema `from` up to `oldest + steps.len()`.
fn migrate(
    mut value: Value,
    from: u32,
    oldest: u32,
    steps: &[Migration],
) -> Result<Value, CodecError> {
    let first = from.saturating_sub(oldest) as usize;
    for (i, step) in steps.iter().enumerate().skip(first) {
        value = step(value).map_err(|message| CodecError::Invalid { message })?;
        if let Value::Object(map) = &mut value {
            map.insert("schema".into(), Value::from(oldest + i as u32 + 1));
        }
    }
    Ok(value)
}

/// What a new guide version changed in the user's checklist.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GuideChange {
    /// Items new since the saved guide version, in guide order.
    pub added: Vec<String>,
    /// Items with progress that the guide no longer has; their progress is kept aside.
    pub removed: Vec<String>,
    /// Items with progress kept aside that the guide has again, in guide order.
    pub restored: Vec<String>,
    /// Questions whose answer the guide no longer offers; the answer is kept aside.
    pub removed_answers: Vec<String>,
    /// Questions whose kept-aside answer the guide offers again.
    pub restored_answers: Vec<String>,
}

impl GuideChange {
    /// Whether nothing changed. A change that is not empty is worth a banner: every kind of
    /// change is named in it (`i18n::store::guide_change_message`).
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.restored.is_empty()
            && self.removed_answers.is_empty()
            && self.restored_answers.is_empty()
    }
}

/// Brings progress up to date with the guide. Records of items the guide does not have
/// move to `orphans` (kept, not dropped) and come back when an item with that id returns;
/// likewise answers to questions, or with answer ids, the guide does not have. Items are
/// reported as added only when the saved guide version differs from the guide's and the
/// progress knows which items the old version had. Run it after every decode, import and
/// merge.
pub fn reconcile(
    guide: &Guide,
    mut progress: Progress,
    saved_guide_version: &str,
) -> (Progress, GuideChange) {
    let mut change = GuideChange::default();
    let guide_items: Vec<&str> = guide
        .sections
        .iter()
        .flat_map(|s| s.items.iter())
        .map(|i| i.id.as_str())
        .collect();
    let in_guide: BTreeSet<&str> = guide_items.iter().copied().collect();

    // Items: pool the live and kept-aside records, then place each by the guide.
    let live = std::mem::take(&mut progress.items);
    let kept = std::mem::take(&mut progress.orphans.items);
    let was_live: BTreeSet<String> = live.keys().cloned().collect();
    let mut pool = live;
    for (id, record) in kept {
        let record = match pool.get(&id) {
            Some(ours) => ItemRecord::join(ours, &record),
            None => record,
        };
        pool.insert(id, record);
    }
    let mut restored = BTreeSet::new();
    for (id, record) in pool {
        if in_guide.contains(id.as_str()) {
            if !was_live.contains(&id) && !record.is_blank() {
                restored.insert(id.clone());
            }
            progress.items.insert(id, record);
        } else {
            if was_live.contains(&id) && !record.is_blank() {
                change.removed.push(id.clone());
            }
            progress.orphans.items.insert(id, record);
        }
    }
    change.restored = guide_items
        .iter()
        .filter(|id| restored.contains(**id))
        .map(|id| id.to_string())
        .collect();

    // Answers: valid when the question exists and offers the answer (a cleared answer to
    // an existing question is valid too).
    let valid = |question: &str, answer: &Option<String>| {
        guide.questions.iter().any(|q| {
            q.id == question
                && answer
                    .as_ref()
                    .is_none_or(|a| q.answers.iter().any(|o| &o.id == a))
        })
    };
    let live = std::mem::take(&mut progress.answers);
    let kept = std::mem::take(&mut progress.orphans.answers);
    for (question, answer) in live {
        if valid(&question, &answer.value) {
            progress.answers.insert(question, answer);
        } else {
            if answer.value.is_some() {
                change.removed_answers.push(question.clone());
            }
            let answer = match kept.get(&question) {
                Some(older) => Stamped::join(older, &answer),
                None => answer,
            };
            progress.orphans.answers.insert(question, answer);
        }
    }
    for (question, answer) in kept {
        if progress.orphans.answers.contains_key(&question) {
            continue; // joined above
        }
        // It returns if the guide offers it again and no newer answer was given since.
        let returns = valid(&question, &answer.value)
            && progress
                .answers
                .get(&question)
                .is_none_or(|live| answer.at > live.at);
        if !returns {
            progress.orphans.answers.insert(question, answer);
            continue;
        }
        if answer.value.is_some() {
            change.restored_answers.push(question.clone());
        }
        progress.answers.insert(question, answer);
    }

    if saved_guide_version != guide.version && !progress.known_items.is_empty() {
        change.added = guide_items
            .iter()
            .filter(|id| !progress.known_items.contains(**id) && !restored.contains(**id))
            .map(|id| id.to_string())
            .collect();
    }
    progress.known_items = guide_items.iter().map(|id| id.to_string()).collect();
    (progress, change)
}

/// What `load` found in storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub progress: Progress,
    /// What a new guide version changed; empty on first use or the same version.
    pub change: GuideChange,
    /// Set when the stored value could not be used as it is. Nothing may be written over it
    /// until the adapter has copied it to the problem's backup key and read the copy back
    /// (`LoadProblem::backup_key`); a newer version's value is never written over.
    pub problem: Option<LoadProblem>,
}

/// Why the stored value cannot simply be written over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadProblem {
    /// Unreadable as a whole: the page starts afresh once the value is copied.
    Unreadable {
        error: CodecError,
        backup_key: String,
    },
    /// Readable but for `count` entries, which were left out; the whole value is copied
    /// first, with them.
    Dropped { count: usize, backup_key: String },
    /// Saved by a newer version of the app: left untouched, never copied or written over.
    Newer { found: u64 },
}

impl LoadProblem {
    /// Where the stored value must be copied (and the copy checked) before anything is
    /// written over it; `None` when nothing may ever be written over it.
    pub fn backup_key(&self) -> Option<&str> {
        match self {
            LoadProblem::Unreadable { backup_key, .. }
            | LoadProblem::Dropped { backup_key, .. } => Some(backup_key),
            LoadProblem::Newer { .. } => None,
        }
    }

    /// The problem of an unreadable stored value.
    fn of_error(error: CodecError, guide_id: &str, now: u64) -> LoadProblem {
        match error {
            CodecError::NewerSchema { found, .. } => LoadProblem::Newer { found },
            error => LoadProblem::Unreadable {
                error,
                backup_key: backup_key(guide_id, now),
            },
        }
    }
}

/// Where a stored value that could not be used is now, once the adapter tried to copy it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept {
    /// Copied to this key and read back the same: the main key may be written.
    Copied(String),
    /// Not copied: it stays under this key, the main one, which the page must not write.
    InPlace(String),
}

impl Kept {
    /// The key that holds the original value.
    pub fn key(&self) -> &str {
        match self {
            Kept::Copied(key) | Kept::InPlace(key) => key,
        }
    }
}

/// Whether the page may write the main key after a load or save `problem`, given whether
/// the stored value's copy was written and read back the same (`copied`). A newer
/// version's value is never written over; anything else only once it is copied.
pub fn may_write_over(problem: &LoadProblem, copied: bool) -> bool {
    problem.backup_key().is_some() && copied
}

/// Turns the value stored under `storage_key(&guide.id)` (`None` when the key is not set)
/// into progress for `guide`. Never fails and never panics. An unreadable value gives a
/// fresh start; a value with a few unreadable entries gives the rest.
pub fn load(stored: Option<&str>, guide: &Guide, now: u64) -> Loaded {
    let fresh = || reconcile(guide, Progress::default(), &guide.version).0;
    match stored.map(|text| decode_stored(text, &guide.id)) {
        None => Loaded {
            progress: fresh(),
            change: GuideChange::default(),
            problem: None,
        },
        Some(Ok(Decoded { saved, dropped })) => {
            let (progress, change) = saved.into_progress(guide);
            Loaded {
                progress,
                change,
                problem: (dropped > 0).then(|| LoadProblem::Dropped {
                    count: dropped,
                    backup_key: backup_key(&guide.id, now),
                }),
            }
        }
        Some(Err(error)) => Loaded {
            progress: fresh(),
            change: GuideChange::default(),
            problem: Some(LoadProblem::of_error(error, &guide.id, now)),
        },
    }
}

/// For a storage event: merges the value another tab wrote into ours and reconciles it
/// with the guide. An unreadable value is an error and ours stays as it is; entries it
/// cannot read are left out of the merge (the next save copies the value before writing).
pub fn merge_stored(
    local: &Progress,
    incoming: &str,
    guide: &Guide,
) -> Result<Progress, CodecError> {
    let saved = decode_stored(incoming, &guide.id)?.saved;
    let merged = merge(local, &saved.progress);
    Ok(reconcile(guide, merged, &saved.guide_version).0)
}

/// What storage holds when a save is due, as the store sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored<'a> {
    /// Nothing under the key.
    Nothing,
    /// Exactly what this page last wrote or read: no other tab has written since. The store
    /// tells by comparing the browser's strings, without copying the value into wasm.
    Ours,
    /// Something else, such as another tab's write.
    Text(&'a str),
}

/// What a save does: the progress to keep, the text to write (if any), and whether the
/// progress kept differs from the one shown, because another tab's changes were merged in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavePlan {
    pub progress: Progress,
    /// The value to write under the storage key; `None` when storage already holds it, or
    /// when it must not be written over (a newer version's value).
    pub write: Option<String>,
    /// The page must show `progress`: it has another tab's changes.
    pub changed: bool,
    /// Set when what storage holds cannot simply be written over: copy it to the backup key
    /// and write only if the copy reads back the same (`may_write_over`); for a newer
    /// version's value, `write` is `None` and the page must stop saving.
    pub problem: Option<LoadProblem>,
}

/// Decides a save of `current` (which differs from what this page last saved) against what
/// storage holds. Our own last write is simply replaced; another value is decoded once and
/// merged with ours, so an edit another tab made meanwhile is kept; an unreadable value, or
/// one with unreadable entries, is replaced only after the adapter has copied it; a newer
/// version's value is never replaced. Nothing is written when storage already holds the
/// merged result.
pub fn plan_save(current: Progress, stored: Stored<'_>, guide: &Guide, now: u64) -> SavePlan {
    let (progress, write, changed, problem) = match stored {
        Stored::Nothing | Stored::Ours => (current, true, false, None),
        Stored::Text(text) => match decode_stored(text, &guide.id) {
            Err(error) => {
                let problem = LoadProblem::of_error(error, &guide.id, now);
                let write = problem.backup_key().is_some();
                (current, write, false, Some(problem))
            }
            Ok(Decoded { saved, dropped }) => {
                let merged = merge(&current, &saved.progress);
                let merged = reconcile(guide, merged, &saved.guide_version).0;
                let theirs = saved.into_progress(guide).0;
                let (write, changed) = (theirs != merged || dropped > 0, merged != current);
                let problem = (dropped > 0).then(|| LoadProblem::Dropped {
                    count: dropped,
                    backup_key: backup_key(&guide.id, now),
                });
                (merged, write, changed, problem)
            }
        },
    };
    if !write {
        return SavePlan {
            progress,
            write: None,
            changed,
            problem,
        };
    }
    let saved = Saved::new(guide, progress, now);
    let text = encode(&saved);
    SavePlan {
        progress: saved.progress,
        write: Some(text),
        changed,
        problem,
    }
}

/// The name of the file a kept value (the main key's or a backup's) is downloaded as.
pub fn kept_file_name(key: &str) -> String {
    let stamp = key
        .rsplit('/')
        .next()
        .filter(|tail| !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit()));
    match stamp {
        Some(stamp) => format!("jimei-progress-backup-{stamp}.json"),
        None => "jimei-progress-unreadable.json".to_string(),
    }
}

#[derive(Serialize)]
struct ExportFile<'a> {
    format: &'a str,
    schema: u32,
    guide_id: &'a str,
    guide_version: &'a str,
    saved_at: u64,
    progress: &'a Progress,
}

/// The text of an export file: pretty JSON with a format marker.
pub fn export(saved: &Saved) -> String {
    let file = ExportFile {
        format: EXPORT_FORMAT,
        schema: saved.schema,
        guide_id: &saved.guide_id,
        guide_version: &saved.guide_version,
        saved_at: saved.saved_at,
        progress: &saved.progress,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads an export file for `guide`. The size is checked before anything is parsed; then
/// JSON, format marker, schema and guide id, each with its own error. The result is
/// for the caller to reconcile (`Saved::into_progress`) and adopt (`Progress::overwrite`
/// with `Notes::Replace`); on error the current progress is not touched.
pub fn import(text: &str, guide: &Guide) -> Result<Saved, CodecError> {
    open(text, &guide.id, Origin::Export)
}

/// `import` for a file's raw bytes.
pub fn import_bytes(bytes: &[u8], guide: &Guide) -> Result<Saved, CodecError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(CodecError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| CodecError::NotText)?;
    import(text, guide)
}

/// Why a share link could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FragmentError {
    /// Longer than `MAX_FRAGMENT_BYTES`; nothing was decoded.
    TooLarge { bytes: usize, limit: usize },
    /// Not a share link of a format we know (no `p1.` prefix).
    UnknownFormat,
    /// The link is damaged; the detail is for logs.
    Corrupt(&'static str),
    /// A link for another guide.
    WrongGuide { found: String, expected: String },
    /// A link made with another version of the guide, whose items may differ.
    GuideVersion { found: String, expected: String },
}

impl fmt::Display for FragmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FragmentError::TooLarge { bytes, limit } => {
                write!(f, "{bytes} bytes, more than the {limit} allowed")
            }
            FragmentError::UnknownFormat => write!(f, "not a progress link"),
            FragmentError::Corrupt(detail) => write!(f, "damaged progress link: {detail}"),
            FragmentError::WrongGuide { found, expected } => {
                write!(f, "link for guide {found:?}, not {expected:?}")
            }
            FragmentError::GuideVersion { found, expected } => {
                write!(f, "link for guide version {found:?}, not {expected:?}")
            }
        }
    }
}

impl std::error::Error for FragmentError {}

/// The share link's payload, as short-keyed JSON.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Shared {
    /// Guide id.
    g: String,
    /// Guide version: the indices below are positions in this version.
    v: String,
    /// Role: 0 enterprise, 1 employee.
    #[serde(default, skip_serializing_if = "is_zero")]
    r: u8,
    /// Enterprise name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    n: String,
    /// Marks of every item in guide order, three per character (see `TRITS`), trailing
    /// unmarked items left out.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    m: String,
    /// Item index to the reason it was marked not applicable.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    x: BTreeMap<u32, String>,
    /// Index of the answer to each question in guide order, trailing unanswered left out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    a: Vec<Option<u32>>,
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

/// One character per three item marks (0 none, 1 done, 2 not applicable), as the digit
/// `m0 + 3 m1 + 9 m2` in base 27.
const TRITS: &[u8; 27] = b"0123456789abcdefghijklmnopq";

/// The share-link fragment (without `#`) for `progress` on `guide`: marks with reasons,
/// answers, role and enterprise name; not notes, which can be long and private, nor the
/// language, which is the reader's. Reasons are cut to 100 characters, and left out if the
/// link would otherwise exceed `MAX_FRAGMENT_BYTES`; `None` only if it still would.
pub fn to_fragment(progress: &Progress, guide: &Guide) -> Option<String> {
    let items: Vec<&str> = guide
        .sections
        .iter()
        .flat_map(|s| s.items.iter())
        .map(|i| i.id.as_str())
        .collect();
    let mut trits = Vec::with_capacity(items.len());
    let mut reasons = BTreeMap::new();
    for (i, id) in items.iter().enumerate() {
        trits.push(match progress.mark(id) {
            None => 0u8,
            Some(Mark::Done) => 1,
            Some(Mark::NotApplicable { reason }) => {
                if !reason.is_empty() {
                    reasons.insert(i as u32, clip(reason.clone(), FRAGMENT_REASON_CHARS));
                }
                2
            }
        });
    }
    while trits.last() == Some(&0) {
        trits.pop();
    }
    let marks: String = trits
        .chunks(3)
        .map(|c| {
            let digit = c
                .iter()
                .rev()
                .fold(0usize, |acc, t| acc * 3 + usize::from(*t));
            char::from(TRITS[digit])
        })
        .collect();
    let mut answers: Vec<Option<u32>> = guide
        .questions
        .iter()
        .map(|q| {
            let given = progress.answer(&q.id)?;
            q.answers
                .iter()
                .position(|a| a.id == given)
                .map(|i| i as u32)
        })
        .collect();
    while answers.last() == Some(&None) {
        answers.pop();
    }
    let mut shared = Shared {
        g: guide.id.clone(),
        v: guide.version.clone(),
        r: match progress.role() {
            Role::Enterprise => 0,
            Role::Employee => 1,
        },
        n: progress.enterprise_name().to_string(),
        m: marks,
        x: reasons,
        a: answers,
    };
    let render = |shared: &Shared| {
        format!(
            "{FRAGMENT_PREFIX}{}",
            b64_encode(&serde_json::to_vec(shared).unwrap_or_default())
        )
    };
    let mut fragment = render(&shared);
    if fragment.len() > MAX_FRAGMENT_BYTES {
        shared.x.clear();
        fragment = render(&shared);
    }
    (fragment.len() <= MAX_FRAGMENT_BYTES).then_some(fragment)
}

/// Reads a share link's fragment (with or without the `#`) for `guide`. The length is
/// checked before decoding; the link must be for this guide and this guide version. The
/// result has no stamps: show it, or adopt it with `Progress::overwrite(.., Notes::Keep, now)`.
pub fn from_fragment(fragment: &str, guide: &Guide) -> Result<Progress, FragmentError> {
    if fragment.len() > MAX_FRAGMENT_BYTES {
        return Err(FragmentError::TooLarge {
            bytes: fragment.len(),
            limit: MAX_FRAGMENT_BYTES,
        });
    }
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let body = fragment
        .strip_prefix(FRAGMENT_PREFIX)
        .ok_or(FragmentError::UnknownFormat)?;
    let bytes = b64_decode(body).ok_or(FragmentError::Corrupt("base64"))?;
    let shared: Shared =
        serde_json::from_slice(&bytes).map_err(|_| FragmentError::Corrupt("json"))?;
    if shared.g != guide.id {
        return Err(FragmentError::WrongGuide {
            found: shared.g,
            expected: guide.id.clone(),
        });
    }
    if shared.v != guide.version {
        return Err(FragmentError::GuideVersion {
            found: shared.v,
            expected: guide.version.clone(),
        });
    }
    let items: Vec<&str> = guide
        .sections
        .iter()
        .flat_map(|s| s.items.iter())
        .map(|i| i.id.as_str())
        .collect();
    let mut trits = Vec::with_capacity(shared.m.len() * 3);
    for byte in shared.m.bytes() {
        let digit = TRITS
            .iter()
            .position(|&t| t == byte)
            .ok_or(FragmentError::Corrupt("mark"))?;
        trits.extend([digit % 3, digit / 3 % 3, digit / 9]);
    }
    if trits.len() > items.len() && trits[items.len()..].iter().any(|&t| t != 0)
        || trits.len() > items.len() + 2
    {
        return Err(FragmentError::Corrupt("too many marks"));
    }
    let mut progress = Progress::default();
    for (i, trit) in trits.iter().enumerate().take(items.len()) {
        let mark = match trit {
            0 => {
                if shared.x.contains_key(&(i as u32)) {
                    return Err(FragmentError::Corrupt("reason without mark"));
                }
                continue;
            }
            1 => {
                if shared.x.contains_key(&(i as u32)) {
                    return Err(FragmentError::Corrupt("reason without mark"));
                }
                Mark::Done
            }
            _ => Mark::NotApplicable {
                reason: clip(
                    shared.x.get(&(i as u32)).cloned().unwrap_or_default(),
                    MAX_REASON_CHARS,
                ),
            },
        };
        let record = ItemRecord {
            mark: Stamped::new(Some(mark), 0),
            note: Stamped::default(),
        };
        progress.items.insert(items[i].to_string(), record);
    }
    if shared
        .x
        .keys()
        .any(|&i| i as usize >= trits.len().min(items.len()))
    {
        return Err(FragmentError::Corrupt("reason without mark"));
    }
    if shared.a.len() > guide.questions.len() {
        return Err(FragmentError::Corrupt("too many answers"));
    }
    for (question, answer) in guide.questions.iter().zip(&shared.a) {
        if let Some(index) = answer {
            let option = question
                .answers
                .get(*index as usize)
                .ok_or(FragmentError::Corrupt("answer"))?;
            progress.answers.insert(
                question.id.clone(),
                Stamped::new(Some(option.id.clone()), 0),
            );
        }
    }
    progress.role = Stamped::new(
        match shared.r {
            0 => Role::Enterprise,
            1 => Role::Employee,
            _ => return Err(FragmentError::Corrupt("role")),
        },
        0,
    );
    progress.enterprise_name = Stamped::new(clip(shared.n, MAX_NAME_CHARS), 0);
    progress.known_items = items.iter().map(|id| id.to_string()).collect();
    Ok(progress)
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding.
fn b64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &b)| acc | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(B64[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Decodes base64url without padding; `None` for any other character, an impossible
/// length, or leftover bits that are not zero (so every input has one encoding).
fn b64_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.as_bytes().chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let v = B64.iter().position(|&b| b == c)? as u32;
            n |= v << (18 - 6 * i);
        }
        let bytes = chunk.len() - 1;
        if n & (0xFF_FFFF >> (8 * bytes)) != 0 {
            return None;
        }
        out.extend((0..bytes).map(|i| (n >> (16 - 8 * i)) as u8));
    }
    Some(out)
}

#[cfg(test)]
mod tests {

    #[test]
    fn backups_are_listed_newest_first_and_other_keys_left_out() {
        let keys = [
            backup_key(ID, 5),
            "jimei.progress/jimei-2020".to_string(),
            backup_key(ID, 700),
            backup_key("other-guide", 900),
            format!("{}x1", backup_prefix(ID)),
            backup_prefix(ID),
            backup_key(ID, 60),
        ];
        let listed = backups(keys, ID);
        let stamps: Vec<u64> = listed.iter().map(|b| b.made_at).collect();
        assert_eq!(stamps, [700, 60, 5]);
        assert_eq!(listed[0].key, backup_key(ID, 700));
    }
    use super::*;
    use crate::guide::Condition;
    use crate::progress::testing::*;
    use crate::progress::{overview, Action, Notes};

    const ID: &str = "jimei-2020";

    fn busy(g: &Guide) -> Progress {
        let mut p = reconcile(g, Progress::default(), &g.version).0;
        let actions = vec![
            Action::Check { item: "e1".into() },
            Action::SetNote {
                item: "e1".into(),
                note: "by Lin \"quoted\" \n 集美".into(),
            },
            Action::MarkNotApplicable {
                item: "e3".into(),
                reason: "无食堂".into(),
            },
            Action::Answer {
                question: "canteen".into(),
                answer: "no".into(),
            },
            Action::Answer {
                question: "travel".into(),
                answer: "yes".into(),
            },
            Action::Check { item: "m2".into() },
            Action::SetEnterpriseName("厦门集美某食品有限公司".into()),
            Action::SetLanguage(Some("zh-Hant".into())),
            Action::SetRole(Role::Employee),
        ];
        for (i, a) in actions.into_iter().enumerate() {
            assert!(p.apply(g, a, 1_580_000_000_000 + i as u64));
        }
        p
    }

    fn valid_text() -> String {
        let g = sample();
        encode(&Saved::new(&g, busy(&g), 1_580_000_001_000))
    }

    #[test]
    fn keys_are_per_guide() {
        assert_eq!(storage_key(ID), "jimei.progress/jimei-2020");
        assert_ne!(storage_key("a"), storage_key("b"));
        assert_eq!(backup_key(ID, 17), "jimei.progress.backup/jimei-2020/17");
        assert_ne!(backup_key(ID, 17), storage_key(ID));
    }

    #[test]
    fn encode_decode_round_trip() {
        let g = sample();
        let saved = Saved::new(&g, busy(&g), 99);
        let text = encode(&saved);
        assert!(text.contains("\"schema\":1"));
        assert_eq!(decode(&text, ID), Ok(saved.clone()));
        // And reloading restores all of it.
        let loaded = load(Some(&text), &g, 100);
        assert_eq!(loaded.problem, None);
        assert!(loaded.change.is_empty());
        assert_eq!(loaded.progress, saved.progress);
        assert_eq!(loaded.progress.language(), Some("zh-Hant"));
        assert_eq!(loaded.progress.role(), Role::Employee);
    }

    #[test]
    fn random_progress_round_trips_through_every_codec() {
        let g = sample();
        let mut rng = Rng(7);
        for _ in 0..300 {
            let p = random_progress(&mut rng);
            let saved = Saved::new(&g, p.clone(), rng.next());
            assert_eq!(decode(&encode(&saved), ID).as_ref(), Ok(&saved));
            assert_eq!(import(&export(&saved), &g).as_ref(), Ok(&saved));

            // The share link carries what it shows: marks, reasons, answers, role, name.
            let p = reconcile(&g, p, &g.version).0;
            let fragment = to_fragment(&p, &g).expect("fits");
            let back = from_fragment(&fragment, &g).unwrap_or_else(|e| panic!("{e} {fragment}"));
            for item in g.sections.iter().flat_map(|s| &s.items) {
                assert_eq!(back.mark(&item.id), p.mark(&item.id), "{}", item.id);
                assert_eq!(back.note(&item.id), "");
            }
            assert_eq!(back.answers(), p.answers());
            assert_eq!(back.role(), p.role());
            assert_eq!(back.enterprise_name(), p.enterprise_name());
            for role in [Role::Enterprise, Role::Employee] {
                assert_eq!(overview(&g, &back, role), overview(&g, &p, role));
            }
        }
    }

    fn decode_err(text: &str) -> CodecError {
        decode(text, ID).expect_err(text)
    }

    #[test]
    fn decode_refuses_every_kind_of_corrupt_value() {
        assert_eq!(decode_err(""), CodecError::Empty);
        assert_eq!(decode_err("  \n\t"), CodecError::Empty);
        assert_eq!(
            decode_err("null"),
            CodecError::NotOurs {
                found: JsonKind::Null
            }
        );
        assert_eq!(
            decode_err("[]"),
            CodecError::NotOurs {
                found: JsonKind::Array
            }
        );
        assert_eq!(
            decode_err("{}"),
            CodecError::NotOurs {
                found: JsonKind::Object
            }
        );
        assert_eq!(
            decode_err("42"),
            CodecError::NotOurs {
                found: JsonKind::Number
            }
        );
        assert_eq!(
            decode_err("-1.5e300"),
            CodecError::NotOurs {
                found: JsonKind::Number
            }
        );
        assert_eq!(
            decode_err("true"),
            CodecError::NotOurs {
                found: JsonKind::Bool
            }
        );
        assert_eq!(
            decode_err("\"jimei\""),
            CodecError::NotOurs {
                found: JsonKind::String
            }
        );
        assert_eq!(
            decode_err(r#"{"schema":"1","guide_id":"jimei-2020","progress":{}}"#),
            CodecError::NotOurs {
                found: JsonKind::Object
            }
        );
        assert_eq!(
            decode_err(r#"{"schema":1.0,"guide_id":"jimei-2020","progress":{}}"#),
            CodecError::NotOurs {
                found: JsonKind::Object
            }
        );
        assert_eq!(
            decode_err(r#"{"schema":1,"guide_id":7,"progress":{}}"#),
            CodecError::NotOurs {
                found: JsonKind::Object
            }
        );
        assert_eq!(
            decode_err(r#"{"schema":-1,"guide_id":"jimei-2020","progress":{}}"#),
            CodecError::NotOurs {
                found: JsonKind::Object
            }
        );
        assert!(matches!(
            decode_err("{"),
            CodecError::Malformed { line: 1, .. }
        ));
        assert!(matches!(
            decode_err("not json"),
            CodecError::Malformed { .. }
        ));
        assert!(matches!(
            decode_err("{\"schema\":1,}"),
            CodecError::Malformed { .. }
        ));
        assert!(matches!(decode_err("{} {}"), CodecError::Malformed { .. }));
        assert!(matches!(decode_err("\u{0}"), CodecError::Malformed { .. }));
        let valid = valid_text();
        for cut in [1, valid.len() / 3, valid.len() / 2, valid.len() - 1] {
            assert!(
                matches!(decode_err(&valid[..cut]), CodecError::Malformed { .. }),
                "{cut}"
            );
        }
        assert_eq!(
            decode_err(&valid.replace("\"guide_id\":\"jimei-2020\"", "\"guide_id\":\"other\"")),
            CodecError::WrongGuide {
                found: "other".into(),
                expected: ID.into()
            }
        );
        assert_eq!(
            decode_err(&valid.replace("\"schema\":1", "\"schema\":999")),
            CodecError::NewerSchema {
                found: 999,
                supported: SCHEMA
            }
        );
        assert_eq!(
            decode_err(&valid.replace("\"schema\":1", "\"schema\":18446744073709551615")),
            CodecError::NewerSchema {
                found: u64::MAX,
                supported: SCHEMA
            }
        );
        assert_eq!(
            decode_err(&valid.replace("\"schema\":1", "\"schema\":0")),
            CodecError::OlderSchema {
                found: 0,
                oldest: 1
            }
        );
        // Our envelope with bad contents.
        assert!(matches!(
            decode_err(r#"{"schema":1,"guide_id":"jimei-2020"}"#),
            CodecError::Invalid { .. }
        ));
        assert!(matches!(
            decode_err(r#"{"schema":1,"guide_id":"jimei-2020","progress":[]}"#),
            CodecError::Invalid { .. }
        ));
        assert!(matches!(
            decode_err(
                r#"{"schema":1,"guide_id":"jimei-2020","progress":{"items":{"e1":{"mark":{"value":{"state":"burnt"}}}}}}"#
            ),
            CodecError::Invalid { .. }
        ));
        assert!(matches!(
            decode_err(
                r#"{"schema":1,"guide_id":"jimei-2020","progress":{"role":{"value":"boss"}}}"#
            ),
            CodecError::Invalid { .. }
        ));
        assert!(matches!(
            decode_err(r#"{"schema":1,"guide_id":"jimei-2020","saved_at":-5,"progress":{}}"#),
            CodecError::Invalid { .. }
        ));
        // Too large, refused before parsing.
        let huge = "[".repeat(MAX_STORED_BYTES + 1);
        assert_eq!(
            decode_err(&huge),
            CodecError::TooLarge {
                bytes: MAX_STORED_BYTES + 1,
                limit: MAX_STORED_BYTES
            }
        );
        // Deep nesting within the size limit is a parse error, not a stack overflow.
        assert!(matches!(
            decode_err(&"[".repeat(100_000)),
            CodecError::Malformed { .. }
        ));
        assert!(matches!(
            decode_err(&format!("{}{}", "{\"a\":".repeat(50_000), "1")),
            CodecError::Malformed { .. }
        ));
        // A byte-order mark is tolerated.
        assert!(decode(&format!("\u{feff}{valid}"), ID).is_ok());
        // Minimal valid value.
        let minimal = decode(r#"{"schema":1,"guide_id":"jimei-2020","progress":{}}"#, ID).unwrap();
        assert_eq!(minimal.progress, Progress::default());
        assert_eq!(minimal.guide_version, "");
    }

    #[test]
    fn decoded_texts_are_cut_to_their_limits() {
        let text = format!(
            r#"{{"schema":1,"guide_id":"jimei-2020","progress":{{"enterprise_name":{{"value":"{}","at":1}}}}}}"#,
            "名".repeat(5000)
        );
        let saved = decode(&text, ID).unwrap();
        assert_eq!(
            saved.progress.enterprise_name().chars().count(),
            MAX_NAME_CHARS
        );
    }

    /// Decoding anything must not panic; whatever decodes must encode and decode again.
    fn survives(text: &str) {
        if let Ok(saved) = decode(text, ID) {
            assert_eq!(decode(&encode(&saved), ID).as_ref(), Ok(&saved));
        }
        let g = sample();
        if let Ok(saved) = import(text, &g) {
            assert_eq!(import(&export(&saved), &g).as_ref(), Ok(&saved));
        }
        let _ = from_fragment(text, &g);
        let _ = load(Some(text), &g, 1);
        let _ = merge_stored(&Progress::default(), text, &g);
    }

    #[test]
    fn random_inputs_never_panic() {
        let mut rng = Rng(0xdead_beef_cafe_f00d);
        const ATOMS: &[&str] = &[
            "{",
            "}",
            "[",
            "]",
            ":",
            ",",
            "\"",
            "\\",
            "null",
            "true",
            "1",
            "-0",
            "1e999",
            "\"schema\"",
            "\"guide_id\"",
            "\"jimei-2020\"",
            "\"progress\"",
            "\"items\"",
            "\"mark\"",
            "\"value\"",
            "\"state\"",
            "\"done\"",
            " ",
            "集",
            "\u{0}",
            "\u{feff}",
            "p1.",
            "-",
            "_",
            "A",
        ];
        for _ in 0..1000 {
            let n = rng.below(40);
            let text: String = (0..n).map(|_| *rng.pick(ATOMS)).collect();
            survives(&text);
        }
        for _ in 0..300 {
            let n = rng.below(60);
            let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
            survives(&String::from_utf8_lossy(&bytes));
            let _ = import_bytes(&bytes, &sample());
        }
    }

    #[test]
    fn mutations_of_a_valid_value_never_panic() {
        let valid = valid_text().into_bytes();
        let g = sample();
        let exported = export(&decode(&valid_text(), ID).unwrap()).into_bytes();
        let mut rng = Rng(0x0123_4567_89ab_cdef);
        let mut decoded = 0;
        for round in 0..3000 {
            let mut bytes = if round % 2 == 0 {
                valid.clone()
            } else {
                exported.clone()
            };
            for _ in 0..1 + rng.below(4) {
                let at = rng.below(bytes.len() + 1);
                match rng.below(3) {
                    0 if at < bytes.len() => bytes[at] ^= 1 << rng.below(8),
                    1 if at < bytes.len() => {
                        bytes.remove(at);
                    }
                    _ => bytes.insert(
                        at,
                        *rng.pick(b"{}[]\",:0123456789abcdefnulltrue\\ \xe9\xff"),
                    ),
                }
            }
            let text = String::from_utf8_lossy(&bytes);
            if decode(&text, ID).is_ok() {
                decoded += 1;
            }
            survives(&text);
            let _ = import_bytes(&bytes, &g);
        }
        // Some mutations land in string contents and still decode.
        assert!(decoded > 0);
    }

    #[test]
    fn migration_hook_runs_each_step_in_order() {
        assert_eq!(OLDEST_SCHEMA as usize + MIGRATIONS.len(), SCHEMA as usize);
        // A hypothetical schema 0 that listed checked items, upgraded by one step to the
        // shape of schema 1, then a no-op step to a schema 2.
        fn v0_to_v1(value: Value) -> Result<Value, String> {
            let Value::Object(mut map) = value else {
                return Err("not an object".into());
            };
            let checked = map.remove("checked").ok_or("no checked list")?;
            let ids = checked.as_array().ok_or("checked is not a list")?;
            let mut items = serde_json::Map::new();
            for id in ids {
                let id = id.as_str().ok_or("item id is not a string")?;
                items.insert(
                    id.into(),
                    serde_json::json!({"mark": {"value": {"state": "done"}, "at": 1}}),
                );
            }
            map.insert("progress".into(), serde_json::json!({ "items": items }));
            Ok(Value::Object(map))
        }
        fn v1_to_v2(value: Value) -> Result<Value, String> {
            Ok(value)
        }
        let steps: &[Migration] = &[v0_to_v1, v1_to_v2];
        let v0 = serde_json::json!({"schema": 0, "guide_id": ID, "checked": ["e1", "e5"]});
        let v2 = migrate(v0.clone(), 0, 0, steps).unwrap();
        assert_eq!(v2["schema"], 2);
        let saved: Saved = serde_json::from_value(v2).unwrap();
        assert_eq!(saved.progress.mark("e1"), Some(&Mark::Done));
        assert_eq!(saved.progress.mark("e5"), Some(&Mark::Done));
        // Starting at schema 1 skips the first step.
        let v1 = serde_json::json!({"schema": 1, "guide_id": ID, "progress": {}});
        assert_eq!(migrate(v1, 1, 0, steps).unwrap()["schema"], 2);
        // A failing step is an Invalid error, not a panic.
        let broken = serde_json::json!({"schema": 0, "guide_id": ID, "checked": "e1"});
        assert_eq!(
            migrate(broken, 0, 0, steps),
            Err(CodecError::Invalid {
                message: "checked is not a list".into()
            })
        );
        // With no steps, the value passes through.
        assert_eq!(migrate(v0.clone(), 1, 1, MIGRATIONS), Ok(v0));
    }

    fn v2_guide() -> Guide {
        // e3 and m3 removed, e7 and m4 added, the canteen question lost its "no" answer
        // and travel is gone; a new question "masks".
        let mut g = sample();
        g.version = "2020.2".into();
        g.sections[0].items.retain(|i| i.id != "e3");
        g.sections[1].items.push(item("e7", true, None));
        g.sections[2].items.retain(|i| i.id != "m3");
        g.sections[2].items.push(item("m4", false, None));
        g.sections[2].items.retain(|i| i.id != "m2");
        g.questions[0].answers.retain(|a| a.id != "no");
        g.questions.retain(|q| q.id != "travel");
        g.questions
            .push(question("masks", Role::Enterprise, &["enough", "short"]));
        g.sections[0].items[1].applies_when = Some(Condition::Is {
            question: "canteen".into(),
            answer: "yes".into(),
        });
        g
    }

    #[test]
    fn reconcile_across_guide_versions_keeps_and_reports() {
        let v1 = sample();
        let v2 = v2_guide();
        let mut p = busy(&v1);
        p.apply(&v1, Action::Check { item: "m3".into() }, 1_600_000_000_000);
        let text = encode(&Saved::new(&v1, p.clone(), 1));

        let loaded = load(Some(&text), &v2, 2);
        assert_eq!(loaded.problem, None);
        let c = &loaded.change;
        assert_eq!(c.added, vec!["e7", "m4"]);
        // m2 was checked and is gone; m3 was checked and is gone; e3 was marked.
        assert_eq!(c.removed, vec!["e3", "m2", "m3"]);
        assert!(c.restored.is_empty());
        assert_eq!(c.removed_answers, vec!["canteen", "travel"]);
        assert!(c.restored_answers.is_empty());
        let q = &loaded.progress;
        // Progress of items still there is kept.
        assert_eq!(q.mark("e1"), Some(&Mark::Done));
        assert_eq!(q.note("e1"), p.note("e1"));
        // Removed progress is kept aside, not dropped, and not counted.
        assert_eq!(q.mark("e3"), None);
        assert_eq!(q.orphans.items["e3"], p.items["e3"]);
        assert_eq!(q.orphans.answers["canteen"].value.as_deref(), Some("no"));
        assert_eq!(q.answer("canteen"), None);
        assert_eq!(q.answer("travel"), None);
        assert_eq!(overview(&v2, q, Role::Employee).overall.done, 0);
        // And it survives a save and a reload with the same guide.
        let again = load(Some(&encode(&Saved::new(&v2, q.clone(), 3))), &v2, 4);
        assert!(again.change.is_empty(), "{:?}", again.change);
        assert_eq!(&again.progress, q);

        // Back to the first guide: everything comes back.
        let back = load(Some(&encode(&Saved::new(&v2, q.clone(), 5))), &v1, 6);
        assert_eq!(back.change.restored, vec!["e3", "m2", "m3"]);
        assert_eq!(back.change.restored_answers, vec!["canteen", "travel"]);
        assert!(back.change.removed.is_empty());
        assert!(back.change.added.is_empty(), "{:?}", back.change.added);
        assert_eq!(back.progress.mark("e3"), p.mark("e3"));
        assert_eq!(back.progress.answer("canteen"), Some("no"));
        assert_eq!(back.progress.answer("travel"), Some("yes"));
        assert!(back.progress.orphans.is_empty());
        for role in [Role::Enterprise, Role::Employee] {
            assert_eq!(overview(&v1, &back.progress, role), overview(&v1, &p, role));
        }
    }

    #[test]
    fn reconcile_reports_nothing_for_a_fresh_start_or_the_same_version() {
        let v1 = sample();
        let v2 = v2_guide();
        let (p, c) = reconcile(&v2, Progress::default(), "2020.1");
        assert!(c.is_empty());
        assert_eq!(p.known_items.len(), 8);
        let loaded = load(None, &v2, 1);
        assert!(loaded.change.is_empty());
        assert_eq!(loaded.problem, None);
        // Same version: no "added", even for items without progress.
        let (_, c) = reconcile(&v1, reconcile(&v1, Progress::default(), "x").0, &v1.version);
        assert!(c.is_empty());
        // A blank record of a removed item moves aside silently.
        let mut p = reconcile(&v1, Progress::default(), &v1.version).0;
        p.apply(&v1, Action::Check { item: "e3".into() }, 1);
        p.apply(&v1, Action::Uncheck { item: "e3".into() }, 2);
        let (p, c) = reconcile(&v2, p, &v1.version);
        assert!(c.removed.is_empty());
        assert!(p.orphans.items.contains_key("e3"));
    }

    #[test]
    fn reconcile_after_a_merge_of_an_item_both_live_and_kept_aside() {
        let g = sample();
        let mut live = Progress::default();
        live.apply(&g, Action::Check { item: "e1".into() }, 5);
        let mut kept = Progress::default();
        kept.orphans.items.insert(
            "e1".into(),
            ItemRecord {
                mark: Stamped::default(),
                note: Stamped::new("older note".into(), 3),
            },
        );
        kept.orphans
            .answers
            .insert("canteen".into(), Stamped::new(Some("yes".into()), 9));
        live.apply(
            &g,
            Action::Answer {
                question: "canteen".into(),
                answer: "no".into(),
            },
            4,
        );
        let (p, c) = reconcile(&g, merge(&live, &kept), &g.version);
        assert_eq!(p.mark("e1"), Some(&Mark::Done));
        assert_eq!(p.note("e1"), "older note");
        // The kept answer is newer than the live one, so it wins.
        assert_eq!(p.answer("canteen"), Some("yes"));
        assert_eq!(c.restored_answers, vec!["canteen"]);
        assert!(p.orphans.is_empty());
        // An older kept answer stays aside.
        let mut kept = Progress::default();
        kept.orphans
            .answers
            .insert("canteen".into(), Stamped::new(Some("yes".into()), 1));
        let (p, c) = reconcile(&g, merge(&live, &kept), &g.version);
        assert_eq!(p.answer("canteen"), Some("no"));
        assert!(c.restored_answers.is_empty());
        assert!(p.orphans.answers.contains_key("canteen"));
    }

    #[test]
    fn load_of_a_corrupt_value_starts_afresh_with_a_backup_key() {
        let g = sample();
        for text in ["", "{", "null", "[1,2]", "\u{0}\u{1}"] {
            let loaded = load(Some(text), &g, 1234);
            let problem = loaded.problem.expect(text);
            assert!(matches!(problem, LoadProblem::Unreadable { .. }), "{text}");
            assert_eq!(problem.backup_key(), Some(backup_key(ID, 1234).as_str()));
            assert_eq!(loaded.progress, load(None, &g, 1).progress);
            assert!(loaded.change.is_empty());
        }
        let foreign = valid_text().replace("jimei-2020", "haicang-2020");
        let problem = load(Some(&foreign), &g, 1).problem.unwrap();
        assert!(matches!(
            problem,
            LoadProblem::Unreadable {
                error: CodecError::WrongGuide { .. },
                ..
            }
        ));
        // Too large is unreadable too, and is copied before anything is written over it.
        let huge = "x".repeat(4 * 1_048_576);
        let problem = load(Some(&huge), &g, 1).problem.unwrap();
        assert!(matches!(
            problem,
            LoadProblem::Unreadable {
                error: CodecError::TooLarge { .. },
                ..
            }
        ));
        assert!(may_write_over(&problem, true));
        // Issue 20: a failed copy must leave the original in place.
        assert!(!may_write_over(&problem, false));
    }

    /// Issue 20: a newer version's record was replaced by a fresh one on load.
    #[test]
    fn a_newer_schema_is_never_copied_or_written_over() {
        let g = sample();
        let newer = valid_text().replace("\"schema\":1", "\"schema\":7");
        let loaded = load(Some(&newer), &g, 1234);
        let problem = loaded.problem.expect("a problem");
        assert_eq!(problem, LoadProblem::Newer { found: 7 });
        assert_eq!(problem.backup_key(), None);
        assert!(!may_write_over(&problem, true));
        assert!(!may_write_over(&problem, false));
        // A save from an older tab over it writes nothing, whatever it has.
        let mut current = loaded.progress;
        current.apply(&g, Action::Check { item: "e1".into() }, 2_000);
        let plan = plan_save(current.clone(), Stored::Text(&newer), &g, 3_000);
        assert_eq!(plan.write, None);
        assert!(!plan.changed);
        assert_eq!(plan.progress, current);
        assert_eq!(plan.problem, Some(LoadProblem::Newer { found: 7 }));
    }

    /// Issue 20: an unreadable value found at save time was written over without a copy.
    #[test]
    fn a_save_over_an_unreadable_value_asks_for_a_copy_first() {
        let g = sample();
        let mut current = load(None, &g, 0).progress;
        current.apply(&g, Action::Check { item: "e1".into() }, 10);
        let plan = plan_save(current.clone(), Stored::Text("{broken"), &g, 20);
        let problem = plan.problem.expect("a copy first");
        assert!(matches!(problem, LoadProblem::Unreadable { .. }));
        assert_eq!(problem.backup_key(), Some(backup_key(ID, 20).as_str()));
        let written = plan.write.expect("a write once copied");
        assert_eq!(decode(&written, ID).unwrap().progress, current);
        // Our own value or none needs no copy.
        for stored in [Stored::Nothing, Stored::Ours] {
            assert_eq!(plan_save(current.clone(), stored, &g, 20).problem, None);
        }
        let good = encode(&Saved::new(&g, current.clone(), 15));
        assert_eq!(
            plan_save(current, Stored::Text(&good), &g, 20).problem,
            None
        );
    }

    /// The valid record of `valid_text` with one bad item and one bad answer added.
    fn with_bad_entries() -> String {
        let mut value: Value = serde_json::from_str(&valid_text()).unwrap();
        let progress = value["progress"].as_object_mut().unwrap();
        progress["items"].as_object_mut().unwrap().insert(
            "e2".into(),
            serde_json::json!({"mark": {"value": {"state": "burnt"}, "at": 5}}),
        );
        progress["answers"]
            .as_object_mut()
            .unwrap()
            .insert("staff".into(), serde_json::json!({"value": 42, "at": 5}));
        value.to_string()
    }

    /// Issue 20: one bad item threw away the whole record.
    #[test]
    fn one_bad_entry_drops_only_that_entry() {
        let g = sample();
        let text = with_bad_entries();
        assert!(matches!(decode(&text, ID), Err(CodecError::Invalid { .. })));
        let decoded = decode_stored(&text, ID).unwrap();
        assert_eq!(decoded.dropped, 2);
        assert_eq!(decoded.saved, decode(&valid_text(), ID).unwrap());
        let loaded = load(Some(&text), &g, 77);
        assert_eq!(
            loaded.problem,
            Some(LoadProblem::Dropped {
                count: 2,
                backup_key: backup_key(ID, 77)
            })
        );
        assert_eq!(loaded.progress, load(Some(&valid_text()), &g, 77).progress);
        assert_eq!(loaded.progress.mark("e1"), Some(&Mark::Done));
        assert_eq!(loaded.progress.answer("canteen"), Some("no"));
        // A clean record drops nothing.
        assert_eq!(decode_stored(&valid_text(), ID).unwrap().dropped, 0);
        assert_eq!(load(Some(&valid_text()), &g, 1).problem, None);
        // A save over it copies it first and writes the rest, even when nothing else changed.
        let plan = plan_save(loaded.progress.clone(), Stored::Text(&text), &g, 80);
        assert!(matches!(
            plan.problem,
            Some(LoadProblem::Dropped { count: 2, .. })
        ));
        let written = plan.write.expect("the rest is written once copied");
        assert_eq!(decode_stored(&written, ID).unwrap().dropped, 0);
    }

    #[test]
    fn each_kind_of_bad_entry_is_counted_once() {
        let base = r#"{"schema":1,"guide_id":"jimei-2020","progress":"#;
        let dropped = |progress: &str| {
            decode_stored(&format!("{base}{progress}}}"), ID)
                .map(|d| d.dropped)
                .unwrap_or(usize::MAX)
        };
        assert_eq!(dropped("{}"), 0);
        assert_eq!(dropped(r#"{"role":{"value":"boss"}}"#), 1);
        assert_eq!(dropped(r#"{"enterprise_name":{"value":7}}"#), 1);
        assert_eq!(dropped(r#"{"language":"zh"}"#), 1);
        assert_eq!(dropped(r#"{"known_items":{"a":1}}"#), 1);
        assert_eq!(dropped(r#"{"items":[1,2]}"#), 1);
        assert_eq!(
            dropped(r#"{"items":{"a":{"note":{"value":1}},"b":{"note":{"value":"ok"}},"c":7}}"#),
            2
        );
        assert_eq!(
            dropped(r#"{"orphans":{"items":{"a":5},"answers":{"q":{"value":"x"},"r":"x"}}}"#),
            2
        );
        assert_eq!(dropped(r#"{"orphans":3}"#), 1);
        // The envelope must be right: these are unreadable as a whole.
        assert!(decode_stored(&format!("{base}[]}}"), ID).is_err());
        assert!(decode_stored(r#"{"schema":1,"guide_id":"jimei-2020"}"#, ID).is_err());
        assert!(decode_stored(
            r#"{"schema":1,"guide_id":"jimei-2020","saved_at":-5,"progress":{}}"#,
            ID
        )
        .is_err());
        // What is kept reads back the same.
        let text =
            format!(r#"{base}{{"items":{{"a":{{"note":{{"value":"ok","at":3}}}},"b":1}}}}}}"#);
        let kept = decode_stored(&text, ID).unwrap().saved;
        assert_eq!(kept.progress.note("a"), "ok");
        assert_eq!(decode(&encode(&kept), ID), Ok(kept));
    }

    #[test]
    fn kept_values_download_under_a_name_that_says_which() {
        assert_eq!(
            kept_file_name(&backup_key(ID, 1_700_000_000_000)),
            "jimei-progress-backup-1700000000000.json"
        );
        assert_eq!(
            kept_file_name(&storage_key(ID)),
            "jimei-progress-unreadable.json"
        );
    }

    #[test]
    fn two_tabs_editing_different_items_through_storage() {
        let g = sample();
        let start = load(None, &g, 0).progress;
        let mut a = start.clone();
        let mut b = start.clone();
        a.apply(&g, Action::Check { item: "e1".into() }, 10);
        let stored_by_a = encode(&Saved::new(&g, a.clone(), 10));
        b.apply(&g, Action::Check { item: "e2".into() }, 11);
        // B sees A's write, merges, and writes the merge back.
        b = merge_stored(&b, &stored_by_a, &g).unwrap();
        assert_eq!(b.mark("e1"), Some(&Mark::Done));
        assert_eq!(b.mark("e2"), Some(&Mark::Done));
        let stored_by_b = encode(&Saved::new(&g, b.clone(), 12));
        // A sees B's write: the same state, and no further write needed.
        a = merge_stored(&a, &stored_by_b, &g).unwrap();
        assert_eq!(a, b);
        assert_eq!(merge_stored(&a, &stored_by_b, &g).unwrap(), a);
        // A corrupt event value leaves ours as it is.
        assert!(merge_stored(&a, "{garbage", &g).is_err());
    }

    #[test]
    fn export_import_round_trip_and_shape() {
        let g = sample();
        let saved = Saved::new(&g, busy(&g), 5);
        let file = export(&saved);
        assert!(
            file.starts_with("{\n  \"format\": \"jimei-progress\",\n  \"schema\": 1,"),
            "{file}"
        );
        assert_eq!(import(&file, &g), Ok(saved.clone()));
        assert_eq!(import_bytes(file.as_bytes(), &g), Ok(saved.clone()));
        // An import is adopted over the current progress, as newer changes.
        let mut current = load(None, &g, 0).progress;
        current.apply(&g, Action::Check { item: "e6".into() }, 2_000_000_000_000);
        let (imported, change) = import(&file, &g).unwrap().into_progress(&g);
        assert!(change.is_empty());
        assert!(current.overwrite(&imported, Notes::Replace, 2_000_000_000_001));
        assert_eq!(current.mark("e6"), None);
        assert_eq!(current.note("e1"), saved.progress.note("e1"));
    }

    #[test]
    fn import_refuses_bad_files_each_with_its_reason() {
        let g = sample();
        let file = export(&Saved::new(&g, busy(&g), 5));
        // The size limit is checked before parsing: a huge file of valid JSON is refused
        // for its size, not parsed.
        let padded = format!("{}{}", file, " ".repeat(MAX_IMPORT_BYTES));
        assert_eq!(
            import(&padded, &g),
            Err(CodecError::TooLarge {
                bytes: padded.len(),
                limit: MAX_IMPORT_BYTES
            })
        );
        assert!(matches!(
            import_bytes(&vec![b'{'; MAX_IMPORT_BYTES + 1], &g),
            Err(CodecError::TooLarge { .. })
        ));
        // Exactly at the limit is parsed.
        let at_limit = format!("{}{}", file, " ".repeat(MAX_IMPORT_BYTES - file.len()));
        assert!(import(&at_limit, &g).is_ok());
        assert_eq!(
            import_bytes(&[0xff, 0xfe, b'{'], &g),
            Err(CodecError::NotText)
        );
        assert_eq!(import("", &g), Err(CodecError::Empty));
        assert!(matches!(
            import("{\"format\":", &g),
            Err(CodecError::Malformed { .. })
        ));
        assert!(matches!(
            import(&file[..file.len() - 2], &g),
            Err(CodecError::Malformed { .. })
        ));
        assert_eq!(
            import("[]", &g),
            Err(CodecError::NotOurs {
                found: JsonKind::Array
            })
        );
        // The stored value is not an export file.
        assert_eq!(
            import(&valid_text(), &g),
            Err(CodecError::NotAnExport { found: None })
        );
        assert_eq!(
            import(&file.replace("jimei-progress", "other-app"), &g),
            Err(CodecError::NotAnExport {
                found: Some("other-app".into())
            })
        );
        assert_eq!(
            import(
                &file.replace("\"format\": \"jimei-progress\"", "\"format\": 3"),
                &g
            ),
            Err(CodecError::NotAnExport { found: None })
        );
        assert_eq!(
            import(
                &file.replace(
                    "\"guide_id\": \"jimei-2020\"",
                    "\"guide_id\": \"haicang-2020\""
                ),
                &g
            ),
            Err(CodecError::WrongGuide {
                found: "haicang-2020".into(),
                expected: ID.into()
            })
        );
        assert_eq!(
            import(&file.replace("\"schema\": 1", "\"schema\": 2"), &g),
            Err(CodecError::NewerSchema {
                found: 2,
                supported: 1
            })
        );
        assert!(matches!(
            import(
                &file
                    .replace("\"progress\": {", "\"progress\": [{")
                    .replace("\n}", "]}"),
                &g
            ),
            Err(CodecError::Invalid { .. })
        ));
        // An export of an older guide version is accepted and reconciled by the caller.
        let older = file.replace(
            "\"guide_version\": \"2020.1\"",
            "\"guide_version\": \"2019.9\"",
        );
        let saved = import(&older, &g).unwrap();
        assert_eq!(saved.guide_version, "2019.9");
    }

    #[test]
    fn base64url_codec() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(b64_encode(plain.as_bytes()), coded);
            assert_eq!(b64_decode(coded).unwrap(), plain.as_bytes());
        }
        assert_eq!(b64_encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(b64_decode("Z"), None);
        assert_eq!(b64_decode("Zg=="), None);
        assert_eq!(b64_decode("Zh"), None, "non-zero leftover bits");
        assert_eq!(b64_decode("Zm9v+"), None);
        assert_eq!(b64_decode("集集"), None);
        let mut rng = Rng(3);
        for _ in 0..500 {
            let n = rng.below(50);
            let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
            let coded = b64_encode(&bytes);
            assert!(coded.bytes().all(|b| B64.contains(&b)));
            assert_eq!(b64_decode(&coded).unwrap(), bytes);
        }
    }

    #[test]
    fn fragment_round_trip_and_shape() {
        let g = sample();
        let p = busy(&g);
        let fragment = to_fragment(&p, &g).unwrap();
        assert!(fragment.starts_with("p1."));
        assert!(
            fragment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)),
            "{fragment}"
        );
        let back = from_fragment(&format!("#{fragment}"), &g).unwrap();
        assert_eq!(back, from_fragment(&fragment, &g).unwrap());
        assert_eq!(back.mark("e1"), Some(&Mark::Done));
        assert_eq!(
            back.mark("e3"),
            Some(&Mark::NotApplicable {
                reason: "无食堂".into()
            })
        );
        assert_eq!(back.mark("m2"), Some(&Mark::Done));
        assert_eq!(back.answer("canteen"), Some("no"));
        assert_eq!(back.answer("travel"), Some("yes"));
        assert_eq!(back.role(), Role::Employee);
        assert_eq!(back.enterprise_name(), "厦门集美某食品有限公司");
        // Notes and the language stay out.
        assert_eq!(back.note("e1"), "");
        assert_eq!(back.language(), None);
        // Adopting a link keeps our notes.
        let mut mine = p.clone();
        mine.apply(&g, Action::Check { item: "e5".into() }, 2_000_000_000_000);
        assert!(mine.overwrite(&back, Notes::Keep, 2_000_000_000_001));
        assert_eq!(mine.mark("e5"), None);
        assert_eq!(mine.note("e1"), p.note("e1"));
        // An empty progress is a tiny link.
        let empty = to_fragment(&Progress::default(), &g).unwrap();
        assert!(empty.len() < 60, "{empty}");
        assert_eq!(
            from_fragment(&empty, &g).unwrap().answers(),
            Default::default()
        );
    }

    /// A guide like the real one: 60 items over 8 sections, 6 questions.
    fn big_guide() -> Guide {
        let questions = (0..6)
            .map(|q| question(&format!("q{q}"), Role::Enterprise, &["yes", "no", "partly"]))
            .collect();
        let sections = (0..8)
            .map(|s| {
                let role = if s < 6 {
                    Role::Enterprise
                } else {
                    Role::Employee
                };
                let items = (0..60)
                    .filter(|i| i % 8 == s)
                    .map(|i| item(&format!("item-{i:02}"), i % 3 != 0, None))
                    .collect();
                section(&format!("section-{s}"), role, items)
            })
            .collect();
        let mut g = guide("2020.2", questions, sections);
        g.id = "jimei-2020-resumption".into();
        g
    }

    #[test]
    fn fragment_size_for_a_sixty_item_guide() {
        let g = big_guide();
        let mut p = Progress::default();
        let mut rng = Rng(11);
        let ids: Vec<String> = g
            .sections
            .iter()
            .flat_map(|s| &s.items)
            .map(|i| i.id.clone())
            .collect();
        assert_eq!(ids.len(), 60);
        for id in &ids {
            let action = match rng.below(5) {
                0 => Action::MarkNotApplicable {
                    item: id.clone(),
                    reason: String::new(),
                },
                1 => continue,
                _ => Action::Check { item: id.clone() },
            };
            p.apply(&g, action, 1);
        }
        p.apply(
            &g,
            Action::MarkNotApplicable {
                item: ids[5].clone(),
                reason: "没有食堂".into(),
            },
            2,
        );
        for q in 0..6 {
            p.apply(
                &g,
                Action::Answer {
                    question: format!("q{q}"),
                    answer: "partly".into(),
                },
                3,
            );
        }
        p.apply(
            &g,
            Action::SetEnterpriseName("厦门集美某某食品有限公司".into()),
            4,
        );
        let fragment = to_fragment(&p, &g).unwrap();
        println!(
            "60 items, 6 answers, one reason, a 12-character name: {} characters: {fragment}",
            fragment.len()
        );
        assert!(fragment.len() < 260, "{}", fragment.len());
        let back = from_fragment(&fragment, &g).unwrap();
        for id in &ids {
            assert_eq!(back.mark(id), p.mark(id));
        }
        assert_eq!(back.answers(), p.answers());
    }

    #[test]
    fn fragment_drops_reasons_rather_than_exceed_the_limit() {
        let g = big_guide();
        let mut p = Progress::default();
        for item in g.sections.iter().flat_map(|s| &s.items) {
            p.apply(
                &g,
                Action::MarkNotApplicable {
                    item: item.id.clone(),
                    reason: "理".repeat(MAX_REASON_CHARS),
                },
                1,
            );
        }
        let fragment = to_fragment(&p, &g).unwrap();
        assert!(fragment.len() <= MAX_FRAGMENT_BYTES);
        let back = from_fragment(&fragment, &g).unwrap();
        let first = &g.sections[0].items[0].id;
        assert_eq!(
            back.mark(first),
            Some(&Mark::NotApplicable {
                reason: String::new()
            })
        );
        // With a few reasons they are kept, cut to 100 characters.
        let mut q = Progress::default();
        q.apply(
            &g,
            Action::MarkNotApplicable {
                item: first.clone(),
                reason: "理".repeat(150),
            },
            1,
        );
        let back = from_fragment(&to_fragment(&q, &g).unwrap(), &g).unwrap();
        assert_eq!(
            back.mark(first),
            Some(&Mark::NotApplicable {
                reason: "理".repeat(100)
            })
        );
    }

    fn payload(json: &str) -> String {
        format!("p1.{}", b64_encode(json.as_bytes()))
    }

    #[test]
    fn corrupt_fragments_are_refused() {
        let g = sample();
        let err = |f: &str| from_fragment(f, &g).expect_err(f);
        let corrupt = |f: &str| matches!(err(f), FragmentError::Corrupt(_));
        assert_eq!(err(""), FragmentError::UnknownFormat);
        assert_eq!(err("#"), FragmentError::UnknownFormat);
        assert_eq!(err("p2.e30"), FragmentError::UnknownFormat);
        assert_eq!(err("/checklist"), FragmentError::UnknownFormat);
        assert!(corrupt("p1."));
        assert!(corrupt("p1.!!!!"));
        assert!(corrupt("p1.e30=")); // padding
        assert!(corrupt("p1.e"));
        assert!(corrupt(&payload("[]")));
        assert!(corrupt(&payload("{}")));
        assert!(corrupt(&payload("{\"g\":\"jimei-2020\"}")));
        assert!(corrupt(&payload(
            r#"{"g":"jimei-2020","v":"2020.1","zz":1}"#
        )));
        assert!(corrupt(&payload(
            r#"{"g":"jimei-2020","v":"2020.1","r":2}"#
        )));
        assert!(corrupt(&payload(
            r#"{"g":"jimei-2020","v":"2020.1","r":-1}"#
        )));
        assert!(corrupt(&payload(
            r#"{"g":"jimei-2020","v":"2020.1","m":"r"}"#
        )));
        assert!(corrupt(&payload(
            r#"{"g":"jimei-2020","v":"2020.1","m":"!"}"#
        )));
        // 9 items fit in 3 characters; a fourth with marks is too many, a zero one is not.
        assert!(corrupt(&payload(
            r#"{"g":"jimei-2020","v":"2020.1","m":"0001"}"#
        )));
        assert!(corrupt(&payload(
            r#"{"g":"jimei-2020","v":"2020.1","m":"0000"}"#
        )));
        assert!(
            from_fragment(&payload(r#"{"g":"jimei-2020","v":"2020.1","m":"000"}"#), &g).is_ok()
        );
        // Reasons only on items marked not applicable.
        assert!(corrupt(&payload(
            r#"{"g":"jimei-2020","v":"2020.1","m":"1","x":{"0":"r"}}"#
        )));
        assert!(corrupt(&payload(
            r#"{"g":"jimei-2020","v":"2020.1","m":"2","x":{"1":"r"}}"#
        )));
        assert!(corrupt(&payload(
            r#"{"g":"jimei-2020","v":"2020.1","x":{"99":"r"}}"#
        )));
        assert!(corrupt(&payload(
            r#"{"g":"jimei-2020","v":"2020.1","m":"2","x":{"a":"r"}}"#
        )));
        let ok = from_fragment(
            &payload(r#"{"g":"jimei-2020","v":"2020.1","m":"2","x":{"0":"r"}}"#),
            &g,
        )
        .unwrap();
        assert_eq!(
            ok.mark("e1"),
            Some(&Mark::NotApplicable { reason: "r".into() })
        );
        // Answers in range.
        assert!(corrupt(&payload(
            r#"{"g":"jimei-2020","v":"2020.1","a":[5]}"#
        )));
        assert!(corrupt(&payload(
            r#"{"g":"jimei-2020","v":"2020.1","a":[0,0,0,0,0]}"#
        )));
        assert!(corrupt(&payload(
            r#"{"g":"jimei-2020","v":"2020.1","a":[-1]}"#
        )));
        assert!(corrupt(&payload(
            r#"{"g":"jimei-2020","v":"2020.1","a":["yes"]}"#
        )));
        let ok = from_fragment(
            &payload(r#"{"g":"jimei-2020","v":"2020.1","a":[null,1,2,0]}"#),
            &g,
        )
        .unwrap();
        assert_eq!(ok.answer("canteen"), None);
        assert_eq!(ok.answer("staff"), Some("mixed"));
        assert_eq!(ok.answer("travel"), Some("yes"));
        // Another guide, another version.
        assert_eq!(
            err(&payload(r#"{"g":"haicang","v":"2020.1"}"#)),
            FragmentError::WrongGuide {
                found: "haicang".into(),
                expected: ID.into()
            }
        );
        let v2 = v2_guide();
        assert_eq!(
            from_fragment(&to_fragment(&busy(&g), &g).unwrap(), &v2),
            Err(FragmentError::GuideVersion {
                found: "2020.1".into(),
                expected: "2020.2".into()
            })
        );
        // Too long, refused before decoding.
        let long = format!("p1.{}", "A".repeat(MAX_FRAGMENT_BYTES));
        assert_eq!(
            err(&long),
            FragmentError::TooLarge {
                bytes: long.len(),
                limit: MAX_FRAGMENT_BYTES
            }
        );
    }

    #[test]
    fn mutated_fragments_never_panic() {
        let g = sample();
        let valid = to_fragment(&busy(&g), &g).unwrap().into_bytes();
        let mut rng = Rng(99);
        let mut ok = 0;
        for _ in 0..2000 {
            let mut bytes = valid.clone();
            for _ in 0..1 + rng.below(3) {
                let at = rng.below(bytes.len() + 1);
                match rng.below(3) {
                    0 if at < bytes.len() => bytes[at] = *rng.pick(B64),
                    1 if at < bytes.len() => {
                        bytes.remove(at);
                    }
                    _ => bytes.insert(at, *rng.pick(B64)),
                }
            }
            if from_fragment(&String::from_utf8_lossy(&bytes), &g).is_ok() {
                ok += 1;
            }
        }
        assert!(ok < 2000);
    }
}
