//! Interface text of the daily ledger in three languages: import and file errors with their
//! line numbers, storage banners, column headers, and the district's daily summary.
//!
//! Self-contained: `LedgerMsg::text` matches on (message, locale) with no wildcard, and every
//! sentence with numbers or names is a function with one arm per locale, so a missing
//! translation does not compile.

use super::{Locale, Message};
use crate::ledger::class::{ObservationKind, Standing};
use crate::ledger::date::Date;
use crate::ledger::import::{
    Column, FileError as ImportError, Format, Preview, Rejected, RowProblem,
};
use crate::ledger::record::{format_tenths, Action, Round, Symptom, TemperatureError, VisitKind};
use crate::ledger::store::{FileError as LedgerFileError, StoreError};
use crate::ledger::view::Summary;

/// The header of an import column.
pub fn column_name(column: Column) -> LedgerMsg {
    match column {
        Column::Name => LedgerMsg::ColName,
        Column::StaffId => LedgerMsg::ColStaffId,
        Column::Department => LedgerMsg::ColDepartment,
        Column::Class => LedgerMsg::ColClass,
        Column::Arrival => LedgerMsg::ColArrival,
        Column::Phone => LedgerMsg::ColPhone,
    }
}

pub fn observation_name(kind: ObservationKind) -> LedgerMsg {
    match kind {
        ObservationKind::Centralised => LedgerMsg::ObsCentralised,
        ObservationKind::Home => LedgerMsg::ObsHome,
        ObservationKind::Supervised => LedgerMsg::ObsSupervised,
        ObservationKind::SelfObservation => LedgerMsg::ObsSelf,
        ObservationKind::None => LedgerMsg::ObsNone,
    }
}

pub fn symptom_name(symptom: Symptom) -> LedgerMsg {
    match symptom {
        Symptom::Fever => LedgerMsg::SymptomFever,
        Symptom::Cough => LedgerMsg::SymptomCough,
        Symptom::Fatigue => LedgerMsg::SymptomFatigue,
        Symptom::ShortOfBreath => LedgerMsg::SymptomShortOfBreath,
        Symptom::SoreThroat => LedgerMsg::SymptomSoreThroat,
        Symptom::Diarrhoea => LedgerMsg::SymptomDiarrhoea,
    }
}

pub fn action_name(action: Action) -> LedgerMsg {
    match action {
        Action::Rechecked => LedgerMsg::ActionRechecked,
        Action::Isolated => LedgerMsg::ActionIsolated,
        Action::ReportedCdc => LedgerMsg::ActionReportedCdc,
        Action::FeverClinic => LedgerMsg::ActionFeverClinic,
        Action::ContactsTraced => LedgerMsg::ActionContactsTraced,
        Action::SentHome => LedgerMsg::ActionSentHome,
    }
}

pub fn round_name(round: Round) -> LedgerMsg {
    match round {
        Round::Morning => LedgerMsg::RoundMorning,
        Round::Evening => LedgerMsg::RoundEvening,
    }
}

pub fn visit_kind_name(kind: VisitKind) -> LedgerMsg {
    match kind {
        VisitKind::Visitor => LedgerMsg::KindVisitor,
        VisitKind::Vehicle => LedgerMsg::KindVehicle,
    }
}

/// Items of a list joined as each language writes them.
pub fn join(items: &[&str], locale: Locale) -> String {
    match locale {
        Locale::ZhHans => items.join("、"),
        Locale::ZhHant => items.join("、"),
        Locale::English => items.join(", "),
    }
}

fn column_list(columns: &[Column], locale: Locale) -> String {
    let names: Vec<&str> = columns
        .iter()
        .map(|c| column_name(*c).text(locale))
        .collect();
    join(&names, locale)
}

/// Why a roster file could not be read at all.
pub fn import_error(error: &ImportError, locale: Locale) -> String {
    use Locale::*;
    match (error, locale) {
        (ImportError::Empty, ZhHans) => "文件是空的。".into(),
        (ImportError::Empty, ZhHant) => "檔案是空的。".into(),
        (ImportError::Empty, English) => "The file is empty.".into(),
        (ImportError::TooLarge { bytes, limit }, ZhHans) => {
            format!("文件太大（{bytes} 字节，上限 {limit} 字节）。")
        }
        (ImportError::TooLarge { bytes, limit }, ZhHant) => {
            format!("檔案太大（{bytes} 位元組，上限 {limit} 位元組）。")
        }
        (ImportError::TooLarge { bytes, limit }, English) => {
            format!("The file is too large ({bytes} bytes; the limit is {limit}).")
        }
        (ImportError::UnpacksTooLarge { limit }, ZhHans) => {
            format!("工作簿解压后超过 {} MB，不予读取。", limit / 1_048_576)
        }
        (ImportError::UnpacksTooLarge { limit }, ZhHant) => {
            format!("活頁簿解壓後超過 {} MB，不予讀取。", limit / 1_048_576)
        }
        (ImportError::UnpacksTooLarge { limit }, English) => format!(
            "The workbook unpacks to more than {} MB and is not read.",
            limit / 1_048_576
        ),
        (ImportError::TooManyRows { limit }, ZhHans) => {
            format!("行数太多（上限 {limit} 行）。请分成几个文件导入。")
        }
        (ImportError::TooManyRows { limit }, ZhHant) => {
            format!("行數太多（上限 {limit} 行）。請分成幾個檔案匯入。")
        }
        (ImportError::TooManyRows { limit }, English) => {
            format!("It has too many rows (the limit is {limit}). Split it into several files.")
        }
        (ImportError::OldExcel, ZhHans) => {
            "这是旧版 Excel（.xls）文件。请在 Excel 中另存为 .xlsx 或 CSV 后再导入。".into()
        }
        (ImportError::OldExcel, ZhHant) => {
            "這是舊版 Excel（.xls）檔案。請在 Excel 中另存為 .xlsx 或 CSV 後再匯入。".into()
        }
        (ImportError::OldExcel, English) => {
            "This is an old Excel file (.xls). Save it as .xlsx or CSV in Excel, then import that."
                .into()
        }
        (ImportError::BadWorkbook { .. }, ZhHans) => {
            "无法读取这个 Excel 文件：它可能已损坏或设有密码。".into()
        }
        (ImportError::BadWorkbook { .. }, ZhHant) => {
            "無法讀取這個 Excel 檔案：它可能已損壞或設有密碼。".into()
        }
        (ImportError::BadWorkbook { .. }, English) => {
            "This Excel file cannot be read: it may be damaged or password-protected.".into()
        }
        (ImportError::NoSheet, ZhHans) => "这个 Excel 文件没有工作表。".into(),
        (ImportError::NoSheet, ZhHant) => "這個 Excel 檔案沒有工作表。".into(),
        (ImportError::NoSheet, English) => "This Excel file has no worksheet.".into(),
        (ImportError::BadCsv { line, .. }, ZhHans) => format!("CSV 文件第 {line} 行无法读取。"),
        (ImportError::BadCsv { line, .. }, ZhHant) => format!("CSV 檔案第 {line} 行無法讀取。"),
        (ImportError::BadCsv { line, .. }, English) => {
            format!("Line {line} of the CSV file cannot be read.")
        }
        (ImportError::NoHeader { missing }, ZhHans) => format!(
            "前 {} 行中找不到表头。表头须包含：{}。",
            crate::ledger::import::HEADER_ROWS,
            column_list(missing, ZhHans)
        ),
        (ImportError::NoHeader { missing }, ZhHant) => format!(
            "前 {} 行中找不到表頭。表頭須包含：{}。",
            crate::ledger::import::HEADER_ROWS,
            column_list(missing, ZhHant)
        ),
        (ImportError::NoHeader { missing }, English) => format!(
            "No header row in the first {} rows. The header must include: {}.",
            crate::ledger::import::HEADER_ROWS,
            column_list(missing, English)
        ),
    }
}

