//! The interface language as a context, and `tr`, the one way a component turns a message of
//! any table into reactive text.

use leptos::prelude::*;

use crate::model::i18n::{Locale, Message};

/// The interface language, shared by every component.
#[derive(Debug, Clone, Copy)]
pub struct LocaleContext(pub RwSignal<Locale>);

/// The current interface language.
pub fn use_locale() -> RwSignal<Locale> {
    use_context::<LocaleContext>()
        .map(|c| c.0)
        .unwrap_or_else(|| RwSignal::new(Locale::default()))
}

/// A reactive piece of interface text.
pub fn tr<M: Message>(msg: M) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let locale = use_locale();
    move || msg.text(locale.get())
}
