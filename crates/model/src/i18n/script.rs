//! What the tests check a text's script against: characters only Simplified Chinese writes,
//! full-width punctuation and Chinese characters. Used by the host tests that render every
//! message and every page in every language; nothing in the app itself needs it.

/// Characters that only Simplified Chinese writes, each of which occurs in the app's
/// Simplified texts (`crates/model/tests/messages.rs` checks that), so the table covers what
/// a Traditional text could wrongly borrow from them. Traditional Chinese writes each
/// differently (这 → 這, 项 → 項, …). Characters both scripts write (于, 里, 后 as in 皇后, …)
/// are left out.
pub const SIMPLIFIED_ONLY: &str = "与业丢两个为么义书仅从会体储关内写决况别务动区单厦参发变号吗员国图坏声处备复头实对导将属带应开异当态总愿扫报担择损换据数断无旧时显暂机条来标检没浏满点状环现盖盘瞒码确称签简线经结络绪维编缩网航节规览认记许试语误请诺读负责资车转载过运还这进违连适选郑钮链销错键长门闭问间际隐页项顺须题骤";

/// Full-width and CJK punctuation, which English text never needs.
pub fn is_full_width(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
}

/// A Chinese character.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// The Simplified-only characters in `text`, in order.
pub fn simplified_only_in(text: &str) -> String {
    text.chars()
        .filter(|c| SIMPLIFIED_ONLY.contains(*c))
        .collect()
}
