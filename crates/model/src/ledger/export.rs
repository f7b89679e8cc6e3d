//! The ledger for the inspector: a date range as an .xlsx workbook (with `rust_xlsxwriter`:
//! one sheet per register, headers in the export's language, Chinese for the district, dates
//! as dates) or as CSV, one register per file.
//!
//! Rows are made one at a time from the registers, so an export of 120,000 readings never
//! holds them all as text. `XlsxExport` writes in steps the page can run between frames to
//! show a progress bar; `xlsx` does it all at once.

use std::borrow::Cow;

use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::class::{Observation, ObservationKind, Rules};
use super::date::{Date, Time};
use super::record::{format_tenths, Ledger, Stamp};
use super::view::{DayView, Roster};
use crate::i18n::ledger::{
    action_name, join, observation_name, round_name, symptom_name, visit_kind_name, LedgerMsg,
};
use crate::i18n::{Locale, Message};

/// A register as a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sheet {
    /// The staff files, whatever the range.
    Roster,
    Temperatures,
    Visits,
    Routines,
    /// One row per day of the range: the day view's counts.
    Daily,
}

impl Sheet {
    pub const ALL: [Sheet; 5] = [
        Sheet::Roster,
        Sheet::Temperatures,
        Sheet::Visits,
        Sheet::Routines,
        Sheet::Daily,
    ];

    pub fn title(self) -> LedgerMsg {
        match self {
            Sheet::Roster => LedgerMsg::SheetRoster,
            Sheet::Temperatures => LedgerMsg::SheetTemperatures,
            Sheet::Visits => LedgerMsg::SheetVisits,
            Sheet::Routines => LedgerMsg::SheetRoutines,
            Sheet::Daily => LedgerMsg::SheetDaily,
        }
    }

    pub fn headers(self) -> &'static [LedgerMsg] {
        use LedgerMsg::*;
        match self {
            Sheet::Roster => &[
                ColStaffId,
                ColName,
                ColDepartment,
                ColClass,
                ColArrival,
                ColObservation,
                ColObservationEnd,
                ColBackAtWork,
                ColPhone,
            ],
            Sheet::Temperatures => &[
                ColDate,
                ColRound,
                ColTime,
                ColStaffId,
                ColName,
                ColDepartment,
                ColTemperature,
                ColAbnormal,
                ColSymptoms,
                ColActions,
                ColTakenBy,
                ColNote,
            ],
            Sheet::Visits => &[
                ColDate,
                ColVisitKind,
                ColTimeIn,
                ColTimeOut,
                ColName,
                ColPlate,
                ColPhone,
                ColFrom,
                ColPurpose,
                ColTemperature,
                ColAbnormal,
                ColRecordedBy,
            ],
            Sheet::Routines => &[ColDate, ColTime, ColRoutine, ColArea, ColDoneBy, ColNote],
            Sheet::Daily => &[
                ColDate,
                ColStaff,
                ColOnSite,
                ColReturned,
                ColInObservation,
                ColReadingsRequired,
                ColReadingsTaken,
                ColAbnormalReadings,
                ColVisits,
                ColRoutinesDone,
            ],
        }
    }
}

/// One cell of an exported row. Text borrows from the ledger where it can, because an
/// export of 120,000 readings makes over a million cells.
#[derive(Debug, Clone, PartialEq)]
pub enum Out<'a> {
    Empty,
    Text(Cow<'a, str>),
    Count(usize),
    /// Tenths of a degree, shown as 36.5.
    Tenths(u16),
    Date(Date),
    Time(Time),
}

impl<'a> Out<'a> {
    fn text(t: &'a str) -> Out<'a> {
        if t.is_empty() {
            Out::Empty
        } else {
            Out::Text(Cow::Borrowed(t))
        }
    }

    fn owned(t: String) -> Out<'a> {
        if t.is_empty() {
            Out::Empty
        } else {
            Out::Text(Cow::Owned(t))
        }
    }

    /// The cell as CSV text: dates `YYYY-MM-DD`, times `HH:MM`.
    pub fn to_text(&self) -> String {
        match self {
            Out::Empty => String::new(),
            Out::Text(t) => t.to_string(),
            Out::Count(n) => n.to_string(),
            Out::Tenths(t) => format_tenths(*t),
            Out::Date(d) => d.to_string(),
            Out::Time(t) => t.to_string(),
        }
    }
}

