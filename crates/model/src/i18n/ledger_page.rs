//! Interface text of the ledger page (`/ledger`): the roster form and list, the gate
//! register, today's figures and the daily report's buttons. The ledger's shared texts
//! (column headers, steps for an abnormal reading, storage banners, the report itself) are
//! in `i18n::ledger`.
//!
//! `LedgerPageMsg::text` matches on (message, locale) with no wildcard, and every sentence
//! with numbers or names has one arm per locale, so a missing translation does not compile.

use super::ledger::{action_name, row_problem, temperature_error, LedgerMsg};
use super::{Locale, Message};
use crate::ledger::forms::VisitProblem;
use crate::ledger::import::RowProblem;
use crate::ledger::record::{format_tenths, Action};

/// The guide's step for an abnormal reading that `action` records, as the gate shows it.
pub fn step_text(action: Action) -> LedgerMsg {
    match action {
        Action::Isolated => LedgerMsg::StepIsolate,
        Action::ReportedCdc => LedgerMsg::StepReportCdc,
        Action::FeverClinic => LedgerMsg::StepFeverClinic,
        Action::ContactsTraced => LedgerMsg::StepTraceContacts,
        Action::Rechecked | Action::SentHome => action_name(action),
    }
}

/// A problem of one field of the roster's form, as a sentence.
pub fn field_problem(problem: &RowProblem, locale: Locale) -> String {
    let text = row_problem(problem, locale);
    match locale {
        Locale::ZhHans => format!("{text}。"),
        Locale::ZhHant => format!("{text}。"),
        Locale::English => {
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
                None => text,
            }
        }
    }
}

/// Said once a person is added to the roster.
pub fn person_added(name: &str, locale: Locale) -> String {
    match locale {
        Locale::ZhHans => format!("已添加{name}。"),
        Locale::ZhHant => format!("已新增{name}。"),
        Locale::English => format!("{name} is on the roster."),
    }
}

/// The label of a person's temperature field at the gate.
pub fn temperature_label(name: &str, staff_id: &str, locale: Locale) -> String {
    match locale {
        Locale::ZhHans => format!("{name}（{staff_id}）的体温（℃）"),
        Locale::ZhHant => format!("{name}（{staff_id}）的體溫（℃）"),
        Locale::English => format!("Temperature of {name} ({staff_id}), °C"),
    }
}

/// The reading a person already has in this round.
pub fn reading_taken(tenths: u16, locale: Locale) -> String {
    let t = format_tenths(tenths);
    match locale {
        Locale::ZhHans => format!("已测 {t} ℃"),
        Locale::ZhHant => format!("已測 {t} ℃"),
        Locale::English => format!("Taken: {t} °C"),
    }
}

/// Said once a reading is saved.
pub fn reading_saved(name: &str, tenths: u16, locale: Locale) -> String {
    let t = format_tenths(tenths);
    match locale {
        Locale::ZhHans => format!("已保存：{name} {t} ℃"),
        Locale::ZhHant => format!("已儲存：{name} {t} ℃"),
        Locale::English => format!("Saved: {name}, {t} °C"),
    }
}

/// Why a visit form cannot be saved yet, as its field's message.
pub fn visit_problem(problem: &VisitProblem, locale: Locale) -> String {
    match problem {
        VisitProblem::NameMissing => LedgerPageMsg::VisitNameMissing.text(locale).to_string(),
        VisitProblem::PlateMissing => LedgerPageMsg::VisitPlateMissing.text(locale).to_string(),
        VisitProblem::Temperature(error) => temperature_error(error, locale),
    }
}

/// How many times a routine was recorded today.
pub fn routine_count(n: usize, locale: Locale) -> String {
    match locale {
        Locale::ZhHans => format!("今天已记录 {n} 次"),
        Locale::ZhHant => format!("今天已記錄 {n} 次"),
        Locale::English => match n {
            1 => "Recorded once today".to_string(),
            n => format!("Recorded {n} times today"),
        },
    }
}

