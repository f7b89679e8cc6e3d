//! Checks on the shipped guide, `public/guide/jimei.json`: that it validates, that the
//! flowchart says what the district's process says (the filing route by output value, the rule
//! for each class of returning staff, the abnormal-temperature procedure, the daily loop), that
//! every picture it names exists and is a well-formed SVG, and that the text is complete in all
//! three languages.
//!
//! Each kind of check has one small helper; per-case checks are tables of one-line rows.

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};

use jimei::model::guide::{
    parse, validate, Answers, Condition, Confidence, Edge, Guide, Item, Node, NodeKind, Role, Text,
};

const GUIDE_JSON: &str = include_str!("../public/guide/jimei.json");

fn guide() -> Guide {
    parse(GUIDE_JSON).unwrap_or_else(|e| {
        panic!(
            "public/guide/jimei.json does not parse at {}:{}: {}",
            e.line, e.column, e.message
        )
    })
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn node<'g>(guide: &'g Guide, id: &str) -> &'g Node {
    guide.node(id).unwrap_or_else(|| panic!("no node {id:?}"))
}

fn exits<'g>(guide: &'g Guide, node_id: &str) -> Vec<&'g Edge> {
    guide.edges.iter().filter(|e| e.from == node_id).collect()
}

/// The one decision tied to `question`.
fn decision_for<'g>(guide: &'g Guide, question: &str) -> &'g Node {
    let found: Vec<&Node> = guide
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Decision && n.question.as_deref() == Some(question))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one decision for question {question:?}, found {}",
        found.len()
    );
    found[0]
}

/// The node that the branch taking `answer` out of `decision` leads to.
fn branch_target<'g>(guide: &'g Guide, decision: &Node, answer: &str) -> &'g Node {
    let branches: Vec<&Edge> = exits(guide, &decision.id)
        .into_iter()
        .filter(|e| e.answer.as_deref() == Some(answer))
        .collect();
    assert_eq!(
        branches.len(),
        1,
        "decision {:?} should have exactly one branch for answer {answer:?}",
        decision.id
    );
    node(guide, &branches[0].to)
}

/// The first node, breadth first from `from` and passing only through steps, for which `wanted`
/// holds. "Leads to" in the process means: possibly through a few steps, but not through
/// another decision.
fn first_through_steps<'g>(
    guide: &'g Guide,
    from: &'g Node,
    wanted: impl Fn(&Node) -> bool,
) -> Option<&'g Node> {
    let mut seen = HashSet::new();
    let mut queue = VecDeque::from([from]);
    while let Some(n) = queue.pop_front() {
        if !seen.insert(n.id.as_str()) {
            continue;
        }
        if wanted(n) {
            return Some(n);
        }
        if n.kind == NodeKind::Step {
            queue.extend(exits(guide, &n.id).into_iter().map(|e| node(guide, &e.to)));
        }
    }
    None
}

fn zh(text: &Text) -> &str {
    text.0.get("zh-Hans").map(String::as_str).unwrap_or("")
}

fn en(text: &Text) -> &str {
    text.0.get("en").map(String::as_str).unwrap_or("")
}

/// Whether a node's title or body says `zh_part` in Simplified Chinese and `en_part` in English.
fn node_says(n: &Node, zh_part: &str, en_part: &str) -> bool {
    let zh_text = format!("{} {}", zh(&n.title), zh(&n.body));
    let en_text = format!("{} {}", en(&n.title), en(&n.body));
    zh_text.contains(zh_part) && en_text.contains(en_part)
}

