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

// ---------------------------------------------------------------------------------------------
// Phases, classes, filing offices and cards, against a fixture that has each of them
// ---------------------------------------------------------------------------------------------

const EXTRAS: &str = include_str!("fixtures/extras.json");

fn extras() -> Value {
    serde_json::from_str(EXTRAS).expect("the extras fixture is JSON")
}

fn extras_guide() -> jimei::model::guide::Guide {
    parse(EXTRAS).expect("the extras fixture parses")
}

/// As `check`, on the extras fixture, and the message must read in all three languages.
fn check_extra(
    edit: impl FnOnce(&mut Value),
    path: &str,
    expect: fn(&ProblemKind) -> bool,
    words: &str,
) {
    let mut value = extras();
    edit(&mut value);
    let guide = parse(&value.to_string()).expect("still parses");
    let problems = validate(&guide);
    let Some(found) = problems.iter().find(|p| p.path == path && expect(&p.kind)) else {
        panic!("no problem at {path}; got {problems:#?}");
    };
    let message = problem_message(found, Locale::English);
    assert!(message.contains(words), "{message:?} lacks {words:?}");
    for locale in [Locale::ZhHans, Locale::ZhHant] {
        let message = problem_message(found, locale);
        assert!(
            message
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{locale:?} message is not Chinese: {message:?}"
        );
        assert!(message.contains(path), "{message:?} lacks the path");
    }
}

#[test]
fn the_extras_fixture_is_valid() {
    assert_eq!(validate(&extras_guide()), vec![]);
}

#[test]
fn a_phase_belongs_to_its_sections_role() {
    check_extra(
        |v| *at(v, "/sections/1/items/0/phase") = json!("before_reopening"),
        "sections[1].items[0].phase",
        |k| matches!(k, ProblemKind::PhaseNotForRole { item, .. } if item == "emp-report"),
        "phase before_reopening, which is not one of the employee list",
    );
    check_extra(
        |v| *at(v, "/sections/0/items/0/phase") = json!("observation"),
        "sections[0].items[0].phase",
        |k| matches!(k, ProblemKind::PhaseNotForRole { .. }),
        "enterprise list",
    );
}

/// Issue 18: only an enterprise's daily item can be a routine the ledger records.
#[test]
fn a_routine_is_a_daily_enterprise_item() {
    check_extra(
        |v| {
            at(v, "/sections/1/items/0")
                .as_object_mut()
                .expect("an item")
                .insert("routine".into(), json!(true));
        },
        "sections[1].items[0].routine",
        |k| matches!(k, ProblemKind::RoutineNotDaily { item } if item == "emp-report"),
        "not a daily enterprise item",
    );
}

#[test]
fn node_conditions_otherwise_edges_and_role_wordings() {
    check_extra(
        |v| {
            at(v, "/nodes/5")
                .as_object_mut()
                .unwrap()
                .remove("applies_when");
        },
        "nodes[5].otherwise",
        |k| matches!(k, ProblemKind::OtherwiseWithoutCondition { .. }),
        "node fever names an otherwise edge but has no condition",
    );
    check_extra(
        |v| *at(v, "/nodes/5/otherwise") = json!("e1"),
        "nodes[5].otherwise",
        |k| matches!(k, ProblemKind::OtherwiseNotAnExit { edge, .. } if edge == "e1"),
        "does not leave it",
    );
    check_extra(
        |v| *at(v, "/nodes/5/applies_when/is/answer") = json!("maybe"),
        "nodes[5].applies_when",
        |k| matches!(k, ProblemKind::UnknownAnswer { .. }),
        "question canteen has no answer maybe",
    );
    check_extra(
        |v| {
            let again = at(v, "/nodes/1/for_role/0").clone();
            at(v, "/nodes/1/for_role")
                .as_array_mut()
                .unwrap()
                .push(again);
        },
        "nodes[1].for_role[1]",
        |k| matches!(k, ProblemKind::RoleWordingRepeated { .. }),
        "more than one wording for the employee role",
    );
    check_extra(
        |v| *at(v, "/nodes/1/for_role/0/body/en") = json!(""),
        "nodes[1].for_role[0].body",
        |k| matches!(k, ProblemKind::MissingText { .. }),
        "the en text is missing",
    );
}