/// When a visitor left.
pub fn visit_left(time: &str, locale: Locale) -> String {
    match locale {
        Locale::ZhHans => format!("{time} 离开"),
        Locale::ZhHant => format!("{time} 離開"),
        Locale::English => format!("Left at {time}"),
    }
}

/// Who a visit was, for its line in the register: the name, and the plate for a vehicle.
pub fn visit_who(name: &str, plate: &str, locale: Locale) -> String {
    match (plate.is_empty(), name.is_empty()) {
        (true, _) => name.to_string(),
        (false, true) => plate.to_string(),
        (false, false) => match locale {
            Locale::ZhHans => format!("{plate}（{name}）"),
            Locale::ZhHant => format!("{plate}（{name}）"),
            Locale::English => format!("{plate} ({name})"),
        },
    }
}

/// Who had an abnormal reading, and how high.
pub fn abnormal_person(name: &str, staff_id: &str, tenths: u16, locale: Locale) -> String {
    let t = format_tenths(tenths);
    match locale {
        Locale::ZhHans => format!("{name}（{staff_id}）：{t} ℃"),
        Locale::ZhHant => format!("{name}（{staff_id}）：{t} ℃"),
        Locale::English => format!("{name} ({staff_id}): {t} °C"),
    }
}

/// How many people the roster holds.
pub fn people_count(n: usize, locale: Locale) -> String {
    match locale {
        Locale::ZhHans => format!("共 {n} 人"),
        Locale::ZhHant => format!("共 {n} 人"),
        Locale::English => match n {
            1 => "1 person".into(),
            _ => format!("{n} people"),
        },
    }
}

/// Said once a roster file's people are added.
pub fn imported(n: usize, locale: Locale) -> String {
    match locale {
        Locale::ZhHans => format!("已导入 {n} 人。"),
        Locale::ZhHant => format!("已匯入 {n} 人。"),
        Locale::English => match n {
            1 => "1 person imported.".into(),
            _ => format!("{n} people imported."),
        },
    }
}

/// Every fixed text of the ledger page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LedgerPageMsg {
    Title,
    Intro,
    Loading,
    RosterHeading,
    AddPersonHeading,
    AddPerson,
    Optional,
    ChooseClass,
    FormHasProblems,
    RosterEmpty,
    ColStatusToday,
    ColDaysLeft,
    GateHeading,
    GateIntro,
    RoundLegend,
    RoundMorningLong,
    RoundEveningLong,
    SearchLabel,
    NoMatch,
    NoOneExpected,
    NotTaken,
    SaveReading,
    StepsHeading,
    StepsHint,
    TodayHeading,
    ColReadingsMissing,
    SummaryLabel,
    CopySummary,
    ShareSummary,
    Copied,
    CopyFailed,
    ShareFailed,
    ToolsHeading,
    ExportFrom,
    ExportTo,
    ExportXlsx,
    ExportCsvRoster,
    ExportCsvTemperatures,
    ExportFailed,
    /// The code that reads and writes files (its own wasm part) could not be fetched.
    FilesCodeFailed,
    BadRange,
    ImportHeading,
    ImportChoose,
    ImportConfirm,
    Cancel,
    RejectedRows,
    EraseAll,
    EraseConfirm,
    Erased,
    VisitsHeading,
    VisitsIntro,
    VisitKindLegend,
    VisitName,
    VisitPlate,
    VisitPhone,
    VisitFrom,
    VisitPurpose,
    VisitTemperature,
    AddVisit,
    VisitsNone,
    VisitLeave,
    VisitStillIn,
    VisitNameMissing,
    VisitPlateMissing,
    VisitAbnormal,
    VisitNoTemperature,
    RoutinesHeading,
    RoutinesIntro,
    RecordRoutine,
    RoutineArea,
    RoutineBy,
    RoutineNote,
    SaveRecord,
    RoutineNotYet,
}