/// For each node, whether it can be reached from `from` along the edges (or against them when
/// `backwards`).
fn reachable(guide: &Guide, from: &[&str], backwards: bool) -> HashSet<String> {
    let mut adjacency: HashMap<&str, Vec<&str>> = HashMap::new();
    for e in &guide.edges {
        let (a, b) = if backwards {
            (&e.to, &e.from)
        } else {
            (&e.from, &e.to)
        };
        adjacency.entry(a.as_str()).or_default().push(b.as_str());
    }
    let mut seen: HashSet<String> = HashSet::new();
    let mut queue: VecDeque<&str> = from.iter().copied().collect();
    while let Some(n) = queue.pop_front() {
        if seen.insert(n.to_string()) {
            queue.extend(adjacency.get(n).into_iter().flatten().copied());
        }
    }
    seen
}

fn item<'g>(guide: &'g Guide, id: &str) -> &'g Item {
    guide
        .sections
        .iter()
        .flat_map(|s| s.items.iter())
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("no item {id:?}"))
}

/// Whether `cond` can only hold when `question` is answered `answer`: it is that very test, or
/// an `all` with that test among its parts.
fn requires(cond: &Condition, question: &str, answer: &str) -> bool {
    match cond {
        Condition::Is {
            question: q,
            answer: a,
        } => q == question && a == answer,
        Condition::All(parts) => parts.iter().any(|p| requires(p, question, answer)),
        Condition::Any(_) | Condition::Not(_) => false,
    }
}

/// Every question a condition mentions.
fn questions_in(cond: &Condition) -> Vec<&str> {
    match cond {
        Condition::Is { question, .. } => vec![question.as_str()],
        Condition::All(parts) | Condition::Any(parts) => {
            parts.iter().flat_map(questions_in).collect()
        }
        Condition::Not(inner) => questions_in(inner),
    }
}

fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs
        .iter()
        .map(|(q, a)| (q.to_string(), a.to_string()))
        .collect()
}

/// Every text of the guide with a path saying where it is.
fn all_texts(g: &Guide) -> Vec<(String, &Text)> {
    let mut out: Vec<(String, &Text)> =
        vec![("title".into(), &g.title), ("summary".into(), &g.summary)];
    out.extend(
        g.sources
            .iter()
            .map(|s| (format!("source {}", s.id), &s.name)),
    );
    for q in &g.questions {
        out.push((format!("question {}", q.id), &q.text));
        out.extend(
            q.help
                .iter()
                .map(|h| (format!("question {} help", q.id), h)),
        );
        out.extend(
            q.answers
                .iter()
                .map(|a| (format!("answer {}.{}", q.id, a.id), &a.label)),
        );
    }
    for n in &g.nodes {
        out.push((format!("node {} title", n.id), &n.title));
        out.push((format!("node {} body", n.id), &n.body));
        out.extend(n.why.iter().map(|w| (format!("node {} why", n.id), w)));
    }
    out.extend(
        g.edges
            .iter()
            .filter_map(|e| e.label.as_ref().map(|l| (format!("edge {}", e.id), l))),
    );
    for s in &g.sections {
        out.push((format!("section {} title", s.id), &s.title));
        out.extend(
            s.intro
                .iter()
                .map(|t| (format!("section {} intro", s.id), t)),
        );
        for i in &s.items {
            out.push((format!("item {} title", i.id), &i.title));
            out.push((format!("item {} what", i.id), &i.what));
            out.push((format!("item {} why", i.id), &i.why));
        }
    }
    for a in &g.about {
        out.push((format!("about {} title", a.id), &a.title));
        out.push((format!("about {} body", a.id), &a.body));
    }
    out
}

/// Every picture file the guide names, with where it is named.
fn pictures(g: &Guide) -> Vec<(String, &str)> {
    let mut out: Vec<(String, &str)> = Vec::new();
    out.extend(g.nodes.iter().filter_map(|n| {
        n.illustration
            .as_deref()
            .map(|f| (format!("node {}", n.id), f))
    }));
    for s in &g.sections {
        out.extend(
            s.illustration
                .as_deref()
                .map(|f| (format!("section {}", s.id), f)),
        );
        out.extend(
            s.items
                .iter()
                .filter_map(|i| i.icon.as_deref().map(|f| (format!("item {}", i.id), f))),
        );
    }
    out
}

