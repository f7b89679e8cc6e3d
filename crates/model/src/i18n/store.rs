//! Messages about saved progress: storage trouble, unreadable values, guide updates, and
//! refused import files and share links.

use super::Locale;
use crate::saved::{CodecError, FragmentError, GuideChange};

/// A sentence in each language.
fn pick(locale: Locale, hans: String, hant: String, en: String) -> String {
    match locale {
        Locale::ZhHans => hans,
        Locale::ZhHant => hant,
        Locale::English => en,
    }
}

/// Why a stored value, an import file or a share link could not be used.
pub fn codec_error_message(error: &CodecError, locale: Locale) -> String {
    use CodecError::*;
    match error {
        Empty => pick(
            locale,
            "内容为空。".into(),
            "內容為空。".into(),
            "It is empty.".into(),
        ),
        TooLarge { bytes, limit } => pick(
            locale,
            format!("文件太大（{bytes} 字节，上限 {limit} 字节）。"),
            format!("文件太大（{bytes} 位元組，上限 {limit} 位元組）。"),
            format!("It is too large ({bytes} bytes; the limit is {limit})."),
        ),
        NotText => pick(
            locale,
            "不是文本文件。".into(),
            "不是文字檔案。".into(),
            "It is not a text file.".into(),
        ),
        Malformed { line, column, .. } => pick(
            locale,
            format!("不是有效的 JSON（第 {line} 行第 {column} 列）。"),
            format!("不是有效的 JSON（第 {line} 行第 {column} 列）。"),
            format!("It is not valid JSON (line {line}, column {column})."),
        ),
        NotOurs { .. } | Invalid { .. } => pick(
            locale,
            "不是本应用保存的自查进度。".into(),
            "不是本應用保存的自查進度。".into(),
            "It is not progress saved by this app.".into(),
        ),
        NotAnExport { .. } => pick(
            locale,
            "不是本应用导出的进度文件。".into(),
            "不是本應用匯出的進度檔案。".into(),
            "It is not a progress file exported by this app.".into(),
        ),
        NewerSchema { .. } => pick(
            locale,
            "它由更新版本的应用保存，请先刷新或更新本应用。".into(),
            "它由更新版本的應用保存，請先重新整理或更新本應用。".into(),
            "It was saved by a newer version of the app; reload or update the app first.".into(),
        ),
        OlderSchema { .. } => pick(
            locale,
            "它的格式太旧，无法读取。".into(),
            "它的格式太舊，無法讀取。".into(),
            "Its format is too old to read.".into(),
        ),
        WrongGuide { found, .. } => pick(
            locale,
            format!("它属于另一份指南（{found}）。"),
            format!("它屬於另一份指南（{found}）。"),
            format!("It belongs to another guide ({found})."),
        ),
    }
}

/// Why a share link could not be used.
pub fn fragment_error_message(error: &FragmentError, locale: Locale) -> String {
    use FragmentError::*;
    match error {
        TooLarge { .. } => pick(
            locale,
            "分享链接太长。".into(),
            "分享連結太長。".into(),
            "The share link is too long.".into(),
        ),
        UnknownFormat | Corrupt(_) => pick(
            locale,
            "分享链接已损坏或不完整。".into(),
            "分享連結已損壞或不完整。".into(),
            "The share link is damaged or incomplete.".into(),
        ),
        WrongGuide { found, .. } => pick(
            locale,
            format!("分享链接属于另一份指南（{found}）。"),
            format!("分享連結屬於另一份指南（{found}）。"),
            format!("The share link belongs to another guide ({found})."),
        ),
        GuideVersion { found, expected } => pick(
            locale,
            format!("分享链接来自指南 {found} 版，当前是 {expected} 版。"),
            format!("分享連結來自指南 {found} 版，目前是 {expected} 版。"),
            format!(
                "The share link was made with guide version {found}; this is version {expected}."
            ),
        ),
    }
}

/// "Guide updated: 3 new items…", or `None` when nothing changed.
pub fn guide_change_message(change: &GuideChange, locale: Locale) -> Option<String> {
    let (added, removed, restored) = (
        change.added.len(),
        change.removed.len(),
        change.restored.len(),
    );
    if added + removed + restored == 0 {
        return None;
    }
    let mut parts = Vec::new();
    if added > 0 {
        parts.push(pick(
            locale,
            format!("新增 {added} 项"),
            format!("新增 {added} 項"),
            format!("{added} new item(s)"),
        ));
    }
    if removed > 0 {
        parts.push(pick(
            locale,
            format!("{removed} 项已移除（进度仍保留）"),
            format!("{removed} 項已移除（進度仍保留）"),
            format!("{removed} item(s) removed (their progress is kept)"),
        ));
    }
    if restored > 0 {
        parts.push(pick(
            locale,
            format!("{restored} 项恢复"),
            format!("{restored} 項恢復"),
            format!("{restored} item(s) back"),
        ));
    }
    let head = pick(
        locale,
        "指南已更新：".into(),
        "指南已更新：".into(),
        "Guide updated: ".into(),
    );
    let sep = if locale == Locale::English {
        ", "
    } else {
        "，"
    };
    Some(format!("{head}{}", parts.join(sep)))
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
            Some("Guide updated: 3 new item(s), 1 item(s) removed (their progress is kept)")
        );
        assert_eq!(
            guide_change_message(&GuideChange::default(), Locale::ZhHans),
            None
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
