//! The flowchart's logic, apart from drawing it: the guide's graph with its back edges, which
//! way the answers send you, why a step is (or is not) on your route, where the arrow
//! keys go, and the guide as a nested outline for the list view.

use crate::graph::{guide_reading, guide_start, Digraph, Direction, EdgeIx, NodeIx};
use crate::guide::{Answers, DecisionMode, Guide, NodeKind, Role};

/// The guide's flowchart as a graph, with its back edges found once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Flow {
    graph: Digraph,
    /// Per node, its `(edge, target)` pairs in file order, as plain indices for the panel's
    /// list of ways on (the same lists as the graph's).
    pub out: Vec<Vec<(usize, usize)>>,
    /// Per edge, whether it closes a cycle (the daily loop). The layout draws these same edges
    /// going back round the side (see `Digraph::back_edges`).
    pub back: Vec<bool>,
    /// Per node, the question that decides it, if any.
    question: Vec<Option<String>>,
    /// Node indices in reading order (see `Guide::reading_order`).
    pub reading: Vec<usize>,
    /// Per node, its place in a topological order of the graph without back edges.
    topo: Vec<usize>,
    pub start: Option<usize>,
    pub end: Option<usize>,
    ids: Vec<String>,
}

impl Flow {
    pub fn new(guide: &Guide) -> Flow {
        let graph = Digraph::of_guide(guide);
        let start = guide_start(guide);
        let back = graph.back_edges(start);
        let mut topo = vec![0; graph.node_count()];
        for (place, v) in graph
            .topological(&|e| !back[e.index()])
            .into_iter()
            .enumerate()
        {
            topo[v.index()] = place;
        }
        let out = graph
            .nodes()
            .map(|v| {
                let pairs = graph.out(v).iter();
                pairs.map(|&(e, w)| (e.index(), w.index())).collect()
            })
            .collect();
        Flow {
            reading: guide_reading(guide, &graph),
            out,
            graph,
            back,
            question: guide.nodes.iter().map(|n| n.question.clone()).collect(),
            topo,
            start: start.map(NodeIx::index),
            end: guide.nodes.iter().position(|n| n.kind == NodeKind::End),
            ids: guide.nodes.iter().map(|n| n.id.clone()).collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.graph.node_count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The index of the node with this id.
    pub fn find(&self, id: &str) -> Option<usize> {
        // A linear search: guides have dozens of nodes, and a map would cost more wasm.
        self.ids.iter().position(|x| x == id)
    }

    /// Every node reachable from `from` (itself included) without taking a back edge.
    pub fn below(&self, from: usize) -> Vec<bool> {
        let not_back = |e: EdgeIx| !self.back[e.index()];
        self.graph.reach(
            self.graph.node(from).as_slice(),
            Direction::Forward,
            &not_back,
        )
    }

    /// The `(edge, target)` pairs leaving node `v`; none for a node out of range.
    fn out(&self, v: usize) -> &[(EdgeIx, NodeIx)] {
        self.graph.out(NodeIx::new(v))
    }

    /// The `(edge, source)` pairs arriving at node `v`; none for a node out of range.
    fn inc(&self, v: usize) -> &[(EdgeIx, NodeIx)] {
        self.graph.inc(NodeIx::new(v))
    }

    /// Edge `e`'s `(from, to)` nodes, when both exist.
    fn ends(&self, e: usize) -> Option<(usize, usize)> {
        let (u, v) = self.graph.ends(self.graph.edge(e)?)?;
        Some((u.index(), v.index()))
    }
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
    /// Per node: the answers say it does not apply (`Guide::node_applies`), so the route
    /// passes through it along its `otherwise` edge, and it is drawn as passed.
    pub passed: Vec<bool>,
}

impl Route {
    /// Whether an edge is part of the route: both ends on it and not ruled out.
    pub fn edge_on(&self, flow: &Flow, e: usize) -> bool {
        self.edges.get(e) != Some(&Branch::NotTaken)
            && flow.ends(e).is_some_and(|(u, v)| self.on[u] && self.on[v])
    }
}

impl Flow {
    /// Lights the route for a viewer of `role`: the chosen branch of each question the
    /// viewer answers; for the enterprise, every branch of the employee's class question
    /// that can concern its staff (`DecisionMode::AllBranches`); through a node that does
    /// not apply, only its `otherwise` edge; and every node still reachable from the start.
    pub fn route(&self, guide: &Guide, answers: &Answers, role: Role) -> Route {
        let passed: Vec<bool> = guide
            .nodes
            .iter()
            .map(|n| !guide.node_applies(n, answers))
            .collect();
        let edges: Vec<Branch> = guide
            .edges
            .iter()
            .enumerate()
            .map(|(e, edge)| {
                let Some((u, _)) = self.ends(e) else {
                    return Branch::Plain;
                };
                let node = &guide.nodes[u];
                if passed[u] {
                    return if node.otherwise.as_deref() == Some(edge.id.as_str()) {
                        Branch::Taken
                    } else {
                        Branch::NotTaken
                    };
                }
                match (guide.decision_mode(node, role), &edge.answer) {
                    (DecisionMode::AllBranches, Some(_)) => {
                        if guide.branch_applies(edge, answers) {
                            Branch::Taken
                        } else {
                            Branch::NotTaken
                        }
                    }
                    (DecisionMode::Answer(q), Some(a)) => match answers.get(q) {
                        None => Branch::Open,
                        Some(given) if given == a => Branch::Taken,
                        Some(_) => Branch::NotTaken,
                    },
                    _ => Branch::Plain,
                }
            })
            .collect();
        let start = self.start.and_then(|s| self.graph.node(s));
        let open = |e: EdgeIx| edges.get(e.index()) != Some(&Branch::NotTaken);
        let on = self
            .graph
            .reach(start.as_slice(), Direction::Forward, &open);
        Route { edges, on, passed }
    }
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
    pub fn trace(
        &self,
        guide: &Guide,
        answers: &Answers,
        role: Role,
        node: usize,
    ) -> Vec<TraceStep> {
        let route = self.route(guide, answers, role);
        let mut steps = Vec::new();
        for &d in &self.reading {
            let Some(question) = &self.question[d] else {
                continue;
            };
            // The enterprise does not answer for every employee: all branches that apply
            // are its route, so no answer of this question leads anywhere for it.
            if guide.decision_mode(&guide.nodes[d], role) == DecisionMode::AllBranches {
                continue;
            }
            if d == node || !route.on[d] || !self.below(d).get(node).copied().unwrap_or(false) {
                continue;
            }
            let branches: Vec<(usize, bool)> = self
                .out(d)
                .iter()
                .filter(|(e, _)| !self.back[e.index()])
                .map(|&(e, w)| (e.index(), self.below(w.index())[node]))
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
        ordered(
            self.out(node)
                .iter()
                .map(|&(e, w)| (rank(e.index()), w.index()))
                .collect(),
        )
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
            self.inc(node)
                .iter()
                .map(|&(e, u)| {
                    let (e, u) = (e.index(), u.index());
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
            let forward: Vec<usize> = self
                .out(v)
                .iter()
                .filter(|(e, _)| !self.back[e.index()])
                .map(|&(_, w)| w.index())
                .collect();
            if self.out(v).len() < 2 {
                list.push(Entry {
                    node: v,
                    branches: Vec::new(),
                });
                at = forward.first().copied();
                continue;
            }
            let join = self.join(&forward).or(stop);
            let mut branches = Vec::new();
            for &(e, w) in self.out(v) {
                let (e, w) = (e.index(), w.index());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::fixtures::{answers, edge, ix, shipped};
    use crate::layout::{layout_guide, Options};

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

        let open = flow.route(&guide, &Answers::new(), Role::Enterprise);
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

        let big = flow.route(
            &guide,
            &answers(&[("output_300m", "yes")]),
            Role::Enterprise,
        );
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

        let small = flow.route(&guide, &answers(&[("output_300m", "no")]), Role::Enterprise);
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
        let route = flow.route(
            &guide,
            &answers(&[("personnel_class", "key_area")]),
            Role::Employee,
        );
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

    /// Issue 16 §3: the enterprise has staff of several classes, so every class branch that
    /// can concern its staff is on its route, whatever one employee answered; with no staff
    /// from outside, the classes that come from outside are not.
    #[test]
    fn the_enterprise_route_takes_every_class_its_staff_can_be() {
        let guide = shipped();
        let flow = Flow::new(&guide);
        let rules_on = |route: &Route| -> Vec<String> {
            guide
                .nodes
                .iter()
                .enumerate()
                .filter(|(i, n)| n.id.starts_with("rule-") && route.on[*i])
                .map(|(_, n)| n.id.clone())
                .collect()
        };
        let all_rules = guide
            .nodes
            .iter()
            .filter(|n| n.id.starts_with("rule-"))
            .count();
        let any = flow.route(
            &guide,
            &answers(&[("personnel_class", "key_area")]),
            Role::Enterprise,
        );
        assert_eq!(rules_on(&any).len(), all_rules, "{:?}", rules_on(&any));
        let local = answers(&[("outside_staff", "no")]);
        let route = flow.route(&guide, &local, Role::Enterprise);
        let expected: Vec<String> = guide
            .classes_for_enterprise(&local)
            .map(|c| format!("rule-{}", c.id.replace('_', "-")))
            .filter(|id| guide.node(id).is_some())
            .collect();
        assert!(
            !expected.is_empty() && expected.len() < all_rules,
            "{expected:?}"
        );
        assert_eq!(rules_on(&route), expected);
        // Its trace names no employee's answer.
        let trace = flow.trace(
            &guide,
            &answers(&[("personnel_class", "key_area")]),
            Role::Enterprise,
            ix(&flow, "rule-hubei"),
        );
        assert!(
            trace.iter().all(|t| t.question != "personnel_class"),
            "{trace:?}"
        );
    }

    /// Issue 16 §3: with no staff from outside, the 14-day decision does not apply: the
    /// route passes it along its `otherwise` edge and never loops back through it.
    #[test]
    fn the_fourteen_day_decision_is_passed_without_staff_from_outside() {
        let guide = shipped();
        let flow = Flow::new(&guide);
        let fourteen = ix(&flow, "fourteen-days");
        let (normal, again) = (
            edge(&guide, "e-fourteen-normal"),
            edge(&guide, "e-fourteen-loop"),
        );
        let open = flow.route(&guide, &Answers::new(), Role::Enterprise);
        assert!(!open.passed[fourteen]);
        assert_eq!(
            (open.edges[normal], open.edges[again]),
            (Branch::Plain, Branch::Plain)
        );
        let local = flow.route(
            &guide,
            &answers(&[("outside_staff", "no")]),
            Role::Enterprise,
        );
        assert!(local.passed[fourteen] && local.on[fourteen]);
        assert_eq!(
            (local.edges[normal], local.edges[again]),
            (Branch::Taken, Branch::NotTaken)
        );
        assert!(local.on[ix(&flow, "normal-management")]);
        assert!(!local.edge_on(&flow, again));
        let outside = flow.route(
            &guide,
            &answers(&[("outside_staff", "yes")]),
            Role::Enterprise,
        );
        assert!(!outside.passed[fourteen]);
    }

    #[test]
    fn the_trace_names_the_answers_that_lead_here() {
        let guide = shipped();
        let flow = Flow::new(&guide);
        let size = ix(&flow, "output-size");
        let kind = ix(&flow, "enterprise-kind");
        let bureau = ix(&flow, "file-bureau");
        let because = |a: &Answers, node: &str| -> Vec<(usize, Because)> {
            flow.trace(&guide, a, Role::Enterprise, ix(&flow, node))
                .iter()
                .map(|s| (s.decision, s.because))
                .collect()
        };
        assert_eq!(
            because(&Answers::new(), "file-bureau"),
            [(kind, Because::Unanswered), (size, Because::Unanswered)]
        );
        assert_eq!(
            because(&answers(&[("output_300m", "yes")]), "file-bureau"),
            [(kind, Because::Unanswered), (size, Because::LeadsHere)]
        );
        assert_eq!(
            because(&answers(&[("output_300m", "no")]), "file-bureau"),
            [(kind, Because::Unanswered), (size, Because::RulesOut)]
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
            [(kind, Because::Unanswered), (size, Because::Unanswered)]
        );
        assert_eq!(
            because(&answers(&[("output_300m", "yes")]), "output-size"),
            [(kind, Because::Unanswered)]
        );
        // In reading order, and the loop back does not make later questions count.
        let all = answers(&[
            ("personnel_class", "hubei"),
            ("output_300m", "yes"),
            ("trade_ecommerce", "yes"),
            ("canteen", "no"),
        ]);
        // The enterprise does not answer the class question for its staff: it is left out.
        let trace = flow.trace(&guide, &all, Role::Enterprise, ix(&flow, "remote-work"));
        let order: Vec<&str> = trace.iter().map(|s| s.question.as_str()).collect();
        assert_eq!(order, ["output_300m", "trade_ecommerce"]);
        assert_eq!(trace[1].answer.as_deref(), Some("yes"));
        // An employee's trace has her class, and none of the enterprise's questions.
        let trace = flow.trace(&guide, &all, Role::Employee, ix(&flow, "remote-work"));
        let order: Vec<&str> = trace.iter().map(|s| s.question.as_str()).collect();
        assert_eq!(order, ["personnel_class"]);
        assert!(flow
            .trace(&guide, &all, Role::Enterprise, ix(&flow, "daily-entry"))
            .iter()
            .all(|s| s.question != "canteen"));
        assert!(because(&all, "file-bureau").contains(&(size, Because::LeadsHere)));
        let _ = bureau;
    }

    #[test]
    fn arrow_keys_follow_the_edges() {
        let guide = shipped();
        let flow = Flow::new(&guide);
        let route = flow.route(&guide, &Answers::new(), Role::Enterprise);
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
        let small = flow.route(&guide, &answers(&[("output_300m", "no")]), Role::Enterprise);
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
                "enterprise-kind",
                "district-support",
                "trade-decision",
                "resume",
                "daily-entry",
                "temperature-check",
                "daily-roster",
                "fourteen-days"
            ]
        );
        // Decisions can nest inside another's branch, so the search goes down the arms.
        fn find(list: &[Entry], guide: &Guide, id: &str) -> Option<Entry> {
            list.iter().find_map(|e| {
                if guide.nodes[e.node].id == id {
                    Some(e.clone())
                } else {
                    e.branches.iter().find_map(|a| find(&a.steps, guide, id))
                }
            })
        }
        let entry = |id: &str| find(&outline, &guide, id).unwrap_or_else(|| panic!("{id}"));
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
            arms("enterprise-kind"),
            [
                vec!["output-size"],
                vec!["file-other"],
                vec!["project-list"]
            ]
        );
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
            [
                "isolation-room",
                "report-cdc",
                "fever-clinic",
                "trace-contacts",
                "disinfect-workplace",
                "case-confirmed"
            ]
        );
        assert_eq!(arms("case-confirmed"), [vec!["confirmed-case"], vec![]]);
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
        assert!(!flow.route(&guide, &Answers::new(), Role::Enterprise).on[ix(&flow, "stray")]);
    }

    #[test]
    fn the_chart_and_the_layout_agree_on_the_back_edges_of_unreachable_nodes() {
        // A loop the start cannot reach, entered from a third stray node listed after it: a
        // search that begins at the first unvisited node and one that begins at the nodes
        // without incoming edges close this loop at different edges.
        let mut guide = shipped();
        for id in ["stray-a", "stray-b", "stray-c"] {
            let mut stray = guide.nodes[1].clone();
            stray.id = id.into();
            guide.nodes.push(stray);
        }
        let mut link = |from: &str, to: &str| {
            let mut e = guide.edges[0].clone();
            (e.id, e.from, e.to) = (format!("{from}-{to}"), from.into(), to.into());
            guide.edges.push(e);
        };
        link("stray-a", "stray-b");
        link("stray-b", "stray-a");
        link("stray-c", "stray-b");
        let flow = Flow::new(&guide);
        let size = |_: &crate::guide::Node| crate::layout::Size::new(100.0, 40.0);
        for options in [Options::default(), Options::narrow()] {
            let drawn: Vec<bool> = layout_guide(&guide, size, &options)
                .edges
                .iter()
                .map(|r| r.back)
                .collect();
            assert_eq!(flow.back, drawn, "narrow: {}", options.narrow);
        }
        let back: Vec<&str> = (0..guide.edges.len())
            .filter(|&e| flow.back[e])
            .map(|e| guide.edges[e].id.as_str())
            .collect();
        assert_eq!(back, ["e-fourteen-loop", "stray-a-stray-b"]);
    }
}
