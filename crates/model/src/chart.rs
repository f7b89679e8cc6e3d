//! The flowchart's logic, apart from drawing it: which way the answers send you, how far each
//! step's checklist items are, why a step is (or is not) on your route, where the arrow keys
//! go, the guide as a nested outline for the list view, and the size and text wrapping of every
//! shape for `layout`.
//!
//! Everything is computed from the guide and the progress values, so the UI only draws.

use super::guide::{Answers, Guide, NodeKind, Text};
use super::layout::{back_edges, guide_graph, layout, Options, Point, Size};
use super::progress::{item_status, Progress};

// ---------------------------------------------------------------------------------------------
// The graph as indices.

/// The guide's flowchart as index lists, with its back edges found once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Flow {
    /// Per node, its `(edge, target)` pairs in file order.
    pub out: Vec<Vec<(usize, usize)>>,
    /// Per node, its `(edge, source)` pairs in file order.
    pub inc: Vec<Vec<(usize, usize)>>,
    /// Per edge, whether it closes a cycle (the daily loop) when read from the start.
    pub back: Vec<bool>,
    /// Per edge, its `(from, to)` nodes; `None` when an end is missing.
    pub ends: Vec<Option<(usize, usize)>>,
    /// Per node, the question that decides it, if any.
    pub question: Vec<Option<String>>,
    /// Node indices in reading order (see `Guide::reading_order`).
    pub reading: Vec<usize>,
    /// Per node, its place in a topological order of the graph without back edges.
    pub topo: Vec<usize>,
    pub start: Option<usize>,
    pub end: Option<usize>,
    ids: Vec<String>,
}

impl Flow {
    pub fn new(guide: &Guide) -> Flow {
        let n = guide.nodes.len();
        let ids: Vec<String> = guide.nodes.iter().map(|n| n.id.clone()).collect();
        let find = |id: &str| ids.iter().position(|x| x == id);
        let ends: Vec<Option<(usize, usize)>> = guide
            .edges
            .iter()
            .map(|e| Some((find(&e.from)?, find(&e.to)?)))
            .collect();
        let mut out = vec![Vec::new(); n];
        let mut inc = vec![Vec::new(); n];
        for (e, pair) in ends.iter().enumerate() {
            if let Some((u, v)) = *pair {
                out[u].push((e, v));
                inc[v].push((e, u));
            }
        }
        let start = guide.nodes.iter().position(|n| n.kind == NodeKind::Start);
        let end = guide.nodes.iter().position(|n| n.kind == NodeKind::End);
        // From the start, then from any node not reached, following edges in file order.
        let back = back_edges(&out, start.into_iter().chain(0..out.len()), ends.len());
        let topo = topological(&out, &back);
        Flow {
            out,
            inc,
            back,
            ends,
            question: guide.nodes.iter().map(|n| n.question.clone()).collect(),
            reading: guide.reading_order(),
            topo,
            start,
            end,
            ids,
        }
    }

    pub fn len(&self) -> usize {
        self.out.len()
    }

    pub fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    /// The index of the node with this id.
    pub fn find(&self, id: &str) -> Option<usize> {
        // A linear search: guides have dozens of nodes, and a map would cost more wasm.
        self.ids.iter().position(|x| x == id)
    }

    /// Every node reachable from `from` (itself included) without taking a back edge.
    pub fn below(&self, from: usize) -> Vec<bool> {
        let mut seen = vec![false; self.len()];
        let mut stack = vec![from];
        while let Some(v) = stack.pop() {
            if v >= seen.len() || std::mem::replace(&mut seen[v], true) {
                continue;
            }
            stack.extend(
                self.out[v]
                    .iter()
                    .filter(|(e, _)| !self.back[*e])
                    .map(|&(_, w)| w),
            );
        }
        seen
    }
}

/// Each node's place in Kahn's order of the graph without back edges, ties by index.
fn topological(out: &[Vec<(usize, usize)>], back: &[bool]) -> Vec<usize> {
    let n = out.len();
    let mut indeg = vec![0usize; n];
    for list in out {
        for &(e, w) in list {
            if !back[e] {
                indeg[w] += 1;
            }
        }
    }
    let mut order: Vec<usize> = (0..n).filter(|&v| indeg[v] == 0).collect();
    let mut head = 0;
    while head < order.len() {
        let v = order[head];
        head += 1;
        for &(e, w) in &out[v] {
            if !back[e] {
                indeg[w] -= 1;
                if indeg[w] == 0 {
                    order.push(w);
                }
            }
        }
    }
    let mut place = vec![usize::MAX; n];
    for (i, &v) in order.iter().enumerate() {
        place[v] = i;
    }
    // Nodes the order did not reach go last, in guide order.
    let unplaced = place.iter_mut().filter(|p| **p == usize::MAX);
    for (next, p) in (order.len()..).zip(unplaced) {
        *p = next;
    }
    place
}

// ---------------------------------------------------------------------------------------------
// The route the answers light.

/// What the answers say about an edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Branch {
    /// Not a branch chosen by a question (a plain arrow, or an event such as a fever).
    Plain,
    /// A branch of a question not answered yet.
    Open,
    /// The branch the answer chose.
    Taken,
    /// A branch the answer ruled out.
    NotTaken,
}

/// The route through the chart given the answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// Per edge.
    pub edges: Vec<Branch>,
    /// Per node: it can still be reached from the start without a ruled-out branch.
    pub on: Vec<bool>,
}

impl Route {
    /// Whether an edge is part of the route: both ends on it and not ruled out.
    pub fn edge_on(&self, flow: &Flow, e: usize) -> bool {
        self.edges.get(e) != Some(&Branch::NotTaken)
            && flow
                .ends
                .get(e)
                .copied()
                .flatten()
                .is_some_and(|(u, v)| self.on[u] && self.on[v])
    }
}

impl Flow {
    /// Lights the route: the chosen branch of each answered question, and every node still
    /// reachable from the start.
    pub fn route(&self, guide: &Guide, answers: &Answers) -> Route {
        let edges: Vec<Branch> = guide
            .edges
            .iter()
            .enumerate()
            .map(|(e, edge)| {
                let question = self.ends[e].and_then(|(u, _)| self.question[u].as_ref());
                match (question, &edge.answer) {
                    (Some(q), Some(a)) => match answers.get(q) {
                        None => Branch::Open,
                        Some(given) if given == a => Branch::Taken,
                        Some(_) => Branch::NotTaken,
                    },
                    _ => Branch::Plain,
                }
            })
            .collect();
        let mut on = vec![false; self.len()];
        let mut stack: Vec<usize> = self.start.into_iter().collect();
        while let Some(v) = stack.pop() {
            if std::mem::replace(&mut on[v], true) {
                continue;
            }
            stack.extend(
                self.out[v]
                    .iter()
                    .filter(|(e, _)| edges[*e] != Branch::NotTaken)
                    .map(|&(_, w)| w),
            );
        }
        Route { edges, on }
    }
}

// ---------------------------------------------------------------------------------------------
// Progress per node.

// One counting type for sections, roles and nodes (issue 15).
pub use crate::progress::{NodeState, Tally};

/// The tally of every node's items (of both roles), in node order.
pub fn tallies(guide: &Guide, progress: &Progress) -> Vec<Tally> {
    let answers = progress.answers();
    let mut out = vec![Tally::default(); guide.nodes.len()];
    for item in guide.sections.iter().flat_map(|s| &s.items) {
        let Some(i) = guide.nodes.iter().position(|n| n.id == item.node) else {
            continue;
        };
        out[i].count(item, &item_status(item, progress.mark(&item.id), &answers));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Why this route.

/// How an earlier question bears on a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Because {
    /// The answer given leads here.
    LeadsHere,
    /// The answer given leads elsewhere, so this step is not on your route.
    RulesOut,
    /// Not answered yet, and some answers lead here and some do not.
    Unanswered,
}

/// One line of the "why this route" trace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceStep {
    /// The decision node.
    pub decision: usize,
    pub question: String,
    pub answer: Option<String>,
    pub because: Because,
}