/// One reason a row was rejected.
pub fn row_problem(problem: &RowProblem, locale: Locale) -> String {
    use Locale::*;
    match (problem, locale) {
        (RowProblem::Missing(c), ZhHans) => format!("缺少{}", column_name(*c).text(ZhHans)),
        (RowProblem::Missing(c), ZhHant) => format!("缺少{}", column_name(*c).text(ZhHant)),
        (RowProblem::Missing(c), English) => {
            format!(
                "the {} is missing",
                column_name(*c).text(English).to_lowercase()
            )
        }
        (RowProblem::TooLong { column, limit }, ZhHans) => {
            format!("{}超过 {limit} 个字", column_name(*column).text(ZhHans))
        }
        (RowProblem::TooLong { column, limit }, ZhHant) => {
            format!("{}超過 {limit} 個字", column_name(*column).text(ZhHant))
        }
        (RowProblem::TooLong { column, limit }, English) => format!(
            "the {} is longer than {limit} characters",
            column_name(*column).text(English).to_lowercase()
        ),
        (RowProblem::UnknownClass { text }, ZhHans) => {
            format!("类别“{text}”不是指南中的人员类别")
        }
        (RowProblem::UnknownClass { text }, ZhHant) => {
            format!("類別「{text}」不是指南中的人員類別")
        }
        (RowProblem::UnknownClass { text }, English) => {
            format!("the class \"{text}\" is not one of the guide's personnel classes")
        }
        (RowProblem::BadDate { text }, ZhHans) => {
            format!("抵厦日期“{text}”不是有效日期（例如 2020-02-03）")
        }
        (RowProblem::BadDate { text }, ZhHant) => {
            format!("抵廈日期「{text}」不是有效日期（例如 2020-02-03）")
        }
        (RowProblem::BadDate { text }, English) => {
            format!("the arrival date \"{text}\" is not a date (such as 2020-02-03)")
        }
        (RowProblem::DateNeeded, ZhHans) => "此类别须观察，需填写抵厦日期".into(),
        (RowProblem::DateNeeded, ZhHant) => "此類別須觀察，需填寫抵廈日期".into(),
        (RowProblem::DateNeeded, English) => {
            "this class has an observation, so the arrival date is needed".into()
        }
        (RowProblem::BadPhone { text }, ZhHans) => format!("电话“{text}”不是有效号码"),
        (RowProblem::BadPhone { text }, ZhHant) => format!("電話「{text}」不是有效號碼"),
        (RowProblem::BadPhone { text }, English) => {
            format!("the phone \"{text}\" is not a phone number")
        }
        (
            RowProblem::DuplicateInFile {
                staff_id,
                first_line,
            },
            ZhHans,
        ) => format!("工号 {staff_id} 已在第 {first_line} 行出现"),
        (
            RowProblem::DuplicateInFile {
                staff_id,
                first_line,
            },
            ZhHant,
        ) => format!("工號 {staff_id} 已在第 {first_line} 行出現"),
        (
            RowProblem::DuplicateInFile {
                staff_id,
                first_line,
            },
            English,
        ) => format!("the ID {staff_id} is already on line {first_line}"),
        (RowProblem::AlreadyInRoster { staff_id }, ZhHans) => {
            format!("工号 {staff_id} 已在花名册中")
        }
        (RowProblem::AlreadyInRoster { staff_id }, ZhHant) => {
            format!("工號 {staff_id} 已在花名冊中")
        }
        (RowProblem::AlreadyInRoster { staff_id }, English) => {
            format!("someone with the ID {staff_id} is already on the roster")
        }
    }
}

/// A rejected row with its line and every reason: "第 5 行：缺少姓名；…".
pub fn rejected_row(row: &Rejected, locale: Locale) -> String {
    let reasons: Vec<String> = row
        .problems
        .iter()
        .map(|p| row_problem(p, locale))
        .collect();
    match locale {
        Locale::ZhHans => format!("第 {} 行：{}。", row.line, reasons.join("；")),
        Locale::ZhHant => format!("第 {} 行：{}。", row.line, reasons.join("；")),
        Locale::English => format!("Line {}: {}.", row.line, reasons.join("; ")),
    }
}

/// What the preview found, in a sentence, before the user confirms.
pub fn preview_summary(preview: &Preview, locale: Locale) -> String {
    let (add, bad) = (preview.accepted.len(), preview.rejected.len());
    let source = match (&preview.sheet, preview.format) {
        (Some(sheet), Format::Xlsx) => Some(sheet.as_str()),
        (None, Format::Xlsx) | (Some(_), Format::Csv) | (None, Format::Csv) => None,
    };
    let mut out = match (locale, source) {
        (Locale::ZhHans, Some(s)) => {
            format!("读取了工作表“{s}”，表头在第 {} 行。", preview.header_line)
        }
        (Locale::ZhHant, Some(s)) => {
            format!("讀取了工作表「{s}」，表頭在第 {} 行。", preview.header_line)
        }
        (Locale::English, Some(s)) => {
            format!(
                "Read the sheet \"{s}\", with its header on line {}. ",
                preview.header_line
            )
        }
        (Locale::ZhHans, None) => format!("表头在第 {} 行。", preview.header_line),
        (Locale::ZhHant, None) => format!("表頭在第 {} 行。", preview.header_line),
        (Locale::English, None) => format!("The header is on line {}. ", preview.header_line),
    };
    out.push_str(&match locale {
        Locale::ZhHans => format!("确认后将添加 {add} 人；{bad} 行未通过检查，不会添加。"),
        Locale::ZhHant => format!("確認後將新增 {add} 人；{bad} 行未通過檢查，不會新增。"),
        Locale::English => format!(
            "Confirming adds {add} {}; {bad} {} did not pass the checks and will not be added.",
            if add == 1 { "person" } else { "people" },
            if bad == 1 { "row" } else { "rows" }
        ),
    });
    if !preview.ignored.is_empty() {
        let names: Vec<&str> = preview.ignored.iter().map(String::as_str).collect();
        out.push_str(&match locale {
            Locale::ZhHans => format!("已忽略不认识的列：{}。", join(&names, locale)),
            Locale::ZhHant => format!("已忽略不認識的欄：{}。", join(&names, locale)),
            Locale::English => format!(
                " Columns not recognised and ignored: {}.",
                join(&names, locale)
            ),
        });
    }
    out
}

/// Why a whole-ledger file was refused.
pub fn ledger_file_error(error: &LedgerFileError, locale: Locale) -> String {
    use Locale::*;
    match (error, locale) {
        (LedgerFileError::Empty, ZhHans) => "文件是空的。".into(),
        (LedgerFileError::Empty, ZhHant) => "檔案是空的。".into(),
        (LedgerFileError::Empty, English) => "The file is empty.".into(),
        (LedgerFileError::TooLarge { bytes, limit }, ZhHans) => {
            format!("文件太大（{bytes} 字节，上限 {limit} 字节）。")
        }
        (LedgerFileError::TooLarge { bytes, limit }, ZhHant) => {
            format!("檔案太大（{bytes} 位元組，上限 {limit} 位元組）。")
        }
        (LedgerFileError::TooLarge { bytes, limit }, English) => {
            format!("The file is too large ({bytes} bytes; the limit is {limit}).")
        }
        (LedgerFileError::NotText, ZhHans) => "这不是本应用导出的台账文件（不是文本）。".into(),
        (LedgerFileError::NotText, ZhHant) => "這不是本應用匯出的台賬檔案（不是文字）。".into(),
        (LedgerFileError::NotText, English) => {
            "This is not a ledger file exported by this app (it is not text).".into()
        }
        (LedgerFileError::Malformed { line, column }, ZhHans) => {
            format!("文件已损坏（第 {line} 行第 {column} 列）。")
        }
        (LedgerFileError::Malformed { line, column }, ZhHant) => {
            format!("檔案已損壞（第 {line} 行第 {column} 列）。")
        }
        (LedgerFileError::Malformed { line, column }, English) => {
            format!("The file is damaged (line {line}, column {column}).")
        }
        (LedgerFileError::NotALedger { .. }, ZhHans) => "这不是本应用导出的台账文件。".into(),
        (LedgerFileError::NotALedger { .. }, ZhHant) => "這不是本應用匯出的台賬檔案。".into(),
        (LedgerFileError::NotALedger { .. }, English) => {
            "This is not a ledger file exported by this app.".into()
        }
        (LedgerFileError::NewerSchema { .. }, ZhHans) => {
            "文件由更新版本的本应用导出，请先重新载入或更新本应用。".into()
        }
        (LedgerFileError::NewerSchema { .. }, ZhHant) => {
            "檔案由更新版本的本應用匯出，請先重新載入或更新本應用。".into()
        }
        (LedgerFileError::NewerSchema { .. }, English) => {
            "The file was exported by a newer version of this app; reload or update the app first."
                .into()
        }
        (LedgerFileError::OlderSchema { .. }, ZhHans) => "文件格式太旧，无法读取。".into(),
        (LedgerFileError::OlderSchema { .. }, ZhHant) => "檔案格式太舊，無法讀取。".into(),
        (LedgerFileError::OlderSchema { .. }, English) => {
            "The file's format is too old to read.".into()
        }
        (LedgerFileError::Invalid { .. }, ZhHans) => LedgerMsg::FileCorrupt.text(ZhHans).into(),
        (LedgerFileError::Invalid { .. }, ZhHant) => LedgerMsg::FileCorrupt.text(ZhHant).into(),
        (LedgerFileError::Invalid { .. }, English) => LedgerMsg::FileCorrupt.text(English).into(),
    }
}

