//! Checks on the shipped guide, `public/guide/jimei.json`: that it validates, that the
//! flowchart says what the district's process says (the filing route by output value, the rule
//! for each class of returning staff, the abnormal-temperature procedure, the daily loop), that
//! every picture it names exists and is a well-formed SVG, and that the text is complete in all
//! three languages.
//!
//! Each kind of check has one small helper; per-case checks are tables of one-line rows.

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
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
    for n in &g.nodes {
        for w in &n.for_role {
            out.push((format!("node {} {:?} title", n.id, w.role), &w.title));
            out.push((format!("node {} {:?} body", n.id, w.role), &w.body));
        }
    }
    for c in &g.classes {
        out.push((format!("class {} name", c.id), &c.name));
        out.push((format!("class {} rule", c.id), &c.rule));
        out.extend(c.note.iter().map(|t| (format!("class {} note", c.id), t)));
        out.extend(
            c.changed
                .iter()
                .map(|ch| (format!("class {} before", c.id), &ch.before)),
        );
    }
    if let Some(f) = &g.filing {
        for o in &f.offices {
            out.push((format!("office {} name", o.id), &o.name));
            out.push((format!("office {} holds", o.id), &o.holds));
            out.push((format!("office {} ask", o.id), &o.ask));
        }
        out.extend(
            f.routes
                .iter()
                .map(|r| (format!("route {}", r.id), &r.what)),
        );
        for m in &f.materials {
            out.push((format!("material {}", m.id), &m.name));
            out.extend(
                m.note
                    .iter()
                    .map(|t| (format!("material {} note", m.id), t)),
            );
        }
    }
    for c in &g.cards {
        out.push((format!("card {} title", c.id), &c.title));
        out.extend(c.intro.iter().map(|t| (format!("card {} intro", c.id), t)));
        out.extend(
            c.points
                .iter()
                .map(|p| (format!("point {}", p.id), &p.text)),
        );
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
        out.extend(s.items.iter().filter_map(|i| {
            i.illustration
                .as_deref()
                .map(|f| (format!("item {} scene", i.id), f))
        }));
    }
    out.extend(g.cards.iter().filter_map(|c| {
        c.illustration
            .as_deref()
            .map(|f| (format!("card {}", c.id), f))
    }));
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
    // The date is this content version's, never one that reads as an official edition of
    // February 2020; the About page says so.
    assert!(
        g.date.len() == 10 && !g.date.starts_with("2020"),
        "date {:?}",
        g.date
    );
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
    let kinds: &[&str] = &["industrial", "other", "construction"];
    let towns: &[&str] = &[
        "jimei", "qiaoying", "xinglin", "xingbin", "guankou", "houxi",
    ];
    for (id, role, expected) in [
        ("enterprise_kind", Role::Enterprise, kinds),
        ("output_300m", Role::Enterprise, yes_no),
        ("town", Role::Enterprise, towns),
        ("employee_dormitory", Role::Employee, yes_no),
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
        ("commit-read-letter", "enterprise_kind", "industrial"),
        ("commit-file-other", "enterprise_kind", "other"),
        ("commit-project", "enterprise_kind", "construction"),
        ("personnel-hubei-postpone", "outside_staff", "yes"),
        ("emp-hubei-postpone", "personnel_class", "hubei"),
        ("emp-dormitory", "employee_dormitory", "yes"),
        ("daily-dorm-rooms", "dormitory", "yes"),
        ("daily-dorm-temperature", "dormitory", "yes"),
        ("daily-canteen-staggered", "canteen", "yes"),
        ("daily-canteen-tableware", "canteen", "yes"),
        ("services-meal-suppliers", "canteen", "yes"),
        ("services-remote-work", "trade_ecommerce", "yes"),
        ("personnel-outside-fujian", "outside_staff", "yes"),
        ("daily-normal-management", "outside_staff", "yes"),
        ("commit-file-bureau", "output_300m", "yes"),
        ("commit-file-bureau", "enterprise_kind", "industrial"),
        ("commit-file-town", "enterprise_kind", "industrial"),
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
    // The district may replace an item with its own wording, which is then "official".
    let rebuilt = |c: Confidence| matches!(c, Confidence::Reconstructed | Confidence::Official);
    let s = g
        .sections
        .iter()
        .find(|s| s.id == "in-place")
        .expect("section in-place");
    assert_eq!(s.items.len(), 6, "six things in place");
    for i in &s.items {
        assert!(
            rebuilt(i.confidence),
            "item {:?} is {:?}",
            i.id,
            i.confidence
        );
    }
    // The six musts are a summary card over the items that carry them out.
    let musts = g
        .cards
        .iter()
        .find(|c| c.id == "musts")
        .expect("card musts");
    assert_eq!(musts.points.len(), 6, "six musts");
    assert!(rebuilt(musts.confidence));
    assert!(g.sections.iter().all(|s| s.id != "musts"));
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
    // Characters of the guide's simplified texts that exist only in simplified writing; none
    // may be left in zh-Hant. (后, 里 and 台 are Traditional characters too: they are checked
    // below against the only names that keep them, 湖里区 and 台海网.)
    const SIMPLIFIED_ONLY: &str = concat!(
        "与专业丢两严个临为举么习乡书乱产亿从们优会传体侨关内写决况净减凭则别办务动励劳势",
        "区医协单卫厂厅历压厕厢厦参发变号吗听员团围国图场坚处备复够头夹学实审对导将尘尽层",
        "属岗师带帮广应废开异弃张强归当录总惯户执扩护报担拥拨择挂挡挤挥换摆数断无时显晖暂",
        "机条来构标样档检气汇沟没测济渐温湿满滨点热牵状现电画监盖瞒码础确离积税筑筛签简类",
        "紧约级纹线组细织经结给继续绳缓网职联脏节营衔补见观规视触计订认让训议记讲许论设访",
        "证识诉诊话询该详说请诺读谁调谈贝负责账购贴贸资踪车转轮载较辆输辖达迁过运还这进远",
        "迟适选针钩钮铁链错键镇长门闭问间闻阅队险随隐难页项顺须预领频题风飞饭马验骑骤齐龙",
    );
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
        if let Some(c) = hant.chars().find(|c| SIMPLIFIED_ONLY.contains(*c)) {
            bad.push(format!(
                "{path}: zh-Hant still has the simplified character {c}"
            ));
        }
        let names_removed = hant.replace("湖里", "").replace("台海", "");
        if let Some(c) = names_removed.chars().find(|c| "后里台".contains(*c)) {
            bad.push(format!("{path}: zh-Hant has {c} outside a name: {hant}"));
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

// ---------------------------------------------------------------------------------------------
// The report, the labels and what the guide must not claim (issue 16)
// ---------------------------------------------------------------------------------------------

const REPORT: &str = "xiamen-daily-report";

/// Every labelled entry of the guide: kind, id, confidence, source.
fn labelled(g: &Guide) -> Vec<(&'static str, &str, Confidence, &str)> {
    let mut out: Vec<(&'static str, &str, Confidence, &str)> = Vec::new();
    out.extend(
        g.nodes
            .iter()
            .map(|n| ("node", n.id.as_str(), n.confidence, n.source.as_str())),
    );
    for s in &g.sections {
        out.extend(
            s.items
                .iter()
                .map(|i| ("item", i.id.as_str(), i.confidence, i.source.as_str())),
        );
    }
    out.extend(
        g.classes
            .iter()
            .map(|c| ("class", c.id.as_str(), c.confidence, c.source.as_str())),
    );
    if let Some(f) = &g.filing {
        out.extend(
            f.offices
                .iter()
                .map(|o| ("office", o.id.as_str(), o.confidence, o.source.as_str())),
        );
        out.extend(
            f.routes
                .iter()
                .map(|r| ("route", r.id.as_str(), r.confidence, r.source.as_str())),
        );
        out.extend(
            f.materials
                .iter()
                .map(|m| ("material", m.id.as_str(), m.confidence, m.source.as_str())),
        );
    }
    out.extend(
        g.cards
            .iter()
            .map(|c| ("card", c.id.as_str(), c.confidence, c.source.as_str())),
    );
    out
}

/// The zh-Hans and English texts of an entry, for checking what it says.
fn texts_of<'g>(g: &'g Guide, kind: &str, id: &str) -> Vec<&'g Text> {
    match kind {
        "node" => {
            let n = node(g, id);
            let mut t = vec![&n.title, &n.body];
            t.extend(n.why.iter());
            t
        }
        "item" => {
            let i = item(g, id);
            vec![&i.title, &i.what, &i.why]
        }
        "class" => {
            let c = g.class(id).unwrap();
            vec![&c.name, &c.rule]
        }
        "office" => {
            let o = g
                .filing
                .iter()
                .flat_map(|f| &f.offices)
                .find(|o| o.id == id)
                .unwrap();
            vec![&o.name, &o.holds]
        }
        "route" => {
            let r = g
                .filing
                .iter()
                .flat_map(|f| &f.routes)
                .find(|r| r.id == id)
                .unwrap();
            vec![&r.what]
        }
        _ => Vec::new(),
    }
}

#[test]
fn the_report_is_a_source_and_every_reported_entry_cites_it() {
    let g = guide();
    let report = g
        .source(REPORT)
        .expect("the Xiamen Daily report is a source");
    let name = zh(&report.name);
    assert!(
        name.contains("厦门日报") && name.contains("2020年2月14日"),
        "{name}"
    );
    assert!(
        name.contains("当日或之后") && name.contains("中国产业经济信息网"),
        "{name}"
    );
    assert!(
        en(&report.name).contains("on or after"),
        "{:?}",
        en(&report.name)
    );
    // Entries that are labelled "reported" but cite something else, each with the reason.
    // None at present; an entry added here must say why.
    const ELSEWHERE: &[(&str, &str)] = &[];
    let mut bad = Vec::new();
    for (kind, id, confidence, source) in labelled(&g) {
        if confidence == Confidence::Reported
            && source != REPORT
            && !ELSEWHERE.iter().any(|(e, _)| *e == id)
        {
            bad.push(format!("{kind} {id} cites {source}"));
        }
    }
    assert!(
        bad.is_empty(),
        "reported entries citing another source: {bad:?}"
    );
    // The Taihainet article of 12 February is not the report, and is not cited as one.
    let reported = labelled(&g)
        .into_iter()
        .filter(|e| e.2 == Confidence::Reported)
        .count();
    assert!(reported >= 25, "only {reported} reported entries");
}

#[test]
fn reported_texts_claim_nothing_the_report_does_not_say() {
    let g = guide();
    // Claims the review found in "reported" texts that the report does not make (issue 16
    // §1, §2). Each may appear in other entries, labelled by what they are.
    const NOT_IN_THE_REPORT: &[(&str, &str)] = &[
        ("每个出入口", "every gate staffed"),
        ("不超过6人", "six to a room"),
        ("2.5平方米", "2.5 m² each"),
        ("隔离室", "waiting in the isolation room"),
        ("现场", "re-inspection on site"),
        ("营业执照", "business licences"),
        ("接回", "the district brought workers back"),
        ("请区里协助", "the district solving housing"),
        ("负责人签署", "who signs the commitment"),
        ("按照《给集美区工业企业的一封信》", "the letter's own list"),
        ("从13家配餐单位中选择", "the suppliers as a rule"),
    ];
    let mut bad = Vec::new();
    for (kind, id, confidence, _) in labelled(&g) {
        if confidence != Confidence::Reported {
            continue;
        }
        for text in texts_of(&g, kind, id) {
            for (phrase, what) in NOT_IN_THE_REPORT {
                if zh(text).contains(phrase) {
                    bad.push(format!("{kind} {id} says {phrase} ({what})"));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn the_facts_of_the_report_are_stated_as_it_states_them() {
    let g = guide();
    let all_zh: String = all_texts(&g)
        .iter()
        .map(|(_, t)| format!("{}\n", zh(t)))
        .collect();
    // Chuxiong's workers are still to come; the bus subsidy has its condition; the lecturers
    // are a company's; one policy and one-to-one help go to whom the report says.
    assert!(all_zh.contains("楚雄州将于近期通过包车向集美转送近400名"));
    assert!(!all_zh.contains("接回约400"));
    let bus = item(&g, "services-chartered-bus");
    assert!(zh(&bus.what).contains("税收在集美区的企业"));
    assert!(!zh(&bus.what).contains("楚雄"));
    let recruit = item(&g, "services-recruitment");
    assert!(zh(&recruit.what).contains("劳务输转基地") && zh(&recruit.what).contains("楚雄"));
    let lecturers = item(&g, "services-lecturers");
    assert!(zh(&lecturers.what).contains("美科安防"));
    assert!(!g
        .sections
        .iter()
        .find(|s| s.id == "services")
        .unwrap()
        .items
        .iter()
        .any(|i| i.id == "services-lecturers"));
    let policy = item(&g, "services-one-policy");
    assert!(policy.applies_when.is_none(), "not tied to output");
    for part in ["一企一策", "重点保障名单", "一对一", "三高", "困难企业"] {
        assert!(zh(&policy.what).contains(part), "one policy lacks {part}");
    }
    let suppliers = item(&g, "services-meal-suppliers");
    assert!(!suppliers.required && zh(&suppliers.what).contains("参考"));
    assert!(!zh(&node(&g, "canteen-meals").body).contains("13"));
    // Filing is split for industrial enterprises.
    for id in ["file-bureau", "file-town", "output-size"] {
        assert!(
            node_says(node(&g, id), "工业企业", "ndustrial"),
            "{id} should say industrial"
        );
    }
    // General contacts stay at home; the rule for arrivals from outside Fujian is dated.
    assert!(node_says(
        node(&g, "rule-general-contact"),
        "居家自我观察",
        "at home"
    ));
    assert!(node_says(
        node(&g, "rule-outside-fujian"),
        "2月21日",
        "21 February"
    ));
    // One dormitory rule: morning and evening, from the national guide, wherever it is said.
    for id in ["daily-dorm-temperature", "emp-dormitory"] {
        let i = item(&g, id);
        assert!(zh(&i.what).contains("早晚"), "{id}");
        assert_eq!(i.source, "national-2020-02-21", "{id}");
    }
    assert!(node_says(
        node(&g, "dormitory-check"),
        "早晚",
        "morning and evening"
    ));
    let dorm = g
        .cards
        .iter()
        .flat_map(|c| &c.points)
        .find(|p| p.id == "must-dormitory");
    assert!(zh(&dorm.unwrap().text).contains("早晚"));
}

#[test]
fn the_guide_names_itself_a_reconstruction_and_says_what_was_never_seen() {
    let g = guide();
    assert!(zh(&g.title).contains("重建") && en(&g.title).contains("reconstructed"));
    assert!(zh(&g.summary).contains("重建") && en(&g.summary).contains("reconstruction"));
    let about: String = g
        .about
        .iter()
        .map(|a| format!("{} {}\n", zh(&a.title), zh(&a.body)))
        .collect();
    for needed in [
        "没有见到",
        "《集美区企业复工防控操作指南》",
        "《给集美区工业企业的一封信》",
        "“阿集小美”简明指南",
        "阿集和小美是本应用自己画的人物",
        "吉祥物",
        "流程图的先后顺序",
        "“必做”“可选”",
        "厦门全市的规定",
        "不是任何官方文件的发布日期",
        "厦门日报",
        "当日或之后",
    ] {
        assert!(
            about.contains(needed),
            "the About page should say {needed:?}"
        );
    }
    // The self-check no longer puts the rebuilt list in the letter's mouth.
    let check = node(&g, "self-check");
    assert!(!zh(&check.body).contains("按照《"));
    assert!(zh(&check.body).contains("重建"));
}

#[test]
fn key_epidemic_areas_are_not_invented() {
    let g = guide();
    const ASK: &str = "不确定？先问企业或所在社区";
    let q = g
        .questions
        .iter()
        .find(|q| q.id == "personnel_class")
        .unwrap();
    let help = zh(q.help.as_ref().unwrap());
    assert!(help.contains("由当时的通告确定") && help.contains("没有那份名单"));
    assert!(help.contains(ASK), "{help}");
    assert!(zh(&node(&g, "rule-key-area").body).contains(ASK));
    let class = g.class("key_area").unwrap();
    assert!(zh(class.note.as_ref().unwrap()).contains(ASK));
    // No province or city is named as a key area anywhere.
    let all_zh: String = all_texts(&g)
        .iter()
        .map(|(_, t)| zh(t).to_string())
        .collect();
    for place in [
        "浙江", "广东", "温州", "河南", "湖南", "安徽", "江西", "重庆",
    ] {
        assert!(!all_zh.contains(place), "names {place}");
    }
}

// ---------------------------------------------------------------------------------------------
// Setup and routines, duplicates, and the gate card (issue 16 §3)
// ---------------------------------------------------------------------------------------------

const ROUTINE_ZH: &[&str] = &["每天", "每次", "每日", "早晚", "每位", "一旦"];
const ROUTINE_EN: &[&str] = &[
    "every day",
    "each day",
    "every time",
    "each time",
    "morning and evening",
    "each visitor",
    "every use",
    "daily",
    "if confirmed",
    "if a case",
];
const SETUP_ZH: &[&str] = &[
    "安排",
    "准备",
    "指定",
    "设立",
    "设好",
    "设置",
    "制定",
    "建立",
    "组织",
    "备足",
    "签订",
    "签署",
    "提交",
    "了解",
    "阅读",
    "问清",
    "动员",
    "画线",
    "放置",
    "明确",
    "登记",
    "告诉",
    "保持沟通",
    "用好",
    "对接",
    "反映",
    "选择",
    "可以",
    "参照",
    "复工",
];
const SETUP_EN: &[&str] = &[
    "appoint",
    "arrange",
    "prepare",
    "set up",
    "write",
    "stock",
    "sign",
    "file",
    "find out",
    "read",
    "ask",
    "check",
    "put",
    "mark",
    "teach",
    "record",
    "make",
    "name",
    "tell",
    "keep in touch",
    "choose",
    "can ",
    "do the same",
    "set out",
    "have every",
    "use ",
];

fn has_any(text: &str, words: &[&str]) -> Option<String> {
    let lower = text.to_lowercase();
    words
        .iter()
        .find(|w| lower.contains(&w.to_lowercase()))
        .map(|w| w.to_string())
}

#[test]
fn every_item_has_a_phase_of_its_role() {
    use jimei::model::guide::Phase;
    let g = guide();
    for s in &g.sections {
        for i in &s.items {
            let phase = i
                .phase
                .unwrap_or_else(|| panic!("item {:?} has no phase", i.id));
            assert!(phase.fits(s.role), "item {:?}: {phase:?}", i.id);
        }
    }
    // Each role has something that must be done before it is ready, and routines never are.
    for role in [Role::Enterprise, Role::Employee] {
        assert!(g.items_for(role).any(|i| i.blocks_readiness()), "{role:?}");
    }
    assert!(g
        .items_for(Role::Enterprise)
        .filter(|i| i.phase == Some(Phase::Daily))
        .all(|i| !i.blocks_readiness()));
    // The employee's list runs in time order: travel, arrival, observation, every day.
    let travel = item(&g, "emp-history").phase;
    assert_eq!(travel, Some(Phase::BeforeTravel));
    assert_eq!(item(&g, "emp-arrival-report").phase, Some(Phase::OnArrival));
    assert_eq!(
        item(&g, "emp-rule-outside-fujian").phase,
        Some(Phase::Observation)
    );
    assert_eq!(item(&g, "emp-mask").phase, Some(Phase::Daily));
    // Wearing a mask at work never blocks a worker who has not travelled yet.
    assert!(!item(&g, "emp-mask").blocks_readiness());
}

#[test]
fn every_enterprise_item_is_setup_or_routine_never_both() {
    use jimei::model::guide::Phase;
    let g = guide();
    let mut bad = Vec::new();
    for i in g.items_for(Role::Enterprise) {
        let (tz, te) = (zh(&i.title), en(&i.title));
        let (wz, we) = (zh(&i.what), en(&i.what));
        match i.phase {
            Some(Phase::Daily) => {
                if has_any(tz, ROUTINE_ZH).is_none() || has_any(te, ROUTINE_EN).is_none() {
                    bad.push(format!(
                        "routine {} has a title that is not a routine: {tz} / {te}",
                        i.id
                    ));
                }
                if has_any(wz, ROUTINE_ZH).is_none() || has_any(we, ROUTINE_EN).is_none() {
                    bad.push(format!(
                        "routine {} does not say when it repeats: {we}",
                        i.id
                    ));
                }
            }
            Some(Phase::BeforeReopening) => {
                if let Some(w) = has_any(tz, ROUTINE_ZH).or(has_any(te, ROUTINE_EN)) {
                    bad.push(format!(
                        "setup {} has a routine title ({w}): {tz} / {te}",
                        i.id
                    ));
                }
                let zh_setup = has_any(tz, SETUP_ZH).or(has_any(wz, SETUP_ZH));
                let en_setup = has_any(te, SETUP_EN).or(has_any(we, SETUP_EN));
                if zh_setup.is_none() || en_setup.is_none() {
                    bad.push(format!(
                        "setup {} does not say what is arranged: {te} / {we}",
                        i.id
                    ));
                }
            }
            other => bad.push(format!("enterprise item {} has phase {other:?}", i.id)),
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn no_item_duplicates_anothers_act() {
    let g = guide();
    // Pairs the review found doing the same thing twice; the first of each was merged into
    // the second (or, for the musts, became a point of the musts card).
    const PAIRS: &[(&str, &str)] = &[
        ("personnel-stayed", "daily-entry-temperature"),
        ("musts-commitments", "commit-enterprise-letter"),
        ("musts-filing", "commit-file-bureau"),
        ("musts-entry", "daily-entry-temperature"),
        ("musts-dormitory", "daily-dorm-temperature"),
        ("musts-masks", "daily-masks"),
        ("musts-report", "daily-summary"),
    ];
    let ids: HashSet<&str> = g
        .sections
        .iter()
        .flat_map(|s| s.items.iter().map(|i| i.id.as_str()))
        .collect();
    for (a, b) in PAIRS {
        assert!(
            !(ids.contains(a) && ids.contains(b)),
            "{a} and {b} are the same act"
        );
        assert!(ids.contains(b), "{b} should remain");
    }
    // No two items of one role share a title in any language.
    for role in [Role::Enterprise, Role::Employee] {
        let mut seen: HashMap<(String, String), &str> = HashMap::new();
        for i in g.items_for(role) {
            for (lang, t) in &i.title.0 {
                if let Some(other) = seen.insert((lang.clone(), t.clone()), &i.id) {
                    panic!("{} and {other} share the {lang} title {t:?}", i.id);
                }
            }
        }
    }
    // A card is a summary, never a checkbox: its ids are not items' ids.
    for c in &g.cards {
        assert!(!ids.contains(c.id.as_str()));
        for p in &c.points {
            assert!(
                !ids.contains(p.id.as_str()),
                "point {} is also an item",
                p.id
            );
        }
    }
    // Every must links to the items that carry it out, and each of those is required.
    let musts = g.cards.iter().find(|c| c.id == "musts").unwrap();
    for p in &musts.points {
        assert!(!p.items.is_empty(), "must {}", p.id);
        assert!(g.point_items(p).all(|i| i.required), "must {}", p.id);
    }
}

#[test]
fn the_gate_card_comes_first_and_is_built_from_the_guide() {
    use jimei::model::guide::{CardPlace, Phase};
    let g = guide();
    let card = g.first_card(Role::Enterprise).expect("a first card");
    assert_eq!(card.id, "gate-today");
    assert_eq!(card.place, CardPlace::First);
    assert_eq!(zh(&card.title), "今天在门口");
    assert_eq!(en(&card.title), "At the gate today");
    assert!(g.first_card(Role::Employee).is_none());
    assert!(card.points.len() <= 7, "a short card");
    let said: String = card
        .points
        .iter()
        .map(|p| zh(&p.text).to_string())
        .collect();
    for part in [
        "出入口",
        "每次",
        "37.3",
        "隔离室",
        "疾控",
        "发热门诊",
        "台账",
    ] {
        assert!(said.contains(part), "the gate card lacks {part}");
    }
    for p in &card.points {
        let node_id = p.node.as_deref().expect("each point names its step");
        node(&g, node_id);
        assert_eq!(p.items.len(), 1, "each point is one item");
        let i = item(&g, &p.items[0]);
        assert!(g.items_for(Role::Enterprise).any(|x| x.id == i.id));
        // The card is what happens at the gate every day: a setup item at most once.
        assert!(
            i.phase == Some(Phase::Daily) || i.id == "daily-gate-staff",
            "{}",
            i.id
        );
    }
    // Where the guide has no number, it says whom to ask.
    assert!(said.contains("问所在镇街或区工信局"));
}

#[test]
fn the_class_decision_is_the_enterprises_all_classes_and_the_employees_own() {
    use jimei::model::guide::DecisionMode;
    let g = guide();
    let decision = node(&g, "personnel-class");
    assert_eq!(
        g.decision_mode(decision, Role::Enterprise),
        DecisionMode::AllBranches
    );
    assert_eq!(
        g.decision_mode(decision, Role::Employee),
        DecisionMode::Answer("personnel_class")
    );
    assert_ne!(
        decision.title_for(Role::Enterprise),
        decision.title_for(Role::Employee)
    );
    assert!(zh(decision.title_for(Role::Enterprise)).contains("员工"));
    assert!(zh(decision.title_for(Role::Employee)).contains("你"));
    // With no staff from outside Fujian, the branches of arrivals from outside Fujian do not
    // concern the enterprise.
    let none_outside = answers(&[("outside_staff", "no")]);
    let applying: Vec<&str> = g
        .edges_from("personnel-class")
        .filter(|e| g.branch_applies(e, &none_outside))
        .filter_map(|e| e.answer.as_deref())
        .collect();
    assert_eq!(
        applying,
        [
            "close_contact",
            "general_contact",
            "outside_xiamen",
            "stayed_xiamen"
        ]
    );
    assert_eq!(
        g.edges_from("personnel-class")
            .filter(|e| g.branch_applies(e, &Answers::new()))
            .count(),
        7
    );
}

#[test]
fn the_fourteen_day_decision_is_only_for_staff_from_outside_fujian() {
    let g = guide();
    let fourteen = node(&g, "fourteen-days");
    assert!(!g.node_applies(fourteen, &answers(&[("outside_staff", "no")])));
    assert!(g.node_applies(fourteen, &answers(&[("outside_staff", "yes")])));
    assert!(g.node_applies(fourteen, &Answers::new()));
    let otherwise = fourteen
        .otherwise
        .as_deref()
        .expect("where the route goes instead");
    let edge = g.edges.iter().find(|e| e.id == otherwise).unwrap();
    assert_eq!(node(&g, &edge.to).kind, NodeKind::End);
    // It depends on "no case", which the confirmed-case step says no longer holds.
    assert!(node_says(
        fourteen,
        "没有确诊和疑似病例",
        "no confirmed or suspected case"
    ));
}

// ---------------------------------------------------------------------------------------------
// After a suspected case (issue 16 §4)
// ---------------------------------------------------------------------------------------------

/// Whether `to` can be reached from `from` without passing through `avoid`.
fn reaches_avoiding(g: &Guide, from: &str, to: &str, avoid: &str) -> bool {
    let mut seen = HashSet::new();
    let mut queue = VecDeque::from([from]);
    while let Some(n) = queue.pop_front() {
        if n == to {
            return true;
        }
        if n == avoid || !seen.insert(n) {
            continue;
        }
        queue.extend(exits(g, n).into_iter().map(|e| e.to.as_str()));
    }
    false
}

#[test]
fn the_suspected_case_route_reaches_tracing_and_disinfection_before_the_daily_loop() {
    let g = guide();
    let check = decision_for_event(&g);
    let abnormal = exits(&g, &check.id)
        .into_iter()
        .find(|e| e.label.as_ref().is_some_and(|l| zh(l).contains("异常")))
        .expect("the abnormal branch");
    // The daily loop goes on at the day's roster, from where it returns to the gate.
    let roster = node(&g, "daily-roster");
    assert!(reachable(&g, &[abnormal.to.as_str()], false).contains(&roster.id));
    let trace = g
        .nodes
        .iter()
        .find(|n| node_says(n, "密切接触者", "close contacts") && node_says(n, "疾控", "CDC"))
        .expect("a step tracing close contacts with the CDC");
    let disinfect = g
        .nodes
        .iter()
        .find(|n| node_says(n, "消毒", "isinfect") && zh(&n.body).contains("工作"))
        .expect("a step disinfecting where the person worked");
    for step in [trace, disinfect] {
        assert!(
            !reaches_avoiding(&g, &abnormal.to, &roster.id, &step.id),
            "the abnormal route reaches the roster without {:?}",
            step.id
        );
        assert!(
            !reaches_avoiding(&g, &abnormal.to, &check.id, &step.id),
            "the abnormal route reaches the next gate check without {:?}",
            step.id
        );
    }
    // And it says what changes when a case is confirmed.
    let confirmed = node(&g, "confirmed-case");
    assert!(node_says(
        confirmed,
        "集中医学观察14天",
        "14 days of centralised medical observation"
    ));
    assert!(node_says(
        confirmed,
        "“无病例”的条件不再满足",
        "no longer holds"
    ));
    for id in [
        "daily-trace-contacts",
        "daily-disinfect-area",
        "daily-confirmed-case",
    ] {
        assert_eq!(item(&g, id).phase, Some(jimei::model::guide::Phase::Daily));
    }
}

fn decision_for_event(g: &Guide) -> &Node {
    g.nodes
        .iter()
        .find(|n| {
            n.kind == NodeKind::Decision
                && n.question.is_none()
                && node_says(n, "体温", "temperature")
        })
        .expect("the temperature decision")
}

#[test]
fn the_missing_behaviours_are_items_with_their_pictures() {
    let g = guide();
    for (id, zh_part, picture) in [
        ("emp-handwash", "洗手", Some("behaviour-handwash.svg")),
        ("site-handwash", "洗手", Some("behaviour-handwash.svg")),
        ("emp-commute", "公交", None),
        ("emp-mask-disposal", "废弃口罩", None),
        ("emp-queue", "1米", Some("behaviour-queue-distance.svg")),
        ("emp-meals", "错峰", Some("behaviour-staggered-meals.svg")),
        ("personnel-hubei-postpone", "暂缓", None),
        ("emp-hubei-postpone", "暂缓", None),
    ] {
        let i = item(&g, id);
        assert!(zh(&i.what).contains(zh_part), "{id} lacks {zh_part}");
        if let Some(picture) = picture {
            assert_eq!(i.illustration.as_deref(), Some(picture), "{id}");
        }
    }
    for (node_id, scene) in [
        ("daily-entry", "behaviour-gate-check.svg"),
        ("isolation-room", "behaviour-isolation-room.svg"),
        ("canteen-meals", "behaviour-staggered-meals.svg"),
        ("work-on-post", "behaviour-mask-on.svg"),
    ] {
        assert_eq!(node(&g, node_id).illustration.as_deref(), Some(scene));
    }
    // One icon per meaning: the calendar is for dates, the 14 days have their own.
    for (id, icon) in [
        ("timetable", "icon-calendar.svg"),
        ("fourteen-days", "icon-fourteen-days.svg"),
        ("daily-roster", "icon-report.svg"),
    ] {
        assert_eq!(node(&g, id).illustration.as_deref(), Some(icon), "{id}");
    }
    let calendars: Vec<&str> = g
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .filter(|i| i.icon.as_deref() == Some("icon-calendar.svg"))
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(calendars, ["commit-timetable", "commit-project"]);
}

// ---------------------------------------------------------------------------------------------
// Classes and filing offices as data
// ---------------------------------------------------------------------------------------------

#[test]
fn the_classes_carry_each_rule_with_its_date() {
    use jimei::model::guide::Observation;
    let g = guide();
    let q = g
        .questions
        .iter()
        .find(|q| q.id == "personnel_class")
        .unwrap();
    let ids: Vec<&str> = g.classes.iter().map(|c| c.id.as_str()).collect();
    let answers_ids: Vec<&str> = q.answers.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, answers_ids);
    for (id, observation, days, on_site) in [
        ("hubei", Observation::Centralised, 14, false),
        ("close_contact", Observation::Centralised, 14, false),
        ("key_area", Observation::Home, 14, false),
        ("outside_fujian", Observation::Supervised, 14, true),
        ("general_contact", Observation::SelfObservation, 14, false),
        ("outside_xiamen", Observation::None, 0, true),
        ("stayed_xiamen", Observation::None, 0, true),
    ] {
        let c = g.class(id).unwrap();
        assert_eq!(
            (c.observation, c.days, c.on_site),
            (observation, days, on_site),
            "{id}"
        );
        // The class's node is the branch the class question takes.
        let decision = decision_for(&g, "personnel_class");
        assert_eq!(branch_target(&g, decision, id).id, c.node, "{id}");
    }
    let outside = g.class("outside_fujian").unwrap();
    assert_eq!(outside.readings_per_day, 2);
    let change = outside
        .changed
        .as_ref()
        .expect("the rule changed on 21 February");
    assert_eq!(change.date, "2020-02-21");
    assert_eq!(change.source, "xiamen-notice-7");
    assert!(zh(&change.before).contains("居家自我观察"));
    assert_eq!(
        g.class("hubei")
            .unwrap()
            .first_day_after("2020-02-10")
            .as_deref(),
        Some("2020-02-24")
    );
}

#[test]
fn filing_names_the_offices_without_inventing_addresses() {
    use jimei::model::guide::{FilesWith, OfficeKind};
    let g = guide();
    let f = g.filing.as_ref().expect("filing data");
    let towns: Vec<&str> = f
        .offices
        .iter()
        .filter(|o| o.kind == OfficeKind::Town)
        .map(|o| zh(&o.name))
        .collect();
    for name in [
        "集美街道",
        "侨英街道",
        "杏林街道",
        "杏滨街道",
        "灌口镇",
        "后溪镇",
    ] {
        assert!(
            towns.iter().any(|t| t.starts_with(name)),
            "no office for {name}"
        );
    }
    for o in &f.offices {
        let all = format!("{}{}{}", zh(&o.name), zh(&o.holds), zh(&o.ask));
        let longest_digits = all
            .split(|c: char| !c.is_ascii_digit())
            .map(str::len)
            .max()
            .unwrap_or(0);
        assert!(longest_digits < 5, "office {} holds a number: {all}", o.id);
        assert!(
            zh(&o.ask).contains("问"),
            "office {} says whom to ask",
            o.id
        );
        assert!(
            !all.contains("路") && !all.contains("号楼"),
            "office {} has an address",
            o.id
        );
    }
    let route = |pairs: &[(&str, &str)]| g.filing_route(&answers(pairs)).map(|r| r.id.as_str());
    assert_eq!(
        route(&[("enterprise_kind", "industrial"), ("output_300m", "yes")]),
        Some("industrial-large")
    );
    assert_eq!(
        route(&[("enterprise_kind", "industrial"), ("output_300m", "no")]),
        Some("industrial-small")
    );
    assert_eq!(route(&[("enterprise_kind", "other")]), Some("other"));
    assert_eq!(
        route(&[("enterprise_kind", "construction")]),
        Some("project")
    );
    assert_eq!(
        route(&[("output_300m", "yes")]),
        None,
        "the kind decides first"
    );
    let large = g
        .filing_route(&answers(&[
            ("enterprise_kind", "industrial"),
            ("output_300m", "yes"),
        ]))
        .unwrap();
    assert_eq!(large.files_with, FilesWith::Office("bureau".into()));
    let small_answers = answers(&[
        ("enterprise_kind", "industrial"),
        ("output_300m", "no"),
        ("town", "guankou"),
    ]);
    let small = g.filing_route(&small_answers).unwrap();
    let offices: Vec<&str> = g
        .filing_offices(small, &small_answers)
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(offices, ["guankou"]);
    let materials: Vec<&str> = g
        .filing_materials(small)
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    for needed in ["commitment-letter", "prevention-plan", "staff-roster"] {
        assert!(materials.contains(&needed), "{needed}");
    }
    let project = g
        .filing_route(&answers(&[("enterprise_kind", "construction")]))
        .unwrap();
    assert!(g.filing_offices(project, &Answers::new()).is_empty());
    assert!(!g
        .filing_materials(project)
        .iter()
        .any(|m| m.id == "commitment-letter"));
}

// ---------------------------------------------------------------------------------------------
// Words (issue 16 §6)
// ---------------------------------------------------------------------------------------------

#[test]
fn words_are_plain_and_titles_fit_a_phone() {
    let g = guide();
    let mut bad = Vec::new();
    for (path, text) in all_texts(&g) {
        let english = en(text);
        for calque in [
            "on post",
            "normal management",
            "above-scale",
            "\"in place\"",
            "six \"musts\"",
        ] {
            if english.contains(calque) {
                bad.push(format!("{path}: {calque:?}"));
            }
        }
        let hant = text.0.get("zh-Hant").map(String::as_str).unwrap_or("");
        for other in ["資訊", "資料", "名冊", "登記冊", "視訊"] {
            if hant.contains(other) {
                bad.push(format!(
                    "{path}: zh-Hant {other} (信息, 臺賬, 視頻 throughout)"
                ));
            }
        }
        if path.ends_with(" title") && !path.starts_with("about") {
            if english.chars().count() > 50 {
                bad.push(format!(
                    "{path}: {} characters: {english}",
                    english.chars().count()
                ));
            }
            if zh(text).chars().count() > 20 {
                bad.push(format!("{path}: {}", zh(text)));
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

// ---------------------------------------------------------------------------------------------
// Saved progress of the previous guide version
// ---------------------------------------------------------------------------------------------

#[test]
fn saved_progress_of_1_0_0_loads_with_nothing_lost_and_a_notice() {
    use jimei::model::saved::{decode, encode};
    const SAVED: &str = include_str!("fixtures/progress-1.0.0.json");
    let g = guide();
    let saved = decode(SAVED.trim(), &g.id).expect("the 1.0.0 progress decodes");
    assert_eq!(saved.guide_version, "1.0.0");
    let before = saved.progress.clone();
    let (after, change) = saved.clone().into_progress(&g);

    // Every record is kept: in the checklist if the item is still there, else aside.
    for (id, record) in &before.items {
        let kept = after.items.get(id).or_else(|| after.orphans.items.get(id));
        assert_eq!(kept, Some(record), "item {id}");
    }
    for (question, answer) in &before.answers {
        let kept = after
            .answers
            .get(question)
            .or_else(|| after.orphans.answers.get(question));
        assert_eq!(kept, Some(answer), "answer {question}");
    }
    assert_eq!(after.enterprise_name, before.enterprise_name);
    assert_eq!(after.role, before.role);

    // The notice lists exactly what changed.
    let removed: BTreeSet<&str> = change.removed.iter().map(String::as_str).collect();
    let expected: BTreeSet<&str> = [
        "musts-commitments",
        "musts-dormitory",
        "musts-entry",
        "musts-filing",
        "musts-masks",
        "musts-report",
        "personnel-stayed",
    ]
    .into();
    assert_eq!(removed, expected);
    let in_guide: BTreeSet<String> = g
        .sections
        .iter()
        .flat_map(|s| s.items.iter().map(|i| i.id.clone()))
        .collect();
    let added: BTreeSet<String> = change.added.iter().cloned().collect();
    let new: BTreeSet<String> = in_guide.difference(&before.known_items).cloned().collect();
    assert_eq!(added, new);
    assert!(added.contains("daily-trace-contacts") && added.contains("emp-handwash"));
    assert!(!change.is_empty());
    for id in &removed {
        assert!(after.orphans.items.contains_key(*id), "{id} kept aside");
    }

    // Saved again and read back, nothing moves; a later guide restoring an id gets it back.
    let again = jimei::model::saved::Saved::new(&g, after.clone(), saved.saved_at + 1);
    let reread = decode(&encode(&again), &g.id).unwrap();
    let (twice, change) = reread.into_progress(&g);
    assert_eq!(twice, after);
    assert!(change.is_empty());
}

/// Issue 18: the ledger records the enterprise's daily routines (disinfection, ventilation,
/// the canteen and dormitory checks), not what the gate and visitor registers keep nor what
/// is done once something happens; the answers rule out the ones that do not apply.
#[test]
fn the_ledger_records_the_daily_routines_that_apply() {
    let guide = guide();
    let ids = |answers: &jimei::model::guide::Answers| -> Vec<String> {
        guide
            .ledger_routines(answers)
            .into_iter()
            .map(|i| i.id.clone())
            .collect()
    };
    let all = ids(&Default::default());
    for wanted in [
        "daily-disinfection",
        "daily-ventilation",
        "daily-canteen-tableware",
        "daily-dorm-temperature",
    ] {
        assert!(all.iter().any(|i| i == wanted), "{wanted} in {all:?}");
    }
    for elsewhere in [
        "daily-entry-temperature",
        "daily-visitors",
        "daily-isolate",
        "daily-confirmed-case",
    ] {
        assert!(
            !all.iter().any(|i| i == elsewhere),
            "{elsewhere} in {all:?}"
        );
    }
    let no_canteen = [("canteen".to_string(), "no".to_string())]
        .into_iter()
        .collect();
    let some = ids(&no_canteen);
    assert!(
        !some.iter().any(|i| i == "daily-canteen-tableware"),
        "{some:?}"
    );
    assert_eq!(some.len() + 1, all.len());
}

/// Issue 19 §4: the letter goes to the office the enterprise files with once the answers
/// name one, as the commitment letter's material note promises; until then, to the district.
#[test]
fn the_letter_is_addressed_to_the_office_of_the_route() {
    let guide = guide();
    let answers = |pairs: &[(&str, &str)]| -> jimei::model::guide::Answers {
        pairs
            .iter()
            .map(|(q, a)| (q.to_string(), a.to_string()))
            .collect()
    };
    assert_eq!(guide.letter_office(&answers(&[])), None);
    let large = answers(&[("enterprise_kind", "industrial"), ("output_300m", "yes")]);
    assert_eq!(
        guide.letter_office(&large).map(|o| o.id.as_str()),
        Some("bureau")
    );
    let small = answers(&[("enterprise_kind", "industrial"), ("output_300m", "no")]);
    assert_eq!(guide.letter_office(&small), None, "no town chosen yet");
    let small_in_jimei = answers(&[
        ("enterprise_kind", "industrial"),
        ("output_300m", "no"),
        ("town", "jimei"),
    ]);
    assert_eq!(
        guide.letter_office(&small_in_jimei).map(|o| o.id.as_str()),
        Some("jimei")
    );
    let project = answers(&[("enterprise_kind", "construction")]);
    assert_eq!(
        guide.letter_office(&project),
        None,
        "the sources name no office"
    );
}

/// Issue 19 §5: the print carries the guide's historical notice, so the About article it
/// comes from must be there.
#[test]
fn the_guide_has_its_historical_notice_for_the_print() {
    let guide = guide();
    let notice = guide.historical_notice().expect("the historical article");
    assert!(guide
        .text(notice, jimei::model::i18n::Locale::ZhHans)
        .contains("2020"));
}

/// Issue 16 §1: the "From a Xiamen notice" badge sits only on what a Xiamen notice says, and
/// Jimei's own news items carry a badge of their own.
#[test]
fn each_badge_names_the_kind_of_source_it_sits_on() {
    use jimei::model::guide::Confidence;
    let guide = guide();
    let mut entries: Vec<(&str, Confidence, &str)> = guide
        .nodes
        .iter()
        .map(|n| (n.id.as_str(), n.confidence, n.source.as_str()))
        .collect();
    for item in guide.sections.iter().flat_map(|s| s.items.iter()) {
        entries.push((item.id.as_str(), item.confidence, item.source.as_str()));
    }
    let mut news = 0;
    for (id, confidence, source) in entries {
        match confidence {
            Confidence::Xiamen => {
                assert!(source.starts_with("xiamen-notice-"), "{id} cites {source}")
            }
            Confidence::JimeiNews => {
                news += 1;
                assert!(source.starts_with("jimei-"), "{id} cites {source}");
            }
            Confidence::Reported | Confidence::Reconstructed | Confidence::Official => {}
        }
        if source.starts_with("jimei-") {
            assert_eq!(confidence, Confidence::JimeiNews, "{id}");
        }
    }
    assert_eq!(news, 4);
}
