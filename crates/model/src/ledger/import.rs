//! Importing the staff roster an enterprise already has: CSV (with the `csv` crate) or Excel
//! .xlsx (with `calamine`).
//!
//! - The header row is found among the first rows (title rows above it are common) by its
//!   names in any of the three languages, in any order; unknown columns are ignored and
//!   listed.
//! - Every row is checked; each rejected row is listed with its line number and every reason.
//! - `preview` changes nothing: the page shows what it found, and only `confirm` adds the
//!   accepted people to the ledger.
//! - Hostile files are bounded before they are read: the file's size, the real unpacked size
//!   of every part of a workbook (measured by unpacking it, not trusting the sizes it
//!   declares), rows, columns and cell lengths.

use std::collections::{BTreeMap, HashMap};
use std::io::{Cursor, Read};

use calamine::{DataRef, Reader, Xlsx};

use super::class::{fold, Rules};
use super::date::Date;
use super::record::{clip, Entry, Ledger, Person, Stamper, MAX_ID_CHARS, MAX_SHORT_CHARS};

/// Largest roster file read, in bytes.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// Largest total size of a workbook's parts once unpacked, in bytes.
pub const MAX_UNPACKED_BYTES: u64 = 32 * 1024 * 1024;
/// Most parts a workbook may have.
pub const MAX_PARTS: usize = 500;
/// Most rows read below the header.
pub const MAX_ROWS: usize = 10_000;
/// Columns beyond this many are not read.
pub const MAX_COLUMNS: u32 = 64;
/// Rows searched for the header.
pub const HEADER_ROWS: usize = 10;
/// Longest cell kept in a rejected row's reason, in characters.
const SHOWN_CHARS: usize = 40;

/// A column the roster import knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    Name,
    StaffId,
    Department,
    Class,
    Arrival,
    Phone,
}

impl Column {
    pub const ALL: [Column; 6] = [
        Column::Name,
        Column::StaffId,
        Column::Department,
        Column::Class,
        Column::Arrival,
        Column::Phone,
    ];

    /// Columns a roster must have.
    pub const REQUIRED: [Column; 3] = [Column::Name, Column::StaffId, Column::Class];

    /// The header texts that name this column, folded (see `class::fold`): the three
    /// languages' words first, then common variants.
    pub fn headers(self) -> &'static [&'static str] {
        match self {
            Column::Name => &["姓名", "name", "名字", "员工姓名", "員工姓名", "fullname"],
            Column::StaffId => &[
                "工号",
                "工號",
                "id",
                "staffid",
                "employeeid",
                "员工编号",
                "員工編號",
                "编号",
                "編號",
                "staffno.",
                "employeeno.",
            ],
            Column::Department => &[
                "部门",
                "部門",
                "department",
                "dept",
                "dept.",
                "所属部门",
                "所屬部門",
            ],
            Column::Class => &[
                "类别",
                "類別",
                "class",
                "人员类别",
                "人員類別",
                "category",
                "personnelclass",
            ],
            Column::Arrival => &[
                "抵厦日期",
                "抵廈日期",
                "arrivaldate",
                "arrival",
                "来厦日期",
                "來廈日期",
                "返厦日期",
                "返廈日期",
                "dateofarrival",
            ],
            Column::Phone => &[
                "电话",
                "電話",
                "phone",
                "手机",
                "手機",
                "联系电话",
                "聯繫電話",
                "聯絡電話",
                "mobile",
                "phonenumber",
                "tel",
                "telephone",
            ],
        }
    }

    /// The column a header names, if any: compared folded, without a trailing note in
    /// brackets (`抵厦日期（年-月-日）`), an asterisk or a colon.
    pub fn of_header(header: &str) -> Option<Column> {
        let head = header
            .split(['(', '（', '['])
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| c == '*' || c == ':' || c == '：' || c.is_whitespace());
        let folded = fold(head);
        if folded.is_empty() {
            return None;
        }
        Column::ALL
            .into_iter()
            .find(|c| c.headers().contains(&folded.as_str()))
    }
}

/// The kind of file read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

/// Why a file could not be read at all. Nothing is added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    Empty,
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// A workbook whose parts unpack to more than the limit (or has too many parts).
    UnpacksTooLarge {
        limit: u64,
    },
    /// More than `MAX_ROWS` rows below the header.
    TooManyRows {
        limit: usize,
    },
    /// An Excel 97-2003 .xls file, which is not read: save it as .xlsx or CSV.
    OldExcel,
    /// A zip file that is not a readable workbook (or is password-protected).
    BadWorkbook {
        message: String,
    },
    /// The workbook has no worksheet.
    NoSheet,
    /// A CSV file the reader gave up on.
    BadCsv {
        line: u64,
        message: String,
    },
    /// No row among the first `HEADER_ROWS` names the required columns; `missing` are the
    /// required columns the best candidate row lacked.
    NoHeader {
        missing: Vec<Column>,
    },
}