#[test]
fn classes_are_the_answers_of_the_class_question() {
    check_extra(
        |v| *at(v, "/classes/0/id") = json!("nowhere"),
        "classes[0]",
        |k| matches!(k, ProblemKind::ClassNotAnAnswer { class } if class == "nowhere"),
        "class nowhere is not an answer of the class question",
    );
    check_extra(
        |v| *at(v, "/classes/0/id") = json!("nowhere"),
        "questions[2].answers[0]",
        |k| matches!(k, ProblemKind::AnswerWithoutClass { answer } if answer == "far"),
        "answer far of the class question has no class",
    );
    check_extra(
        |v| *at(v, "/classes/1/days") = json!(14),
        "classes[1].days",
        |k| matches!(k, ProblemKind::ClassDays { .. }),
        "do not fit its observation",
    );
    check_extra(
        |v| *at(v, "/classes/0/node") = json!("n99"),
        "classes[0].node",
        |k| matches!(k, ProblemKind::NodeMissing { node, .. } if node == "n99"),
        "far refers to node n99, which does not exist",
    );
    check_extra(
        |v| *at(v, "/classes/0/source") = json!("nobody"),
        "classes[0].source",
        |k| matches!(k, ProblemKind::UnknownSource { .. }),
        "source nobody is not declared",
    );
    check_extra(
        |v| {
            let qs = at(v, "/questions").as_array_mut().unwrap();
            qs.retain(|q| q["id"] != "personnel_class");
            at(v, "/sections")
                .as_array_mut()
                .unwrap()
                .retain(|s| s["id"] != "emp");
        },
        "classes",
        |k| matches!(k, ProblemKind::UnknownQuestion { question } if question == "personnel_class"),
        "question personnel_class is not declared",
    );
}

#[test]
fn filing_offices_routes_and_materials_refer_to_what_exists() {
    check_extra(
        |v| *at(v, "/filing/offices/1/id") = json!("t9"),
        "filing.offices[1]",
        |k| matches!(k, ProblemKind::OfficeNotAnAnswer { office } if office == "t9"),
        "town office t9 is not an answer of the town question",
    );
    check_extra(
        |v| *at(v, "/filing/offices/1/id") = json!("t9"),
        "filing.offices",
        |k| matches!(k, ProblemKind::AnswerWithoutOffice { answer } if answer == "t1"),
        "answer t1 of the town question has no office",
    );
    check_extra(
        |v| *at(v, "/filing/routes/0/files_with") = json!({"office": "mayor"}),
        "filing.routes[0].files_with",
        |k| matches!(k, ProblemKind::OfficeMissing { .. }),
        "filing route large files with office mayor, which does not exist",
    );
    check_extra(
        |v| *at(v, "/filing/routes/1/node") = json!("n99"),
        "filing.routes[1].node",
        |k| matches!(k, ProblemKind::NodeMissing { .. }),
        "small refers to node n99",
    );
    check_extra(
        |v| *at(v, "/filing/materials/0/routes/1") = json!("medium"),
        "filing.materials[0].routes",
        |k| matches!(k, ProblemKind::RouteMissing { .. }),
        "material letter is for route medium, which does not exist",
    );
    check_extra(
        |v| *at(v, "/filing/materials/0/item") = json!("item-gone"),
        "filing.materials[0].item",
        |k| matches!(k, ProblemKind::ItemMissing { .. }),
        "letter refers to item item-gone, which does not exist",
    );
    check_extra(
        |v| *at(v, "/filing/question") = json!("district"),
        "filing.question",
        |k| matches!(k, ProblemKind::UnknownQuestion { .. }),
        "question district is not declared",
    );
    check_extra(
        |v| *at(v, "/filing/offices/2/id") = json!("t1"),
        "filing.offices[2]",
        |k| matches!(k, ProblemKind::DuplicateId { id } if id == "t1"),
        "t1 is used more than once",
    );
}

