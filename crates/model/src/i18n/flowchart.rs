//! Interface text of the flowchart page in three languages. As with `Msg`, `FcMsg::text`
//! matches every pair of message and locale with no wildcard, so a missing translation does
//! not compile.

use super::Locale;
use crate::chart::{NodeState, Tally};

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
    Print,
    Legend,
    StateDone,
    StatePartial,
    StateNotStarted,
    StateNotApplicable,
    OffRoute,
    ChosenBranch,
    Question,
    ClearAnswer,
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
    NotApplicableMarked,
    NotApplicableNever,
    OpenChecklist,
    Progress,
}

impl FcMsg {
    pub fn text(self, locale: Locale) -> &'static str {
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
            (Print, ZhHans) => "打印",
            (Print, ZhHant) => "列印",
            (Print, English) => "Print",
            (Legend, ZhHans) => "图例",
            (Legend, ZhHant) => "圖例",
            (Legend, English) => "Key",
            (StateDone, ZhHans) => "已完成",
            (StateDone, ZhHant) => "已完成",
            (StateDone, English) => "Done",
            (StatePartial, ZhHans) => "部分完成",
            (StatePartial, ZhHant) => "部分完成",
            (StatePartial, English) => "Partly done",
            (StateNotStarted, ZhHans) => "未开始",
            (StateNotStarted, ZhHant) => "未開始",
            (StateNotStarted, English) => "Not started",
            (StateNotApplicable, ZhHans) => "不适用",
            (StateNotApplicable, ZhHant) => "不適用",
            (StateNotApplicable, English) => "Not applicable",
            (OffRoute, ZhHans) => "不在你的路线上",
            (OffRoute, ZhHant) => "不在你的路線上",
            (OffRoute, English) => "Not on your route",
            (ChosenBranch, ZhHans) => "你选择的分支",
            (ChosenBranch, ZhHant) => "你選擇的分支",
            (ChosenBranch, English) => "Your branch",
            (Question, ZhHans) => "请回答",
            (Question, ZhHant) => "請回答",
            (Question, English) => "Your answer",
            (ClearAnswer, ZhHans) => "清除回答",
            (ClearAnswer, ZhHant) => "清除回答",
            (ClearAnswer, English) => "Clear the answer",
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
            (NotApplicableMarked, ZhHans) => "已标为不适用",
            (NotApplicableMarked, ZhHant) => "已標為不適用",
            (NotApplicableMarked, English) => "marked not applicable",
            (NotApplicableNever, ZhHans) => "不适用于任何情况",
            (NotApplicableNever, ZhHant) => "不適用於任何情況",
            (NotApplicableNever, English) => "never applies",
            (OpenChecklist, ZhHans) => "打开自查清单",
            (OpenChecklist, ZhHant) => "打開自查清單",
            (OpenChecklist, English) => "Open the checklist",
            (Progress, ZhHans) => "进度",
            (Progress, ZhHant) => "進度",
            (Progress, English) => "Progress",
        }
    }
}

/// The word for a node's state.
pub fn state_msg(state: NodeState) -> Option<FcMsg> {
    match state {
        NodeState::NoItems => None,
        NodeState::NotStarted => Some(FcMsg::StateNotStarted),
        NodeState::Partial => Some(FcMsg::StatePartial),
        NodeState::Done => Some(FcMsg::StateDone),
        NodeState::NotApplicable => Some(FcMsg::StateNotApplicable),
    }
}

/// The short tag drawn on a node: "✓ Done", "2/5", "N/A"; empty when it has no items.
pub fn tag_text(tally: &Tally, locale: Locale) -> String {
    match tally.state() {
        NodeState::NoItems => String::new(),
        NodeState::Done => format!("✓ {}", FcMsg::StateDone.text(locale)),
        NodeState::NotApplicable => match locale {
            Locale::English => "N/A".to_string(),
            _ => FcMsg::StateNotApplicable.text(locale).to_string(),
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
    let Some(word) = state_msg(state) else {
        return String::new();
    };
    let word = word.text(locale);
    let (done, of) = (tally.done, tally.applicable());
    match (state, locale) {
        (NodeState::NotApplicable, Locale::English) => {
            format!("{word}: none of its {} checklist items apply", tally.total)
        }
        (NodeState::NotApplicable, _) => format!("{word}：{} 项自查项都不适用", tally.total),
        (_, Locale::English) => format!("{word}: {done} of {of} checklist items"),
        (_, _) => format!("{word}：{done}/{of} 项自查项"),
    }
}

/// A side remark after a text: "（…）" in Chinese, " (…)" in English.
pub fn aside(text: &str, locale: Locale) -> String {
    match locale {
        Locale::English => format!(" ({text})"),
        Locale::ZhHans | Locale::ZhHant => format!("（{text}）"),
    }
}

/// Why an item does not apply, such as "Not applicable: Canteen? — No".
pub fn not_applicable(why: &str, locale: Locale) -> String {
    let word = FcMsg::StateNotApplicable.text(locale);
    match locale {
        Locale::English => format!("{word}: {why}"),
        Locale::ZhHans | Locale::ZhHant => format!("{word}：{why}"),
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
        assert_eq!(
            not_applicable("Canteen? — No", Locale::English),
            "Not applicable: Canteen? — No"
        );
        for locale in Locale::ALL {
            assert!(!tally_text(&t(2, 0, 2), locale).is_empty());
            assert!(!FcMsg::ChartDesc.text(locale).is_empty());
        }
    }
}
