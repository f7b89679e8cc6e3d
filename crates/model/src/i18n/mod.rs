//! Interface text in three languages, checked at compile time.
//!
//! Every message is a variant of `Msg` or `PageMsg`, and their `text` matches on the pair of
//! message and locale with no wildcard, so a missing translation is a compile error rather than a blank on
//! screen. Guide content carries its own languages in the data; this module is only for the
//! interface and for messages about problems.

use std::fmt;
use std::str::FromStr;

use crate::guide::{ParseError, Problem, ProblemKind};
use crate::load::{Description, LoadError, MAX_GUIDE_BYTES};
use crate::route::Page;

pub mod checklist;
pub mod flowchart;
pub mod ledger;
pub mod ledger_page;
pub mod outside;
pub mod page;
pub mod script;
pub mod store;

pub use page::PageMsg;

/// An interface language. Stored as its BCP 47 tag.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    /// Simplified Chinese, the guide's own language.
    #[default]
    ZhHans,
    /// Traditional Chinese.
    ZhHant,
    English,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::ZhHans, Locale::ZhHant, Locale::English];

    /// The BCP 47 tag, used for `<html lang>` and as the key of guide texts.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhHans => "zh-Hans",
            Locale::ZhHant => "zh-Hant",
            Locale::English => "en",
        }
    }

    /// The language's name in itself, for the language switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::ZhHans => "简体中文",
            Locale::ZhHant => "繁體中文",
            Locale::English => "English",
        }
    }

    /// Picks the best locale for a browser's language preferences, in order of preference.
    /// Chinese variants for Taiwan, Hong Kong and Macau map to Traditional Chinese.
    pub fn negotiate<'a>(preferences: impl IntoIterator<Item = &'a str>) -> Locale {
        for pref in preferences {
            if let Ok(locale) = pref.parse::<Locale>() {
                return locale;
            }
        }
        Locale::default()
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

impl FromStr for Locale {
    type Err = ();

    /// Accepts any browser language tag and maps it to the closest locale we have.
    fn from_str(s: &str) -> Result<Locale, ()> {
        let lower = s.trim().to_ascii_lowercase().replace('_', "-");
        if lower.starts_with("zh") {
            let traditional = ["hant", "-tw", "-hk", "-mo"]
                .iter()
                .any(|m| lower.contains(m));
            Ok(if traditional {
                Locale::ZhHant
            } else {
                Locale::ZhHans
            })
        } else if lower == "en" || lower.starts_with("en-") {
            Ok(Locale::English)
        } else {
            Err(())
        }
    }
}

/// A table of interface text: `Msg`, `PageMsg` and each feature's own.
pub trait Message: Copy + Send + Sync + 'static {
    /// The message in `locale`.
    fn text(self, locale: Locale) -> &'static str;
}

/// The interface text of the app's frame, its home page and its messages about loading a
/// page; what only the pages show is in `PageMsg`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Msg {
    AppName,
    AppTagline,
    NavMain,
    NavFlowchart,
    NavChecklist,
    NavAbout,
    SkipToContent,
    Language,
    Loading,
    /// A page's code (a wasm file of its own in the release build) could not be fetched.
    PartLoadFailedTitle,
    /// What to do about it: the network, or a new version deployed since the page opened.
    PartLoadFailedBody,
    /// A page's code is gone from the server (a newer version has been deployed since the
    /// page opened): only a reload helps.
    PartOutdatedTitle,
    PartOutdatedBody,
    Retry,
    HomeIntro,
    HomeStartEnterprise,
    HomeStartEmployee,
    HomeOpenFlowchart,
    NotFoundTitle,
    NotFoundBody,
    BackHome,
    /// The report's name in the document title.
    TitleReport,
    /// The ledger's name in the document title.
    TitleLedger,
}

impl Msg {
    /// Every message of the table, for the tests that render them all.
    pub const ALL: [Msg; 23] = [
        Msg::AppName,
        Msg::AppTagline,
        Msg::NavMain,
        Msg::NavFlowchart,
        Msg::NavChecklist,
        Msg::NavAbout,
        Msg::SkipToContent,
        Msg::Language,
        Msg::Loading,
        Msg::PartLoadFailedTitle,
        Msg::PartLoadFailedBody,
        Msg::PartOutdatedTitle,
        Msg::PartOutdatedBody,
        Msg::Retry,
        Msg::HomeIntro,
        Msg::HomeStartEnterprise,
        Msg::HomeStartEmployee,
        Msg::HomeOpenFlowchart,
        Msg::NotFoundTitle,
        Msg::NotFoundBody,
        Msg::BackHome,
        Msg::TitleReport,
        Msg::TitleLedger,
    ];
}

