//! The ledger's budgets, natively, on a generated ledger of 1,000 staff × 60 days × 2
//! readings (120,000 readings), from a fixed seed: search per keystroke, the day view, the
//! calendar, the 30-day series, import of a 1,000-row .xlsx roster, export of the 120,000
//! readings to .xlsx, and decoding everything as the database returns it. The browser's
//! figures are measured in `scripts/bench`. Run with `cargo bench --bench ledger`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use jimei::model::guide::{Confidence, Text};
use jimei::model::i18n::Locale;
use jimei::model::ledger::export::{xlsx, Export};
use jimei::model::ledger::import::preview;
use jimei::model::ledger::record::{Actions, Symptoms};
use jimei::model::ledger::search::SearchIndex;
use jimei::model::ledger::store::{decode_file, decode_value, encode_file, encode_value};
use jimei::model::ledger::view::{calendar, series, DayView, Roster};
use jimei::model::ledger::{
    ClassRule, Date, Entry, Ledger, ObservationKind, Person, Reading, Round, Rules, Stamper, Time,
};

/// xorshift64*, so the ledger is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn rules() -> Rules {
    use ObservationKind::*;
    let rule = |id: &str, name: &str, observation, days, on_site, readings| ClassRule {
        id: id.into(),
        name: Text::from_pairs(&[("zh-Hans", name)]),
        rule: Text::from_pairs(&[("zh-Hans", name)]),
        observation,
        days,
        on_site,
        readings_per_day: readings,
        node: format!("rule-{id}"),
        confidence: Confidence::Xiamen,
        source: "xiamen-notice-7".into(),
    };
    Rules::new(vec![
        rule("hubei", "湖北来厦", Centralised, 14, false, 2),
        rule("close_contact", "密切接触者", Centralised, 14, false, 2),
        rule("key_area", "重点地区", Home, 14, false, 2),
        rule("outside_fujian", "省外来厦", Supervised, 14, true, 2),
        rule(
            "general_contact",
            "一般接触者",
            SelfObservation,
            14,
            true,
            2,
        ),
        rule("outside_xiamen", "市外来厦", None, 0, true, 1),
        rule("stayed_xiamen", "留厦人员", None, 0, true, 1),
    ])
}

const SURNAMES: &[&str] = &["陈", "林", "黄", "张", "李", "王", "吴", "刘", "蔡", "杨"];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
];
const CLASSES: &[&str] = &[
    "stayed_xiamen",
    "stayed_xiamen",
    "stayed_xiamen",
    "outside_xiamen",
    "outside_fujian",
    "outside_fujian",
    "general_contact",
    "key_area",
    "hubei",
    "close_contact",
];
const STAFF: usize = 1_000;
const DAYS: i32 = 60;

fn first_day() -> Date {
    Date::from_ymd(2020, 2, 1).unwrap()
}

fn people(rng: &mut Rng) -> Vec<Person> {
    (0..STAFF)
        .map(|i| {
            let class = CLASSES[rng.below(CLASSES.len())];
            let arrival =
                (class != "stayed_xiamen").then(|| first_day().add_days(rng.below(40) as i32 - 10));
            Person {
                name: format!(
                    "{}{}{}",
                    SURNAMES[rng.below(SURNAMES.len())],
                    GIVEN[rng.below(GIVEN.len())],
                    GIVEN[rng.below(GIVEN.len())]
                ),
                staff_id: format!("E{:04}", i + 1),
                department: format!("生产{}部", rng.below(8) + 1),
                class: class.into(),
                arrival,
                phone: format!("138{:08}", rng.below(100_000_000)),
            }
        })
        .collect()
}

fn ledger() -> Ledger {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut stamper = Stamper::new(0x1234_5678);
    let mut ledger = Ledger::default();
    let mut clock = 1_580_486_400_000u64;
    let mut keys = Vec::new();
    for person in people(&mut rng) {
        clock += 10;
        let entry = Entry::new(stamper.next(clock), person);
        keys.push(entry.key);
        ledger.people.put(entry);
    }
    for d in 0..DAYS {
        let day = first_day().add_days(d);
        for round in Round::ALL {
            for person in &keys {
                clock += 1_000;
                let hot = rng.below(2_000) == 0;
                let tenths = if hot {
                    375 + rng.below(20) as u16
                } else {
                    358 + rng.below(15) as u16
                };
                ledger.readings.put(Entry::new(
                    stamper.next(clock),
                    Reading {
                        person: *person,
                        day,
                        round,
                        time: Time::from_hm(
                            if round == Round::Morning { 8 } else { 18 },
                            rng.below(60) as u32,
                        )
                        .unwrap(),
                        tenths,
                        by: "门卫王".into(),
                        symptoms: Symptoms::default(),
                        actions: Actions::default(),
                        note: String::new(),
                    },
                ));
            }
        }
    }
    ledger
}

/// The median and the worst of `runs` timings of `f`, after a warm-up. Under `cargo test`
/// (no `--bench` argument, an unoptimised build) each is run once: the test only checks that
/// every step still runs, and the figures mean nothing there.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration) {
    let benching = std::env::args().any(|a| a == "--bench");
    let runs = if benching { runs } else { 1 };
    if benching {
        black_box(f());
    }
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[times.len() / 2], times[times.len() - 1])
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

