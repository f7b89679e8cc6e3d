//! The ledger's IndexedDB adapter in headless Chromium: writes read back, concurrent
//! connections keep every entry, and each failure comes back as its typed error.
#![cfg(target_arch = "wasm32")]

use std::future::Future;
use std::pin::Pin;
use std::task::Poll;

use jimei::browser::ledger_db::{delete_database, error_of_idb, error_of_js, estimate, LedgerDb};
use jimei::model::ledger::record::{Actions, Entry, Person, Reading, Round, Stamper, Symptoms};
use jimei::model::ledger::store::{StoreError, DB_VERSION};
use jimei::model::ledger::{Date, Time};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

fn person(id: &str) -> Person {
    Person {
        name: format!("员工{id}"),
        staff_id: id.into(),
        department: "生产部".into(),
        class: "stayed_xiamen".into(),
        arrival: None,
        phone: String::new(),
    }
}

fn reading(person: jimei::model::ledger::Stamp, d: &str, tenths: u16) -> Reading {
    Reading {
        person,
        day: day(d),
        round: Round::Morning,
        time: Time::from_hm(8, 15).unwrap(),
        tenths,
        by: "门卫".into(),
        symptoms: Symptoms::default(),
        actions: Actions::default(),
        note: String::new(),
    }
}

/// A database of its own for each test, deleted first in case an earlier run left it.
async fn fresh(name: &str) -> LedgerDb {
    delete_database(name).await.unwrap();
    LedgerDb::open_named(name, DB_VERSION).await.unwrap()
}

/// Both futures, polled together to the end.
async fn join<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let (mut a, mut b) = (Box::pin(a), Box::pin(b));
    let (mut ra, mut rb) = (None, None);
    std::future::poll_fn(move |cx| {
        if ra.is_none() {
            if let Poll::Ready(v) = Pin::new(&mut a).poll(cx) {
                ra = Some(v);
            }
        }
        if rb.is_none() {
            if let Poll::Ready(v) = Pin::new(&mut b).poll(cx) {
                rb = Some(v);
            }
        }
        if ra.is_some() && rb.is_some() {
            Poll::Ready((ra.take().unwrap(), rb.take().unwrap()))
        } else {
            Poll::Pending
        }
    })
    .await
}

#[wasm_bindgen_test]
async fn writes_read_back_and_the_later_edit_wins() {
    let db = fresh("jimei-test-readback").await;
    assert_eq!(db.version(), Some(DB_VERSION));
    let mut stamper = Stamper::new(1);
    let who = Entry::new(stamper.next(1_000), person("E1"));
    db.put(&who).await.unwrap();
    let first = Entry::new(stamper.next(2_000), reading(who.key, "2020-02-10", 365));
    db.put(&first).await.unwrap();
    let edit = first.edited(
        stamper.next(3_000),
        Some(reading(who.key, "2020-02-10", 381)),
    );
    db.put(&edit).await.unwrap();
    // The original arriving late (from a tab that had not seen the edit) changes nothing.
    db.put(&first).await.unwrap();
    db.close();

    let db = LedgerDb::open_named("jimei-test-readback", DB_VERSION)
        .await
        .unwrap();
    let loaded = db.load().await.unwrap();
    assert!(loaded.unreadable.is_empty(), "{:?}", loaded.unreadable);
    assert_eq!(loaded.ledger.people.get(&who.key), who.value.as_ref());
    assert_eq!(
        loaded.ledger.readings.get(&first.key).map(|r| r.tenths),
        Some(381)
    );
    assert_eq!(loaded.ledger.readings.on(day("2020-02-10")).count(), 1);

    db.clear().await.unwrap();
    let loaded = db.load().await.unwrap();
    assert!(loaded.ledger.people.is_empty() && loaded.ledger.readings.is_empty());
    db.close();
}

