//! Interface text in three languages, checked at compile time.
//!
//! Every message is a variant of `Msg`, and `Msg::text` matches on the pair of message and
//! locale with no wildcard, so a missing translation is a compile error rather than a blank on
//! screen. Guide content carries its own languages in the data; this module is only for the
//! interface and for messages about problems.

use std::fmt;
use std::str::FromStr;

use crate::model::guide::{ParseError, Problem, ProblemKind};

pub mod checklist;
pub mod flowchart;
pub mod store;

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

/// Every piece of interface text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Msg {
    AppName,
    AppTagline,
    NavHome,
    NavMain,
    NavFlowchart,
    NavChecklist,
    NavAbout,
    SkipToContent,
    Language,
    Loading,
    LoadFailedTitle,
    /// A page's code (a wasm file of its own in the release build) could not be fetched.
    PartLoadFailedTitle,
    /// What to do about it: the network, or a new version deployed since the page opened.
    PartLoadFailedBody,
    /// The guide could not be loaded in the chosen language, so it stays in the one shown.
    GuideLanguageFailed,
    Retry,
    ErrorNetwork,
    ErrorHttp,
    ErrorJson,
    ErrorInvalid,
    ErrorTooLarge,
    ErrorTimeout,
    /// A language switch found a file of another version of the guide than the one shown.
    ErrorOtherVersion,
    HomeIntro,
    HomeStartEnterprise,
    HomeStartEmployee,
    HomeOpenFlowchart,
    FlowchartTitle,
    FlowchartIntro,
    ChecklistTitle,
    ChecklistIntro,
    ChooseRole,
    RoleEnterprise,
    RoleEmployee,
    Required,
    Optional,
    WhatToDo,
    Why,
    Source,
    ConfidenceReported,
    ConfidenceXiamen,
    ConfidenceReconstructed,
    ConfidenceOfficial,
    ReconstructedNote,
    AboutTitle,
    AboutIntro,
    AboutSources,
    AboutVersion,
    AboutConfidence,
    NotFoundTitle,
    NotFoundBody,
    BackHome,
    NodeStart,
    NodeStep,
    NodeDecision,
    NodeEnd,
    BelongsToStep,
    ItemsHere,
    StorageUnavailable,
    StorageWriteFailed,
    StoredValueUnreadable,
    BackupKept,
    Dismiss,
}

