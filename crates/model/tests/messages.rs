//! Every interface text in every language, checked for its script: no Simplified-only
//! character in a Traditional Chinese text, and no full-width punctuation or Chinese
//! character in an English one (issue 15). Texts with numbers or names are rendered with
//! sample values that are plain ASCII, so whatever else they contain is the message's own.

use jimei_model::guide::{ParseError, Problem, ProblemKind, Text};
use jimei_model::i18n::checklist::{self, ListMsg};
use jimei_model::i18n::flowchart::{self, FcMsg};
use jimei_model::i18n::ledger_page::{self, LedgerPageMsg};
use jimei_model::i18n::outside::{RecoveryMsg, UpdateMsg};
use jimei_model::i18n::script::{is_full_width, is_han, SIMPLIFIED_ONLY};
use jimei_model::i18n::store::{self, Notice};
use jimei_model::i18n::{parse_error_message, problem_message, Locale, Message, Msg, PageMsg};
use jimei_model::load::LoadError;
use jimei_model::progress::{ItemStatus, NaReason, NodeState, Tally};
use jimei_model::saved::{CodecError, FragmentError, GuideChange, JsonKind, Kept};

fn table<M: Message + std::fmt::Debug>(all: &[M], locale: Locale, out: &mut Vec<(String, String)>) {
    for msg in all {
        out.push((format!("{msg:?}"), msg.text(locale).to_string()));
    }
}

/// A guide for `status_text`, whose texts are ASCII in every language.
fn sample_guide() -> jimei_model::guide::Guide {
    let ascii = |s: &str| Text::from_pairs(&[("zh-Hans", s), ("zh-Hant", s), ("en", s)]);
    jimei_model::guide::Guide {
        id: "g".into(),
        version: "1".into(),
        date: "2020-02-10".into(),
        languages: vec!["zh-Hans".into(), "zh-Hant".into(), "en".into()],
        title: ascii("T"),
        summary: ascii("S"),
        sources: vec![],
        questions: vec![jimei_model::guide::Question {
            id: "q".into(),
            role: jimei_model::guide::Role::Enterprise,
            text: ascii("Q"),
            help: None,
            answers: vec![jimei_model::guide::AnswerOption {
                id: "a".into(),
                label: ascii("A"),
            }],
        }],
        nodes: vec![],
        edges: vec![],
        sections: vec![],
        about: vec![],
        classes: vec![],
        filing: None,
        cards: vec![],
    }
}

