//! Messages about saved progress: storage trouble, unreadable values, guide updates, and
//! refused import files and share links.

use super::{english_count, Locale, Message, PageMsg};
use crate::load::LoadError;
use crate::saved::{self, CodecError, FragmentError, GuideChange, Kept, LoadProblem};

/// Why a stored value, an import file or a share link could not be used.
pub fn codec_error_message(error: &CodecError, locale: Locale) -> String {
    use CodecError::*;
    match error {
        Empty => match locale {
            Locale::ZhHans => "内容为空。".to_string(),
            Locale::ZhHant => "內容為空。".to_string(),
            Locale::English => "It is empty.".to_string(),
        },
        TooLarge { bytes, limit } => match locale {
            Locale::ZhHans => format!("文件太大（{bytes} 字节，上限 {limit} 字节）。"),
            Locale::ZhHant => format!("文件太大（{bytes} 位元組，上限 {limit} 位元組）。"),
            Locale::English => format!("It is too large ({bytes} bytes; the limit is {limit})."),
        },
        NotText => match locale {
            Locale::ZhHans => "不是文本文件。".to_string(),
            Locale::ZhHant => "不是文字檔案。".to_string(),
            Locale::English => "It is not a text file.".to_string(),
        },
        Malformed { line, column, .. } => match locale {
            Locale::ZhHans => format!("不是有效的 JSON（第 {line} 行第 {column} 列）。"),
            Locale::ZhHant => format!("不是有效的 JSON（第 {line} 行第 {column} 列）。"),
            Locale::English => format!("It is not valid JSON (line {line}, column {column})."),
        },
        NotOurs { .. } | Invalid { .. } => match locale {
            Locale::ZhHans => "不是本应用保存的自查进度。".to_string(),
            Locale::ZhHant => "不是本應用保存的自查進度。".to_string(),
            Locale::English => "It is not progress saved by this app.".to_string(),
        },
        NotAnExport { .. } => match locale {
            Locale::ZhHans => "不是本应用导出的进度文件。".to_string(),
            Locale::ZhHant => "不是本應用匯出的進度檔案。".to_string(),
            Locale::English => "It is not a progress file exported by this app.".to_string(),
        },
        NewerSchema { .. } => match locale {
            Locale::ZhHans => "它由更新版本的应用保存，请先刷新或更新本应用。".to_string(),
            Locale::ZhHant => "它由更新版本的應用保存，請先重新整理或更新本應用。".to_string(),
            Locale::English => {
                "It was saved by a newer version of the app; reload or update the app first."
                    .to_string()
            }
        },
        OlderSchema { .. } => match locale {
            Locale::ZhHans => "它的格式太旧，无法读取。".to_string(),
            Locale::ZhHant => "它的格式太舊，無法讀取。".to_string(),
            Locale::English => "Its format is too old to read.".to_string(),
        },
        WrongGuide { found, .. } => match locale {
            Locale::ZhHans => format!("它属于另一份指南（{found}）。"),
            Locale::ZhHant => format!("它屬於另一份指南（{found}）。"),
            Locale::English => format!("It belongs to another guide ({found})."),
        },
    }
}

/// Why a share link could not be used.
pub fn fragment_error_message(error: &FragmentError, locale: Locale) -> String {
    use FragmentError::*;
    match error {
        TooLarge { .. } => match locale {
            Locale::ZhHans => "分享链接太长。".to_string(),
            Locale::ZhHant => "分享連結太長。".to_string(),
            Locale::English => "The share link is too long.".to_string(),
        },
        UnknownFormat | Corrupt(_) => match locale {
            Locale::ZhHans => "分享链接已损坏或不完整。".to_string(),
            Locale::ZhHant => "分享連結已損壞或不完整。".to_string(),
            Locale::English => "The share link is damaged or incomplete.".to_string(),
        },
        WrongGuide { found, .. } => match locale {
            Locale::ZhHans => format!("分享链接属于另一份指南（{found}）。"),
            Locale::ZhHant => format!("分享連結屬於另一份指南（{found}）。"),
            Locale::English => format!("The share link belongs to another guide ({found})."),
        },
        GuideVersion { found, expected } => match locale {
            Locale::ZhHans => format!("分享链接来自指南 {found} 版，当前是 {expected} 版。"),
            Locale::ZhHant => format!("分享連結來自指南 {found} 版，目前是 {expected} 版。"),
            Locale::English => format!(
                "The share link was made with guide version {found}; this is version {expected}."
            ),
        },
    }
}