impl Message for Msg {
    fn text(self, locale: Locale) -> &'static str {
        use Locale::*;
        use Msg::*;
        match (self, locale) {
            (AppName, ZhHans) => "阿集小美 · 复工防控指南",
            (AppName, ZhHant) => "阿集小美 · 復工防控指南",
            (AppName, English) => "A-Ji & Xiao-Mei · Back-to-Work Guide",
            (AppTagline, ZhHans) => "集美区企业复工防控操作指南（图解版）",
            (AppTagline, ZhHant) => "集美區企業復工防控操作指南（圖解版）",
            (AppTagline, English) => "Jimei District's illustrated guide for enterprises resuming work",
            (NavMain, ZhHans) => "主导航",
            (NavMain, ZhHant) => "主導覽",
            (NavMain, English) => "Main",
            (NavFlowchart, ZhHans) => "流程图",
            (NavFlowchart, ZhHant) => "流程圖",
            (NavFlowchart, English) => "Flowchart",
            (NavChecklist, ZhHans) => "自查清单",
            (NavChecklist, ZhHant) => "自查清單",
            (NavChecklist, English) => "Checklist",
            (NavAbout, ZhHans) => "关于",
            (NavAbout, ZhHant) => "關於",
            (NavAbout, English) => "About",
            (SkipToContent, ZhHans) => "跳到正文",
            (SkipToContent, ZhHant) => "跳到正文",
            (SkipToContent, English) => "Skip to content",
            (Language, ZhHans) => "语言",
            (Language, ZhHant) => "語言",
            (Language, English) => "Language",
            (Loading, ZhHans) => "正在载入指南…",
            (Loading, ZhHant) => "正在載入指南…",
            (Loading, English) => "Loading the guide…",
            (PartLoadFailedTitle, ZhHans) => "此页面未能载入",
            (PartLoadFailedTitle, ZhHant) => "此頁面未能載入",
            (PartLoadFailedTitle, English) => "This page could not be loaded",
            (PartLoadFailedBody, ZhHans) => "未能取得此页面的程序。请检查网络后重试；如仍不行，请重新载入页面。你的进度不会丢失。",
            (PartLoadFailedBody, ZhHant) => "未能取得此頁面的程式。請檢查網絡後重試；如仍不行，請重新載入頁面。你的進度不會丟失。",
            (PartLoadFailedBody, English) => "The code of this page could not be fetched. Check your connection and try again; if that does not help, reload the page. Your progress is not lost.",
            (PartOutdatedTitle, ZhHans) => "本指南已有新版本",
            (PartOutdatedTitle, ZhHant) => "本指南已有新版本",
            (PartOutdatedTitle, English) => "A new version of this app is out",
            (PartOutdatedBody, ZhHans) => "此页面的程序已换成新版本，这个标签页里的旧版本取不到它。请重新载入页面以使用新版本。你的进度不会丢失。",
            (PartOutdatedBody, ZhHant) => "此頁面的程式已換成新版本，這個分頁裡的舊版本取不到它。請重新載入頁面以使用新版本。你的進度不會丟失。",
            (PartOutdatedBody, English) => "The code of this page has been replaced by a new version, which this tab's older version cannot fetch. Reload the page to use the new version. Your progress is not lost.",
            (Retry, ZhHans) => "重试",
            (Retry, ZhHant) => "重試",
            (Retry, English) => "Try again",
            (HomeIntro, ZhHans) => "列清单、划重点、管流程：跟着阿集和小美，一步步做好复工防控。",
            (HomeIntro, ZhHant) => "列清單、劃重點、管流程：跟著阿集和小美，一步步做好復工防控。",
            (HomeIntro, English) => "Make the lists, mark the key points, manage the process: follow A-Ji and Xiao-Mei step by step to resume work safely.",
            (HomeStartEnterprise, ZhHans) => "我是企业（安全员）",
            (HomeStartEnterprise, ZhHant) => "我是企業（安全員）",
            (HomeStartEnterprise, English) => "I represent an enterprise",
            (HomeStartEmployee, ZhHans) => "我是员工",
            (HomeStartEmployee, ZhHant) => "我是員工",
            (HomeStartEmployee, English) => "I am an employee",
            (HomeOpenFlowchart, ZhHans) => "查看复工流程图",
            (HomeOpenFlowchart, ZhHant) => "查看復工流程圖",
            (HomeOpenFlowchart, English) => "See the resumption flowchart",
            (NotFoundTitle, ZhHans) => "找不到这个页面",
            (NotFoundTitle, ZhHant) => "找不到這個頁面",
            (NotFoundTitle, English) => "Page not found",
            (NotFoundBody, ZhHans) => "这个地址没有内容，可能链接有误。",
            (NotFoundBody, ZhHant) => "這個地址沒有內容，可能連結有誤。",
            (NotFoundBody, English) => "There is nothing at this address; the link may be wrong.",
            (BackHome, ZhHans) => "返回首页",
            (BackHome, ZhHant) => "返回首頁",
            (BackHome, English) => "Back to the home page",
            (TitleReport, ZhHans) => "自查报告",
            (TitleReport, ZhHant) => "自查報告",
            (TitleReport, English) => "Report",
            (TitleLedger, ZhHans) => "防控台账",
            (TitleLedger, ZhHant) => "防控台賬",
            (TitleLedger, English) => "Daily ledger",
        }
    }
}

