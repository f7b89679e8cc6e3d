//! The guide as data: the flowchart, the questions that personalise it and the checklist.
//!
//! Everything here is plain serde data with no browser dependency. `parse` turns JSON into a
//! `Guide`; `validate` then collects every problem with the guide, each with a path to where it
//! is, rather than stopping at the first. Ids are strings and permanent: they are the keys of
//! people's saved progress, so a published id is never reused for something else.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::graph::{guide_ends, guide_reading, Digraph, Direction, NodeIx};
use crate::i18n::Locale;

/// A whole guide, as stored in `public/guide/*.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    /// Stable id of the guide; saved progress is keyed by it.
    pub id: String,
    /// Version of the content, shown on the About page and stored with progress.
    pub version: String,
    /// Date of this version, `YYYY-MM-DD`.
    pub date: String,
    /// Language tags every text must be given in, the primary language first.
    pub languages: Vec<String>,
    pub title: Text,
    pub summary: Text,
    pub sources: Vec<Source>,
    #[serde(default)]
    pub questions: Vec<Question>,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Paragraphs for the About page: what the guide is, where its facts come from, the
    /// district's figures.
    #[serde(default)]
    pub about: Vec<Article>,
    /// The personnel classes, one per answer of the employee's class question
    /// (`CLASS_QUESTION`): the rules the daily ledger applies, so that a rule change is a
    /// guide change.
    #[serde(default)]
    pub classes: Vec<PersonnelClass>,
    /// Where an enterprise files for resumption and what it brings.
    #[serde(default)]
    pub filing: Option<Filing>,
    /// Short cards of points that link to the items and nodes they come from, such as "At
    /// the gate today" and the six musts.
    #[serde(default)]
    pub cards: Vec<Card>,
}

/// A titled paragraph of the About page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub id: String,
    pub title: Text,
    pub body: Text,
}

/// A text in several languages, keyed by language tag (`zh-Hans`, `zh-Hant`, `en`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    /// The text in `lang`, or failing that in `fallback`, or failing that any text at all.
    pub fn get<'a>(&'a self, lang: &str, fallback: &str) -> &'a str {
        self.0
            .get(lang)
            .or_else(|| self.0.get(fallback))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Builds a text from `(language, text)` pairs; handy in tests and fixtures.
    pub fn from_pairs(pairs: &[(&str, &str)]) -> Text {
        Text(
            pairs
                .iter()
                .map(|(lang, text)| (lang.to_string(), text.to_string()))
                .collect(),
        )
    }
}

/// A document the guide's facts come from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub name: Text,
    /// Date of the source document, `YYYY-MM-DD`.
    pub date: String,
    pub url: String,
}

/// How sure we are of a node or item (see the About page).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Stated in the Xiamen Daily report on Jimei.
    Reported,
    /// From a Xiamen city notice of the same weeks.
    Xiamen,
    /// From Jimei news of the same weeks (Taihainet, Jimei News), not the Xiamen Daily
    /// report and not a notice.
    JimeiNews,
    /// Rebuilt from Fujian or national guidance of the period.
    Reconstructed,
    /// The district's own verbatim text, for when it replaces a reconstructed item.
    Official,
}

/// Whose checklist a section belongs to.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The enterprise, as worked through by its safety officer.
    #[default]
    Enterprise,
    /// A returning employee.
    Employee,
}

impl Role {
    pub const ALL: [Role; 2] = [Role::Enterprise, Role::Employee];

    /// The role's name in addresses (`?role=`) and in the guide file.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Enterprise => "enterprise",
            Role::Employee => "employee",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A role name that is neither `enterprise` nor `employee`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownRole;

impl FromStr for Role {
    type Err = UnknownRole;

    /// Reads a `?role=` value; only the exact names, as the app's own links write them.
    fn from_str(s: &str) -> Result<Role, UnknownRole> {
        Role::ALL
            .into_iter()
            .find(|role| role.as_str() == s)
            .ok_or(UnknownRole)
    }
}

/// A question whose answer personalises the guide, such as "Do you run a canteen?".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    /// Who answers it.
    pub role: Role,
    pub text: Text,
    #[serde(default)]
    pub help: Option<Text>,
    pub answers: Vec<AnswerOption>,
}

/// One possible answer to a question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    pub id: String,
    pub label: Text,
}

/// The shape of a flowchart node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    Start,
    Step,
    Decision,
    End,
}

/// One box, diamond or pill of the flowchart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub id: String,
    pub kind: NodeKind,
    pub title: Text,
    /// What to do at this step.
    pub body: Text,
    /// Why it matters.
    #[serde(default)]
    pub why: Option<Text>,
    /// File name of an illustration in `public/img/`.
    #[serde(default)]
    pub illustration: Option<String>,
    pub confidence: Confidence,
    /// Id of an entry in `Guide::sources`.
    pub source: String,
    /// For a decision answered by the user: the question that decides it.
    #[serde(default)]
    pub question: Option<String>,
    /// The node only applies when this holds (an unanswered question counts as holding);
    /// where it does not, the route passes through it along `otherwise`.
    #[serde(default)]
    pub applies_when: Option<Condition>,
    /// For a decision with `applies_when`: the id of the edge out of it that the route
    /// follows when the decision does not apply.
    #[serde(default)]
    pub otherwise: Option<String>,
    /// The node as another role sees it, where `title` and `body` are written for one role.
    #[serde(default)]
    pub for_role: Vec<RoleWording>,
}

/// An arrow between two nodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edge {
    pub id: String,
    pub from: String,
    pub to: String,
    /// The branch's label; required on every branch out of a decision.
    #[serde(default)]
    pub label: Option<Text>,
    /// For a branch of a decision tied to a question: the answer that takes it.
    #[serde(default)]
    pub answer: Option<String>,
}

/// A group of checklist items with its own illustration, for one role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub role: Role,
    pub title: Text,
    #[serde(default)]
    pub intro: Option<Text>,
    #[serde(default)]
    pub illustration: Option<String>,
    pub items: Vec<Item>,
}

/// The id of the About article saying the guide is historical (`Guide::historical_notice`).
pub const HISTORICAL_ARTICLE: &str = "about-historical";

