//! The checklist's one state value and its bridge to local storage.
//!
//! `ProgressContext` holds the whole `Progress` in one signal. `dispatch` applies an action;
//! one effect saves each change (merging with what another tab may have stored first, so
//! edits to different items in two tabs are both kept); a `storage` listener merges other
//! tabs' writes back in. Storage that cannot be used leaves the app working in memory, with
//! a banner saying so.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::storage::{self, Raw, StorageError};
use crate::browser::{clock, console, file, probe, schedule, BrowserError};
use crate::model::guide::{Guide, Role};
pub use crate::model::i18n::store::Notice;
use crate::model::progress::{Action, Applied, Progress, ResetUndo};
use crate::model::saved::{self, CodecError, Saved, Stored};

/// The checklist state shared by the checklist, the flowchart and the report.
#[derive(Debug, Clone, Copy)]
pub struct ProgressContext {
    /// The whole state, to read. Only `dispatch` changes it (and merging what other tabs
    /// saved), so every write is an `Action`.
    pub progress: ReadSignal<Progress>,
    state: RwSignal<Progress>,
    /// Banners to show; each can be dismissed.
    pub notices: RwSignal<Vec<Notice>>,
    /// Whether the page's changes are not being saved (see `Notice::stops_saving`): a bar
    /// then stays in view until a save succeeds, whatever banners were dismissed.
    pub unsaved: RwSignal<bool>,
    /// Counts the copies `replace_with` keeps, so the list of saved copies reads storage
    /// again only when one was added.
    pub copies: RwSignal<u32>,
    /// What the last reset cleared, for its one step of undo. Kept here rather than in the
    /// page, so it survives the page being drawn again (a guide language swap).
    pub reset_undo: RwSignal<Option<ResetUndo>>,
    guide: StoredValue<Arc<Guide>>,
    /// What this page last wrote or read, so an unchanged state is never written again.
    last_saved: StoredValue<Option<Progress>>,
    /// The stored text `last_saved` came from, as the browser's string. While storage still
    /// holds it, no other tab has written, and a save can skip copying, decoding and merging
    /// what is stored.
    last_text: StoredValue<Option<Raw>, LocalStorage>,
    /// The scheduled save that has not run yet, by number, so a timer left from an earlier
    /// one cannot run a later one early.
    pending: StoredValue<Option<u32>>,
    /// The number of the last scheduled save.
    scheduled: StoredValue<u32>,
    /// Set when storage holds a value this page must not write over (one it could not copy,
    /// or a newer version's): the page then keeps its changes in memory only.
    held: StoredValue<bool>,
}

/// How long a scheduled save waits at most for a frame; background tabs draw none.
const SAVE_FALLBACK_MS: i32 = 100;

/// Milliseconds since the epoch, the stamp of every change.
pub fn now() -> u64 {
    clock::now_ms()
}

/// Creates the progress store for `guide` under `owner`, so its effects live as long as the
/// app rather than the task that calls this.
pub fn new_store(guide: Arc<Guide>, owner: Option<Owner>) -> ProgressContext {
    match owner {
        Some(owner) => owner.with(|| ProgressContext::new(guide)),
        None => ProgressContext::new(guide),
    }
}

impl ProgressContext {
    /// Loads the saved progress for `guide` (or starts afresh, telling the user why), starts
    /// saving changes, and listens for other tabs.
    pub fn new(guide: Arc<Guide>) -> ProgressContext {
        let key = saved::storage_key(&guide.id);
        let mut notices = Vec::new();
        let stored = match storage::get(&key) {
            Ok(value) => value,
            Err(_) => {
                notices.push(Notice::StorageUnavailable);
                None
            }
        };
        let loaded = saved::load(stored.as_deref(), &guide, now());
        // A value that cannot be used as it is stays until its copy is verified; a newer
        // version's value stays for good. Either way the page then runs in memory.
        let mut held = false;
        if let Some(problem) = &loaded.problem {
            let copied = match (problem.backup_key(), stored.as_deref()) {
                (Some(backup), Some(raw)) => storage::set_verified(backup, raw).is_ok(),
                _ => false,
            };
            let notice = Notice::of_problem(problem, copied, &key);
            held = notice.holds_storage();
            notices.push(notice);
        }
        // A full or read-only storage is found now, not after the user's first change.
        if !notices.iter().any(Notice::stops_saving) {
            match storage::writable() {
                Ok(()) => {}
                Err(StorageError::Unavailable) => notices.push(Notice::StorageUnavailable),
                Err(_) => notices.push(Notice::NotWritable),
            }
        }
        let unsaved = notices.iter().any(Notice::stops_saving);
        notices.extend(Notice::guide_updated(&loaded.change));
        // A clean load counts as saved, and so does a first visit: there is nothing to write
        // until the user changes something. After a problem whose value was copied, the
        // cleaned record is written at once, over the value read (which the copy holds), so
        // the next load is clean.
        let last_saved = loaded.problem.is_none().then(|| loaded.progress.clone());
        let last_text = stored;
        // The last reset's undo, kept across reloads (`keep_undo`).
        let undo = storage::get(&ResetUndo::storage_key(&guide.id))
            .ok()
            .flatten()
            .and_then(|text| ResetUndo::decode(&text));
        let state = RwSignal::new(loaded.progress);
        let ctx = ProgressContext {
            progress: state.read_only(),
            state,
            notices: RwSignal::new(notices),
            unsaved: RwSignal::new(unsaved),
            copies: RwSignal::new(0),
            reset_undo: RwSignal::new(undo),
            guide: StoredValue::new(guide),
            last_saved: StoredValue::new(last_saved),
            last_text: StoredValue::new_local(last_text.as_deref().map(Raw::from_text)),
            pending: StoredValue::new(None),
            scheduled: StoredValue::new(0),
            held: StoredValue::new(held),
        };
        ctx.save_on_change();
        ctx.listen_to_other_tabs();
        ctx
    }