/// Why one row was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    Missing(Column),
    TooLong {
        column: Column,
        limit: usize,
    },
    UnknownClass {
        text: String,
    },
    BadDate {
        text: String,
    },
    /// The class has an observation, so its start date is needed.
    DateNeeded,
    BadPhone {
        text: String,
    },
    /// The same staff id is on an earlier line of the file.
    DuplicateInFile {
        staff_id: String,
        first_line: usize,
    },
    /// A person with this staff id is already in the roster.
    AlreadyInRoster {
        staff_id: String,
    },
}

impl RowProblem {
    /// The column (or form field) the problem is about.
    pub fn column(&self) -> Column {
        match self {
            RowProblem::Missing(c) => *c,
            RowProblem::TooLong { column, .. } => *column,
            RowProblem::UnknownClass { .. } => Column::Class,
            RowProblem::BadDate { .. } | RowProblem::DateNeeded => Column::Arrival,
            RowProblem::BadPhone { .. } => Column::Phone,
            RowProblem::DuplicateInFile { .. } | RowProblem::AlreadyInRoster { .. } => {
                Column::StaffId
            }
        }
    }
}

/// One person as typed into the roster's form: each field's text as the user left it, the
/// class as the id the form's list chose.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonForm {
    pub name: String,
    pub staff_id: String,
    pub department: String,
    pub class: String,
    /// `YYYY-MM-DD` from a date field, or a date as people write it.
    pub arrival: String,
    pub phone: String,
}

/// Checks a person typed by hand with the rules of a file's row: the person to add, or
/// every problem (the form shows each next to its field).
pub fn check_form(
    form: &PersonForm,
    rules: &Rules,
    ledger: &Ledger,
) -> Result<Person, Vec<RowProblem>> {
    let mut problems = Vec::new();
    let mut text = |c: Column, value: &str, limit: usize, required: bool| {
        let t = single_line(value);
        if t.is_empty() && required {
            problems.push(RowProblem::Missing(c));
        } else if t.chars().count() > limit {
            problems.push(RowProblem::TooLong { column: c, limit });
        }
        t
    };
    let name = text(Column::Name, &form.name, MAX_SHORT_CHARS, true);
    let staff_id = text(Column::StaffId, &form.staff_id, MAX_ID_CHARS, true);
    let department = text(Column::Department, &form.department, MAX_SHORT_CHARS, false);
    let class = rules
        .get(form.class.trim())
        .or_else(|| rules.find(&form.class));
    if form.class.trim().is_empty() {
        problems.push(RowProblem::Missing(Column::Class));
    } else if class.is_none() {
        problems.push(RowProblem::UnknownClass {
            text: clip(&single_line(&form.class), SHOWN_CHARS),
        });
    }
    let arrival_text = single_line(&form.arrival);
    let arrival = if arrival_text.is_empty() {
        None
    } else {
        let d = Date::parse_loose(&arrival_text);
        if d.is_none() {
            problems.push(RowProblem::BadDate {
                text: clip(&arrival_text, SHOWN_CHARS),
            });
        }
        d
    };
    if arrival_text.is_empty() && class.is_some_and(|c| c.days > 0) {
        problems.push(RowProblem::DateNeeded);
    }
    let phone = single_line(&form.phone);
    if !phone.is_empty() && !is_phone(&phone) {
        problems.push(RowProblem::BadPhone {
            text: clip(&phone, SHOWN_CHARS),
        });
    }
    if !staff_id.is_empty() && ledger.person_by_staff_id(&staff_id).is_some() {
        problems.push(RowProblem::AlreadyInRoster {
            staff_id: clip(&staff_id, SHOWN_CHARS),
        });
    }
    match class {
        Some(class) if problems.is_empty() => Ok(Person {
            name,
            staff_id,
            department,
            class: class.id.clone(),
            arrival,
            phone,
        }),
        _ => Err(problems),
    }
}

/// A rejected row: its line (as the spreadsheet or text editor numbers it) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub line: usize,
    pub problems: Vec<RowProblem>,
}

/// What a file holds, for the page to show before anything is added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub format: Format,
    /// The worksheet read, for a workbook.
    pub sheet: Option<String>,
    pub header_line: usize,
    /// The columns recognised, with their header as written, in file order.
    pub columns: Vec<(Column, String)>,
    /// Headers of the columns ignored, as written.
    pub ignored: Vec<String>,
    /// Optional columns the file does not have.
    pub absent: Vec<Column>,
    /// The people to add, with their lines.
    pub accepted: Vec<(usize, Person)>,
    pub rejected: Vec<Rejected>,
}

