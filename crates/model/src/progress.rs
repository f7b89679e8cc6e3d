//! The checklist's state: what the user has checked, marked not applicable, noted and
//! answered, for both roles, and what follows from it: each item's status, progress per
//! section and overall, and the readiness verdict.
//!
//! Every value the user sets carries a stamp (the caller's millisecond clock, made strictly
//! increasing per field), so two copies of the state, such as two open tabs, merge field by
//! field: the newer value wins. A cleared value is kept as a stamped blank rather than
//! removed, so an uncheck beats an older check. `merge` is commutative, associative and
//! idempotent, so the tabs converge whatever order they see each other's writes in.
//!
//! Pure: no browser and no I/O. Time comes in as `now` from the caller.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::guide::{Answers, CardPoint, Condition, Guide, Item, Role, Section, CLASS_QUESTION};

/// Longest note on an item, in characters; longer notes are cut at a character boundary.
pub const MAX_NOTE_CHARS: usize = 2_000;
/// Longest reason for marking an item not applicable, in characters.
pub const MAX_REASON_CHARS: usize = 200;
/// Longest enterprise name, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest language tag, in characters.
pub const MAX_LANGUAGE_CHARS: usize = 35;

/// A value with the time it was last set, for merging two copies of the state.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, bound(deserialize = "T: Deserialize<'de> + Default"))]
pub struct Stamped<T> {
    pub value: T,
    /// When the value was set (milliseconds since the epoch); 0 for never.
    pub at: u64,
}

impl<T: Clone + Ord + Default> Stamped<T> {
    pub fn new(value: T, at: u64) -> Self {
        Stamped { value, at }
    }

    /// Sets the value with a stamp later than both `now` and the previous stamp, so a new
    /// edit always wins over what it replaces. Returns false, touching nothing, when the
    /// value is unchanged.
    fn set(&mut self, value: T, now: u64) -> bool {
        if self.value == value {
            return false;
        }
        self.at = now.max(self.at.saturating_add(1));
        self.value = value;
        true
    }

    /// The newer of two; on equal stamps the greater value, so the result does not depend
    /// on the order of the arguments.
    pub fn join(a: &Self, b: &Self) -> Self {
        if (b.at, &b.value) > (a.at, &a.value) {
            b.clone()
        } else {
            a.clone()
        }
    }

    fn is_initial(&self) -> bool {
        self.at == 0 && self.value == T::default()
    }
}

/// An answer id with its stamp; `None` is an answer that was cleared.
pub type StampedAnswer = Stamped<Option<String>>;

/// What the user has set on an item. No mark means not started.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Mark {
    Done,
    /// Set by hand, with the user's short reason (possibly empty).
    NotApplicable {
        reason: String,
    },
}

/// Everything saved about one item. The mark and the note are stamped separately so that a
/// check in one tab and a note in the other are both kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ItemRecord {
    #[serde(skip_serializing_if = "Stamped::is_initial")]
    pub mark: Stamped<Option<Mark>>,
    #[serde(skip_serializing_if = "Stamped::is_initial")]
    pub note: Stamped<String>,
}

impl ItemRecord {
    /// True when the record holds nothing the user would miss (no mark, no note).
    pub fn is_blank(&self) -> bool {
        self.mark.value.is_none() && self.note.value.is_empty()
    }

    pub fn join(a: &Self, b: &Self) -> Self {
        ItemRecord {
            mark: Stamped::join(&a.mark, &b.mark),
            note: Stamped::join(&a.note, &b.note),
        }
    }
}

/// Progress kept aside because the guide no longer has the item, question or answer it is
/// about. It comes back if a later guide restores them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Orphans {
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub items: BTreeMap<String, ItemRecord>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub answers: BTreeMap<String, StampedAnswer>,
}

impl Orphans {
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.answers.is_empty()
    }

    fn join(a: &Self, b: &Self) -> Self {
        Orphans {
            items: join_maps(&a.items, &b.items, ItemRecord::join),
            answers: join_maps(&a.answers, &b.answers, Stamped::join),
        }
    }
}

/// Everything the user sets, for both roles. Item ids are unique across the guide, so one
/// map holds both roles' items; each role's checklist is the items of its sections.
///
/// Change it through `apply`, `reset`, `undo_reset` and `overwrite`, which keep the stamps
/// right; the fields are public for the codec and for tests.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    pub role: Stamped<Role>,
    pub enterprise_name: Stamped<String>,
    /// The interface language chosen by the user; `None` follows the browser.
    pub language: Stamped<Option<String>>,
    /// Question id to answer id; `None` is an answer that was cleared.
    pub answers: BTreeMap<String, StampedAnswer>,
    /// Item id to what the user set on it.
    pub items: BTreeMap<String, ItemRecord>,
    /// The item ids of the guide this progress was last reconciled with, to tell which
    /// items a new guide version adds.
    pub known_items: BTreeSet<String>,
    #[serde(skip_serializing_if = "Orphans::is_empty")]
    pub orphans: Orphans,
}

/// A change the user makes. See `Progress::apply`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Check {
        item: String,
    },
    /// Clears a check; does nothing to an item marked not applicable.
    Uncheck {
        item: String,
    },
    MarkNotApplicable {
        item: String,
        reason: String,
    },
    /// Clears a check or a not-applicable mark.
    ClearMark {
        item: String,
    },
    SetNote {
        item: String,
        note: String,
    },
    Answer {
        question: String,
        answer: String,
    },
    ClearAnswer {
        question: String,
    },
    SetRole(Role),
    SetEnterpriseName(String),
    /// A language tag, or `None` to follow the browser again.
    SetLanguage(Option<String>),
    /// Clears one role's checklist; `Progress::perform` hands back what it cleared.
    Reset {
        role: Role,
    },
    /// Puts back what a reset cleared.
    UndoReset(ResetUndo),
    /// Takes on what another progress shows: an imported file (`Notes::Replace`) or a share
    /// link (`Notes::Keep`). See `Progress::overwrite`.
    Adopt {
        progress: Box<Progress>,
        notes: Notes,
    },
    /// Takes on one role's checklist from another progress (a share link): see
    /// `Progress::overwrite_role`.
    AdoptRole {
        progress: Box<Progress>,
        role: Role,
    },
}

/// What `Progress::perform` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    /// Nothing changed; there is nothing to save.
    Unchanged,
    Changed,
    /// A reset cleared something, and this is what it cleared, for its one step of undo.
    Reset(ResetUndo),
}

impl Applied {
    /// Whether the progress changed.
    pub fn changed(&self) -> bool {
        !matches!(self, Applied::Unchanged)
    }
}

/// Which fields `Progress::overwrite` takes from the other progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notes {
    /// Take the other's notes too (an imported file).
    Replace,
    /// Keep our notes (a share link, which carries none).
    Keep,
}

/// What `reset` cleared, so `undo_reset` can put it back. It is stored (`encode`), so the
/// one undo a reset offers survives a reload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResetUndo {
    role: Role,
    /// Item id to its record before and after the reset.
    items: BTreeMap<String, (ItemRecord, ItemRecord)>,
    /// Question id to its answer before and after the reset.
    answers: BTreeMap<String, (StampedAnswer, StampedAnswer)>,
}

/// The schema of a stored `ResetUndo`; a value of any other is not used.
const UNDO_SCHEMA: u32 = 1;

/// A stored `ResetUndo`, with its schema.
#[derive(Serialize, Deserialize)]
struct StoredUndo {
    schema: u32,
    undo: ResetUndo,
}

impl ResetUndo {
    /// The role whose checklist was reset.
    pub fn role(&self) -> Role {
        self.role
    }

    /// Where the last reset's undo of guide `guide_id` is kept, beside its progress.
    pub fn storage_key(guide_id: &str) -> String {
        format!("jimei.progress.undo/{guide_id}")
    }

    /// The text to store.
    pub fn encode(&self) -> String {
        let stored = StoredUndo {
            schema: UNDO_SCHEMA,
            undo: self.clone(),
        };
        serde_json::to_string(&stored).unwrap_or_default()
    }

    /// The undo in a stored text; `None` for anything unreadable or of another schema, which
    /// only costs the offer of an undo (undoing checks each record against what the reset
    /// left, so a stale undo changes nothing edited since).
    pub fn decode(text: &str) -> Option<ResetUndo> {
        serde_json::from_str::<StoredUndo>(text)
            .ok()
            .filter(|s| s.schema == UNDO_SCHEMA)
            .map(|s| s.undo)
    }
}

impl Progress {
    /// The role whose checklist the user is working on.
    pub fn role(&self) -> Role {
        self.role.value
    }

    pub fn enterprise_name(&self) -> &str {
        &self.enterprise_name.value
    }

    /// Whether this holds anything the user would miss if it were replaced: a mark, a note,
    /// an answer, the enterprise name or kept-aside progress. The role and language alone
    /// are not worth a copy.
    pub fn holds_work(&self) -> bool {
        !self.enterprise_name.value.trim().is_empty()
            || self.items.values().any(|r| !r.is_blank())
            || self.answers.values().any(|a| a.value.is_some())
            || !self.orphans.is_empty()
    }

