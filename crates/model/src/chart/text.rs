//! Text metrics: how wide a line of Chinese or English text is without a browser to measure
//! it, and wrapping into lines that break between words and CJK characters but never before
//! closing or after opening punctuation.

/// Roughly how wide `text` is at `font` px: CJK characters are 1 em, Latin letters about
/// 0.55 em. A little generous, so wrapped text never runs out of its shape.
pub fn text_width(text: &str, font: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * font
}

fn char_em(c: char) -> f64 {
    match c {
        ' ' | 'i' | 'l' | 'j' | 'I' | '.' | ',' | '\'' | ':' | ';' | '!' | '|' => 0.3,
        'f' | 't' | 'r' | '(' | ')' | '-' | '"' | '/' => 0.4,
        'm' | 'w' | 'M' | 'W' => 0.86,
        'A'..='Z' => 0.68,
        '0'..='9' => 0.57,
        c if c.is_ascii() => 0.56,
        c if is_wide(c) => 1.0,
        _ => 0.62,
    }
}

/// Characters drawn a full em wide: CJK, kana, hangul, full-width forms and CJK punctuation.
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x201C | 0x201D)
}

/// Punctuation that may not start a line.
fn closes(c: char) -> bool {
    "，。、；：？！）」』”’》〉】,.;:?!)".contains(c)
}

/// Punctuation that may not end a line.
fn opens(c: char) -> bool {
    "（「『“‘《〈【(".contains(c)
}

/// Splits text into the pieces a line may break between: each CJK character (with any
/// punctuation that must stay with it) and each Latin word with its trailing space.
fn pieces(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut prefix = String::new();
    for c in text.chars() {
        if c == ' ' {
            word.push(c);
            out.push(std::mem::take(&mut word));
        } else if closes(c) {
            match (word.is_empty(), out.last_mut()) {
                (false, _) => word.push(c),
                (true, Some(last)) if !last.ends_with(' ') => last.push(c),
                _ => word.push(c),
            }
        } else if opens(c) && is_wide(c) {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            prefix.push(c);
        } else if is_wide(c) {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            prefix.push(c);
            out.push(std::mem::take(&mut prefix));
        } else {
            if !prefix.is_empty() {
                word.push_str(&std::mem::take(&mut prefix));
            }
            word.push(c);
        }
    }
    word.push_str(&prefix);
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Whether `wrap` may split a word wider than a whole line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LongWords {
    /// Split it between characters; the text still fits.
    Split,
    /// Keep words whole: a word that has to be split means the text does not fit (so a
    /// diamond grows rather than break a word).
    Whole,
}

/// Wraps `text` into at most `max_lines` lines, line `i` at most `width(i)` px wide at `font`
/// px. Returns the lines and whether everything fitted; when it did not, the last line ends
/// with an ellipsis. A word wider than a whole line is split between characters, which
/// counts as not fitting unless `long` is `LongWords::Split`.
pub fn wrap(
    text: &str,
    font: f64,
    width: impl Fn(usize) -> f64,
    max_lines: usize,
    long: LongWords,
) -> (Vec<String>, bool) {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut fits = true;
    let mut queue: std::collections::VecDeque<String> = pieces(text.trim()).into();
    while let Some(piece) = queue.pop_front() {
        let limit = width(lines.len());
        let candidate = format!("{line}{piece}");
        if text_width(candidate.trim_end(), font) <= limit {
            line = candidate;
            continue;
        }
        if line.is_empty() {
            // A piece wider than a whole line: split it by characters.
            fits &= long == LongWords::Split;
            let mut head = String::new();
            let mut rest = piece.chars();
            for c in rest.by_ref() {
                if !head.is_empty() && text_width(&format!("{head}{c}"), font) > limit {
                    queue.push_front(std::iter::once(c).chain(rest).collect());
                    break;
                }
                head.push(c);
            }
            line = head;
        } else {
            queue.push_front(piece);
        }
        if lines.len() + 1 == max_lines && !queue.is_empty() {
            let rest: String = queue.iter().map(String::as_str).collect();
            lines.push(ellipsis(&format!("{line}{rest}"), font, limit));
            return (lines, false);
        }
        lines.push(std::mem::take(&mut line).trim_end().to_string());
    }
    let last = line.trim_end();
    if !last.is_empty() {
        lines.push(last.to_string());
    }
    (lines, fits)
}

/// The longest start of `text` that fits `limit` px with an ellipsis after it.
fn ellipsis(text: &str, font: f64, limit: f64) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if text_width(&format!("{out}{c}…"), font) > limit {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_breaks_between_words_and_cjk_characters() {
        let (lines, fits) = wrap(
            "Survey and classify your staff",
            10.0,
            |_| 80.0,
            4,
            LongWords::Split,
        );
        assert!(fits);
        assert_eq!(lines, ["Survey and", "classify your", "staff"]);
        let (lines, fits) = wrap(
            "复工的先后顺序，按行业排队。",
            10.0,
            |_| 50.0,
            4,
            LongWords::Split,
        );
        assert!(fits);
        assert!(
            lines
                .iter()
                .all(|l| text_width(l, 10.0) <= 50.0 || l.chars().count() == 1),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .skip(1)
                .all(|l| !l.starts_with('，') && !l.starts_with('。')),
            "{lines:?}"
        );
        assert_eq!(lines.concat(), "复工的先后顺序，按行业排队。");
        let (lines, fits) = wrap(
            "one two three four five six seven",
            10.0,
            |_| 60.0,
            2,
            LongWords::Split,
        );
        assert!(!fits);
        assert_eq!(lines.len(), 2);
        assert!(
            lines[1].ends_with('…') && text_width(&lines[1], 10.0) <= 60.0,
            "{lines:?}"
        );
        let (_, fits) = wrap("Unbreakableword", 10.0, |_| 40.0, 3, LongWords::Whole);
        assert!(
            !fits,
            "a word too long for a line does not fit unless it may be split"
        );
        assert_eq!(
            wrap("", 10.0, |_| 40.0, 3, LongWords::Split),
            (Vec::<String>::new(), true)
        );
    }
}