fn row(what: &str, (median, worst): (Duration, Duration), budget: &str) {
    println!("{what:<48} {:>12} {:>12}   {budget}", ms(median), ms(worst));
}

fn main() {
    let rules = rules();
    let started = Instant::now();
    let ledger = ledger();
    eprintln!(
        "generated {} people and {} readings in {:.1} s",
        ledger.people.len(),
        ledger.readings.len(),
        started.elapsed().as_secs_f64()
    );
    let routines = [
        "daily-disinfection",
        "daily-ventilation",
        "daily-canteen-tableware",
    ];
    let last = first_day().add_days(DAYS - 1);
    println!(
        "{:<48} {:>12} {:>12}   budget (browser)",
        "", "median", "worst"
    );

    row(
        "search index, 1,000 staff",
        time(50, || SearchIndex::new(&ledger)),
        "once per roster change",
    );
    let index = SearchIndex::new(&ledger);
    // Every prefix of a few staff ids and names, as typed.
    let queries: Vec<String> = ["E0427", "e1000", "陈伟", "林芳娜", "E09", "王"]
        .iter()
        .flat_map(|q| {
            let chars: Vec<char> = q.chars().collect();
            (1..=chars.len()).map(move |n| chars[..n].iter().collect::<String>())
        })
        .collect();
    let mut per_key = Vec::new();
    for _ in 0..200 {
        for q in &queries {
            let start = Instant::now();
            black_box(index.search(q, 20));
            per_key.push(start.elapsed());
        }
    }
    per_key.sort();
    row(
        "search, per keystroke",
        (per_key[per_key.len() / 2], per_key[per_key.len() - 1]),
        "< 16 ms",
    );
    row(
        "roster (observations of 1,000 staff)",
        time(50, || Roster::new(&ledger, &rules)),
        "",
    );
    let roster = Roster::new(&ledger, &rules);
    row(
        "day view, with its roster",
        time(50, || {
            let roster = Roster::new(&ledger, &rules);
            DayView::new(&ledger, &rules, &roster, last, &routines)
        }),
        "< 300 ms",
    );
    row(
        "calendar, 60 days",
        time(10, || {
            calendar(&ledger, &rules, &roster, first_day(), last, &routines)
        }),
        "< 300 ms",
    );
    row(
        "30-day series",
        time(20, || series(&ledger, &rules, &roster, last, 30)),
        "< 100 ms",
    );

    let roster_xlsx = roster_workbook(&ledger);
    row(
        &format!(
            "import preview, 1,000-row .xlsx ({} KB)",
            roster_xlsx.len() / 1024
        ),
        time(10, || {
            preview(&roster_xlsx, &rules, &Ledger::default()).map(|p| p.accepted.len())
        }),
        "< 1 s",
    );

    let export = Export {
        ledger: &ledger,
        rules: &rules,
        routines: &[],
        from: first_day(),
        to: last,
        locale: Locale::ZhHans,
    };
    let mut size = 0;
    row(
        "export, 120,000 readings to .xlsx",
        time(3, || {
            let bytes = xlsx(export).unwrap_or_default();
            size = bytes.len();
            bytes
        }),
        "< 3 s",
    );
    eprintln!("the workbook is {:.1} MB", size as f64 / 1e6);

    let values: Vec<(String, Vec<u8>)> = ledger
        .readings
        .entries()
        .map(|e| (e.key.to_string(), encode_value(e)))
        .collect();
    let bytes: usize = values.iter().map(|(k, v)| k.len() + v.len()).sum();
    eprintln!(
        "stored values: {:.1} MB for 120,000 readings ({} bytes each with the key)",
        bytes as f64 / 1e6,
        bytes / values.len()
    );
    row(
        "decode 120,000 stored readings",
        time(3, || {
            let mut register = jimei::model::ledger::Register::<Reading>::default();
            for (k, v) in &values {
                if let Ok(e) = decode_value::<Reading>(k, v) {
                    register.put(e);
                }
            }
            register.len()
        }),
        "part of opening the ledger",
    );
    let file = encode_file(&ledger, 0);
    eprintln!("whole-ledger file: {:.1} MB", file.len() as f64 / 1e6);
    row(
        "whole-ledger file, write and read",
        time(3, || {
            decode_file(encode_file(&ledger, 0).as_bytes()).map(|l| l.readings.len())
        }),
        "",
    );
}

/// The generated roster as an .xlsx with a header row, as an enterprise would have it.
fn roster_workbook(ledger: &Ledger) -> Vec<u8> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (c, h) in ["工号", "姓名", "部门", "类别", "抵厦日期", "电话"]
        .iter()
        .enumerate()
    {
        let _ = sheet.write(0, c as u16, *h);
    }
    for (i, (_, p)) in ledger.people.live().enumerate() {
        let r = i as u32 + 1;
        let _ = sheet.write(r, 0, p.staff_id.as_str());
        let _ = sheet.write(r, 1, p.name.as_str());
        let _ = sheet.write(r, 2, p.department.as_str());
        let _ = sheet.write(r, 3, p.class.as_str());
        if let Some(a) = p.arrival {
            let _ = sheet.write_number_with_format(r, 4, a.excel_serial(), &date);
        }
        let _ = sheet.write(r, 5, p.phone.as_str());
    }
    workbook.save_to_buffer().unwrap_or_default()
}