impl LedgerPageMsg {
    /// Every message, for the tests that render each in every language.
    pub const ALL: [LedgerPageMsg; 74] = [
        LedgerPageMsg::Title,
        LedgerPageMsg::Intro,
        LedgerPageMsg::Loading,
        LedgerPageMsg::RosterHeading,
        LedgerPageMsg::AddPersonHeading,
        LedgerPageMsg::AddPerson,
        LedgerPageMsg::Optional,
        LedgerPageMsg::ChooseClass,
        LedgerPageMsg::FormHasProblems,
        LedgerPageMsg::RosterEmpty,
        LedgerPageMsg::ColStatusToday,
        LedgerPageMsg::ColDaysLeft,
        LedgerPageMsg::GateHeading,
        LedgerPageMsg::GateIntro,
        LedgerPageMsg::RoundLegend,
        LedgerPageMsg::RoundMorningLong,
        LedgerPageMsg::RoundEveningLong,
        LedgerPageMsg::SearchLabel,
        LedgerPageMsg::NoMatch,
        LedgerPageMsg::NoOneExpected,
        LedgerPageMsg::NotTaken,
        LedgerPageMsg::SaveReading,
        LedgerPageMsg::StepsHeading,
        LedgerPageMsg::StepsHint,
        LedgerPageMsg::TodayHeading,
        LedgerPageMsg::ColReadingsMissing,
        LedgerPageMsg::SummaryLabel,
        LedgerPageMsg::CopySummary,
        LedgerPageMsg::ShareSummary,
        LedgerPageMsg::Copied,
        LedgerPageMsg::CopyFailed,
        LedgerPageMsg::ShareFailed,
        LedgerPageMsg::ToolsHeading,
        LedgerPageMsg::ExportFrom,
        LedgerPageMsg::ExportTo,
        LedgerPageMsg::ExportXlsx,
        LedgerPageMsg::ExportCsvRoster,
        LedgerPageMsg::ExportCsvTemperatures,
        LedgerPageMsg::ExportFailed,
        LedgerPageMsg::FilesCodeFailed,
        LedgerPageMsg::BadRange,
        LedgerPageMsg::ImportHeading,
        LedgerPageMsg::ImportChoose,
        LedgerPageMsg::ImportConfirm,
        LedgerPageMsg::Cancel,
        LedgerPageMsg::RejectedRows,
        LedgerPageMsg::EraseAll,
        LedgerPageMsg::EraseConfirm,
        LedgerPageMsg::Erased,
        LedgerPageMsg::VisitsHeading,
        LedgerPageMsg::VisitsIntro,
        LedgerPageMsg::VisitKindLegend,
        LedgerPageMsg::VisitName,
        LedgerPageMsg::VisitPlate,
        LedgerPageMsg::VisitPhone,
        LedgerPageMsg::VisitFrom,
        LedgerPageMsg::VisitPurpose,
        LedgerPageMsg::VisitTemperature,
        LedgerPageMsg::AddVisit,
        LedgerPageMsg::VisitsNone,
        LedgerPageMsg::VisitLeave,
        LedgerPageMsg::VisitStillIn,
        LedgerPageMsg::VisitNameMissing,
        LedgerPageMsg::VisitPlateMissing,
        LedgerPageMsg::VisitAbnormal,
        LedgerPageMsg::VisitNoTemperature,
        LedgerPageMsg::RoutinesHeading,
        LedgerPageMsg::RoutinesIntro,
        LedgerPageMsg::RecordRoutine,
        LedgerPageMsg::RoutineArea,
        LedgerPageMsg::RoutineBy,
        LedgerPageMsg::RoutineNote,
        LedgerPageMsg::SaveRecord,
        LedgerPageMsg::RoutineNotYet,
    ];
}

