//! Interface text of the checklist, the share tools and the printed report, in three
//! languages. Like `Msg`, `ListMsg::text` matches on (message, locale) with no wildcard, so a
//! missing translation does not compile; sentences with numbers or names are functions that
//! match on the locale.

use super::{english_count, Locale, Message, PageMsg};
use crate::guide::{Guide, Phase};
use crate::progress::{ItemStatus, NaReason};

/// Every fixed piece of text of the checklist, share and report pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListMsg {
    AboutYou,
    AboutYouIntro,
    EnterpriseName,
    MarkNa,
    NaReason,
    Save,
    Cancel,
    MarkApplicable,
    Note,
    Details,
    OverallProgress,
    Ready,
    Reset,
    ResetQuestion,
    ResetConfirm,
    ResetDone,
    NothingToReset,
    Undo,
    UndoDone,
    OpenReport,
    /// The enterprise's way to its daily ledger.
    OpenLedger,
    Tools,
    Export,
    Import,
    ImportRefused,
    NothingChanged,
    ImportAsk,
    Replace,
    KeepMine,
    Imported,
    ShareLink,
    ShareIntro,
    CopyLink,
    Copied,
    CopyFailed,
    QrLabel,
    ShareTooLong,
    QrTooLong,
    ExportFailed,
    SharedAsk,
    SharedApplied,
    SharedRefused,
    ReportTitle,
    BackToChecklist,
    Date,
    Role,
    Item,
    State,
    Missing,
    NothingMissing,
    SignOfficer,
    SignHead,
    SignEmployee,
    Seal,
    EnterpriseLetterTitle,
    EnterpriseLetterTo,
    EnterpriseLetterClose,
    EmployeeLetterTitle,
    EmployeeLetterClose,
    EmployeeLetterPromises,
    EmployeeName,
    LetterNote,
    Unnamed,
    NotAnswered,
    PrintHint,
    PhaseBeforeReopening,
    PhaseBeforeTravel,
    PhaseOnArrival,
    PhaseObservation,
    PhaseDaily,
    NotCounted,
    CardSummary,
    InFlowchart,
    NaReasonNeeded,
    ReplacedKept,
    CopyFailedAsk,
    ReplaceAnyway,
    DownloadMine,
    ReplaceUndone,
    BackupsTitle,
    BackupsIntro,
    BackupsNone,
    BackupDownload,
    BackupRestore,
    BackupDelete,
    BackupRestoreAsk,
    BackupDeleteAsk,
    BackupDeleted,
    BackupUnreadable,
    BackupRestored,
    BackupsFailed,
    FilingHeading,
    FilingAnswerFirst,
    FilingOffices,
    FilingChooseTown,
    FilingMaterials,
    Workplace,
    UseTheirNote,
    UseMyNote,
    SharedViewTitle,
    SharedViewRole,
    SharedViewItems,
    SharedAdopt,
}

impl ListMsg {
    /// Every message of the table, for the tests that render them all.
    pub const ALL: [ListMsg; 103] = [
        ListMsg::AboutYou,
        ListMsg::AboutYouIntro,
        ListMsg::EnterpriseName,
        ListMsg::MarkNa,
        ListMsg::NaReason,
        ListMsg::Save,
        ListMsg::Cancel,
        ListMsg::MarkApplicable,
        ListMsg::Note,
        ListMsg::Details,
        ListMsg::OverallProgress,
        ListMsg::Ready,
        ListMsg::Reset,
        ListMsg::ResetQuestion,
        ListMsg::ResetConfirm,
        ListMsg::ResetDone,
        ListMsg::NothingToReset,
        ListMsg::Undo,
        ListMsg::UndoDone,
        ListMsg::OpenReport,
        ListMsg::OpenLedger,
        ListMsg::Tools,
        ListMsg::Export,
        ListMsg::Import,
        ListMsg::ImportRefused,
        ListMsg::NothingChanged,
        ListMsg::ImportAsk,
        ListMsg::Replace,
        ListMsg::KeepMine,
        ListMsg::Imported,
        ListMsg::ShareLink,
        ListMsg::ShareIntro,
        ListMsg::CopyLink,
        ListMsg::Copied,
        ListMsg::CopyFailed,
        ListMsg::QrLabel,
        ListMsg::ShareTooLong,
        ListMsg::QrTooLong,
        ListMsg::ExportFailed,
        ListMsg::SharedAsk,
        ListMsg::SharedApplied,
        ListMsg::SharedRefused,
        ListMsg::ReportTitle,
        ListMsg::BackToChecklist,
        ListMsg::Date,
        ListMsg::Role,
        ListMsg::Item,
        ListMsg::State,
        ListMsg::Missing,
        ListMsg::NothingMissing,
        ListMsg::SignOfficer,
        ListMsg::SignHead,
        ListMsg::SignEmployee,
        ListMsg::Seal,
        ListMsg::EnterpriseLetterTitle,
        ListMsg::EnterpriseLetterTo,
        ListMsg::EnterpriseLetterClose,
        ListMsg::EmployeeLetterTitle,
        ListMsg::EmployeeLetterClose,
        ListMsg::EmployeeLetterPromises,
        ListMsg::EmployeeName,
        ListMsg::LetterNote,
        ListMsg::Unnamed,
        ListMsg::NotAnswered,
        ListMsg::PrintHint,
        ListMsg::PhaseBeforeReopening,
        ListMsg::PhaseBeforeTravel,
        ListMsg::PhaseOnArrival,
        ListMsg::PhaseObservation,
        ListMsg::PhaseDaily,
        ListMsg::NotCounted,
        ListMsg::CardSummary,
        ListMsg::InFlowchart,
        ListMsg::NaReasonNeeded,
        ListMsg::ReplacedKept,
        ListMsg::CopyFailedAsk,
        ListMsg::ReplaceAnyway,
        ListMsg::DownloadMine,
        ListMsg::ReplaceUndone,
        ListMsg::BackupsTitle,
        ListMsg::BackupsIntro,
        ListMsg::BackupsNone,
        ListMsg::BackupDownload,
        ListMsg::BackupRestore,
        ListMsg::BackupDelete,
        ListMsg::BackupRestoreAsk,
        ListMsg::BackupDeleteAsk,
        ListMsg::BackupDeleted,
        ListMsg::BackupUnreadable,
        ListMsg::BackupRestored,
        ListMsg::BackupsFailed,
        ListMsg::FilingHeading,
        ListMsg::FilingAnswerFirst,
        ListMsg::FilingOffices,
        ListMsg::FilingChooseTown,
        ListMsg::FilingMaterials,
        ListMsg::Workplace,
        ListMsg::UseTheirNote,
        ListMsg::UseMyNote,
        ListMsg::SharedViewTitle,
        ListMsg::SharedViewRole,
        ListMsg::SharedViewItems,
        ListMsg::SharedAdopt,
    ];