#[wasm_bindgen_test]
async fn two_connections_writing_at_once_keep_both_entries() {
    let name = "jimei-test-two-tabs";
    let tab_a = fresh(name).await;
    let tab_b = LedgerDb::open_named(name, DB_VERSION).await.unwrap();
    let (mut sa, mut sb) = (Stamper::new(10), Stamper::new(20));
    let who = Entry::new(sa.next(1_000), person("E1"));
    tab_a.put(&who).await.unwrap();
    // The same millisecond in both tabs: the writer ids keep the keys apart.
    let mut a: Vec<Entry<Reading>> = Vec::new();
    let mut b: Vec<Entry<Reading>> = Vec::new();
    for i in 0..20 {
        a.push(Entry::new(
            sa.next(5_000),
            reading(who.key, "2020-02-10", 360 + i),
        ));
        b.push(Entry::new(
            sb.next(5_000),
            reading(who.key, "2020-02-10", 370 + i),
        ));
    }
    let write_a = async {
        for e in &a {
            tab_a.put(e).await?;
        }
        Ok::<(), StoreError>(())
    };
    let write_b = async {
        for e in &b {
            tab_b.put(e).await?;
        }
        Ok::<(), StoreError>(())
    };
    let (ra, rb) = join(write_a, write_b).await;
    ra.unwrap();
    rb.unwrap();
    let reader = LedgerDb::open_named(name, DB_VERSION).await.unwrap();
    let loaded = reader.load().await.unwrap();
    assert_eq!(loaded.ledger.readings.len(), 40);
    for e in a.iter().chain(&b) {
        assert!(loaded.ledger.readings.get(&e.key).is_some(), "{}", e.key);
    }
    for db in [tab_a, tab_b, reader] {
        db.close();
    }
}

#[wasm_bindgen_test]
async fn a_database_of_a_newer_version_gives_the_newer_version_error() {
    let name = "jimei-test-newer";
    delete_database(name).await.unwrap();
    // A newer app made the database at a higher version.
    let factory = idb::Factory::new().unwrap();
    let newer = factory
        .open(name, Some(DB_VERSION + 1))
        .unwrap()
        .await
        .unwrap();
    newer.close();
    let error = LedgerDb::open_named(name, DB_VERSION).await.unwrap_err();
    assert_eq!(
        error,
        StoreError::NewerVersion {
            found: Some(DB_VERSION + 1),
            supported: DB_VERSION
        }
    );
}

#[wasm_bindgen_test]
async fn an_upgrade_blocked_by_an_older_tab_gives_the_blocked_error() {
    let name = "jimei-test-blocked";
    delete_database(name).await.unwrap();
    // An older tab holds the database open and does not close it when asked.
    let factory = idb::Factory::new().unwrap();
    let holder = factory.open(name, Some(DB_VERSION)).unwrap().await.unwrap();
    let error = LedgerDb::open_named(name, DB_VERSION + 1)
        .await
        .unwrap_err();
    assert_eq!(error, StoreError::BlockedByOtherTab);
    holder.close();
}

#[wasm_bindgen_test]
async fn this_tab_gives_way_to_an_upgrade_and_then_says_closed() {
    let name = "jimei-test-gives-way";
    let db = fresh(name).await;
    // A newer tab upgrades: our connection closes itself instead of blocking it.
    let factory = idb::Factory::new().unwrap();
    let newer = factory
        .open(name, Some(DB_VERSION + 1))
        .unwrap()
        .await
        .unwrap();
    let mut stamper = Stamper::new(1);
    let error = db
        .put(&Entry::new(stamper.next(1), person("E1")))
        .await
        .unwrap_err();
    assert_eq!(error, StoreError::Closed);
    newer.close();
}

#[wasm_bindgen_test]
fn a_quota_error_maps_to_its_typed_error() {
    // Chromium cannot be made to fill its quota from a test page, so the mapping is tested
    // with the exception the browser throws, constructed here.
    let quota = web_sys::DomException::new_with_message_and_name(
        "The quota has been exceeded.",
        "QuotaExceededError",
    )
    .unwrap();
    assert_eq!(error_of_js(&quota), StoreError::QuotaExceeded);
    assert_eq!(
        error_of_idb(&idb::Error::DomException(quota.clone())),
        StoreError::QuotaExceeded
    );
    assert_eq!(
        error_of_idb(&idb::Error::AddFailed(quota.into())),
        StoreError::QuotaExceeded
    );
    let security = web_sys::DomException::new_with_message_and_name("no", "SecurityError").unwrap();
    assert!(matches!(error_of_js(&security), StoreError::Refused { .. }));
    let plain = js_sys::Error::new("odd");
    assert_eq!(
        error_of_js(&plain),
        StoreError::Failed {
            name: "Error".into(),
            message: "odd".into()
        }
    );
    assert!(matches!(
        error_of_js(&JsValue::from_str("text")),
        StoreError::Failed { .. }
    ));
}

