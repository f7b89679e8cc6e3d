//! Calendar dates and clock times of the ledger, with the little arithmetic it needs.
//!
//! A `Date` is a day of the proleptic Gregorian calendar, stored as the number of days since
//! 1970-01-01 so that adding days and counting them are plain integer operations. A `Time`
//! is minutes since midnight. Neither knows a time zone: the caller turns its clock into a
//! local date and time (`local`), so everything here is pure and testable.
//!
//! Written here rather than taken from a date crate because the ledger needs only this much,
//! and these few functions cost far less wasm than a calendar library.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Earliest date the ledger accepts (anything before is a typing mistake).
pub const MIN_YEAR: i32 = 1900;
/// Latest year the ledger accepts.
pub const MAX_YEAR: i32 = 2999;

/// A calendar day. Serialised as `YYYY-MM-DD`. The default is 1970-01-01.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

impl Date {
    /// The day `year-month-day`, or `None` if there is no such day.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date(days_from_civil(year, month, day)))
    }

    /// Days since 1970-01-01.
    pub fn days_since_epoch(self) -> i32 {
        self.0
    }

    /// The day `days` days after 1970-01-01, if it is within the accepted years.
    pub fn from_days_since_epoch(days: i32) -> Option<Date> {
        let date = Date(days);
        (MIN_YEAR..=MAX_YEAR)
            .contains(&date.ymd().0)
            .then_some(date)
    }

    /// Year, month (1-12) and day (1-31).
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    /// The day `n` days later (earlier for negative `n`), saturating at the accepted range.
    pub fn add_days(self, n: i32) -> Date {
        let lo = days_from_civil(MIN_YEAR, 1, 1);
        let hi = days_from_civil(MAX_YEAR, 12, 31);
        Date(self.0.saturating_add(n).clamp(lo, hi))
    }

    /// Days from `earlier` to `self` (negative if `earlier` is later).
    pub fn days_since(self, earlier: Date) -> i32 {
        self.0 - earlier.0
    }

    /// Day of the week, 0 for Monday to 6 for Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday.
        (self.0 + 3).rem_euclid(7) as u32
    }

    /// The date of an Excel serial day number (1900 date system; the fraction is the time of
    /// day and is dropped). Excel counts 1900-02-29, which did not exist, so serials from 61
    /// on are one too high; 60 itself is that non-day and is refused.
    pub fn from_excel_serial(serial: f64) -> Option<Date> {
        if !serial.is_finite() || serial < 1.0 {
            return None;
        }
        let whole = serial.floor();
        if whole > 1_000_000.0 {
            return None;
        }
        let whole = whole as i32;
        // Serial 25569 is 1970-01-01.
        let days = match whole {
            60 => return None,
            1..=59 => whole - 25568,
            _ => whole - 25569,
        };
        Date::from_days_since_epoch(days)
    }

    /// The Excel serial day number of this date (1900 date system).
    pub fn excel_serial(self) -> f64 {
        let serial = self.0 + 25569;
        f64::from(if serial <= 60 { serial - 1 } else { serial })
    }

    /// Reads a date as people type it in a roster: `2020-02-03`, `2020/2/3`, `2020.2.3`,
    /// `2020年2月3日` or `20200203`, with surrounding spaces and full-width digits allowed.
    pub fn parse_loose(text: &str) -> Option<Date> {
        let text: String = text
            .trim()
            .chars()
            .map(|c| match c {
                '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                '／' => '/',
                '－' => '-',
                '．' => '.',
                other => other,
            })
            .collect();
        if text.len() == 8 && text.bytes().all(|b| b.is_ascii_digit()) {
            let year = text[0..4].parse().ok()?;
            let month = text[4..6].parse().ok()?;
            let day = text[6..8].parse().ok()?;
            return Date::from_ymd(year, month, day);
        }
        let text = text.strip_suffix('日').unwrap_or(&text);
        let parts: Vec<&str> = text
            .split(['-', '/', '.', '年', '月'])
            .map(str::trim)
            .collect();
        let [year, month, day] = parts.as_slice() else {
            return None;
        };
        let digits = |s: &str, max: usize| {
            (!s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u32>().ok())
                .flatten()
        };
        if year.len() != 4 {
            return None;
        }
        let year = digits(year, 4)? as i32;
        Date::from_ymd(year, digits(month, 2)?, digits(day, 2)?)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// Why a `YYYY-MM-DD` text is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadDate;

impl FromStr for Date {
    type Err = BadDate;

    /// Strictly `YYYY-MM-DD`, as stored and exported.
    fn from_str(s: &str) -> Result<Date, BadDate> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(BadDate);
        }
        let num = |r: std::ops::Range<usize>| -> Result<u32, BadDate> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().map_err(|_| BadDate)
            } else {
                Err(BadDate)
            }
        };
        Date::from_ymd(num(0..4)? as i32, num(5..7)?, num(8..10)?).ok_or(BadDate)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        text.parse()
            .map_err(|_| serde::de::Error::custom(format!("not a YYYY-MM-DD date: {text:?}")))
    }
}