/// What to export: the ledger, the guide's rules and routine names, and a range of days.
#[derive(Debug, Clone, Copy)]
pub struct Export<'a> {
    pub ledger: &'a Ledger,
    pub rules: &'a Rules,
    /// The guide's daily routine items as (id, name in the export's language), in order.
    pub routines: &'a [(&'a str, &'a str)],
    pub from: Date,
    pub to: Date,
    /// The language of headers and values; the district's inspectors read Simplified Chinese.
    pub locale: Locale,
}

impl<'a> Export<'a> {
    /// The keys of the rows of `sheet`, in order: people by staff id, records by day and time.
    fn keys(&self, sheet: Sheet, roster: &Roster) -> Vec<Stamp> {
        let (from, to) = (self.from, self.to);
        match sheet {
            Sheet::Roster => roster.people().iter().map(|(k, _)| *k).collect(),
            Sheet::Temperatures => {
                let mut rows: Vec<_> = self.ledger.readings.between(from, to).collect();
                rows.sort_by_key(|(k, r)| (r.day, r.time, *k));
                rows.into_iter().map(|(k, _)| k).collect()
            }
            Sheet::Visits => {
                let mut rows: Vec<_> = self.ledger.visits.between(from, to).collect();
                rows.sort_by_key(|(k, v)| (v.day, v.time, *k));
                rows.into_iter().map(|(k, _)| k).collect()
            }
            Sheet::Routines => {
                let mut rows: Vec<_> = self.ledger.routines.between(from, to).collect();
                rows.sort_by_key(|(k, r)| (r.day, r.time, *k));
                rows.into_iter().map(|(k, _)| k).collect()
            }
            // Daily rows are numbered by day; the stamp carries the day's number.
            Sheet::Daily => (0..=to.days_since(from).max(-1))
                .map(|i| Stamp {
                    at: i as u64,
                    writer: 0,
                    seq: 0,
                })
                .collect(),
        }
    }