impl Flow {
    /// The questions on the way to `node`, in reading order: each answered one on the route
    /// above it, and each unanswered one whose answer decides whether you get here.
    pub fn trace(&self, guide: &Guide, answers: &Answers, node: usize) -> Vec<TraceStep> {
        let route = self.route(guide, answers);
        let mut steps = Vec::new();
        for &d in &self.reading {
            let Some(question) = &self.question[d] else {
                continue;
            };
            if d == node || !route.on[d] || !self.below(d).get(node).copied().unwrap_or(false) {
                continue;
            }
            let branches: Vec<(usize, bool)> = self.out[d]
                .iter()
                .filter(|(e, _)| !self.back[*e])
                .map(|&(e, w)| (e, self.below(w)[node]))
                .collect();
            let answer = answers.get(question).cloned();
            let because = match answer {
                Some(_) => {
                    if branches
                        .iter()
                        .any(|&(e, leads)| leads && route.edges[e] == Branch::Taken)
                    {
                        Because::LeadsHere
                    } else {
                        Because::RulesOut
                    }
                }
                None if branches.iter().all(|&(_, leads)| leads) => continue,
                None => Because::Unanswered,
            };
            steps.push(TraceStep {
                decision: d,
                question: question.clone(),
                answer,
                because,
            });
        }
        steps
    }
}

// ---------------------------------------------------------------------------------------------
// Keyboard.

/// A key that moves the focus along the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Down,
    Up,
    Right,
    Left,
    Home,
    End,
}

impl Key {
    /// The key for a `KeyboardEvent.key` value.
    pub fn from_name(name: &str) -> Option<Key> {
        Some(match name {
            "ArrowDown" => Key::Down,
            "ArrowUp" => Key::Up,
            "ArrowRight" => Key::Right,
            "ArrowLeft" => Key::Left,
            "Home" => Key::Home,
            "End" => Key::End,
            _ => return None,
        })
    }
}

/// Where the focus goes, and the decision it came from when it went down a branch (so Left
/// and Right can move across that decision's branches).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Move {
    pub to: usize,
    pub came_from: Option<usize>,
}

impl Flow {
    /// A node's successors, the chosen branch first, then the open ones, then the ruled-out
    /// ones, then the back edges, each group in file order.
    pub fn successors(&self, route: &Route, node: usize) -> Vec<usize> {
        let rank = |e: usize| -> u64 {
            let branch = match route.edges.get(e) {
                Some(Branch::Taken) => 0,
                Some(Branch::NotTaken) => 2,
                _ => 1,
            };
            if self.back[e] {
                3
            } else {
                branch
            }
        };
        ordered(self.out[node].iter().map(|&(e, w)| (rank(e), w)).collect())
    }

    /// A node's predecessors, those on the route first, then by reading order, back edges last.
    pub fn predecessors(&self, route: &Route, node: usize) -> Vec<usize> {
        let place = |u: usize| {
            self.reading
                .iter()
                .position(|&v| v == u)
                .unwrap_or(u32::MAX as usize) as u64
        };
        ordered(
            self.inc[node]
                .iter()
                .map(|&(e, u)| {
                    let back = u64::from(self.back[e]) << 40;
                    let off = u64::from(!route.edge_on(self, e)) << 36;
                    (back | off | place(u), u)
                })
                .collect(),
        )
    }
}