    /// The guide this progress belongs to.
    pub fn guide(&self) -> Arc<Guide> {
        self.guide.get_value()
    }

    /// Swaps in the same guide in another language. Progress is keyed by ids, which every
    /// language's file shares, so it stays as it is.
    pub fn set_guide(&self, guide: Arc<Guide>) {
        self.guide.set_value(guide);
    }

    /// Applies a user action: the only way the state changes, apart from merging what this
    /// page finds other tabs saved. Says what it did.
    pub fn dispatch(&self, action: Action) -> Applied {
        let guide = self.guide();
        let mut applied = Applied::Unchanged;
        self.state
            .update(|p| applied = p.perform(&guide, action, now()));
        applied
    }

    /// Replaces the progress shown by `replace` (an `Action::Adopt` of an imported file or a
    /// saved copy, an `Action::AdoptRole` of a share link), keeping a copy of it first under a backup key, read back before anything is
    /// replaced. If the copy cannot be kept, nothing changes and the error says why, unless
    /// `without_copy` (the user said to go on anyway). Returns the progress replaced, for
    /// the undo the page offers, and the copy's key (`None` when there was no work to keep).
    pub fn replace_with(
        &self,
        replace: Action,
        without_copy: bool,
    ) -> Result<(Progress, Option<String>), StorageError> {
        let snapshot = self.snapshot();
        let kept = if snapshot.progress.holds_work() {
            let key = saved::backup_key(&snapshot.guide_id, now());
            match storage::set_verified(&key, &saved::encode(&snapshot)) {
                Ok(()) => Some(key),
                Err(_) if without_copy => None,
                Err(error) => return Err(error),
            }
        } else {
            None
        };
        if kept.is_some() {
            self.copies.update(|n| *n += 1);
        }
        self.dispatch(replace);
        Ok((snapshot.progress, kept))
    }

    /// Resets `role`'s checklist and keeps what it cleared for one undo; returns whether
    /// there was anything to clear.
    pub fn reset(&self, role: Role) -> bool {
        let cleared = match self.dispatch(Action::Reset { role }) {
            Applied::Reset(undo) => Some(undo),
            Applied::Changed | Applied::Unchanged => None,
        };
        let any = cleared.is_some();
        // The reset reaches storage before its undo does, so another tab that is offered
        // the undo already holds the reset it undoes.
        self.flush();
        self.keep_undo(cleared.as_ref());
        self.reset_undo.set(cleared);
        any
    }

    /// Stores the undo the last reset offers (or removes it once used), so the offer
    /// survives a reload. A page that must not write keeps it in memory only, like its
    /// progress; a failed write only costs the undo after a reload.
    fn keep_undo(&self, undo: Option<&ResetUndo>) {
        if !self.may_save() {
            return;
        }
        let key = ResetUndo::storage_key(&self.guide().id);
        let _ = match undo {
            Some(undo) => storage::set(&key, &undo.encode()),
            None => storage::remove(&key),
        };
    }

    /// Undoes the last reset, if it was of `role`'s checklist.
    pub fn undo_reset(&self, role: Role) {
        if let Some(undo) = self.reset_undo.get_untracked().filter(|u| u.role() == role) {
            self.dispatch(Action::UndoReset(undo));
        }
        self.keep_undo(None);
        self.reset_undo.set(None);
    }