    /// The heading of a phase's items in the checklist.
    pub fn phase(phase: Phase) -> ListMsg {
        match phase {
            Phase::BeforeReopening => ListMsg::PhaseBeforeReopening,
            Phase::BeforeTravel => ListMsg::PhaseBeforeTravel,
            Phase::OnArrival => ListMsg::PhaseOnArrival,
            Phase::Observation => ListMsg::PhaseObservation,
            Phase::Daily => ListMsg::PhaseDaily,
        }
    }
}

impl Message for ListMsg {
    fn text(self, locale: Locale) -> &'static str {
        use ListMsg::*;
        use Locale::*;
        match (self, locale) {
            (AboutYou, ZhHans) => "你的情况",
            (AboutYou, ZhHant) => "你的情況",
            (AboutYou, English) => "About you",
            (AboutYouIntro, ZhHans) => "这些回答决定哪些自查项适用。",
            (AboutYouIntro, ZhHant) => "這些回答決定哪些自查項適用。",
            (AboutYouIntro, English) => "Your answers decide which items apply to you.",
            (EnterpriseName, ZhHans) => "企业名称",
            (EnterpriseName, ZhHant) => "企業名稱",
            (EnterpriseName, English) => "Enterprise name",
            (MarkNa, ZhHans) => "标为不适用",
            (MarkNa, ZhHant) => "標為不適用",
            (MarkNa, English) => "Mark not applicable",
            (NaReason, ZhHans) => "不适用的原因（简短）",
            (NaReason, ZhHant) => "不適用的原因（簡短）",
            (NaReason, English) => "Why it does not apply (short)",
            (Save, ZhHans) => "确定",
            (Save, ZhHant) => "確定",
            (Save, English) => "Save",
            (Cancel, ZhHans) => "取消",
            (Cancel, ZhHant) => "取消",
            (Cancel, English) => "Cancel",
            (MarkApplicable, ZhHans) => "改回适用",
            (MarkApplicable, ZhHant) => "改回適用",
            (MarkApplicable, English) => "It applies after all",
            (Note, ZhHans) => "备注",
            (Note, ZhHant) => "備註",
            (Note, English) => "Note",
            (Details, ZhHans) => "为什么、怎么做、来源",
            (Details, ZhHant) => "為什麼、怎麼做、來源",
            (Details, English) => "Why, how and source",
            (OverallProgress, ZhHans) => "总体进度",
            (OverallProgress, ZhHant) => "總體進度",
            (OverallProgress, English) => "Overall progress",
            (Ready, ZhHans) => "可以复工：须事先完成的必做项都已完成。日常事项每天在台账中记录。",
            (Ready, ZhHant) => "可以復工：須事先完成的必做項都已完成。日常事項每天在台賬中記錄。",
            (Ready, English) => "Ready to resume: every required item to be done beforehand is done. Daily routines are recorded in the ledger each day.",
            (Reset, ZhHans) => "重置本清单",
            (Reset, ZhHant) => "重置本清單",
            (Reset, English) => "Reset this checklist",
            (ResetQuestion, ZhHans) => "清空本清单的所有勾选、不适用标记、备注和回答？之后可以撤销一次。",
            (ResetQuestion, ZhHant) => "清空本清單的所有勾選、不適用標記、備註和回答？之後可以撤銷一次。",
            (ResetQuestion, English) => "Clear every check, not-applicable mark, note and answer of this checklist? You can undo it once afterwards.",
            (ResetConfirm, ZhHans) => "确认重置",
            (ResetConfirm, ZhHant) => "確認重置",
            (ResetConfirm, English) => "Yes, reset",
            (ResetDone, ZhHans) => "清单已重置。",
            (ResetDone, ZhHant) => "清單已重置。",
            (ResetDone, English) => "The checklist was reset.",
            (NothingToReset, ZhHans) => "清单还是空的，无需重置。",
            (NothingToReset, ZhHant) => "清單還是空的，無需重置。",
            (NothingToReset, English) => "The checklist is already empty.",
            (Undo, ZhHans) => "撤销",
            (Undo, ZhHant) => "撤銷",
            (Undo, English) => "Undo",
            (UndoDone, ZhHans) => "已恢复重置前的内容。",
            (UndoDone, ZhHant) => "已恢復重置前的內容。",
            (UndoDone, English) => "Everything is back as before the reset.",
            (OpenReport, ZhHans) => "打印自查报告和承诺书",
            (OpenReport, ZhHant) => "列印自查報告和承諾書",
            (OpenReport, English) => "Print the report and letters",
            (OpenLedger, ZhHans) => "打开每日防控台账（花名册、门岗测温、日报）",
            (OpenLedger, ZhHant) => "開啟每日防控台賬（花名冊、門崗測溫、日報）",
            (OpenLedger, English) => "Open the daily ledger (roster, gate register, daily report)",
            (Tools, ZhHans) => "备份与分享",
            (Tools, ZhHant) => "備份與分享",
            (Tools, English) => "Back up and share",
            (Export, ZhHans) => "导出进度文件",
            (Export, ZhHant) => "匯出進度檔案",
            (Export, English) => "Export progress file",
            (Import, ZhHans) => "导入进度文件",
            (Import, ZhHant) => "匯入進度檔案",
            (Import, English) => "Import progress file",
            (ImportRefused, ZhHans) => "未导入：",
            (ImportRefused, ZhHant) => "未匯入：",
            (ImportRefused, English) => "Not imported: ",
            (NothingChanged, ZhHans) => "当前进度没有改变。",
            (NothingChanged, ZhHant) => "目前進度沒有改變。",
            (NothingChanged, English) => "Your current progress is unchanged.",
            (ImportAsk, ZhHans) => "用这个文件替换当前的全部进度（包括备注）吗？",
            (ImportAsk, ZhHant) => "用這個檔案取代目前的全部進度（包括備註）嗎？",
            (ImportAsk, English) => "Replace all your current progress, notes included, with this file?",
            (Replace, ZhHans) => "替换",
            (Replace, ZhHant) => "取代",
            (Replace, English) => "Replace",
            (KeepMine, ZhHans) => "保留当前进度",
            (KeepMine, ZhHant) => "保留目前進度",
            (KeepMine, English) => "Keep mine",
            (Imported, ZhHans) => "已导入进度文件。",
            (Imported, ZhHant) => "已匯入進度檔案。",
            (Imported, English) => "The progress file was imported.",
            (ShareLink, ZhHans) => "分享链接和二维码",
            (ShareLink, ZhHant) => "分享連結和二維碼",
            (ShareLink, English) => "Share link and QR code",
            (ShareIntro, ZhHans) => "链接带有勾选、不适用标记、回答和企业名称（不含备注）。用另一部手机扫描二维码即可打开，无需服务器。",
            (ShareIntro, ZhHant) => "連結帶有勾選、不適用標記、回答和企業名稱（不含備註）。用另一部手機掃描二維碼即可打開，無需伺服器。",
            (ShareIntro, English) => "The link carries the checks, not-applicable marks, answers and enterprise name (not the notes). Scan the code with another phone to open it; no server is involved.",
            (CopyLink, ZhHans) => "复制链接",
            (CopyLink, ZhHant) => "複製連結",
            (CopyLink, English) => "Copy the link",
            (Copied, ZhHans) => "链接已复制。",
            (Copied, ZhHant) => "連結已複製。",
            (Copied, English) => "The link was copied.",
            (CopyFailed, ZhHans) => "无法自动复制，请选中链接后手动复制。",
            (CopyFailed, ZhHant) => "無法自動複製，請選取連結後手動複製。",
            (CopyFailed, English) => "Could not copy; select the link and copy it by hand.",
            (QrLabel, ZhHans) => "分享链接的二维码",
            (QrLabel, ZhHant) => "分享連結的二維碼",
            (QrLabel, English) => "QR code of the share link",
            (ShareTooLong, ZhHans) => "进度太多，放不进链接，请改用导出文件。",
            (ShareTooLong, ZhHant) => "進度太多，放不進連結，請改用匯出檔案。",
            (ShareTooLong, English) => "There is too much progress for a link; use the export file instead.",
            (QrTooLong, ZhHans) => "链接太长，放不进二维码；请复制链接发送。",
            (QrTooLong, ZhHant) => "連結太長，放不進二維碼；請複製連結傳送。",
            (QrTooLong, English) => "The link is too long for a QR code; copy and send the link instead.",
            (ExportFailed, ZhHans) => "此浏览器无法下载文件。",
            (ExportFailed, ZhHant) => "此瀏覽器無法下載檔案。",
            (ExportFailed, English) => "This browser could not download the file.",
            (SharedAsk, ZhHans) => "这个链接带有一份自查进度。用它替换你当前的勾选、标记和回答吗？你的备注会保留。",
            (SharedAsk, ZhHant) => "這個連結帶有一份自查進度。用它取代你目前的勾選、標記和回答嗎？你的備註會保留。",
            (SharedAsk, English) => "This link carries checklist progress. Replace your current checks, marks and answers with it? Your notes stay.",
            (SharedApplied, ZhHans) => "已采用链接中的进度。",
            (SharedApplied, ZhHant) => "已採用連結中的進度。",
            (SharedApplied, English) => "The progress from the link is now yours.",
            (ReplacedKept, ZhHans) => "原来的进度已另存为副本，可以在“已保存的副本”里找回。",
            (ReplacedKept, ZhHant) => "原來的進度已另存為副本，可以在「已儲存的副本」裡找回。",
            (ReplacedKept, English) => "Your earlier progress is kept as a copy: find it under Saved copies.",
            (CopyFailedAsk, ZhHans) => "无法先在本设备上保存当前进度的副本（存储空间可能已满），所以还没有替换任何内容。可以先下载你的进度，再决定是否替换。",
            (CopyFailedAsk, ZhHant) => "無法先在本裝置上儲存目前進度的副本（儲存空間可能已滿），所以還沒有取代任何內容。可以先下載你的進度，再決定是否取代。",
            (CopyFailedAsk, English) => "A copy of your current progress could not be kept on this device (storage may be full), so nothing has been replaced yet. You can download your progress first, then decide.",
            (ReplaceAnyway, ZhHans) => "不留副本，仍然替换",
            (ReplaceAnyway, ZhHant) => "不留副本，仍然取代",
            (ReplaceAnyway, English) => "Replace without a copy",
            (DownloadMine, ZhHans) => "下载我的进度",
            (DownloadMine, ZhHant) => "下載我的進度",
            (DownloadMine, English) => "Download my progress",
            (ReplaceUndone, ZhHans) => "已撤销替换，进度恢复原样。",
            (ReplaceUndone, ZhHant) => "已撤銷取代，進度恢復原樣。",
            (ReplaceUndone, English) => "The replacement is undone: your progress is as it was.",
            (BackupsTitle, ZhHans) => "已保存的副本",
            (BackupsTitle, ZhHant) => "已儲存的副本",
            (BackupsTitle, English) => "Saved copies",
            (BackupsIntro, ZhHans) => "进度被替换（导入文件、采用分享链接、恢复副本）之前，以及保存的进度无法读取时，本应用会先在本设备上保存一份副本。",
            (BackupsIntro, ZhHant) => "進度被取代（匯入檔案、採用分享連結、恢復副本）之前，以及儲存的進度無法讀取時，本應用會先在本裝置上儲存一份副本。",
            (BackupsIntro, English) => "Before your progress is replaced (an imported file, a share link, a restored copy), and when saved progress cannot be read, the app first keeps a copy on this device.",
            (BackupsNone, ZhHans) => "本设备上还没有副本。",
            (BackupsNone, ZhHant) => "本裝置上還沒有副本。",
            (BackupsNone, English) => "There are no copies on this device yet.",
            (BackupDownload, ZhHans) => "下载",
            (BackupDownload, ZhHant) => "下載",
            (BackupDownload, English) => "Download",
            (BackupRestore, ZhHans) => "恢复这份",
            (BackupRestore, ZhHant) => "恢復這份",
            (BackupRestore, English) => "Restore this copy",
            (BackupDelete, ZhHans) => "删除",
            (BackupDelete, ZhHant) => "刪除",
            (BackupDelete, English) => "Delete",
            (BackupRestoreAsk, ZhHans) => "用这份副本替换当前的全部进度（包括备注）吗？当前的进度会先另存一份副本。",
            (BackupRestoreAsk, ZhHant) => "用這份副本取代目前的全部進度（包括備註）嗎？目前的進度會先另存一份副本。",
            (BackupRestoreAsk, English) => "Replace all your current progress, notes included, with this copy? Your current progress is kept as a copy first.",
            (BackupDeleteAsk, ZhHans) => "删除这份副本吗？删除后无法找回。",
            (BackupDeleteAsk, ZhHant) => "刪除這份副本嗎？刪除後無法找回。",
            (BackupDeleteAsk, English) => "Delete this copy? It cannot be brought back.",
            (BackupDeleted, ZhHans) => "副本已删除。",
            (BackupDeleted, ZhHant) => "副本已刪除。",
            (BackupDeleted, English) => "The copy was deleted.",
            (BackupUnreadable, ZhHans) => "这份副本无法读取，只能下载：",
            (BackupUnreadable, ZhHant) => "這份副本無法讀取，只能下載：",
            (BackupUnreadable, English) => "This copy cannot be read, only downloaded: ",
            (BackupRestored, ZhHans) => "已恢复这份副本。",
            (BackupRestored, ZhHant) => "已恢復這份副本。",
            (BackupRestored, English) => "The copy was restored.",
            (BackupsFailed, ZhHans) => "无法读取本设备上的副本。",
            (BackupsFailed, ZhHant) => "無法讀取本裝置上的副本。",
            (BackupsFailed, English) => "The copies on this device could not be read.",
            (FilingHeading, ZhHans) => "备案去向",
            (FilingHeading, ZhHant) => "備案去向",
            (FilingHeading, English) => "Where to file",
            (FilingAnswerFirst, ZhHans) => "先回答上面关于企业类型和年产值的问题，这里就会写明向哪里备案。",
            (FilingAnswerFirst, ZhHant) => "先回答上面關於企業類型和年產值的問題，這裡就會寫明向哪裡備案。",
            (FilingAnswerFirst, English) => "Answer the questions above about your kind of enterprise and its output, and this says where to file.",
            (FilingOffices, ZhHans) => "受理部门",
            (FilingOffices, ZhHant) => "受理部門",
            (FilingOffices, English) => "The office",
            (FilingChooseTown, ZhHans) => "在上面选择企业所在的镇街，这里就只列出那一个。",
            (FilingChooseTown, ZhHant) => "在上面選擇企業所在的鎮街，這裡就只列出那一個。",
            (FilingChooseTown, English) => "Choose your town or sub-district above, and only that one is listed.",
            (FilingMaterials, ZhHans) => "要准备的材料",
            (FilingMaterials, ZhHant) => "要準備的材料",
            (FilingMaterials, English) => "What to bring",
            (Workplace, ZhHans) => "你的工作单位",
            (Workplace, ZhHant) => "你的工作單位",
            (Workplace, English) => "Where you work",
            (UseTheirNote, ZhHans) => "改用另一页面的",
            (UseTheirNote, ZhHant) => "改用另一頁面的",
            (UseTheirNote, English) => "Use the other page's",
            (UseMyNote, ZhHans) => "改回我写的",
            (UseMyNote, ZhHant) => "改回我寫的",
            (UseMyNote, English) => "Use mine",
            (SharedViewTitle, ZhHans) => "链接中的自查进度（只读）",
            (SharedViewTitle, ZhHant) => "連結中的自查進度（唯讀）",
            (SharedViewTitle, English) => "The progress in this link (read only)",
            (SharedViewRole, ZhHans) => "清单",
            (SharedViewRole, ZhHant) => "清單",
            (SharedViewRole, English) => "Checklist",
            (SharedViewItems, ZhHans) => "逐项查看",
            (SharedViewItems, ZhHant) => "逐項查看",
            (SharedViewItems, English) => "See each item",
            (SharedAdopt, ZhHans) => "采用为我的进度",
            (SharedAdopt, ZhHant) => "採用為我的進度",
            (SharedAdopt, English) => "Take it as my progress",
            (SharedRefused, ZhHans) => "分享链接无法使用：",
            (SharedRefused, ZhHant) => "分享連結無法使用：",
            (SharedRefused, English) => "The share link cannot be used: ",
            (ReportTitle, ZhHans) => "复工自查报告",
            (ReportTitle, ZhHant) => "復工自查報告",
            (ReportTitle, English) => "Resumption self-check report",
            (BackToChecklist, ZhHans) => "返回自查清单",
            (BackToChecklist, ZhHant) => "返回自查清單",
            (BackToChecklist, English) => "Back to the checklist",
            (Date, ZhHans) => "日期",
            (Date, ZhHant) => "日期",
            (Date, English) => "Date",
            (Role, ZhHans) => "身份",
            (Role, ZhHant) => "身份",
            (Role, English) => "Role",
            (Item, ZhHans) => "自查项",
            (Item, ZhHant) => "自查項",
            (Item, English) => "Item",
            (State, ZhHans) => "状态",
            (State, ZhHant) => "狀態",
            (State, English) => "State",
            (Missing, ZhHans) => "尚未完成的必做项",
            (Missing, ZhHant) => "尚未完成的必做項",
            (Missing, English) => "Required items still to do",
            (NothingMissing, ZhHans) => "无。须事先完成的必做项都已完成。",
            (NothingMissing, ZhHant) => "無。須事先完成的必做項都已完成。",
            (NothingMissing, English) => "None: every required item to be done beforehand is done.",
            (SignOfficer, ZhHans) => "安全员（签字）",
            (SignOfficer, ZhHant) => "安全員（簽字）",
            (SignOfficer, English) => "Safety officer (signature)",
            (SignHead, ZhHans) => "企业负责人（签字）",
            (SignHead, ZhHant) => "企業負責人（簽字）",
            (SignHead, English) => "Head of the enterprise (signature)",
            (SignEmployee, ZhHans) => "员工（签字）",
            (SignEmployee, ZhHant) => "員工（簽字）",
            (SignEmployee, English) => "Employee (signature)",
            (Seal, ZhHans) => "（企业盖章）",
            (Seal, ZhHant) => "（企業蓋章）",
            (Seal, English) => "(Company seal)",
            (EnterpriseLetterTitle, ZhHans) => "企业复工防控承诺书",
            (EnterpriseLetterTitle, ZhHant) => "企業復工防控承諾書",
            (EnterpriseLetterTitle, English) => "Enterprise commitment on resuming work",
            (EnterpriseLetterTo, ZhHans) => "致集美区人民政府：",
            (EnterpriseLetterTo, ZhHant) => "致集美區人民政府：",
            (EnterpriseLetterTo, English) => "To the People's Government of Jimei District:",
            (EnterpriseLetterClose, ZhHans) => "本企业对以上内容的真实性负责。如有违反，愿承担相应责任。",
            (EnterpriseLetterClose, ZhHant) => "本企業對以上內容的真實性負責。如有違反，願承擔相應責任。",
            (EnterpriseLetterClose, English) => "The enterprise answers for the truth of the above and accepts the consequences of any breach.",
            (EmployeeLetterTitle, ZhHans) => "员工复工承诺书",
            (EmployeeLetterTitle, ZhHant) => "員工復工承諾書",
            (EmployeeLetterTitle, English) => "Employee commitment on returning to work",
            (EmployeeLetterClose, ZhHans) => "如有隐瞒或违反，本人愿承担相应责任。",
            (EmployeeLetterClose, ZhHant) => "如有隱瞞或違反，本人願承擔相應責任。",
            (EmployeeLetterClose, English) => "Should I conceal anything or break these rules, I accept the consequences.",
            (EmployeeLetterPromises, ZhHans) => "本人将做到：",
            (EmployeeLetterPromises, ZhHant) => "本人將做到：",
            (EmployeeLetterPromises, English) => "I will:",
            (EmployeeName, ZhHans) => "员工姓名",
            (EmployeeName, ZhHant) => "員工姓名",
            (EmployeeName, English) => "Employee's name",
            (LetterNote, ZhHans) => "本承诺书依据指南内容整理，仅供参考；请以集美区的正式文本为准。",
            (LetterNote, ZhHant) => "本承諾書依據指南內容整理，僅供參考；請以集美區的正式文本為準。",
            (LetterNote, English) => "Drawn up from the guide for reference only; Jimei District's official form takes precedence.",
            (Unnamed, ZhHans) => "（未填写企业名称）",
            (Unnamed, ZhHant) => "（未填寫企業名稱）",
            (Unnamed, English) => "(enterprise name not filled in)",
            (NotAnswered, ZhHans) => "（未回答）",
            (NotAnswered, ZhHant) => "（未回答）",
            (NotAnswered, English) => "(not answered)",
            (PrintHint, ZhHans) => "打印时只印出报告和承诺书，按钮和导航不会印出。",
            (PrintHint, ZhHant) => "列印時只印出報告和承諾書，按鈕和導覽不會印出。",
            (PrintHint, English) => "Only the report and the letters are printed, not the buttons or navigation.",
            (PhaseBeforeReopening, ZhHans) => "复工前准备（做一次）",
            (PhaseBeforeReopening, ZhHant) => "復工前準備（做一次）",
            (PhaseBeforeReopening, English) => "Setup before reopening (done once)",
            (PhaseBeforeTravel, ZhHans) => "出发前",
            (PhaseBeforeTravel, ZhHant) => "出發前",
            (PhaseBeforeTravel, English) => "Before you travel",
            (PhaseOnArrival, ZhHans) => "到达时",
            (PhaseOnArrival, ZhHant) => "到達時",
            (PhaseOnArrival, English) => "When you arrive",
            (PhaseObservation, ZhHans) => "观察期间",
            (PhaseObservation, ZhHant) => "觀察期間",
            (PhaseObservation, English) => "During your observation",
            (PhaseDaily, ZhHans) => "每天做，记在台账里",
            (PhaseDaily, ZhHant) => "每天做，記在台賬裡",
            (PhaseDaily, English) => "Daily, recorded in the ledger",
            (NotCounted, ZhHans) => "不计入复工判断",
            (NotCounted, ZhHant) => "不計入復工判斷",
            (NotCounted, English) => "not counted in the verdict",
            (CardSummary, ZhHans) => "这是摘要，不用另外勾选：每一条在它链接的条目完成后显示为已完成。",
            (CardSummary, ZhHant) => "這是摘要，不用另外勾選：每一條在它連結的條目完成後顯示為已完成。",
            (CardSummary, English) => "A summary, not a checklist of its own: each point shows done when the items it links to are.",
            (InFlowchart, ZhHans) => "流程图中的这一步",
            (InFlowchart, ZhHant) => "流程圖中的這一步",
            (InFlowchart, English) => "This step in the flowchart",
            (NaReasonNeeded, ZhHans) => "请写明为什么不适用：报告会把原因交给政府。",
            (NaReasonNeeded, ZhHant) => "請寫明為什麼不適用：報告會把原因交給政府。",
            (NaReasonNeeded, English) => "Say why it does not apply: the report gives the reason to the government.",
        }
    }
}

