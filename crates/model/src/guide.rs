//! The guide as data: the flowchart, the questions that personalise it and the checklist.
//!
//! Everything here is plain serde data with no browser dependency. `parse` turns JSON into a
//! `Guide`; `validate` then collects every problem with the guide, each with a path to where it
//! is, rather than stopping at the first. Ids are strings and permanent: they are the keys of
//! people's saved progress, so a published id is never reused for something else.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

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
    /// From a Xiamen city or Jimei notice of the same weeks.
    Xiamen,
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
    DuplicateId { id: String },
    EmptyId,
    EdgeFromMissing { edge: String, node: String },
    EdgeToMissing { edge: String, node: String },
    NoStart,
    ManyStarts { count: usize },
    NoEnd,
    DecisionFewBranches { node: String, count: usize },
    BranchWithoutLabel { edge: String, node: String },
    BranchWithoutAnswer { edge: String, node: String },
    Unreachable { node: String },
    NoWayToEnd { node: String },
    EndHasExit { node: String },
    ItemNodeMissing { item: String, node: String },
    MissingText { lang: String },
    UnknownQuestion { question: String },
    UnknownAnswer { question: String, answer: String },
    UnknownSource { source: String },
    QuestionWithoutAnswers { question: String },
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
        let index: HashMap<&str, usize> = g
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();

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

        // Adjacency over the edges whose ends both exist.
        let mut out: Vec<Vec<usize>> = vec![Vec::new(); g.nodes.len()];
        let mut back: Vec<Vec<usize>> = vec![Vec::new(); g.nodes.len()];
        for (i, e) in g.edges.iter().enumerate() {
            let path = format!("edges[{i}]");
            if let Some(label) = &e.label {
                self.text(format!("{path}.label"), label);
            }
            let from = index.get(e.from.as_str()).copied();
            let to = index.get(e.to.as_str()).copied();
            if from.is_none() {
                self.push(
                    path.clone(),
                    ProblemKind::EdgeFromMissing {
                        edge: e.id.clone(),
                        node: e.from.clone(),
                    },
                );
            }
            if to.is_none() {
                self.push(
                    path.clone(),
                    ProblemKind::EdgeToMissing {
                        edge: e.id.clone(),
                        node: e.to.clone(),
                    },
                );
            }
            if let (Some(f), Some(t)) = (from, to) {
                out[f].push(t);
                back[t].push(f);
            }
        }

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
            let seen = reach(&out, [start]);
            for (i, n) in g.nodes.iter().enumerate() {
                if !seen[i] {
                    self.push(
                        format!("nodes[{i}]"),
                        ProblemKind::Unreachable { node: n.id.clone() },
                    );
                }
            }
        }
        let ends = (0..g.nodes.len()).filter(|&i| g.nodes[i].kind == NodeKind::End);
        let reaches_end = reach(&back, ends);
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

/// Marks every node reachable from `from` along `adj`.
fn reach(adj: &[Vec<usize>], from: impl IntoIterator<Item = usize>) -> Vec<bool> {
    let mut seen = vec![false; adj.len()];
    let mut queue: VecDeque<usize> = VecDeque::new();
    for s in from {
        seen[s] = true;
        queue.push_back(s);
    }
    while let Some(n) = queue.pop_front() {
        for &m in &adj[n] {
            if !seen[m] {
                seen[m] = true;
                queue.push_back(m);
            }
        }
    }
    seen
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
        let index: HashMap<&str, usize> = self
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        let mut out: Vec<Vec<usize>> = vec![Vec::new(); self.nodes.len()];
        for e in &self.edges {
            if let (Some(&f), Some(&t)) = (index.get(e.from.as_str()), index.get(e.to.as_str())) {
                out[f].push(t);
            }
        }
        let mut seen = vec![false; self.nodes.len()];
        let mut order = Vec::with_capacity(self.nodes.len());
        let starts = (0..self.nodes.len()).filter(|&i| self.nodes[i].kind == NodeKind::Start);
        for root in starts.chain(0..self.nodes.len()) {
            // An explicit stack keeps deep guides from overflowing the call stack.
            let mut stack = vec![root];
            while let Some(n) = stack.pop() {
                if std::mem::replace(&mut seen[n], true) {
                    continue;
                }
                order.push(n);
                stack.extend(out[n].iter().rev().filter(|&&m| !seen[m]));
            }
        }
        order
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