    pub fn language(&self) -> Option<&str> {
        self.language.value.as_deref()
    }

    /// The answer given to a question, if any.
    pub fn answer(&self, question: &str) -> Option<&str> {
        self.answers.get(question).and_then(|s| s.value.as_deref())
    }

    /// The answers given, for evaluating conditions.
    pub fn answers(&self) -> Answers {
        self.answers
            .iter()
            .filter_map(|(q, s)| s.value.clone().map(|a| (q.clone(), a)))
            .collect()
    }

    /// The mark the user set on an item, if any (whatever the answers say).
    pub fn mark(&self, item: &str) -> Option<&Mark> {
        self.items.get(item).and_then(|r| r.mark.value.as_ref())
    }

    pub fn note(&self, item: &str) -> &str {
        self.items.get(item).map_or("", |r| r.note.value.as_str())
    }

    /// The item's status given the answers. For many items at once, compute the answers
    /// once and call `item_status`.
    pub fn status(&self, item: &Item) -> ItemStatus {
        item_status(item, self.mark(&item.id), &self.answers())
    }

    /// Applies a change made at time `now`. Returns whether anything changed, so the caller
    /// saves only when it did. Actions on items or questions the guide does not have, and
    /// answers the question does not offer, change nothing. Texts are cut to their limits.
    pub fn apply(&mut self, guide: &Guide, action: Action, now: u64) -> bool {
        self.perform(guide, action, now).changed()
    }

    /// `apply`, saying what happened: a reset also hands back what it cleared.
    pub fn perform(&mut self, guide: &Guide, action: Action, now: u64) -> Applied {
        let changed = match action {
            Action::Reset { role } => {
                return match self.reset(guide, role, now) {
                    Some(undo) => Applied::Reset(undo),
                    None => Applied::Unchanged,
                }
            }
            Action::UndoReset(undo) => self.undo_reset(undo, now),
            Action::Adopt { progress, notes } => self.overwrite(&progress, notes, now),
            Action::AdoptRole { progress, role } => {
                self.overwrite_role(guide, &progress, role, now)
            }
            action => self.apply_edit(guide, action, now),
        };
        if changed {
            Applied::Changed
        } else {
            Applied::Unchanged
        }
    }

    /// The actions that edit one field.
    fn apply_edit(&mut self, guide: &Guide, action: Action, now: u64) -> bool {
        match action {
            Action::Check { item } => self.set_mark(guide, &item, Some(Mark::Done), now),
            Action::Uncheck { item } => {
                self.mark(&item) == Some(&Mark::Done) && self.set_mark(guide, &item, None, now)
            }
            Action::MarkNotApplicable { item, reason } => {
                let reason = clip(reason, MAX_REASON_CHARS);
                self.set_mark(guide, &item, Some(Mark::NotApplicable { reason }), now)
            }
            Action::ClearMark { item } => self.set_mark(guide, &item, None, now),
            Action::SetNote { item, note } => {
                let note = clip(note, MAX_NOTE_CHARS);
                find_item(guide, &item).is_some()
                    && edit_entry(&mut self.items, &item, |r| r.note.set(note, now))
            }
            Action::Answer { question, answer } => {
                let offered = guide
                    .questions
                    .iter()
                    .any(|q| q.id == question && q.answers.iter().any(|a| a.id == answer));
                offered && edit_entry(&mut self.answers, &question, |s| s.set(Some(answer), now))
            }
            Action::ClearAnswer { question } => {
                edit_entry(&mut self.answers, &question, |s| s.set(None, now))
            }
            Action::SetRole(role) => self.role.set(role, now),
            Action::SetEnterpriseName(name) => {
                self.enterprise_name.set(clip(name, MAX_NAME_CHARS), now)
            }
            Action::SetLanguage(language) => {
                let language = language.map(|l| clip(l, MAX_LANGUAGE_CHARS));
                self.language.set(language, now)
            }
            // Handled by `perform`.
            Action::Reset { .. }
            | Action::UndoReset(_)
            | Action::Adopt { .. }
            | Action::AdoptRole { .. } => false,
        }
    }

    /// How many of the role's questions have no answer yet.
    pub fn unanswered(&self, guide: &Guide, role: Role) -> usize {
        guide
            .questions
            .iter()
            .filter(|q| q.role == role && self.answer(&q.id).is_none())
            .count()
    }

    fn set_mark(&mut self, guide: &Guide, item: &str, mark: Option<Mark>, now: u64) -> bool {
        find_item(guide, item).is_some()
            && edit_entry(&mut self.items, item, |r| r.mark.set(mark, now))
    }

    /// Clears one role's checklist: the marks and notes of its items and the answers to its
    /// questions. The role, enterprise name, language and the other role's checklist stay.
    /// Returns what is needed to undo it, or `None` when there was nothing to clear.
    pub fn reset(&mut self, guide: &Guide, role: Role, now: u64) -> Option<ResetUndo> {
        let mut undo = ResetUndo {
            role,
            items: BTreeMap::new(),
            answers: BTreeMap::new(),
        };
        for item in guide.items_for(role) {
            if let Some(record) = self.items.get_mut(&item.id) {
                if !record.is_blank() {
                    let before = record.clone();
                    record.mark.set(None, now);
                    record.note.set(String::new(), now);
                    undo.items.insert(item.id.clone(), (before, record.clone()));
                }
            }
        }
        for question in guide.questions.iter().filter(|q| q.role == role) {
            if let Some(answer) = self.answers.get_mut(&question.id) {
                if answer.value.is_some() {
                    let before = answer.clone();
                    answer.set(None, now);
                    undo.answers
                        .insert(question.id.clone(), (before, answer.clone()));
                }
            }
        }
        if undo.items.is_empty() && undo.answers.is_empty() {
            None
        } else {
            Some(undo)
        }
    }

    /// Puts back what `reset` cleared, as a new change at `now` (so it also wins in other
    /// tabs). A field changed again since the reset, here or in another tab, keeps its
    /// newer value. Returns whether anything changed.
    pub fn undo_reset(&mut self, undo: ResetUndo, now: u64) -> bool {
        let mut changed = false;
        for (id, (before, after)) in undo.items {
            if let Some(record) = self.items.get_mut(&id) {
                if *record == after {
                    changed |= record.mark.set(before.mark.value, now);
                    changed |= record.note.set(before.note.value, now);
                }
            }
        }
        for (question, (before, after)) in undo.answers {
            if let Some(answer) = self.answers.get_mut(&question) {
                if *answer == after {
                    changed |= answer.set(before.value, now);
                }
            }
        }
        changed
    }

    /// Makes this progress show what `other` shows (an imported file or a share link), as
    /// changes at `now` so they win in other tabs too: role, enterprise name, answers,
    /// marks and, with `Notes::Replace`, notes. The language stays (it is this user's
    /// choice) and the other's orphans are added to ours. Returns whether anything changed.
    pub fn overwrite(&mut self, other: &Progress, notes: Notes, now: u64) -> bool {
        let mut changed = self.role.set(other.role.value, now);
        changed |= self
            .enterprise_name
            .set(other.enterprise_name.value.clone(), now);
        let questions: BTreeSet<String> = self
            .answers
            .keys()
            .chain(other.answers.keys())
            .cloned()
            .collect();
        for question in questions {
            let value = other.answers.get(&question).and_then(|s| s.value.clone());
            changed |= edit_entry(&mut self.answers, &question, |s| s.set(value, now));
        }
        let items: BTreeSet<String> = self
            .items
            .keys()
            .chain(other.items.keys())
            .cloned()
            .collect();
        for item in items {
            let theirs = other.items.get(&item).cloned().unwrap_or_default();
            changed |= edit_entry(&mut self.items, &item, |r| {
                let mut changed = r.mark.set(theirs.mark.value, now);
                if notes == Notes::Replace {
                    changed |= r.note.set(theirs.note.value, now);
                }
                changed
            });
        }
        let orphans = Orphans::join(&self.orphans, &other.orphans);
        if orphans != self.orphans {
            self.orphans = orphans;
            changed = true;
        }
        changed
    }

    /// Like `overwrite` with `Notes::Keep`, for one role's checklist only: the role itself,
    /// that role's marks and answers and, for the enterprise, its name. The other role's
    /// checklist and every note stay as they are, so a supervisor who takes a worker's link
    /// keeps her own checklist. Returns whether anything changed.
    pub fn overwrite_role(
        &mut self,
        guide: &Guide,
        other: &Progress,
        role: Role,
        now: u64,
    ) -> bool {
        let mut changed = self.role.set(role, now);
        if role == Role::Enterprise {
            changed |= self
                .enterprise_name
                .set(other.enterprise_name.value.clone(), now);
        }
        for question in guide.questions.iter().filter(|q| q.role == role) {
            let value = other
                .answers
                .get(&question.id)
                .and_then(|s| s.value.clone());
            changed |= edit_entry(&mut self.answers, &question.id, |s| s.set(value, now));
        }
        for item in guide.items_for(role) {
            let theirs = other.items.get(&item.id).and_then(|r| r.mark.value.clone());
            changed |= edit_entry(&mut self.items, &item.id, |r| r.mark.set(theirs, now));
        }
        changed
    }