/// "7 of 12 done".
pub fn done_of(done: usize, total: usize, locale: Locale) -> String {
    match locale {
        Locale::ZhHans => format!("已完成 {done}/{total} 项"),
        Locale::ZhHant => format!("已完成 {done}/{total} 項"),
        Locale::English => format!("{done} of {total} done"),
    }
}

/// The verdict when items that block readiness are missing: those to be done before
/// reopening (or before travelling and on arrival). Daily routines are not counted.
pub fn not_ready(missing: usize, locale: Locale) -> String {
    match locale {
        Locale::ZhHans => format!("还不能复工：还有 {missing} 项须事先完成的必做项未完成。"),
        Locale::ZhHant => format!("還不能復工：還有 {missing} 項須事先完成的必做項未完成。"),
        Locale::English => match missing {
            1 => "Not ready yet: 1 required item to be done beforehand is still open.".to_string(),
            _ => format!(
                "Not ready yet: {missing} required items to be done beforehand are still open."
            ),
        },
    }
}

/// The disclosure over the other personnel classes' rules, once the class is answered.
pub fn other_classes(count: usize, locale: Locale) -> String {
    match locale {
        Locale::ZhHans => format!("其他 {count} 类（不适用）"),
        Locale::ZhHant => format!("其他 {count} 類（不適用）"),
        Locale::English => match count {
            1 => "The other class (not applicable)".to_string(),
            _ => format!("Other {count} classes (not applicable)"),
        },
    }
}

