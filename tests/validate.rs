//! The validator against one valid fixture and one broken copy of it per rule. Each case
//! changes the fixture with a JSON pointer edit and names the problem that must be reported.

use jimei::model::guide::{parse, validate, ProblemKind};
use jimei::model::i18n::{problem_message, Locale};
use jimei::model::load::{check_same_version, load_guide, LoadError};
use serde_json::{json, Value};

const MINIMAL: &str = include_str!("fixtures/minimal.json");

fn fixture() -> Value {
    serde_json::from_str(MINIMAL).expect("the fixture is JSON")
}

/// Applies `edit` to the fixture, validates, and checks that a problem at `path` matches
/// `expect`, with an English message containing `words`.
fn check(edit: impl FnOnce(&mut Value), path: &str, expect: fn(&ProblemKind) -> bool, words: &str) {
    let mut value = fixture();
    edit(&mut value);
    let guide = parse(&value.to_string()).expect("still parses");
    let problems = validate(&guide);
    let found = problems.iter().find(|p| p.path == path && expect(&p.kind));
    let Some(found) = found else {
        panic!("no problem at {path}; got {problems:#?}");
    };
    let message = problem_message(found, Locale::English);
    assert!(message.contains(words), "{message:?} lacks {words:?}");
}

fn at<'a>(value: &'a mut Value, pointer: &str) -> &'a mut Value {
    value
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no {pointer} in the fixture"))
}

#[test]
fn the_fixture_is_valid() {
    let guide = parse(MINIMAL).unwrap();
    assert_eq!(validate(&guide), vec![]);
}

#[test]
fn duplicate_ids() {
    check(
        |v| *at(v, "/nodes/2/id") = json!("town"),
        "nodes[3]",
        |k| matches!(k, ProblemKind::DuplicateId { id } if id == "town"),
        "town is used more than once",
    );
    // Items share the namespace with nodes, so a saved key is never ambiguous.
    check(
        |v| *at(v, "/sections/0/items/0/id") = json!("daily"),
        "sections[0].items[0]",
        |k| matches!(k, ProblemKind::DuplicateId { .. }),
        "daily",
    );
    check(
        |v| *at(v, "/edges/1/id") = json!(" "),
        "edges[1]",
        |k| *k == ProblemKind::EmptyId,
        "empty",
    );
}

#[test]
fn edges_between_existing_nodes() {
    check(
        |v| *at(v, "/edges/3/to") = json!("n99"),
        "edges[3]",
        |k| matches!(k, ProblemKind::EdgeToMissing { .. }),
        "edge e4 points to node n99, which does not exist",
    );
    check(
        |v| *at(v, "/edges/3/from") = json!("n98"),
        "edges[3]",
        |k| matches!(k, ProblemKind::EdgeFromMissing { .. }),
        "starts at node n98",
    );
}

#[test]
fn exactly_one_start() {
    check(
        |v| *at(v, "/nodes/0/kind") = json!("step"),
        "nodes",
        |k| *k == ProblemKind::NoStart,
        "no start node",
    );
    check(
        |v| *at(v, "/nodes/2/kind") = json!("start"),
        "nodes",
        |k| *k == ProblemKind::ManyStarts { count: 2 },
        "2 start nodes",
    );
}

#[test]
fn an_end_exists_and_has_no_exit() {
    check(
        |v| *at(v, "/nodes/6/kind") = json!("step"),
        "nodes",
        |k| *k == ProblemKind::NoEnd,
        "no end node",
    );
    check(
        |v| {
            at(v, "/edges")
                .as_array_mut()
                .unwrap()
                .push(json!({"id": "e9", "from": "end", "to": "daily"}))
        },
        "nodes[6]",
        |k| matches!(k, ProblemKind::EndHasExit { .. }),
        "end node end",
    );
}