    /// Cuts every text to its limit. Run on anything read from outside.
    pub fn sanitize(&mut self) {
        clip_in_place(&mut self.enterprise_name.value, MAX_NAME_CHARS);
        if let Some(language) = &mut self.language.value {
            clip_in_place(language, MAX_LANGUAGE_CHARS);
        }
        for record in self
            .items
            .values_mut()
            .chain(self.orphans.items.values_mut())
        {
            clip_in_place(&mut record.note.value, MAX_NOTE_CHARS);
            if let Some(Mark::NotApplicable { reason }) = &mut record.mark.value {
                clip_in_place(reason, MAX_REASON_CHARS);
            }
        }
    }
}

/// Merges two copies of the progress, such as this tab's and the one another tab just
/// saved: for every field, answer and item mark or note, the newer value wins. Edits to
/// different items in two tabs are therefore both kept.
///
/// For the storage adapter: on a storage event, merge the incoming value into ours and
/// reconcile it with the guide; write back only if the result differs from what came in.
/// Before writing a change of our own, merge with what is stored, so an edit from another
/// tab not yet seen is not overwritten. Merging again changes nothing, so this settles.
pub fn merge(local: &Progress, incoming: &Progress) -> Progress {
    Progress {
        role: Stamped::join(&local.role, &incoming.role),
        enterprise_name: Stamped::join(&local.enterprise_name, &incoming.enterprise_name),
        language: Stamped::join(&local.language, &incoming.language),
        answers: join_maps(&local.answers, &incoming.answers, Stamped::join),
        items: join_maps(&local.items, &incoming.items, ItemRecord::join),
        known_items: local
            .known_items
            .union(&incoming.known_items)
            .cloned()
            .collect(),
        orphans: Orphans::join(&local.orphans, &incoming.orphans),
    }
}

fn join_maps<V: Clone>(
    a: &BTreeMap<String, V>,
    b: &BTreeMap<String, V>,
    join: impl Fn(&V, &V) -> V,
) -> BTreeMap<String, V> {
    let mut out = a.clone();
    for (key, theirs) in b {
        let value = match a.get(key) {
            Some(ours) => join(ours, theirs),
            None => theirs.clone(),
        };
        out.insert(key.clone(), value);
    }
    out
}

/// Runs `edit` on the map's entry for `key`, creating it only if the edit changes it, so a
/// no-op leaves the map exactly as it was.
fn edit_entry<V: Default>(
    map: &mut BTreeMap<String, V>,
    key: &str,
    edit: impl FnOnce(&mut V) -> bool,
) -> bool {
    match map.get_mut(key) {
        Some(value) => edit(value),
        None => {
            let mut value = V::default();
            let changed = edit(&mut value);
            if changed {
                map.insert(key.to_string(), value);
            }
            changed
        }
    }
}

/// The item with this id and its section.
pub fn find_item<'a>(guide: &'a Guide, id: &str) -> Option<(&'a Section, &'a Item)> {
    guide
        .sections
        .iter()
        .flat_map(|s| s.items.iter().map(move |i| (s, i)))
        .find(|(_, i)| i.id == id)
}

/// Cuts a text to at most `max` characters, at a character boundary.
pub fn clip(mut text: String, max: usize) -> String {
    clip_in_place(&mut text, max);
    text
}

fn clip_in_place(text: &mut String, max: usize) {
    if let Some((at, _)) = text.char_indices().nth(max) {
        text.truncate(at);
    }
}

/// The reason for marking an item not applicable by hand, as it is saved: trimmed and
/// clipped. `None` when nothing is left, and the mark is refused: a reason printed to the
/// government as "not applicable" must say why (issue 19 §6). Marks saved before this rule
/// keep their empty reason.
pub fn manual_reason(input: &str) -> Option<String> {
    let reason = clip(input.trim().to_string(), MAX_REASON_CHARS);
    (!reason.trim().is_empty()).then_some(reason)
}

/// An item's effective state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemStatus {
    NotStarted,
    Done,
    NotApplicable(NaReason),
}

/// Why an item does not apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NaReason {
    /// The user's answer to a question rules it out; `answer` is the answer the user gave
    /// (such as `canteen` = `no`, shown as "you have no canteen").
    ByAnswers { question: String, answer: String },
    /// Marked by hand, with the user's reason.
    ByHand(String),
    /// The guide's condition can never hold (an empty `any`); a fault in the guide.
    Never,
}

/// Whether the item applies given the answers: `None` when it does (or may: a condition
/// that depends on an unanswered question counts as applying), or why it does not.
pub fn ruled_out(item: &Item, answers: &Answers) -> Option<NaReason> {
    let condition = item.applies_when.as_ref()?;
    if condition.eval(answers) != Some(false) {
        return None;
    }
    Some(match blame(condition, answers, false) {
        Some(question) => NaReason::ByAnswers {
            question: question.to_string(),
            answer: answers.get(question).cloned().unwrap_or_default(),
        },
        None => NaReason::Never,
    })
}

/// Whether a section is one rule per personnel class (each item applies to one answer of
/// `CLASS_QUESTION`). Once the class is answered, the checklist shows the person's rule and
/// folds the others away under one disclosure.
pub fn is_class_rules(section: &Section) -> bool {
    !section.items.is_empty()
        && section.items.iter().all(|item| {
            matches!(&item.applies_when, Some(Condition::Is { question, .. }) if question == CLASS_QUESTION)
        })
}

/// Whether the personnel class answered rules the item out.
pub fn ruled_out_by_class(status: &ItemStatus) -> bool {
    matches!(status, ItemStatus::NotApplicable(NaReason::ByAnswers { question, .. }) if question == CLASS_QUESTION)
}

/// The question of the first leaf that makes `condition`, which evaluates to `value`,
/// do so. `None` only when no leaf is involved (an empty `all` or `any`).
fn blame<'a>(condition: &'a Condition, answers: &Answers, value: bool) -> Option<&'a str> {
    match condition {
        Condition::Is { question, .. } => Some(question),
        // An `all` is false through its first false part and true through all of them; an
        // `any` is true through its first true part and false through all of them.
        Condition::All(parts) | Condition::Any(parts) => {
            let decisive = matches!(condition, Condition::All(_)) != value;
            let part = if decisive {
                parts.iter().find(|p| p.eval(answers) == Some(value))
            } else {
                parts.first()
            };
            part.and_then(|p| blame(p, answers, value))
        }
        Condition::Not(inner) => blame(inner, answers, !value),
    }
}

/// An item's status from its mark and the answers. Answers that rule the item out take
/// precedence over a mark; the mark is kept and shows again if the answers change.
pub fn item_status(item: &Item, mark: Option<&Mark>, answers: &Answers) -> ItemStatus {
    if let Some(reason) = ruled_out(item, answers) {
        return ItemStatus::NotApplicable(reason);
    }
    match mark {
        None => ItemStatus::NotStarted,
        Some(Mark::Done) => ItemStatus::Done,
        Some(Mark::NotApplicable { reason }) => {
            ItemStatus::NotApplicable(NaReason::ByHand(reason.clone()))
        }
    }
}

/// The one counting type: how many items of a section, a role, or a flowchart node are in
/// each state. Plain counts, so a page can count again after every toggle without allocating.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub total: usize,
    /// Applicable items done.
    pub done: usize,
    pub not_applicable: usize,
    /// Required, applicable items not done, of every phase.
    pub missing_required: usize,
    /// Of those, the ones that block readiness (`Item::blocks_readiness`: setup, or before
    /// travelling and on arrival): what stands between a role and "ready". Routines and
    /// contingencies are set up once and kept in the daily ledger, so they never count here.
    pub blocking: usize,
}

/// A tally in one word, shown in text and colour on the flowchart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeState {
    /// There are no items.
    NoItems,
    NotStarted,
    Partial,
    Done,
    /// None of the items apply.
    NotApplicable,
}

impl Tally {
    /// Counts one item in its status.
    pub fn count(&mut self, item: &Item, status: &ItemStatus) {
        self.total += 1;
        match status {
            ItemStatus::NotApplicable(_) => self.not_applicable += 1,
            ItemStatus::Done => self.done += 1,
            ItemStatus::NotStarted => {
                self.missing_required += usize::from(item.required);
                self.blocking += usize::from(item.blocks_readiness());
            }
        }
    }

    /// Adds another tally's counts, as the overall figure adds up the sections'.
    pub fn add(&mut self, other: &Tally) {
        self.total += other.total;
        self.done += other.done;
        self.not_applicable += other.not_applicable;
        self.missing_required += other.missing_required;
        self.blocking += other.blocking;
    }