/// A time of day in minutes since midnight (0 to 1439). Serialised as that number.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(try_from = "u16", into = "u16")]
pub struct Time(u16);

impl Time {
    pub fn from_hm(hour: u32, minute: u32) -> Option<Time> {
        (hour < 24 && minute < 60).then(|| Time((hour * 60 + minute) as u16))
    }

    pub fn minutes(self) -> u16 {
        self.0
    }

    pub fn hm(self) -> (u32, u32) {
        (u32::from(self.0) / 60, u32::from(self.0) % 60)
    }

    /// Reads `8:05`, `08:05` or `08：05`.
    pub fn parse(text: &str) -> Option<Time> {
        let text = text.trim().replace('：', ":");
        let (h, m) = text.split_once(':')?;
        let ok = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
        if !ok(h) || !ok(m) || m.len() != 2 {
            return None;
        }
        Time::from_hm(h.parse().ok()?, m.parse().ok()?)
    }
}

impl TryFrom<u16> for Time {
    type Error = String;

    fn try_from(minutes: u16) -> Result<Time, String> {
        if minutes < 24 * 60 {
            Ok(Time(minutes))
        } else {
            Err(format!("{minutes} is not a minute of the day"))
        }
    }
}

impl From<Time> for u16 {
    fn from(time: Time) -> u16 {
        time.0
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (h, m) = self.hm();
        write!(f, "{h:02}:{m:02}")
    }
}

/// The local date and time of a clock reading: `epoch_ms` milliseconds since the Unix epoch
/// in a zone `offset_minutes` ahead of UTC (480 for China). `None` outside the accepted years.
pub fn local(epoch_ms: i64, offset_minutes: i32) -> Option<(Date, Time)> {
    let minutes = epoch_ms.div_euclid(60_000) + i64::from(offset_minutes);
    let days = i32::try_from(minutes.div_euclid(1440)).ok()?;
    let in_day = minutes.rem_euclid(1440) as u16;
    Some((Date::from_days_since_epoch(days)?, Time(in_day)))
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        _ => 28,
    }
}