/// The nodes of `(key, node)` pairs by key (stable), each node once. An insertion sort:
/// the lists are a handful long, and the standard sort would add kilobytes of wasm.
fn ordered(list: Vec<(u64, usize)>) -> Vec<usize> {
    let mut sorted: Vec<(u64, usize)> = Vec::with_capacity(list.len());
    for item in list {
        let at = sorted
            .iter()
            .position(|s| s.0 > item.0)
            .unwrap_or(sorted.len());
        sorted.insert(at, item);
    }
    let mut out = Vec::with_capacity(sorted.len());
    for (_, v) in sorted {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

impl Flow {
    /// Where `key` moves the focus from `at`. Down goes to the first successor and Up back to
    /// where the focus came from (or the first predecessor). Right and Left step across the
    /// branches of the decision the focus came down from; elsewhere they act as Down and Up.
    pub fn key_move(
        &self,
        route: &Route,
        at: usize,
        came_from: Option<usize>,
        key: Key,
    ) -> Option<Move> {
        if at >= self.len() {
            return None;
        }
        let down = || {
            self.successors(route, at).first().map(|&to| Move {
                to,
                came_from: Some(at),
            })
        };
        let up = || {
            let preds = self.predecessors(route, at);
            let to = came_from
                .filter(|p| preds.contains(p))
                .or_else(|| preds.first().copied())?;
            Some(Move {
                to,
                came_from: None,
            })
        };
        // The branches of the decision the focus came down from, when there are several.
        let siblings = came_from.and_then(|p| {
            let list = self.successors(route, p);
            let i = list.iter().position(|&v| v == at)?;
            (list.len() > 1).then_some((p, list, i))
        });
        match key {
            Key::Down => down(),
            Key::Up => up(),
            Key::Right => match siblings {
                Some((p, list, i)) => Some(Move {
                    to: list[(i + 1) % list.len()],
                    came_from: Some(p),
                }),
                None => down(),
            },
            Key::Left => match siblings {
                Some((p, _, 0)) => Some(Move {
                    to: p,
                    came_from: None,
                }),
                Some((p, list, i)) => Some(Move {
                    to: list[i - 1],
                    came_from: Some(p),
                }),
                None => up(),
            },
            Key::Home => self.start.map(|to| Move {
                to,
                came_from: None,
            }),
            Key::End => self.end.map(|to| Move {
                to,
                came_from: None,
            }),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The outline for the list view.

/// A node in the outline, with its branches when it has several ways on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub node: usize,
    pub branches: Vec<Arm>,
}

/// One branch of a decision: the steps on it, and where it goes once they are done when that
/// is not simply the next entry (an empty branch, or the daily loop going back).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arm {
    pub edge: usize,
    pub steps: Vec<Entry>,
    pub goes_to: Option<usize>,
}

impl Flow {
    /// The guide as nested steps in reading order: each decision's branches nest under it and
    /// the steps after the branches meet again continue at its level. Nodes the start cannot
    /// reach come last, so nothing is left out.
    pub fn outline(&self) -> Vec<Entry> {
        let mut seen = vec![false; self.len()];
        let mut list = match self.start {
            Some(s) => self.sequence(s, None, &mut seen),
            None => Vec::new(),
        };
        for &v in &self.reading {
            if !seen[v] {
                list.extend(self.sequence(v, None, &mut seen));
            }
        }
        list
    }

    /// Steps from `from` until `stop` or a node already listed.
    fn sequence(&self, from: usize, stop: Option<usize>, seen: &mut [bool]) -> Vec<Entry> {
        let mut list = Vec::new();
        let mut at = Some(from);
        while let Some(v) = at {
            if Some(v) == stop || seen[v] {
                break;
            }
            seen[v] = true;
            let forward: Vec<usize> = self.out[v]
                .iter()
                .filter(|(e, _)| !self.back[*e])
                .map(|&(_, w)| w)
                .collect();
            if self.out[v].len() < 2 {
                list.push(Entry {
                    node: v,
                    branches: Vec::new(),
                });
                at = forward.first().copied();
                continue;
            }
            let join = self.join(&forward).or(stop);
            let mut branches = Vec::new();
            for &(e, w) in &self.out[v] {
                let arm = if self.back[e] || Some(w) == join || seen[w] {
                    Arm {
                        edge: e,
                        steps: Vec::new(),
                        goes_to: Some(w),
                    }
                } else {
                    Arm {
                        edge: e,
                        steps: self.sequence(w, join, seen),
                        goes_to: None,
                    }
                };
                branches.push(arm);
            }
            list.push(Entry { node: v, branches });
            at = join.filter(|&j| Some(j) != stop);
        }
        list
    }

    /// Where branches starting at `targets` meet again: the earliest node below all of them.
    fn join(&self, targets: &[usize]) -> Option<usize> {
        if targets.len() < 2 {
            return None;
        }
        let mut common = vec![true; self.len()];
        for &t in targets {
            for (c, b) in common.iter_mut().zip(self.below(t)) {
                *c &= b;
            }
        }
        (0..self.len())
            .filter(|&v| common[v])
            .min_by_key(|&v| self.topo[v])
    }
}

// ---------------------------------------------------------------------------------------------
// Shapes and text.

/// Roughly how wide `text` is at `font` px: CJK characters are 1 em, Latin letters about
/// 0.55 em. A little generous, so wrapped text never runs out of its shape.
pub fn text_width(text: &str, font: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * font
}

fn char_em(c: char) -> f64 {
    match c {
        ' ' | 'i' | 'l' | 'j' | 'I' | '.' | ',' | '\'' | ':' | ';' | '!' | '|' => 0.3,
        'f' | 't' | 'r' | '(' | ')' | '-' | '"' | '/' => 0.4,
        'm' | 'w' | 'M' | 'W' => 0.86,
        'A'..='Z' => 0.68,
        '0'..='9' => 0.57,
        c if c.is_ascii() => 0.56,
        c if is_wide(c) => 1.0,
        _ => 0.62,
    }
}

/// Characters drawn a full em wide: CJK, kana, hangul, full-width forms and CJK punctuation.
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x201C | 0x201D)
}

/// Punctuation that may not start a line.
fn closes(c: char) -> bool {
    "，。、；：？！）」』”’》〉】,.;:?!)".contains(c)
}

/// Punctuation that may not end a line.
fn opens(c: char) -> bool {
    "（「『“‘《〈【(".contains(c)
}

/// Splits text into the pieces a line may break between: each CJK character (with any
/// punctuation that must stay with it) and each Latin word with its trailing space.
fn pieces(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut prefix = String::new();
    for c in text.chars() {
        if c == ' ' {
            word.push(c);
            out.push(std::mem::take(&mut word));
        } else if closes(c) {
            match (word.is_empty(), out.last_mut()) {
                (false, _) => word.push(c),
                (true, Some(last)) if !last.ends_with(' ') => last.push(c),
                _ => word.push(c),
            }
        } else if opens(c) && is_wide(c) {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            prefix.push(c);
        } else if is_wide(c) {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            prefix.push(c);
            out.push(std::mem::take(&mut prefix));
        } else {
            if !prefix.is_empty() {
                word.push_str(&std::mem::take(&mut prefix));
            }
            word.push(c);
        }
    }
    word.push_str(&prefix);
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Wraps `text` into at most `max_lines` lines, line `i` at most `width(i)` px wide at `font`
/// px. Returns the lines and whether everything fitted; when it did not, the last line ends
/// with an ellipsis. A word wider than a whole line is split when `split`, and otherwise
/// counts as not fitting.
pub fn wrap(
    text: &str,
    font: f64,
    width: impl Fn(usize) -> f64,
    max_lines: usize,
    split: bool,
) -> (Vec<String>, bool) {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut fits = true;
    let mut queue: std::collections::VecDeque<String> = pieces(text.trim()).into();
    while let Some(piece) = queue.pop_front() {
        let limit = width(lines.len());
        let candidate = format!("{line}{piece}");
        if text_width(candidate.trim_end(), font) <= limit {
            line = candidate;
            continue;
        }
        if line.is_empty() {
            // A piece wider than a whole line: split it by characters.
            fits &= split;
            let mut head = String::new();
            let mut rest = piece.chars();
            for c in rest.by_ref() {
                if !head.is_empty() && text_width(&format!("{head}{c}"), font) > limit {
                    queue.push_front(std::iter::once(c).chain(rest).collect());
                    break;
                }
                head.push(c);
            }
            line = head;
        } else {
            queue.push_front(piece);
        }
        if lines.len() + 1 == max_lines && !queue.is_empty() {
            let rest: String = queue.iter().map(String::as_str).collect();
            lines.push(ellipsis(&format!("{line}{rest}"), font, limit));
            return (lines, false);
        }
        lines.push(std::mem::take(&mut line).trim_end().to_string());
    }
    let last = line.trim_end();
    if !last.is_empty() {
        lines.push(last.to_string());
    }
    (lines, fits)
}

/// The longest start of `text` that fits `limit` px with an ellipsis after it.
fn ellipsis(text: &str, font: f64, limit: f64) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if text_width(&format!("{out}{c}…"), font) > limit {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

/// The chart's two modes: the layered drawing for wide screens, and one column for phones.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mode {
    Wide,
    /// One column, fitted to this many CSS pixels.
    Narrow(f64),
}

/// The text sizes and spacing of the drawing, in CSS pixels.
pub const TITLE_FONT: f64 = 14.0;
pub const TITLE_LINE: f64 = 18.0;
pub const DECISION_FONT: f64 = 13.0;
pub const DECISION_LINE: f64 = 16.0;
pub const LABEL_FONT: f64 = 12.0;
pub const LABEL_LINE: f64 = 15.0;
pub const ICON: f64 = 28.0;
const PAD: f64 = 10.0;
const STEP_WIDE: f64 = 180.0;
const DECISION_WIDE: f64 = 212.0;
const NARROW_MIN: f64 = 160.0;
const NARROW_MAX: f64 = 340.0;

/// A node ready to draw: its box and its wrapped title.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub kind: NodeKind,
    pub lines: Vec<String>,
    /// Where the text goes: the x of its start (or its middle, when `centred`) and the
    /// baseline of its first line.
    pub text_x: f64,
    pub text_y: f64,
    pub centred: bool,
    pub font: f64,
    pub line: f64,
    /// Where the status tag is centred.
    pub tag_x: f64,
    pub tag_y: f64,
}

impl Shape {
    pub fn centre(&self) -> Point {
        Point {
            x: self.x + self.w / 2.0,
            y: self.y + self.h / 2.0,
        }
    }
}

/// An arrow ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrow {
    /// SVG path data, corners rounded.
    pub path: String,
    pub back: bool,
    pub label: Option<Label>,
}

/// A branch label, centred at `x`, `y`.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub lines: Vec<String>,
}

/// The whole drawing, in node and edge order.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing {
    pub width: f64,
    pub height: f64,
    pub shapes: Vec<Shape>,
    pub arrows: Vec<Arrow>,
    pub crossings: usize,
}

/// The size and wrapped title of a node whose box is `w` wide (or at most `w` for pills,
/// unless `full`: in the one-column mode every box is as wide as the column, so the arrows
/// between them run straight down).
fn measure(kind: NodeKind, title: &str, w: f64, full: bool) -> (Size, Vec<String>) {
    match kind {
        NodeKind::Start | NodeKind::End => {
            let inner = w - 2.0 * 20.0;
            let (lines, _) = wrap(title, TITLE_FONT, |_| inner, 2, true);
            let widest = lines
                .iter()
                .map(|l| text_width(l, TITLE_FONT))
                .fold(0.0, f64::max);
            let width = if full {
                w
            } else {
                (widest + 44.0).clamp(120.0, w)
            };
            let height = 44.0 + (lines.len().max(1) - 1) as f64 * TITLE_LINE;
            (Size::new(width.round(), height), lines)
        }
        NodeKind::Step => {
            let inner = w - 3.0 * PAD - ICON;
            let (lines, _) = wrap(title, TITLE_FONT, |_| inner, 5, true);
            let height =
                (2.0 * PAD + lines.len() as f64 * TITLE_LINE + 4.0).max(2.0 * PAD + ICON + 4.0);
            (Size::new(w, height.round()), lines)
        }
        NodeKind::Decision => {
            // The smallest height at which the title fits inside the diamond.
            let mut best = None;
            let mut h = 84.0;
            while h <= 184.0 && best.is_none() {
                for n in 1..=4usize {
                    let (lines, fits) =
                        wrap(title, DECISION_FONT, |i| diamond_line(w, h, n, i), n, false);
                    if fits && lines.len() == n {
                        best = Some((h, lines));
                        break;
                    }
                }
                h += 8.0;
            }
            let (h, lines) = best.unwrap_or_else(|| {
                let h = 184.0;
                (
                    h,
                    wrap(title, DECISION_FONT, |i| diamond_line(w, h, 4, i), 4, true).0,
                )
            });
            (Size::new(w, h), lines)
        }
    }
}