/// A note's length against its limit, under the note field. At the limit it says that what
/// went past it was not kept: the field takes no more, and a paste past it is cut.
pub fn note_count(chars: usize, max: usize, locale: Locale) -> String {
    let full = chars >= max;
    match (locale, full) {
        (Locale::ZhHans, false) => format!("{chars} / {max} 字"),
        (Locale::ZhHant, false) => format!("{chars} / {max} 字"),
        (Locale::English, false) => format!("{chars} / {max} characters"),
        (Locale::ZhHans, true) => format!("{chars} / {max} 字：已达上限，超出的部分没有保存。"),
        (Locale::ZhHant, true) => format!("{chars} / {max} 字：已達上限，超出的部分沒有儲存。"),
        (Locale::English, true) => {
            format!("{chars} / {max} characters: the limit; anything past it was not kept.")
        }
    }
}

/// A hint that unanswered questions may rule items out.
pub fn unanswered(count: usize, locale: Locale) -> String {
    match locale {
        Locale::ZhHans => format!("还有 {count} 个问题未回答；回答后，不适用的项会自动排除。"),
        Locale::ZhHant => format!("還有 {count} 個問題未回答；回答後，不適用的項會自動排除。"),
        Locale::English => {
            format!(
                "{} unanswered; answer them and the items that do not apply drop out.",
                english_count(count, "question", "questions")
            )
        }
    }
}