// Howard Hinnant's days_from_civil and civil_from_days, for the proleptic Gregorian calendar.
fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i32::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn round_trips_every_day_of_four_centuries() {
        let start = Date::from_ymd(1900, 1, 1).unwrap();
        let mut expect = (1900, 1, 1);
        for n in 0..146_097 {
            let date = start.add_days(n);
            assert_eq!(date.ymd(), expect, "day {n}");
            assert_eq!(date.to_string().parse::<Date>(), Ok(date));
            let (y, m, dd) = expect;
            expect = if dd < days_in_month(y, m) {
                (y, m, dd + 1)
            } else if m < 12 {
                (y, m + 1, 1)
            } else {
                (y + 1, 1, 1)
            };
        }
    }

    #[test]
    fn epoch_and_arithmetic() {
        assert_eq!(d("1970-01-01").days_since_epoch(), 0);
        assert_eq!(d("2020-02-28").add_days(1), d("2020-02-29"));
        assert_eq!(d("2020-02-29").add_days(1), d("2020-03-01"));
        assert_eq!(d("2019-02-28").add_days(1), d("2019-03-01"));
        assert_eq!(d("2020-03-01").days_since(d("2020-02-01")), 29);
        assert_eq!(d("2020-02-10").weekday(), 0, "a Monday");
        assert_eq!(d("2020-02-16").weekday(), 6, "a Sunday");
    }

    #[test]
    fn strict_parse_refuses_what_is_not_a_day() {
        for bad in [
            "2020-02-30",
            "2019-02-29",
            "2020-13-01",
            "2020-2-3",
            "20-02-03",
            "2020-02-03 ",
            "+020-02-03",
            "１２３４-02-03",
            "1899-12-31",
            "",
        ] {
            assert_eq!(bad.parse::<Date>(), Err(BadDate), "{bad:?}");
        }
        assert_eq!(d("2000-02-29").ymd(), (2000, 2, 29));
    }

    #[test]
    fn loose_parse_reads_what_rosters_hold() {
        let expect = Some(d("2020-02-03"));
        for text in [
            "2020-02-03",
            "2020/2/3",
            "2020.2.3",
            " 2020-2-03 ",
            "2020年2月3日",
            "2020年02月03日",
            "20200203",
            "２０２０/２/３",
            "2020／2／3",
        ] {
            assert_eq!(Date::parse_loose(text), expect, "{text:?}");
        }
        for bad in [
            "2/3/2020",
            "2020-02",
            "2020-02-03-04",
            "2020-2-30",
            "yesterday",
            "20200230",
            "",
        ] {
            assert_eq!(Date::parse_loose(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn excel_serials_follow_excel() {
        assert_eq!(Date::from_excel_serial(43864.0), Some(d("2020-02-03")));
        assert_eq!(Date::from_excel_serial(43864.75), Some(d("2020-02-03")));
        assert_eq!(Date::from_excel_serial(1.0), Some(d("1900-01-01")));
        assert_eq!(Date::from_excel_serial(59.0), Some(d("1900-02-28")));
        assert_eq!(Date::from_excel_serial(60.0), None, "Excel's 1900-02-29");
        assert_eq!(Date::from_excel_serial(61.0), Some(d("1900-03-01")));
        assert_eq!(Date::from_excel_serial(f64::NAN), None);
        assert_eq!(Date::from_excel_serial(-3.0), None);
        assert_eq!(Date::from_excel_serial(1e300), None);
        for date in ["1900-01-01", "1900-02-28", "1900-03-01", "2020-02-03"] {
            assert_eq!(
                Date::from_excel_serial(d(date).excel_serial()),
                Some(d(date))
            );
        }
    }

    #[test]
    fn times_parse_and_print() {
        assert_eq!(
            Time::parse("8:05").map(|t| t.to_string()).as_deref(),
            Some("08:05")
        );
        assert_eq!(Time::parse("23：59").map(Time::minutes), Some(1439));
        for bad in ["24:00", "8:5", "8", "08:60", "-1:00", ""] {
            assert_eq!(Time::parse(bad), None, "{bad:?}");
        }
        assert!(serde_json::from_str::<Time>("1440").is_err());
        assert_eq!(
            serde_json::to_string(&Time::from_hm(1, 2).unwrap()).unwrap(),
            "62"
        );
    }

    #[test]
    fn local_time_applies_the_offset() {
        // 2020-02-03T16:30:00Z is 00:30 on the 4th in Xiamen.
        let ms = (d("2020-02-03").days_since_epoch() as i64 * 1440 + 16 * 60 + 30) * 60_000;
        assert_eq!(
            local(ms, 480),
            Some((d("2020-02-04"), Time::from_hm(0, 30).unwrap()))
        );
        assert_eq!(
            local(ms, 0),
            Some((d("2020-02-03"), Time::from_hm(16, 30).unwrap()))
        );
        assert_eq!(
            local(-60_000, 0).map(|(d, _)| d.to_string()).as_deref(),
            Some("1969-12-31")
        );
        assert_eq!(local(i64::MAX, 0), None);
    }
}