/// A cell as read from either format.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(Option<Date>),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_string(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Date(Some(d)) => d.to_string(),
            Cell::Date(None) => String::new(),
        }
    }

    fn is_blank(&self) -> bool {
        match self {
            Cell::Empty | Cell::Date(None) => true,
            Cell::Text(t) => t.trim().is_empty(),
            Cell::Number(_) | Cell::Date(Some(_)) => false,
        }
    }
}

/// Rows of cells with their line numbers.
type Grid = Vec<(usize, Vec<Cell>)>;

/// Reads a roster file and checks every row against `rules` and the people already in
/// `ledger`. Changes nothing.
pub fn preview(bytes: &[u8], rules: &Rules, ledger: &Ledger) -> Result<Preview, FileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FileError::Empty);
    }
    let (format, sheet, grid) = if bytes.starts_with(b"PK\x03\x04") {
        let (sheet, grid) = read_xlsx(bytes)?;
        (Format::Xlsx, Some(sheet), grid)
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(FileError::OldExcel);
    } else {
        (Format::Csv, None, read_csv(bytes)?)
    };
    check(format, sheet, &grid, rules, ledger)
}

/// Adds the accepted people of `preview` to `ledger` and returns their entries, to be
/// stored. A staff id that reached the roster since the preview (from another tab) is
/// skipped and returned with its line.
pub fn confirm(
    preview: &Preview,
    ledger: &mut Ledger,
    stamper: &mut Stamper,
    now_ms: u64,
) -> (Vec<Entry<Person>>, Vec<(usize, String)>) {
    let mut added = Vec::new();
    let mut skipped = Vec::new();
    for (line, person) in &preview.accepted {
        if ledger.person_by_staff_id(&person.staff_id).is_some() {
            skipped.push((*line, person.staff_id.clone()));
            continue;
        }
        let entry = Entry::new(stamper.next(now_ms), person.clone());
        ledger.people.put(entry.clone());
        added.push(entry);
    }
    (added, skipped)
}

fn read_csv(bytes: &[u8]) -> Result<Grid, FileError> {
    let text = decode_text(bytes);
    let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = [b',', b'\t', b';']
        .into_iter()
        .max_by_key(|d| first_line.bytes().filter(|b| b == d).count())
        .filter(|d| first_line.as_bytes().contains(d))
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut grid = Grid::new();
    // Lines counted from byte offsets, since the reader skips blank lines in its own count.
    let mut counted = (0usize, 1usize);
    let mut line_at = |byte: usize| {
        let (from, line) = counted;
        let bytes = text.as_bytes();
        let mut byte = byte.min(text.len()).max(from);
        // A record's position is where the reader started, before the blank lines it skipped.
        while byte < bytes.len() && matches!(bytes[byte], b'\r' | b'\n') {
            byte += 1;
        }
        let more = bytes[from..byte].iter().filter(|b| **b == b'\n').count();
        counted = (byte, line + more);
        counted.1
    };
    for record in reader.records() {
        let record = record.map_err(|e| FileError::BadCsv {
            line: e.position().map_or(0, |p| line_at(p.byte() as usize)) as u64,
            message: e.to_string(),
        })?;
        if grid.len() > MAX_ROWS + HEADER_ROWS {
            return Err(FileError::TooManyRows { limit: MAX_ROWS });
        }
        let line = record.position().map_or(0, |p| line_at(p.byte() as usize));
        let cells = record
            .iter()
            .take(MAX_COLUMNS as usize)
            .map(|t| Cell::Text(t.to_string()))
            .collect();
        grid.push((line, cells));
    }
    Ok(grid)
}

/// Text from a CSV file's bytes: UTF-8 (with or without a byte order mark), UTF-16 with a
/// byte order mark, or else GB 18030, which Chinese spreadsheets save CSV in.
fn decode_text(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return text.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => {
            let (text, _) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            text.into_owned()
        }
    }
}

/// Unpacks every part of the workbook into nothing, counting, so that a part which unpacks
/// to far more than it declares cannot get past the limit.
fn check_unpacked_size(bytes: &[u8]) -> Result<(), FileError> {
    let bad = |e: &dyn std::fmt::Display| FileError::BadWorkbook {
        message: e.to_string(),
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| bad(&e))?;
    if zip.len() > MAX_PARTS {
        return Err(FileError::UnpacksTooLarge {
            limit: MAX_UNPACKED_BYTES,
        });
    }
    let mut total: u64 = 0;
    let mut buf = vec![0u8; 64 * 1024];
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| bad(&e))?;
        loop {
            let n = part.read(&mut buf).map_err(|e| bad(&e))?;
            if n == 0 {
                break;
            }
            total += n as u64;
            if total > MAX_UNPACKED_BYTES {
                return Err(FileError::UnpacksTooLarge {
                    limit: MAX_UNPACKED_BYTES,
                });
            }
        }
    }
    Ok(())
}