/// Why an item does not apply, from the user's answer: "not applicable: <question> — <answer>".
pub fn na_by_answers(question: &str, answer: &str, locale: Locale) -> String {
    // It reads as the answer (issue 19 §6): one that says what it means ("否，不足3亿元")
    // is enough; a bare yes or no needs its question.
    let bare = answer.chars().count() <= 3;
    match (bare, locale) {
        (false, Locale::ZhHans) => format!("不适用：{answer}（你的回答）"),
        (false, Locale::ZhHant) => format!("不適用：{answer}（你的回答）"),
        (false, Locale::English) => format!("Not applicable: {answer} (your answer)"),
        (true, Locale::ZhHans) => format!("不适用：“{question}”你答了“{answer}”"),
        (true, Locale::ZhHant) => format!("不適用：「{question}」你答了「{answer}」"),
        (true, Locale::English) => {
            format!("Not applicable: you answered \"{answer}\" to \"{question}\"")
        }
    }
}

/// Why an item does not apply, marked by hand with an optional reason.
pub fn na_by_hand(reason: &str, locale: Locale) -> String {
    match (reason.trim().is_empty(), locale) {
        (true, Locale::ZhHans) => "不适用（手动标记）".to_string(),
        (true, Locale::ZhHant) => "不適用（手動標記）".to_string(),
        (true, Locale::English) => "Not applicable (marked by hand)".to_string(),
        (false, Locale::ZhHans) => format!("不适用：{reason}"),
        (false, Locale::ZhHant) => format!("不適用：{reason}"),
        (false, Locale::English) => format!("Not applicable: {reason}"),
    }
}