/// "Guide updated: 3 new items…", or `None` exactly when the change `is_empty`: every kind
/// of change is named, so whether a banner is worth showing is `GuideChange::is_empty`'s
/// answer alone.
pub fn guide_change_message(change: &GuideChange, locale: Locale) -> Option<String> {
    if change.is_empty() {
        return None;
    }
    let count = |list: &Vec<String>| list.len();
    let mut parts = Vec::new();
    let added = count(&change.added);
    if added > 0 {
        parts.push(match locale {
            Locale::ZhHans => format!("新增 {added} 项"),
            Locale::ZhHant => format!("新增 {added} 項"),
            Locale::English => english_count(added, "new item", "new items"),
        });
    }
    let removed = count(&change.removed);
    if removed > 0 {
        parts.push(match locale {
            Locale::ZhHans => format!("{removed} 项已移除（进度仍保留）"),
            Locale::ZhHant => format!("{removed} 項已移除（進度仍保留）"),
            Locale::English => format!(
                "{} removed (their progress is kept)",
                english_count(removed, "item", "items")
            ),
        });
    }
    let restored = count(&change.restored);
    if restored > 0 {
        parts.push(match locale {
            Locale::ZhHans => format!("{restored} 项恢复"),
            Locale::ZhHant => format!("{restored} 項恢復"),
            Locale::English => format!("{} back", english_count(restored, "item", "items")),
        });
    }
    let removed_answers = count(&change.removed_answers);
    if removed_answers > 0 {
        parts.push(match locale {
            Locale::ZhHans => format!("{removed_answers} 个回答已不再提供（回答仍保留）"),
            Locale::ZhHant => format!("{removed_answers} 個回答已不再提供（回答仍保留）"),
            Locale::English => {
                format!(
                    "{} no longer offered (your answers are kept)",
                    english_count(removed_answers, "answer", "answers")
                )
            }
        });
    }
    let restored_answers = count(&change.restored_answers);
    if restored_answers > 0 {
        parts.push(match locale {
            Locale::ZhHans => format!("{restored_answers} 个回答恢复"),
            Locale::ZhHant => format!("{restored_answers} 個回答恢復"),
            Locale::English => format!(
                "{} back",
                english_count(restored_answers, "answer", "answers")
            ),
        });
    }
    let (head, sep) = match locale {
        Locale::ZhHans => ("指南已更新：", "，"),
        Locale::ZhHant => ("指南已更新：", "，"),
        Locale::English => ("Guide updated: ", ", "),
    };
    Some(format!("{head}{}", parts.join(sep)))
}

/// "3 saved entries could not be read…": the head of the banner about a stored record some
/// of whose entries were left out.
pub fn dropped_entries_message(count: usize, locale: Locale) -> String {
    match locale {
        Locale::ZhHans => {
            format!("之前保存的进度中有 {count} 条记录无法读取，已略去，其余已载入。")
        }
        Locale::ZhHant => {
            format!("之前儲存的進度中有 {count} 筆記錄無法讀取，已略去，其餘已載入。")
        }
        Locale::English => {
            let (entries, were) = if count == 1 {
                ("entry", "was")
            } else {
                ("entries", "were")
            };
            format!(
                "{count} saved {entries} could not be read and {were} left out; the rest is loaded."
            )
        }
    }
}

/// A banner at the top of the page about saved progress or the guide's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Storage cannot be used at all; progress lives only in this page.
    StorageUnavailable,
    /// A save failed (quota); the page still holds everything.
    WriteFailed,
    /// At start, storage refused a small test write (full or read-only): changes made now
    /// will not be saved.
    NotWritable,
    /// The stored value was unreadable; the page started afresh. Where the value is now.
    Unreadable { error: CodecError, kept: Kept },
    /// The stored record had `count` unreadable entries, left out; the rest is loaded.
    Dropped { count: usize, kept: Kept },
    /// Storage holds a newer version's progress: left untouched, and this page saves nothing.
    NewerVersion,
    /// A new guide version changed the checklist; never empty (see `Notice::guide_updated`).
    GuideUpdated(GuideChange),
    /// The guide could not be fetched in the interface language; it stays in the one shown.
    GuideLanguage(LoadError),
    /// A download the banners offered failed.
    DownloadFailed,
}

