//! Leptos components: thin views over the model. One file per feature; state lives in the
//! contexts of `app`, and anything worth testing on its own lives in `crate::model`.

pub mod about;
pub mod app;
pub mod checklist;
pub mod common;
pub mod flowchart;
pub mod home;
pub mod lazy;
pub mod notices;
pub mod report;
pub mod router;
pub mod share;
pub mod state;