    /// The current state as a saved value, for export.
    pub fn snapshot(&self) -> Saved {
        Saved::new(&self.guide(), self.progress.get_untracked(), now())
    }

    /// Downloads the progress shown as an export file, named after today. The browser's
    /// reason for refusing goes to the console; the caller says it in words.
    pub fn download_copy(&self) -> Result<(), BrowserError> {
        let text = saved::export(&self.snapshot());
        let name = format!("jimei-progress-{}.json", clock::today());
        file::download(&name, &text, "application/json").inspect_err(|error| {
            if let BrowserError::Refused(cause) = error {
                console::warn(cause);
            }
        })
    }

    /// Removes one banner.
    pub fn dismiss(&self, notice: &Notice) {
        self.notices.update(|list| list.retain(|n| n != notice));
    }

    /// Removes the banner about a guide language that could not be fetched, if it is there.
    pub fn dismiss_guide_language(&self) {
        let showing = self
            .notices
            .try_with_untracked(|l| l.iter().any(|n| matches!(n, Notice::GuideLanguage(_))));
        if showing == Some(true) {
            self.notices
                .update(|l| l.retain(|n| !matches!(n, Notice::GuideLanguage(_))));
        }
    }

    /// Adds a banner unless the same one is showing.
    pub fn add_notice(&self, notice: Notice) {
        if notice.stops_saving() && self.unsaved.try_get_untracked() == Some(false) {
            self.unsaved.set(true);
        }
        self.notices.update(|list| {
            if !list.contains(&notice) {
                list.push(notice);
            }
        });
    }

    /// The one effect that writes: after each change, a save is scheduled for just after the
    /// next frame, so the page shows the change first and changes within one frame (typing in
    /// a note) make one write. A page being hidden or left saves at once.
    fn save_on_change(self) {
        Effect::new(move || {
            let unchanged = self.progress.with(|progress| {
                self.last_saved
                    .with_value(|last| last.as_ref() == Some(progress))
            });
            if !unchanged {
                self.schedule_save();
            }
        });
        // Without a page there is nothing to hide; saves then run as they are scheduled.
        let _ = schedule::on_page_hidden(move || self.save_now());
    }

    /// Schedules a save after the next frame (a task after the frame's callbacks), unless one
    /// is waiting. A page that draws no frames, such as one in a background tab, saves on a
    /// timer instead.
    fn schedule_save(self) {
        if self.pending.try_get_value() != Some(None) {
            return;
        }
        let number = self.scheduled.get_value().wrapping_add(1);
        self.scheduled.set_value(number);
        self.pending.set_value(Some(number));
        // It runs after the frame and again on the fallback timer; the second finds it done.
        let scheduled =
            schedule::after_next_frame(move || self.save_scheduled(number), SAVE_FALLBACK_MS);
        if scheduled.is_err() {
            self.save_now();
        }
    }

    /// Runs save `number` if it is still the one waiting.
    fn save_scheduled(self, number: u32) {
        if self.pending.try_get_value() == Some(Some(number)) {
            self.save_now();
        }
    }

    /// Saves now if a save is waiting: merges with whatever is stored (another tab may have
    /// written since) and writes the result, unless storage already holds it.
    pub fn save_now(self) {
        if self.pending.try_get_value().flatten().is_none() {
            return;
        }
        self.pending.set_value(None);
        self.write();
    }

    /// Writes now what the next scheduled save would.
    fn flush(self) {
        self.pending.set_value(None);
        self.write();
    }

    /// Tries the save again, from the bar that says changes are not saved, and says whether
    /// storage now holds the page's state. With nothing new to write it tests that storage
    /// takes a write, which is what the bar was about.
    pub fn save_again(self) -> bool {
        if !self.may_save() {
            return false;
        }
        let unchanged = self.progress.with_untracked(|progress| {
            self.last_saved
                .with_value(|last| last.as_ref() == Some(progress))
        });
        if unchanged {
            if storage::writable().is_err() {
                return false;
            }
            self.saved();
        } else {
            self.pending.set_value(None);
            self.write();
        }
        self.unsaved.try_get_untracked() == Some(false)
    }

    /// A write succeeded: the banners it makes untrue go, and so does the bar. They are only
    /// touched when one goes, so a save wakes nothing else.
    fn saved(self) {
        let stale = self
            .notices
            .with_untracked(|l| l.iter().any(Notice::cleared_by_save));
        if stale {
            self.notices.update(|l| l.retain(|n| !n.cleared_by_save()));
        }
        if self.unsaved.get_untracked() {
            self.unsaved.set(false);
        }
    }