/// A guide problem as one sentence, such as "edge e12 points to node n99, which does not
/// exist", followed by where it is in the file.
pub fn problem_message(problem: &Problem, locale: Locale) -> String {
    use Locale::*;
    use ProblemKind::*;
    let sentence = match (&problem.kind, locale) {
        (NoLanguages, ZhHans) => "未声明任何语言".to_string(),
        (NoLanguages, ZhHant) => "未聲明任何語言".to_string(),
        (NoLanguages, English) => "no languages are declared".to_string(),
        (DuplicateId { id }, ZhHans) => format!("编号 {id} 重复使用"),
        (DuplicateId { id }, ZhHant) => format!("編號 {id} 重複使用"),
        (DuplicateId { id }, English) => format!("the id {id} is used more than once"),
        (EmptyId, ZhHans) => "编号为空".to_string(),
        (EmptyId, ZhHant) => "編號為空".to_string(),
        (EmptyId, English) => "an id is empty".to_string(),
        (EdgeFromMissing { edge, node }, ZhHans) => format!("连线 {edge} 的起点 {node} 不存在"),
        (EdgeFromMissing { edge, node }, ZhHant) => format!("連線 {edge} 的起點 {node} 不存在"),
        (EdgeFromMissing { edge, node }, English) => {
            format!("edge {edge} starts at node {node}, which does not exist")
        }
        (EdgeToMissing { edge, node }, ZhHans) => format!("连线 {edge} 指向的节点 {node} 不存在"),
        (EdgeToMissing { edge, node }, ZhHant) => format!("連線 {edge} 指向的節點 {node} 不存在"),
        (EdgeToMissing { edge, node }, English) => {
            format!("edge {edge} points to node {node}, which does not exist")
        }
        (NoStart, ZhHans) => "流程图没有开始节点".to_string(),
        (NoStart, ZhHant) => "流程圖沒有開始節點".to_string(),
        (NoStart, English) => "the flowchart has no start node".to_string(),
        (ManyStarts { count }, ZhHans) => format!("流程图有 {count} 个开始节点，只能有一个"),
        (ManyStarts { count }, ZhHant) => format!("流程圖有 {count} 個開始節點，只能有一個"),
        (ManyStarts { count }, English) => {
            format!("the flowchart has {count} start nodes; it must have exactly one")
        }
        (NoEnd, ZhHans) => "流程图没有结束节点".to_string(),
        (NoEnd, ZhHant) => "流程圖沒有結束節點".to_string(),
        (NoEnd, English) => "the flowchart has no end node".to_string(),
        (DecisionFewBranches { node, count }, ZhHans) => {
            format!("判断节点 {node} 只有 {count} 个分支，至少需要两个")
        }
        (DecisionFewBranches { node, count }, ZhHant) => {
            format!("判斷節點 {node} 只有 {count} 個分支，至少需要兩個")
        }
        (DecisionFewBranches { node, count }, English) => {
            format!("decision {node} has {count} branch(es); it needs at least two")
        }
        (BranchWithoutLabel { edge, node }, ZhHans) => {
            format!("判断节点 {node} 的分支 {edge} 没有标签")
        }
        (BranchWithoutLabel { edge, node }, ZhHant) => {
            format!("判斷節點 {node} 的分支 {edge} 沒有標籤")
        }
        (BranchWithoutLabel { edge, node }, English) => {
            format!("branch {edge} of decision {node} has no label")
        }
        (BranchWithoutAnswer { edge, node }, ZhHans) => {
            format!("判断节点 {node} 的分支 {edge} 没有对应的答案")
        }
        (BranchWithoutAnswer { edge, node }, ZhHant) => {
            format!("判斷節點 {node} 的分支 {edge} 沒有對應的答案")
        }
        (BranchWithoutAnswer { edge, node }, English) => {
            format!("branch {edge} of decision {node} names no answer")
        }
        (Unreachable { node }, ZhHans) => format!("从开始节点走不到节点 {node}"),
        (Unreachable { node }, ZhHant) => format!("從開始節點走不到節點 {node}"),
        (Unreachable { node }, English) => format!("node {node} cannot be reached from the start"),
        (NoWayToEnd { node }, ZhHans) => format!("从节点 {node} 走不到任何结束节点"),
        (NoWayToEnd { node }, ZhHant) => format!("從節點 {node} 走不到任何結束節點"),
        (NoWayToEnd { node }, English) => format!("no path leads from node {node} to an end"),
        (EndHasExit { node }, ZhHans) => format!("结束节点 {node} 不应有出去的连线"),
        (EndHasExit { node }, ZhHant) => format!("結束節點 {node} 不應有出去的連線"),
        (EndHasExit { node }, English) => format!("end node {node} has an edge leading out of it"),
        (ItemNodeMissing { item, node }, ZhHans) => {
            format!("自查项 {item} 所属的节点 {node} 不存在")
        }
        (ItemNodeMissing { item, node }, ZhHant) => {
            format!("自查項 {item} 所屬的節點 {node} 不存在")
        }
        (ItemNodeMissing { item, node }, English) => {
            format!("item {item} belongs to node {node}, which does not exist")
        }
        (MissingText { lang }, ZhHans) => format!("缺少 {lang} 文本"),
        (MissingText { lang }, ZhHant) => format!("缺少 {lang} 文本"),
        (MissingText { lang }, English) => format!("the {lang} text is missing"),
        (UnknownQuestion { question }, ZhHans) => format!("问题 {question} 未定义"),
        (UnknownQuestion { question }, ZhHant) => format!("問題 {question} 未定義"),
        (UnknownQuestion { question }, English) => format!("question {question} is not declared"),
        (UnknownAnswer { question, answer }, ZhHans) => {
            format!("问题 {question} 没有答案 {answer}")
        }
        (UnknownAnswer { question, answer }, ZhHant) => {
            format!("問題 {question} 沒有答案 {answer}")
        }
        (UnknownAnswer { question, answer }, English) => {
            format!("question {question} has no answer {answer}")
        }
        (UnknownSource { source }, ZhHans) => format!("来源 {source} 未定义"),
        (UnknownSource { source }, ZhHant) => format!("來源 {source} 未定義"),
        (UnknownSource { source }, English) => format!("source {source} is not declared"),
        (QuestionWithoutAnswers { question }, ZhHans) => {
            format!("问题 {question} 至少需要两个答案")
        }
        (QuestionWithoutAnswers { question }, ZhHant) => {
            format!("問題 {question} 至少需要兩個答案")
        }
        (QuestionWithoutAnswers { question }, English) => {
            format!("question {question} needs at least two answers")
        }
        (PhaseNotForRole { item, phase, role }, ZhHans) => {
            format!("自查项 {item} 的阶段 {} 不属于 {} 的清单", phase.id(), role.id())
        }
        (PhaseNotForRole { item, phase, role }, ZhHant) => {
            format!("自查項 {item} 的階段 {} 不屬於 {} 的清單", phase.id(), role.id())
        }
        (PhaseNotForRole { item, phase, role }, English) => format!(
            "item {item} has the phase {}, which is not one of the {} list",
            phase.id(),
            role.id()
        ),
        (RoutineNotDaily { item }, ZhHans) => {
            format!("自查项 {item} 标为台账的日常项目，但它不是企业的每日项目")
        }
        (RoutineNotDaily { item }, ZhHant) => {
            format!("自查項 {item} 標為台賬的日常項目，但它不是企業的每日項目")
        }
        (RoutineNotDaily { item }, English) => {
            format!("item {item} is marked as a ledger routine but is not a daily enterprise item")
        }
        (OtherwiseWithoutCondition { node }, ZhHans) => {
            format!("节点 {node} 给出了 otherwise，却没有适用条件")
        }
        (OtherwiseWithoutCondition { node }, ZhHant) => {
            format!("節點 {node} 給出了 otherwise，卻沒有適用條件")
        }
        (OtherwiseWithoutCondition { node }, English) => {
            format!("node {node} names an otherwise edge but has no condition")
        }
        (OtherwiseNotAnExit { node, edge }, ZhHans) => {
            format!("节点 {node} 的 otherwise 连线 {edge} 不是从它出去的连线")
        }
        (OtherwiseNotAnExit { node, edge }, ZhHant) => {
            format!("節點 {node} 的 otherwise 連線 {edge} 不是從它出去的連線")
        }
        (OtherwiseNotAnExit { node, edge }, English) => {
            format!("the otherwise edge {edge} of node {node} does not leave it")
        }
        (RoleWordingRepeated { node, role }, ZhHans) => {
            format!("节点 {node} 为 {} 写了不止一种措辞", role.id())
        }
        (RoleWordingRepeated { node, role }, ZhHant) => {
            format!("節點 {node} 為 {} 寫了不止一種措辭", role.id())
        }
        (RoleWordingRepeated { node, role }, English) => {
            format!("node {node} has more than one wording for the {} role", role.id())
        }
        (ClassNotAnAnswer { class }, ZhHans) => format!("人员类别 {class} 不是类别问题的答案"),
        (ClassNotAnAnswer { class }, ZhHant) => format!("人員類別 {class} 不是類別問題的答案"),
        (ClassNotAnAnswer { class }, English) => {
            format!("class {class} is not an answer of the class question")
        }
        (AnswerWithoutClass { answer }, ZhHans) => format!("类别问题的答案 {answer} 没有对应的人员类别"),
        (AnswerWithoutClass { answer }, ZhHant) => format!("類別問題的答案 {answer} 沒有對應的人員類別"),
        (AnswerWithoutClass { answer }, English) => {
            format!("answer {answer} of the class question has no class")
        }
        (ClassDays { class }, ZhHans) => {
            format!("人员类别 {class} 的天数与观察方式不符：不观察的为 0 天，其余多于 0 天")
        }
        (ClassDays { class }, ZhHant) => {
            format!("人員類別 {class} 的天數與觀察方式不符：不觀察的為 0 天，其餘多於 0 天")
        }
        (ClassDays { class }, English) => format!(
            "the days of class {class} do not fit its observation: 0 for none, more than 0 otherwise"
        ),
        (NodeMissing { owner, node }, ZhHans) => format!("{owner} 所指的节点 {node} 不存在"),
        (NodeMissing { owner, node }, ZhHant) => format!("{owner} 所指的節點 {node} 不存在"),
        (NodeMissing { owner, node }, English) => {
            format!("{owner} refers to node {node}, which does not exist")
        }
        (ItemMissing { owner, item }, ZhHans) => format!("{owner} 所指的自查项 {item} 不存在"),
        (ItemMissing { owner, item }, ZhHant) => format!("{owner} 所指的自查項 {item} 不存在"),
        (ItemMissing { owner, item }, English) => {
            format!("{owner} refers to item {item}, which does not exist")
        }
        (ItemOfOtherRole { owner, item }, ZhHans) => {
            format!("{owner} 所指的自查项 {item} 属于另一个身份的清单")
        }
        (ItemOfOtherRole { owner, item }, ZhHant) => {
            format!("{owner} 所指的自查項 {item} 屬於另一個身份的清單")
        }
        (ItemOfOtherRole { owner, item }, English) => {
            format!("{owner} refers to item {item} of the other role's checklist")
        }
        (OfficeNotAnAnswer { office }, ZhHans) => format!("镇街 {office} 不是镇街问题的答案"),
        (OfficeNotAnAnswer { office }, ZhHant) => format!("鎮街 {office} 不是鎮街問題的答案"),
        (OfficeNotAnAnswer { office }, English) => {
            format!("town office {office} is not an answer of the town question")
        }
        (AnswerWithoutOffice { answer }, ZhHans) => format!("镇街问题的答案 {answer} 没有对应的办公室"),
        (AnswerWithoutOffice { answer }, ZhHant) => format!("鎮街問題的答案 {answer} 沒有對應的辦公室"),
        (AnswerWithoutOffice { answer }, English) => {
            format!("answer {answer} of the town question has no office")
        }
        (OfficeMissing { route, office }, ZhHans) => format!("备案渠道 {route} 所指的部门 {office} 不存在"),
        (OfficeMissing { route, office }, ZhHant) => format!("備案渠道 {route} 所指的部門 {office} 不存在"),
        (OfficeMissing { route, office }, English) => {
            format!("filing route {route} files with office {office}, which does not exist")
        }
        (RouteMissing { material, route }, ZhHans) => format!("备案材料 {material} 所指的渠道 {route} 不存在"),
        (RouteMissing { material, route }, ZhHant) => format!("備案材料 {material} 所指的渠道 {route} 不存在"),
        (RouteMissing { material, route }, English) => {
            format!("material {material} is for route {route}, which does not exist")
        }
        (SectionMissing { card, section }, ZhHans) => {
            format!("卡片 {card} 要放在 {section} 之后，但同一身份的清单里没有这一部分")
        }
        (SectionMissing { card, section }, ZhHant) => {
            format!("卡片 {card} 要放在 {section} 之後，但同一身份的清單裡沒有這一部分")
        }
        (SectionMissing { card, section }, English) => {
            format!("card {card} goes after section {section}, which its role's checklist does not have")
        }
        (PointLinksNothing { point }, ZhHans) => format!("要点 {point} 没有链接任何自查项或节点"),
        (PointLinksNothing { point }, ZhHant) => format!("要點 {point} 沒有連結任何自查項或節點"),
        (PointLinksNothing { point }, English) => {
            format!("point {point} links to no item and no node")
        }
        (ManyFirstCards { count }, ZhHans) => format!("同一身份有 {count} 张置顶卡片，只能有一张"),
        (ManyFirstCards { count }, ZhHant) => format!("同一身份有 {count} 張置頂卡片，只能有一張"),
        (ManyFirstCards { count }, English) => {
            format!("one role has {count} cards placed first; it may have one")
        }
    };
    let at = match locale {
        ZhHans => "位置",
        ZhHant => "位置",
        English => "at",
    };
    format!("{sentence} ({at} {})", problem.path)
}