/// What a banner offers besides dismissing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoticeAction {
    /// Download the value stored under `key` as the file `file_name`; `backup` tells the
    /// copy from the original left in place.
    Download {
        key: String,
        file_name: String,
        backup: bool,
    },
    /// Reload the page, to run the newer version.
    Reload,
}

impl NoticeAction {
    /// The button's label.
    pub fn label(&self) -> PageMsg {
        match self {
            NoticeAction::Download { backup: true, .. } => PageMsg::DownloadBackup,
            NoticeAction::Download { backup: false, .. } => PageMsg::DownloadStoredValue,
            NoticeAction::Reload => PageMsg::ReloadPage,
        }
    }
}

impl Notice {
    /// The banner for a guide change, if it is worth one: exactly when it is not empty.
    pub fn guide_updated(change: &GuideChange) -> Option<Notice> {
        (!change.is_empty()).then(|| Notice::GuideUpdated(change.clone()))
    }

    /// The banner for a stored value that could not be used as it is, once the adapter tried
    /// to copy it to its backup key: `copied` when the copy was written and read back the
    /// same. `main_key` is where the value is otherwise left.
    pub fn of_problem(problem: &LoadProblem, copied: bool, main_key: &str) -> Notice {
        let kept = match problem.backup_key() {
            Some(backup) if copied => Kept::Copied(backup.to_string()),
            _ => Kept::InPlace(main_key.to_string()),
        };
        match problem {
            LoadProblem::Unreadable { error, .. } => Notice::Unreadable {
                error: error.clone(),
                kept,
            },
            LoadProblem::Dropped { count, .. } => Notice::Dropped {
                count: *count,
                kept,
            },
            LoadProblem::Newer { .. } => Notice::NewerVersion,
        }
    }

    /// Whether, with this banner, the page must not write its storage key: the value there
    /// could not be copied, or a newer version saved it.
    pub fn holds_storage(&self) -> bool {
        match self {
            Notice::Unreadable { kept, .. } | Notice::Dropped { kept, .. } => {
                matches!(kept, Kept::InPlace(_))
            }
            Notice::NewerVersion => true,
            Notice::StorageUnavailable
            | Notice::WriteFailed
            | Notice::NotWritable
            | Notice::GuideUpdated(_)
            | Notice::GuideLanguage(_)
            | Notice::DownloadFailed => false,
        }
    }

    /// Whether, while this banner is up, the page's changes are not saved: storage refuses
    /// writes, or holds a value the page must not write over. The page then keeps a bar in
    /// view until a save succeeds, so the user sees it wherever they are on the page.
    pub fn stops_saving(&self) -> bool {
        match self {
            Notice::StorageUnavailable | Notice::WriteFailed | Notice::NotWritable => true,
            Notice::Unreadable { .. } | Notice::Dropped { .. } | Notice::NewerVersion => {
                self.holds_storage()
            }
            Notice::GuideUpdated(_) | Notice::GuideLanguage(_) | Notice::DownloadFailed => false,
        }
    }

    /// Whether a successful save makes this banner untrue, so it goes by itself.
    pub fn cleared_by_save(&self) -> bool {
        matches!(
            self,
            Notice::StorageUnavailable | Notice::WriteFailed | Notice::NotWritable
        )
    }

    /// What the banner offers: the kept value as a file, or a reload.
    pub fn action(&self) -> Option<NoticeAction> {
        match self {
            Notice::Unreadable { kept, .. } | Notice::Dropped { kept, .. } => {
                Some(NoticeAction::Download {
                    key: kept.key().to_string(),
                    file_name: saved::kept_file_name(kept.key()),
                    backup: matches!(kept, Kept::Copied(_)),
                })
            }
            Notice::NewerVersion => Some(NoticeAction::Reload),
            Notice::StorageUnavailable
            | Notice::WriteFailed
            | Notice::NotWritable
            | Notice::GuideUpdated(_)
            | Notice::GuideLanguage(_)
            | Notice::DownloadFailed => None,
        }
    }