#[test]
fn cards_sit_where_they_say_and_link_to_their_roles_items() {
    check_extra(
        |v| *at(v, "/cards/1/place") = json!({"after_section": "emp"}),
        "cards[1].place",
        |k| matches!(k, ProblemKind::SectionMissing { section, .. } if section == "emp"),
        "card summary goes after section emp, which its role's checklist does not have",
    );
    check_extra(
        |v| *at(v, "/cards/0/points/0/items/0") = json!("emp-report"),
        "cards[0].points[0].items",
        |k| matches!(k, ProblemKind::ItemOfOtherRole { .. }),
        "p-temp refers to item emp-report of the other role's checklist",
    );
    check_extra(
        |v| *at(v, "/cards/0/points/0/items/0") = json!("item-gone"),
        "cards[0].points[0].items",
        |k| matches!(k, ProblemKind::ItemMissing { .. }),
        "p-temp refers to item item-gone",
    );
    check_extra(
        |v| {
            let p = at(v, "/cards/1/points/0").as_object_mut().unwrap();
            p.remove("items");
        },
        "cards[1].points[0]",
        |k| matches!(k, ProblemKind::PointLinksNothing { .. }),
        "point p-file links to no item and no node",
    );
    check_extra(
        |v| *at(v, "/cards/1/place") = json!("first"),
        "cards",
        |k| *k == ProblemKind::ManyFirstCards { count: 2 },
        "2 cards placed first",
    );
    check_extra(
        |v| *at(v, "/cards/0/points/0/node") = json!("n99"),
        "cards[0].points[0].node",
        |k| matches!(k, ProblemKind::NodeMissing { .. }),
        "p-temp refers to node n99",
    );
}

#[test]
fn phases_decide_what_blocks_readiness() {
    use jimei::model::guide::{Phase, Role};
    let g = extras_guide();
    let blocking: Vec<&str> = g
        .sections
        .iter()
        .flat_map(|s| s.items.iter())
        .filter(|i| i.blocks_readiness())
        .map(|i| i.id.as_str())
        .collect();
    // The daily item is required but a routine; the employee's on-arrival item blocks.
    assert_eq!(blocking, ["item-file", "emp-report"]);
    assert!(Phase::BeforeReopening.blocks_readiness() && Phase::OnArrival.blocks_readiness());
    assert!(!Phase::Daily.blocks_readiness() && !Phase::Observation.blocks_readiness());
    assert_eq!(
        Phase::of_role(Role::Employee),
        [
            Phase::BeforeTravel,
            Phase::OnArrival,
            Phase::Observation,
            Phase::Daily
        ]
    );
    assert!(Phase::Daily.fits(Role::Enterprise) && !Phase::BeforeTravel.fits(Role::Enterprise));
    // An item without a phase blocks as every required item did before phases.
    let mut old = g.sections[0].items[1].clone();
    old.phase = None;
    assert!(old.blocks_readiness());
    old.required = false;
    assert!(!old.blocks_readiness());
}

#[test]
fn nodes_read_by_role_and_apply_by_answers() {
    use jimei::model::guide::{Answers, DecisionMode, Role};
    let g = extras_guide();
    let size = g.node("size-check").unwrap();
    assert_eq!(size.title_for(Role::Enterprise).get("en", "en"), "Output");
    assert_eq!(
        size.title_for(Role::Employee).get("en", "en"),
        "Your employer's output"
    );
    assert_eq!(
        size.body_for(Role::Employee).get("en", "en"),
        "Your employer decides"
    );
    // The size question is the enterprise's: the employee sees every branch.
    assert_eq!(
        g.decision_mode(size, Role::Enterprise),
        DecisionMode::Answer("size")
    );
    assert_eq!(
        g.decision_mode(size, Role::Employee),
        DecisionMode::AllBranches
    );
    let fever = g.node("fever").unwrap();
    assert_eq!(
        g.decision_mode(fever, Role::Enterprise),
        DecisionMode::Event
    );
    assert_eq!(
        g.decision_mode(g.node("daily").unwrap(), Role::Enterprise),
        DecisionMode::NotADecision
    );
    let answers = |pairs: &[(&str, &str)]| -> Answers {
        pairs
            .iter()
            .map(|(q, a)| (q.to_string(), a.to_string()))
            .collect()
    };
    assert!(g.node_applies(fever, &Answers::new()), "unanswered applies");
    assert!(g.node_applies(fever, &answers(&[("canteen", "yes")])));
    assert!(!g.node_applies(fever, &answers(&[("canteen", "no")])));
    assert!(g.node_applies(size, &answers(&[("canteen", "no")])));
}