/// The question before adopting a share link's progress. Adopting also takes the link's
/// enterprise name (`Progress::overwrite`), so when it differs from `mine` the question says
/// so, naming both (the English sentence brings its own leading space).
pub fn shared_question(mine: &str, incoming: &str, locale: Locale) -> String {
    replace_question(ListMsg::SharedAsk, mine, incoming, locale)
}

/// What taking a share link changes: only the link's checklist.
pub fn shared_adopt_note(role: &str, locale: Locale) -> String {
    match locale {
        Locale::ZhHans => format!("采用只会替换“{role}”清单的勾选和回答；另一份清单和你的备注都不变，替换前会先保存一份副本。"),
        Locale::ZhHant => format!("採用只會取代「{role}」清單的勾選和回答；另一份清單和你的備註都不變，取代前會先儲存一份副本。"),
        Locale::English => format!("Taking it replaces only the ticks and answers of the {role} checklist; the other checklist and your notes stay, and a copy is kept first."),
    }
}

/// The question before importing a file, saying too what becomes of the enterprise name.
pub fn import_question(mine: &str, incoming: &str, locale: Locale) -> String {
    replace_question(ListMsg::ImportAsk, mine, incoming, locale)
}

/// A question before replacing the progress, with what becomes of the enterprise name.
fn replace_question(ask: ListMsg, mine: &str, incoming: &str, locale: Locale) -> String {
    let ask = ask.text(locale);
    let (mine, incoming) = (mine.trim(), incoming.trim());
    if mine == incoming {
        return ask.to_string();
    }
    let also = match (mine.is_empty(), incoming.is_empty(), locale) {
        (_, true, Locale::ZhHans) => format!("企业名称“{mine}”也会被清除。"),
        (_, true, Locale::ZhHant) => format!("企業名稱「{mine}」也會被清除。"),
        (_, true, Locale::English) => format!(" The enterprise name “{mine}” is cleared too."),
        (true, false, Locale::ZhHans) => format!("企业名称也会设为“{incoming}”。"),
        (true, false, Locale::ZhHant) => format!("企業名稱也會設為「{incoming}」。"),
        (true, false, Locale::English) => {
            format!(" The enterprise name is set to “{incoming}” too.")
        }
        (false, false, Locale::ZhHans) => {
            format!("企业名称也会从“{mine}”改为“{incoming}”。")
        }
        (false, false, Locale::ZhHant) => {
            format!("企業名稱也會從「{mine}」改為「{incoming}」。")
        }
        (false, false, Locale::English) => {
            format!(" The enterprise name changes from “{mine}” to “{incoming}” too.")
        }
    };
    format!("{ask}{also}")
}