fn img_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("public")
        .join("img")
}

/// Why the picture file `name` is not a usable SVG with a title, if it is not.
fn svg_problem(name: &str) -> Option<String> {
    if name.contains('/') || name.contains('\\') || !name.ends_with(".svg") {
        return Some("is not a bare .svg file name".into());
    }
    let path = img_dir().join(name);
    let source = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => return Some(format!("cannot be read from {}: {e}", path.display())),
    };
    let doc = match roxmltree::Document::parse(&source) {
        Ok(d) => d,
        Err(e) => return Some(format!("is not well-formed XML: {e}")),
    };
    let root = doc.root_element();
    if root.tag_name().name() != "svg" {
        return Some(format!(
            "has root element <{}>, not <svg>",
            root.tag_name().name()
        ));
    }
    let titled = root.descendants().any(|n| {
        n.is_element()
            && n.tag_name().name() == "title"
            && n.text().is_some_and(|t| !t.trim().is_empty())
    });
    if !titled {
        return Some("has no non-empty <title>".into());
    }
    None
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The text with every parenthesised part, such as "(区工信局)", left out.
fn outside_parentheses(text: &str) -> String {
    let mut depth = 0usize;
    text.chars()
        .filter(|&c| match c {
            '(' => {
                depth += 1;
                false
            }
            ')' => {
                depth = depth.saturating_sub(1);
                false
            }
            _ => depth == 0,
        })
        .collect()
}