/// Every message of every table and every sentence-making function, in `locale`, named.
fn every_text(locale: Locale) -> Vec<(String, String)> {
    let mut out = Vec::new();
    table(&Msg::ALL, locale, &mut out);
    table(&PageMsg::ALL, locale, &mut out);
    table(&ListMsg::ALL, locale, &mut out);
    table(&FcMsg::ALL, locale, &mut out);
    table(&RecoveryMsg::ALL, locale, &mut out);
    table(&UpdateMsg::ALL, locale, &mut out);
    table(&LedgerPageMsg::ALL, locale, &mut out);
    let mut say = |name: &str, text: String| out.push((name.to_string(), text));
    say("done_of", checklist::done_of(7, 12, locale));
    say("not_ready", checklist::not_ready(3, locale));
    say("unanswered", checklist::unanswered(2, locale));
    say("other_classes", checklist::other_classes(6, locale));
    say("other_classes one", checklist::other_classes(1, locale));
    say("note_count", checklist::note_count(12, 2000, locale));
    say("note_count full", checklist::note_count(2000, 2000, locale));
    say("na_by_answers", checklist::na_by_answers("Q", "A", locale));
    say("na_by_hand", checklist::na_by_hand("R", locale));
    say("na_by_hand blank", checklist::na_by_hand(" ", locale));
    say(
        "incoming_summary",
        checklist::incoming_summary(2, 1, "", locale),
    );
    say(
        "incoming_summary named",
        checklist::incoming_summary(2, 1, "X", locale),
    );
    say("label", checklist::label("L", locale));
    say(
        "import_question",
        checklist::import_question("A", "B", locale),
    );
    say(
        "note_changed_elsewhere",
        checklist::note_changed_elsewhere("N", locale),
    );
    say("note_overwritten", checklist::note_overwritten("N", locale));
    say("letter_to_office", checklist::letter_to_office("O", locale));
    say(
        "field_problem",
        ledger_page::field_problem(&jimei_model::ledger::import::RowProblem::DateNeeded, locale),
    );
    say("person_added", ledger_page::person_added("N", locale));
    say(
        "temperature_label",
        ledger_page::temperature_label("N", "E1", locale),
    );
    say("reading_taken", ledger_page::reading_taken(365, locale));
    say(
        "reading_saved",
        ledger_page::reading_saved("N", 381, locale),
    );
    say(
        "abnormal_person",
        ledger_page::abnormal_person("N", "E1", 381, locale),
    );
    say("people_count", ledger_page::people_count(2, locale));
    say("routine_count", ledger_page::routine_count(2, locale));
    say("visit_left", ledger_page::visit_left("17:05", locale));
    say("visit_who", ledger_page::visit_who("N", "D1", locale));
    for problem in [
        jimei_model::ledger::forms::VisitProblem::NameMissing,
        jimei_model::ledger::forms::VisitProblem::PlateMissing,
    ] {
        say(
            "visit_problem",
            ledger_page::visit_problem(&problem, locale),
        );
    }
    say("imported", ledger_page::imported(2, locale));
    say(
        "enterprise_letter_body",
        checklist::enterprise_letter_body("X", locale),
    );
    say(
        "employee_letter_to",
        checklist::employee_letter_to("X", locale),
    );
    say(
        "employee_letter_body",
        checklist::employee_letter_body("C", locale),
    );
    let guide = sample_guide();
    for status in [
        ItemStatus::NotStarted,
        ItemStatus::Done,
        ItemStatus::NotApplicable(NaReason::Never),
        ItemStatus::NotApplicable(NaReason::ByHand(String::new())),
        ItemStatus::NotApplicable(NaReason::ByHand("R".into())),
        ItemStatus::NotApplicable(NaReason::ByAnswers {
            question: "q".into(),
            answer: "a".into(),
        }),
    ] {
        say(
            "status_text",
            checklist::status_text(&guide, &status, locale),
        );
    }
    for (total, done, not_applicable) in [(5, 0, 0), (5, 2, 0), (5, 5, 0), (2, 0, 2)] {
        let tally = Tally {
            total,
            done,
            not_applicable,
            ..Tally::default()
        };
        say("tag_text", flowchart::tag_text(&tally, locale));
        say("tally_text", flowchart::tally_text(&tally, locale));
    }
    for state in [
        NodeState::NotStarted,
        NodeState::Partial,
        NodeState::Done,
        NodeState::NotApplicable,
    ] {
        say(
            "state_word",
            flowchart::state_word(state, locale).unwrap_or("?").into(),
        );
    }
    say(
        "node_name",
        flowchart::node_name("K", "T", &["S", "R"], locale),
    );
    say("aside", flowchart::aside("A", locale));
    say("answered", flowchart::answered("Q", "A", locale));
    let id = || "x".to_string();
    for kind in [
        ProblemKind::NoLanguages,
        ProblemKind::DuplicateId { id: id() },
        ProblemKind::EmptyId,
        ProblemKind::EdgeFromMissing {
            edge: id(),
            node: id(),
        },
        ProblemKind::EdgeToMissing {
            edge: id(),
            node: id(),
        },
        ProblemKind::NoStart,
        ProblemKind::ManyStarts { count: 2 },
        ProblemKind::NoEnd,
        ProblemKind::DecisionFewBranches {
            node: id(),
            count: 1,
        },
        ProblemKind::BranchWithoutLabel {
            edge: id(),
            node: id(),
        },
        ProblemKind::BranchWithoutAnswer {
            edge: id(),
            node: id(),
        },
        ProblemKind::Unreachable { node: id() },
        ProblemKind::NoWayToEnd { node: id() },
        ProblemKind::EndHasExit { node: id() },
        ProblemKind::ItemNodeMissing {
            item: id(),
            node: id(),
        },
        ProblemKind::MissingText { lang: id() },
        ProblemKind::UnknownQuestion { question: id() },
        ProblemKind::UnknownAnswer {
            question: id(),
            answer: id(),
        },
        ProblemKind::UnknownSource { source: id() },
        ProblemKind::QuestionWithoutAnswers { question: id() },
    ] {
        let problem = Problem {
            path: "p".into(),
            kind,
        };
        say("problem_message", problem_message(&problem, locale));
    }
    let parse = ParseError {
        line: 1,
        column: 2,
        message: "expected value".into(),
    };
    say("parse_error_message", parse_error_message(&parse, locale));
    for error in [
        LoadError::Network("TypeError: Failed to fetch".into()),
        LoadError::Timeout { seconds: 20 },
        LoadError::Http {
            status: 404,
            status_text: "Not Found".into(),
        },
        LoadError::TooLarge { bytes: 9 },
        LoadError::Json(parse.clone()),
        LoadError::Invalid(vec![Problem {
            path: "p".into(),
            kind: ProblemKind::NoStart,
        }]),
        LoadError::OtherVersion {
            shown: "a 1".into(),
            found: "a 2".into(),
        },
    ] {
        let description = error.describe(locale);
        say("describe", description.headline);
        for line in description.details {
            say("describe detail", line);
        }
        say(
            "notice guide language",
            Notice::GuideLanguage(error).text(locale),
        );
    }
    for error in [
        CodecError::Empty,
        CodecError::TooLarge { bytes: 2, limit: 1 },
        CodecError::NotText,
        CodecError::Malformed {
            line: 1,
            column: 2,
            message: "m".into(),
        },
        CodecError::NotOurs {
            found: JsonKind::Array,
        },
        CodecError::NotAnExport { found: None },
        CodecError::NewerSchema {
            found: 9,
            supported: 1,
        },
        CodecError::OlderSchema {
            found: 0,
            oldest: 1,
        },
        CodecError::WrongGuide {
            found: id(),
            expected: id(),
        },
        CodecError::Invalid { message: id() },
    ] {
        say(
            "codec_error_message",
            store::codec_error_message(&error, locale),
        );
        for kept in [Kept::Copied("k".into()), Kept::InPlace("m".into())] {
            let notice = Notice::Unreadable {
                error: error.clone(),
                kept,
            };
            say("notice unreadable", notice.text(locale));
        }
    }
    for error in [
        FragmentError::TooLarge { bytes: 2, limit: 1 },
        FragmentError::UnknownFormat,
        FragmentError::Corrupt("c"),
        FragmentError::WrongGuide {
            found: id(),
            expected: id(),
        },
        FragmentError::GuideVersion {
            found: id(),
            expected: id(),
        },
    ] {
        say(
            "fragment_error_message",
            store::fragment_error_message(&error, locale),
        );
    }
    let change = GuideChange {
        added: vec![id()],
        removed: vec![id()],
        restored: vec![id()],
        removed_answers: vec![id()],
        restored_answers: vec![id()],
    };
    say(
        "guide_change_message",
        store::guide_change_message(&change, locale).unwrap_or_default(),
    );
    say("notice storage", Notice::StorageUnavailable.text(locale));
    say("notice write", Notice::WriteFailed.text(locale));
    for count in [1, 3] {
        say(
            "dropped_entries_message",
            store::dropped_entries_message(count, locale),
        );
        for kept in [Kept::Copied("k".into()), Kept::InPlace("m".into())] {
            say(
                "notice dropped",
                Notice::Dropped { count, kept }.text(locale),
            );
        }
    }
    say("notice newer", Notice::NewerVersion.text(locale));
    say("notice download", Notice::DownloadFailed.text(locale));
    out
}