    /// Items that apply: the bar shows `done` of these.
    pub fn applicable(&self) -> usize {
        self.total - self.not_applicable
    }

    /// Applicable items not done yet, required or not.
    pub fn open(&self) -> usize {
        self.applicable() - self.done
    }

    /// Every applicable item is done.
    pub fn is_complete(&self) -> bool {
        self.done == self.applicable()
    }

    pub fn state(&self) -> NodeState {
        if self.total == 0 {
            NodeState::NoItems
        } else if self.applicable() == 0 {
            NodeState::NotApplicable
        } else if self.done == self.applicable() {
            NodeState::Done
        } else if self.done == 0 {
            NodeState::NotStarted
        } else {
            NodeState::Partial
        }
    }
}

/// Whether an item in `status` belongs in the list of what is missing (see `Verdict`):
/// `blocking` is the item's `Item::blocks_readiness`.
pub fn is_missing(blocking: bool, status: &ItemStatus) -> bool {
    blocking && *status == ItemStatus::NotStarted
}

/// An applicable item that blocks readiness and is not done yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub section: String,
    pub item: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Every item that applies and blocks readiness is done.
    Ready,
    /// What is still missing, in guide order.
    NotReady { missing: Vec<Missing> },
}

/// One role's checklist at a glance: every item's status and the counts of each section and
/// of the whole role. The checklist page diffs it into a signal per row after each change,
/// so it allocates nothing beyond the statuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    pub role: Role,
    /// Every item's status, in guide order: the role's sections one after the other.
    pub items: Vec<ItemStatus>,
    /// Each of the role's sections' counts, in guide order.
    pub sections: Vec<Tally>,
    pub overall: Tally,
}

impl Overview {
    /// "Ready to resume" only when every item of the role's checklist that applies and
    /// blocks readiness (`Item::blocks_readiness`) is done; otherwise every such item still
    /// missing, in guide order. Daily routines, contingencies and the employee's observation
    /// never block. `guide` must be the one the overview was made from.
    pub fn verdict(&self, guide: &Guide) -> Verdict {
        let mut statuses = self.items.iter();
        let mut missing = Vec::new();
        for section in guide.sections_for(self.role) {
            for (item, status) in section.items.iter().zip(statuses.by_ref()) {
                if is_missing(item.blocks_readiness(), status) {
                    missing.push(Missing {
                        section: section.id.clone(),
                        item: item.id.clone(),
                    });
                }
            }
        }
        if missing.is_empty() {
            Verdict::Ready
        } else {
            Verdict::NotReady { missing }
        }
    }
}

/// Every item's status and the tallies of one role's checklist.
pub fn overview(guide: &Guide, progress: &Progress, role: Role) -> Overview {
    let answers = progress.answers();
    let mut items = Vec::new();
    let mut overall = Tally::default();
    let sections = guide
        .sections_for(role)
        .map(|section| {
            let mut tally = Tally::default();
            for item in &section.items {
                let status = item_status(item, progress.mark(&item.id), &answers);
                tally.count(item, &status);
                items.push(status);
            }
            overall.add(&tally);
            tally
        })
        .collect();
    Overview {
        role,
        items,
        sections,
        overall,
    }
}

/// The counts of the items a card's point links to. A card is a summary, never a checkbox of
/// its own: its point is done (`Tally::state`) when the items it links to are.
pub fn point_tally(guide: &Guide, point: &CardPoint, progress: &Progress) -> Tally {
    let answers = progress.answers();
    let mut tally = Tally::default();
    for item in guide.point_items(point) {
        tally.count(item, &item_status(item, progress.mark(&item.id), &answers));
    }
    tally
}

/// The readiness verdict of one role's checklist; see `Overview::verdict`.
pub fn verdict(guide: &Guide, progress: &Progress, role: Role) -> Verdict {
    overview(guide, progress, role).verdict(guide)
}