#[wasm_bindgen_test]
async fn an_unreadable_record_is_reported_and_kept() {
    let name = "jimei-test-unreadable";
    let db = fresh(name).await;
    db.close();
    let factory = idb::Factory::new().unwrap();
    let raw = factory.open(name, Some(DB_VERSION)).unwrap().await.unwrap();
    let tx = raw
        .transaction(&["readings"], idb::TransactionMode::ReadWrite)
        .unwrap();
    let store = tx.object_store("readings").unwrap();
    store
        .put(
            &JsValue::from_str("{broken"),
            Some(&JsValue::from_str("1.1.1")),
        )
        .unwrap()
        .await
        .unwrap();
    tx.await.unwrap();
    raw.close();
    let db = LedgerDb::open_named(name, DB_VERSION).await.unwrap();
    let loaded = db.load().await.unwrap();
    assert_eq!(loaded.unreadable.len(), 1);
    assert_eq!(loaded.unreadable[0].key, "1.1.1");
    // Still there for a later version to read.
    let again = db.load().await.unwrap();
    assert_eq!(again.unreadable.len(), 1);
    db.close();
}

#[wasm_bindgen_test]
async fn storage_per_reading_is_measured() {
    let name = "jimei-test-size";
    let db = fresh(name).await;
    let mut stamper = Stamper::new(0x7fff_ffff);
    let mut people = Vec::new();
    for i in 0..100 {
        let e = Entry::new(stamper.next(1_581_000_000_000), person(&format!("E{i:04}")));
        people.push(e.key);
        db.put(&e).await.unwrap();
    }
    // One reading a transaction, as the gate saves them: the time to the commit.
    let performance = web_sys::window().unwrap().performance().unwrap();
    let mut times = Vec::new();
    for i in 0..200u64 {
        let entry = Entry::new(
            stamper.next(1_581_200_000_000 + i),
            reading(people[i as usize % people.len()], "2020-01-31", 365),
        );
        let start = performance.now();
        db.put(&entry).await.unwrap();
        times.push(performance.now() - start);
    }
    times.sort_by(f64::total_cmp);
    web_sys::console::log_1(
        &format!(
            "one reading, put to committed: median {:.1} ms, p95 {:.1} ms (debug build)",
            times[100], times[190]
        )
        .into(),
    );
    let before = estimate().await;
    // 20,000 by default; build with JIMEI_LEDGER_SIZE_READINGS=120000 to measure the budget's
    // size (about 90 s here).
    let n: usize = option_env!("JIMEI_LEDGER_SIZE_READINGS")
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000);
    let mut batch = Vec::new();
    for i in 0..n {
        let who = people[i % people.len()];
        let d = Date::from_ymd(2020, 2, 1)
            .unwrap()
            .add_days((i / 200) as i32 % 60);
        batch.push(Entry::new(
            stamper.next(1_581_300_000_000 + i as u64 * 7_000),
            Reading {
                day: d,
                ..reading(who, "2020-02-01", 360 + (i % 15) as u16)
            },
        ));
    }
    for chunk in batch.chunks(100) {
        db.put_many(chunk).await.unwrap();
    }
    let after = estimate().await;
    let loaded = db.load().await.unwrap();
    assert_eq!(loaded.ledger.readings.len(), n + 200);
    if let (Some((used_before, _)), Some((used_after, quota))) = (before, after) {
        let per = (used_after - used_before) / n as f64;
        web_sys::console::log_1(
            &format!(
                "storage: {n} readings took {:.1} MB by the browser's estimate, {per:.0} bytes each; 120,000 readings ≈ {:.1} MB (quota {:.0} MB)",
                (used_after - used_before) / 1e6,
                per * 120_000.0 / 1e6,
                quota / 1e6
            )
            .into(),
        );
    }
    db.close();
    delete_database(name).await.unwrap();
}