/// The banner for a storage problem.
pub fn store_error(error: &StoreError, locale: Locale) -> String {
    let fixed = match error {
        StoreError::BlockedByOtherTab => Some(LedgerMsg::StoreBlockedByOtherTab),
        StoreError::Refused { .. } => Some(LedgerMsg::StoreRefused),
        StoreError::QuotaExceeded => Some(LedgerMsg::StoreQuota),
        StoreError::NewerVersion { .. } => Some(LedgerMsg::StoreNewerVersion),
        StoreError::Unavailable => Some(LedgerMsg::StoreUnavailable),
        StoreError::Closed => Some(LedgerMsg::StoreClosed),
        StoreError::Failed { .. } => None,
    };
    if let Some(message) = fixed {
        return message.text(locale).to_string();
    }
    let name = match error {
        StoreError::Failed { name, .. } => name.as_str(),
        StoreError::BlockedByOtherTab
        | StoreError::Refused { .. }
        | StoreError::QuotaExceeded
        | StoreError::NewerVersion { .. }
        | StoreError::Unavailable
        | StoreError::Closed => "",
    };
    match locale {
        Locale::ZhHans => format!("台账未能保存（{name}）。新记录保存在本页内存中，请导出备份。"),
        Locale::ZhHant => format!("台賬未能儲存（{name}）。新記錄保存在本頁記憶體中，請匯出備份。"),
        Locale::English => format!(
            "The ledger could not be saved ({name}). New records are kept in this page's memory: export a copy."
        ),
    }
}

/// Why a typed temperature was not taken.
pub fn temperature_error(error: &TemperatureError, locale: Locale) -> String {
    use Locale::*;
    match (error, locale) {
        (TemperatureError::NotANumber, ZhHans) => "请输入体温，例如 36.5".into(),
        (TemperatureError::NotANumber, ZhHant) => "請輸入體溫，例如 36.5".into(),
        (TemperatureError::NotANumber, English) => "Enter a temperature, such as 36.5".into(),
        (TemperatureError::OutOfRange { .. }, ZhHans) => {
            "体温须在 34.0 至 43.0 ℃ 之间，请重新测量".into()
        }
        (TemperatureError::OutOfRange { .. }, ZhHant) => {
            "體溫須在 34.0 至 43.0 ℃ 之間，請重新測量".into()
        }
        (TemperatureError::OutOfRange { .. }, English) => {
            "The temperature must be between 34.0 and 43.0 °C: take it again".into()
        }
    }
}

/// "还剩 3 天" / "3 days left".
pub fn days_left(days: u16, locale: Locale) -> String {
    match locale {
        Locale::ZhHans => format!("还剩 {days} 天"),
        Locale::ZhHant => format!("還剩 {days} 天"),
        Locale::English => match days {
            1 => "1 day left".into(),
            _ => format!("{days} days left"),
        },
    }
}

/// Where a person stands today, in a short phrase for the roster.
pub fn standing(standing: &Standing, locale: Locale) -> String {
    use Locale::*;
    match (standing, locale) {
        (Standing::UnknownClass, ZhHans) => "类别不在指南中".into(),
        (Standing::UnknownClass, ZhHant) => "類別不在指南中".into(),
        (Standing::UnknownClass, English) => "Class not in the guide".into(),
        (Standing::DateMissing { .. }, ZhHans) => "须补填抵厦日期".into(),
        (Standing::DateMissing { .. }, ZhHant) => "須補填抵廈日期".into(),
        (Standing::DateMissing { .. }, English) => "Arrival date needed".into(),
        (Standing::NotArrived { arrival }, ZhHans) => format!("{arrival} 抵厦"),
        (Standing::NotArrived { arrival }, ZhHant) => format!("{arrival} 抵廈"),
        (Standing::NotArrived { arrival }, English) => format!("Arrives {arrival}"),
        (
            Standing::Observing {
                kind,
                end,
                days_left: n,
                on_site,
                ..
            },
            ZhHans,
        ) => {
            let (kind, left) = (observation_name(*kind).text(ZhHans), days_left(*n, ZhHans));
            if *on_site {
                format!("{kind}至 {end}，{left}，可在岗")
            } else {
                format!("{kind}至 {end}，{left}，不得返岗")
            }
        }
        (
            Standing::Observing {
                kind,
                end,
                days_left: n,
                on_site,
                ..
            },
            ZhHant,
        ) => {
            let (kind, left) = (observation_name(*kind).text(ZhHant), days_left(*n, ZhHant));
            if *on_site {
                format!("{kind}至 {end}，{left}，可在崗")
            } else {
                format!("{kind}至 {end}，{left}，不得返崗")
            }
        }
        (
            Standing::Observing {
                kind,
                end,
                days_left: n,
                on_site,
                ..
            },
            English,
        ) => {
            let (kind, left) = (
                observation_name(*kind).text(English),
                days_left(*n, English),
            );
            if *on_site {
                format!("{kind} until {end}, {left}; may work on site")
            } else {
                format!("{kind} until {end}, {left}; may not come to work")
            }
        }
        (
            Standing::Clear {
                first_day: true, ..
            },
            ZhHans,
        ) => "今日可返岗".into(),
        (
            Standing::Clear {
                first_day: true, ..
            },
            ZhHant,
        ) => "今日可返崗".into(),
        (
            Standing::Clear {
                first_day: true, ..
            },
            English,
        ) => "May return to work today".into(),
        (
            Standing::Clear {
                first_day: false, ..
            },
            ZhHans,
        ) => "正常在岗".into(),
        (
            Standing::Clear {
                first_day: false, ..
            },
            ZhHant,
        ) => "正常在崗".into(),
        (
            Standing::Clear {
                first_day: false, ..
            },
            English,
        ) => "At work as normal".into(),
    }
}

/// A date as each language writes it in prose: 2020年2月10日（星期一）, Monday 10 February 2020.
pub fn long_date(date: Date, locale: Locale) -> String {
    let (y, m, d) = date.ymd();
    const WEEK_HANS: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];
    const DAYS_EN: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    const MONTHS_EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let w = date.weekday() as usize;
    match locale {
        Locale::ZhHans => format!("{y}年{m}月{d}日（星期{}）", WEEK_HANS[w]),
        Locale::ZhHant => format!("{y}年{m}月{d}日（星期{}）", WEEK_HANS[w]),
        Locale::English => format!("{} {d} {} {y}", DAYS_EN[w], MONTHS_EN[m as usize - 1]),
    }
}