/// One thing to check. Its role is that of its section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    /// A short imperative title.
    pub title: Text,
    /// What to do.
    pub what: Text,
    /// Why it matters.
    pub why: Text,
    pub required: bool,
    /// The item only applies when this holds; `None` means always.
    #[serde(default)]
    pub applies_when: Option<Condition>,
    /// Id of the flowchart node the item belongs to.
    pub node: String,
    pub confidence: Confidence,
    /// Id of an entry in `Guide::sources`.
    pub source: String,
    /// File name of a small topic icon in `public/img/`.
    #[serde(default)]
    pub icon: Option<String>,
    /// When in the role's work the item is done; see `Phase`. Guides written before phases
    /// leave it out, and such an item blocks readiness as every required item used to.
    #[serde(default)]
    pub phase: Option<Phase>,
    /// File name of a scene in `public/img/` showing the behaviour the item asks for.
    #[serde(default)]
    pub illustration: Option<String>,
    /// A daily routine of the enterprise that the ledger records each time it is done
    /// (disinfection, ventilation...), rather than one recorded elsewhere (the gate and
    /// visitor registers) or done once something happens.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub routine: bool,
}

/// A condition over the answers, written in JSON as
/// `{"is": {"question": "canteen", "answer": "yes"}}`, `{"all": [...]}`, `{"any": [...]}`
/// or `{"not": {...}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    Is { question: String, answer: String },
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

/// The user's answers: question id to answer id.
pub type Answers = BTreeMap<String, String>;

impl Condition {
    /// Evaluates the condition. `None` means it cannot be decided yet because a question it
    /// needs is unanswered.
    pub fn eval(&self, answers: &Answers) -> Option<bool> {
        match self {
            Condition::Is { question, answer } => answers.get(question).map(|a| a == answer),
            Condition::All(parts) => {
                let mut unknown = false;
                for part in parts {
                    match part.eval(answers) {
                        Some(false) => return Some(false),
                        None => unknown = true,
                        Some(true) => {}
                    }
                }
                if unknown {
                    None
                } else {
                    Some(true)
                }
            }
            Condition::Any(parts) => {
                let mut unknown = false;
                for part in parts {
                    match part.eval(answers) {
                        Some(true) => return Some(true),
                        None => unknown = true,
                        Some(false) => {}
                    }
                }
                if unknown {
                    None
                } else {
                    Some(false)
                }
            }
            Condition::Not(inner) => inner.eval(answers).map(|b| !b),
        }
    }

    fn visit_is<'a>(&'a self, found: &mut Vec<(&'a str, &'a str)>) {
        match self {
            Condition::Is { question, answer } => found.push((question, answer)),
            Condition::All(parts) | Condition::Any(parts) => {
                parts.iter().for_each(|p| p.visit_is(found))
            }
            Condition::Not(inner) => inner.visit_is(found),
        }
    }
}

/// Why a guide file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Parses a guide from JSON. Validation is a separate step: see `validate`.
pub fn parse(json: &str) -> Result<Guide, ParseError> {
    serde_json::from_str(json).map_err(|e| ParseError {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

/// One thing wrong with a guide, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the file, such as `edges[3]` or `sections[1].items[0].applies_when`.
    pub path: String,
    pub kind: ProblemKind,
}

/// What is wrong. Each variant renders as a sentence in every language (see `i18n`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    NoLanguages,
    DuplicateId {
        id: String,
    },
    EmptyId,
    EdgeFromMissing {
        edge: String,
        node: String,
    },
    EdgeToMissing {
        edge: String,
        node: String,
    },
    NoStart,
    ManyStarts {
        count: usize,
    },
    NoEnd,
    DecisionFewBranches {
        node: String,
        count: usize,
    },
    BranchWithoutLabel {
        edge: String,
        node: String,
    },
    BranchWithoutAnswer {
        edge: String,
        node: String,
    },
    Unreachable {
        node: String,
    },
    NoWayToEnd {
        node: String,
    },
    EndHasExit {
        node: String,
    },
    ItemNodeMissing {
        item: String,
        node: String,
    },
    MissingText {
        lang: String,
    },
    UnknownQuestion {
        question: String,
    },
    UnknownAnswer {
        question: String,
        answer: String,
    },
    UnknownSource {
        source: String,
    },
    QuestionWithoutAnswers {
        question: String,
    },
    PhaseNotForRole {
        item: String,
        phase: Phase,
        role: Role,
    },
    /// Only an enterprise's daily item can be a routine the ledger records.
    RoutineNotDaily {
        item: String,
    },
    OtherwiseWithoutCondition {
        node: String,
    },
    OtherwiseNotAnExit {
        node: String,
        edge: String,
    },
    RoleWordingRepeated {
        node: String,
        role: Role,
    },
    ClassNotAnAnswer {
        class: String,
    },
    AnswerWithoutClass {
        answer: String,
    },
    ClassDays {
        class: String,
    },
    NodeMissing {
        owner: String,
        node: String,
    },
    ItemMissing {
        owner: String,
        item: String,
    },
    ItemOfOtherRole {
        owner: String,
        item: String,
    },
    OfficeNotAnAnswer {
        office: String,
    },
    AnswerWithoutOffice {
        answer: String,
    },
    OfficeMissing {
        route: String,
        office: String,
    },
    RouteMissing {
        material: String,
        route: String,
    },
    SectionMissing {
        card: String,
        section: String,
    },
    PointLinksNothing {
        point: String,
    },
    ManyFirstCards {
        count: usize,
    },
}

/// Checks everything the app relies on and returns every problem found; an empty list means
/// the guide is sound.
pub fn validate(guide: &Guide) -> Vec<Problem> {
    let mut v = Validator {
        guide,
        problems: Vec::new(),
    };
    v.check_languages();
    v.check_ids();
    v.check_questions();
    v.check_graph();
    v.check_sections();
    check_phases(&mut v);
    check_node_extras(&mut v);
    check_classes(&mut v);
    check_filing(&mut v);
    check_cards(&mut v);
    v.problems
}

struct Validator<'a> {
    guide: &'a Guide,
    problems: Vec<Problem>,
}

impl<'a> Validator<'a> {
    fn push(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.problems.push(Problem {
            path: path.into(),
            kind,
        });
    }

    fn text(&mut self, path: impl Into<String>, text: &Text) {
        let path = path.into();
        for lang in &self.guide.languages {
            if text.0.get(lang).is_none_or(|s| s.trim().is_empty()) {
                self.push(
                    path.clone(),
                    ProblemKind::MissingText { lang: lang.clone() },
                );
            }
        }
    }