fn is_slug(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn is_snake(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

// ---------------------------------------------------------------------------------------------
// The guide as a whole
// ---------------------------------------------------------------------------------------------

#[test]
fn the_guide_validates() {
    let g = guide();
    let problems = validate(&g);
    let listed: Vec<String> = problems
        .iter()
        .map(|p| format!("  {}: {:?}", p.path, p.kind))
        .collect();
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        listed.join("\n")
    );
}

#[test]
fn metadata_is_as_published() {
    let g = guide();
    assert_eq!(g.id, "jimei-resumption");
    assert_eq!(g.version, "2.0.0");
    assert_eq!(g.languages, ["zh-Hans", "zh-Hant", "en"]);
    assert!(g.date.starts_with("2020-02-"), "date {:?}", g.date);
}

#[test]
fn every_source_of_the_brief_is_listed() {
    let g = guide();
    for (id, url) in [
        ("xiamen-daily-report", "http://www.cinic.org.cn/"),
        (
            "jimei-2020-02-12",
            "http://taihainet.com/news/xmnews/gqbd/2020-02-12/2354928.html",
        ),
        (
            "jimei-2020-02-18",
            "https://hyyz888.com/xm/2020-02/24/content_30187176.htm",
        ),
        (
            "xiamen-notice-7",
            "http://fj.sina.com.cn/news/s/2020-02-06/detail-iimxxste9401665.shtml",
        ),
        (
            "xiamen-notice-9",
            "http://m.tus8.com/shfw/shenzhenditie_40499.html",
        ),
        (
            "fujian-iit-2020-02-05",
            "http://www.lyredcross.com/xy/fj/723399.html",
        ),
        (
            "fuqing-four",
            "https://fqxww.cn/portal/list/article/id/7250/category_id/364.html",
        ),
        (
            "national-2020-02-21",
            "http://www.longlizno.com/news/system/2020/02/23/014009579.shtml",
        ),
        ("zhuhai-hitech", "http://zhejianglong.com/c/1486792.html"),
        ("ezhou-six", "http://ezhou.cjyun.org/p/111139.html"),
    ] {
        let source = g.source(id).unwrap_or_else(|| panic!("no source {id:?}"));
        assert_eq!(source.url, url, "url of {id}");
    }
}

#[test]
fn questions_and_answers_have_their_permanent_ids() {
    let g = guide();
    let yes_no: &[&str] = &["yes", "no"];
    let classes: &[&str] = &[
        "hubei",
        "close_contact",
        "key_area",
        "outside_fujian",
        "general_contact",
        "outside_xiamen",
        "stayed_xiamen",
    ];
    for (id, role, expected) in [
        ("output_300m", Role::Enterprise, yes_no),
        ("dormitory", Role::Enterprise, yes_no),
        ("canteen", Role::Enterprise, yes_no),
        ("trade_ecommerce", Role::Enterprise, yes_no),
        ("outside_staff", Role::Enterprise, yes_no),
        ("personnel_class", Role::Employee, classes),
    ] {
        let q = g
            .questions
            .iter()
            .find(|q| q.id == id)
            .unwrap_or_else(|| panic!("no question {id:?}"));
        assert_eq!(q.role, role, "role of {id}");
        let got: Vec<&str> = q.answers.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(got, expected, "answers of {id}");
    }
}

#[test]
fn ids_are_short_slugs() {
    let g = guide();
    let mut slugs: Vec<(&str, &str)> = Vec::new();
    slugs.extend(g.nodes.iter().map(|n| ("node", n.id.as_str())));
    slugs.extend(g.edges.iter().map(|e| ("edge", e.id.as_str())));
    for s in &g.sections {
        slugs.push(("section", &s.id));
        slugs.extend(s.items.iter().map(|i| ("item", i.id.as_str())));
    }
    slugs.extend(g.sources.iter().map(|s| ("source", s.id.as_str())));
    slugs.extend(g.about.iter().map(|a| ("article", a.id.as_str())));
    let bad: Vec<String> = slugs
        .iter()
        .filter(|(_, id)| !is_slug(id))
        .map(|(k, id)| format!("{k} {id:?}"))
        .collect();
    assert!(
        bad.is_empty(),
        "ids not matching ^[a-z0-9][a-z0-9-]*$: {bad:?}"
    );

    let mut answer_ids: Vec<&str> = g.questions.iter().map(|q| q.id.as_str()).collect();
    answer_ids.extend(
        g.questions
            .iter()
            .flat_map(|q| q.answers.iter().map(|a| a.id.as_str())),
    );
    let bad: Vec<&&str> = answer_ids.iter().filter(|id| !is_snake(id)).collect();
    assert!(
        bad.is_empty(),
        "question or answer ids not matching ^[a-z0-9][a-z0-9_]*$: {bad:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// The flowchart
// ---------------------------------------------------------------------------------------------

#[test]
fn there_is_one_start_and_ends_have_no_exits() {
    let g = guide();
    let starts: Vec<&str> = g
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Start)
        .map(|n| n.id.as_str())
        .collect();
    assert_eq!(starts.len(), 1, "start nodes: {starts:?}");
    let ends: Vec<&Node> = g.nodes.iter().filter(|n| n.kind == NodeKind::End).collect();
    assert!(!ends.is_empty(), "no end node");
    for end in ends {
        assert!(
            exits(&g, &end.id).is_empty(),
            "end node {:?} has exits",
            end.id
        );
    }
    assert!(
        (25..=50).contains(&g.nodes.len()),
        "{} nodes",
        g.nodes.len()
    );
}

#[test]
fn every_node_can_reach_an_end() {
    let g = guide();
    let ends: Vec<&str> = g
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::End)
        .map(|n| n.id.as_str())
        .collect();
    let reaches_end = reachable(&g, &ends, true);
    let stuck: Vec<&str> = g
        .nodes
        .iter()
        .map(|n| n.id.as_str())
        .filter(|id| !reaches_end.contains(*id))
        .collect();
    assert!(
        stuck.is_empty(),
        "nodes from which no end can be reached: {stuck:?}"
    );

    let start = g
        .nodes
        .iter()
        .find(|n| n.kind == NodeKind::Start)
        .expect("a start node");
    let from_start = reachable(&g, &[start.id.as_str()], false);
    let orphans: Vec<&str> = g
        .nodes
        .iter()
        .map(|n| n.id.as_str())
        .filter(|id| !from_start.contains(*id))
        .collect();
    assert!(
        orphans.is_empty(),
        "nodes not reachable from the start: {orphans:?}"
    );
}

#[test]
fn decisions_have_labelled_branches_for_every_answer() {
    let g = guide();
    for d in g.nodes.iter().filter(|n| n.kind == NodeKind::Decision) {
        let branches = exits(&g, &d.id);
        assert!(
            branches.len() >= 2,
            "decision {:?} has {} branch(es)",
            d.id,
            branches.len()
        );
        for b in &branches {
            assert!(
                b.label.is_some(),
                "branch {:?} of decision {:?} has no label",
                b.id,
                d.id
            );
        }
        let Some(qid) = &d.question else { continue };
        let q = g
            .questions
            .iter()
            .find(|q| &q.id == qid)
            .expect("decision's question exists");
        let mut taken: Vec<&str> = branches
            .iter()
            .map(|b| b.answer.as_deref().unwrap_or(""))
            .collect();
        taken.sort_unstable();
        let mut offered: Vec<&str> = q.answers.iter().map(|a| a.id.as_str()).collect();
        offered.sort_unstable();
        assert_eq!(
            taken, offered,
            "each answer of {qid:?} should take exactly one branch out of {:?}",
            d.id
        );
    }
}

#[test]
fn output_value_decides_the_filing_office() {
    let g = guide();
    let decision = decision_for(&g, "output_300m");
    for (answer, zh_office, en_office) in [
        ("yes", "区工信局", "district bureau"),
        ("no", "镇街", "town or sub-district"),
    ] {
        let first = branch_target(&g, decision, answer);
        let office = first_through_steps(&g, first, |n| zh(&n.title).contains(zh_office))
            .unwrap_or_else(|| {
                panic!("answer {answer:?} does not lead to a node titled with {zh_office}")
            });
        assert!(
            en(&office.title).contains(en_office),
            "node {:?} should say {en_office:?} in its English title, says {:?}",
            office.id,
            en(&office.title)
        );
        assert!(
            office.kind == NodeKind::Step,
            "filing node {:?} should be a step",
            office.id
        );
    }
}

#[test]
fn each_personnel_class_reaches_its_own_rule() {
    let g = guide();
    let decision = decision_for(&g, "personnel_class");
    let mut targets = HashSet::new();
    // Each class, the words that state its rule, and whether the rule runs for 14 days.
    for (class, zh_rule, en_rule, fourteen_days) in [
        ("hubei", "集中居住", "centralised living", true),
        (
            "close_contact",
            "集中医学观察",
            "centralised medical observation",
            true,
        ),
        ("key_area", "居家医学观察", "home medical observation", true),
        ("outside_fujian", "早晚", "morning and evening", true),
        ("general_contact", "自我观察", "self-observation", true),
        ("outside_xiamen", "1小时内", "within 1 hour", false),
        ("stayed_xiamen", "正常上班", "work normally", false),
    ] {
        let rule = branch_target(&g, decision, class);
        assert!(
            node_says(rule, zh_rule, en_rule),
            "class {class:?} leads to {:?}, which should state its rule ({zh_rule} / {en_rule})",
            rule.id
        );
        if fourteen_days {
            assert!(
                node_says(rule, "14天", "14 days"),
                "rule {:?} should state its 14 days",
                rule.id
            );
        }
        assert!(
            targets.insert(rule.id.clone()),
            "class {class:?} shares its rule node {:?}",
            rule.id
        );
    }
}

#[test]
fn abnormal_temperature_goes_to_isolation_then_report_then_fever_clinic() {
    let g = guide();
    let steps = [
        ("隔离", "isolation"),
        ("报告", "Report"),
        ("发热门诊", "fever clinic"),
    ];
    let check = g
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Decision)
        .find(|d| {
            exits(&g, &d.id)
                .iter()
                .any(|e| node_says(node(&g, &e.to), steps[0].0, steps[0].1))
        })
        .expect("a decision with a branch to the isolation room");
    assert!(
        check.question.is_none(),
        "the temperature check is an event, not a saved answer"
    );
    assert!(
        node_says(check, "体温", "temperature"),
        "decision {:?} should be about temperature",
        check.id
    );

    let branch = exits(&g, &check.id)
        .into_iter()
        .find(|e| node_says(node(&g, &e.to), steps[0].0, steps[0].1))
        .unwrap();
    assert!(
        branch
            .label
            .as_ref()
            .is_some_and(|l| zh(l).contains("异常")),
        "branch {:?} should be labelled abnormal",
        branch.id
    );

    let mut current = node(&g, &branch.to);
    for (i, (zh_step, en_step)) in steps.iter().enumerate() {
        assert!(
            node_says(current, zh_step, en_step),
            "step {} of the procedure should be {en_step}, is {:?}",
            i + 1,
            current.id
        );
        if i + 1 < steps.len() {
            let next = exits(&g, &current.id);
            assert_eq!(
                next.len(),
                1,
                "{:?} should lead straight on to the next step",
                current.id
            );
            current = node(&g, &next[0].to);
        }
    }
}

