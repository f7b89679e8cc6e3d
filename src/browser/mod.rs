//! The only code that touches web-sys, gloo and the DOM's globals. Every call that the browser
//! can refuse returns a `Result` or an `Option`; nothing here panics.

pub mod fetch;
pub mod lang;
pub mod ledger_db;
pub mod panic;
pub mod probe;
pub mod split;
pub mod storage;
pub mod styles;
pub mod viewport;
