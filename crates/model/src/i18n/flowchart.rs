//! Interface text of the flowchart page in three languages. As with `Msg`, `FcMsg::text`
//! matches every pair of message and locale with no wildcard, so a missing translation does
//! not compile.

use super::{Locale, Message, PageMsg};
use crate::progress::{NodeState, Tally};

/// Every fixed piece of text on the flowchart page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FcMsg {
    ViewLabel,
    ViewChart,
    ViewList,
    ZoomLabel,
    ZoomIn,
    ZoomOut,
    ZoomFit,
    ChartTitle,
    ChartDesc,
    KeyboardHelp,
    Close,
    Legend,
    StatePartial,
    OffRoute,
    /// A step the answers say does not apply, which the route passes through.
    PassedThrough,
    ChosenBranch,
    NotAnswered,
    EventNote,
    WhyThisRoute,
    LeadsHere,
    RulesOut,
    Undecided,
    NoQuestionsBefore,
    WaysOn,
    BackTo,
    ContinueWith,
    NoItems,
    /// The link back to the whole chart from an address naming no step of the guide.
    OpenWholeChart,
}

impl FcMsg {
    /// Every message of the table, for the tests that render them all.
    pub const ALL: [FcMsg; 28] = [
        FcMsg::ViewLabel,
        FcMsg::ViewChart,
        FcMsg::ViewList,
        FcMsg::ZoomLabel,
        FcMsg::ZoomIn,
        FcMsg::ZoomOut,
        FcMsg::ZoomFit,
        FcMsg::ChartTitle,
        FcMsg::ChartDesc,
        FcMsg::KeyboardHelp,
        FcMsg::Close,
        FcMsg::Legend,
        FcMsg::StatePartial,
        FcMsg::OffRoute,
        FcMsg::PassedThrough,
        FcMsg::ChosenBranch,
        FcMsg::NotAnswered,
        FcMsg::EventNote,
        FcMsg::WhyThisRoute,
        FcMsg::LeadsHere,
        FcMsg::RulesOut,
        FcMsg::Undecided,
        FcMsg::NoQuestionsBefore,
        FcMsg::WaysOn,
        FcMsg::BackTo,
        FcMsg::ContinueWith,
        FcMsg::NoItems,
        FcMsg::OpenWholeChart,
    ];
}