#[test]
fn decisions_have_two_labelled_branches() {
    check(
        |v| {
            at(v, "/edges").as_array_mut().unwrap().remove(2);
        },
        "nodes[1]",
        |k| matches!(k, ProblemKind::DecisionFewBranches { count: 1, .. }),
        "decision size-check has 1 branch",
    );
    check(
        |v| {
            at(v, "/edges/6").as_object_mut().unwrap().remove("label");
        },
        "edges[6].label",
        |k| matches!(k, ProblemKind::BranchWithoutLabel { .. }),
        "branch e7 of decision fever has no label",
    );
    check(
        |v| {
            at(v, "/edges/1").as_object_mut().unwrap().remove("answer");
        },
        "edges[1].answer",
        |k| matches!(k, ProblemKind::BranchWithoutAnswer { .. }),
        "names no answer",
    );
    check(
        |v| *at(v, "/edges/1/answer") = json!("maybe"),
        "edges[1].answer",
        |k| matches!(k, ProblemKind::UnknownAnswer { .. }),
        "question size has no answer maybe",
    );
}

#[test]
fn every_node_reachable_from_the_start() {
    check(
        |v| *at(v, "/edges/2/to") = json!("bureau"),
        "nodes[3]",
        |k| matches!(k, ProblemKind::Unreachable { node } if node == "town"),
        "node town cannot be reached",
    );
}

#[test]
fn every_path_reaches_an_end() {
    // Without the exit from the daily loop, nothing after the filing can finish.
    check(
        |v| *at(v, "/edges/7/to") = json!("daily"),
        "nodes[4]",
        |k| matches!(k, ProblemKind::NoWayToEnd { node } if node == "daily"),
        "no path leads from node daily",
    );
}

#[test]
fn every_item_linked_to_an_existing_node() {
    check(
        |v| *at(v, "/sections/0/items/0/node") = json!("gone"),
        "sections[0].items[0].node",
        |k| matches!(k, ProblemKind::ItemNodeMissing { .. }),
        "item item-file belongs to node gone, which does not exist",
    );
}

#[test]
fn every_text_in_every_language() {
    check(
        |v| {
            at(v, "/nodes/3/title")
                .as_object_mut()
                .unwrap()
                .remove("en");
        },
        "nodes[3].title",
        |k| matches!(k, ProblemKind::MissingText { lang } if lang == "en"),
        "the en text is missing",
    );
    check(
        |v| *at(v, "/sections/0/items/1/why/zh-Hans") = json!("  "),
        "sections[0].items[1].why",
        |k| matches!(k, ProblemKind::MissingText { .. }),
        "zh-Hans",
    );
    check(
        |v| {
            at(v, "/languages")
                .as_array_mut()
                .unwrap()
                .push(json!("zh-Hant"));
        },
        "title",
        |k| matches!(k, ProblemKind::MissingText { lang } if lang == "zh-Hant"),
        "zh-Hant",
    );
    check(
        |v| *at(v, "/languages") = json!([]),
        "languages",
        |k| *k == ProblemKind::NoLanguages,
        "no languages",
    );
}

#[test]
fn conditions_name_declared_questions_and_answers() {
    check(
        |v| *at(v, "/sections/0/items/1/applies_when/all/0/is/question") = json!("dorm"),
        "sections[0].items[1].applies_when",
        |k| matches!(k, ProblemKind::UnknownQuestion { .. }),
        "question dorm is not declared",
    );
    check(
        |v| *at(v, "/sections/0/items/1/applies_when/all/1/not/is/answer") = json!("maybe"),
        "sections[0].items[1].applies_when",
        |k| matches!(k, ProblemKind::UnknownAnswer { .. }),
        "question size has no answer maybe",
    );
    check(
        |v| *at(v, "/nodes/1/question") = json!("colour"),
        "nodes[1].question",
        |k| matches!(k, ProblemKind::UnknownQuestion { .. }),
        "colour",
    );
}

#[test]
fn sources_and_questions_are_declared_properly() {
    check(
        |v| *at(v, "/nodes/4/source") = json!("nowhere"),
        "nodes[4].source",
        |k| matches!(k, ProblemKind::UnknownSource { .. }),
        "source nowhere is not declared",
    );
    check(
        |v| {
            at(v, "/questions/1/answers").as_array_mut().unwrap().pop();
        },
        "questions[1].answers",
        |k| matches!(k, ProblemKind::QuestionWithoutAnswers { .. }),
        "at least two answers",
    );
}