/// What an import file or share link holds, shown before asking to replace.
pub fn incoming_summary(done: usize, not_applicable: usize, name: &str, locale: Locale) -> String {
    let name = name.trim();
    if name.is_empty() {
        return match locale {
            Locale::ZhHans => format!("其中 {done} 项已完成，{not_applicable} 项标为不适用。"),
            Locale::ZhHant => format!("其中 {done} 項已完成，{not_applicable} 項標為不適用。"),
            Locale::English => {
                format!(
                    "It has {} done and {not_applicable} marked not applicable.",
                    english_count(done, "item", "items")
                )
            }
        };
    }
    match locale {
        Locale::ZhHans => format!("企业“{name}”：{done} 项已完成，{not_applicable} 项标为不适用。"),
        Locale::ZhHant => {
            format!("企業「{name}」：{done} 項已完成，{not_applicable} 項標為不適用。")
        }
        Locale::English => {
            format!(
                "{name}: {} done and {not_applicable} marked not applicable.",
                english_count(done, "item", "items")
            )
        }
    }
}

/// An item's state in words: not started, done, or not applicable and why. The checklist,
/// the flowchart's panel and the printed report all say it this way.
pub fn status_text(guide: &Guide, status: &ItemStatus, locale: Locale) -> String {
    match status {
        ItemStatus::NotStarted => PageMsg::StatusNotStarted.text(locale).to_string(),
        ItemStatus::Done => PageMsg::StatusDone.text(locale).to_string(),
        ItemStatus::NotApplicable(NaReason::ByAnswers { question, answer }) => {
            // The guide's words for the question and answer; their ids if it lacks them.
            let found = guide.questions.iter().find(|q| &q.id == question);
            let question_text = found.map_or(question.as_str(), |q| guide.text(&q.text, locale));
            let answer_text = found
                .and_then(|q| q.answers.iter().find(|a| &a.id == answer))
                .map_or(answer.as_str(), |a| guide.text(&a.label, locale));
            na_by_answers(question_text, answer_text, locale)
        }
        ItemStatus::NotApplicable(NaReason::ByHand(reason)) => na_by_hand(reason, locale),
        ItemStatus::NotApplicable(NaReason::Never) => {
            PageMsg::StatusNotApplicable.text(locale).to_string()
        }
    }
}

/// A label before the line it heads, such as a signature line: "Date: " or "日期：".
pub fn label(label: &str, locale: Locale) -> String {
    match locale {
        Locale::ZhHans => format!("{label}："),
        Locale::ZhHant => format!("{label}："),
        Locale::English => format!("{label}: "),
    }
}

/// Another page changed a note while it was being typed here; what it wrote.
pub fn note_changed_elsewhere(text: &str, locale: Locale) -> String {
    match locale {
        Locale::ZhHans => format!("另一页面也改了这条备注，它写的是：“{text}”"),
        Locale::ZhHant => format!("另一頁面也改了這條備註，它寫的是：「{text}」"),
        Locale::English => format!("Another page changed this note too. It wrote: \"{text}\""),
    }
}