fn read_xlsx(bytes: &[u8]) -> Result<(String, Grid), FileError> {
    check_unpacked_size(bytes)?;
    let bad = |e: calamine::XlsxError| FileError::BadWorkbook {
        message: e.to_string(),
    };
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(bad)?;
    let names = workbook.sheet_names();
    if names.is_empty() {
        return Err(FileError::NoSheet);
    }
    // The first sheet with a header, else the first sheet (whose header problem is reported).
    let mut first = None;
    for name in &names {
        let grid = read_sheet(&mut workbook, name)?;
        if find_header(&grid).is_ok() {
            return Ok((name.clone(), grid));
        }
        first.get_or_insert((name.clone(), grid));
    }
    first.ok_or(FileError::NoSheet)
}

fn read_sheet<R: Read + std::io::Seek>(
    workbook: &mut Xlsx<R>,
    name: &str,
) -> Result<Grid, FileError> {
    let bad = |e: calamine::XlsxError| FileError::BadWorkbook {
        message: e.to_string(),
    };
    let mut reader = workbook.worksheet_cells_reader(name).map_err(bad)?;
    // Sparse by row, so a cell far away cannot make a huge dense grid.
    let mut rows: BTreeMap<u32, Vec<(u32, Cell)>> = BTreeMap::new();
    while let Some(cell) = reader.next_cell().map_err(bad)? {
        let (row, col) = cell.get_position();
        if col >= MAX_COLUMNS {
            continue;
        }
        let value = match cell.get_value() {
            DataRef::Empty | DataRef::Error(_) => continue,
            DataRef::Int(n) => Cell::Number(*n as f64),
            DataRef::Float(f) => Cell::Number(*f),
            DataRef::Bool(b) => Cell::Text(b.to_string()),
            DataRef::String(s) => Cell::Text(s.clone()),
            DataRef::SharedString(s) => Cell::Text((*s).to_string()),
            DataRef::DateTime(dt) => {
                let (y, m, d, ..) = dt.to_ymd_hms_milli();
                Cell::Date(Date::from_ymd(i32::from(y), u32::from(m), u32::from(d)))
            }
            DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
                Cell::Date(s.get(..10).and_then(|d| d.parse().ok()))
            }
        };
        if !rows.contains_key(&row) && rows.len() > MAX_ROWS + HEADER_ROWS {
            return Err(FileError::TooManyRows { limit: MAX_ROWS });
        }
        rows.entry(row).or_default().push((col, value));
    }
    Ok(rows
        .into_iter()
        .map(|(row, cells)| {
            let width = cells.iter().map(|(c, _)| *c + 1).max().unwrap_or(0) as usize;
            let mut line = vec![Cell::Empty; width];
            for (col, value) in cells {
                line[col as usize] = value;
            }
            (row as usize + 1, line)
        })
        .collect())
}

/// The header: its index in the grid and the column each cell names. Errors with the
/// required columns missing from the best candidate.
fn find_header(grid: &Grid) -> Result<(usize, Vec<Option<Column>>), FileError> {
    let mut best: Option<Vec<Column>> = None;
    for (i, (_, cells)) in grid.iter().enumerate().take(HEADER_ROWS) {
        let columns: Vec<Option<Column>> =
            cells.iter().map(|c| Column::of_header(&c.text())).collect();
        let missing: Vec<Column> = Column::REQUIRED
            .into_iter()
            .filter(|r| !columns.contains(&Some(*r)))
            .collect();
        if missing.is_empty() {
            return Ok((i, columns));
        }
        if best.as_ref().is_none_or(|b| missing.len() < b.len()) {
            best = Some(missing);
        }
    }
    Err(FileError::NoHeader {
        missing: best.unwrap_or_else(|| Column::REQUIRED.to_vec()),
    })
}

