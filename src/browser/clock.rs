//! The time, for the stamps of changes and the date on exports and printed reports.

/// Milliseconds since the epoch, the stamp of every change. On the host, the system clock.
pub fn now_ms() -> u64 {
    if cfg!(target_arch = "wasm32") {
        js_sys::Date::now() as u64
    } else {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64)
    }
}

/// Today's local date as `YYYY-MM-DD`. On the host (a prerendered page), today's date in UTC.
pub fn today() -> String {
    if cfg!(target_arch = "wasm32") {
        let date = js_sys::Date::new_0();
        return format!(
            "{:04}-{:02}-{:02}",
            date.get_full_year(),
            date.get_month() + 1,
            date.get_date()
        );
    }
    let (y, m, d) = civil_from_days((now_ms() / 86_400_000) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// A moment (milliseconds since the epoch) as local `YYYY-MM-DD HH:MM`, for listing saved
/// copies. On the host, in UTC.
pub fn local_time_text(ms: u64) -> String {
    if cfg!(target_arch = "wasm32") {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
        return format!(
            "{:04}-{:02}-{:02} {:02}:{:02}",
            date.get_full_year(),
            date.get_month() + 1,
            date.get_date(),
            date.get_hours(),
            date.get_minutes()
        );
    }
    let (y, m, d) = civil_from_days((ms / 86_400_000) as i64);
    let minutes = (ms / 60_000) % (24 * 60);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}",
        minutes / 60,
        minutes % 60
    )
}

/// The local time of day as hours and minutes, for the time of a gate reading. On the host,
/// the time in UTC.
pub fn local_hm() -> (u32, u32) {
    if cfg!(target_arch = "wasm32") {
        let date = js_sys::Date::new_0();
        return (date.get_hours(), date.get_minutes());
    }
    let minutes = (now_ms() / 60_000) % (24 * 60);
    ((minutes / 60) as u32, (minutes % 60) as u32)
}

/// A random number, for the id of a tab that writes to the ledger (two tabs must differ).
/// On the host, one made from the clock.
pub fn random_u32() -> u32 {
    if cfg!(target_arch = "wasm32") {
        return (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    }
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos() ^ (d.as_secs() as u32))
}

/// The calendar date of a day counted from 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(18_302), (2020, 2, 10));
        assert_eq!(civil_from_days(18_321), (2020, 2, 29));
        assert_eq!(today().len(), 10);
        assert_eq!(
            local_time_text(18_302 * 86_400_000 + 61_000),
            "2020-02-10 00:01"
        );
    }
}