    /// Merges the state with whatever is stored (another tab may have written since) and
    /// writes the result, unless storage already holds it.
    fn write(self) {
        if self.held.try_get_value() != Some(false) {
            return;
        }
        {
            let Some(unchanged) = self.progress.try_with_untracked(|progress| {
                self.last_saved
                    .with_value(|last| last.as_ref() == Some(progress))
            }) else {
                return;
            };
            if unchanged {
                return;
            }
            let started = probe::now();
            // The one copy of the state this save makes; the common case moves it through.
            let current = self.progress.get_untracked();
            let guide = self.guide();
            let key = saved::storage_key(&guide.id);
            let stored_raw = match storage::get_raw(&key) {
                Ok(stored) => stored,
                Err(_) => {
                    self.add_notice(Notice::StorageUnavailable);
                    return;
                }
            };
            // Storage still holds our last write: it equals `last_saved`, which differs from
            // the state, so write without copying or decoding it.
            let ours = stored_raw.is_text()
                && self
                    .last_text
                    .with_value(|last| last.as_ref() == Some(&stored_raw));
            let stored_text = if ours { None } else { stored_raw.to_text() };
            let stored = match (&stored_text, ours) {
                (_, true) => Stored::Ours,
                (Some(text), false) => Stored::Text(text),
                (None, false) => Stored::Nothing,
            };
            let plan = saved::plan_save(current, stored, &guide, now());
            if let Some(problem) = &plan.problem {
                // What another tab (or anything else) left there is copied before it is
                // written over; if it cannot be, or it is a newer version's, it stays.
                let copied = match (problem.backup_key(), stored_text.as_deref()) {
                    (Some(backup), Some(text)) => storage::set_verified(backup, text).is_ok(),
                    _ => false,
                };
                let notice = Notice::of_problem(problem, copied, &key);
                if notice.holds_storage() {
                    return self.hold(notice);
                }
                self.add_notice(notice);
            }
            let (merged, changed) = (plan.progress, plan.changed);
            let mut text = stored_raw.is_text().then_some(stored_raw);
            if let Some(write) = plan.write {
                let encoded = Raw::from_text(&write);
                match storage::set_raw(&key, &encoded) {
                    Ok(()) => self.saved(),
                    Err(StorageError::Unavailable) => {
                        return self.add_notice(Notice::StorageUnavailable)
                    }
                    Err(_) => return self.add_notice(Notice::WriteFailed),
                }
                text = Some(encoded);
            }
            self.last_text.set_value(text);
            if changed {
                self.last_saved.set_value(Some(merged.clone()));
                self.state.set(merged);
            } else {
                self.last_saved.set_value(Some(merged));
            }
            probe::record("save", started);
        }
    }

    /// Whether this page writes its changes to storage; `false` once storage holds a value it
    /// must not write over (see the banner that says why).
    pub fn may_save(&self) -> bool {
        self.held.try_get_value() == Some(false)
    }

    /// Stops all saving for the rest of this page's life and shows why.
    fn hold(&self, notice: Notice) {
        self.held.set_value(true);
        self.add_notice(notice);
    }

    /// Merges what other tabs write under our key, within moments of their change.
    fn listen_to_other_tabs(self) {
        // A reset in another tab offers its undo here too, and an undo used there is gone.
        let undo_key = ResetUndo::storage_key(&self.guide().id);
        let _ = storage::on_key_change(undo_key, move |value| {
            let undo = value.as_deref().and_then(ResetUndo::decode);
            if self
                .reset_undo
                .try_get_untracked()
                .is_some_and(|current| current != undo)
            {
                self.reset_undo.set(undo);
            }
        });
        let key = saved::storage_key(&self.guide().id);
        let _ = storage::on_change(key, move |incoming| {
            // The store may be gone (a test's owner dropped); the listener is not.
            let (Some(guide), Some(local)) = (
                self.guide.try_get_value(),
                self.progress.try_get_untracked(),
            ) else {
                return;
            };
            // The save effect then finds storage already holds the result and writes nothing,
            // unless this tab has something newer to add.
            if !self.may_save() {
                return;
            }
            match saved::merge_stored(&local, &incoming, &guide) {
                Ok(merged) => {
                    if merged != local {
                        self.state.set(merged);
                    }
                }
                // A newer version of the app now runs in another tab: this one must not
                // write over its record on its next change.
                Err(CodecError::NewerSchema { .. }) => self.hold(Notice::NewerVersion),
                // Anything else unreadable is copied by the next save before it writes.
                Err(_) => {}
            }
        });
    }
}