#[test]
fn every_text_is_there_in_every_language() {
    for locale in Locale::ALL {
        for (name, text) in every_text(locale) {
            assert!(!text.trim().is_empty(), "{name} is empty in {locale}");
        }
    }
}

#[test]
fn traditional_chinese_has_no_simplified_only_character() {
    let mut wrong = Vec::new();
    for (name, text) in every_text(Locale::ZhHant) {
        let found: String = text
            .chars()
            .filter(|c| SIMPLIFIED_ONLY.contains(*c))
            .collect();
        if !found.is_empty() {
            wrong.push(format!("{name}: {found} in {text:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "Simplified characters in zh-Hant:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_simplified_only_table_is_of_characters_the_simplified_texts_use() {
    let simplified: String = every_text(Locale::ZhHans)
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    for c in SIMPLIFIED_ONLY.chars() {
        assert!(simplified.contains(c), "{c} is not in any zh-Hans text");
    }
}

#[test]
fn english_has_no_full_width_punctuation_or_chinese() {
    let mut wrong = Vec::new();
    for (name, text) in every_text(Locale::English) {
        if text.chars().any(|c| is_full_width(c) || is_han(c)) {
            wrong.push(format!("{name}: {text:?}"));
        }
    }
    assert!(wrong.is_empty(), "not English:\n{}", wrong.join("\n"));
}

#[test]
fn chinese_texts_are_not_left_in_english() {
    // A Chinese text with no Chinese character at all is a missing translation. Short
    // marks and numbers ("2/5") are the only texts allowed to be the same everywhere.
    for locale in [Locale::ZhHans, Locale::ZhHant] {
        for (name, text) in every_text(locale) {
            let latin_words = text
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| w.len() > 3);
            let han = text.chars().any(is_han);
            assert!(
                han || !latin_words || name == "describe" && text.contains("HTTP"),
                "{name} in {locale} reads {text:?}"
            );
        }
    }
}