/// The room for line `i` of `n` centred in a `w` by `h` diamond.
fn diamond_line(w: f64, h: f64, n: usize, i: usize) -> f64 {
    let offset = (i as f64 - (n as f64 - 1.0) / 2.0).abs() * DECISION_LINE + DECISION_LINE / 2.0;
    (w * (1.0 - offset / (h / 2.0)) - 2.0 * 6.0).max(0.0)
}

/// Lays out and measures the whole chart in one language (`lang`, falling back to the guide's
/// first language).
pub fn draw(guide: &Guide, lang: &str, mode: Mode) -> Drawing {
    let primary = guide.languages.first().map(String::as_str).unwrap_or(lang);
    let title = |t: &Text| t.get(lang, primary).to_string();
    let (options, mut step, mut decision) = match mode {
        Mode::Wide => (
            Options {
                rank_gap: 56.0,
                node_gap: 24.0,
                edge_gap: 12.0,
                margin: 16.0,
                ..Options::default()
            },
            STEP_WIDE,
            DECISION_WIDE,
        ),
        Mode::Narrow(room) => {
            let options = Options {
                rank_gap: 42.0,
                node_gap: 16.0,
                edge_gap: 8.0,
                margin: 6.0,
                ..Options::narrow()
            };
            // A first pass finds how much room the lanes beside the column take.
            let trial = layout(
                &guide_graph(guide, |n| {
                    Size::new(
                        200.0,
                        if n.kind == NodeKind::Decision {
                            96.0
                        } else {
                            48.0
                        },
                    )
                }),
                &options,
            );
            let lanes = (trial.width - 200.0).max(0.0);
            let w = (room - lanes).clamp(NARROW_MIN, NARROW_MAX).floor();
            (options, w, w)
        }
    };
    let mut attempt = 0;
    let (measured, layout) = loop {
        let width_of = |kind: NodeKind| match kind {
            NodeKind::Decision => decision,
            NodeKind::Step => step,
            NodeKind::Start | NodeKind::End => step.max(decision),
        };
        let measured: Vec<(Size, Vec<String>)> = guide
            .nodes
            .iter()
            .map(|n| {
                measure(
                    n.kind,
                    &title(&n.title),
                    width_of(n.kind),
                    mode != Mode::Wide,
                )
            })
            .collect();
        let mut graph = guide_graph(guide, |_| Size::default());
        graph.sizes = measured.iter().map(|m| m.0).collect();
        let layout = layout(&graph, &options);
        attempt += 1;
        // Taller boxes can shift the lanes a little: narrow the column until it fits.
        match mode {
            Mode::Narrow(room) if layout.width > room + 0.5 && step > NARROW_MIN && attempt < 4 => {
                let excess = (layout.width - room).ceil();
                step = (step - excess).max(NARROW_MIN);
                decision = step;
            }
            _ => break (measured, layout),
        }
    };
    let shapes = layout
        .nodes
        .iter()
        .zip(&guide.nodes)
        .zip(measured)
        .map(|((p, node), (_, lines))| shape(node.kind, p.x, p.y, p.w, p.h, lines))
        .collect::<Vec<_>>();
    let texts: Vec<Option<String>> = guide
        .edges
        .iter()
        .map(|e| e.label.as_ref().map(&title))
        .collect();
    let routes: Vec<&[Point]> = layout.edges.iter().map(|r| r.points.as_slice()).collect();
    let labels = place_labels(&texts, &routes, &shapes, layout.width, mode);
    let arrows = layout
        .edges
        .iter()
        .zip(labels)
        .map(|(routed, label)| Arrow {
            path: rounded_path(&routed.points, 8.0),
            back: routed.back,
            label,
        })
        .collect();
    Drawing {
        width: layout.width,
        height: layout.height,
        shapes,
        arrows,
        crossings: layout.crossings,
    }
}

fn shape(kind: NodeKind, x: f64, y: f64, w: f64, h: f64, lines: Vec<String>) -> Shape {
    let n = lines.len().max(1) as f64;
    let (font, line, centred) = match kind {
        NodeKind::Decision => (DECISION_FONT, DECISION_LINE, true),
        _ => (TITLE_FONT, TITLE_LINE, kind != NodeKind::Step),
    };
    // Baseline of the first line when the block is centred vertically: a line's baseline sits
    // about 0.35 em below its middle.
    let first = y + h / 2.0 - (n - 1.0) * line / 2.0 + 0.35 * font;
    let (text_x, text_y) = match kind {
        NodeKind::Step => (x + 2.0 * PAD + ICON, first),
        _ => (x + w / 2.0, first),
    };
    let (tag_x, tag_y) = match kind {
        NodeKind::Decision => (x + w * 0.86, y + h * 0.16),
        _ => (x + w - 26.0, y),
    };
    Shape {
        x,
        y,
        w,
        h,
        kind,
        lines,
        text_x,
        text_y,
        centred,
        font,
        line,
        tag_x,
        tag_y,
    }
}

/// An axis-aligned rectangle: left, top, right, bottom.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Rect(f64, f64, f64, f64);

impl Rect {
    fn around(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect(x - w / 2.0, y - h / 2.0, x + w / 2.0, y + h / 2.0)
    }

    fn overlaps(&self, o: &Rect) -> bool {
        self.0 < o.2 && o.0 < self.2 && self.1 < o.3 && o.1 < self.3
    }

    /// Whether the segment `a`–`b` passes through the rectangle (Liang–Barsky clipping).
    fn cut_by(&self, a: Point, b: Point) -> bool {
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        for (p, q) in [
            (-dx, a.x - self.0),
            (dx, self.2 - a.x),
            (-dy, a.y - self.1),
            (dy, self.3 - a.y),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
            }
        }
        t0 < t1
    }
}

/// Places every branch label where it hides no box, no other arrow and no other label: it
/// tries spots along its own arrow near where it leaves its node, then near where it arrives,
/// and takes the first free one (or the least crowded).
fn place_labels(
    texts: &[Option<String>],
    routes: &[&[Point]],
    shapes: &[Shape],
    width: f64,
    mode: Mode,
) -> Vec<Option<Label>> {
    let boxes: Vec<Rect> = shapes
        .iter()
        .map(|s| Rect(s.x - 2.0, s.y - 2.0, s.x + s.w + 2.0, s.y + s.h + 2.0))
        .collect();
    let mut placed: Vec<Rect> = Vec::new();
    let mut out = Vec::with_capacity(texts.len());
    for (e, text) in texts.iter().enumerate() {
        let (Some(text), Some(points)) = (text, routes.get(e)) else {
            out.push(None);
            continue;
        };
        let (Some(&first), Some(&last)) = (points.first(), points.last()) else {
            out.push(None);
            continue;
        };
        let max_w = match mode {
            Mode::Wide => 124.0,
            Mode::Narrow(_) => (first.x - 10.0).clamp(60.0, 150.0),
        };
        let (lines, _) = wrap(text, LABEL_FONT, |_| max_w - 12.0, 2, true);
        let w = (lines
            .iter()
            .map(|l| text_width(l, LABEL_FONT))
            .fold(0.0, f64::max)
            + 12.0)
            .ceil();
        let h = lines.len() as f64 * LABEL_LINE + 4.0;
        let mut spots: Vec<(f64, f64)> = Vec::new();
        // Along the first stretch that crosses the gap below the source sideways (a fan of
        // branches), where neighbouring branches have drawn apart.
        if let Some(i) = points
            .windows(2)
            .position(|s| (s[0].x - s[1].x).abs() > 0.5 && s[1].y > s[0].y + 1.0)
        {
            let (a, b) = (points[i], points[i + 1]);
            for t in [0.62, 0.5, 0.75] {
                spots.push((a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t));
            }
        }
        // Beside the arrow just below the source, then just above the target.
        let side = w / 2.0 + 5.0;
        let below = first.y + h / 2.0 + 3.0;
        let above = last.y - h / 2.0 - 3.0;
        let near = [
            (first.x - side, below),
            (first.x + side, below),
            (last.x - side, above),
            (last.x + side, above),
        ];
        match mode {
            Mode::Wide => spots.extend(near),
            Mode::Narrow(_) => spots.extend([near[0], near[2], near[1], near[3]]),
        }
        let crowding = |&(x, y): &(f64, f64)| {
            let r = Rect::around(x, y, w + 4.0, h + 2.0);
            let outside = usize::from(r.0 < 0.0 || r.2 > width);
            let hit_boxes = boxes.iter().filter(|b| b.overlaps(&r)).count();
            let hit_labels = placed.iter().filter(|b| b.overlaps(&r)).count();
            let hit_arrows = routes
                .iter()
                .enumerate()
                .filter(|&(f, _)| f != e)
                .map(|(_, route)| route.windows(2).filter(|s| r.cut_by(s[0], s[1])).count())
                .sum::<usize>();
            outside * 100 + (hit_boxes + hit_labels) * 10 + hit_arrows
        };
        let best = spots.iter().copied().min_by_key(crowding);
        out.push(best.map(|(x, y)| {
            placed.push(Rect::around(x, y, w, h));
            Label { x, y, w, h, lines }
        }));
    }
    out
}