    /// The banner's text in `locale`.
    pub fn text(&self, locale: Locale) -> String {
        match self {
            Notice::StorageUnavailable => PageMsg::StorageUnavailable.text(locale).to_string(),
            Notice::WriteFailed => PageMsg::StorageWriteFailed.text(locale).to_string(),
            Notice::NotWritable => PageMsg::StorageNotWritable.text(locale).to_string(),
            Notice::Unreadable { error, kept } => {
                let reason = codec_error_message(error, locale);
                let head = PageMsg::StoredValueUnreadable.text(locale);
                sentences(&sentences(head, &reason), &kept_text(kept, locale))
            }
            Notice::Dropped { count, kept } => sentences(
                &dropped_entries_message(*count, locale),
                &kept_text(kept, locale),
            ),
            Notice::NewerVersion => PageMsg::NewerVersionSaved.text(locale).to_string(),
            Notice::GuideUpdated(change) => {
                guide_change_message(change, locale).unwrap_or_default()
            }
            Notice::GuideLanguage(error) => sentences(
                PageMsg::GuideLanguageFailed.text(locale),
                &error.describe(locale).headline,
            ),
            Notice::DownloadFailed => PageMsg::DownloadFailed.text(locale).to_string(),
        }
    }
}

/// Where the original value is: "kept under <key>", or left in place and not saved over.
fn kept_text(kept: &Kept, locale: Locale) -> String {
    match kept {
        Kept::Copied(key) => format!("{} {key}", PageMsg::BackupKept.text(locale)),
        Kept::InPlace(_) => PageMsg::StoredValueLeftInPlace.text(locale).to_string(),
    }
}

/// Two sentences one after the other, a space between them as the banners always had.
fn sentences(first: &str, second: &str) -> String {
    format!("{first} {second}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guide_change_counts_each_kind() {
        let change = GuideChange {
            added: vec!["a".into(), "b".into(), "c".into()],
            removed: vec!["x".into()],
            ..GuideChange::default()
        };
        assert_eq!(
            guide_change_message(&change, Locale::English).as_deref(),
            Some("Guide updated: 3 new items, 1 item removed (their progress is kept)")
        );
        assert_eq!(
            guide_change_message(&GuideChange::default(), Locale::ZhHans),
            None
        );
    }

    /// Issue 15: a change of answers alone was not empty, yet got no banner.
    #[test]
    fn a_banner_exactly_when_the_change_is_not_empty() {
        let lists = |i: usize| -> Vec<String> { (0..i % 3).map(|n| n.to_string()).collect() };
        for mask in 0..243usize {
            let digit = |k: u32| mask / 3usize.pow(k);
            let change = GuideChange {
                added: lists(digit(0)),
                removed: lists(digit(1)),
                restored: lists(digit(2)),
                removed_answers: lists(digit(3)),
                restored_answers: lists(digit(4)),
            };
            for locale in Locale::ALL {
                let message = guide_change_message(&change, locale);
                assert_eq!(message.is_none(), change.is_empty(), "{change:?}");
            }
            assert_eq!(Notice::guide_updated(&change).is_none(), change.is_empty());
        }
        let answers_only = GuideChange {
            removed_answers: vec!["canteen".into()],
            ..GuideChange::default()
        };
        assert_eq!(
            guide_change_message(&answers_only, Locale::English).as_deref(),
            Some("Guide updated: 1 answer no longer offered (your answers are kept)")
        );
    }

    #[test]
    fn every_error_has_a_sentence_in_every_language() {
        let errors = [
            CodecError::Empty,
            CodecError::TooLarge { bytes: 2, limit: 1 },
            CodecError::WrongGuide {
                found: "x".into(),
                expected: "y".into(),
            },
        ];
        for locale in Locale::ALL {
            for error in &errors {
                assert!(!codec_error_message(error, locale).is_empty());
            }
            assert!(!fragment_error_message(&FragmentError::UnknownFormat, locale).is_empty());
        }
    }
}