/// The daily summary for the district's group, as plain text to copy or share: date, staff
/// on site, returned today, in observation, abnormal readings and what was done.
pub fn summary_text(summary: &Summary, enterprise: &str, locale: Locale) -> String {
    use Locale::*;
    let mut lines = Vec::new();
    let enterprise = enterprise.trim();
    lines.push(LedgerMsg::SummaryTitle.text(locale).to_string());
    if !enterprise.is_empty() {
        lines.push(match locale {
            ZhHans => format!("企业：{enterprise}"),
            ZhHant => format!("企業：{enterprise}"),
            English => format!("Enterprise: {enterprise}"),
        });
    }
    let date = long_date(summary.date, locale);
    let (staff, on_site, back) = (summary.staff, summary.on_site, summary.returned);
    let observing = summary.in_observation();
    let kinds: Vec<String> = summary
        .observing
        .iter()
        .map(|(k, n)| match locale {
            ZhHans => format!("{}{n}人", observation_name(*k).text(locale)),
            ZhHant => format!("{}{n}人", observation_name(*k).text(locale)),
            English => format!("{} {n}", observation_name(*k).text(locale).to_lowercase()),
        })
        .collect();
    let kinds: Vec<&str> = kinds.iter().map(String::as_str).collect();
    let kinds = join(&kinds, locale);
    let abnormal = summary.abnormal.len();
    match locale {
        ZhHans => {
            lines.push(format!("日期：{date}"));
            lines.push(format!(
                "在册员工：{staff}人；今日在岗：{on_site}人；今日返岗：{back}人"
            ));
            if observing > 0 {
                lines.push(format!("观察中：{observing}人（{kinds}）"));
            } else {
                lines.push("观察中：0人".into());
            }
            lines.push(format!("体温异常：{abnormal}人次"));
        }
        ZhHant => {
            lines.push(format!("日期：{date}"));
            lines.push(format!(
                "在冊員工：{staff}人；今日在崗：{on_site}人；今日返崗：{back}人"
            ));
            if observing > 0 {
                lines.push(format!("觀察中：{observing}人（{kinds}）"));
            } else {
                lines.push("觀察中：0人".into());
            }
            lines.push(format!("體溫異常：{abnormal}人次"));
        }
        English => {
            lines.push(format!("Date: {date}"));
            lines.push(format!(
                "Staff on the roster: {staff}; on site today: {on_site}; returned today: {back}"
            ));
            if observing > 0 {
                lines.push(format!("In observation: {observing} ({kinds})"));
            } else {
                lines.push("In observation: 0".into());
            }
            lines.push(format!("Abnormal readings: {abnormal}"));
        }
    }
    for line in &summary.abnormal {
        let who = if line.name.is_empty() {
            LedgerMsg::Unnamed.text(locale).to_string()
        } else {
            line.name.clone()
        };
        let id = &line.staff_id;
        let round = round_name(line.round).text(locale);
        let t = format_tenths(line.tenths);
        let symptoms: Vec<&str> = line
            .symptoms
            .iter()
            .map(|s| symptom_name(s).text(locale))
            .collect();
        let done: Vec<&str> = line
            .actions
            .iter()
            .map(|a| action_name(a).text(locale))
            .collect();
        let done = if done.is_empty() {
            LedgerMsg::NoActionYet.text(locale).to_string()
        } else {
            join(&done, locale)
        };
        let symptoms = join(&symptoms, locale);
        lines.push(match (locale, symptoms.is_empty()) {
            (ZhHans, true) => format!("· {who}（{id}），{round} {t} ℃：{done}"),
            (ZhHans, false) => format!("· {who}（{id}），{round} {t} ℃，{symptoms}：{done}"),
            (ZhHant, true) => format!("· {who}（{id}），{round} {t} ℃：{done}"),
            (ZhHant, false) => format!("· {who}（{id}），{round} {t} ℃，{symptoms}：{done}"),
            (English, true) => format!("- {who} ({id}), {} {t} °C: {done}", round.to_lowercase()),
            (English, false) => format!(
                "- {who} ({id}), {} {t} °C, {}: {done}",
                round.to_lowercase(),
                symptoms.to_lowercase()
            ),
        });
        if !line.note.is_empty() {
            lines.push(format!("  {}", line.note));
        }
    }
    let (visitors, hot) = (summary.visitors, summary.abnormal_visitors);
    lines.push(match locale {
        ZhHans => format!("访客及车辆：{visitors}（体温异常 {hot}）"),
        ZhHant => format!("訪客及車輛：{visitors}（體溫異常 {hot}）"),
        English => {
            format!("Visitors and vehicles: {visitors} ({hot} with an abnormal temperature)")
        }
    });
    if summary.routines_expected > 0 {
        let (done, of) = (summary.routines_done, summary.routines_expected);
        lines.push(match locale {
            ZhHans => format!("日常消毒通风等防控项目：已完成 {done}/{of} 项"),
            ZhHant => format!("日常消毒通風等防控項目：已完成 {done}/{of} 項"),
            English => format!(
                "Daily routines (disinfection, ventilation and others): {done} of {of} done"
            ),
        });
    }
    lines.join("\n")
}

/// Every fixed text of the ledger: column headers (import and export), sheet names, values,
/// the steps for an abnormal reading, storage banners and privacy notices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LedgerMsg {
    ColName,
    ColStaffId,
    ColDepartment,
    ColClass,
    ColArrival,
    ColPhone,
    ColDate,
    ColRound,
    ColTime,
    ColTemperature,
    ColAbnormal,
    ColSymptoms,
    ColActions,
    ColTakenBy,
    ColNote,
    ColObservation,
    ColObservationEnd,
    ColBackAtWork,
    ColVisitKind,
    ColTimeIn,
    ColTimeOut,
    ColPlate,
    ColFrom,
    ColPurpose,
    ColRecordedBy,
    ColRoutine,
    ColArea,
    ColDoneBy,
    ColStaff,
    ColOnSite,
    ColReturned,
    ColInObservation,
    ColAbnormalReadings,
    ColReadingsTaken,
    ColReadingsRequired,
    ColVisits,
    ColRoutinesDone,
    /// Sheet names of the exported workbook.
    SheetRoster,
    SheetTemperatures,
    SheetVisits,
    SheetRoutines,
    SheetDaily,
    RoundMorning,
    RoundEvening,
    Yes,
    No,
    KindVisitor,
    KindVehicle,
    ObsCentralised,
    ObsHome,
    ObsSupervised,
    ObsSelf,
    ObsNone,
    SymptomFever,
    SymptomCough,
    SymptomFatigue,
    SymptomShortOfBreath,
    SymptomSoreThroat,
    SymptomDiarrhoea,
    ActionRechecked,
    ActionIsolated,
    ActionReportedCdc,
    ActionFeverClinic,
    ActionContactsTraced,
    ActionSentHome,
    NoActionYet,
    /// The steps for a reading above 37.3 °C, in order.
    StepIsolate,
    StepReportCdc,
    StepFeverClinic,
    StepTraceContacts,
    AbnormalFlag,
    /// Banners for storage problems.
    StoreBlockedByOtherTab,
    StoreRefused,
    StoreQuota,
    StoreNewerVersion,
    StoreUnavailable,
    StoreClosed,
    StoreInMemory,
    ExportLedger,
    /// Said before any export or share writes anything.
    ExportPrivacy,
    SharePrivacy,
    EraseQuestion,
    SummaryTitle,
    NoAbnormal,
    Unnamed,
    FileCorrupt,
}

