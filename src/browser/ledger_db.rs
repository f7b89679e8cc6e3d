//! The ledger's IndexedDB database, through the `idb` crate.
//!
//! - Versioned: the database's version is `model::ledger::store::DB_VERSION`, and an upgrade
//!   runs the model's `upgrade_steps` from the version found. Each value is the entry's
//!   UTF-8 bytes (`encode_value`), keyed by the entry's key as text.
//! - One transaction per entry (`put`), so a tab closed mid-round loses nothing it wrote.
//!   The transaction reads the stored entry first and keeps it if it is newer, so two tabs
//!   editing the same entry keep the later edit, and two tabs adding entries keep both.
//! - Typed errors, no panics: another tab blocking an upgrade, storage refused (private
//!   modes), a full quota, a database of a newer app version, no IndexedDB at all. Records
//!   that cannot be read are reported, and left in the database.
//! - When another tab upgrades the database, this connection closes itself so as not to
//!   block it, and later calls say `StoreError::Closed`.

use std::cell::{Cell, RefCell};
use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use idb::{Database, Factory, ObjectStoreParams, TransactionMode, TransactionResult};
use jimei_model::ledger::record::{Entry, Ledger};
use jimei_model::ledger::store::{
    decode_value, encode_value, upgrade_steps, DbStep, Store, StoreError, Stored, Unreadable,
    DB_NAME, DB_VERSION,
};
use jimei_model::ledger::{Person, Reading, RoutineDone, Visit};
use wasm_bindgen::{JsCast, JsValue};

/// An open connection to the ledger's database.
#[derive(Debug)]
pub struct LedgerDb {
    db: Database,
    /// Set when another tab asked for a newer version and this connection closed.
    closed: Rc<Cell<bool>>,
}

/// What `load` found: the ledger, and the stored values it could not read.
#[derive(Debug, Default)]
pub struct Loaded {
    pub ledger: Ledger,
    pub unreadable: Vec<Unreadable>,
}