/// A length for SVG markup, to a tenth of a pixel: "12", "12.5", "-3.2". Integer arithmetic
/// keeps the float formatter (several kilobytes of wasm) out of the build.
pub fn tenths(v: f64) -> String {
    let t = if v.is_finite() {
        (v * 10.0).round() as i64
    } else {
        0
    };
    let (sign, t) = if t < 0 { ("-", -t) } else { ("", t) };
    if t % 10 == 0 {
        format!("{sign}{}", t / 10)
    } else {
        format!("{sign}{}.{}", t / 10, t % 10)
    }
}

/// SVG path data for a polyline with its corners rounded to `radius`.
pub fn rounded_path(points: &[Point], radius: f64) -> String {
    let mut d = String::new();
    let fmt = tenths;
    let Some(first) = points.first() else {
        return d;
    };
    d.push_str(&format!("M{} {}", fmt(first.x), fmt(first.y)));
    for i in 1..points.len() {
        let p = points[i];
        if let Some(next) = points.get(i + 1) {
            let prev = points[i - 1];
            let (l1, l2) = (dist(prev, p), dist(p, *next));
            let r = radius.min(l1 / 2.0).min(l2 / 2.0);
            if r > 0.5 {
                let a = toward(p, prev, r);
                let b = toward(p, *next, r);
                d.push_str(&format!(
                    "L{} {}Q{} {} {} {}",
                    fmt(a.x),
                    fmt(a.y),
                    fmt(p.x),
                    fmt(p.y),
                    fmt(b.x),
                    fmt(b.y)
                ));
                continue;
            }
        }
        d.push_str(&format!("L{} {}", fmt(p.x), fmt(p.y)));
    }
    d
}

fn dist(a: Point, b: Point) -> f64 {
    ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt()
}

/// The point `r` from `from` towards `to`.
fn toward(from: Point, to: Point, r: f64) -> Point {
    let l = dist(from, to);
    if l == 0.0 {
        return from;
    }
    Point {
        x: from.x + (to.x - from.x) * r / l,
        y: from.y + (to.y - from.y) * r / l,
    }
}

// ---------------------------------------------------------------------------------------------
// SVG markup.

/// Escapes text for XML content and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The outline of a node's shape as path data, grown by `grow` on every side: a diamond for a
/// decision, a pill for the start and the end, a rounded box for a step.
pub fn outline(s: &Shape, grow: f64) -> String {
    let t = tenths;
    let (x, y, w, h) = (s.x - grow, s.y - grow, s.w + 2.0 * grow, s.h + 2.0 * grow);
    if s.kind == NodeKind::Decision {
        let (cx, cy) = (x + w / 2.0, y + h / 2.0);
        return format!(
            "M{} {}L{} {}L{} {}L{} {}Z",
            t(cx),
            t(y),
            t(x + w),
            t(cy),
            t(cx),
            t(y + h),
            t(x),
            t(cy)
        );
    }
    let r = if s.kind == NodeKind::Step {
        8.0 + grow
    } else {
        h / 2.0
    };
    let r = r.min(h / 2.0).min(w / 2.0);
    let a = format!("A{0} {0} 0 0 1", t(r));
    format!(
        "M{} {}H{}{a} {} {}V{}{a} {} {}H{}{a} {} {}V{}{a} {} {}Z",
        t(x + r),
        t(y),
        t(x + w - r),
        t(x + w),
        t(y + r),
        t(y + h - r),
        t(x + w - r),
        t(y + h),
        t(x + r),
        t(x),
        t(y + h - r),
        t(y + r),
        t(x + r),
        t(y),
    )
}

/// Lines of text as `<tspan>`s, one per line from baseline `y`. Lines that broke at a space
/// keep it, so the words stay apart when the text is searched or copied.
fn tspans(out: &mut String, lines: &[String], x: f64, y: f64, step: f64, first_prefix: &str) {
    for (i, line) in lines.iter().enumerate() {
        let next_latin = lines
            .get(i + 1)
            .and_then(|n| n.chars().next())
            .is_some_and(|c| c.is_ascii());
        let space = next_latin && line.chars().last().is_some_and(|c| c.is_ascii());
        out.push_str(&format!(
            "<tspan x=\"{}\" y=\"{}\">{}{}{}</tspan>",
            tenths(x),
            tenths(y + i as f64 * step),
            if i == 0 { first_prefix } else { "" },
            esc(line),
            if space { " " } else { "" }
        ));
    }
}