    fn yes_no(&self, yes: bool) -> Out<'a> {
        Out::text(if yes { LedgerMsg::Yes } else { LedgerMsg::No }.text(self.locale))
    }

    /// The row of `key` in `sheet`.
    fn row(&self, sheet: Sheet, key: Stamp, roster: &Roster) -> Vec<Out<'a>> {
        let l = self.locale;
        let ledger = self.ledger;
        match sheet {
            Sheet::Roster => {
                let Some(p) = ledger.people.get(&key) else {
                    return Vec::new();
                };
                let observation = roster
                    .observation(&key)
                    .copied()
                    .unwrap_or(Observation::UnknownClass);
                let class = self
                    .rules
                    .get(&p.class)
                    .map_or(p.class.as_str(), |c| c.name.get(l.tag(), "zh-Hans"));
                let kind = match observation {
                    Observation::Period { kind, .. } | Observation::DateMissing { kind, .. } => {
                        Some(kind)
                    }
                    Observation::None { .. } => Some(ObservationKind::None),
                    Observation::UnknownClass => None,
                };
                vec![
                    Out::text(&p.staff_id),
                    Out::text(&p.name),
                    Out::text(&p.department),
                    Out::text(class),
                    p.arrival.map_or(Out::Empty, Out::Date),
                    kind.map_or(Out::Empty, |k| Out::text(observation_name(k).text(l))),
                    observation.end().map_or(Out::Empty, Out::Date),
                    observation.back_at_work().map_or(Out::Empty, Out::Date),
                    Out::text(&p.phone),
                ]
            }
            Sheet::Temperatures => {
                let Some(r) = ledger.readings.get(&key) else {
                    return Vec::new();
                };
                let person = ledger.people.get(&r.person);
                let symptoms: Vec<&str> =
                    r.symptoms.iter().map(|s| symptom_name(s).text(l)).collect();
                let actions: Vec<&str> = r.actions.iter().map(|a| action_name(a).text(l)).collect();
                vec![
                    Out::Date(r.day),
                    Out::text(round_name(r.round).text(l)),
                    Out::Time(r.time),
                    person.map_or(Out::Empty, |p| Out::text(&p.staff_id)),
                    person.map_or(Out::Empty, |p| Out::text(&p.name)),
                    person.map_or(Out::Empty, |p| Out::text(&p.department)),
                    Out::Tenths(r.tenths),
                    self.yes_no(r.is_abnormal()),
                    Out::owned(join(&symptoms, l)),
                    Out::owned(join(&actions, l)),
                    Out::text(&r.by),
                    Out::text(&r.note),
                ]
            }
            Sheet::Visits => {
                let Some(v) = ledger.visits.get(&key) else {
                    return Vec::new();
                };
                vec![
                    Out::Date(v.day),
                    Out::text(visit_kind_name(v.kind).text(l)),
                    Out::Time(v.time),
                    v.left.map_or(Out::Empty, Out::Time),
                    Out::text(&v.name),
                    Out::text(&v.plate),
                    Out::text(&v.phone),
                    Out::text(&v.from),
                    Out::text(&v.purpose),
                    v.tenths.map_or(Out::Empty, Out::Tenths),
                    v.tenths
                        .map_or(Out::Empty, |_| self.yes_no(v.is_abnormal())),
                    Out::text(&v.by),
                ]
            }
            Sheet::Routines => {
                let Some(r) = ledger.routines.get(&key) else {
                    return Vec::new();
                };
                let name = self
                    .routines
                    .iter()
                    .find(|(id, _)| *id == r.routine)
                    .map_or(r.routine.as_str(), |(_, name)| name);
                vec![
                    Out::Date(r.day),
                    Out::Time(r.time),
                    Out::text(name),
                    Out::text(&r.area),
                    Out::text(&r.by),
                    Out::text(&r.note),
                ]
            }
            Sheet::Daily => {
                let date = self.from.add_days(key.at as i32);
                let ids: Vec<&str> = self.routines.iter().map(|(id, _)| *id).collect();
                let view = DayView::new(ledger, self.rules, roster, date, &ids);
                let (taken, required) = view.readings_done();
                let (done, _) = view.routines_done(ids.len());
                vec![
                    Out::Date(date),
                    Out::Count(roster.len()),
                    Out::Count(view.on_site.len()),
                    Out::Count(view.returned.len()),
                    Out::Count(view.observing.len()),
                    Out::Count(required),
                    Out::Count(taken),
                    Out::Count(view.abnormal.len()),
                    Out::Count(view.visits.len()),
                    Out::Count(done),
                ]
            }
        }
    }

    /// Every row of `sheet`, headers first, as text.
    pub fn rows(&self, sheet: Sheet) -> Vec<Vec<String>> {
        let roster = Roster::new(self.ledger, self.rules);
        let mut out = vec![sheet
            .headers()
            .iter()
            .map(|h| h.text(self.locale).to_string())
            .collect()];
        for key in self.keys(sheet, &roster) {
            out.push(
                self.row(sheet, key, &roster)
                    .iter()
                    .map(Out::to_text)
                    .collect(),
            );
        }
        out
    }

    /// One register as CSV: UTF-8 with a byte order mark (so Excel reads the Chinese),
    /// headers first, dates as `YYYY-MM-DD`.
    pub fn csv(&self, sheet: Sheet) -> Vec<u8> {
        let roster = Roster::new(self.ledger, self.rules);
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(b"\xEF\xBB\xBF".to_vec());
        let headers: Vec<&str> = sheet
            .headers()
            .iter()
            .map(|h| h.text(self.locale))
            .collect();
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(&headers);
        for key in self.keys(sheet, &roster) {
            let row: Vec<String> = self
                .row(sheet, key, &roster)
                .iter()
                .map(Out::to_text)
                .collect();
            let _ = writer.write_record(&row);
        }
        writer.into_inner().unwrap_or_default()
    }
}

/// Why a workbook could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportError {
    pub message: String,
}

impl From<XlsxError> for ExportError {
    fn from(e: XlsxError) -> ExportError {
        ExportError {
            message: e.to_string(),
        }
    }
}

/// The workbook's zip compression: level 1 rather than the default 6, because packing is
/// most of an export's time and the registers' repetitive XML still packs well.
const ZIP_LEVEL: u8 = 3;

/// A workbook being written, in steps.
pub struct XlsxExport<'a> {
    export: Export<'a>,
    roster: Roster,
    workbook: Workbook,
    sheets: Vec<(Sheet, Vec<Stamp>)>,
    /// The sheet and the row of it next to write.
    at: (usize, usize),
    done: usize,
    total: usize,
    formats: Formats,
}