    fn source(&mut self, path: String, source: &str) {
        if !self.guide.sources.iter().any(|s| s.id == source) {
            self.push(
                path,
                ProblemKind::UnknownSource {
                    source: source.to_string(),
                },
            );
        }
    }

    fn check_languages(&mut self) {
        if self.guide.languages.is_empty() {
            self.push("languages", ProblemKind::NoLanguages);
        }
        let g = self.guide;
        self.text("title", &g.title);
        self.text("summary", &g.summary);
        for (i, s) in g.sources.iter().enumerate() {
            self.text(format!("sources[{i}].name"), &s.name);
        }
        for (i, a) in g.about.iter().enumerate() {
            self.text(format!("about[{i}].title"), &a.title);
            self.text(format!("about[{i}].body"), &a.body);
        }
    }

    /// Ids must be unique within their kind, except that nodes, edges, sections and items
    /// share one namespace so a deep link or a saved key is never ambiguous.
    fn check_ids(&mut self) {
        let g = self.guide;
        let mut shared: Vec<(String, &str)> = Vec::new();
        shared.extend(
            g.nodes
                .iter()
                .enumerate()
                .map(|(i, n)| (format!("nodes[{i}]"), n.id.as_str())),
        );
        shared.extend(
            g.edges
                .iter()
                .enumerate()
                .map(|(i, e)| (format!("edges[{i}]"), e.id.as_str())),
        );
        for (si, s) in g.sections.iter().enumerate() {
            shared.push((format!("sections[{si}]"), s.id.as_str()));
            shared.extend(
                s.items
                    .iter()
                    .enumerate()
                    .map(|(ii, it)| (format!("sections[{si}].items[{ii}]"), it.id.as_str())),
            );
        }
        let questions = g
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (format!("questions[{i}]"), q.id.as_str()));
        let sources = g
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("sources[{i}]"), s.id.as_str()));
        for group in [shared, questions.collect(), sources.collect()] {
            let mut seen = HashSet::new();
            for (path, id) in group {
                if id.trim().is_empty() {
                    self.push(path, ProblemKind::EmptyId);
                } else if !seen.insert(id) {
                    self.push(path, ProblemKind::DuplicateId { id: id.to_string() });
                }
            }
        }
    }

    fn check_questions(&mut self) {
        let g = self.guide;
        for (qi, q) in g.questions.iter().enumerate() {
            self.text(format!("questions[{qi}].text"), &q.text);
            if let Some(help) = &q.help {
                self.text(format!("questions[{qi}].help"), help);
            }
            if q.answers.len() < 2 {
                self.push(
                    format!("questions[{qi}].answers"),
                    ProblemKind::QuestionWithoutAnswers {
                        question: q.id.clone(),
                    },
                );
            }
            let mut seen = HashSet::new();
            for (ai, a) in q.answers.iter().enumerate() {
                self.text(format!("questions[{qi}].answers[{ai}].label"), &a.label);
                if !seen.insert(a.id.as_str()) {
                    self.push(
                        format!("questions[{qi}].answers[{ai}]"),
                        ProblemKind::DuplicateId { id: a.id.clone() },
                    );
                }
            }
        }
    }

    fn question_answer(&mut self, path: String, question: &str, answer: Option<&str>) {
        match self.guide.questions.iter().find(|q| q.id == question) {
            None => self.push(
                path,
                ProblemKind::UnknownQuestion {
                    question: question.to_string(),
                },
            ),
            Some(q) => {
                if let Some(answer) = answer {
                    if !q.answers.iter().any(|a| a.id == answer) {
                        self.push(
                            path,
                            ProblemKind::UnknownAnswer {
                                question: question.to_string(),
                                answer: answer.to_string(),
                            },
                        );
                    }
                }
            }
        }
    }

    fn check_graph(&mut self) {
        let g = self.guide;

        for (i, n) in g.nodes.iter().enumerate() {
            self.text(format!("nodes[{i}].title"), &n.title);
            self.text(format!("nodes[{i}].body"), &n.body);
            if let Some(why) = &n.why {
                self.text(format!("nodes[{i}].why"), why);
            }
            self.source(format!("nodes[{i}].source"), &n.source);
            if let Some(q) = &n.question {
                self.question_answer(format!("nodes[{i}].question"), q, None);
            }
        }

        let starts: Vec<usize> = (0..g.nodes.len())
            .filter(|&i| g.nodes[i].kind == NodeKind::Start)
            .collect();
        match starts.len() {
            0 => self.push("nodes", ProblemKind::NoStart),
            1 => {}
            count => self.push("nodes", ProblemKind::ManyStarts { count }),
        }
        if !g.nodes.iter().any(|n| n.kind == NodeKind::End) {
            self.push("nodes", ProblemKind::NoEnd);
        }

        // Each edge's ends as node indices, a missing node as an index out of range.
        let ends = guide_ends(g);
        for (i, (e, &(from, to))) in g.edges.iter().zip(&ends).enumerate() {
            let path = format!("edges[{i}]");
            if let Some(label) = &e.label {
                self.text(format!("{path}.label"), label);
            }
            if from >= g.nodes.len() {
                self.push(
                    path.clone(),
                    ProblemKind::EdgeFromMissing {
                        edge: e.id.clone(),
                        node: e.from.clone(),
                    },
                );
            }
            if to >= g.nodes.len() {
                self.push(
                    path.clone(),
                    ProblemKind::EdgeToMissing {
                        edge: e.id.clone(),
                        node: e.to.clone(),
                    },
                );
            }
        }
        let graph = Digraph::new(g.nodes.len(), &ends);

        for (i, n) in g.nodes.iter().enumerate() {
            let exits: Vec<(usize, &Edge)> = g
                .edges
                .iter()
                .enumerate()
                .filter(|(_, e)| e.from == n.id)
                .collect();
            match n.kind {
                NodeKind::End if !exits.is_empty() => self.push(
                    format!("nodes[{i}]"),
                    ProblemKind::EndHasExit { node: n.id.clone() },
                ),
                NodeKind::Decision => {
                    if exits.len() < 2 {
                        self.push(
                            format!("nodes[{i}]"),
                            ProblemKind::DecisionFewBranches {
                                node: n.id.clone(),
                                count: exits.len(),
                            },
                        );
                    }
                    for (ei, e) in exits {
                        if e.label.is_none() {
                            self.push(
                                format!("edges[{ei}].label"),
                                ProblemKind::BranchWithoutLabel {
                                    edge: e.id.clone(),
                                    node: n.id.clone(),
                                },
                            );
                        }
                        if let Some(q) = &n.question {
                            match &e.answer {
                                None => self.push(
                                    format!("edges[{ei}].answer"),
                                    ProblemKind::BranchWithoutAnswer {
                                        edge: e.id.clone(),
                                        node: n.id.clone(),
                                    },
                                ),
                                Some(a) => {
                                    self.question_answer(format!("edges[{ei}].answer"), q, Some(a))
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
        }

        // Reachability from the one start, and co-reachability from the ends.
        if let [start] = starts[..] {
            let seen = graph.reach(&[NodeIx::new(start)], Direction::Forward, &|_| true);
            for (i, n) in g.nodes.iter().enumerate() {
                if !seen[i] {
                    self.push(
                        format!("nodes[{i}]"),
                        ProblemKind::Unreachable { node: n.id.clone() },
                    );
                }
            }
        }
        let ends: Vec<NodeIx> = graph
            .nodes()
            .filter(|v| g.nodes[v.index()].kind == NodeKind::End)
            .collect();
        let reaches_end = graph.reach(&ends, Direction::Backward, &|_| true);
        for (i, n) in g.nodes.iter().enumerate() {
            if !reaches_end[i] {
                self.push(
                    format!("nodes[{i}]"),
                    ProblemKind::NoWayToEnd { node: n.id.clone() },
                );
            }
        }
    }

    fn check_sections(&mut self) {
        let g = self.guide;
        for (si, s) in g.sections.iter().enumerate() {
            self.text(format!("sections[{si}].title"), &s.title);
            if let Some(intro) = &s.intro {
                self.text(format!("sections[{si}].intro"), intro);
            }
            for (ii, item) in s.items.iter().enumerate() {
                let path = format!("sections[{si}].items[{ii}]");
                self.text(format!("{path}.title"), &item.title);
                self.text(format!("{path}.what"), &item.what);
                self.text(format!("{path}.why"), &item.why);
                self.source(format!("{path}.source"), &item.source);
                if !g.nodes.iter().any(|n| n.id == item.node) {
                    self.push(
                        format!("{path}.node"),
                        ProblemKind::ItemNodeMissing {
                            item: item.id.clone(),
                            node: item.node.clone(),
                        },
                    );
                }
                if let Some(cond) = &item.applies_when {
                    let mut found = Vec::new();
                    cond.visit_is(&mut found);
                    for (q, a) in found {
                        self.question_answer(format!("{path}.applies_when"), q, Some(a));
                    }
                }
            }
        }
    }
}

impl Guide {
    /// The guide's primary language: the first it declares, the one every fallback goes to.
    pub fn primary_language(&self) -> &str {
        self.languages.first().map_or("", String::as_str)
    }

    /// A text of this guide in `locale`. The one fallback rule: the text in `locale`, else in
    /// the guide's primary language, else any it has.
    pub fn text<'a>(&self, text: &'a Text, locale: Locale) -> &'a str {
        text.get(locale.tag(), self.primary_language())
    }

    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    /// The sections of one role's checklist, in guide order.
    pub fn sections_for(&self, role: Role) -> impl Iterator<Item = &Section> {
        self.sections.iter().filter(move |s| s.role == role)
    }

    /// Every item of one role, in guide order.
    pub fn items_for(&self, role: Role) -> impl Iterator<Item = &Item> {
        self.sections_for(role).flat_map(|s| s.items.iter())
    }

    /// The About article that says this is a historical guide, not today's health advice:
    /// the printed report carries it too.
    pub fn historical_notice(&self) -> Option<&Text> {
        self.about
            .iter()
            .find(|a| a.id == HISTORICAL_ARTICLE)
            .map(|a| &a.body)
    }

    /// The routines the ledger records each day, in guide order: the enterprise's items
    /// marked `routine`, less those the answers rule out. One whose condition is not yet
    /// decided is listed: better an extra line than a routine with nowhere to be recorded.
    pub fn ledger_routines(&self, answers: &Answers) -> Vec<&Item> {
        self.items_for(Role::Enterprise)
            .filter(|i| i.routine)
            .filter(|i| {
                i.applies_when
                    .as_ref()
                    .is_none_or(|c| c.eval(answers) != Some(false))
            })
            .collect()
    }

    /// The items that belong to a flowchart node, for either role.
    pub fn items_of_node<'a>(
        &'a self,
        node: &'a str,
    ) -> impl Iterator<Item = (&'a Section, &'a Item)> {
        self.sections
            .iter()
            .flat_map(|s| s.items.iter().map(move |i| (s, i)))
            .filter(move |(_, i)| i.node == node)
    }

    /// Node indices in reading order: depth-first from the start, following edges in file
    /// order, so a decision's branches come right after it. Nodes the start cannot reach come
    /// last, in file order, so nothing is ever left out.
    pub fn reading_order(&self) -> Vec<usize> {
        guide_reading(self, &Digraph::of_guide(self))
    }

    /// The edges leaving a node, in file order.
    pub fn edges_from<'a>(&'a self, node: &'a str) -> impl Iterator<Item = &'a Edge> {
        self.edges.iter().filter(move |e| e.from == node)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}

// ---------------------------------------------------------------------------------------------
// Phases, personnel classes, filing offices and cards
// ---------------------------------------------------------------------------------------------

/// The question whose answers are the personnel classes of `Guide::classes`.
pub const CLASS_QUESTION: &str = "personnel_class";

/// When an item is done. The enterprise's are setup, done once before reopening, or a
/// routine that repeats every day (or each time something happens); the employee's follow
/// the order of a return: before travelling, on arrival, during the class's observation,
/// every day at work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Enterprise setup: arrange, prepare, appoint; done once.
    BeforeReopening,
    /// Employee: before setting off.
    BeforeTravel,
    /// Employee: on arriving in Xiamen.
    OnArrival,
    /// Employee: during the observation of their class.
    Observation,
    /// A routine that repeats, for either role; it belongs to the daily ledger.
    Daily,
}

impl Phase {
    /// Every phase, the enterprise's first, then the employee's in time order.
    pub const ALL: [Phase; 5] = [
        Phase::BeforeReopening,
        Phase::BeforeTravel,
        Phase::OnArrival,
        Phase::Observation,
        Phase::Daily,
    ];

    /// The phases of one role's list, in the order they come.
    pub fn of_role(role: Role) -> &'static [Phase] {
        match role {
            Role::Enterprise => &[Phase::BeforeReopening, Phase::Daily],
            Role::Employee => &[
                Phase::BeforeTravel,
                Phase::OnArrival,
                Phase::Observation,
                Phase::Daily,
            ],
        }
    }

    /// Whether a phase belongs to a role's list.
    pub fn fits(self, role: Role) -> bool {
        Phase::of_role(role).contains(&self)
    }

    /// Whether a required item of this phase stands between the role and "ready": what must
    /// be done before reopening, or before travelling and on arrival. Observation and
    /// routines are kept up afterwards and never block.
    pub fn blocks_readiness(self) -> bool {
        matches!(
            self,
            Phase::BeforeReopening | Phase::BeforeTravel | Phase::OnArrival
        )
    }

    /// The phase's id as written in the guide file.
    pub fn id(self) -> &'static str {
        match self {
            Phase::BeforeReopening => "before_reopening",
            Phase::BeforeTravel => "before_travel",
            Phase::OnArrival => "on_arrival",
            Phase::Observation => "observation",
            Phase::Daily => "daily",
        }
    }
}