#[test]
fn all_problems_are_collected_not_just_the_first() {
    let mut value = fixture();
    *at(&mut value, "/edges/3/to") = json!("n99");
    *at(&mut value, "/nodes/4/source") = json!("nowhere");
    at(&mut value, "/nodes/3/title")
        .as_object_mut()
        .unwrap()
        .remove("en");
    let problems = validate(&parse(&value.to_string()).unwrap());
    assert!(problems.len() >= 3, "{problems:#?}");
}

#[test]
fn load_guide_reports_each_kind_of_failure() {
    assert!(matches!(load_guide("{\"id\": "), Err(LoadError::Json(e)) if e.line == 1));
    assert!(matches!(load_guide("[]"), Err(LoadError::Json(_))));
    assert!(matches!(
        load_guide(&"x".repeat(5 * 1024 * 1024)),
        Err(LoadError::TooLarge { .. })
    ));
    let mut value = fixture();
    *at(&mut value, "/edges/3/to") = json!("n99");
    let Err(LoadError::Invalid(problems)) = load_guide(&value.to_string()) else {
        panic!("an invalid guide must be refused");
    };
    let description = LoadError::Invalid(problems).describe(Locale::ZhHans);
    let (headline, lines) = (description.headline, description.details);
    assert_eq!(headline, "指南文件内容有以下问题：");
    assert!(lines.iter().any(|l| l.contains("n99")), "{lines:?}");
    assert!(load_guide(MINIMAL).is_ok());
}

#[test]
fn unknown_fields_are_refused_so_typos_do_not_pass_silently() {
    let mut value = fixture();
    at(&mut value, "/nodes/0")
        .as_object_mut()
        .unwrap()
        .insert("titel".into(), json!({}));
    assert!(
        matches!(load_guide(&value.to_string()), Err(LoadError::Json(e)) if e.message.contains("titel"))
    );
}

#[test]
fn conditions_evaluate_with_three_values() {
    let guide = parse(MINIMAL).unwrap();
    let cond = guide.sections[0].items[1].applies_when.clone().unwrap();
    let answers = |pairs: &[(&str, &str)]| {
        pairs
            .iter()
            .map(|(q, a)| (q.to_string(), a.to_string()))
            .collect()
    };
    assert_eq!(cond.eval(&answers(&[])), None);
    assert_eq!(cond.eval(&answers(&[("canteen", "no")])), Some(false));
    assert_eq!(cond.eval(&answers(&[("canteen", "yes")])), None);
    assert_eq!(
        cond.eval(&answers(&[("canteen", "yes"), ("size", "yes")])),
        Some(true)
    );
    assert_eq!(
        cond.eval(&answers(&[("canteen", "yes"), ("size", "no")])),
        Some(false)
    );
}

#[test]
fn reading_order_puts_branches_after_their_decision_and_keeps_every_node() {
    let guide = parse(MINIMAL).unwrap();
    let ids: Vec<&str> = guide
        .reading_order()
        .into_iter()
        .map(|i| guide.nodes[i].id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "start",
            "size-check",
            "bureau",
            "daily",
            "fever",
            "end",
            "town"
        ]
    );
}

#[test]
fn a_language_switch_only_takes_the_same_guide_version() {
    let shown = parse(MINIMAL).unwrap();
    let same = parse(MINIMAL).unwrap();
    assert_eq!(check_same_version(&shown, &same), Ok(()));
    let mut value = fixture();
    *at(&mut value, "/version") = json!("2099-01-01");
    let newer = parse(&value.to_string()).unwrap();
    let Err(error) = check_same_version(&shown, &newer) else {
        panic!("another version must be refused");
    };
    assert!(
        matches!(&error, LoadError::OtherVersion { found, .. } if found.ends_with("2099-01-01"))
    );
    for locale in Locale::ALL {
        let description = error.describe(locale);
        let message = description.headline;
        assert!(message.contains("2099-01-01"), "{message}");
        assert!(description.details.is_empty());
    }
    assert!(error
        .describe(Locale::English)
        .headline
        .contains("Reload the page"));
    let mut value = fixture();
    *at(&mut value, "/id") = json!("another-guide");
    let other = parse(&value.to_string()).unwrap();
    assert!(check_same_version(&shown, &other).is_err());
}