impl Msg {
    /// The message in `locale`.
    pub fn text(self, locale: Locale) -> &'static str {
        use Locale::*;
        use Msg::*;
        match (self, locale) {
            (AppName, ZhHans) => "阿集小美 · 复工防控指南",
            (AppName, ZhHant) => "阿集小美 · 復工防控指南",
            (AppName, English) => "A-Ji & Xiao-Mei · Back-to-Work Guide",
            (AppTagline, ZhHans) => "集美区企业复工防控操作指南（图解版）",
            (AppTagline, ZhHant) => "集美區企業復工防控操作指南（圖解版）",
            (AppTagline, English) => "Jimei District's illustrated guide for enterprises resuming work",
            (NavHome, ZhHans) => "首页",
            (NavHome, ZhHant) => "首頁",
            (NavHome, English) => "Home",
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
            (LoadFailedTitle, ZhHans) => "指南未能载入",
            (LoadFailedTitle, ZhHant) => "指南未能載入",
            (LoadFailedTitle, English) => "The guide could not be loaded",
            (PartLoadFailedTitle, ZhHans) => "此页面未能载入",
            (PartLoadFailedTitle, ZhHant) => "此頁面未能載入",
            (PartLoadFailedTitle, English) => "This page could not be loaded",
            (PartLoadFailedBody, ZhHans) => "未能取得此页面的程序。请检查网络后重试；如仍不行，请重新载入页面。你的进度不会丢失。",
            (PartLoadFailedBody, ZhHant) => "未能取得此頁面的程式。請檢查網絡後重試；如仍不行，請重新載入頁面。你的進度不會丟失。",
            (PartLoadFailedBody, English) => "The code of this page could not be fetched. Check your connection and try again; if that does not help, reload the page. Your progress is not lost.",
            (GuideLanguageFailed, ZhHans) => "指南的这一语言版本未能载入，暂时仍以原来的语言显示。",
            (GuideLanguageFailed, ZhHant) => "指南的這一語言版本未能載入，暫時仍以原來的語言顯示。",
            (GuideLanguageFailed, English) => "The guide could not be loaded in this language, so it is still shown in the previous one.",
            (Retry, ZhHans) => "重试",
            (Retry, ZhHant) => "重試",
            (Retry, English) => "Try again",
            (ErrorNetwork, ZhHans) => "无法连接网络。请检查网络后重试。",
            (ErrorNetwork, ZhHant) => "無法連接網絡。請檢查網絡後重試。",
            (ErrorNetwork, English) => "The network could not be reached. Check your connection and try again.",
            (ErrorHttp, ZhHans) => "服务器返回错误",
            (ErrorHttp, ZhHant) => "伺服器返回錯誤",
            (ErrorHttp, English) => "The server answered with an error",
            (ErrorJson, ZhHans) => "指南文件格式有误",
            (ErrorJson, ZhHant) => "指南文件格式有誤",
            (ErrorJson, English) => "The guide file is not well-formed",
            (ErrorInvalid, ZhHans) => "指南文件内容有以下问题：",
            (ErrorInvalid, ZhHant) => "指南文件內容有以下問題：",
            (ErrorInvalid, English) => "The guide file has these problems:",
            (ErrorTooLarge, ZhHans) => "指南文件过大",
            (ErrorTooLarge, ZhHant) => "指南文件過大",
            (ErrorTooLarge, English) => "The guide file is too large",
            (ErrorTimeout, ZhHans) => "网络太慢，指南未能按时载入。请稍后重试。",
            (ErrorTimeout, ZhHant) => "網絡太慢，指南未能按時載入。請稍後重試。",
            (ErrorTimeout, English) => "The network is too slow: the guide did not arrive in time. Try again in a moment.",
            (ErrorOtherVersion, ZhHans) => "指南已发布新版本。请重新载入页面，再切换语言。",
            (ErrorOtherVersion, ZhHant) => "指南已發布新版本。請重新載入頁面，再切換語言。",
            (ErrorOtherVersion, English) => "A new version of the guide has been published. Reload the page, then switch the language again.",
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
            (FlowchartTitle, ZhHans) => "复工流程",
            (FlowchartTitle, ZhHant) => "復工流程",
            (FlowchartTitle, English) => "The resumption process",
            (FlowchartIntro, ZhHans) => "从准备到每日防控，按顺序走完每一步。",
            (FlowchartIntro, ZhHant) => "從準備到每日防控，按順序走完每一步。",
            (FlowchartIntro, English) => "From preparation to daily prevention, step by step in order.",
            (ChecklistTitle, ZhHans) => "自查清单",
            (ChecklistTitle, ZhHant) => "自查清單",
            (ChecklistTitle, English) => "Self-check checklist",
            (ChecklistIntro, ZhHans) => "逐项核对，确认复工前的每一项准备。",
            (ChecklistIntro, ZhHant) => "逐項核對，確認復工前的每一項準備。",
            (ChecklistIntro, English) => "Go through each item to confirm you are ready to resume work.",
            (ChooseRole, ZhHans) => "选择身份",
            (ChooseRole, ZhHant) => "選擇身份",
            (ChooseRole, English) => "Choose a role",
            (RoleEnterprise, ZhHans) => "企业",
            (RoleEnterprise, ZhHant) => "企業",
            (RoleEnterprise, English) => "Enterprise",
            (RoleEmployee, ZhHans) => "员工",
            (RoleEmployee, ZhHant) => "員工",
            (RoleEmployee, English) => "Employee",
            (Required, ZhHans) => "必做",
            (Required, ZhHant) => "必做",
            (Required, English) => "Required",
            (Optional, ZhHans) => "可选",
            (Optional, ZhHant) => "可選",
            (Optional, English) => "Optional",
            (WhatToDo, ZhHans) => "怎么做",
            (WhatToDo, ZhHant) => "怎麼做",
            (WhatToDo, English) => "What to do",
            (Why, ZhHans) => "为什么",
            (Why, ZhHant) => "為什麼",
            (Why, English) => "Why",
            (Source, ZhHans) => "来源",
            (Source, ZhHant) => "來源",
            (Source, English) => "Source",
            (ConfidenceReported, ZhHans) => "据集美区报道",
            (ConfidenceReported, ZhHant) => "據集美區報道",
            (ConfidenceReported, English) => "As reported for Jimei",
            (ConfidenceXiamen, ZhHans) => "据厦门市通告",
            (ConfidenceXiamen, ZhHant) => "據廈門市通告",
            (ConfidenceXiamen, English) => "From a Xiamen notice",
            (ConfidenceReconstructed, ZhHans) => "依据同期官方指引整理",
            (ConfidenceReconstructed, ZhHant) => "依據同期官方指引整理",
            (ConfidenceReconstructed, English) => "Based on official guidance of the period",
            (ConfidenceOfficial, ZhHans) => "集美区原文",
            (ConfidenceOfficial, ZhHant) => "集美區原文",
            (ConfidenceOfficial, English) => "Jimei's own wording",
            (ReconstructedNote, ZhHans) => "集美区清单原文未公开，此项依据同期福建省或国家指引整理。",
            (ReconstructedNote, ZhHant) => "集美區清單原文未公開，此項依據同期福建省或國家指引整理。",
            (ReconstructedNote, English) => "Jimei's exact wording was not published; this is rebuilt from Fujian or national guidance of the same weeks.",
            (AboutTitle, ZhHans) => "关于本指南",
            (AboutTitle, ZhHant) => "關於本指南",
            (AboutTitle, English) => "About this guide",
            (AboutIntro, ZhHans) => "2020年2月，厦门市集美区发布《集美区企业复工防控操作指南》及“阿集小美”图解简化版。本应用把它做成可以在手机上一步步照做的流程图和自查清单。",
            (AboutIntro, ZhHant) => "2020年2月，廈門市集美區發布《集美區企業復工防控操作指南》及「阿集小美」圖解簡化版。本應用把它做成可以在手機上一步步照做的流程圖和自查清單。",
            (AboutIntro, English) => "In February 2020 Jimei District, Xiamen, published an operations guide for enterprises resuming work, with an illustrated, simplified edition starring A-Ji and Xiao-Mei. This app turns it into a flowchart and a checklist you can follow step by step on a phone.",
            (AboutSources, ZhHans) => "资料来源",
            (AboutSources, ZhHant) => "資料來源",
            (AboutSources, English) => "Sources",
            (AboutVersion, ZhHans) => "指南版本",
            (AboutVersion, ZhHant) => "指南版本",
            (AboutVersion, English) => "Guide version",
            (AboutConfidence, ZhHans) => "可信度标注",
            (AboutConfidence, ZhHant) => "可信度標註",
            (AboutConfidence, English) => "How sure we are",
            (NotFoundTitle, ZhHans) => "找不到这个页面",
            (NotFoundTitle, ZhHant) => "找不到這個頁面",
            (NotFoundTitle, English) => "Page not found",
            (NotFoundBody, ZhHans) => "这个地址没有内容，可能链接有误。",
            (NotFoundBody, ZhHant) => "這個地址沒有內容，可能連結有誤。",
            (NotFoundBody, English) => "There is nothing at this address; the link may be wrong.",
            (BackHome, ZhHans) => "返回首页",
            (BackHome, ZhHant) => "返回首頁",
            (BackHome, English) => "Back to the home page",
            (NodeStart, ZhHans) => "开始",
            (NodeStart, ZhHant) => "開始",
            (NodeStart, English) => "Start",
            (NodeStep, ZhHans) => "步骤",
            (NodeStep, ZhHant) => "步驟",
            (NodeStep, English) => "Step",
            (NodeDecision, ZhHans) => "判断",
            (NodeDecision, ZhHant) => "判斷",
            (NodeDecision, English) => "Decision",
            (NodeEnd, ZhHans) => "结束",
            (NodeEnd, ZhHant) => "結束",
            (NodeEnd, English) => "End",
            (BelongsToStep, ZhHans) => "所属步骤",
            (BelongsToStep, ZhHant) => "所屬步驟",
            (BelongsToStep, English) => "Flowchart step",
            (ItemsHere, ZhHans) => "本步骤的自查项",
            (ItemsHere, ZhHant) => "本步驟的自查項",
            (ItemsHere, English) => "Checklist items for this step",
            (StorageUnavailable, ZhHans) => "此浏览器不允许本应用保存数据（可能是无痕模式）。进度只保留到关闭页面为止，请用“导出”保存一份。",
            (StorageUnavailable, ZhHant) => "此瀏覽器不允許本應用儲存資料（可能是無痕模式）。進度只保留到關閉頁面為止，請用「匯出」儲存一份。",
            (StorageUnavailable, English) => "This browser does not let the app save data (private browsing?). Progress lasts only until you close the page: use Export to keep a copy.",
            (StorageWriteFailed, ZhHans) => "进度未能保存（存储空间可能已满）。页面上的内容不会丢失，请用“导出”保存一份。",
            (StorageWriteFailed, ZhHant) => "進度未能儲存（儲存空間可能已滿）。頁面上的內容不會遺失，請用「匯出」儲存一份。",
            (StorageWriteFailed, English) => "Progress could not be saved (storage may be full). Nothing on the page is lost: use Export to keep a copy.",
            (StoredValueUnreadable, ZhHans) => "之前保存的进度无法读取，已从空白开始。",
            (StoredValueUnreadable, ZhHant) => "之前儲存的進度無法讀取，已從空白開始。",
            (StoredValueUnreadable, English) => "The progress saved earlier could not be read, so the checklist starts afresh.",
            (BackupKept, ZhHans) => "原来的内容已备份在",
            (BackupKept, ZhHant) => "原來的內容已備份在",
            (BackupKept, English) => "The old value is kept under",
            (Dismiss, ZhHans) => "知道了",
            (Dismiss, ZhHant) => "知道了",
            (Dismiss, English) => "Dismiss",
        }
    }
}

/// A guide problem as one sentence, such as "edge e12 points to node n99, which does not
/// exist", followed by where it is in the file.
pub fn problem_message(problem: &Problem, locale: Locale) -> String {
    use Locale::*;
    use ProblemKind::*;
    let sentence = match (&problem.kind, locale) {
        (NoLanguages, ZhHans | ZhHant) => "未声明任何语言".to_string(),
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
    };
    let at = match locale {
        ZhHans | ZhHant => "位置",
        English => "at",
    };
    format!("{sentence} ({at} {})", problem.path)
}

/// A JSON syntax error in a guide file as one sentence.
pub fn parse_error_message(error: &ParseError, locale: Locale) -> String {
    let head = Msg::ErrorJson.text(locale);
    match locale {
        Locale::ZhHans | Locale::ZhHant => {
            format!(
                "{head}：第 {} 行第 {} 列（{}）",
                error.line, error.column, error.message
            )
        }
        Locale::English => format!(
            "{head}: line {}, column {} ({})",
            error.line, error.column, error.message
        ),
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