#[test]
fn class_dates_count_from_the_first_day() {
    let g = extras_guide();
    let far = g.class("far").unwrap();
    let near = g.class("near").unwrap();
    assert_eq!(
        far.first_day_after("2020-02-10").as_deref(),
        Some("2020-02-24")
    );
    // Across the end of February in a leap year, and of a year.
    assert_eq!(
        far.first_day_after("2020-02-20").as_deref(),
        Some("2020-03-05")
    );
    assert_eq!(
        far.first_day_after("2019-12-25").as_deref(),
        Some("2020-01-08")
    );
    assert_eq!(
        far.first_day_after("2021-02-20").as_deref(),
        Some("2021-03-06")
    );
    assert_eq!(
        near.first_day_after("2020-02-10").as_deref(),
        Some("2020-02-10")
    );
    assert_eq!(far.observing_on("2020-02-10", "2020-02-10"), Some(true));
    assert_eq!(far.observing_on("2020-02-10", "2020-02-23"), Some(true));
    assert_eq!(far.observing_on("2020-02-10", "2020-02-24"), Some(false));
    assert_eq!(far.observing_on("2020-02-10", "2020-02-09"), Some(false));
    assert_eq!(near.observing_on("2020-02-10", "2020-02-10"), Some(false));
    for bad in [
        "2020-02-30",
        "2019-02-29",
        "2020-13-01",
        "20-02-10",
        "2020-2-10",
        "",
        "soon",
    ] {
        assert_eq!(far.first_day_after(bad), None, "{bad:?}");
    }
    assert_eq!(far.observing_on("2020-02-10", "tomorrow"), None);
}

#[test]
fn filing_follows_the_answers_to_an_office_and_its_materials() {
    use jimei::model::guide::Answers;
    let g = extras_guide();
    let answers = |pairs: &[(&str, &str)]| -> Answers {
        pairs
            .iter()
            .map(|(q, a)| (q.to_string(), a.to_string()))
            .collect()
    };
    assert!(g.filing_route(&Answers::new()).is_none(), "undecided");
    let large = g.filing_route(&answers(&[("size", "yes")])).unwrap();
    assert_eq!(large.id, "large");
    let offices: Vec<&str> = g
        .filing_offices(large, &Answers::new())
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(offices, ["bureau"]);
    let small = g.filing_route(&answers(&[("size", "no")])).unwrap();
    let towns = |a: &Answers| -> Vec<String> {
        g.filing_offices(small, a)
            .iter()
            .map(|o| o.id.clone())
            .collect()
    };
    assert_eq!(
        towns(&answers(&[("size", "no")])),
        ["t1", "t2"],
        "not chosen yet"
    );
    assert_eq!(towns(&answers(&[("size", "no"), ("where", "t2")])), ["t2"]);
    let materials: Vec<&str> = g
        .filing_materials(small)
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(materials, ["letter", "plan"]);
}

#[test]
fn cards_are_found_by_place_and_their_points_by_item() {
    use jimei::model::guide::Role;
    let g = extras_guide();
    assert_eq!(
        g.first_card(Role::Enterprise).map(|c| c.id.as_str()),
        Some("gate")
    );
    assert!(g.first_card(Role::Employee).is_none());
    let after: Vec<&str> = g.cards_after("sec").map(|c| c.id.as_str()).collect();
    assert_eq!(after, ["summary"]);
    let point = &g.cards[0].points[0];
    let items: Vec<&str> = g.point_items(point).map(|i| i.id.as_str()).collect();
    assert_eq!(items, ["item-file"]);
}