impl Message for FcMsg {
    fn text(self, locale: Locale) -> &'static str {
        use FcMsg::*;
        use Locale::*;
        match (self, locale) {
            (ViewLabel, ZhHans) => "显示方式",
            (ViewLabel, ZhHant) => "顯示方式",
            (ViewLabel, English) => "View",
            (ViewChart, ZhHans) => "流程图",
            (ViewChart, ZhHant) => "流程圖",
            (ViewChart, English) => "Chart",
            (ViewList, ZhHans) => "步骤列表",
            (ViewList, ZhHant) => "步驟列表",
            (ViewList, English) => "Step list",
            (ZoomLabel, ZhHans) => "缩放",
            (ZoomLabel, ZhHant) => "縮放",
            (ZoomLabel, English) => "Zoom",
            (ZoomIn, ZhHans) => "放大",
            (ZoomIn, ZhHant) => "放大",
            (ZoomIn, English) => "Zoom in",
            (ZoomOut, ZhHans) => "缩小",
            (ZoomOut, ZhHant) => "縮小",
            (ZoomOut, English) => "Zoom out",
            (ZoomFit, ZhHans) => "适合窗口",
            (ZoomFit, ZhHant) => "符合視窗",
            (ZoomFit, English) => "Fit",
            (ChartTitle, ZhHans) => "复工流程图",
            (ChartTitle, ZhHant) => "復工流程圖",
            (ChartTitle, English) => "Work-resumption flowchart",
            (ChartDesc, ZhHans) => "从准备复工到转入正常管理的每一步。判断处按你的回答分支，你选择的分支高亮，未选择的变淡；每天的防控循环进行，直到满14天。每个步骤标有自查项的完成情况。",
            (ChartDesc, ZhHant) => "從準備復工到轉入正常管理的每一步。判斷處按你的回答分支，你選擇的分支高亮，未選擇的變淡；每天的防控循環進行，直到滿14天。每個步驟標有自查項的完成情況。",
            (ChartDesc, English) => "Every step from getting ready to reopen to normal management. Decisions branch by your answers: your branch is highlighted and the others are dimmed. The daily routine repeats until 14 days have passed. Each step shows how many of its checklist items are done.",
            (KeyboardHelp, ZhHans) => "键盘：方向键沿箭头移动（↓ 下一步，↑ 上一步，← → 切换分支），回车打开，Esc 关闭。",
            (KeyboardHelp, ZhHant) => "鍵盤：方向鍵沿箭頭移動（↓ 下一步，↑ 上一步，← → 切換分支），Enter 打開，Esc 關閉。",
            (KeyboardHelp, English) => "Keyboard: arrow keys follow the arrows (↓ next, ↑ back, ← → other branches), Enter opens a step, Escape closes it.",
            (Close, ZhHans) => "关闭",
            (Close, ZhHant) => "關閉",
            (Close, English) => "Close",
            (Legend, ZhHans) => "图例",
            (Legend, ZhHant) => "圖例",
            (Legend, English) => "Key",
            (StatePartial, ZhHans) => "部分完成",
            (StatePartial, ZhHant) => "部分完成",
            (StatePartial, English) => "Partly done",
            (OffRoute, ZhHans) => "不在你的路线上",
            (OffRoute, ZhHant) => "不在你的路線上",
            (OffRoute, English) => "Not on your route",
            (PassedThrough, ZhHans) => "按你的回答不适用，路线直接经过",
            (PassedThrough, ZhHant) => "按你的回答不適用，路線直接經過",
            (PassedThrough, English) => "Does not apply by your answers: the route passes through",
            (ChosenBranch, ZhHans) => "你选择的分支",
            (ChosenBranch, ZhHant) => "你選擇的分支",
            (ChosenBranch, English) => "Your branch",
            (NotAnswered, ZhHans) => "尚未回答",
            (NotAnswered, ZhHant) => "尚未回答",
            (NotAnswered, English) => "not answered yet",
            (EventNote, ZhHans) => "这一判断每次按实际情况进行，不需要在这里回答。两条路都列在下面。",
            (EventNote, ZhHant) => "這一判斷每次按實際情況進行，不需要在這裡回答。兩條路都列在下面。",
            (EventNote, English) => "This is decided each time it happens, so there is nothing to answer here. Both ways are below.",
            (WhyThisRoute, ZhHans) => "为什么走到这里",
            (WhyThisRoute, ZhHant) => "為什麼走到這裡",
            (WhyThisRoute, English) => "Why this route",
            (LeadsHere, ZhHans) => "通向这一步",
            (LeadsHere, ZhHant) => "通向這一步",
            (LeadsHere, English) => "leads here",
            (RulesOut, ZhHans) => "通向别处，这一步不在你的路线上",
            (RulesOut, ZhHant) => "通向別處，這一步不在你的路線上",
            (RulesOut, English) => "leads elsewhere, so this step is not on your route",
            (Undecided, ZhHans) => "尚未回答，回答后才知道是否经过这一步",
            (Undecided, ZhHant) => "尚未回答，回答後才知道是否經過這一步",
            (Undecided, English) => "not answered yet; the answer decides whether you come here",
            (NoQuestionsBefore, ZhHans) => "到这一步之前没有需要回答的问题，每家企业都会经过这里。",
            (NoQuestionsBefore, ZhHant) => "到這一步之前沒有需要回答的問題，每家企業都會經過這裡。",
            (NoQuestionsBefore, English) => "No question comes before this step: everyone passes here.",
            (WaysOn, ZhHans) => "下一步",
            (WaysOn, ZhHant) => "下一步",
            (WaysOn, English) => "Next",
            (BackTo, ZhHans) => "回到",
            (BackTo, ZhHant) => "回到",
            (BackTo, English) => "back to",
            (ContinueWith, ZhHans) => "直接到",
            (ContinueWith, ZhHant) => "直接到",
            (ContinueWith, English) => "straight on to",
            (NoItems, ZhHans) => "这一步没有自查项。",
            (NoItems, ZhHant) => "這一步沒有自查項。",
            (NoItems, English) => "This step has no checklist items.",
            (OpenWholeChart, ZhHans) => "查看整个流程图",
            (OpenWholeChart, ZhHant) => "查看整個流程圖",
            (OpenWholeChart, English) => "See the whole flowchart",
        }
    }
}

/// The word for a node's state.
pub fn state_word(state: NodeState, locale: Locale) -> Option<&'static str> {
    match state {
        NodeState::NoItems => None,
        NodeState::NotStarted => Some(PageMsg::StatusNotStarted.text(locale)),
        NodeState::Partial => Some(FcMsg::StatePartial.text(locale)),
        NodeState::Done => Some(PageMsg::StatusDone.text(locale)),
        NodeState::NotApplicable => Some(PageMsg::StatusNotApplicable.text(locale)),
    }
}

/// The short tag drawn on a node: "✓ Done", "2/5", "N/A"; empty when it has no items.
pub fn tag_text(tally: &Tally, locale: Locale) -> String {
    match tally.state() {
        NodeState::NoItems => String::new(),
        NodeState::Done => format!("✓ {}", PageMsg::StatusDone.text(locale)),
        NodeState::NotApplicable => match locale {
            Locale::ZhHans => "不适用".to_string(),
            Locale::ZhHant => "不適用".to_string(),
            Locale::English => "N/A".to_string(),
        },
        NodeState::NotStarted | NodeState::Partial => {
            format!("{}/{}", tally.done, tally.applicable())
        }
    }
}