impl Role {
    /// The role's id as written in the guide file.
    pub fn id(self) -> &'static str {
        match self {
            Role::Enterprise => "enterprise",
            Role::Employee => "employee",
        }
    }
}

impl Item {
    /// Whether the item counts towards the readiness verdict: it is required and its phase
    /// is done before reopening (or before travelling, or on arrival). An item without a
    /// phase counts, as every required item did before phases.
    pub fn blocks_readiness(&self) -> bool {
        self.required && self.phase.is_none_or(Phase::blocks_readiness)
    }
}

/// A node's wording for one role, where the node's own `title` and `body` are another's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleWording {
    pub role: Role,
    pub title: Text,
    pub body: Text,
    #[serde(default)]
    pub why: Option<Text>,
}

impl Node {
    fn wording(&self, role: Role) -> Option<&RoleWording> {
        self.for_role.iter().find(|w| w.role == role)
    }

    /// The title as `role` reads it.
    pub fn title_for(&self, role: Role) -> &Text {
        self.wording(role).map_or(&self.title, |w| &w.title)
    }

    /// The body as `role` reads it.
    pub fn body_for(&self, role: Role) -> &Text {
        self.wording(role).map_or(&self.body, |w| &w.body)
    }

    /// Why it matters, as `role` reads it.
    pub fn why_for(&self, role: Role) -> Option<&Text> {
        match self.wording(role) {
            Some(w) => w.why.as_ref().or(self.why.as_ref()),
            None => self.why.as_ref(),
        }
    }
}