/// A JSON syntax error in a guide file as one sentence.
pub fn parse_error_message(error: &ParseError, locale: Locale) -> String {
    let head = PageMsg::ErrorJson.text(locale);
    match locale {
        // The parser's own explanation is in English, so only the English sentence has it.
        Locale::ZhHans => format!("{head}：第 {} 行第 {} 列", error.line, error.column),
        Locale::ZhHant => format!("{head}：第 {} 行第 {} 列", error.line, error.column),
        Locale::English => format!(
            "{head}: line {}, column {} ({})",
            error.line, error.column, error.message
        ),
    }
}

/// The page's headline for a failed load, and the problems it lists; see `LoadError::describe`.
pub fn describe_load_error(error: &LoadError, locale: Locale) -> Description {
    let headline = |msg: PageMsg| msg.text(locale).to_string();
    let (headline, details) = match error {
        // The cause is the browser's, in English: it is kept in the error, not shown.
        LoadError::Network(_) => (headline(PageMsg::ErrorNetwork), Vec::new()),
        LoadError::Timeout { seconds } => {
            let head = PageMsg::ErrorTimeout.text(locale);
            let line = match locale {
                Locale::ZhHans => format!("{head}（{seconds} 秒）"),
                Locale::ZhHant => format!("{head}（{seconds} 秒）"),
                Locale::English => format!("{head} ({seconds} s)"),
            };
            (line, Vec::new())
        }
        LoadError::Http {
            status,
            status_text,
        } => {
            let head = PageMsg::ErrorHttp.text(locale);
            let line = match locale {
                Locale::ZhHans => format!("{head}（HTTP {status} {status_text}）"),
                Locale::ZhHant => format!("{head}（HTTP {status} {status_text}）"),
                Locale::English => format!("{head} (HTTP {status} {status_text})"),
            };
            (line, Vec::new())
        }
        LoadError::TooLarge { bytes } => {
            let head = PageMsg::ErrorTooLarge.text(locale);
            let line = match locale {
                Locale::ZhHans => format!("{head}（{bytes} 字节，上限 {MAX_GUIDE_BYTES} 字节）"),
                Locale::ZhHant => {
                    format!("{head}（{bytes} 位元組，上限 {MAX_GUIDE_BYTES} 位元組）")
                }
                Locale::English => format!("{head} ({bytes} > {MAX_GUIDE_BYTES} bytes)"),
            };
            (line, Vec::new())
        }
        LoadError::Json(error) => (parse_error_message(error, locale), Vec::new()),
        LoadError::OtherVersion { shown, found } => {
            let head = PageMsg::ErrorOtherVersion.text(locale);
            let line = match locale {
                Locale::ZhHans => format!("{head}（{shown} → {found}）"),
                Locale::ZhHant => format!("{head}（{shown} → {found}）"),
                Locale::English => format!("{head} ({shown} → {found})"),
            };
            (line, Vec::new())
        }
        LoadError::Invalid(problems) => (
            headline(PageMsg::ErrorInvalid),
            problems
                .iter()
                .map(|p| problem_message(p, locale))
                .collect(),
        ),
    };
    Description { headline, details }
}