#[test]
fn the_daily_routine_loops_back_to_the_entry_check() {
    let g = guide();
    let check = g
        .nodes
        .iter()
        .find(|n| {
            n.kind == NodeKind::Decision
                && n.question.is_none()
                && node_says(n, "体温", "temperature")
        })
        .expect("the temperature decision");
    let entry = g
        .edges
        .iter()
        .find(|e| e.to == check.id)
        .map(|e| node(&g, &e.from))
        .expect("the daily entry step");
    let after_check = reachable(&g, &[check.id.as_str()], false);
    let back: Vec<&Edge> = g
        .edges
        .iter()
        .filter(|e| e.to == entry.id && after_check.contains(&e.from))
        .collect();
    assert!(
        !back.is_empty(),
        "no edge from the daily routine back to {:?}",
        entry.id
    );
    for e in back {
        let from = node(&g, &e.from);
        assert_eq!(
            from.kind,
            NodeKind::Decision,
            "the loop should close at a decision, not at {:?}",
            from.id
        );
        let ends = exits(&g, &from.id)
            .into_iter()
            .filter(|x| node(&g, &x.to).kind == NodeKind::End)
            .count();
        assert!(
            ends >= 1,
            "decision {:?} closing the loop should also offer a way out to an end",
            from.id
        );
    }
}