/// How a decision is taken for the role looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionMode<'a> {
    /// Not a decision.
    NotADecision,
    /// Decided by what happens on the day, such as a temperature reading; no saved answer.
    Event,
    /// Decided by the viewer's answer to this question.
    Answer(&'a str),
    /// The question is another role's, which the viewer does not answer for everyone: an
    /// enterprise has staff of several classes, so every branch that applies is on its
    /// route (see `Guide::branch_applies`).
    AllBranches,
}

/// What the observation of a class is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Observation {
    /// At a designated site.
    Centralised,
    /// Medical observation at home.
    Home,
    /// Supervised by the employer or the community, with readings.
    Supervised,
    /// Self-observation.
    #[serde(rename = "self")]
    SelfObservation,
    /// No observation.
    None,
}

/// The day a class's days are counted from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountedFrom {
    /// The day of arrival in Xiamen.
    #[default]
    Arrival,
    /// The last contact with the case.
    LastContact,
}

/// One class of personnel and its rule, as the ledger applies it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonnelClass {
    /// An answer id of `CLASS_QUESTION`.
    pub id: String,
    pub name: Text,
    /// The rule in words.
    pub rule: Text,
    pub observation: Observation,
    /// Length of the observation in days, counted from `counted_from` (that day is the
    /// first); 0 when there is none.
    pub days: u32,
    #[serde(default)]
    pub counted_from: CountedFrom,
    /// Whether the person may be at work on site during the observation.
    pub on_site: bool,
    /// Temperature readings the enterprise records for the person a day: during the
    /// observation, or on any working day for a class without one. 0 where the person is
    /// off site and someone else keeps the record.
    pub readings_per_day: u32,
    /// The flowchart node of the rule.
    pub node: String,
    /// For the enterprise's view: the class can only be among its staff when this holds
    /// (such as having staff from outside Fujian).
    #[serde(default)]
    pub enterprise_when: Option<Condition>,
    /// What the sources leave open, and whom to ask.
    #[serde(default)]
    pub note: Option<Text>,
    /// When the rule changed within the weeks the guide covers, and what it was before.
    #[serde(default)]
    pub changed: Option<RuleChange>,
    pub confidence: Confidence,
    pub source: String,
}

/// A rule that changed: from `date` the class's rule applies, before it `before` did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleChange {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub before: Text,
    /// The source of the earlier rule.
    pub source: String,
}

impl PersonnelClass {
    /// The first day after the observation, for one that starts on `start` (`YYYY-MM-DD`):
    /// `start` itself when there is none. `None` when `start` is not a date.
    pub fn first_day_after(&self, start: &str) -> Option<String> {
        add_days(start, self.days)
    }

    /// Whether `day` falls within the observation that starts on `start`; `None` when either
    /// is not a date.
    pub fn observing_on(&self, start: &str, day: &str) -> Option<bool> {
        let (start, day) = (day_number(start)?, day_number(day)?);
        Some(day >= start && day < start + i64::from(self.days))
    }
}

/// Days since 1970-01-01 for a `YYYY-MM-DD` date, or `None` if it is not one.
fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (i64, i64, i64) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&m) || d < 1 || d > month_days[(m - 1) as usize] {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// `date` plus `days`, as `YYYY-MM-DD`; `None` if `date` is not a date.
pub fn add_days(date: &str, days: u32) -> Option<String> {
    let z = day_number(date)? + i64::from(days) + 719_468;
    // Howard Hinnant's civil_from_days.
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// Where an enterprise files for resumption: the offices, which route files with which,
/// and the materials to bring.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Filing {
    /// The question whose answers are the town and sub-district offices (`OfficeKind::Town`).
    pub question: String,
    pub offices: Vec<Office>,
    pub routes: Vec<FilingRoute>,
    #[serde(default)]
    pub materials: Vec<Material>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OfficeKind {
    /// A district bureau.
    Bureau,
    /// A town or sub-district office (镇街); its id is an answer of `Filing::question`.
    Town,
}

/// A government office, with only what the sources hold about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    pub id: String,
    pub kind: OfficeKind,
    pub name: Text,
    /// What the sources say it does.
    pub holds: Text,
    /// Whom to ask for what the sources do not give, such as its address and phone number.
    pub ask: Text,
    pub confidence: Confidence,
    pub source: String,
}

/// Whom a route files with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FilesWith {
    /// This office.
    Office(String),
    /// The enterprise's own town or sub-district office, by its answer to `Filing::question`.
    OwnTown,
    /// The sources name no office: the route's text says whom to ask.
    Ask,
}