impl LedgerMsg {
    /// Every message, for the tests that render each in every language.
    pub const ALL: [LedgerMsg; 86] = [
        LedgerMsg::ColName,
        LedgerMsg::ColStaffId,
        LedgerMsg::ColDepartment,
        LedgerMsg::ColClass,
        LedgerMsg::ColArrival,
        LedgerMsg::ColPhone,
        LedgerMsg::ColDate,
        LedgerMsg::ColRound,
        LedgerMsg::ColTime,
        LedgerMsg::ColTemperature,
        LedgerMsg::ColAbnormal,
        LedgerMsg::ColSymptoms,
        LedgerMsg::ColActions,
        LedgerMsg::ColTakenBy,
        LedgerMsg::ColNote,
        LedgerMsg::ColObservation,
        LedgerMsg::ColObservationEnd,
        LedgerMsg::ColBackAtWork,
        LedgerMsg::ColVisitKind,
        LedgerMsg::ColTimeIn,
        LedgerMsg::ColTimeOut,
        LedgerMsg::ColPlate,
        LedgerMsg::ColFrom,
        LedgerMsg::ColPurpose,
        LedgerMsg::ColRecordedBy,
        LedgerMsg::ColRoutine,
        LedgerMsg::ColArea,
        LedgerMsg::ColDoneBy,
        LedgerMsg::ColStaff,
        LedgerMsg::ColOnSite,
        LedgerMsg::ColReturned,
        LedgerMsg::ColInObservation,
        LedgerMsg::ColAbnormalReadings,
        LedgerMsg::ColReadingsTaken,
        LedgerMsg::ColReadingsRequired,
        LedgerMsg::ColVisits,
        LedgerMsg::ColRoutinesDone,
        LedgerMsg::SheetRoster,
        LedgerMsg::SheetTemperatures,
        LedgerMsg::SheetVisits,
        LedgerMsg::SheetRoutines,
        LedgerMsg::SheetDaily,
        LedgerMsg::RoundMorning,
        LedgerMsg::RoundEvening,
        LedgerMsg::Yes,
        LedgerMsg::No,
        LedgerMsg::KindVisitor,
        LedgerMsg::KindVehicle,
        LedgerMsg::ObsCentralised,
        LedgerMsg::ObsHome,
        LedgerMsg::ObsSupervised,
        LedgerMsg::ObsSelf,
        LedgerMsg::ObsNone,
        LedgerMsg::SymptomFever,
        LedgerMsg::SymptomCough,
        LedgerMsg::SymptomFatigue,
        LedgerMsg::SymptomShortOfBreath,
        LedgerMsg::SymptomSoreThroat,
        LedgerMsg::SymptomDiarrhoea,
        LedgerMsg::ActionRechecked,
        LedgerMsg::ActionIsolated,
        LedgerMsg::ActionReportedCdc,
        LedgerMsg::ActionFeverClinic,
        LedgerMsg::ActionContactsTraced,
        LedgerMsg::ActionSentHome,
        LedgerMsg::NoActionYet,
        LedgerMsg::StepIsolate,
        LedgerMsg::StepReportCdc,
        LedgerMsg::StepFeverClinic,
        LedgerMsg::StepTraceContacts,
        LedgerMsg::AbnormalFlag,
        LedgerMsg::StoreBlockedByOtherTab,
        LedgerMsg::StoreRefused,
        LedgerMsg::StoreQuota,
        LedgerMsg::StoreNewerVersion,
        LedgerMsg::StoreUnavailable,
        LedgerMsg::StoreClosed,
        LedgerMsg::StoreInMemory,
        LedgerMsg::ExportLedger,
        LedgerMsg::ExportPrivacy,
        LedgerMsg::SharePrivacy,
        LedgerMsg::EraseQuestion,
        LedgerMsg::SummaryTitle,
        LedgerMsg::NoAbnormal,
        LedgerMsg::Unnamed,
        LedgerMsg::FileCorrupt,
    ];
}