/// Another page's later change replaced what was typed here; what was typed.
pub fn note_overwritten(text: &str, locale: Locale) -> String {
    match locale {
        Locale::ZhHans => format!("另一页面后来改了这条备注。你写的是：“{text}”"),
        Locale::ZhHant => format!("另一頁面後來改了這條備註。你寫的是：「{text}」"),
        Locale::English => {
            format!("Another page changed this note after you. You wrote: \"{text}\"")
        }
    }
}

/// Whom the enterprise's letter is addressed to: the office it files with.
pub fn letter_to_office(office: &str, locale: Locale) -> String {
    match locale {
        Locale::ZhHans => format!("致{office}："),
        Locale::ZhHant => format!("致{office}："),
        Locale::English => format!("To the {office}:"),
    }
}

/// The opening of the enterprise's letter, naming the enterprise.
pub fn enterprise_letter_body(name: &str, locale: Locale) -> String {
    match locale {
        Locale::ZhHans => format!(
            "本企业（{name}）郑重承诺：复工期间落实疫情防控主体责任，做到“六到位”和“六个要”，如实报告员工健康状况，发现异常立即报告、立即处置。经对照自查清单逐项自查，情况如下："
        ),
        Locale::ZhHant => format!(
            "本企業（{name}）鄭重承諾：復工期間落實疫情防控主體責任，做到「六到位」和「六個要」，如實報告員工健康狀況，發現異常立即報告、立即處置。經對照自查清單逐項自查，情況如下："
        ),
        Locale::English => format!(
            "We, {name}, solemnly commit to take responsibility for epidemic prevention on our premises while we resume work: to meet the six \"in place\" and the six \"musts\", to report our staff's health truthfully, and to report and act at once on anything unusual. Having checked ourselves against the self-check list item by item, we state:"
        ),
    }
}

/// The salutation of the employee's letter, addressed to the enterprise.
pub fn employee_letter_to(enterprise: &str, locale: Locale) -> String {
    match locale {
        Locale::ZhHans => format!("致{enterprise}："),
        Locale::ZhHant => format!("致{enterprise}："),
        Locale::English => format!("To {enterprise}:"),
    }
}

/// The body of the employee's letter, naming the employee's personnel class.
pub fn employee_letter_body(class: &str, locale: Locale) -> String {
    match locale {
        Locale::ZhHans => format!(
            "本人承诺遵守复工防控指南和企业的防控规定，如实提供本人 14 天内的行程和健康信息。本人情况：{class}。"
        ),
        Locale::ZhHant => format!(
            "本人承諾遵守復工防控指南和企業的防控規定，如實提供本人 14 天內的行程和健康資訊。本人情況：{class}。"
        ),
        Locale::English => format!(
            "I commit to follow the resumption guide and the enterprise's prevention rules, and to give true information about where I have been and my health in the last 14 days. My situation: {class}."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_carry_their_numbers_and_names() {
        assert_eq!(done_of(7, 12, Locale::English), "7 of 12 done");
        assert_eq!(done_of(7, 12, Locale::ZhHans), "已完成 7/12 项");
        assert!(not_ready(3, Locale::ZhHant).contains('3'));
        assert_eq!(
            na_by_answers("Canteen?", "No", Locale::English),
            "Not applicable: you answered \"No\" to \"Canteen?\""
        );
        assert_eq!(
            na_by_answers("年产值是否达到3亿元？", "否，不足3亿元", Locale::ZhHans),
            "不适用：否，不足3亿元（你的回答）"
        );
        assert_eq!(
            na_by_hand(" ", Locale::English),
            "Not applicable (marked by hand)"
        );
        assert_eq!(na_by_hand("closed", Locale::ZhHans), "不适用：closed");
        for locale in Locale::ALL {
            assert!(enterprise_letter_body("集美食品", locale).contains("集美食品"));
            assert!(employee_letter_to("集美食品", locale).contains("集美食品"));
            assert!(employee_letter_body("X", locale).contains('X'));
            assert!(incoming_summary(2, 1, "", locale).contains('2'));
            assert!(!ListMsg::Ready.text(locale).is_empty());
        }
    }

    #[test]
    fn the_share_question_names_an_enterprise_name_it_replaces() {
        for locale in Locale::ALL {
            let ask = ListMsg::SharedAsk.text(locale);
            // The same name (spaces aside) changes nothing, so nothing more is said.
            assert_eq!(shared_question("集美食品", " 集美食品 ", locale), ask);
            assert_eq!(shared_question("", "", locale), ask);
            let changed = shared_question("集美食品", "杏林机械", locale);
            assert!(changed.starts_with(ask), "{changed}");
            assert!(
                changed.contains("集美食品") && changed.contains("杏林机械"),
                "{changed}"
            );
            let cleared = shared_question("集美食品", "", locale);
            assert!(
                cleared.len() > ask.len() && cleared.contains("集美食品"),
                "{cleared}"
            );
            let set = shared_question("", "杏林机械", locale);
            assert!(set.contains("杏林机械"), "{set}");
        }
        assert_eq!(
            shared_question("A", "B", Locale::English),
            format!(
                "{} The enterprise name changes from “A” to “B” too.",
                ListMsg::SharedAsk.text(Locale::English)
            )
        );
    }

    /// Issue 15: the report wrote a full-width colon after its labels in English too.
    #[test]
    fn labels_take_the_colon_of_their_language() {
        assert_eq!(label("Date", Locale::English), "Date: ");
        assert_eq!(label("日期", Locale::ZhHans), "日期：");
        assert_eq!(label("日期", Locale::ZhHant), "日期：");
    }
}