struct Formats {
    header: Format,
    date: Format,
    time: Format,
    tenths: Format,
}

impl<'a> XlsxExport<'a> {
    pub fn new(export: Export<'a>) -> Result<XlsxExport<'a>, ExportError> {
        let roster = Roster::new(export.ledger, export.rules);
        let sheets: Vec<(Sheet, Vec<Stamp>)> = Sheet::ALL
            .into_iter()
            .map(|s| (s, export.keys(s, &roster)))
            .collect();
        let total = sheets.iter().map(|(_, k)| k.len()).sum();
        let formats = Formats {
            header: Format::new().set_bold().set_align(FormatAlign::Center),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            time: Format::new().set_num_format("hh:mm"),
            tenths: Format::new().set_num_format("0.0"),
        };
        let mut workbook = Workbook::new();
        for (sheet, _) in &sheets {
            let ws = workbook.add_worksheet();
            ws.set_name(sheet.title().text(export.locale))?;
            for (col, header) in sheet.headers().iter().enumerate() {
                let text = header.text(export.locale);
                ws.write_string_with_format(0, col as u16, text, &formats.header)?;
                let width = text
                    .chars()
                    .map(|c| if c.is_ascii() { 1.0 } else { 2.0 })
                    .sum::<f64>();
                ws.set_column_width(col as u16, width.clamp(8.0, 40.0) + 2.0)?;
            }
            ws.set_freeze_panes(1, 0)?;
        }
        Ok(XlsxExport {
            export,
            roster,
            workbook,
            sheets,
            at: (0, 0),
            done: 0,
            total,
            formats,
        })
    }

    /// Rows written and rows in all, for a progress bar.
    pub fn progress(&self) -> (usize, usize) {
        (self.done, self.total)
    }

    /// Writes up to `rows` more rows; returns true once every row is written.
    pub fn step(&mut self, rows: usize) -> Result<bool, ExportError> {
        let mut left = rows;
        loop {
            while self
                .sheets
                .get(self.at.0)
                .is_some_and(|(_, keys)| self.at.1 >= keys.len())
            {
                self.at = (self.at.0 + 1, 0);
            }
            let Some((sheet, keys)) = self.sheets.get(self.at.0) else {
                return Ok(true);
            };
            if left == 0 {
                return Ok(false);
            }
            let cells = self.export.row(*sheet, keys[self.at.1], &self.roster);
            let ws = self.workbook.worksheet_from_index(self.at.0)?;
            write_row(ws, self.at.1 as u32 + 1, &cells, &self.formats)?;
            self.at.1 += 1;
            self.done += 1;
            left -= 1;
        }
    }

    /// Writes what is left and packs the workbook.
    pub fn finish(mut self) -> Result<Vec<u8>, ExportError> {
        while !self.step(usize::MAX)? {}
        let props = rust_xlsxwriter::DocProperties::new()
            .set_title(LedgerMsg::ExportLedger.text(self.export.locale));
        self.workbook.set_properties(&props);
        self.workbook.set_zip_compression_level(ZIP_LEVEL);
        Ok(self.workbook.save_to_buffer()?)
    }
}

fn write_row(ws: &mut Worksheet, row: u32, cells: &[Out], f: &Formats) -> Result<(), XlsxError> {
    for (col, cell) in cells.iter().enumerate() {
        let col = col as u16;
        match cell {
            Out::Empty => {}
            Out::Text(t) => {
                ws.write_string(row, col, t.as_ref())?;
            }
            Out::Count(n) => {
                ws.write_number(row, col, *n as f64)?;
            }
            Out::Tenths(t) => {
                ws.write_number_with_format(row, col, f64::from(*t) / 10.0, &f.tenths)?;
            }
            Out::Date(d) => {
                ws.write_number_with_format(row, col, d.excel_serial(), &f.date)?;
            }
            Out::Time(t) => {
                ws.write_number_with_format(row, col, f64::from(t.minutes()) / 1440.0, &f.time)?;
            }
        }
    }
    Ok(())
}

/// The whole workbook at once.
pub fn xlsx(export: Export<'_>) -> Result<Vec<u8>, ExportError> {
    XlsxExport::new(export)?.finish()
}

/// A file name for an export of `from` to `to`: `jimei-ledger-2020-02-01-2020-02-29.xlsx`.
pub fn file_name(from: Date, to: Date, extension: &str) -> String {
    if from == to {
        format!("jimei-ledger-{from}.{extension}")
    } else {
        format!("jimei-ledger-{from}-{to}.{extension}")
    }
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use calamine::{Data, Reader, Xlsx};

    use super::*;
    use crate::ledger::class::tests::sample_rules;
    use crate::ledger::record::{Action, Actions, Entry, Round, RoutineDone, Visit, VisitKind};
    use crate::ledger::view::tests::{day, Fixture};

    const ROUTINES: &[(&str, &str)] = &[
        ("daily-disinfection", "按时消毒"),
        ("daily-ventilation", "通风换气"),
    ];

    fn fixture() -> Fixture {
        let mut f = Fixture::new();
        let a = f.person("E1", "张三", "outside_fujian", Some("2020-02-05"));
        let b = f.person("E2", "李四", "stayed_xiamen", None);
        f.reading(a, "2020-02-09", Round::Morning, 365);
        f.reading(a, "2020-02-10", Round::Morning, 366);
        let hot = f.reading(a, "2020-02-10", Round::Evening, 381);
        let entry = f.ledger.readings.entry(&hot).unwrap().clone();
        let mut r = entry.value.clone().unwrap();
        r.actions = Actions::of(&[Action::Isolated, Action::ReportedCdc]);
        let at = f.stamper.next(1_000_000);
        f.ledger.readings.put(entry.edited(at, Some(r)));
        f.reading(b, "2020-02-10", Round::Morning, 364);
        f.reading(b, "2020-02-11", Round::Morning, 364);
        f.routine("daily-disinfection", "2020-02-10");
        let key = f.stamper.next(1_000_001);
        f.ledger.visits.put(Entry::new(
            key,
            Visit {
                kind: VisitKind::Vehicle,
                day: day("2020-02-10"),
                time: Time::from_hm(10, 30).unwrap(),
                name: "王师傅".into(),
                plate: "闽D12345".into(),
                from: "泉州".into(),
                tenths: Some(363),
                ..Visit::default()
            },
        ));
        let key = f.stamper.next(1_000_002);
        f.ledger.routines.put(Entry::new(
            key,
            RoutineDone {
                routine: "canteen-check".into(),
                area: "食堂".into(),
                day: day("2020-02-10"),
                time: Time::from_hm(11, 0).unwrap(),
                by: "李四".into(),
                note: String::new(),
            },
        ));
        f
    }

    fn export<'a>(f: &'a Fixture, rules: &'a Rules) -> Export<'a> {
        Export {
            ledger: &f.ledger,
            rules,
            routines: ROUTINES,
            from: day("2020-02-10"),
            to: day("2020-02-10"),
            locale: Locale::ZhHans,
        }
    }

    #[test]
    fn the_workbook_reads_back_with_a_sheet_per_register() {
        let rules = sample_rules();
        let f = fixture();
        let bytes = xlsx(export(&f, &rules)).unwrap();
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
        assert_eq!(
            book.sheet_names(),
            [
                "人员档案",
                "体温登记",
                "访客车辆登记",
                "日常防控记录",
                "每日汇总"
            ]
        );
        let temps = book.worksheet_range("体温登记").unwrap();
        let rows: Vec<&[Data]> = temps.rows().collect();
        assert_eq!(rows[0][0], Data::String("日期".into()));
        assert_eq!(rows[0][6], Data::String("体温（℃）".into()));
        assert_eq!(rows.len(), 4, "three readings on 02-10, one header");
        // Dates are dates, times are times, temperatures are numbers.
        let Data::DateTime(date) = &rows[1][0] else {
            panic!("not a date: {:?}", rows[1][0]);
        };
        assert_eq!(
            Date::from_excel_serial(date.as_f64()),
            Some(day("2020-02-10"))
        );
        assert!(matches!(rows[1][2], Data::DateTime(_)));
        assert_eq!(rows[1][6], Data::Float(36.6));
        assert_eq!(rows[1][3], Data::String("E1".into()));
        let hot = rows.iter().find(|r| r[6] == Data::Float(38.1)).unwrap();
        assert_eq!(hot[7], Data::String("是".into()));
        assert_eq!(
            hot[9],
            Data::String("已送临时隔离室、已报告疾控中心".into())
        );
        assert_eq!(hot[1], Data::String("晚".into()));
        let roster = book.worksheet_range("人员档案").unwrap();
        let roster: Vec<&[Data]> = roster.rows().collect();
        assert_eq!(roster.len(), 3);
        assert_eq!(roster[1][3], Data::String("省外来厦".into()));
        assert_eq!(roster[1][5], Data::String("监督观察".into()));
        let Data::DateTime(end) = &roster[1][6] else {
            panic!("not a date: {:?}", roster[1][6]);
        };
        assert_eq!(
            Date::from_excel_serial(end.as_f64()),
            Some(day("2020-02-18"))
        );
        let visits = book.worksheet_range("访客车辆登记").unwrap();
        let visits: Vec<&[Data]> = visits.rows().collect();
        assert_eq!(visits[1][5], Data::String("闽D12345".into()));
        let routines = book.worksheet_range("日常防控记录").unwrap();
        let routines: Vec<&[Data]> = routines.rows().collect();
        assert_eq!(routines[1][2], Data::String("按时消毒".into()));
        assert_eq!(
            routines[2][2],
            Data::String("canteen-check".into()),
            "a routine not in the guide keeps its id"
        );
        let daily = book.worksheet_range("每日汇总").unwrap();
        let daily: Vec<&[Data]> = daily.rows().collect();
        assert_eq!(daily.len(), 2);
        // Staff 2, on site 2, returned 0, observing 1, required 3, taken 3, abnormal 1,
        // visits 1, routines done 1.
        let counts: Vec<f64> = daily[1][1..]
            .iter()
            .map(|d| match d {
                Data::Float(f) => *f,
                other => panic!("not a number: {other:?}"),
            })
            .collect();
        assert_eq!(counts, [2.0, 2.0, 0.0, 1.0, 3.0, 3.0, 1.0, 1.0, 1.0]);
    }

    #[test]
    fn steps_report_progress_and_end_with_the_same_workbook() {
        let rules = sample_rules();
        let f = fixture();
        let mut stepped = XlsxExport::new(export(&f, &rules)).unwrap();
        let (_, total) = stepped.progress();
        assert_eq!(total, 2 + 3 + 1 + 2 + 1);
        assert!(!stepped.step(4).unwrap());
        assert_eq!(stepped.progress(), (4, total));
        while !stepped.step(1).unwrap() {}
        assert_eq!(stepped.progress(), (total, total));
        let bytes = stepped.finish().unwrap();
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
        assert_eq!(book.worksheet_range("体温登记").unwrap().height(), 4);
    }

    #[test]
    fn csv_round_trips_with_text_dates() {
        let rules = sample_rules();
        let f = fixture();
        let ex = Export {
            from: day("2020-02-09"),
            to: day("2020-02-11"),
            ..export(&f, &rules)
        };
        let bytes = ex.csv(Sheet::Temperatures);
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let mut reader = csv::Reader::from_reader(&bytes[3..]);
        let headers = reader.headers().unwrap().clone();
        assert_eq!(&headers[0], "日期");
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 5);
        assert_eq!(&rows[0][0], "2020-02-09");
        assert_eq!(&rows[0][2], "08:00");
        assert_eq!(&rows[0][6], "36.5");
        assert_eq!(&rows[4][0], "2020-02-11");
        assert_eq!(ex.rows(Sheet::Temperatures).len(), 6);
        let en = Export {
            locale: Locale::English,
            ..ex
        };
        let text = String::from_utf8(en.csv(Sheet::Visits)).unwrap();
        assert!(text.contains("Vehicle"), "{text}");
        assert!(text.starts_with("\u{feff}Date,Kind,In,Out"), "{text}");
    }

    #[test]
    fn an_empty_or_reversed_range_has_headers_only() {
        let rules = sample_rules();
        let f = fixture();
        let ex = Export {
            from: day("2020-03-01"),
            to: day("2020-02-01"),
            ..export(&f, &rules)
        };
        assert_eq!(ex.rows(Sheet::Temperatures).len(), 1);
        assert_eq!(ex.rows(Sheet::Daily).len(), 1);
        assert!(xlsx(ex).is_ok());
        assert_eq!(
            file_name(day("2020-02-01"), day("2020-02-29"), "xlsx"),
            "jimei-ledger-2020-02-01-2020-02-29.xlsx"
        );
    }
}