impl Message for LedgerMsg {
    fn text(self, locale: Locale) -> &'static str {
        use LedgerMsg::*;
        use Locale::*;
        match (self, locale) {
            (ColName, ZhHans) => "姓名",
            (ColName, ZhHant) => "姓名",
            (ColName, English) => "Name",
            (ColStaffId, ZhHans) => "工号",
            (ColStaffId, ZhHant) => "工號",
            (ColStaffId, English) => "ID",
            (ColDepartment, ZhHans) => "部门",
            (ColDepartment, ZhHant) => "部門",
            (ColDepartment, English) => "Department",
            (ColClass, ZhHans) => "类别",
            (ColClass, ZhHant) => "類別",
            (ColClass, English) => "Class",
            (ColArrival, ZhHans) => "抵厦日期",
            (ColArrival, ZhHant) => "抵廈日期",
            (ColArrival, English) => "Arrival date",
            (ColPhone, ZhHans) => "电话",
            (ColPhone, ZhHant) => "電話",
            (ColPhone, English) => "Phone",
            (ColDate, ZhHans) => "日期",
            (ColDate, ZhHant) => "日期",
            (ColDate, English) => "Date",
            (ColRound, ZhHans) => "轮次",
            (ColRound, ZhHant) => "輪次",
            (ColRound, English) => "Round",
            (ColTime, ZhHans) => "时间",
            (ColTime, ZhHant) => "時間",
            (ColTime, English) => "Time",
            (ColTemperature, ZhHans) => "体温（℃）",
            (ColTemperature, ZhHant) => "體溫（℃）",
            (ColTemperature, English) => "Temperature (°C)",
            (ColAbnormal, ZhHans) => "是否异常",
            (ColAbnormal, ZhHant) => "是否異常",
            (ColAbnormal, English) => "Abnormal",
            (ColSymptoms, ZhHans) => "症状",
            (ColSymptoms, ZhHant) => "症狀",
            (ColSymptoms, English) => "Symptoms",
            (ColActions, ZhHans) => "处置情况",
            (ColActions, ZhHant) => "處置情況",
            (ColActions, English) => "What was done",
            (ColTakenBy, ZhHans) => "测温人",
            (ColTakenBy, ZhHant) => "測溫人",
            (ColTakenBy, English) => "Taken by",
            (ColNote, ZhHans) => "备注",
            (ColNote, ZhHant) => "備註",
            (ColNote, English) => "Note",
            (ColObservation, ZhHans) => "观察方式",
            (ColObservation, ZhHant) => "觀察方式",
            (ColObservation, English) => "Observation",
            (ColObservationEnd, ZhHans) => "观察截止日期",
            (ColObservationEnd, ZhHant) => "觀察截止日期",
            (ColObservationEnd, English) => "Observation ends",
            (ColBackAtWork, ZhHans) => "可返岗日期",
            (ColBackAtWork, ZhHant) => "可返崗日期",
            (ColBackAtWork, English) => "Back at work from",
            (ColVisitKind, ZhHans) => "类型",
            (ColVisitKind, ZhHant) => "類型",
            (ColVisitKind, English) => "Kind",
            (ColTimeIn, ZhHans) => "进入时间",
            (ColTimeIn, ZhHant) => "進入時間",
            (ColTimeIn, English) => "In",
            (ColTimeOut, ZhHans) => "离开时间",
            (ColTimeOut, ZhHant) => "離開時間",
            (ColTimeOut, English) => "Out",
            (ColPlate, ZhHans) => "车牌号",
            (ColPlate, ZhHant) => "車牌號",
            (ColPlate, English) => "Number plate",
            (ColFrom, ZhHans) => "来自何地",
            (ColFrom, ZhHant) => "來自何地",
            (ColFrom, English) => "Coming from",
            (ColPurpose, ZhHans) => "事由及被访人",
            (ColPurpose, ZhHant) => "事由及被訪人",
            (ColPurpose, English) => "Purpose and host",
            (ColRecordedBy, ZhHans) => "登记人",
            (ColRecordedBy, ZhHant) => "登記人",
            (ColRecordedBy, English) => "Recorded by",
            (ColRoutine, ZhHans) => "项目",
            (ColRoutine, ZhHant) => "項目",
            (ColRoutine, English) => "Routine",
            (ColArea, ZhHans) => "区域",
            (ColArea, ZhHant) => "區域",
            (ColArea, English) => "Area",
            (ColDoneBy, ZhHans) => "执行人",
            (ColDoneBy, ZhHant) => "執行人",
            (ColDoneBy, English) => "Done by",
            (ColStaff, ZhHans) => "在册人数",
            (ColStaff, ZhHant) => "在冊人數",
            (ColStaff, English) => "Staff on the roster",
            (ColOnSite, ZhHans) => "在岗人数",
            (ColOnSite, ZhHant) => "在崗人數",
            (ColOnSite, English) => "Staff on site",
            (ColReturned, ZhHans) => "今日返岗",
            (ColReturned, ZhHant) => "今日返崗",
            (ColReturned, English) => "Returned today",
            (ColInObservation, ZhHans) => "观察中",
            (ColInObservation, ZhHant) => "觀察中",
            (ColInObservation, English) => "In observation",
            (ColAbnormalReadings, ZhHans) => "体温异常人次",
            (ColAbnormalReadings, ZhHant) => "體溫異常人次",
            (ColAbnormalReadings, English) => "Abnormal readings",
            (ColReadingsTaken, ZhHans) => "已测体温人次",
            (ColReadingsTaken, ZhHant) => "已測體溫人次",
            (ColReadingsTaken, English) => "Readings taken",
            (ColReadingsRequired, ZhHans) => "应测体温人次",
            (ColReadingsRequired, ZhHant) => "應測體溫人次",
            (ColReadingsRequired, English) => "Readings required",
            (ColVisits, ZhHans) => "访客及车辆",
            (ColVisits, ZhHant) => "訪客及車輛",
            (ColVisits, English) => "Visitors and vehicles",
            (ColRoutinesDone, ZhHans) => "已完成日常项目",
            (ColRoutinesDone, ZhHant) => "已完成日常項目",
            (ColRoutinesDone, English) => "Routines done",
            (SheetRoster, ZhHans) => "人员档案",
            (SheetRoster, ZhHant) => "人員檔案",
            (SheetRoster, English) => "Staff files",
            (SheetTemperatures, ZhHans) => "体温登记",
            (SheetTemperatures, ZhHant) => "體溫登記",
            (SheetTemperatures, English) => "Temperature register",
            (SheetVisits, ZhHans) => "访客车辆登记",
            (SheetVisits, ZhHant) => "訪客車輛登記",
            (SheetVisits, English) => "Visitors and vehicles",
            (SheetRoutines, ZhHans) => "日常防控记录",
            (SheetRoutines, ZhHant) => "日常防控記錄",
            (SheetRoutines, English) => "Daily routines",
            (SheetDaily, ZhHans) => "每日汇总",
            (SheetDaily, ZhHant) => "每日匯總",
            (SheetDaily, English) => "Daily summary",
            (RoundMorning, ZhHans) => "早",
            (RoundMorning, ZhHant) => "早",
            (RoundMorning, English) => "Morning",
            (RoundEvening, ZhHans) => "晚",
            (RoundEvening, ZhHant) => "晚",
            (RoundEvening, English) => "Evening",
            (Yes, ZhHans) => "是",
            (Yes, ZhHant) => "是",
            (Yes, English) => "Yes",
            (No, ZhHans) => "否",
            (No, ZhHant) => "否",
            (No, English) => "No",
            (KindVisitor, ZhHans) => "访客",
            (KindVisitor, ZhHant) => "訪客",
            (KindVisitor, English) => "Visitor",
            (KindVehicle, ZhHans) => "车辆",
            (KindVehicle, ZhHant) => "車輛",
            (KindVehicle, English) => "Vehicle",
            (ObsCentralised, ZhHans) => "集中医学观察",
            (ObsCentralised, ZhHant) => "集中醫學觀察",
            (ObsCentralised, English) => "Centralised medical observation",
            (ObsHome, ZhHans) => "居家医学观察",
            (ObsHome, ZhHant) => "居家醫學觀察",
            (ObsHome, English) => "Home medical observation",
            (ObsSupervised, ZhHans) => "监督观察",
            (ObsSupervised, ZhHant) => "監督觀察",
            (ObsSupervised, English) => "Supervised observation",
            (ObsSelf, ZhHans) => "自我观察",
            (ObsSelf, ZhHant) => "自我觀察",
            (ObsSelf, English) => "Self-observation",
            (ObsNone, ZhHans) => "无需观察",
            (ObsNone, ZhHant) => "無需觀察",
            (ObsNone, English) => "No observation",
            (SymptomFever, ZhHans) => "自觉发热",
            (SymptomFever, ZhHant) => "自覺發熱",
            (SymptomFever, English) => "Feels feverish",
            (SymptomCough, ZhHans) => "咳嗽",
            (SymptomCough, ZhHant) => "咳嗽",
            (SymptomCough, English) => "Cough",
            (SymptomFatigue, ZhHans) => "乏力",
            (SymptomFatigue, ZhHant) => "乏力",
            (SymptomFatigue, English) => "Fatigue",
            (SymptomShortOfBreath, ZhHans) => "气促",
            (SymptomShortOfBreath, ZhHant) => "氣促",
            (SymptomShortOfBreath, English) => "Short of breath",
            (SymptomSoreThroat, ZhHans) => "咽痛",
            (SymptomSoreThroat, ZhHant) => "咽痛",
            (SymptomSoreThroat, English) => "Sore throat",
            (SymptomDiarrhoea, ZhHans) => "腹泻",
            (SymptomDiarrhoea, ZhHant) => "腹瀉",
            (SymptomDiarrhoea, English) => "Diarrhoea",
            (ActionRechecked, ZhHans) => "已复测",
            (ActionRechecked, ZhHant) => "已複測",
            (ActionRechecked, English) => "Checked again",
            (ActionIsolated, ZhHans) => "已送临时隔离室",
            (ActionIsolated, ZhHant) => "已送臨時隔離室",
            (ActionIsolated, English) => "Taken to the isolation room",
            (ActionReportedCdc, ZhHans) => "已报告疾控中心",
            (ActionReportedCdc, ZhHant) => "已報告疾控中心",
            (ActionReportedCdc, English) => "Reported to the CDC",
            (ActionFeverClinic, ZhHans) => "已送发热门诊",
            (ActionFeverClinic, ZhHant) => "已送發熱門診",
            (ActionFeverClinic, English) => "Sent to the fever clinic",
            (ActionContactsTraced, ZhHans) => "已排查密切接触者",
            (ActionContactsTraced, ZhHant) => "已排查密切接觸者",
            (ActionContactsTraced, English) => "Close contacts traced",
            (ActionSentHome, ZhHans) => "已劝返",
            (ActionSentHome, ZhHant) => "已勸返",
            (ActionSentHome, English) => "Sent home",
            (NoActionYet, ZhHans) => "尚未处置",
            (NoActionYet, ZhHant) => "尚未處置",
            (NoActionYet, English) => "Nothing done yet",
            (StepIsolate, ZhHans) => "立即送临时隔离室，与他人隔开",
            (StepIsolate, ZhHant) => "立即送臨時隔離室，與他人隔開",
            (StepIsolate, English) => "Take the person to the temporary isolation room at once, away from others",
            (StepReportCdc, ZhHans) => "立即报告属地疾控中心",
            (StepReportCdc, ZhHant) => "立即報告屬地疾控中心",
            (StepReportCdc, English) => "Report to the local CDC at once",
            (StepFeverClinic, ZhHans) => "安排就近到发热门诊就诊",
            (StepFeverClinic, ZhHant) => "安排就近到發熱門診就診",
            (StepFeverClinic, English) => "Send the person to the nearest fever clinic",
            (StepTraceContacts, ZhHans) => "排查并登记密切接触者，配合疾控调查",
            (StepTraceContacts, ZhHant) => "排查並登記密切接觸者，配合疾控調查",
            (StepTraceContacts, English) => "Trace and list close contacts, and help the CDC's investigation",
            (AbnormalFlag, ZhHans) => "体温异常（高于 37.3 ℃）",
            (AbnormalFlag, ZhHant) => "體溫異常（高於 37.3 ℃）",
            (AbnormalFlag, English) => "Abnormal temperature (above 37.3 °C)",
            (StoreBlockedByOtherTab, ZhHans) => "台账数据库正被本应用另一个较旧的标签页占用，无法升级。请关闭其他标签页后重新载入。在此之前，新记录只保存在本页内存中，请及时导出。",
            (StoreBlockedByOtherTab, ZhHant) => "台賬資料庫正被本應用另一個較舊的分頁佔用，無法升級。請關閉其他分頁後重新載入。在此之前，新記錄只保存在本頁記憶體中，請及時匯出。",
            (StoreBlockedByOtherTab, English) => "The ledger's database is held by another, older tab of this app, so it cannot be upgraded. Close the other tabs and reload. Until then new records are kept only in this page's memory: export them.",
            (StoreRefused, ZhHans) => "浏览器不允许本站保存数据（可能处于无痕或隐私模式）。台账只保存在本页内存中，关闭页面前请导出。",
            (StoreRefused, ZhHant) => "瀏覽器不允許本站儲存資料（可能處於無痕或私密模式）。台賬只保存在本頁記憶體中，關閉頁面前請匯出。",
            (StoreRefused, English) => "The browser does not let this site store data (perhaps a private window). The ledger is kept only in this page's memory: export it before you close the page.",
            (StoreQuota, ZhHans) => "设备存储空间已满，新记录未能保存。请导出台账并清理空间；在此之前新记录保存在本页内存中。",
            (StoreQuota, ZhHant) => "裝置儲存空間已滿，新記錄未能儲存。請匯出台賬並清理空間；在此之前新記錄保存在本頁記憶體中。",
            (StoreQuota, English) => "The device's storage is full, so new records could not be saved. Export the ledger and free some space; until then new records are kept in this page's memory.",
            (StoreNewerVersion, ZhHans) => "台账由更新版本的本应用保存，本页无法读取。请重新载入页面以使用新版本；在此之前新记录只保存在本页内存中。",
            (StoreNewerVersion, ZhHant) => "台賬由更新版本的本應用儲存，本頁無法讀取。請重新載入頁面以使用新版本；在此之前新記錄只保存在本頁記憶體中。",
            (StoreNewerVersion, English) => "The ledger was saved by a newer version of this app, which this page cannot read. Reload the page to use the new version; until then new records are kept only in this page's memory.",
            (StoreUnavailable, ZhHans) => "此浏览器不支持本地数据库。台账只保存在本页内存中，关闭页面前请导出。",
            (StoreUnavailable, ZhHant) => "此瀏覽器不支援本機資料庫。台賬只保存在本頁記憶體中，關閉頁面前請匯出。",
            (StoreUnavailable, English) => "This browser has no local database. The ledger is kept only in this page's memory: export it before you close the page.",
            (StoreClosed, ZhHans) => "另一个标签页更新了本应用，请重新载入本页。本页尚未保存的记录仍在内存中，请先导出。",
            (StoreClosed, ZhHant) => "另一個分頁更新了本應用，請重新載入本頁。本頁尚未儲存的記錄仍在記憶體中，請先匯出。",
            (StoreClosed, English) => "Another tab updated this app: reload this page. Records this page has not saved are still in its memory: export them first.",
            (StoreInMemory, ZhHans) => "台账暂存于内存",
            (StoreInMemory, ZhHant) => "台賬暫存於記憶體",
            (StoreInMemory, English) => "Ledger kept in memory only",
            (ExportLedger, ZhHans) => "导出台账",
            (ExportLedger, ZhHant) => "匯出台賬",
            (ExportLedger, English) => "Export the ledger",
            (ExportPrivacy, ZhHans) => "导出的文件含有员工的健康信息，将离开本设备。请只交给有权查看的人，并妥善保管。",
            (ExportPrivacy, ZhHant) => "匯出的檔案含有員工的健康資訊，將離開本裝置。請只交給有權查看的人，並妥善保管。",
            (ExportPrivacy, English) => "The exported file holds staff health information and leaves this device. Give it only to people entitled to see it, and keep it safe.",
            (SharePrivacy, ZhHans) => "分享的汇总含有员工的健康信息，将离开本设备。",
            (SharePrivacy, ZhHant) => "分享的匯總含有員工的健康資訊，將離開本裝置。",
            (SharePrivacy, English) => "The summary you share holds staff health information and leaves this device.",
            (EraseQuestion, ZhHans) => "删除本设备上的全部台账数据？此操作无法撤销。删除前可先导出。",
            (EraseQuestion, ZhHant) => "刪除本裝置上的全部台賬資料？此操作無法復原。刪除前可先匯出。",
            (EraseQuestion, English) => "Erase all ledger data on this device? This cannot be undone. You can export it first.",
            (SummaryTitle, ZhHans) => "企业复工防控日报",
            (SummaryTitle, ZhHant) => "企業復工防控日報",
            (SummaryTitle, English) => "Daily epidemic-control report",
            (NoAbnormal, ZhHans) => "无体温异常",
            (NoAbnormal, ZhHant) => "無體溫異常",
            (NoAbnormal, English) => "No abnormal readings",
            (Unnamed, ZhHans) => "（未填写）",
            (Unnamed, ZhHant) => "（未填寫）",
            (Unnamed, English) => "(not given)",
            (FileCorrupt, ZhHans) => "文件已损坏或不完整。",
            (FileCorrupt, ZhHant) => "檔案已損壞或不完整。",
            (FileCorrupt, English) => "The file is damaged or incomplete.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::class::tests::sample_rules;
    use crate::ledger::import::{preview, HEADER_ROWS};
    use crate::ledger::record::{Actions, Ledger, Symptoms};
    use crate::ledger::view::tests::{day, Fixture};
    use crate::ledger::view::{AbnormalLine, DayView, Roster};

    /// Characters only Simplified Chinese uses, among those this file's texts need; none
    /// may appear in a Traditional text.
    const SIMPLIFIED_ONLY: &str = "这个们来时间员测温体异记录导数据库门类厦话电号观离检报诊访车辆区对与无没还进应该请页载错误试单项总计实际从闭医学护见让认读写语证书办杀汇档岗轮执备泻气临码标签储仅视图样态称级处状触踪劝规则务当设满删确点条网络线达钟义严两须继续组织职责负约纳统换择变动发热疗药谁么帐账购产厂业环卫节长场齐华国东乐习乡历价别户内经过将关开问复册壳压览贯盘为阅";

    fn all_texts(locale: Locale) -> Vec<String> {
        let mut out: Vec<String> = LedgerMsg::ALL
            .iter()
            .map(|m| m.text(locale).to_string())
            .collect();
        let rejected = Rejected {
            line: 7,
            problems: vec![
                RowProblem::Missing(Column::Name),
                RowProblem::TooLong {
                    column: Column::Phone,
                    limit: 32,
                },
                RowProblem::UnknownClass { text: "x".into() },
                RowProblem::BadDate { text: "x".into() },
                RowProblem::DateNeeded,
                RowProblem::BadPhone { text: "x".into() },
                RowProblem::DuplicateInFile {
                    staff_id: "E1".into(),
                    first_line: 3,
                },
                RowProblem::AlreadyInRoster {
                    staff_id: "E1".into(),
                },
            ],
        };
        out.push(rejected_row(&rejected, locale));
        for e in [
            ImportError::Empty,
            ImportError::TooLarge { bytes: 2, limit: 1 },
            ImportError::UnpacksTooLarge { limit: 1 << 25 },
            ImportError::TooManyRows { limit: 10 },
            ImportError::OldExcel,
            ImportError::BadWorkbook {
                message: String::new(),
            },
            ImportError::NoSheet,
            ImportError::BadCsv {
                line: 3,
                message: String::new(),
            },
            ImportError::NoHeader {
                missing: vec![Column::Name, Column::Class],
            },
        ] {
            out.push(import_error(&e, locale));
        }
        for e in [
            LedgerFileError::Empty,
            LedgerFileError::TooLarge { bytes: 2, limit: 1 },
            LedgerFileError::NotText,
            LedgerFileError::Malformed { line: 1, column: 2 },
            LedgerFileError::NotALedger { found: None },
            LedgerFileError::NewerSchema {
                found: 2,
                supported: 1,
            },
            LedgerFileError::OlderSchema {
                found: 0,
                oldest: 1,
            },
            LedgerFileError::Invalid {
                message: String::new(),
            },
        ] {
            out.push(ledger_file_error(&e, locale));
        }
        for e in [
            StoreError::BlockedByOtherTab,
            StoreError::Refused {
                message: String::new(),
            },
            StoreError::QuotaExceeded,
            StoreError::NewerVersion {
                found: Some(2),
                supported: 1,
            },
            StoreError::Unavailable,
            StoreError::Closed,
            StoreError::Failed {
                name: "AbortError".into(),
                message: String::new(),
            },
        ] {
            out.push(store_error(&e, locale));
        }
        for e in [
            TemperatureError::NotANumber,
            TemperatureError::OutOfRange { tenths: 1 },
        ] {
            out.push(temperature_error(&e, locale));
        }
        let d = day("2020-02-10");
        for s in [
            Standing::UnknownClass,
            Standing::DateMissing {
                kind: ObservationKind::Home,
                on_site: false,
                readings: 0,
            },
            Standing::NotArrived { arrival: d },
            Standing::Observing {
                kind: ObservationKind::Home,
                end: d,
                days_left: 3,
                on_site: false,
                readings: 0,
            },
            Standing::Observing {
                kind: ObservationKind::Supervised,
                end: d,
                days_left: 1,
                on_site: true,
                readings: 2,
            },
            Standing::Clear {
                first_day: true,
                readings: 1,
            },
            Standing::Clear {
                first_day: false,
                readings: 1,
            },
        ] {
            out.push(standing(&s, locale));
        }
        // User data is left out: names are in whatever script their owner wrote them.
        let mut summary = sample_summary();
        summary.abnormal[0].name = "Lin".into();
        out.push(summary_text(&summary, "Works", locale));
        out
    }

    fn sample_summary() -> Summary {
        Summary {
            date: day("2020-02-10"),
            staff: 120,
            on_site: 96,
            returned: 3,
            observing: vec![(ObservationKind::Home, 2), (ObservationKind::Supervised, 5)],
            abnormal: vec![AbnormalLine {
                name: "张三".into(),
                staff_id: "E001".into(),
                round: Round::Morning,
                tenths: 378,
                symptoms: Symptoms::of(&[Symptom::Cough]),
                actions: Actions::of(&[Action::Isolated, Action::ReportedCdc]),
                note: String::new(),
            }],
            visitors: 4,
            abnormal_visitors: 0,
            routines_done: 5,
            routines_expected: 6,
        }
    }

    #[test]
    fn traditional_texts_use_no_simplified_character() {
        for text in all_texts(Locale::ZhHant) {
            let bad: String = text
                .chars()
                .filter(|c| SIMPLIFIED_ONLY.contains(*c))
                .collect();
            assert!(bad.is_empty(), "{bad} in {text:?}");
        }
    }

    #[test]
    fn english_texts_use_no_full_width_punctuation() {
        for text in all_texts(Locale::English) {
            let bad: String = text
                .chars()
                .filter(|c| {
                    matches!(*c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF) || "“”‘’".contains(*c)
                })
                .collect();
            assert!(bad.is_empty(), "{bad} in {text:?}");
        }
    }

    #[test]
    fn every_text_is_there_in_every_language() {
        for locale in Locale::ALL {
            for text in all_texts(locale) {
                assert!(!text.trim().is_empty());
            }
        }
        let hans: Vec<&str> = LedgerMsg::ALL
            .iter()
            .map(|m| m.text(Locale::ZhHans))
            .collect();
        let en: Vec<&str> = LedgerMsg::ALL
            .iter()
            .map(|m| m.text(Locale::English))
            .collect();
        assert_ne!(hans, en);
    }

    #[test]
    fn sheet_names_fit_excel() {
        for locale in Locale::ALL {
            for sheet in [
                LedgerMsg::SheetRoster,
                LedgerMsg::SheetTemperatures,
                LedgerMsg::SheetVisits,
                LedgerMsg::SheetRoutines,
                LedgerMsg::SheetDaily,
            ] {
                let name = sheet.text(locale);
                assert!(name.chars().count() <= 31, "{name}");
                assert!(
                    !name.contains(['[', ']', ':', '*', '?', '/', '\\']),
                    "{name}"
                );
            }
        }
    }

    #[test]
    fn import_messages_name_the_line_and_reasons() {
        let p = preview(
            "姓名,工号,类别\n,E1,留厦人员\n李四,E2,外星人\n".as_bytes(),
            &sample_rules(),
            &Ledger::default(),
        )
        .unwrap();
        assert_eq!(
            rejected_row(&p.rejected[0], Locale::ZhHans),
            "第 2 行：缺少姓名。"
        );
        assert_eq!(
            rejected_row(&p.rejected[1], Locale::English),
            "Line 3: the class \"外星人\" is not one of the guide's personnel classes."
        );
        assert_eq!(
            rejected_row(&p.rejected[0], Locale::ZhHant),
            "第 2 行：缺少姓名。"
        );
        assert_eq!(
            import_error(
                &ImportError::NoHeader {
                    missing: vec![Column::StaffId, Column::Class]
                },
                Locale::ZhHant
            ),
            format!("前 {HEADER_ROWS} 行中找不到表頭。表頭須包含：工號、類別。")
        );
        assert_eq!(
            preview_summary(&p, Locale::English),
            "The header is on line 1. Confirming adds 0 people; 2 rows did not pass the checks and will not be added."
        );
    }

    #[test]
    fn the_summary_reads_as_the_district_asks() {
        let text = summary_text(&sample_summary(), "集美示范厂", Locale::ZhHans);
        assert_eq!(
            text,
            "企业复工防控日报\n企业：集美示范厂\n日期：2020年2月10日（星期一）\n\
             在册员工：120人；今日在岗：96人；今日返岗：3人\n\
             观察中：7人（居家医学观察2人、监督观察5人）\n体温异常：1人次\n\
             · 张三（E001），早 37.8 ℃，咳嗽：已送临时隔离室、已报告疾控中心\n\
             访客及车辆：4（体温异常 0）\n日常消毒通风等防控项目：已完成 5/6 项"
        );
        let en = summary_text(&sample_summary(), "", Locale::English);
        assert!(
            en.starts_with("Daily epidemic-control report\nDate: Monday 10 February 2020\n"),
            "{en}"
        );
        assert!(
            en.contains("In observation: 7 (home medical observation 2, supervised observation 5)"),
            "{en}"
        );
        assert!(en.contains("- 张三 (E001), morning 37.8 °C, cough: Taken to the isolation room, Reported to the CDC"), "{en}");
    }

    #[test]
    fn the_summary_comes_from_the_day_view() {
        let rules = sample_rules();
        let mut f = Fixture::new();
        let a = f.person("E1", "张三", "stayed_xiamen", None);
        f.reading(a, "2020-02-10", Round::Morning, 365);
        let roster = Roster::new(&f.ledger, &rules);
        let view = DayView::new(&f.ledger, &rules, &roster, day("2020-02-10"), &[]);
        let text = summary_text(&Summary::new(&f.ledger, &view, 0), "", Locale::ZhHant);
        assert!(
            text.contains("在冊員工：1人；今日在崗：1人；今日返崗：0人"),
            "{text}"
        );
        assert!(text.contains("觀察中：0人"));
        assert!(text.contains("體溫異常：0人次"));
        assert!(
            !text.contains("日常消毒"),
            "no routines expected, none reported"
        );
    }

    #[test]
    fn days_left_and_dates_in_each_language() {
        assert_eq!(days_left(1, Locale::English), "1 day left");
        assert_eq!(days_left(3, Locale::ZhHant), "還剩 3 天");
        assert_eq!(
            long_date(day("2020-02-16"), Locale::ZhHans),
            "2020年2月16日（星期日）"
        );
    }
}