/// Small guides and random progress for the tests of this module and of `saved`.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;
    pub use crate::guide::Phase;
    use crate::guide::{AnswerOption, Confidence, Question, Text};
    pub use crate::testing::Rng;

    pub fn text(s: &str) -> Text {
        Text::from_pairs(&[("zh-Hans", s), ("en", s)])
    }

    pub fn is(question: &str, answer: &str) -> Condition {
        Condition::Is {
            question: question.into(),
            answer: answer.into(),
        }
    }

    pub fn item(id: &str, required: bool, applies_when: Option<Condition>) -> Item {
        Item {
            id: id.into(),
            title: text(id),
            what: text(id),
            why: text(id),
            required,
            applies_when,
            node: "n".into(),
            confidence: Confidence::Reported,
            source: "s".into(),
            icon: None,
            phase: None,
            illustration: None,
            routine: false,
        }
    }

    pub fn section(id: &str, role: Role, items: Vec<Item>) -> Section {
        Section {
            id: id.into(),
            role,
            title: text(id),
            intro: None,
            illustration: None,
            items,
        }
    }

    pub fn question(id: &str, role: Role, answers: &[&str]) -> Question {
        Question {
            id: id.into(),
            role,
            text: text(id),
            help: None,
            answers: answers
                .iter()
                .map(|a| AnswerOption {
                    id: a.to_string(),
                    label: text(a),
                })
                .collect(),
        }
    }

    pub fn guide(version: &str, questions: Vec<Question>, sections: Vec<Section>) -> Guide {
        Guide {
            id: "jimei-2020".into(),
            version: version.into(),
            date: "2020-02-10".into(),
            languages: vec!["zh-Hans".into(), "en".into()],
            title: text("t"),
            summary: text("s"),
            sources: vec![],
            questions,
            nodes: vec![],
            edges: vec![],
            sections,
            about: vec![],
            classes: vec![],
            filing: None,
            cards: vec![],
        }
    }

    /// Enterprise: e1..e6 over two sections; employee: m1..m3.
    pub fn sample() -> Guide {
        use Role::*;
        let questions = vec![
            question("canteen", Enterprise, &["yes", "no"]),
            question("dorm", Enterprise, &["yes", "no"]),
            question("staff", Enterprise, &["local", "outside", "mixed"]),
            question("travel", Employee, &["yes", "no"]),
        ];
        let sections = vec![
            section(
                "prep",
                Enterprise,
                vec![
                    item("e1", true, None),
                    item("e2", true, Some(is("canteen", "yes"))),
                    item("e3", false, None),
                    item(
                        "e4",
                        true,
                        Some(Condition::All(vec![
                            is("dorm", "yes"),
                            Condition::Not(Box::new(is("staff", "local"))),
                        ])),
                    ),
                ],
            ),
            section(
                "site",
                Enterprise,
                vec![
                    item(
                        "e5",
                        true,
                        Some(Condition::Any(vec![
                            is("canteen", "yes"),
                            is("dorm", "yes"),
                        ])),
                    ),
                    item(
                        "e6",
                        false,
                        Some(Condition::Not(Box::new(is("canteen", "no")))),
                    ),
                ],
            ),
            section(
                "me",
                Employee,
                vec![
                    item("m1", true, None),
                    item("m2", true, Some(is("travel", "yes"))),
                    item("m3", false, None),
                ],
            ),
        ];
        guide("2020.1", questions, sections)
    }

    /// Random progress over the sample guide's ids plus some unknown ones, within limits.
    #[allow(clippy::field_reassign_with_default)]
    pub fn random_progress(rng: &mut Rng) -> Progress {
        let ids = ["e1", "e2", "e3", "e4", "e5", "e6", "m1", "m2", "m3", "gone"];
        let mut p = Progress::default();
        p.role = Stamped::new(
            *rng.pick(&[Role::Enterprise, Role::Employee]),
            rng.next() % 1000,
        );
        p.enterprise_name = Stamped::new(rng.text(12), rng.next() % 1000);
        if rng.chance(2) {
            p.language = Stamped::new(
                Some(rng.pick(&["zh-Hans", "en", "zh-Hant"]).to_string()),
                rng.next() % 1000,
            );
        }
        for q in ["canteen", "dorm", "staff", "travel"] {
            if rng.chance(3) {
                continue;
            }
            let answer = rng
                .pick(&[None, Some("yes"), Some("no"), Some("local")])
                .map(str::to_string);
            p.answers
                .insert(q.to_string(), Stamped::new(answer, rng.next() % 1000));
        }
        for id in ids {
            if rng.chance(3) {
                continue;
            }
            let mark = match rng.below(3) {
                0 => None,
                1 => Some(Mark::Done),
                _ => Some(Mark::NotApplicable {
                    reason: rng.text(8),
                }),
            };
            let record = ItemRecord {
                mark: Stamped::new(mark, rng.next() % 1000),
                note: Stamped::new(rng.text(10), rng.next() % 1000),
            };
            p.items.insert(id.to_string(), record);
        }
        if rng.chance(2) {
            p.known_items = ids[..6].iter().map(|s| s.to_string()).collect();
        }
        if rng.chance(3) {
            let record = ItemRecord {
                mark: Stamped::new(Some(Mark::Done), rng.next() % 1000),
                note: Stamped::default(),
            };
            p.orphans.items.insert("old".into(), record);
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;

    fn act(p: &mut Progress, g: &Guide, action: Action, now: u64) -> bool {
        p.apply(g, action, now)
    }

    fn check(p: &mut Progress, g: &Guide, item: &str, now: u64) -> bool {
        act(p, g, Action::Check { item: item.into() }, now)
    }

    fn answer(p: &mut Progress, g: &Guide, q: &str, a: &str, now: u64) -> bool {
        act(
            p,
            g,
            Action::Answer {
                question: q.into(),
                answer: a.into(),
            },
            now,
        )
    }

    fn missing(v: &Verdict) -> Vec<&str> {
        match v {
            Verdict::Ready => vec![],
            Verdict::NotReady { missing } => missing.iter().map(|m| m.item.as_str()).collect(),
        }
    }

    fn by_answers(q: &str, a: &str) -> ItemStatus {
        ItemStatus::NotApplicable(NaReason::ByAnswers {
            question: q.into(),
            answer: a.into(),
        })
    }

    fn status(p: &Progress, g: &Guide, id: &str) -> ItemStatus {
        p.status(find_item(g, id).unwrap().1)
    }

    #[test]
    fn fresh_progress_counts_every_item_as_applying_and_missing() {
        let g = sample();
        let p = Progress::default();
        let o = overview(&g, &p, Role::Enterprise);
        assert_eq!(o.sections.len(), 2);
        assert_eq!(o.items.len(), 6);
        assert_eq!(o.sections[0].total, 4);
        assert_eq!(o.sections[0].applicable(), 4);
        assert_eq!(o.sections[0].missing_required, 3);
        assert_eq!(o.overall.total, 6);
        assert_eq!(o.overall.applicable(), 6);
        assert_eq!(o.overall.done, 0);
        assert_eq!(o.overall.open(), 6);
        assert_eq!(missing(&o.verdict(&g)), vec!["e1", "e2", "e4", "e5"]);
        match &o.verdict(&g) {
            Verdict::NotReady { missing } => {
                assert_eq!(
                    missing[3],
                    Missing {
                        section: "site".into(),
                        item: "e5".into()
                    }
                )
            }
            Verdict::Ready => panic!(),
        }
        let employee = overview(&g, &p, Role::Employee);
        assert_eq!(employee.overall.total, 3);
        assert_eq!(missing(&employee.verdict(&g)), vec!["m1", "m2"]);
    }

    #[test]
    fn counts_and_verdict_with_required_optional_and_not_applicable_items() {
        let g = sample();
        let mut p = Progress::default();
        assert!(check(&mut p, &g, "e1", 1));
        assert!(check(&mut p, &g, "e3", 2));
        assert!(act(
            &mut p,
            &g,
            Action::MarkNotApplicable {
                item: "e4".into(),
                reason: "no dormitory".into()
            },
            3
        ));
        assert!(answer(&mut p, &g, "canteen", "no", 4));
        assert!(answer(&mut p, &g, "dorm", "no", 5));
        let o = overview(&g, &p, Role::Enterprise);
        // e2, e5, e6 ruled out by answers, e4 by hand.
        assert_eq!(o.overall.not_applicable, 4);
        assert_eq!(o.overall.applicable(), 2);
        assert_eq!(o.overall.done, 2);
        assert!(o.overall.is_complete());
        assert_eq!(o.sections[1].applicable(), 0);
        assert_eq!(o.verdict(&g), Verdict::Ready);
        // The employee checklist is its own.
        assert_eq!(missing(&verdict(&g, &p, Role::Employee)), vec!["m1", "m2"]);
        // An optional item open does not block.
        assert!(act(&mut p, &g, Action::Uncheck { item: "e3".into() }, 6));
        assert_eq!(verdict(&g, &p, Role::Enterprise), Verdict::Ready);
        assert_eq!(overview(&g, &p, Role::Enterprise).overall.open(), 1);
        // Changing an answer brings required items back.
        assert!(answer(&mut p, &g, "canteen", "yes", 7));
        assert_eq!(
            missing(&verdict(&g, &p, Role::Enterprise)),
            vec!["e2", "e5"]
        );
        check(&mut p, &g, "e2", 8);
        check(&mut p, &g, "e5", 9);
        assert_eq!(verdict(&g, &p, Role::Enterprise), Verdict::Ready);
    }

    #[test]
    fn employee_checklist_verdict() {
        let g = sample();
        let mut p = Progress::default();
        check(&mut p, &g, "m1", 1);
        assert_eq!(missing(&verdict(&g, &p, Role::Employee)), vec!["m2"]);
        answer(&mut p, &g, "travel", "no", 2);
        assert_eq!(verdict(&g, &p, Role::Employee), Verdict::Ready);
        assert_eq!(status(&p, &g, "m2"), by_answers("travel", "no"));
    }

    #[test]
    fn a_role_with_no_items_is_ready() {
        let g = guide(
            "1",
            vec![],
            vec![section("s", Role::Enterprise, vec![item("a", true, None)])],
        );
        let o = overview(&g, &Progress::default(), Role::Employee);
        assert!(o.sections.is_empty());
        assert_eq!(o.overall, Tally::default());
        assert_eq!(o.verdict(&g), Verdict::Ready);
    }

    #[test]
    fn applicability_with_answered_and_unanswered_questions_and_reasons() {
        let g = sample();
        let mut p = Progress::default();
        // Unanswered: everything applies.
        for id in ["e2", "e4", "e5", "e6"] {
            assert_eq!(status(&p, &g, id), ItemStatus::NotStarted, "{id}");
        }
        answer(&mut p, &g, "canteen", "no", 1);
        assert_eq!(status(&p, &g, "e2"), by_answers("canteen", "no"));
        // Any(canteen=yes: false, dorm=yes: unknown) is undecided, so it applies.
        assert_eq!(status(&p, &g, "e5"), ItemStatus::NotStarted);
        // Not(canteen=no) is false through the leaf that is true.
        assert_eq!(status(&p, &g, "e6"), by_answers("canteen", "no"));
        answer(&mut p, &g, "dorm", "no", 2);
        // Any false through all parts: the first one is shown.
        assert_eq!(status(&p, &g, "e5"), by_answers("canteen", "no"));
        assert_eq!(status(&p, &g, "e4"), by_answers("dorm", "no"));
        answer(&mut p, &g, "dorm", "yes", 3);
        // All(dorm=yes, Not(staff=local)) with staff unanswered: undecided, applies.
        assert_eq!(status(&p, &g, "e4"), ItemStatus::NotStarted);
        answer(&mut p, &g, "staff", "local", 4);
        assert_eq!(status(&p, &g, "e4"), by_answers("staff", "local"));
        answer(&mut p, &g, "staff", "mixed", 5);
        assert_eq!(status(&p, &g, "e4"), ItemStatus::NotStarted);
        assert_eq!(status(&p, &g, "e5"), ItemStatus::NotStarted);
        act(
            &mut p,
            &g,
            Action::ClearAnswer {
                question: "canteen".into(),
            },
            6,
        );
        assert_eq!(status(&p, &g, "e2"), ItemStatus::NotStarted);
    }

    #[test]
    fn blame_through_nested_conditions() {
        use Condition::*;
        let answers: Answers = [("a", "1"), ("b", "2"), ("c", "3")]
            .iter()
            .map(|(q, a)| (q.to_string(), a.to_string()))
            .collect();
        let no = |c: Condition| ruled_out(&item("x", true, Some(c)), &answers);
        let because = |q: &str, a: &str| {
            Some(NaReason::ByAnswers {
                question: q.into(),
                answer: a.into(),
            })
        };
        // Not(All(a=1, b=2)): false because both are true; the first is shown.
        assert_eq!(
            no(Not(Box::new(All(vec![is("a", "1"), is("b", "2")])))),
            because("a", "1")
        );
        // Not(Any(a=9, b=2)): false because b=2 holds.
        assert_eq!(
            no(Not(Box::new(Any(vec![is("a", "9"), is("b", "2")])))),
            because("b", "2")
        );
        // All(Any(a=9, Not(c=3)), b=2): false through the Any, false through both parts.
        assert_eq!(
            no(All(vec![
                Any(vec![is("a", "9"), Not(Box::new(is("c", "3")))]),
                is("b", "2")
            ])),
            because("a", "1")
        );
        // All(b=2, Not(Not(c=4))): false through c.
        assert_eq!(
            no(All(vec![
                is("b", "2"),
                Not(Box::new(Not(Box::new(is("c", "4")))))
            ])),
            because("c", "3")
        );
        // Holding, or undecided: applies.
        assert_eq!(no(Any(vec![is("z", "1"), is("a", "1")])), None);
        assert_eq!(no(All(vec![is("z", "1"), is("a", "1")])), None);
        assert_eq!(no(Not(Box::new(is("z", "1")))), None);
        assert_eq!(no(All(vec![])), None);
        // Degenerate conditions with no leaf to blame.
        assert_eq!(no(Any(vec![])), Some(NaReason::Never));
        assert_eq!(no(Not(Box::new(All(vec![])))), Some(NaReason::Never));
    }

    #[test]
    fn answers_rule_out_over_a_mark_and_the_mark_comes_back() {
        let g = sample();
        let mut p = Progress::default();
        check(&mut p, &g, "e2", 1);
        answer(&mut p, &g, "canteen", "no", 2);
        assert_eq!(status(&p, &g, "e2"), by_answers("canteen", "no"));
        assert_eq!(p.mark("e2"), Some(&Mark::Done));
        answer(&mut p, &g, "canteen", "yes", 3);
        assert_eq!(status(&p, &g, "e2"), ItemStatus::Done);
        act(
            &mut p,
            &g,
            Action::MarkNotApplicable {
                item: "e2".into(),
                reason: "outsourced".into(),
            },
            4,
        );
        assert_eq!(
            status(&p, &g, "e2"),
            ItemStatus::NotApplicable(NaReason::ByHand("outsourced".into()))
        );
        assert!(act(&mut p, &g, Action::ClearMark { item: "e2".into() }, 5));
        assert_eq!(status(&p, &g, "e2"), ItemStatus::NotStarted);
    }

    #[test]
    fn no_op_actions_return_false_and_change_nothing() {
        let g = sample();
        let mut p = Progress::default();
        let noops = |p: &mut Progress| {
            let before = p.clone();
            let actions = vec![
                Action::Uncheck { item: "e1".into() },
                Action::ClearMark { item: "e1".into() },
                Action::SetNote {
                    item: "e1".into(),
                    note: String::new(),
                },
                Action::ClearAnswer {
                    question: "canteen".into(),
                },
                Action::ClearAnswer {
                    question: "nonsense".into(),
                },
                Action::Check {
                    item: "nonsense".into(),
                },
                Action::MarkNotApplicable {
                    item: "nonsense".into(),
                    reason: "x".into(),
                },
                Action::SetNote {
                    item: "nonsense".into(),
                    note: "x".into(),
                },
                Action::Answer {
                    question: "canteen".into(),
                    answer: "maybe".into(),
                },
                Action::Answer {
                    question: "nonsense".into(),
                    answer: "yes".into(),
                },
                Action::SetRole(Role::Enterprise),
                Action::SetEnterpriseName(String::new()),
                Action::SetLanguage(None),
            ];
            for a in actions {
                assert!(!p.apply(&g, a.clone(), 100), "{a:?}");
            }
            assert_eq!(*p, before);
        };
        noops(&mut p);
        assert_eq!(p, Progress::default());

        // Repeating a change is a no-op.
        let changes = vec![
            Action::Check { item: "e1".into() },
            Action::MarkNotApplicable {
                item: "e2".into(),
                reason: "r".into(),
            },
            Action::SetNote {
                item: "e3".into(),
                note: "n".into(),
            },
            Action::Answer {
                question: "canteen".into(),
                answer: "yes".into(),
            },
            Action::SetRole(Role::Employee),
            Action::SetEnterpriseName("集美".into()),
            Action::SetLanguage(Some("en".into())),
        ];
        for a in changes {
            assert!(p.apply(&g, a.clone(), 1), "{a:?}");
            let before = p.clone();
            assert!(!p.apply(&g, a.clone(), 2), "{a:?}");
            assert_eq!(p, before);
        }
        // Unchecking an item marked not applicable does nothing.
        assert!(!act(&mut p, &g, Action::Uncheck { item: "e2".into() }, 3));
        // A different reason is a change.
        assert!(act(
            &mut p,
            &g,
            Action::MarkNotApplicable {
                item: "e2".into(),
                reason: "other".into()
            },
            3
        ));
        // Clearing an answer, then clearing it again.
        assert!(act(
            &mut p,
            &g,
            Action::ClearAnswer {
                question: "canteen".into()
            },
            4
        ));
        assert!(!act(
            &mut p,
            &g,
            Action::ClearAnswer {
                question: "canteen".into()
            },
            5
        ));
        assert_eq!(p.answer("canteen"), None);
    }

    #[test]
    fn texts_are_cut_at_character_boundaries() {
        let g = sample();
        let mut p = Progress::default();
        let long: String = "集".repeat(MAX_NOTE_CHARS + 500);
        assert!(act(
            &mut p,
            &g,
            Action::SetNote {
                item: "e1".into(),
                note: long.clone()
            },
            1
        ));
        assert_eq!(p.note("e1").chars().count(), MAX_NOTE_CHARS);
        // The same over-long note again is a no-op.
        assert!(!act(
            &mut p,
            &g,
            Action::SetNote {
                item: "e1".into(),
                note: long.clone()
            },
            2
        ));
        act(&mut p, &g, Action::SetEnterpriseName("😷".repeat(300)), 3);
        assert_eq!(p.enterprise_name().chars().count(), MAX_NAME_CHARS);
        act(
            &mut p,
            &g,
            Action::MarkNotApplicable {
                item: "e2".into(),
                reason: "é".repeat(999),
            },
            4,
        );
        match p.mark("e2") {
            Some(Mark::NotApplicable { reason }) => {
                assert_eq!(reason.chars().count(), MAX_REASON_CHARS)
            }
            other => panic!("{other:?}"),
        }
        act(&mut p, &g, Action::SetLanguage(Some("x".repeat(100))), 5);
        assert_eq!(p.language().unwrap().len(), MAX_LANGUAGE_CHARS);
        assert_eq!(clip("abc".into(), 0), "");
        assert_eq!(clip("ab集".into(), 3), "ab集");
        assert_eq!(clip("ab集c".into(), 3), "ab集");
    }

    #[test]
    fn sanitize_cuts_texts_read_from_outside() {
        let mut p = Progress::default();
        p.enterprise_name.value = "名".repeat(1000);
        p.language.value = Some("l".repeat(1000));
        p.items.insert(
            "a".into(),
            ItemRecord {
                mark: Stamped::new(
                    Some(Mark::NotApplicable {
                        reason: "r".repeat(1000),
                    }),
                    1,
                ),
                note: Stamped::new("n".repeat(5000), 1),
            },
        );
        p.orphans.items.insert(
            "b".into(),
            ItemRecord {
                mark: Stamped::default(),
                note: Stamped::new("n".repeat(5000), 1),
            },
        );
        p.sanitize();
        assert_eq!(p.enterprise_name().chars().count(), MAX_NAME_CHARS);
        assert_eq!(p.language().unwrap().len(), MAX_LANGUAGE_CHARS);
        assert_eq!(p.note("a").len(), MAX_NOTE_CHARS);
        assert_eq!(p.orphans.items["b"].note.value.len(), MAX_NOTE_CHARS);
        assert_eq!(
            p.mark("a"),
            Some(&Mark::NotApplicable {
                reason: "r".repeat(MAX_REASON_CHARS)
            })
        );
    }

    #[test]
    fn stamps_increase_even_when_the_clock_goes_back() {
        let g = sample();
        let mut p = Progress::default();
        check(&mut p, &g, "e1", 1000);
        assert_eq!(p.items["e1"].mark.at, 1000);
        act(&mut p, &g, Action::Uncheck { item: "e1".into() }, 500);
        assert_eq!(p.items["e1"].mark.at, 1001);
        check(&mut p, &g, "e1", 1001);
        assert_eq!(p.items["e1"].mark.at, 1002);
        act(&mut p, &g, Action::SetRole(Role::Employee), 0);
        assert_eq!(p.role.at, 1);
    }

    #[test]
    fn role_switch_keeps_each_roles_progress() {
        let g = sample();
        let mut p = Progress::default();
        check(&mut p, &g, "e1", 1);
        act(&mut p, &g, Action::SetRole(Role::Employee), 2);
        check(&mut p, &g, "m1", 3);
        act(&mut p, &g, Action::SetRole(Role::Enterprise), 4);
        assert_eq!(p.role(), Role::Enterprise);
        assert_eq!(overview(&g, &p, Role::Enterprise).overall.done, 1);
        assert_eq!(overview(&g, &p, Role::Employee).overall.done, 1);
    }

    fn busy(g: &Guide) -> Progress {
        let mut p = Progress::default();
        check(&mut p, g, "e1", 1);
        act(
            &mut p,
            g,
            Action::SetNote {
                item: "e1".into(),
                note: "done by Lin".into(),
            },
            2,
        );
        act(
            &mut p,
            g,
            Action::MarkNotApplicable {
                item: "e3".into(),
                reason: "n/a".into(),
            },
            3,
        );
        answer(&mut p, g, "canteen", "yes", 4);
        answer(&mut p, g, "travel", "no", 5);
        check(&mut p, g, "m1", 6);
        act(&mut p, g, Action::SetEnterpriseName("集美食品".into()), 7);
        p
    }

    #[test]
    fn reset_clears_one_role_and_undo_restores_it() {
        let g = sample();
        let mut p = busy(&g);
        let before = p.clone();
        let undo = p
            .reset(&g, Role::Enterprise, 100)
            .expect("something to reset");
        assert_eq!(undo.role(), Role::Enterprise);
        assert_eq!(p.mark("e1"), None);
        assert_eq!(p.note("e1"), "");
        assert_eq!(p.mark("e3"), None);
        assert_eq!(p.answer("canteen"), None);
        // The employee's checklist, answers and the settings stay.
        assert_eq!(p.mark("m1"), Some(&Mark::Done));
        assert_eq!(p.answer("travel"), Some("no"));
        assert_eq!(p.enterprise_name(), "集美食品");
        assert_eq!(overview(&g, &p, Role::Enterprise).overall.done, 0);
        // Nothing left to reset.
        assert_eq!(p.reset(&g, Role::Enterprise, 101), None);

        let reset = p.clone();
        assert!(p.undo_reset(undo.clone(), 200));
        assert_eq!(p.mark("e1"), Some(&Mark::Done));
        assert_eq!(p.note("e1"), "done by Lin");
        assert_eq!(p.mark("e3"), before.mark("e3"));
        assert_eq!(p.answer("canteen"), Some("yes"));
        assert_eq!(
            overview(&g, &p, Role::Enterprise),
            overview(&g, &before, Role::Enterprise)
        );
        // The undo is newer than the reset, so it wins in a tab that saw the reset.
        assert_eq!(merge(&reset, &p), p);
        assert_eq!(merge(&p, &reset), p);
        // Undoing twice changes nothing more.
        assert!(!p.undo_reset(undo, 300));
    }

    #[test]
    fn a_stored_undo_reads_back_and_still_undoes() {
        let g = sample();
        let mut p = busy(&g);
        let before = p.clone();
        let undo = p.reset(&g, Role::Enterprise, 100).unwrap();
        let text = undo.encode();
        let read = ResetUndo::decode(&text).expect("readable");
        assert_eq!(read, undo);
        assert!(p.undo_reset(read, 200));
        assert_eq!(p.mark("e1"), before.mark("e1"));
        assert_eq!(p.answer("canteen"), before.answer("canteen"));
        for bad in [
            "",
            "{",
            "null",
            r#"{"schema":2,"undo":null}"#,
            &text.replace("\"schema\":1", "\"schema\":9"),
        ] {
            assert_eq!(ResetUndo::decode(bad), None, "{bad}");
        }
        assert_ne!(ResetUndo::storage_key("g"), crate::saved::storage_key("g"));
    }

    #[test]
    fn undo_keeps_edits_made_after_the_reset() {
        let g = sample();
        let mut p = busy(&g);
        let undo = p.reset(&g, Role::Enterprise, 100).unwrap();
        check(&mut p, &g, "e3", 150);
        answer(&mut p, &g, "canteen", "no", 151);
        assert!(p.undo_reset(undo, 200));
        assert_eq!(p.mark("e3"), Some(&Mark::Done));
        assert_eq!(p.answer("canteen"), Some("no"));
        assert_eq!(p.mark("e1"), Some(&Mark::Done));
    }

    #[test]
    fn reset_of_the_employee_checklist() {
        let g = sample();
        let mut p = busy(&g);
        let undo = p.reset(&g, Role::Employee, 100).unwrap();
        assert_eq!(p.mark("m1"), None);
        assert_eq!(p.answer("travel"), None);
        assert_eq!(p.mark("e1"), Some(&Mark::Done));
        assert_eq!(p.answer("canteen"), Some("yes"));
        assert!(p.undo_reset(undo, 101));
        assert_eq!(p.mark("m1"), Some(&Mark::Done));
        assert_eq!(Progress::default().reset(&g, Role::Employee, 1), None);
    }

    #[test]
    fn merge_keeps_edits_to_different_items_from_both_tabs() {
        let g = sample();
        let base = busy(&g);
        let mut a = base.clone();
        let mut b = base.clone();
        check(&mut a, &g, "e2", 10);
        act(
            &mut b,
            &g,
            Action::SetNote {
                item: "e4".into(),
                note: "ask HR".into(),
            },
            11,
        );
        check(&mut b, &g, "e5", 12);
        answer(&mut a, &g, "dorm", "no", 13);
        answer(&mut b, &g, "staff", "mixed", 14);
        let m = merge(&a, &b);
        assert_eq!(m, merge(&b, &a));
        assert_eq!(m.mark("e2"), Some(&Mark::Done));
        assert_eq!(m.mark("e5"), Some(&Mark::Done));
        assert_eq!(m.note("e4"), "ask HR");
        assert_eq!(m.answer("dorm"), Some("no"));
        assert_eq!(m.answer("staff"), Some("mixed"));
        assert_eq!(m.mark("e1"), Some(&Mark::Done));
    }

    #[test]
    fn merge_keeps_a_check_in_one_tab_and_a_note_in_the_other_on_the_same_item() {
        let g = sample();
        let mut a = Progress::default();
        let mut b = Progress::default();
        check(&mut a, &g, "e2", 10);
        act(
            &mut b,
            &g,
            Action::SetNote {
                item: "e2".into(),
                note: "n".into(),
            },
            11,
        );
        let m = merge(&a, &b);
        assert_eq!(m.mark("e2"), Some(&Mark::Done));
        assert_eq!(m.note("e2"), "n");
    }

    #[test]
    fn merge_takes_the_newer_value_of_the_same_field() {
        let g = sample();
        let base = busy(&g);
        // Uncheck after check: the uncheck wins, either way round.
        let mut a = base.clone();
        let b = base.clone();
        act(&mut a, &g, Action::Uncheck { item: "e1".into() }, 50);
        assert_eq!(merge(&a, &b).mark("e1"), None);
        assert_eq!(merge(&b, &a).mark("e1"), None);
        // Check in one tab, then a later not-applicable in the other.
        let mut a = base.clone();
        let mut b = base.clone();
        check(&mut a, &g, "e2", 60);
        act(
            &mut b,
            &g,
            Action::MarkNotApplicable {
                item: "e2".into(),
                reason: "r".into(),
            },
            61,
        );
        assert_eq!(
            merge(&a, &b).mark("e2"),
            Some(&Mark::NotApplicable { reason: "r".into() })
        );
        assert_eq!(
            merge(&b, &a).mark("e2"),
            Some(&Mark::NotApplicable { reason: "r".into() })
        );
        // A cleared answer wins over an older one; a role change too.
        let mut a = base.clone();
        let mut b = base.clone();
        answer(&mut a, &g, "canteen", "no", 70);
        act(
            &mut b,
            &g,
            Action::ClearAnswer {
                question: "canteen".into(),
            },
            71,
        );
        act(&mut a, &g, Action::SetRole(Role::Employee), 72);
        act(&mut b, &g, Action::SetEnterpriseName("B".into()), 73);
        let m = merge(&a, &b);
        assert_eq!(m.answer("canteen"), None);
        assert_eq!(m.role(), Role::Employee);
        assert_eq!(m.enterprise_name(), "B");
        // Same stamp, different values: both orders agree.
        let mut a = base.clone();
        let mut b = base.clone();
        check(&mut a, &g, "e4", 80);
        act(
            &mut b,
            &g,
            Action::MarkNotApplicable {
                item: "e4".into(),
                reason: "x".into(),
            },
            80,
        );
        assert_eq!(merge(&a, &b), merge(&b, &a));
    }

    #[test]
    fn merge_is_commutative_associative_and_idempotent() {
        let mut rng = Rng(0x9e3779b97f4a7c15);
        for _ in 0..300 {
            let a = random_progress(&mut rng);
            let b = random_progress(&mut rng);
            let c = random_progress(&mut rng);
            assert_eq!(merge(&a, &b), merge(&b, &a));
            assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
            assert_eq!(merge(&a, &a), a);
            let m = merge(&a, &b);
            // Merging what we already have changes nothing: the tabs settle.
            assert_eq!(merge(&m, &a), m);
            assert_eq!(merge(&m, &b), m);
        }
    }

    #[test]
    fn overwrite_role_takes_one_checklist_and_keeps_the_other() {
        let g = sample();
        let mut mine = Progress::default();
        check(&mut mine, &g, "e1", 1);
        act(
            &mut mine,
            &g,
            Action::SetEnterpriseName("我的企业".into()),
            1,
        );
        act(
            &mut mine,
            &g,
            Action::SetNote {
                item: "e1".into(),
                note: "mine".into(),
            },
            1,
        );
        let mut theirs = Progress::default();
        act(&mut theirs, &g, Action::SetRole(Role::Employee), 2);
        act(
            &mut theirs,
            &g,
            Action::SetEnterpriseName("别人的".into()),
            2,
        );
        let employee_item = g
            .items_for(Role::Employee)
            .next()
            .expect("an employee item")
            .id
            .clone();
        check(&mut theirs, &g, &employee_item, 2);
        assert!(mine.overwrite_role(&g, &theirs, Role::Employee, 5));
        assert_eq!(mine.role(), Role::Employee);
        assert_eq!(mine.mark(&employee_item), Some(&Mark::Done));
        // The enterprise checklist, the name and the notes are the reader's still.
        assert_eq!(mine.mark("e1"), Some(&Mark::Done));
        assert_eq!(mine.enterprise_name(), "我的企业");
        assert_eq!(mine.note("e1"), "mine");
        // Taking it again changes nothing.
        assert!(!mine.overwrite_role(&g, &theirs, Role::Employee, 6));
    }

    #[test]
    fn overwrite_takes_the_other_values_as_new_changes() {
        let g = sample();
        let mut mine = busy(&g);
        act(&mut mine, &g, Action::SetLanguage(Some("en".into())), 8);
        let mut theirs = Progress::default();
        check(&mut theirs, &g, "e2", 1);
        answer(&mut theirs, &g, "canteen", "no", 2);
        act(
            &mut theirs,
            &g,
            Action::SetNote {
                item: "e2".into(),
                note: "theirs".into(),
            },
            3,
        );
        let stale = mine.clone();
        let mut kept = mine.clone();
        assert!(mine.overwrite(&theirs, Notes::Replace, 1000));
        assert_eq!(mine.mark("e1"), None);
        assert_eq!(mine.mark("e2"), Some(&Mark::Done));
        assert_eq!(mine.note("e1"), "");
        assert_eq!(mine.note("e2"), "theirs");
        assert_eq!(mine.answer("canteen"), Some("no"));
        assert_eq!(mine.answer("travel"), None);
        assert_eq!(mine.enterprise_name(), "");
        assert_eq!(mine.language(), Some("en"));
        // It wins over the old state in another tab.
        assert_eq!(merge(&stale, &mine), mine);
        assert!(!mine.clone().overwrite(&theirs, Notes::Replace, 1001));

        assert!(kept.overwrite(&theirs, Notes::Keep, 1000));
        assert_eq!(kept.note("e1"), "done by Lin");
        assert_eq!(kept.note("e2"), "");
        assert_eq!(kept.mark("e1"), None);
    }

    #[test]
    fn progress_serde_round_trip_and_leniency() {
        let g = sample();
        let p = busy(&g);
        let json = serde_json::to_string(&p).unwrap();
        let back: Progress = serde_json::from_str(&json).unwrap();
        assert_eq!(back, p);
        let mut rng = Rng(42);
        for _ in 0..200 {
            let p = random_progress(&mut rng);
            let json = serde_json::to_string(&p).unwrap();
            assert_eq!(
                serde_json::from_str::<Progress>(&json).unwrap(),
                p,
                "{json}"
            );
        }
        // Missing fields default; unknown fields are ignored.
        let p: Progress = serde_json::from_str(
            r#"{"items":{"e1":{"mark":{"value":{"state":"done"},"at":5}}},"future":1}"#,
        )
        .unwrap();
        assert_eq!(p.mark("e1"), Some(&Mark::Done));
        assert_eq!(p.note("e1"), "");
    }

    #[test]
    fn the_overview_agrees_item_by_item_with_item_status() {
        let g = sample();
        let mut rng = Rng(7);
        for _ in 0..300 {
            let p = random_progress(&mut rng);
            for role in [Role::Enterprise, Role::Employee] {
                let o = overview(&g, &p, role);
                let answers = p.answers();
                let mut statuses = o.items.iter();
                let mut overall = Tally::default();
                let mut expected = Vec::new();
                for (section, tally) in g.sections_for(role).zip(&o.sections) {
                    let mut counted = Tally::default();
                    for item in &section.items {
                        let status = item_status(item, p.mark(&item.id), &answers);
                        assert_eq!(statuses.next(), Some(&status), "{}", item.id);
                        counted.count(item, &status);
                        if is_missing(item.blocks_readiness(), &status) {
                            expected.push(item.id.clone());
                        }
                    }
                    assert_eq!(*tally, counted);
                    assert_eq!(tally.applicable(), tally.done + tally.open());
                    overall.add(&counted);
                }
                assert_eq!(statuses.next(), None);
                assert_eq!(overall, o.overall);
                assert_eq!(missing(&o.verdict(&g)), expected);
                assert_eq!(o.overall.blocking, expected.len());
                assert!(o.overall.blocking <= o.overall.missing_required);
            }
        }
    }

    #[test]
    fn a_manual_not_applicable_needs_a_reason() {
        assert_eq!(manual_reason(""), None);
        assert_eq!(manual_reason(" \t\u{3000} "), None);
        assert_eq!(
            manual_reason("  no canteen "),
            Some("no canteen".to_string())
        );
        let long = "x".repeat(MAX_REASON_CHARS + 5);
        assert_eq!(
            manual_reason(&long).map(|r| r.chars().count()),
            Some(MAX_REASON_CHARS)
        );
    }

    /// An item of a phase, required.
    fn phased(id: &str, phase: Phase) -> Item {
        Item {
            phase: Some(phase),
            ..item(id, true, None)
        }
    }

    #[test]
    fn only_items_that_block_readiness_decide_the_verdict() {
        let g = guide(
            "1",
            vec![],
            vec![
                section(
                    "setup",
                    Role::Enterprise,
                    vec![
                        phased("arrange", Phase::BeforeReopening),
                        phased("gate", Phase::Daily),
                    ],
                ),
                section(
                    "return",
                    Role::Employee,
                    vec![
                        phased("history", Phase::BeforeTravel),
                        phased("report", Phase::OnArrival),
                        phased("observe", Phase::Observation),
                        phased("mask", Phase::Daily),
                    ],
                ),
            ],
        );
        let mut p = Progress::default();
        let o = overview(&g, &p, Role::Enterprise);
        assert_eq!((o.overall.missing_required, o.overall.blocking), (2, 1));
        assert_eq!(missing(&o.verdict(&g)), vec!["arrange"]);
        // Setup done, the daily routine not ticked: ready.
        check(&mut p, &g, "arrange", 1);
        let o = overview(&g, &p, Role::Enterprise);
        assert_eq!(o.verdict(&g), Verdict::Ready);
        assert_eq!((o.overall.missing_required, o.overall.blocking), (1, 0));
        // The employee, in time order: before travelling and on arrival block; observation
        // and every day at work do not.
        assert_eq!(
            missing(&verdict(&g, &p, Role::Employee)),
            vec!["history", "report"]
        );
        check(&mut p, &g, "history", 2);
        check(&mut p, &g, "report", 3);
        assert_eq!(verdict(&g, &p, Role::Employee), Verdict::Ready);
    }

    #[test]
    fn an_item_without_a_phase_blocks_as_every_required_item_did() {
        let g = guide(
            "1",
            vec![],
            vec![section(
                "s",
                Role::Enterprise,
                vec![item("old", true, None), item("optional", false, None)],
            )],
        );
        let p = Progress::default();
        assert_eq!(missing(&verdict(&g, &p, Role::Enterprise)), vec!["old"]);
    }

    #[test]
    fn unanswered_counts_the_roles_open_questions() {
        let g = sample();
        let mut p = Progress::default();
        assert_eq!(p.unanswered(&g, Role::Enterprise), 3);
        assert_eq!(p.unanswered(&g, Role::Employee), 1);
        answer(&mut p, &g, "canteen", "no", 1);
        assert_eq!(p.unanswered(&g, Role::Enterprise), 2);
        act(
            &mut p,
            &g,
            Action::ClearAnswer {
                question: "canteen".into(),
            },
            2,
        );
        assert_eq!(p.unanswered(&g, Role::Enterprise), 3);
    }

    #[test]
    fn reset_undo_and_adopt_are_actions() {
        let g = sample();
        let mut p = busy(&g);
        let before = p.clone();
        let Applied::Reset(undo) = p.perform(
            &g,
            Action::Reset {
                role: Role::Enterprise,
            },
            500,
        ) else {
            panic!("a reset of a busy checklist clears something");
        };
        assert_eq!(undo.role(), Role::Enterprise);
        assert_eq!(
            p.perform(
                &g,
                Action::Reset {
                    role: Role::Enterprise
                },
                501
            ),
            Applied::Unchanged
        );
        assert!(p.apply(&g, Action::UndoReset(undo), 502));
        assert_eq!(
            overview(&g, &p, Role::Enterprise),
            overview(&g, &before, Role::Enterprise)
        );

        let mut other = Progress::default();
        assert!(other.apply(
            &g,
            Action::Adopt {
                progress: Box::new(p.clone()),
                notes: Notes::Keep
            },
            600
        ));
        assert_eq!(other.answers(), p.answers());
        assert_eq!(other.note("e1"), "");
        assert!(other.apply(
            &g,
            Action::Adopt {
                progress: Box::new(p.clone()),
                notes: Notes::Replace
            },
            601
        ));
        assert_eq!(other.note("e1"), p.note("e1"));
    }
}