impl Message for LedgerPageMsg {
    fn text(self, locale: Locale) -> &'static str {
        use LedgerPageMsg::*;
        use Locale::*;
        match (self, locale) {
            (Title, ZhHans) => "每日防控台账",
            (Title, ZhHant) => "每日防控台賬",
            (Title, English) => "Daily ledger",
            (Intro, ZhHans) => "员工花名册、门岗体温登记和每日汇总。台账只保存在本设备上，除非您导出或分享。",
            (Intro, ZhHant) => "員工花名冊、門崗體溫登記和每日匯總。台賬只保存在本裝置上，除非您匯出或分享。",
            (Intro, English) => "The staff roster, the gate's temperature register and the daily summary. The ledger stays on this device unless you export or share it.",
            (Loading, ZhHans) => "正在读取台账……",
            (Loading, ZhHant) => "正在讀取台賬……",
            (Loading, English) => "Reading the ledger…",
            (RosterHeading, ZhHans) => "员工花名册",
            (RosterHeading, ZhHant) => "員工花名冊",
            (RosterHeading, English) => "Staff roster",
            (AddPersonHeading, ZhHans) => "添加人员",
            (AddPersonHeading, ZhHant) => "新增人員",
            (AddPersonHeading, English) => "Add a person",
            (AddPerson, ZhHans) => "添加到花名册",
            (AddPerson, ZhHant) => "新增到花名冊",
            (AddPerson, English) => "Add to the roster",
            (Optional, ZhHans) => "（选填）",
            (Optional, ZhHant) => "（選填）",
            (Optional, English) => "(optional)",
            (ChooseClass, ZhHans) => "请选择人员类别",
            (ChooseClass, ZhHant) => "請選擇人員類別",
            (ChooseClass, English) => "Choose a personnel class",
            (FormHasProblems, ZhHans) => "请修改标出的项目后再添加。",
            (FormHasProblems, ZhHant) => "請修改標出的項目後再新增。",
            (FormHasProblems, English) => "Correct the marked fields, then add the person again.",
            (RosterEmpty, ZhHans) => "花名册中还没有人员。请在上方添加。",
            (RosterEmpty, ZhHant) => "花名冊中還沒有人員。請在上方新增。",
            (RosterEmpty, English) => "No one is on the roster yet: add people above.",
            (ColStatusToday, ZhHans) => "今日状态",
            (ColStatusToday, ZhHant) => "今日狀態",
            (ColStatusToday, English) => "Today",
            (ColDaysLeft, ZhHans) => "剩余观察天数",
            (ColDaysLeft, ZhHant) => "剩餘觀察天數",
            (ColDaysLeft, English) => "Days of observation left",
            (GateHeading, ZhHans) => "门岗体温登记",
            (GateHeading, ZhHant) => "門崗體溫登記",
            (GateHeading, English) => "Gate temperature register",
            (GateIntro, ZhHans) => "输入工号或姓名查找员工，输入体温后按回车键保存，光标会移到下一位。",
            (GateIntro, ZhHant) => "輸入工號或姓名查找員工，輸入體溫後按 Enter 鍵儲存，游標會移到下一位。",
            (GateIntro, English) => "Find a person by ID or name, type the temperature and press Enter: it is saved and the cursor moves to the next person.",
            (RoundLegend, ZhHans) => "测温轮次",
            (RoundLegend, ZhHant) => "測溫輪次",
            (RoundLegend, English) => "Round",
            (RoundMorningLong, ZhHans) => "早间测温",
            (RoundMorningLong, ZhHant) => "早間測溫",
            (RoundMorningLong, English) => "Morning round",
            (RoundEveningLong, ZhHans) => "晚间测温",
            (RoundEveningLong, ZhHant) => "晚間測溫",
            (RoundEveningLong, English) => "Evening round",
            (SearchLabel, ZhHans) => "按工号或姓名查找",
            (SearchLabel, ZhHant) => "按工號或姓名查找",
            (SearchLabel, English) => "Find by ID or name",
            (NoMatch, ZhHans) => "没有找到匹配的员工。",
            (NoMatch, ZhHant) => "沒有找到符合的員工。",
            (NoMatch, English) => "No one on the roster matches.",
            (NoOneExpected, ZhHans) => "今天没有需要在岗测温的员工。",
            (NoOneExpected, ZhHant) => "今天沒有需要在崗測溫的員工。",
            (NoOneExpected, English) => "No one is expected on site today.",
            (NotTaken, ZhHans) => "未测",
            (NotTaken, ZhHant) => "未測",
            (NotTaken, English) => "Not taken",
            (SaveReading, ZhHans) => "保存",
            (SaveReading, ZhHant) => "儲存",
            (SaveReading, English) => "Save",
            (StepsHeading, ZhHans) => "请立即按以下步骤处置：",
            (StepsHeading, ZhHant) => "請立即按以下步驟處置：",
            (StepsHeading, English) => "Act at once, in this order:",
            (StepsHint, ZhHans) => "每完成一步请勾选，处置情况会写入日报。",
            (StepsHint, ZhHant) => "每完成一步請勾選，處置情況會寫入日報。",
            (StepsHint, English) => "Tick each step once it is done: what was done goes into the daily report.",
            (TodayHeading, ZhHans) => "今日概况",
            (TodayHeading, ZhHant) => "今日概況",
            (TodayHeading, English) => "Today at a glance",
            (ColReadingsMissing, ZhHans) => "未测体温人次",
            (ColReadingsMissing, ZhHant) => "未測體溫人次",
            (ColReadingsMissing, English) => "Readings missing",
            (SummaryLabel, ZhHans) => "日报内容（可复制到区里的微信群）",
            (SummaryLabel, ZhHant) => "日報內容（可複製到區裡的微信群組）",
            (SummaryLabel, English) => "The report's text (to copy into the district's WeChat group)",
            (CopySummary, ZhHans) => "复制日报",
            (CopySummary, ZhHant) => "複製日報",
            (CopySummary, English) => "Copy the report",
            (ShareSummary, ZhHans) => "分享日报",
            (ShareSummary, ZhHant) => "分享日報",
            (ShareSummary, English) => "Share the report",
            (Copied, ZhHans) => "日报已复制，可粘贴到微信群。",
            (Copied, ZhHant) => "日報已複製，可貼上到微信群組。",
            (Copied, English) => "The report is copied: paste it into the WeChat group.",
            (CopyFailed, ZhHans) => "无法复制。请选中上面的文字后手动复制。",
            (CopyFailed, ZhHant) => "無法複製。請選取上方的文字後手動複製。",
            (CopyFailed, English) => "Could not copy. Select the text above and copy it by hand.",
            (ShareFailed, ZhHans) => "无法分享。请复制日报后发送。",
            (ShareFailed, ZhHant) => "無法分享。請複製日報後傳送。",
            (ShareFailed, English) => "Could not share. Copy the report and send it instead.",
            (ToolsHeading, ZhHans) => "导出、导入与删除",
            (ToolsHeading, ZhHant) => "匯出、匯入與刪除",
            (ToolsHeading, English) => "Export, import and erase",
            (ExportFrom, ZhHans) => "导出起始日期",
            (ExportFrom, ZhHant) => "匯出起始日期",
            (ExportFrom, English) => "Export from",
            (ExportTo, ZhHans) => "导出截止日期",
            (ExportTo, ZhHant) => "匯出截止日期",
            (ExportTo, English) => "Export to",
            (ExportXlsx, ZhHans) => "导出 Excel（.xlsx）",
            (ExportXlsx, ZhHant) => "匯出 Excel（.xlsx）",
            (ExportXlsx, English) => "Export as Excel (.xlsx)",
            (ExportCsvRoster, ZhHans) => "导出人员档案（CSV）",
            (ExportCsvRoster, ZhHant) => "匯出人員檔案（CSV）",
            (ExportCsvRoster, English) => "Export the staff files (CSV)",
            (ExportCsvTemperatures, ZhHans) => "导出体温登记（CSV）",
            (ExportCsvTemperatures, ZhHant) => "匯出體溫登記（CSV）",
            (ExportCsvTemperatures, English) => "Export the temperature register (CSV)",
            (ExportFailed, ZhHans) => "导出失败，请重试。",
            (ExportFailed, ZhHant) => "匯出失敗，請重試。",
            (ExportFailed, English) => "The export failed: try again.",
            (FilesCodeFailed, ZhHans) => "未能取得读写文件的程序。请检查网络后重试；台账里的记录不会丢失。",
            (FilesCodeFailed, ZhHant) => "未能取得讀寫檔案的程式。請檢查網路後重試；台賬裡的記錄不會遺失。",
            (FilesCodeFailed, English) => "The code that reads and writes files could not be fetched. Check your connection and try again; nothing in the ledger is lost.",
            (BadRange, ZhHans) => "截止日期不能早于起始日期。",
            (BadRange, ZhHant) => "截止日期不能早於起始日期。",
            (BadRange, English) => "The end date cannot be before the start date.",
            (ImportHeading, ZhHans) => "导入花名册",
            (ImportHeading, ZhHant) => "匯入花名冊",
            (ImportHeading, English) => "Import a roster",
            (ImportChoose, ZhHans) => "选择 CSV 或 Excel（.xlsx）文件",
            (ImportChoose, ZhHant) => "選擇 CSV 或 Excel（.xlsx）檔案",
            (ImportChoose, English) => "Choose a CSV or Excel (.xlsx) file",
            (ImportConfirm, ZhHans) => "确认导入",
            (ImportConfirm, ZhHant) => "確認匯入",
            (ImportConfirm, English) => "Import these people",
            (Cancel, ZhHans) => "取消",
            (Cancel, ZhHant) => "取消",
            (Cancel, English) => "Cancel",
            (RejectedRows, ZhHans) => "未通过检查的行：",
            (RejectedRows, ZhHant) => "未通過檢查的行：",
            (RejectedRows, English) => "Rows that did not pass the checks:",
            (EraseAll, ZhHans) => "删除全部台账数据",
            (EraseAll, ZhHant) => "刪除全部台賬資料",
            (EraseAll, English) => "Erase all ledger data",
            (EraseConfirm, ZhHans) => "确认删除",
            (EraseConfirm, ZhHant) => "確認刪除",
            (EraseConfirm, English) => "Erase it all",
            (Erased, ZhHans) => "本设备上的台账数据已全部删除。",
            (Erased, ZhHant) => "本裝置上的台賬資料已全部刪除。",
            (Erased, English) => "All ledger data on this device is erased.",
            (VisitsHeading, ZhHans) => "访客及车辆登记",
            (VisitsHeading, ZhHant) => "訪客及車輛登記",
            (VisitsHeading, English) => "Visitors and vehicles",
            (VisitsIntro, ZhHans) => "每位访客都要问清来处、登记并测温；超过 37.3 ℃ 的会标出。",
            (VisitsIntro, ZhHant) => "每位訪客都要問清來處、登記並測溫；超過 37.3 ℃ 的會標出。",
            (VisitsIntro, English) => "Ask each visitor where they come from, register them and take their temperature; above 37.3 °C is flagged.",
            (VisitKindLegend, ZhHans) => "登记的是",
            (VisitKindLegend, ZhHant) => "登記的是",
            (VisitKindLegend, English) => "Registering a",
            (VisitName, ZhHans) => "姓名（车辆填司机）",
            (VisitName, ZhHant) => "姓名（車輛填司機）",
            (VisitName, English) => "Name (the driver, for a vehicle)",
            (VisitPlate, ZhHans) => "车牌号",
            (VisitPlate, ZhHant) => "車牌號",
            (VisitPlate, English) => "Number plate",
            (VisitPhone, ZhHans) => "电话",
            (VisitPhone, ZhHant) => "電話",
            (VisitPhone, English) => "Phone",
            (VisitFrom, ZhHans) => "来自何地",
            (VisitFrom, ZhHant) => "來自何地",
            (VisitFrom, English) => "Coming from",
            (VisitPurpose, ZhHans) => "事由或受访人",
            (VisitPurpose, ZhHant) => "事由或受訪人",
            (VisitPurpose, English) => "Purpose or whom they visit",
            (VisitTemperature, ZhHans) => "体温（℃）",
            (VisitTemperature, ZhHant) => "體溫（℃）",
            (VisitTemperature, English) => "Temperature (°C)",
            (AddVisit, ZhHans) => "登记",
            (AddVisit, ZhHant) => "登記",
            (AddVisit, English) => "Register",
            (VisitsNone, ZhHans) => "今天还没有访客或车辆登记。",
            (VisitsNone, ZhHant) => "今天還沒有訪客或車輛登記。",
            (VisitsNone, English) => "No visitor or vehicle registered today.",
            (VisitLeave, ZhHans) => "登记离开",
            (VisitLeave, ZhHant) => "登記離開",
            (VisitLeave, English) => "Mark as left",
            (VisitStillIn, ZhHans) => "仍在厂内",
            (VisitStillIn, ZhHant) => "仍在廠內",
            (VisitStillIn, English) => "Still on site",
            (VisitNameMissing, ZhHans) => "请填写访客姓名。",
            (VisitNameMissing, ZhHant) => "請填寫訪客姓名。",
            (VisitNameMissing, English) => "Enter the visitor's name.",
            (VisitPlateMissing, ZhHans) => "请填写车牌号。",
            (VisitPlateMissing, ZhHant) => "請填寫車牌號。",
            (VisitPlateMissing, English) => "Enter the number plate.",
            (VisitAbnormal, ZhHans) => "体温异常",
            (VisitAbnormal, ZhHant) => "體溫異常",
            (VisitAbnormal, English) => "Abnormal temperature",
            (VisitNoTemperature, ZhHans) => "未测体温",
            (VisitNoTemperature, ZhHant) => "未測體溫",
            (VisitNoTemperature, English) => "No temperature taken",
            (RoutinesHeading, ZhHans) => "日常防控记录",
            (RoutinesHeading, ZhHant) => "日常防控記錄",
            (RoutinesHeading, English) => "Daily routines",
            (RoutinesIntro, ZhHans) => "每做完一次就记一笔：时间自动记下，区域、执行人和备注可选填。",
            (RoutinesIntro, ZhHant) => "每做完一次就記一筆：時間自動記下，區域、執行人和備註可選填。",
            (RoutinesIntro, English) => "Record each time a routine is done: the time is noted for you; area, who and a note are optional.",
            (RecordRoutine, ZhHans) => "记录一次",
            (RecordRoutine, ZhHant) => "記錄一次",
            (RecordRoutine, English) => "Record one",
            (RoutineArea, ZhHans) => "区域（如车间、食堂）",
            (RoutineArea, ZhHant) => "區域（如車間、食堂）",
            (RoutineArea, English) => "Area (a workshop, the canteen...)",
            (RoutineBy, ZhHans) => "执行人",
            (RoutineBy, ZhHant) => "執行人",
            (RoutineBy, English) => "Done by",
            (RoutineNote, ZhHans) => "备注",
            (RoutineNote, ZhHant) => "備註",
            (RoutineNote, English) => "Note",
            (SaveRecord, ZhHans) => "保存记录",
            (SaveRecord, ZhHant) => "儲存記錄",
            (SaveRecord, English) => "Save the record",
            (RoutineNotYet, ZhHans) => "今天还没有记录",
            (RoutineNotYet, ZhHant) => "今天還沒有記錄",
            (RoutineNotYet, English) => "Not recorded today",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::import::Column;

    #[test]
    fn field_problems_are_sentences_in_each_language() {
        let missing = RowProblem::Missing(Column::Name);
        assert_eq!(field_problem(&missing, Locale::ZhHans), "缺少姓名。");
        assert_eq!(
            field_problem(&missing, Locale::English),
            "The name is missing."
        );
        assert_eq!(
            field_problem(&RowProblem::DateNeeded, Locale::ZhHant),
            "此類別須觀察，需填寫抵廈日期。"
        );
    }

    #[test]
    fn counts_and_readings_read_naturally() {
        assert_eq!(people_count(1, Locale::English), "1 person");
        assert_eq!(people_count(3, Locale::ZhHans), "共 3 人");
        assert_eq!(reading_taken(365, Locale::English), "Taken: 36.5 °C");
        assert_eq!(
            temperature_label("Lin", "E1", Locale::ZhHant),
            "Lin（E1）的體溫（℃）"
        );
    }
}