fn check(
    format: Format,
    sheet: Option<String>,
    grid: &Grid,
    rules: &Rules,
    ledger: &Ledger,
) -> Result<Preview, FileError> {
    let (header_index, mut columns) = find_header(grid)?;
    let (header_line, header_cells) = &grid[header_index];
    let mut recognised = Vec::new();
    let mut ignored = Vec::new();
    // A column named twice: the first is read, the others are ignored.
    for (i, column) in columns.iter_mut().enumerate() {
        let header = header_cells[i].text();
        match column {
            Some(c) if recognised.iter().all(|(r, _)| r != c) => {
                recognised.push((*c, header));
            }
            _ => {
                *column = None;
                if !header.is_empty() {
                    ignored.push(header);
                }
            }
        }
    }
    let absent = Column::ALL
        .into_iter()
        .filter(|c| recognised.iter().all(|(r, _)| r != c))
        .collect();
    let existing: HashMap<String, ()> = ledger
        .people
        .live()
        .map(|(_, p)| (fold(&p.staff_id), ()))
        .collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut accepted = Vec::new();
    let mut rejected = Vec::new();
    for (line, cells) in &grid[header_index + 1..] {
        if cells.iter().all(Cell::is_blank) {
            continue;
        }
        let cell = |c: Column| {
            columns
                .iter()
                .position(|x| *x == Some(c))
                .and_then(|i| cells.get(i))
                .unwrap_or(&Cell::Empty)
        };
        let mut problems = Vec::new();
        let mut text = |c: Column, limit: usize, required: bool| {
            let t = single_line(&cell(c).text());
            if t.is_empty() && required {
                problems.push(RowProblem::Missing(c));
            } else if t.chars().count() > limit {
                problems.push(RowProblem::TooLong { column: c, limit });
            }
            t
        };
        let name = text(Column::Name, MAX_SHORT_CHARS, true);
        let staff_id = text(Column::StaffId, MAX_ID_CHARS, true);
        let department = text(Column::Department, MAX_SHORT_CHARS, false);
        let class_text = text(Column::Class, MAX_SHORT_CHARS, true);
        let class = if class_text.is_empty() {
            None
        } else {
            let found = rules.find(&class_text);
            if found.is_none() {
                problems.push(RowProblem::UnknownClass {
                    text: clip(&class_text, SHOWN_CHARS),
                });
            }
            found
        };
        let arrival = match cell(Column::Arrival) {
            Cell::Date(Some(d)) => Some(*d),
            Cell::Number(n) if (20_000.0..80_000.0).contains(n) => {
                let d = Date::from_excel_serial(*n);
                if d.is_none() {
                    problems.push(RowProblem::BadDate {
                        text: n.to_string(),
                    });
                }
                d
            }
            other if other.is_blank() => None,
            other => {
                let t = other.text();
                let d = Date::parse_loose(&t);
                if d.is_none() {
                    problems.push(RowProblem::BadDate {
                        text: clip(&t, SHOWN_CHARS),
                    });
                }
                d
            }
        };
        if arrival.is_none()
            && cell(Column::Arrival).is_blank()
            && class.is_some_and(|c| c.days > 0)
        {
            problems.push(RowProblem::DateNeeded);
        }
        let phone = single_line(&cell(Column::Phone).text());
        if !phone.is_empty() && !is_phone(&phone) {
            problems.push(RowProblem::BadPhone {
                text: clip(&phone, SHOWN_CHARS),
            });
        }
        if !staff_id.is_empty() {
            let key = fold(&staff_id);
            if let Some(first_line) = seen.get(&key) {
                problems.push(RowProblem::DuplicateInFile {
                    staff_id: clip(&staff_id, SHOWN_CHARS),
                    first_line: *first_line,
                });
            } else {
                seen.insert(key.clone(), *line);
                if existing.contains_key(&key) {
                    problems.push(RowProblem::AlreadyInRoster {
                        staff_id: clip(&staff_id, SHOWN_CHARS),
                    });
                }
            }
        }
        match class {
            Some(class) if problems.is_empty() => accepted.push((
                *line,
                Person {
                    name,
                    staff_id,
                    department,
                    class: class.id.clone(),
                    arrival,
                    phone,
                },
            )),
            _ => rejected.push(Rejected {
                line: *line,
                problems,
            }),
        }
    }
    Ok(Preview {
        format,
        sheet,
        header_line: *header_line,
        columns: recognised,
        ignored,
        absent,
        accepted,
        rejected,
    })
}