/// One way of filing, for the enterprises its condition fits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FilingRoute {
    pub id: String,
    pub applies_when: Condition,
    pub files_with: FilesWith,
    /// The flowchart node of the route.
    pub node: String,
    /// What to do.
    pub what: Text,
    pub confidence: Confidence,
    pub source: String,
}

/// Something to bring when filing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Material {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub note: Option<Text>,
    /// The routes it is for; empty for every route.
    #[serde(default)]
    pub routes: Vec<String>,
    /// The checklist item that produces it.
    #[serde(default)]
    pub item: Option<String>,
    pub confidence: Confidence,
    pub source: String,
}

/// Where a card is shown in its role's checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardPlace {
    /// Before everything else: on the home page and at the top of the checklist.
    First,
    /// After this section.
    AfterSection(String),
}

/// A short card of points, each linking to the items and node it comes from. It is a
/// summary, never a checkbox of its own: a point is done when its items are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    pub id: String,
    pub role: Role,
    pub place: CardPlace,
    pub title: Text,
    #[serde(default)]
    pub intro: Option<Text>,
    #[serde(default)]
    pub illustration: Option<String>,
    pub points: Vec<CardPoint>,
    pub confidence: Confidence,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardPoint {
    pub id: String,
    pub text: Text,
    /// Items of the card's role that carry the point out.
    #[serde(default)]
    pub items: Vec<String>,
    /// The flowchart node it comes from.
    #[serde(default)]
    pub node: Option<String>,
}

impl Guide {
    /// The item with this id, in either role's checklist.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.sections
            .iter()
            .flat_map(|s| s.items.iter())
            .find(|i| i.id == id)
    }

    /// The role whose checklist has the item.
    fn item_role(&self, id: &str) -> Option<Role> {
        self.sections
            .iter()
            .find(|s| s.items.iter().any(|i| i.id == id))
            .map(|s| s.role)
    }

    /// How `node` is decided for a viewer of `role`.
    pub fn decision_mode<'a>(&'a self, node: &'a Node, role: Role) -> DecisionMode<'a> {
        if node.kind != NodeKind::Decision {
            return DecisionMode::NotADecision;
        }
        match &node.question {
            None => DecisionMode::Event,
            Some(q) => match self.questions.iter().find(|x| &x.id == q) {
                Some(question) if question.role != role => DecisionMode::AllBranches,
                _ => DecisionMode::Answer(q),
            },
        }
    }

    /// Whether the node applies for these answers (an unanswered question counts as
    /// applying). A node that does not apply is shown as passed through: the route goes on
    /// along its `otherwise` edge.
    pub fn node_applies(&self, node: &Node, answers: &Answers) -> bool {
        node.applies_when
            .as_ref()
            .is_none_or(|c| c.eval(answers) != Some(false))
    }

    /// For a decision shown with `DecisionMode::AllBranches` to the enterprise: whether the
    /// branch `edge` can concern its staff. A branch to a class applies unless the class's
    /// `enterprise_when` rules it out; other branches always apply.
    pub fn branch_applies(&self, edge: &Edge, answers: &Answers) -> bool {
        let class = edge.answer.as_deref().and_then(|a| self.class(a));
        let from_class_question = self
            .node(&edge.from)
            .is_some_and(|n| n.question.as_deref() == Some(CLASS_QUESTION));
        match class {
            Some(c) if from_class_question => c
                .enterprise_when
                .as_ref()
                .is_none_or(|w| w.eval(answers) != Some(false)),
            _ => true,
        }
    }

    /// The personnel class with this id.
    pub fn class(&self, id: &str) -> Option<&PersonnelClass> {
        self.classes.iter().find(|c| c.id == id)
    }

    /// The classes an enterprise with these answers can have among its staff.
    pub fn classes_for_enterprise<'a>(
        &'a self,
        answers: &'a Answers,
    ) -> impl Iterator<Item = &'a PersonnelClass> {
        self.classes.iter().filter(move |c| {
            c.enterprise_when
                .as_ref()
                .is_none_or(|w| w.eval(answers) != Some(false))
        })
    }

    /// The role's card shown before everything else ("At the gate today" for the
    /// enterprise).
    pub fn first_card(&self, role: Role) -> Option<&Card> {
        self.cards
            .iter()
            .find(|c| c.role == role && c.place == CardPlace::First)
    }

    /// The cards shown after a section, in guide order.
    pub fn cards_after<'a>(&'a self, section: &'a str) -> impl Iterator<Item = &'a Card> {
        self.cards.iter().filter(
            move |c| matches!(&c.place, CardPlace::AfterSection(s) if s.as_str() == section),
        )
    }

    /// The items a card's point links to, in the point's order.
    pub fn point_items<'a>(&'a self, point: &'a CardPoint) -> impl Iterator<Item = &'a Item> {
        point.items.iter().filter_map(|id| self.item(id))
    }

    /// The filing route these answers take: the first whose condition holds. `None` until
    /// the answers decide it.
    pub fn filing_route(&self, answers: &Answers) -> Option<&FilingRoute> {
        self.filing
            .as_ref()?
            .routes
            .iter()
            .find(|r| r.applies_when.eval(answers) == Some(true))
    }

    /// The offices a route files with: its office; for the enterprise's own town or
    /// sub-district, the one it chose, or every one until it has chosen; none when the
    /// route says whom to ask instead.
    pub fn filing_offices(&self, route: &FilingRoute, answers: &Answers) -> Vec<&Office> {
        let Some(filing) = &self.filing else {
            return Vec::new();
        };
        match &route.files_with {
            FilesWith::Office(id) => filing.offices.iter().filter(|o| &o.id == id).collect(),
            FilesWith::OwnTown => {
                let chosen = answers.get(&filing.question);
                filing
                    .offices
                    .iter()
                    .filter(|o| o.kind == OfficeKind::Town)
                    .filter(|o| chosen.is_none_or(|c| c == &o.id))
                    .collect()
            }
            FilesWith::Ask => Vec::new(),
        }
    }

    /// The office the enterprise's commitment letter is addressed to: the one office its
    /// filing route names, once the answers name exactly one; else `None` (the letter then
    /// goes to the district government, which every route answers to).
    pub fn letter_office(&self, answers: &Answers) -> Option<&Office> {
        let route = self.filing_route(answers)?;
        match self.filing_offices(route, answers).as_slice() {
            [office] => Some(*office),
            _ => None,
        }
    }

    /// The materials to bring on a route, in guide order.
    pub fn filing_materials<'a>(&'a self, route: &'a FilingRoute) -> Vec<&'a Material> {
        self.filing
            .iter()
            .flat_map(|f| f.materials.iter())
            .filter(|m| m.routes.is_empty() || m.routes.contains(&route.id))
            .collect()
    }
}