#[test]
fn pictures_exist_and_are_svg_with_a_title() {
    let g = guide();
    let mut checked = HashSet::new();
    let mut bad = Vec::new();
    for (whose, name) in pictures(&g) {
        if !checked.insert(name) {
            continue;
        }
        if let Some(problem) = svg_problem(name) {
            bad.push(format!("{name} (named by {whose}) {problem}"));
        }
    }
    assert!(
        bad.is_empty(),
        "{} bad picture(s):\n  {}",
        bad.len(),
        bad.join("\n  ")
    );
    for n in &g.nodes {
        assert!(
            n.illustration.is_some(),
            "node {:?} has no illustration",
            n.id
        );
    }
    for s in &g.sections {
        assert!(
            s.illustration.is_some(),
            "section {:?} has no illustration",
            s.id
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The checklists
// ---------------------------------------------------------------------------------------------

#[test]
fn both_roles_have_sections_and_none_is_empty() {
    let g = guide();
    for role in [Role::Enterprise, Role::Employee] {
        assert!(g.sections_for(role).count() >= 1, "no section for {role:?}");
    }
    for s in &g.sections {
        assert!(!s.items.is_empty(), "section {:?} is empty", s.id);
    }
}

#[test]
fn item_counts_are_in_range() {
    let g = guide();
    let total = g.sections.iter().map(|s| s.items.len()).sum::<usize>();
    assert!((45..=90).contains(&total), "{total} items in all");
    let employee = g.items_for(Role::Employee).count();
    assert!(employee >= 12, "only {employee} items for employees");
    let enterprise = g.items_for(Role::Enterprise).count();
    assert!(enterprise >= 35, "only {enterprise} items for enterprises");
}

#[test]
fn items_are_spread_over_the_flowchart() {
    let g = guide();
    let used: HashSet<&str> = g
        .sections
        .iter()
        .flat_map(|s| s.items.iter().map(|i| i.node.as_str()))
        .collect();
    let steps = g.nodes.iter().filter(|n| n.kind == NodeKind::Step).count();
    assert!(
        used.len() * 3 >= steps * 2,
        "items sit on only {} nodes of {steps} steps",
        used.len()
    );
}

#[test]
fn each_class_has_one_rule_item_conditional_on_it() {
    let g = guide();
    let rules = g
        .sections
        .iter()
        .find(|s| s.id == "employee-rules")
        .expect("section employee-rules");
    assert_eq!(rules.role, Role::Employee);
    let mut by_class: HashMap<&str, Vec<&str>> = HashMap::new();
    for i in &rules.items {
        let cond = i
            .applies_when
            .as_ref()
            .unwrap_or_else(|| panic!("rule item {:?} has no applies_when", i.id));
        assert!(
            questions_in(cond).contains(&"personnel_class"),
            "rule item {:?} does not depend on personnel_class",
            i.id
        );
        if let Condition::Is { question, answer } = cond {
            if question == "personnel_class" {
                by_class.entry(answer.as_str()).or_default().push(&i.id);
            }
        }
    }
    let q = g
        .questions
        .iter()
        .find(|q| q.id == "personnel_class")
        .unwrap();
    for a in &q.answers {
        let found = by_class.get(a.id.as_str()).map(Vec::len).unwrap_or(0);
        assert_eq!(
            found, 1,
            "class {:?} should have exactly one rule item",
            a.id
        );
    }
}

#[test]
fn the_arrival_report_applies_to_every_arrival_and_only_to_arrivals() {
    let g = guide();
    let report = item(&g, "emp-arrival-report");
    let cond = report
        .applies_when
        .as_ref()
        .expect("the arrival report is conditional");
    for (class, applies) in [
        ("hubei", true),
        ("key_area", true),
        ("outside_fujian", true),
        ("outside_xiamen", true),
        ("stayed_xiamen", false),
    ] {
        assert_eq!(
            cond.eval(&answers(&[("personnel_class", class)])),
            Some(applies),
            "arrival report for class {class:?}"
        );
    }
}

#[test]
fn conditional_items_depend_on_the_right_answer() {
    let g = guide();
    for (id, question, answer) in [
        ("musts-dormitory", "dormitory", "yes"),
        ("daily-dorm-rooms", "dormitory", "yes"),
        ("daily-dorm-temperature", "dormitory", "yes"),
        ("daily-canteen-staggered", "canteen", "yes"),
        ("daily-canteen-tableware", "canteen", "yes"),
        ("services-meal-suppliers", "canteen", "yes"),
        ("services-remote-work", "trade_ecommerce", "yes"),
        ("personnel-outside-fujian", "outside_staff", "yes"),
        ("daily-normal-management", "outside_staff", "yes"),
        ("commit-file-bureau", "output_300m", "yes"),
        ("commit-recheck", "output_300m", "yes"),
        ("commit-file-town", "output_300m", "no"),
    ] {
        let i = item(&g, id);
        let ok = i
            .applies_when
            .as_ref()
            .is_some_and(|c| requires(c, question, answer));
        assert!(
            ok,
            "item {id:?} should apply only when {question} = {answer}, has {:?}",
            i.applies_when
        );
    }
}

#[test]
fn conditions_use_the_questions_of_their_role() {
    let g = guide();
    let role_of: HashMap<&str, Role> = g
        .questions
        .iter()
        .map(|q| (q.id.as_str(), q.role))
        .collect();
    for s in &g.sections {
        for i in &s.items {
            for q in i.applies_when.iter().flat_map(questions_in) {
                assert_eq!(
                    role_of.get(q),
                    Some(&s.role),
                    "item {:?} of a {:?} section asks {q:?}",
                    i.id,
                    s.role
                );
            }
        }
    }
}

#[test]
fn reconstructed_lists_are_labelled_reconstructed() {
    let g = guide();
    for section in ["in-place", "musts"] {
        let s = g
            .sections
            .iter()
            .find(|s| s.id == section)
            .unwrap_or_else(|| panic!("no section {section:?}"));
        assert_eq!(s.items.len(), 6, "section {section:?} should list six");
        for i in &s.items {
            // The district may replace an item with its own wording, which is then "official".
            assert!(
                matches!(
                    i.confidence,
                    Confidence::Reconstructed | Confidence::Official
                ),
                "item {:?} is labelled {:?}",
                i.id,
                i.confidence
            );
        }
    }
}

#[test]
fn district_services_are_optional() {
    let g = guide();
    let services = g
        .sections
        .iter()
        .find(|s| s.id == "services")
        .expect("section services");
    for i in &services.items {
        assert!(!i.required, "service {:?} should be optional", i.id);
    }
    let required = g
        .sections
        .iter()
        .flat_map(|s| s.items.iter())
        .filter(|i| i.required)
        .count();
    assert!(required >= 30, "only {required} required items");
}

// ---------------------------------------------------------------------------------------------
// The text
// ---------------------------------------------------------------------------------------------

#[test]
fn every_text_is_translated() {
    let g = guide();
    // Characters that only exist in simplified writing; none may be left in zh-Hant.
    const SIMPLIFIED_ONLY: &[char] = &[
        '区', '门', '厦', '员', '测', '报', '这', '们', '业', '务', '观', '检', '个', '备', '签',
        '应',
    ];
    let mut bad = Vec::new();
    for (path, text) in all_texts(&g) {
        for (lang, s) in &text.0 {
            if s.contains("TODO") {
                bad.push(format!("{path} [{lang}] contains TODO"));
            }
        }
        let (hans, hant, english) = (
            zh(text),
            text.0.get("zh-Hant").map(String::as_str).unwrap_or(""),
            en(text),
        );
        if !hans.is_empty() && hans == english {
            bad.push(format!("{path}: zh-Hans and en are identical ({hans:?})"));
        }
        if outside_parentheses(english).chars().any(is_han) {
            bad.push(format!(
                "{path}: English text has Chinese outside a parenthesised name: {english:?}"
            ));
        }
        if let Some(c) = hant.chars().find(|c| SIMPLIFIED_ONLY.contains(c)) {
            bad.push(format!(
                "{path}: zh-Hant still has the simplified character {c}"
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "{} problem(s):\n  {}",
        bad.len(),
        bad.join("\n  ")
    );
}

#[test]
fn the_about_page_covers_the_guide_sources_reconstruction_figures_and_history() {
    let g = guide();
    let about: String = g
        .about
        .iter()
        .map(|a| format!("{} {}\n", zh(&a.title), zh(&a.body)))
        .collect();
    for needed in [
        "列清单、划重点、管流程",
        "给集美区工业企业的一封信",
        "依据同期官方指引整理",
        "集美区原文",
        "466",
        "365",
        "56",
        "53",
        "94.64%",
        "45.74%",
        "400",
        "楚雄",
        "不是当前的健康建议",
    ] {
        assert!(
            about.contains(needed),
            "the About page should mention {needed:?}"
        );
    }
}