/// The text with line breaks and other control characters made spaces, trimmed.
fn single_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Digits with the usual separators and an optional leading `+`, 5 to 20 digits.
fn is_phone(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let body = text.strip_prefix('+').unwrap_or(text);
    (5..=20).contains(&digits)
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')'))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::ledger::class::tests::sample_rules;
    use crate::ledger::view::tests::{day, Fixture};

    fn csv(text: &str) -> Result<Preview, FileError> {
        preview(text.as_bytes(), &sample_rules(), &Ledger::default())
    }

    #[test]
    fn a_person_typed_by_hand_is_checked_like_a_row() {
        let rules = sample_rules();
        let mut f = Fixture::new();
        f.person("E1", "张三", "stayed_xiamen", None);
        let form = PersonForm {
            name: " 李四 ".into(),
            staff_id: "E2".into(),
            department: "生产部".into(),
            class: "hubei".into(),
            arrival: "2020-02-03".into(),
            phone: "138 0000 0000".into(),
        };
        let person = check_form(&form, &rules, &f.ledger).unwrap();
        assert_eq!(person.name, "李四");
        assert_eq!(person.class, "hubei");
        assert_eq!(person.arrival, Some(day("2020-02-03")));
        let problems = check_form(
            &PersonForm {
                name: "".into(),
                staff_id: "e1".into(),
                arrival: "".into(),
                phone: "abc".into(),
                ..form.clone()
            },
            &rules,
            &f.ledger,
        )
        .unwrap_err();
        assert_eq!(
            problems.iter().map(RowProblem::column).collect::<Vec<_>>(),
            [
                Column::Name,
                Column::Arrival,
                Column::Phone,
                Column::StaffId
            ]
        );
        assert!(problems.contains(&RowProblem::DateNeeded));
        let none = check_form(&PersonForm::default(), &rules, &f.ledger).unwrap_err();
        assert!(none.contains(&RowProblem::Missing(Column::Class)));
        let bad = PersonForm {
            class: "外星人".into(),
            arrival: "not a date".into(),
            ..form
        };
        let problems = check_form(&bad, &rules, &f.ledger).unwrap_err();
        assert!(matches!(problems[0], RowProblem::UnknownClass { .. }));
        assert!(matches!(problems[1], RowProblem::BadDate { .. }));
    }

    #[test]
    fn headers_are_recognised_in_three_languages() {
        for (header, column) in [
            ("姓名", Column::Name),
            ("Name", Column::Name),
            ("工号", Column::StaffId),
            ("工號", Column::StaffId),
            ("ID", Column::StaffId),
            ("Staff ID", Column::StaffId),
            ("部门", Column::Department),
            ("部門", Column::Department),
            ("Department", Column::Department),
            ("类别", Column::Class),
            ("類別", Column::Class),
            ("Class", Column::Class),
            ("抵厦日期", Column::Arrival),
            ("抵廈日期", Column::Arrival),
            ("Arrival date", Column::Arrival),
            ("ARRIVAL_DATE", Column::Arrival),
            ("抵厦日期（年-月-日）", Column::Arrival),
            ("电话", Column::Phone),
            ("電話", Column::Phone),
            ("Phone", Column::Phone),
            ("*姓名：", Column::Name),
            ("\u{feff}姓名", Column::Name),
            ("Ｎａｍｅ", Column::Name),
        ] {
            assert_eq!(Column::of_header(header), Some(column), "{header:?}");
        }
        for other in ["备注", "Notes", "", "name2"] {
            assert_eq!(Column::of_header(other), None, "{other:?}");
        }
    }

    #[test]
    fn reads_any_column_order_and_lists_unknown_columns() {
        let p = csv("Phone,备注,Class,Name,ID,Arrival date\n\
             13800138000,夜班,stayed_xiamen,Emma Lee,E2,\n\
             ,,湖北來廈,王五,E3,2020/2/1\n")
        .unwrap();
        assert_eq!(p.format, Format::Csv);
        assert_eq!(p.header_line, 1);
        assert_eq!(
            p.columns.iter().map(|(c, _)| *c).collect::<Vec<_>>(),
            [
                Column::Phone,
                Column::Class,
                Column::Name,
                Column::StaffId,
                Column::Arrival
            ]
        );
        assert_eq!(p.ignored, ["备注"]);
        assert_eq!(p.absent, [Column::Department]);
        assert!(p.rejected.is_empty(), "{:?}", p.rejected);
        assert_eq!(p.accepted.len(), 2);
        let (line, emma) = &p.accepted[0];
        assert_eq!(*line, 2);
        assert_eq!(
            (
                emma.name.as_str(),
                emma.staff_id.as_str(),
                emma.phone.as_str()
            ),
            ("Emma Lee", "E2", "13800138000")
        );
        assert_eq!(p.accepted[1].1.class, "hubei");
        assert_eq!(p.accepted[1].1.arrival, Some(day("2020-02-01")));
    }

    #[test]
    fn every_rejected_row_has_its_line_and_reasons() {
        let p = csv("公司员工花名册\n\
             \n\
             姓名,工号,部门,类别,抵厦日期,电话\n\
             张三,E1,生产部,留厦人员,,138-0013-8000\n\
             ,E2,生产部,留厦人员,,\n\
             李四,E1,生产部,外星人,,\n\
             王五,E5,生产部,湖北来厦,,\n\
             赵六,E6,生产部,湖北来厦,2020-02-30,12ab\n\
             \n\
             钱七,E7,\"生产部\n二车间\",key_area,2020年2月3日,\n")
        .unwrap();
        assert_eq!(p.header_line, 3);
        assert_eq!(
            p.accepted
                .iter()
                .map(|(l, p)| (*l, p.staff_id.as_str()))
                .collect::<Vec<_>>(),
            [(4, "E1"), (10, "E7")]
        );
        assert_eq!(p.accepted[1].1.department, "生产部 二车间");
        let rejected: Vec<(usize, Vec<RowProblem>)> = p
            .rejected
            .into_iter()
            .map(|r| (r.line, r.problems))
            .collect();
        assert_eq!(
            rejected,
            [
                (5, vec![RowProblem::Missing(Column::Name)]),
                (
                    6,
                    vec![
                        RowProblem::UnknownClass {
                            text: "外星人".into()
                        },
                        RowProblem::DuplicateInFile {
                            staff_id: "E1".into(),
                            first_line: 4
                        }
                    ]
                ),
                (7, vec![RowProblem::DateNeeded]),
                (
                    8,
                    vec![
                        RowProblem::BadDate {
                            text: "2020-02-30".into()
                        },
                        RowProblem::BadPhone {
                            text: "12ab".into()
                        }
                    ]
                ),
            ]
        );
    }

    #[test]
    fn a_file_without_the_required_columns_is_refused() {
        assert_eq!(
            csv("姓名,部门\n张三,生产部\n"),
            Err(FileError::NoHeader {
                missing: vec![Column::StaffId, Column::Class]
            })
        );
        assert_eq!(csv("  \n"), Err(FileError::Empty));
        assert_eq!(
            preview(
                &[0xD0, 0xCF, 0x11, 0xE0, 0, 0],
                &sample_rules(),
                &Ledger::default()
            ),
            Err(FileError::OldExcel)
        );
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        assert!(matches!(
            preview(&big, &sample_rules(), &Ledger::default()),
            Err(FileError::TooLarge { .. })
        ));
        let mut many = String::from("姓名,工号,类别\n");
        for i in 0..=MAX_ROWS + HEADER_ROWS {
            many.push_str(&format!("张{i},E{i},留厦人员\n"));
        }
        assert_eq!(csv(&many), Err(FileError::TooManyRows { limit: MAX_ROWS }));
    }

    #[test]
    fn people_already_in_the_roster_are_not_added_twice() {
        let rules = sample_rules();
        let mut f = Fixture::new();
        f.person("E1", "张三", "stayed_xiamen", None);
        let p = preview(
            "姓名,工号,类别\n张三,e1,留厦人员\n李四,E2,留厦人员\n".as_bytes(),
            &rules,
            &f.ledger,
        )
        .unwrap();
        assert_eq!(
            p.rejected[0].problems,
            [RowProblem::AlreadyInRoster {
                staff_id: "e1".into()
            }]
        );
        assert_eq!(f.ledger.people.len(), 1, "the preview adds nothing");
        // Another tab adds E2 between the preview and the confirmation.
        f.person("E2", "李四", "stayed_xiamen", None);
        let mut stamper = Stamper::new(5);
        let (added, skipped) = confirm(&p, &mut f.ledger, &mut stamper, 10_000);
        assert!(added.is_empty());
        assert_eq!(skipped, [(3, "E2".to_string())]);
        assert_eq!(f.ledger.people.len(), 2);
    }

    #[test]
    fn confirm_adds_the_accepted_people() {
        let p = csv("姓名,工号,类别\n张三,E1,留厦人员\n李四,E2,一般接触者\n").unwrap();
        assert_eq!(p.rejected.len(), 1, "a general contact needs a date");
        let mut ledger = Ledger::default();
        let (added, skipped) = confirm(&p, &mut ledger, &mut Stamper::new(1), 5);
        assert_eq!((added.len(), skipped.len()), (1, 0));
        assert_eq!(
            ledger
                .person_by_staff_id("E1")
                .map(|(_, p)| p.name.as_str()),
            Some("张三")
        );
    }

    #[test]
    fn csv_in_other_encodings_and_delimiters() {
        let rules = sample_rules();
        let ledger = Ledger::default();
        let text = "姓名\t工號\t類別\n陳大文\tH1\t留廈人員\n";
        let (gbk, _, _) = encoding_rs::GB18030.encode(text);
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        for bytes in [gbk.into_owned(), utf16, bom] {
            let p = preview(&bytes, &rules, &ledger).unwrap();
            assert_eq!(p.accepted.len(), 1, "{p:?}");
            assert_eq!(p.accepted[0].1.name, "陳大文");
        }
        let p = preview(
            "姓名;工号;类别\n张三;E1;hubei;;\n".as_bytes(),
            &rules,
            &ledger,
        )
        .unwrap();
        assert_eq!(p.rejected[0].problems, [RowProblem::DateNeeded]);
    }

    /// A workbook made with rust_xlsxwriter: a title row, Excel dates, numbers for ids and
    /// phones, and a text date.
    pub fn sample_workbook() -> Vec<u8> {
        use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
        let mut workbook = Workbook::new();
        let notes = workbook.add_worksheet();
        notes.set_name("说明").unwrap();
        notes.write(0, 0, "本表为员工花名册").unwrap();
        let sheet = workbook.add_worksheet();
        sheet.set_name("花名册").unwrap();
        sheet.write(0, 0, "员工花名册（2020年2月）").unwrap();
        for (i, h) in ["工号", "姓名", "部门", "类别", "抵厦日期", "电话", "备注"]
            .iter()
            .enumerate()
        {
            sheet.write(1, i as u16, *h).unwrap();
        }
        let date = Format::new().set_num_format("yyyy-mm-dd");
        sheet.write_number(2, 0, 1001).unwrap();
        sheet.write(2, 1, "张三").unwrap();
        sheet.write(2, 2, "生产部").unwrap();
        sheet.write(2, 3, "outside_fujian").unwrap();
        sheet
            .write_datetime_with_format(2, 4, ExcelDateTime::from_ymd(2020, 2, 3).unwrap(), &date)
            .unwrap();
        sheet.write_number(2, 5, 13800138000.0).unwrap();
        sheet.write(3, 0, "1002").unwrap();
        sheet.write(3, 1, "李四").unwrap();
        sheet.write(3, 3, "General contact").unwrap();
        sheet.write(3, 4, "2020/2/5").unwrap();
        sheet.write_number(4, 0, 1003).unwrap();
        sheet.write(4, 1, "王五").unwrap();
        sheet.write(4, 3, "key_area").unwrap();
        sheet.write_number(4, 4, 43866).unwrap();
        sheet.write(5, 1, "无工号").unwrap();
        sheet.write(5, 3, "留厦人员").unwrap();
        workbook.save_to_buffer().unwrap()
    }

    #[test]
    fn reads_an_xlsx_roster_with_excel_dates() {
        let p = preview(&sample_workbook(), &sample_rules(), &Ledger::default()).unwrap();
        assert_eq!(p.format, Format::Xlsx);
        assert_eq!(p.sheet.as_deref(), Some("花名册"));
        assert_eq!(p.header_line, 2);
        assert_eq!(p.ignored, ["备注"]);
        let got: Vec<(usize, &str, Option<Date>, &str)> = p
            .accepted
            .iter()
            .map(|(l, p)| (*l, p.staff_id.as_str(), p.arrival, p.phone.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (3, "1001", Some(day("2020-02-03")), "13800138000"),
                (4, "1002", Some(day("2020-02-05")), ""),
                (5, "1003", Some(day("2020-02-05")), ""),
            ]
        );
        assert_eq!(p.rejected.len(), 1);
        assert_eq!(p.rejected[0].line, 6);
        assert_eq!(
            p.rejected[0].problems,
            [RowProblem::Missing(Column::StaffId)]
        );
    }

    #[test]
    fn damaged_files_never_panic() {
        // A bounded run here; fuzz/ has a cargo-fuzz target for longer ones.
        let rules = sample_rules();
        let ledger = Ledger::default();
        let mut seed: u64 = 0x5eed_1ed6;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let workbook = sample_workbook();
        let csv = "姓名,工号,类别,抵厦日期\n张三,E1,留厦人员,2020-02-03\n\"李四\",E2,hubei,43866\n"
            .as_bytes();
        for base in [&workbook[..], csv] {
            for _ in 0..300 {
                let mut bytes = base.to_vec();
                for _ in 0..1 + next() % 8 {
                    let i = (next() % bytes.len() as u64) as usize;
                    bytes[i] = next() as u8;
                }
                if next() % 4 == 0 {
                    bytes.truncate((next() % bytes.len() as u64) as usize);
                }
                let _ = preview(&bytes, &rules, &ledger);
            }
        }
    }

    #[test]
    fn broken_and_bomb_workbooks_are_refused() {
        let rules = sample_rules();
        let ledger = Ledger::default();
        let mut cut = sample_workbook();
        cut.truncate(cut.len() / 2);
        assert!(matches!(
            preview(&cut, &rules, &ledger),
            Err(FileError::BadWorkbook { .. })
        ));
        // A zip whose one part unpacks to 40 MB of zeros.
        let mut bomb = Vec::new();
        {
            use std::io::Write;
            let mut zip = zip::ZipWriter::new(Cursor::new(&mut bomb));
            zip.start_file(
                "xl/worksheets/sheet1.xml",
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
            let zeros = vec![0u8; 1024 * 1024];
            for _ in 0..40 {
                zip.write_all(&zeros).unwrap();
            }
            zip.finish().unwrap();
        }
        assert!(bomb.len() < MAX_FILE_BYTES);
        assert_eq!(
            preview(&bomb, &rules, &ledger),
            Err(FileError::UnpacksTooLarge {
                limit: MAX_UNPACKED_BYTES
            })
        );
    }
}
