//! The pages, one module each. The router in `ui::app` shows them; each page other than the
//! home page lives in a wasm part of its own in the release build (`split_fn!`).

pub mod about;
/// The saved copies of the progress, on the checklist page.
pub mod backups;
pub mod checklist;
/// Where the enterprise files: its route, offices and materials.
pub mod filing;
pub mod flowchart;
pub mod home;
/// The daily ledger: roster, gate register, today and the daily report.
pub mod ledger;
/// Replacing the progress: the copy first, the undo, the question when no copy was kept.
pub mod replace;
pub mod report;
/// The checklist page's export, import and share link.
pub mod share;
