//! The daily ledger (防控台账): the staff roster (one file per employee), the gate
//! temperature register, the visitor and vehicle register and the daily routines, and what
//! the ledger's pages show from them: each person's observation, the day view, the
//! calendar, the 30-day series, search as you type, the district's daily summary and an
//! employee's own 14-day record. Roster import and the exports are in `import` and `export`.
//!
//! Pure: no browser and no I/O. The clock, the time zone and the writer's id come in from
//! the caller; the personnel classes come in as `ClassRule`s made from the guide.

pub mod class;
pub mod date;
pub mod export;
pub mod forms;
pub mod import;
pub mod personal;
pub mod record;
pub mod search;
pub mod store;
pub mod view;

pub use class::{ClassRule, Observation, ObservationKind, Rules, Standing};
pub use date::{Date, Time};
pub use record::{
    Action, Actions, Entry, Ledger, Person, Reading, Register, Round, RoutineDone, Stamp, Stamper,
    Symptom, Symptoms, Visit, VisitKind,
};