/// A phase must be one of its section's role.
fn check_phases(v: &mut Validator) {
    let g = v.guide;
    for (si, s) in g.sections.iter().enumerate() {
        for (ii, item) in s.items.iter().enumerate() {
            if item.routine && (s.role != Role::Enterprise || item.phase != Some(Phase::Daily)) {
                v.push(
                    format!("sections[{si}].items[{ii}].routine"),
                    ProblemKind::RoutineNotDaily {
                        item: item.id.clone(),
                    },
                );
            }
            if let Some(phase) = item.phase {
                if !phase.fits(s.role) {
                    v.push(
                        format!("sections[{si}].items[{ii}].phase"),
                        ProblemKind::PhaseNotForRole {
                            item: item.id.clone(),
                            phase,
                            role: s.role,
                        },
                    );
                }
            }
        }
    }
}

/// Conditions, `otherwise` edges and role wordings of nodes.
fn check_node_extras(v: &mut Validator) {
    let g = v.guide;
    for (i, n) in g.nodes.iter().enumerate() {
        let path = format!("nodes[{i}]");
        if let Some(cond) = &n.applies_when {
            let mut found = Vec::new();
            cond.visit_is(&mut found);
            for (q, a) in found {
                v.question_answer(format!("{path}.applies_when"), q, Some(a));
            }
        }
        if let Some(edge) = &n.otherwise {
            if n.applies_when.is_none() {
                v.push(
                    format!("{path}.otherwise"),
                    ProblemKind::OtherwiseWithoutCondition { node: n.id.clone() },
                );
            }
            if !g.edges.iter().any(|e| &e.id == edge && e.from == n.id) {
                v.push(
                    format!("{path}.otherwise"),
                    ProblemKind::OtherwiseNotAnExit {
                        node: n.id.clone(),
                        edge: edge.clone(),
                    },
                );
            }
        }
        let mut roles = HashSet::new();
        for (wi, w) in n.for_role.iter().enumerate() {
            let wpath = format!("{path}.for_role[{wi}]");
            v.text(format!("{wpath}.title"), &w.title);
            v.text(format!("{wpath}.body"), &w.body);
            if let Some(why) = &w.why {
                v.text(format!("{wpath}.why"), why);
            }
            if !roles.insert(w.role) {
                v.push(
                    wpath,
                    ProblemKind::RoleWordingRepeated {
                        node: n.id.clone(),
                        role: w.role,
                    },
                );
            }
        }
    }
}

/// Reports a repeated id among `ids`, each with its path.
fn check_unique<'a>(v: &mut Validator, ids: impl IntoIterator<Item = (String, &'a str)>) {
    let mut seen = HashSet::new();
    for (path, id) in ids {
        if id.trim().is_empty() {
            v.push(path, ProblemKind::EmptyId);
        } else if !seen.insert(id) {
            v.push(path, ProblemKind::DuplicateId { id: id.to_string() });
        }
    }
}

fn check_node_exists(v: &mut Validator, path: String, owner: &str, node: &str) {
    if v.guide.node(node).is_none() {
        v.push(
            path,
            ProblemKind::NodeMissing {
                owner: owner.to_string(),
                node: node.to_string(),
            },
        );
    }
}

fn check_condition(v: &mut Validator, path: String, cond: &Condition) {
    let mut found = Vec::new();
    cond.visit_is(&mut found);
    for (q, a) in found {
        v.question_answer(path.clone(), q, Some(a));
    }
}

/// The classes are exactly the answers of the class question, each with its rule's node.
fn check_classes(v: &mut Validator) {
    let g = v.guide;
    if g.classes.is_empty() {
        return;
    }
    check_unique(
        v,
        g.classes
            .iter()
            .enumerate()
            .map(|(i, c)| (format!("classes[{i}]"), c.id.as_str())),
    );
    let question = g.questions.iter().position(|q| q.id == CLASS_QUESTION);
    match question {
        None => v.push(
            "classes",
            ProblemKind::UnknownQuestion {
                question: CLASS_QUESTION.to_string(),
            },
        ),
        Some(qi) => {
            let q = &g.questions[qi];
            for (i, c) in g.classes.iter().enumerate() {
                if !q.answers.iter().any(|a| a.id == c.id) {
                    v.push(
                        format!("classes[{i}]"),
                        ProblemKind::ClassNotAnAnswer {
                            class: c.id.clone(),
                        },
                    );
                }
            }
            for (ai, a) in q.answers.iter().enumerate() {
                if !g.classes.iter().any(|c| c.id == a.id) {
                    v.push(
                        format!("questions[{qi}].answers[{ai}]"),
                        ProblemKind::AnswerWithoutClass {
                            answer: a.id.clone(),
                        },
                    );
                }
            }
        }
    }
    for (i, c) in g.classes.iter().enumerate() {
        let path = format!("classes[{i}]");
        v.text(format!("{path}.name"), &c.name);
        v.text(format!("{path}.rule"), &c.rule);
        if let Some(note) = &c.note {
            v.text(format!("{path}.note"), note);
        }
        if (c.observation == Observation::None) != (c.days == 0) {
            v.push(
                format!("{path}.days"),
                ProblemKind::ClassDays {
                    class: c.id.clone(),
                },
            );
        }
        check_node_exists(v, format!("{path}.node"), &c.id, &c.node);
        v.source(format!("{path}.source"), &c.source);
        if let Some(cond) = &c.enterprise_when {
            check_condition(v, format!("{path}.enterprise_when"), cond);
        }
        if let Some(change) = &c.changed {
            v.text(format!("{path}.changed.before"), &change.before);
            v.source(format!("{path}.changed.source"), &change.source);
        }
    }
}