/// The typed error of a value thrown or reported by an IndexedDB call: a `DOMException` (or
/// any error object) by its name.
pub fn error_of_js(value: &JsValue) -> StoreError {
    if let Some(e) = value.dyn_ref::<web_sys::DomException>() {
        return StoreError::from_dom(&e.name(), &e.message());
    }
    let field = |name: &str| {
        js_sys::Reflect::get(value, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
    };
    StoreError::from_dom(
        &field("name").unwrap_or_else(|| "Error".into()),
        &field("message")
            .or_else(|| value.as_string())
            .unwrap_or_default(),
    )
}

/// The typed error of an error of the `idb` crate.
pub fn error_of_idb(error: &idb::Error) -> StoreError {
    use idb::Error::*;
    match error {
        DomException(e) => StoreError::from_dom(&e.name(), &e.message()),
        IndexedDbNotFound(_) => StoreError::Unavailable,
        AddFailed(v)
        | ClearFailed(v)
        | CountFailed(v)
        | DeleteFailed(v)
        | GetAllFailed(v)
        | GetAllKeysFailed(v)
        | GetFailed(v)
        | IndexedDbDeleteFailed(v)
        | IndexedDbOpenFailed(v)
        | ObjectStoreCreateFailed(v)
        | ObjectStoreNotFound(v)
        | TransactionAbortError(v)
        | TransactionCommitError(v)
        | TransactionOpenFailed(v)
        | UpdateFailed(v) => error_of_js(v),
        other => StoreError::Failed {
            name: "Error".into(),
            message: other.to_string(),
        },
    }
}

/// A future that resolves once its flag is raised (by the open request's `blocked` event).
#[derive(Clone, Default)]
struct Flag(Rc<RefCell<(bool, Option<Waker>)>>);

impl Flag {
    fn raise(&self) {
        let mut state = self.0.borrow_mut();
        state.0 = true;
        if let Some(waker) = state.1.take() {
            waker.wake();
        }
    }
}

impl Future for Flag {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut state = self.0.borrow_mut();
        if state.0 {
            Poll::Ready(())
        } else {
            state.1 = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

/// The first of two futures to finish: `a`'s output, or `a` itself if `b` finished first.
enum Either<T, A> {
    First(T),
    Second(A),
}

async fn race<A: Future + Unpin, B: Future + Unpin>(a: A, mut b: B) -> Either<A::Output, A> {
    let mut a = Some(a);
    std::future::poll_fn(move |cx| {
        let Some(first) = a.as_mut() else {
            return Poll::Pending;
        };
        if let Poll::Ready(v) = Pin::new(first).poll(cx) {
            return Poll::Ready(Either::First(v));
        }
        if Pin::new(&mut b).poll(cx).is_ready() {
            if let Some(first) = a.take() {
                return Poll::Ready(Either::Second(first));
            }
        }
        Poll::Pending
    })
    .await
}

impl LedgerDb {
    /// Opens the app's ledger database, creating or upgrading it.
    pub async fn open() -> Result<LedgerDb, StoreError> {
        LedgerDb::open_named(DB_NAME, DB_VERSION).await
    }

    /// Opens database `name` at `version` (tests use their own names, and versions to
    /// exercise upgrades). Runs the model's upgrade steps from the version found.
    pub async fn open_named(name: &str, version: u32) -> Result<LedgerDb, StoreError> {
        let factory = factory()?;
        let mut request = factory
            .open(name, Some(version))
            .map_err(|e| error_of_idb(&e))?;
        let upgrade_error: Rc<RefCell<Option<StoreError>>> = Rc::default();
        let failed = upgrade_error.clone();
        request.on_upgrade_needed(move |event| {
            let old = event.old_version().unwrap_or(0);
            let db = match idb::DatabaseEvent::database(&event) {
                Ok(db) => db,
                Err(e) => {
                    *failed.borrow_mut() = Some(error_of_idb(&e));
                    return;
                }
            };
            let existing = db.store_names();
            for step in upgrade_steps(old, version) {
                match step {
                    DbStep::CreateStore(store) => {
                        if existing.iter().any(|s| s == store.name()) {
                            continue;
                        }
                        if let Err(e) =
                            db.create_object_store(store.name(), ObjectStoreParams::new())
                        {
                            *failed.borrow_mut() = Some(error_of_idb(&e));
                        }
                    }
                }
            }
        });
        let blocked = Flag::default();
        let raise = blocked.clone();
        request.on_blocked(move |_| raise.raise());
        let opening = Box::pin(request.into_future());
        let result = match race(opening, blocked).await {
            Either::First(result) => result,
            Either::Second(opening) => {
                // Let the request finish in the background and close what it opens, so it
                // holds nothing; the caller retries once the other tab has gone.
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(db) = opening.await {
                        db.close();
                    }
                });
                return Err(StoreError::BlockedByOtherTab);
            }
        };
        let mut db = match result {
            Ok(db) => db,
            Err(e) => {
                let error = upgrade_error
                    .borrow_mut()
                    .take()
                    .unwrap_or(error_of_idb(&e));
                return Err(match error {
                    StoreError::NewerVersion { supported, .. } => StoreError::NewerVersion {
                        found: current_version(&factory, name).await,
                        supported,
                    },
                    other => other,
                });
            }
        };
        if let Some(error) = upgrade_error.borrow_mut().take() {
            db.close();
            return Err(error);
        }
        let closed = Rc::new(Cell::new(false));
        let flag = closed.clone();
        db.on_version_change(move |event| {
            flag.set(true);
            if let Some(db) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::IdbDatabase>().ok())
            {
                db.close();
            }
        });
        Ok(LedgerDb { db, closed })
    }

    fn check_open(&self) -> Result<(), StoreError> {
        if self.closed.get() {
            Err(StoreError::Closed)
        } else {
            Ok(())
        }
    }

    /// The database's version as opened.
    pub fn version(&self) -> Option<u32> {
        self.db.version().ok()
    }

    /// Writes one entry in a transaction of its own, unless the stored entry is newer.
    /// Returns when the transaction has committed.
    pub async fn put<T: Stored>(&self, entry: &Entry<T>) -> Result<(), StoreError> {
        self.put_many(std::slice::from_ref(entry)).await
    }

    /// Writes several entries in one transaction (an import's people, a file's merge): all
    /// of them, or none if it fails.
    pub async fn put_many<T: Stored>(&self, entries: &[Entry<T>]) -> Result<(), StoreError> {
        self.check_open()?;
        let name = T::STORE.name();
        let tx = self
            .db
            .transaction(&[name], TransactionMode::ReadWrite)
            .map_err(|e| error_of_idb(&e))?;
        let store = tx.object_store(name).map_err(|e| error_of_idb(&e))?;
        for entry in entries {
            let key_text = entry.key.to_string();
            let key = JsValue::from_str(&key_text);
            let stored = store
                .get(idb::Query::Key(key.clone()))
                .map_err(|e| error_of_idb(&e))?
                .await
                .map_err(|e| error_of_idb(&e))?;
            let newer_stored = stored
                .and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok())
                .and_then(|bytes| decode_value::<T>(&key_text, &bytes.to_vec()).ok())
                .is_some_and(|old| old.stamp() >= entry.stamp());
            if newer_stored {
                continue;
            }
            let value: JsValue = js_sys::Uint8Array::from(encode_value(entry).as_slice()).into();
            store
                .put(&value, Some(&key))
                .map_err(|e| error_of_idb(&e))?
                .await
                .map_err(|e| error_of_idb(&e))?;
        }
        match tx.await {
            Ok(TransactionResult::Committed) => Ok(()),
            Ok(TransactionResult::Aborted) => Err(store
                .transaction()
                .error()
                .map(|e| StoreError::from_dom(&e.name(), &e.message()))
                .unwrap_or(StoreError::Failed {
                    name: "AbortError".into(),
                    message: "the transaction was aborted".into(),
                })),
            Err(e) => Err(error_of_idb(&e)),
        }
    }

    /// Reads the whole ledger.
    pub async fn load(&self) -> Result<Loaded, StoreError> {
        self.check_open()?;
        let mut loaded = Loaded::default();
        self.load_into::<Person>(&mut loaded).await?;
        self.load_into::<Reading>(&mut loaded).await?;
        self.load_into::<Visit>(&mut loaded).await?;
        self.load_into::<RoutineDone>(&mut loaded).await?;
        Ok(loaded)
    }

    async fn load_into<T: Stored>(&self, loaded: &mut Loaded) -> Result<(), StoreError> {
        let name = T::STORE.name();
        let tx = self
            .db
            .transaction(&[name], TransactionMode::ReadOnly)
            .map_err(|e| error_of_idb(&e))?;
        let store = tx.object_store(name).map_err(|e| error_of_idb(&e))?;
        let keys = store
            .get_all_keys(None, None)
            .map_err(|e| error_of_idb(&e))?
            .await
            .map_err(|e| error_of_idb(&e))?;
        let values = store
            .get_all(None, None)
            .map_err(|e| error_of_idb(&e))?
            .await
            .map_err(|e| error_of_idb(&e))?;
        let register = T::register(&mut loaded.ledger);
        for (key, value) in keys.iter().zip(values.iter()) {
            let key = key.as_string().unwrap_or_default();
            let decoded = value
                .dyn_ref::<js_sys::Uint8Array>()
                .ok_or_else(|| "not bytes".to_string())
                .and_then(|bytes| decode_value::<T>(&key, &bytes.to_vec()));
            match decoded {
                Ok(entry) => {
                    register.put(entry);
                }
                Err(message) => loaded.unreadable.push(Unreadable {
                    store: T::STORE,
                    key,
                    message,
                }),
            }
        }
        Ok(())
    }

    /// Erases every record of every store (the user's "erase all ledger data").
    pub async fn clear(&self) -> Result<(), StoreError> {
        self.check_open()?;
        let names: Vec<&str> = Store::ALL.iter().map(|s| s.name()).collect();
        let tx = self
            .db
            .transaction(&names, TransactionMode::ReadWrite)
            .map_err(|e| error_of_idb(&e))?;
        for name in &names {
            let store = tx.object_store(name).map_err(|e| error_of_idb(&e))?;
            store
                .clear()
                .map_err(|e| error_of_idb(&e))?
                .await
                .map_err(|e| error_of_idb(&e))?;
        }
        match tx.await {
            Ok(TransactionResult::Committed) => Ok(()),
            Ok(TransactionResult::Aborted) => Err(StoreError::Failed {
                name: "AbortError".into(),
                message: "the transaction was aborted".into(),
            }),
            Err(e) => Err(error_of_idb(&e)),
        }
    }

    /// Closes the connection once its transactions are done.
    pub fn close(&self) {
        self.closed.set(true);
        self.db.close();
    }
}

/// The version of an existing database, opened without asking for one and closed at once.
async fn current_version(factory: &Factory, name: &str) -> Option<u32> {
    let request = factory.open(name, None).ok()?;
    let db = request.await.ok()?;
    let version = db.version().ok();
    db.close();
    version
}

/// Deletes database `name` entirely.
pub async fn delete_database(name: &str) -> Result<(), StoreError> {
    let factory = factory()?;
    factory
        .delete(name)
        .map_err(|e| error_of_idb(&e))?
        .await
        .map_err(|e| error_of_idb(&e))
}

/// The site's storage use and quota in bytes, where the browser tells them.
pub async fn estimate() -> Option<(f64, f64)> {
    let storage = super::window()?.navigator().storage();
    let promise = storage.estimate().ok()?;
    let estimate: web_sys::StorageEstimate = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .unchecked_into();
    Some((estimate.get_usage()?, estimate.get_quota()?))
}

/// The browser's IndexedDB factory; unavailable on the host, where no browser API may be
/// called, and where the browser has none (some private modes).
fn factory() -> Result<Factory, StoreError> {
    super::window().ok_or(StoreError::Unavailable)?;
    Factory::new().map_err(|_| StoreError::Unavailable)
}