/// The whole drawing as SVG markup, in the guide's reading order for the nodes. It holds
/// what does not change with the user's progress; the states (classes, status tags, tab
/// stops, accessible names) are set on the elements by their `data-node`, `data-edge` and
/// `data-label` attributes. Each node is an SVG link to its own address.
pub fn svg_markup(
    d: &Drawing,
    guide: &Guide,
    reading: &[usize],
    title: &str,
    desc: &str,
) -> String {
    let t = tenths;
    let mut out = format!(
        "<svg class=\"fc-svg\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" \
         role=\"group\" aria-labelledby=\"fc-title\" aria-describedby=\"fc-desc fc-help\">\
         <title id=\"fc-title\">{}</title><desc id=\"fc-desc\">{}</desc><defs>",
        t(d.width),
        t(d.height),
        esc(title),
        esc(desc)
    );
    // Arrowheads sized in pixels, not in stroke widths, so the thick chosen branch does not
    // get an oversized head.
    for (id, class, size) in [
        ("fc-arrow", "", 10),
        ("fc-arrow-lit", " lit", 13),
        ("fc-arrow-dim", " dim", 10),
    ] {
        out.push_str(&format!(
            "<marker id=\"{id}\" class=\"fc-marker{class}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" \
             markerUnits=\"userSpaceOnUse\" markerWidth=\"{size}\" markerHeight=\"{size}\" orient=\"auto\">\
             <path d=\"M0 0L10 5L0 10z\"/></marker>"
        ));
    }
    out.push_str("</defs><g class=\"fc-edges\">");
    for (arrow, edge) in d.arrows.iter().zip(&guide.edges) {
        out.push_str(&format!(
            "<path class=\"fc-edge{}\" data-edge=\"{}\" d=\"{}\"/>",
            if arrow.back { " back" } else { "" },
            esc(&edge.id),
            arrow.path
        ));
    }
    out.push_str("</g><g class=\"fc-labels\" aria-hidden=\"true\">");
    for (arrow, edge) in d.arrows.iter().zip(&guide.edges) {
        let Some(l) = &arrow.label else { continue };
        out.push_str(&format!(
            "<g class=\"fc-label\" data-label=\"{}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"4\"/>\
             <text text-anchor=\"middle\">",
            esc(&edge.id),
            t(l.x - l.w / 2.0),
            t(l.y - l.h / 2.0),
            t(l.w),
            t(l.h)
        ));
        let first = l.y - (l.lines.len() as f64 - 1.0) * LABEL_LINE / 2.0 + 0.35 * LABEL_FONT;
        tspans(
            &mut out,
            &l.lines,
            l.x,
            first,
            LABEL_LINE,
            "<tspan class=\"tick\">✓ </tspan>",
        );
        out.push_str("</text></g>");
    }
    out.push_str("</g><g class=\"fc-nodes\">");
    for &i in reading {
        let (Some(s), Some(node)) = (d.shapes.get(i), guide.nodes.get(i)) else {
            continue;
        };
        let kind = match s.kind {
            NodeKind::Start | NodeKind::End => "pill",
            NodeKind::Step => "step",
            NodeKind::Decision => "decision",
        };
        let id = esc(&node.id);
        out.push_str(&format!(
            "<a class=\"fc-node {kind}\" data-node=\"{id}\" href=\"/flowchart/{id}\" tabindex=\"-1\">\
             <path class=\"fc-ring\" d=\"{}\"/><path class=\"fc-shape\" d=\"{}\"/>",
            outline(s, 5.0),
            outline(s, 0.0)
        ));
        if let (NodeKind::Step, Some(file)) = (s.kind, &node.illustration) {
            out.push_str(&format!(
                "<image class=\"fc-icon\" href=\"/img/{}\" x=\"{}\" y=\"{}\" width=\"{ICON}\" height=\"{ICON}\"/>",
                esc(file),
                t(s.x + PAD),
                t(s.y + (s.h - ICON) / 2.0)
            ));
        }
        out.push_str(&format!(
            "<text class=\"fc-title\" text-anchor=\"{}\" font-size=\"{}\" aria-hidden=\"true\">",
            if s.centred { "middle" } else { "start" },
            t(s.font)
        ));
        tspans(&mut out, &s.lines, s.text_x, s.text_y, s.line, "");
        out.push_str(&format!(
            "</text></a><g class=\"fc-tag\" data-tag=\"{id}\" aria-hidden=\"true\" display=\"none\"><rect y=\"{}\" height=\"20\" rx=\"10\"/>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"middle\"></text></g>",
            t(s.tag_y - 10.0),
            t(s.tag_x),
            t(s.tag_y + 4.2)
        ));
    }
    out.push_str("</g></svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::parse;
    use crate::progress::Action;

    fn shipped() -> Guide {
        parse(include_str!("../../../public/guide/jimei.json")).unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn ix(flow: &Flow, id: &str) -> usize {
        flow.find(id).unwrap_or_else(|| panic!("no node {id}"))
    }

    fn edge(guide: &Guide, id: &str) -> usize {
        guide
            .edges
            .iter()
            .position(|e| e.id == id)
            .unwrap_or_else(|| panic!("no edge {id}"))
    }

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs
            .iter()
            .map(|(q, a)| (q.to_string(), a.to_string()))
            .collect()
    }

    #[test]
    fn the_daily_loop_is_the_only_back_edge() {
        let guide = shipped();
        let flow = Flow::new(&guide);
        let back: Vec<&str> = (0..guide.edges.len())
            .filter(|&e| flow.back[e])
            .map(|e| guide.edges[e].id.as_str())
            .collect();
        assert_eq!(back, ["e-fourteen-loop"]);
        assert_eq!(flow.start, Some(ix(&flow, "start")));
        assert_eq!(flow.end, Some(ix(&flow, "normal-management")));
    }

    #[test]
    fn the_size_answer_lights_one_filing_office() {
        let guide = shipped();
        let flow = Flow::new(&guide);
        let (bureau, town) = (ix(&flow, "file-bureau"), ix(&flow, "file-town"));
        let (to_bureau, to_town) = (edge(&guide, "e-size-bureau"), edge(&guide, "e-size-town"));

        let open = flow.route(&guide, &Answers::new());
        assert!(
            open.on.iter().all(|&on| on),
            "with no answers every node is on the route"
        );
        assert_eq!(
            (open.edges[to_bureau], open.edges[to_town]),
            (Branch::Open, Branch::Open)
        );
        assert_eq!(
            open.edges[edge(&guide, "e-temperature-isolation")],
            Branch::Plain
        );

        let big = flow.route(&guide, &answers(&[("output_300m", "yes")]));
        assert_eq!(
            (big.edges[to_bureau], big.edges[to_town]),
            (Branch::Taken, Branch::NotTaken)
        );
        assert!(big.on[bureau] && big.on[ix(&flow, "bureau-recheck")] && !big.on[town]);
        assert!(
            big.on[ix(&flow, "district-support")],
            "the branches meet again"
        );
        assert!(
            !big.edge_on(&flow, to_town) && !big.edge_on(&flow, edge(&guide, "e-town-support"))
        );

        let small = flow.route(&guide, &answers(&[("output_300m", "no")]));
        assert_eq!(
            (small.edges[to_bureau], small.edges[to_town]),
            (Branch::NotTaken, Branch::Taken)
        );
        assert!(!small.on[bureau] && !small.on[ix(&flow, "bureau-recheck")] && small.on[town]);
    }

    #[test]
    fn the_personnel_class_keeps_one_rule_on_the_route() {
        let guide = shipped();
        let flow = Flow::new(&guide);
        let route = flow.route(&guide, &answers(&[("personnel_class", "key_area")]));
        let rules: Vec<&str> = guide
            .nodes
            .iter()
            .enumerate()
            .filter(|(i, n)| n.id.starts_with("rule-") && route.on[*i])
            .map(|(_, n)| n.id.as_str())
            .collect();
        assert_eq!(rules, ["rule-key-area"]);
        assert!(
            route.on[ix(&flow, "sign-commitments")] && route.on[ix(&flow, "normal-management")]
        );
    }

    #[test]
    fn tallies_follow_checks_and_answers() {
        let guide = shipped();
        let flow = Flow::new(&guide);
        let mut progress = Progress::default();
        let self_check = ix(&flow, "self-check");
        let items: Vec<String> = guide
            .items_of_node("self-check")
            .map(|(_, i)| i.id.clone())
            .collect();
        let t = tallies(&guide, &progress)[self_check];
        assert_eq!((t.total, t.done, t.not_applicable), (items.len(), 0, 0));
        assert_eq!(
            tallies(&guide, &progress)[self_check].state(),
            NodeState::NotStarted
        );
        assert_eq!(
            tallies(&guide, &progress)[ix(&flow, "start")].state(),
            NodeState::NoItems
        );

        progress.apply(
            &guide,
            Action::Check {
                item: items[0].clone(),
            },
            1,
        );
        assert_eq!(
            tallies(&guide, &progress)[self_check].state(),
            NodeState::Partial
        );
        for (t, item) in items.iter().enumerate() {
            progress.apply(&guide, Action::Check { item: item.clone() }, 2 + t as u64);
        }
        assert_eq!(
            tallies(&guide, &progress)[self_check].state(),
            NodeState::Done
        );

        let meals = ix(&flow, "canteen-meals");
        progress.apply(
            &guide,
            Action::Answer {
                question: "canteen".into(),
                answer: "no".into(),
            },
            50,
        );
        let t = tallies(&guide, &progress)[meals];
        assert_eq!((t.state(), t.applicable()), (NodeState::NotApplicable, 0));
        progress.apply(
            &guide,
            Action::Answer {
                question: "canteen".into(),
                answer: "yes".into(),
            },
            51,
        );
        assert_eq!(
            tallies(&guide, &progress)[meals].state(),
            NodeState::NotStarted
        );
    }

    #[test]
    fn the_trace_names_the_answers_that_lead_here() {
        let guide = shipped();
        let flow = Flow::new(&guide);
        let size = ix(&flow, "output-size");
        let bureau = ix(&flow, "file-bureau");
        let because = |a: &Answers, node: &str| -> Vec<(usize, Because)> {
            flow.trace(&guide, a, ix(&flow, node))
                .iter()
                .map(|s| (s.decision, s.because))
                .collect()
        };
        assert_eq!(
            because(&Answers::new(), "file-bureau"),
            [(size, Because::Unanswered)]
        );
        assert_eq!(
            because(&answers(&[("output_300m", "yes")]), "file-bureau"),
            [(size, Because::LeadsHere)]
        );
        assert_eq!(
            because(&answers(&[("output_300m", "no")]), "file-bureau"),
            [(size, Because::RulesOut)]
        );
        // Both answers lead on to the support step, so an open question does not matter there;
        // an answered one is still part of the story.
        assert_eq!(because(&Answers::new(), "district-support"), []);
        assert_eq!(
            because(&answers(&[("output_300m", "no")]), "district-support"),
            [(size, Because::LeadsHere)]
        );
        // Questions after a step, and the step's own question, are not part of its trace.
        assert_eq!(
            because(&answers(&[("canteen", "yes")]), "file-bureau"),
            [(size, Because::Unanswered)]
        );
        assert_eq!(
            because(&answers(&[("output_300m", "yes")]), "output-size"),
            []
        );
        // In reading order, and the loop back does not make later questions count.
        let all = answers(&[
            ("personnel_class", "hubei"),
            ("output_300m", "yes"),
            ("trade_ecommerce", "yes"),
            ("canteen", "no"),
        ]);
        let trace = flow.trace(&guide, &all, ix(&flow, "remote-work"));
        let order: Vec<&str> = trace.iter().map(|s| s.question.as_str()).collect();
        assert_eq!(order, ["personnel_class", "output_300m", "trade_ecommerce"]);
        assert_eq!(trace[2].answer.as_deref(), Some("yes"));
        assert!(flow
            .trace(&guide, &all, ix(&flow, "daily-entry"))
            .iter()
            .all(|s| s.question != "canteen"));
        assert!(because(&all, "file-bureau").contains(&(size, Because::LeadsHere)));
        let _ = bureau;
    }

    #[test]
    fn arrow_keys_follow_the_edges() {
        let guide = shipped();
        let flow = Flow::new(&guide);
        let route = flow.route(&guide, &Answers::new());
        let go = |at: &str, from: Option<&str>, key: Key| -> Option<(String, Option<String>)> {
            let m = flow.key_move(&route, ix(&flow, at), from.map(|f| ix(&flow, f)), key)?;
            Some((
                guide.nodes[m.to].id.clone(),
                m.came_from.map(|c| guide.nodes[c].id.clone()),
            ))
        };
        let s = |v: &str| v.to_string();
        assert_eq!(
            go("staff-survey", None, Key::Down),
            Some((s("personnel-class"), Some(s("staff-survey"))))
        );
        assert_eq!(
            go("personnel-class", None, Key::Down),
            Some((s("rule-hubei"), Some(s("personnel-class"))))
        );
        assert_eq!(
            go("personnel-class", None, Key::Right),
            Some((s("rule-hubei"), Some(s("personnel-class"))))
        );
        assert_eq!(
            go("rule-hubei", Some("personnel-class"), Key::Right),
            Some((s("rule-close-contact"), Some(s("personnel-class"))))
        );
        assert_eq!(
            go("rule-stayed-xiamen", Some("personnel-class"), Key::Right),
            Some((s("rule-hubei"), Some(s("personnel-class"))))
        );
        assert_eq!(
            go("rule-close-contact", Some("personnel-class"), Key::Left),
            Some((s("rule-hubei"), Some(s("personnel-class"))))
        );
        assert_eq!(
            go("rule-hubei", Some("personnel-class"), Key::Left),
            Some((s("personnel-class"), None))
        );
        assert_eq!(
            go("rule-hubei", Some("personnel-class"), Key::Up),
            Some((s("personnel-class"), None))
        );
        assert_eq!(
            go("sign-commitments", Some("rule-key-area"), Key::Up),
            Some((s("rule-key-area"), None))
        );
        assert_eq!(
            go("sign-commitments", None, Key::Up),
            Some((s("rule-hubei"), None))
        );
        assert_eq!(
            go("fourteen-days", None, Key::Down),
            Some((s("normal-management"), Some(s("fourteen-days"))))
        );
        assert_eq!(
            go("normal-management", Some("fourteen-days"), Key::Right),
            Some((s("daily-entry"), Some(s("fourteen-days"))))
        );
        assert_eq!(
            go("daily-entry", None, Key::Up),
            Some((s("resume"), None)),
            "the loop back comes last"
        );
        assert_eq!(go("start", None, Key::Up), None);
        assert_eq!(go("normal-management", None, Key::Down), None);
        assert_eq!(
            go("daily-roster", None, Key::Home),
            Some((s("start"), None))
        );
        assert_eq!(
            go("daily-roster", None, Key::End),
            Some((s("normal-management"), None))
        );

        // The chosen branch comes first.
        let small = flow.route(&guide, &answers(&[("output_300m", "no")]));
        let m = flow.key_move(&small, ix(&flow, "output-size"), None, Key::Down);
        assert_eq!(m.map(|m| m.to), Some(ix(&flow, "file-town")));
        let m = flow.key_move(&small, ix(&flow, "district-support"), None, Key::Up);
        assert_eq!(
            m.map(|m| m.to),
            Some(ix(&flow, "file-town")),
            "the predecessor on the route"
        );
        assert_eq!(Key::from_name("ArrowLeft"), Some(Key::Left));
        assert_eq!(Key::from_name("Enter"), None);
    }

    fn ids(guide: &Guide, list: &[Entry]) -> Vec<String> {
        list.iter()
            .map(|e| guide.nodes[e.node].id.clone())
            .collect()
    }

    #[test]
    fn the_outline_nests_branches_under_their_decision() {
        let guide = shipped();
        let flow = Flow::new(&guide);
        let outline = flow.outline();
        assert_eq!(
            ids(&guide, &outline),
            [
                "start",
                "priority-screening",
                "timetable",
                "self-check",
                "staff-survey",
                "personnel-class",
                "sign-commitments",
                "output-size",
                "district-support",
                "trade-decision",
                "resume",
                "daily-entry",
                "temperature-check",
                "daily-roster",
                "fourteen-days"
            ]
        );
        let entry = |id: &str| {
            outline
                .iter()
                .find(|e| guide.nodes[e.node].id == id)
                .cloned()
                .unwrap_or_else(|| panic!("{id}"))
        };
        let arms = |id: &str| -> Vec<Vec<String>> {
            entry(id)
                .branches
                .iter()
                .map(|a| ids(&guide, &a.steps))
                .collect()
        };
        assert_eq!(arms("personnel-class").len(), 7);
        assert!(arms("personnel-class")
            .iter()
            .all(|a| a.len() == 1 && a[0].starts_with("rule-")));
        assert_eq!(
            arms("output-size"),
            [vec!["file-bureau", "bureau-recheck"], vec!["file-town"]]
        );
        let trade = entry("trade-decision");
        assert_eq!(ids(&guide, &trade.branches[0].steps), ["remote-work"]);
        assert_eq!(
            (trade.branches[1].steps.len(), trade.branches[1].goes_to),
            (0, Some(ix(&flow, "resume")))
        );
        let temperature = arms("temperature-check");
        assert_eq!(
            temperature[0],
            ["isolation-room", "report-cdc", "fever-clinic"]
        );
        assert_eq!(
            temperature[1],
            [
                "work-on-post",
                "disinfect-ventilate",
                "canteen-decision",
                "dormitory-decision"
            ]
        );
        let fourteen = entry("fourteen-days");
        assert_eq!(
            ids(&guide, &fourteen.branches[0].steps),
            ["normal-management"]
        );
        assert_eq!(
            fourteen.branches[1].goes_to,
            Some(ix(&flow, "daily-entry")),
            "the loop goes back"
        );

        // Every node appears exactly once.
        fn walk(list: &[Entry], out: &mut Vec<usize>) {
            for e in list {
                out.push(e.node);
                e.branches.iter().for_each(|a| walk(&a.steps, out));
            }
        }
        let mut all = Vec::new();
        walk(&outline, &mut all);
        all.sort();
        assert_eq!(all, (0..guide.nodes.len()).collect::<Vec<_>>());
    }

    #[test]
    fn an_unreachable_node_still_gets_listed() {
        let mut guide = shipped();
        let mut stray = guide.nodes[1].clone();
        stray.id = "stray".into();
        guide.nodes.push(stray);
        let flow = Flow::new(&guide);
        let outline = flow.outline();
        assert_eq!(outline.last().map(|e| e.node), flow.find("stray"));
        assert!(!flow.route(&guide, &Answers::new()).on[ix(&flow, "stray")]);
    }

    #[test]
    fn wrapping_breaks_between_words_and_cjk_characters() {
        let (lines, fits) = wrap("Survey and classify your staff", 10.0, |_| 80.0, 4, true);
        assert!(fits);
        assert_eq!(lines, ["Survey and", "classify your", "staff"]);
        let (lines, fits) = wrap("复工的先后顺序，按行业排队。", 10.0, |_| 50.0, 4, true);
        assert!(fits);
        assert!(
            lines
                .iter()
                .all(|l| text_width(l, 10.0) <= 50.0 || l.chars().count() == 1),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .skip(1)
                .all(|l| !l.starts_with('，') && !l.starts_with('。')),
            "{lines:?}"
        );
        assert_eq!(lines.concat(), "复工的先后顺序，按行业排队。");
        let (lines, fits) = wrap("one two three four five six seven", 10.0, |_| 60.0, 2, true);
        assert!(!fits);
        assert_eq!(lines.len(), 2);
        assert!(
            lines[1].ends_with('…') && text_width(&lines[1], 10.0) <= 60.0,
            "{lines:?}"
        );
        let (_, fits) = wrap("Unbreakableword", 10.0, |_| 40.0, 3, false);
        assert!(
            !fits,
            "a word too long for a line does not fit unless it may be split"
        );
        assert_eq!(
            wrap("", 10.0, |_| 40.0, 3, true),
            (Vec::<String>::new(), true)
        );
    }

    #[test]
    fn the_drawing_keeps_text_inside_shapes_and_labels_apart() {
        let guide = shipped();
        for lang in ["zh-Hans", "zh-Hant", "en"] {
            for mode in [Mode::Wide, Mode::Narrow(288.0), Mode::Narrow(560.0)] {
                let d = draw(&guide, lang, mode);
                let what = format!("{lang} {mode:?}");
                assert_eq!(d.shapes.len(), guide.nodes.len());
                assert_eq!(d.arrows.len(), guide.edges.len());
                if let Mode::Narrow(room) = mode {
                    assert!(
                        d.width <= room + 0.5,
                        "{what}: {} wider than {room}",
                        d.width
                    );
                }
                for (s, n) in d.shapes.iter().zip(&guide.nodes) {
                    assert!(
                        !s.lines.is_empty() && s.lines.len() <= 5,
                        "{what}: {} {:?}",
                        n.id,
                        s.lines
                    );
                    assert!(
                        !s.lines.iter().any(|l| l.ends_with('…')),
                        "{what}: {} is cut short: {:?}",
                        n.id,
                        s.lines
                    );
                    assert!(
                        s.x >= 0.0 && s.y >= 0.0 && s.x + s.w <= d.width && s.y + s.h <= d.height,
                        "{what}: {}",
                        n.id
                    );
                    for (i, line) in s.lines.iter().enumerate() {
                        let room = match s.kind {
                            NodeKind::Step => s.w - 3.0 * PAD - ICON,
                            NodeKind::Decision => diamond_line(s.w, s.h, s.lines.len(), i),
                            _ => s.w - 20.0,
                        };
                        assert!(
                            text_width(line, s.font) <= room + 0.01,
                            "{what}: {} line {line:?} overflows",
                            n.id
                        );
                    }
                    // Boxes never overlap.
                    for t in &d.shapes {
                        if std::ptr::eq(s, t) {
                            continue;
                        }
                        let apart = s.x + s.w <= t.x
                            || t.x + t.w <= s.x
                            || s.y + s.h <= t.y
                            || t.y + t.h <= s.y;
                        assert!(apart, "{what}: {} overlaps another node", n.id);
                    }
                }
                let labels: Vec<(&str, &Label)> = d
                    .arrows
                    .iter()
                    .zip(&guide.edges)
                    .filter_map(|(a, e)| a.label.as_ref().map(|l| (e.id.as_str(), l)))
                    .collect();
                assert_eq!(
                    labels.len(),
                    guide.edges.iter().filter(|e| e.label.is_some()).count(),
                    "{what}"
                );
                for (i, (id, a)) in labels.iter().enumerate() {
                    let ra = Rect::around(a.x, a.y, a.w, a.h);
                    for (other, b) in &labels[i + 1..] {
                        assert!(
                            !ra.overlaps(&Rect::around(b.x, b.y, b.w, b.h)),
                            "{what}: labels {id} and {other} overlap"
                        );
                    }
                    for (s, n) in d.shapes.iter().zip(&guide.nodes) {
                        let rs = Rect(s.x, s.y, s.x + s.w, s.y + s.h);
                        assert!(!ra.overlaps(&rs), "{what}: label {id} covers node {}", n.id);
                    }
                }
            }
        }
    }

    #[test]
    fn the_markup_is_well_formed_svg_with_every_node_and_edge() {
        let guide = shipped();
        let flow = Flow::new(&guide);
        for lang in ["zh-Hans", "en"] {
            let d = draw(&guide, lang, Mode::Wide);
            let svg = svg_markup(&d, &guide, &flow.reading, "Flow & chart", "A <description>");
            let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{lang}: {e}"));
            let root = doc.root_element();
            assert_eq!(root.tag_name().name(), "svg");
            let with = |attr: &str| -> Vec<String> {
                doc.descendants()
                    .filter_map(|n| n.attribute(attr).map(str::to_string))
                    .collect()
            };
            let nodes = with("data-node");
            let reading: Vec<String> = flow
                .reading
                .iter()
                .map(|&i| guide.nodes[i].id.clone())
                .collect();
            assert_eq!(nodes, reading, "nodes in reading order");
            assert_eq!(with("data-edge").len(), guide.edges.len());
            assert_eq!(
                with("data-label").len(),
                guide.edges.iter().filter(|e| e.label.is_some()).count()
            );
            let title = doc
                .descendants()
                .find(|n| n.has_tag_name("title"))
                .and_then(|n| n.text());
            assert_eq!(title, Some("Flow & chart"));
            // Every node's title is in its text, words apart.
            for (i, node) in guide.nodes.iter().enumerate() {
                let a = doc
                    .descendants()
                    .find(|n| n.attribute("data-node") == Some(node.id.as_str()));
                let text: String = a
                    .map(|a| {
                        a.descendants()
                            .filter(|n| n.is_text())
                            .filter_map(|n| n.text())
                            .collect()
                    })
                    .unwrap_or_default();
                let want = node.title.get(lang, "zh-Hans");
                assert!(
                    text.contains(want),
                    "{lang} {}: {text:?} lacks {want:?}",
                    node.id
                );
                assert_eq!(d.shapes[i].kind, node.kind);
            }
        }
        assert_eq!(esc("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }

    #[test]
    fn lengths_are_written_to_a_tenth() {
        assert_eq!(tenths(12.0), "12");
        assert_eq!(tenths(12.04), "12");
        assert_eq!(tenths(12.25), "12.3");
        assert_eq!(tenths(-3.2), "-3.2");
        assert_eq!(tenths(-0.04), "0");
        assert_eq!(tenths(f64::NAN), "0");
    }

    #[test]
    fn paths_round_their_corners() {
        let p = |x, y| Point { x, y };
        assert_eq!(rounded_path(&[p(0.0, 0.0), p(0.0, 10.0)], 8.0), "M0 0L0 10");
        assert_eq!(
            rounded_path(&[p(0.0, 0.0), p(0.0, 40.0), p(30.0, 40.0)], 8.0),
            "M0 0L0 32Q0 40 8 40L30 40"
        );
        assert_eq!(rounded_path(&[], 8.0), "");
    }
}
