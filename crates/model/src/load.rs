//! Turning the bytes of a guide file into a checked `Guide`, and the ways that can fail.
//!
//! The browser layer only fetches; everything after the bytes arrive is here so it can be
//! tested on the host.

use super::guide::{parse, validate, Guide, ParseError, Problem};
use super::i18n::{describe_load_error, Locale};

/// Largest guide file we accept, so a wrong or hostile file cannot exhaust a cheap phone.
pub const MAX_GUIDE_BYTES: usize = 4 * 1024 * 1024;

/// Why the guide could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The request never got an answer: offline, DNS, CORS, aborted.
    Network(String),
    /// No complete answer arrived within the time limit.
    Timeout { seconds: u32 },
    /// The server answered with a status other than 2xx.
    Http { status: u16, status_text: String },
    /// The file is larger than `MAX_GUIDE_BYTES`.
    TooLarge { bytes: usize },
    /// The file is not a guide in JSON.
    Json(ParseError),
    /// The file parsed but breaks the guide's rules; every problem is listed.
    Invalid(Vec<Problem>),
    /// A language switch fetched a file of another guide version than the one on screen
    /// (a deploy since the page opened). Progress is checked against a new version only when
    /// the page loads, so the switch is refused.
    OtherVersion { shown: String, found: String },
}

/// Whether `found` may replace `shown` on a language switch: only the same guide at the same
/// version, as saved progress was checked against that version.
pub fn check_same_version(shown: &Guide, found: &Guide) -> Result<(), LoadError> {
    if shown.id == found.id && shown.version == found.version {
        Ok(())
    } else {
        Err(LoadError::OtherVersion {
            shown: format!("{} {}", shown.id, shown.version),
            found: format!("{} {}", found.id, found.version),
        })
    }
}

/// Parses and validates a guide file's text.
pub fn load_guide(text: &str) -> Result<Guide, LoadError> {
    parse_guide(text).and_then(check_guide)
}

/// The first half of `load_guide`: the size limit and the parse. The browser runs the two
/// halves in tasks of their own, so neither blocks a slow phone for long.
pub fn parse_guide(text: &str) -> Result<Guide, LoadError> {
    if text.len() > MAX_GUIDE_BYTES {
        return Err(LoadError::TooLarge { bytes: text.len() });
    }
    parse(text).map_err(LoadError::Json)
}

/// The second half of `load_guide`: the guide's rules, every problem listed.
pub fn check_guide(guide: Guide) -> Result<Guide, LoadError> {
    let problems = validate(&guide);
    if problems.is_empty() {
        Ok(guide)
    } else {
        Err(LoadError::Invalid(problems))
    }
}

/// What the page says about a failed load: a headline, and the problems it lists (each a
/// localized sentence; only an invalid guide has any).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Description {
    pub headline: String,
    pub details: Vec<String>,
}

impl LoadError {
    /// The headline and the problems to list, in `locale`. A network failure's cause, in the
    /// browser's own words, stays in the error (for the console) and is not listed.
    pub fn describe(&self, locale: Locale) -> Description {
        describe_load_error(self, locale)
    }
}