/// The document title of `page` in `locale`: the page's name, then the app's, so that a tab,
/// a bookmark, the history and a screen reader name the page in the reader's language.
pub fn page_title(page: Page, locale: Locale) -> String {
    let name = match page {
        Page::Home => return Msg::AppName.text(locale).to_string(),
        Page::Flowchart => Msg::NavFlowchart,
        Page::Checklist => Msg::NavChecklist,
        Page::Report => Msg::TitleReport,
        Page::About => Msg::NavAbout,
        Page::Ledger => Msg::TitleLedger,
        Page::NotFound => Msg::NotFoundTitle,
    };
    format!("{} · {}", name.text(locale), Msg::AppName.text(locale))
}

/// A count of things in English: "1 item", "3 items".
pub fn english_count(n: usize, one: &str, many: &str) -> String {
    match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_negotiate(prefs: &[&str], expect: Locale) {
        assert_eq!(
            Locale::negotiate(prefs.iter().copied()),
            expect,
            "{prefs:?}"
        );
    }

    #[test]
    fn negotiates_browser_languages() {
        check_negotiate(&[], Locale::ZhHans);
        check_negotiate(&["zh-CN"], Locale::ZhHans);
        check_negotiate(&["zh"], Locale::ZhHans);
        check_negotiate(&["zh-TW"], Locale::ZhHant);
        check_negotiate(&["zh-HK", "en"], Locale::ZhHant);
        check_negotiate(&["zh-Hant-TW"], Locale::ZhHant);
        check_negotiate(&["en-US", "zh-CN"], Locale::English);
        check_negotiate(&["fr-FR", "en-GB"], Locale::English);
        check_negotiate(&["fr-FR", "de"], Locale::ZhHans);
    }

    #[test]
    fn each_page_has_its_own_title_in_each_language() {
        for locale in Locale::ALL {
            let titles: Vec<String> = Page::ALL.iter().map(|&p| page_title(p, locale)).collect();
            let mut unique = titles.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), titles.len(), "{titles:?}");
            for title in &titles {
                assert!(title.ends_with(Msg::AppName.text(locale)), "{title}");
            }
        }
        assert_eq!(
            page_title(Page::Checklist, Locale::English),
            "Checklist · A-Ji & Xiao-Mei · Back-to-Work Guide"
        );
        assert_eq!(
            page_title(Page::Ledger, Locale::ZhHant),
            "防控台賬 · 阿集小美 · 復工防控指南"
        );
        assert_eq!(
            page_title(Page::Home, Locale::ZhHans),
            "阿集小美 · 复工防控指南"
        );
    }

    #[test]
    fn locale_tags_round_trip() {
        for locale in Locale::ALL {
            assert_eq!(locale.tag().parse::<Locale>(), Ok(locale));
        }
    }

    #[test]
    fn problem_message_names_the_problem() {
        let problem = Problem {
            path: "edges[11]".into(),
            kind: ProblemKind::EdgeToMissing {
                edge: "e12".into(),
                node: "n99".into(),
            },
        };
        assert_eq!(
            problem_message(&problem, Locale::English),
            "edge e12 points to node n99, which does not exist (at edges[11])"
        );
        assert!(problem_message(&problem, Locale::ZhHans).contains("n99"));
    }
}
