//! The interface language: the saved choice, else the browser's preferences.

use crate::model::i18n::Locale;

use super::storage;

/// Key under which the chosen language is saved.
pub const LANGUAGE_KEY: &str = "jimei.language";

/// The language to start in: a saved choice wins, then the browser's preference list.
/// index.html's first script has already applied this rule to `<html lang>`, so that answer
/// is taken when it is there, which spares start-up a storage read.
pub fn initial_locale() -> Locale {
    let picked = super::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|root| root.get_attribute("lang"))
        .and_then(|tag| tag.parse().ok());
    if let Some(locale) = picked {
        return locale;
    }
    if let Ok(Some(saved)) = storage::get(LANGUAGE_KEY) {
        if let Ok(locale) = saved.parse() {
            return locale;
        }
    }
    let preferences: Vec<String> = super::window()
        .map(|w| w.navigator().languages())
        .map(|list| list.iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    Locale::negotiate(preferences.iter().map(String::as_str))
}

/// Saves the choice and makes `<html lang>` follow it. A storage failure only means the choice
/// is not remembered, so it is ignored here.
pub fn apply_locale(locale: Locale) {
    let _ = storage::set(LANGUAGE_KEY, locale.tag());
    if let Some(root) = super::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", locale.tag());
    }
}