/// The state in a sentence, for screen readers and the list view: "Partly done: 2 of 5
/// checklist items".
pub fn tally_text(tally: &Tally, locale: Locale) -> String {
    let state = tally.state();
    let Some(word) = state_word(state, locale) else {
        return String::new();
    };
    let (done, of, total) = (tally.done, tally.applicable(), tally.total);
    if state == NodeState::NotApplicable {
        return match locale {
            Locale::ZhHans => format!("{word}：{total} 项自查项都不适用"),
            Locale::ZhHant => format!("{word}：{total} 項自查項都不適用"),
            Locale::English => format!("{word}: none of its {total} checklist items apply"),
        };
    }
    match locale {
        Locale::ZhHans => format!("{word}：{done}/{of} 项自查项"),
        Locale::ZhHant => format!("{word}：{done}/{of} 項自查項"),
        Locale::English => format!("{word}: {done} of {of} checklist items"),
    }
}

/// A node's accessible name: its kind and title, then any further sentences, such as
/// "Step: Self-check. Partly done: 2 of 5 checklist items. Not on your route".
pub fn node_name(kind: &str, title: &str, more: &[&str], locale: Locale) -> String {
    let mut name = match locale {
        Locale::ZhHans => format!("{kind}：{title}"),
        Locale::ZhHant => format!("{kind}：{title}"),
        Locale::English => format!("{kind}: {title}"),
    };
    for sentence in more.iter().filter(|s| !s.is_empty()) {
        // The sentences are joined as they always were, the same in every language.
        let stop = match locale {
            Locale::ZhHans => ". ",
            Locale::ZhHant => ". ",
            Locale::English => ". ",
        };
        name.push_str(stop);
        name.push_str(sentence);
    }
    name
}

/// A side remark after a text: "（…）" in Chinese, " (…)" in English.
pub fn aside(text: &str, locale: Locale) -> String {
    match locale {
        Locale::ZhHans => format!("（{text}）"),
        Locale::ZhHant => format!("（{text}）"),
        Locale::English => format!(" ({text})"),
    }
}

/// "Question — answer", as the step panel and the "why this route" trace say an answer.
pub fn answered(question: &str, answer: &str, locale: Locale) -> String {
    match locale {
        Locale::ZhHans => format!("{question} — {answer}"),
        Locale::ZhHant => format!("{question} — {answer}"),
        Locale::English => format!("{question} — {answer}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_sentences_say_the_state_in_words() {
        let t = |total, done, not_applicable| Tally {
            total,
            done,
            not_applicable,
            ..Tally::default()
        };
        assert_eq!(tag_text(&t(0, 0, 0), Locale::English), "");
        assert_eq!(tag_text(&t(5, 2, 0), Locale::English), "2/5");
        assert_eq!(tag_text(&t(5, 2, 1), Locale::ZhHans), "2/4");
        assert_eq!(tag_text(&t(3, 3, 0), Locale::English), "✓ Done");
        assert_eq!(tag_text(&t(2, 0, 2), Locale::English), "N/A");
        assert_eq!(tag_text(&t(2, 0, 2), Locale::ZhHant), "不適用");
        assert_eq!(
            tally_text(&t(5, 2, 0), Locale::English),
            "Partly done: 2 of 5 checklist items"
        );
        assert_eq!(
            tally_text(&t(3, 0, 0), Locale::ZhHans),
            "未开始：0/3 项自查项"
        );
        assert_eq!(tally_text(&t(0, 0, 0), Locale::English), "");
        assert_eq!(aside("Your branch", Locale::English), " (Your branch)");
        assert_eq!(aside("你选择的分支", Locale::ZhHans), "（你选择的分支）");
        for locale in Locale::ALL {
            assert!(!tally_text(&t(2, 0, 2), locale).is_empty());
            assert!(!FcMsg::ChartDesc.text(locale).is_empty());
        }
    }

    /// Issue 15: Traditional Chinese read the Simplified sentence ("部分完成：2/5 项自查项").
    #[test]
    fn traditional_chinese_tallies_are_traditional() {
        let partial = Tally {
            total: 5,
            done: 2,
            ..Tally::default()
        };
        assert_eq!(
            tally_text(&partial, Locale::ZhHant),
            "部分完成：2/5 項自查項"
        );
        let none_apply = Tally {
            total: 2,
            not_applicable: 2,
            ..Tally::default()
        };
        assert_eq!(
            tally_text(&none_apply, Locale::ZhHant),
            "不適用：2 項自查項都不適用"
        );
    }

    #[test]
    fn node_names_put_the_kind_before_the_title_in_each_language() {
        assert_eq!(
            node_name(
                "Step",
                "Self-check",
                &["Done: 2 of 2 checklist items", ""],
                Locale::English
            ),
            "Step: Self-check. Done: 2 of 2 checklist items"
        );
        assert_eq!(node_name("步骤", "自查", &[], Locale::ZhHans), "步骤：自查");
    }
}