/// Offices, routes and materials refer to what exists; the towns are the question's answers.
fn check_filing(v: &mut Validator) {
    let g = v.guide;
    let Some(f) = &g.filing else {
        return;
    };
    check_unique(
        v,
        f.offices
            .iter()
            .enumerate()
            .map(|(i, o)| (format!("filing.offices[{i}]"), o.id.as_str())),
    );
    check_unique(
        v,
        f.routes
            .iter()
            .enumerate()
            .map(|(i, r)| (format!("filing.routes[{i}]"), r.id.as_str())),
    );
    check_unique(
        v,
        f.materials
            .iter()
            .enumerate()
            .map(|(i, m)| (format!("filing.materials[{i}]"), m.id.as_str())),
    );
    match g.questions.iter().find(|q| q.id == f.question) {
        None => v.push(
            "filing.question",
            ProblemKind::UnknownQuestion {
                question: f.question.clone(),
            },
        ),
        Some(q) => {
            for (i, o) in f.offices.iter().enumerate() {
                if o.kind == OfficeKind::Town && !q.answers.iter().any(|a| a.id == o.id) {
                    v.push(
                        format!("filing.offices[{i}]"),
                        ProblemKind::OfficeNotAnAnswer {
                            office: o.id.clone(),
                        },
                    );
                }
            }
            for a in &q.answers {
                if !f
                    .offices
                    .iter()
                    .any(|o| o.kind == OfficeKind::Town && o.id == a.id)
                {
                    v.push(
                        "filing.offices",
                        ProblemKind::AnswerWithoutOffice {
                            answer: a.id.clone(),
                        },
                    );
                }
            }
        }
    }
    for (i, o) in f.offices.iter().enumerate() {
        let path = format!("filing.offices[{i}]");
        v.text(format!("{path}.name"), &o.name);
        v.text(format!("{path}.holds"), &o.holds);
        v.text(format!("{path}.ask"), &o.ask);
        v.source(format!("{path}.source"), &o.source);
    }
    for (i, r) in f.routes.iter().enumerate() {
        let path = format!("filing.routes[{i}]");
        v.text(format!("{path}.what"), &r.what);
        v.source(format!("{path}.source"), &r.source);
        check_condition(v, format!("{path}.applies_when"), &r.applies_when);
        check_node_exists(v, format!("{path}.node"), &r.id, &r.node);
        if let FilesWith::Office(office) = &r.files_with {
            if !f.offices.iter().any(|o| &o.id == office) {
                v.push(
                    format!("{path}.files_with"),
                    ProblemKind::OfficeMissing {
                        route: r.id.clone(),
                        office: office.clone(),
                    },
                );
            }
        }
    }
    for (i, m) in f.materials.iter().enumerate() {
        let path = format!("filing.materials[{i}]");
        v.text(format!("{path}.name"), &m.name);
        if let Some(note) = &m.note {
            v.text(format!("{path}.note"), note);
        }
        v.source(format!("{path}.source"), &m.source);
        for route in &m.routes {
            if !f.routes.iter().any(|r| &r.id == route) {
                v.push(
                    format!("{path}.routes"),
                    ProblemKind::RouteMissing {
                        material: m.id.clone(),
                        route: route.clone(),
                    },
                );
            }
        }
        if let Some(item) = &m.item {
            if g.item(item).is_none() {
                v.push(
                    format!("{path}.item"),
                    ProblemKind::ItemMissing {
                        owner: m.id.clone(),
                        item: item.clone(),
                    },
                );
            }
        }
    }
}

/// Cards sit where they say, and every point links to items of the card's role or a node.
fn check_cards(v: &mut Validator) {
    let g = v.guide;
    let mut ids: Vec<(String, &str)> = Vec::new();
    for (ci, c) in g.cards.iter().enumerate() {
        ids.push((format!("cards[{ci}]"), c.id.as_str()));
        ids.extend(
            c.points
                .iter()
                .enumerate()
                .map(|(pi, p)| (format!("cards[{ci}].points[{pi}]"), p.id.as_str())),
        );
    }
    check_unique(v, ids);
    for role in [Role::Enterprise, Role::Employee] {
        let count = g
            .cards
            .iter()
            .filter(|c| c.role == role && c.place == CardPlace::First)
            .count();
        if count > 1 {
            v.push("cards", ProblemKind::ManyFirstCards { count });
        }
    }
    for (ci, c) in g.cards.iter().enumerate() {
        let path = format!("cards[{ci}]");
        v.text(format!("{path}.title"), &c.title);
        if let Some(intro) = &c.intro {
            v.text(format!("{path}.intro"), intro);
        }
        v.source(format!("{path}.source"), &c.source);
        if let CardPlace::AfterSection(section) = &c.place {
            if !g
                .sections
                .iter()
                .any(|s| &s.id == section && s.role == c.role)
            {
                v.push(
                    format!("{path}.place"),
                    ProblemKind::SectionMissing {
                        card: c.id.clone(),
                        section: section.clone(),
                    },
                );
            }
        }
        for (pi, p) in c.points.iter().enumerate() {
            let ppath = format!("{path}.points[{pi}]");
            v.text(format!("{ppath}.text"), &p.text);
            if p.items.is_empty() && p.node.is_none() {
                v.push(
                    ppath.clone(),
                    ProblemKind::PointLinksNothing {
                        point: p.id.clone(),
                    },
                );
            }
            for item in &p.items {
                match g.item_role(item) {
                    None => v.push(
                        format!("{ppath}.items"),
                        ProblemKind::ItemMissing {
                            owner: p.id.clone(),
                            item: item.clone(),
                        },
                    ),
                    Some(role) if role != c.role => v.push(
                        format!("{ppath}.items"),
                        ProblemKind::ItemOfOtherRole {
                            owner: p.id.clone(),
                            item: item.clone(),
                        },
                    ),
                    Some(_) => {}
                }
            }
            if let Some(node) = &p.node {
                check_node_exists(v, format!("{ppath}.node"), &p.id, node);
            }
        }
    }
}
