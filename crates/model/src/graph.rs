//! The flowchart as a directed graph of indices, written once for everything that walks it:
//! the validator (what the start reaches, what reaches an end), the chart's route logic and
//! reading order, and the layout. Nodes and edges are named by the newtypes `NodeIx` and
//! `EdgeIx`, so one cannot be passed for the other. An edge with a missing end (a guide edge
//! naming no node, a layout edge out of range) keeps its index but joins nothing. Back edges
//! are found by one search with one rule for where it begins, so the chart and the layout
//! always agree on which arrows close a loop.

use std::collections::HashMap;

use crate::guide::{Guide, NodeKind};

/// A node: its index in the guide's `nodes` (or the layout's sizes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeIx(usize);

/// An edge: its index in the guide's `edges` (or the layout's edge list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EdgeIx(usize);

impl NodeIx {
    pub const fn new(index: usize) -> NodeIx {
        NodeIx(index)
    }

    pub const fn index(self) -> usize {
        self.0
    }
}

impl EdgeIx {
    pub const fn new(index: usize) -> EdgeIx {
        EdgeIx(index)
    }

    pub const fn index(self) -> usize {
        self.0
    }
}

/// Which way a search follows the edges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// From each edge's source to its target.
    Forward,
    /// From each edge's target back to its source.
    Backward,
}

/// A directed multigraph with self loops, its adjacency kept in both directions. The lists
/// of each node are in edge order, which is the order searches follow.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Digraph {
    /// Per edge, its `(from, to)`; `None` when an end is missing.
    ends: Vec<Option<(NodeIx, NodeIx)>>,
    /// Node `v`'s `(edge, target)` pairs are `out[out_at[v]..out_at[v + 1]]`.
    out: Vec<(EdgeIx, NodeIx)>,
    out_at: Vec<usize>,
    /// Node `v`'s `(edge, source)` pairs are `inc[inc_at[v]..inc_at[v + 1]]`.
    inc: Vec<(EdgeIx, NodeIx)>,
    inc_at: Vec<usize>,
}

impl Digraph {
    /// A graph of `nodes` nodes and the edges `(from, to)`, in order; an edge with an end out
    /// of range joins nothing.
    pub fn new(nodes: usize, edges: &[(usize, usize)]) -> Digraph {
        let ends: Vec<Option<(NodeIx, NodeIx)>> = edges
            .iter()
            .map(|&(u, v)| (u < nodes && v < nodes).then_some((NodeIx(u), NodeIx(v))))
            .collect();
        let (out, out_at) = packed(nodes, &ends, Direction::Forward);
        let (inc, inc_at) = packed(nodes, &ends, Direction::Backward);
        Digraph {
            ends,
            out,
            out_at,
            inc,
            inc_at,
        }
    }

    /// A guide's flowchart: node `i` is `guide.nodes[i]` and edge `j` is `guide.edges[j]`.
    pub fn of_guide(guide: &Guide) -> Digraph {
        Digraph::new(guide.nodes.len(), &guide_ends(guide))
    }

    pub fn node_count(&self) -> usize {
        self.out_at.len().saturating_sub(1)
    }

    pub fn edge_count(&self) -> usize {
        self.ends.len()
    }

    pub fn nodes(&self) -> impl DoubleEndedIterator<Item = NodeIx> + ExactSizeIterator {
        (0..self.node_count()).map(NodeIx)
    }

    pub fn edges(&self) -> impl DoubleEndedIterator<Item = EdgeIx> + ExactSizeIterator {
        (0..self.edge_count()).map(EdgeIx)
    }

    /// The node of index `i`, if there is one.
    pub fn node(&self, i: usize) -> Option<NodeIx> {
        (i < self.node_count()).then_some(NodeIx(i))
    }

    /// The edge of index `i`, if there is one.
    pub fn edge(&self, i: usize) -> Option<EdgeIx> {
        (i < self.edge_count()).then_some(EdgeIx(i))
    }

    /// An edge's `(from, to)`; `None` when an end is missing.
    pub fn ends(&self, e: EdgeIx) -> Option<(NodeIx, NodeIx)> {
        self.ends.get(e.0).copied().flatten()
    }

    /// The `(edge, target)` pairs leaving `v`, in edge order; none for a node not in the graph.
    pub fn out(&self, v: NodeIx) -> &[(EdgeIx, NodeIx)] {
        group(&self.out, &self.out_at, v)
    }

    /// The `(edge, source)` pairs arriving at `v`, in edge order; none for a node not in the
    /// graph.
    pub fn inc(&self, v: NodeIx) -> &[(EdgeIx, NodeIx)] {
        group(&self.inc, &self.inc_at, v)
    }

    /// Per node, whether a search from `from` (which are included) reaches it along the edges
    /// that `follow` accepts.
    pub fn reach(
        &self,
        from: &[NodeIx],
        direction: Direction,
        follow: &dyn Fn(EdgeIx) -> bool,
    ) -> Vec<bool> {
        let mut seen = vec![false; self.node_count()];
        let mut stack: Vec<NodeIx> = from.iter().copied().filter(|v| v.0 < seen.len()).collect();
        while let Some(v) = stack.pop() {
            if std::mem::replace(&mut seen[v.0], true) {
                continue;
            }
            let next = match direction {
                Direction::Forward => self.out(v),
                Direction::Backward => self.inc(v),
            };
            stack.extend(
                next.iter()
                    .filter(|&&(e, w)| !seen[w.0] && follow(e))
                    .map(|&(_, w)| w),
            );
        }
        seen
    }

    /// Depth-first preorder from each of `roots` in turn, following edges in edge order, so a
    /// node's successors come right after it. Nodes no root reaches are left out.
    pub fn preorder(&self, roots: impl IntoIterator<Item = NodeIx>) -> Vec<NodeIx> {
        let n = self.node_count();
        let mut seen = vec![false; n];
        let mut order = Vec::with_capacity(n);
        // An explicit stack keeps deep guides from overflowing the call stack.
        let mut stack = Vec::new();
        for root in roots.into_iter().filter(|v| v.0 < n) {
            stack.push(root);
            while let Some(v) = stack.pop() {
                if std::mem::replace(&mut seen[v.0], true) {
                    continue;
                }
                order.push(v);
                stack.extend(
                    self.out(v)
                        .iter()
                        .rev()
                        .filter(|(_, w)| !seen[w.0])
                        .map(|&(_, w)| w),
                );
            }
        }
        order
    }

    /// Per edge, whether it closes a cycle: it leads back to a node on the current path of a
    /// depth-first search that follows edges in edge order and begins at `start`, then at each
    /// node without incoming edges (self loops aside), then at every node left, each group in
    /// index order. Self loops are back edges. The edges that are not back form an acyclic
    /// graph, and every back edge's target reaches its source through them.
    pub fn back_edges(&self, start: Option<NodeIx>) -> Vec<bool> {
        let n = self.node_count();
        let sources = self
            .nodes()
            .filter(|&v| self.inc(v).iter().all(|&(_, u)| u == v));
        let roots = start
            .filter(|s| s.0 < n)
            .into_iter()
            .chain(sources)
            .chain(self.nodes());
        let mut back = vec![false; self.edge_count()];
        // 0 = unseen, 1 = on the path, 2 = done.
        let mut state = vec![0u8; n];
        let mut stack: Vec<(NodeIx, usize)> = Vec::new();
        for root in roots {
            if state[root.0] != 0 {
                continue;
            }
            state[root.0] = 1;
            stack.push((root, 0));
            while let Some(top) = stack.last_mut() {
                let (v, i) = *top;
                if let Some(&(e, w)) = self.out(v).get(i) {
                    top.1 += 1;
                    match state[w.0] {
                        0 => {
                            state[w.0] = 1;
                            stack.push((w, 0));
                        }
                        1 => back[e.0] = true,
                        _ => {}
                    }
                } else {
                    state[v.0] = 2;
                    stack.pop();
                }
            }
        }
        back
    }

    /// Kahn's topological order of the graph of the edges `keep` accepts, ties in index order.
    /// Nodes a remaining cycle holds back come last, in index order, so every node appears
    /// exactly once.
    pub fn topological(&self, keep: &dyn Fn(EdgeIx) -> bool) -> Vec<NodeIx> {
        let n = self.node_count();
        let mut indeg = vec![0usize; n];
        for (e, w) in &self.out {
            if keep(*e) {
                indeg[w.0] += 1;
            }
        }
        let mut order: Vec<NodeIx> = self.nodes().filter(|v| indeg[v.0] == 0).collect();
        let mut head = 0;
        while head < order.len() {
            let v = order[head];
            head += 1;
            for &(e, w) in self.out(v) {
                if keep(e) {
                    indeg[w.0] -= 1;
                    if indeg[w.0] == 0 {
                        order.push(w);
                    }
                }
            }
        }
        if order.len() < n {
            let mut placed = vec![false; n];
            order.iter().for_each(|v| placed[v.0] = true);
            order.extend(self.nodes().filter(|v| !placed[v.0]));
        }
        order
    }
}

/// Node `v`'s group of a packed list (see `packed`).
fn group<'a>(list: &'a [(EdgeIx, NodeIx)], at: &[usize], v: NodeIx) -> &'a [(EdgeIx, NodeIx)] {
    let next = v.0.checked_add(1).and_then(|w| at.get(w));
    match (at.get(v.0), next) {
        (Some(&from), Some(&to)) => &list[from..to],
        _ => &[],
    }
}

/// The adjacency of every node as one list, grouped by node and in edge order within each
/// group, with where each group starts (compressed sparse rows): each edge is listed under its
/// source with its target when `Forward`, under its target with its source when `Backward`.
fn packed(
    nodes: usize,
    ends: &[Option<(NodeIx, NodeIx)>],
    direction: Direction,
) -> (Vec<(EdgeIx, NodeIx)>, Vec<usize>) {
    let pick = |(u, v)| match direction {
        Direction::Forward => (u, v),
        Direction::Backward => (v, u),
    };
    let mut at = vec![0usize; nodes + 1];
    for &pair in ends.iter().flatten() {
        let (v, _) = pick(pair);
        at[v.0 + 1] += 1;
    }
    for v in 0..nodes {
        at[v + 1] += at[v];
    }
    let mut next = at.clone();
    let mut list = vec![(EdgeIx(0), NodeIx(0)); at[nodes]];
    for (e, pair) in ends.iter().enumerate() {
        if let Some(pair) = *pair {
            let (v, w) = pick(pair);
            list[next[v.0]] = (EdgeIx(e), w);
            next[v.0] += 1;
        }
    }
    (list, at)
}

/// Each guide edge's `(from, to)` node indices in file order, a missing node as an index out
/// of range. The first node with an id is the one its edges join.
pub(crate) fn guide_ends(guide: &Guide) -> Vec<(usize, usize)> {
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(guide.nodes.len());
    for (i, node) in guide.nodes.iter().enumerate() {
        index.entry(node.id.as_str()).or_insert(i);
    }
    let find = |id: &str| index.get(id).copied().unwrap_or(usize::MAX);
    guide
        .edges
        .iter()
        .map(|e| (find(&e.from), find(&e.to)))
        .collect()
}

/// A guide's reading order over its graph (see `Guide::reading_order`): depth first from each
/// `Start` node, then from every node left, in file order.
pub(crate) fn guide_reading(guide: &Guide, graph: &Digraph) -> Vec<usize> {
    let starts = graph.nodes().filter(|v| {
        guide
            .nodes
            .get(v.0)
            .is_some_and(|n| n.kind == NodeKind::Start)
    });
    let order = graph.preorder(starts.chain(graph.nodes()));
    order.into_iter().map(NodeIx::index).collect()
}

/// The guide's first `Start` node.
pub(crate) fn guide_start(guide: &Guide) -> Option<NodeIx> {
    guide
        .nodes
        .iter()
        .position(|n| n.kind == NodeKind::Start)
        .map(NodeIx)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ix(list: &[usize]) -> Vec<NodeIx> {
        list.iter().map(|&i| NodeIx(i)).collect()
    }

    fn marked(flags: &[bool]) -> Vec<usize> {
        (0..flags.len()).filter(|&i| flags[i]).collect()
    }

    #[test]
    fn adjacency_keeps_edge_order_and_skips_missing_ends() {
        let g = Digraph::new(3, &[(0, 1), (2, 1), (0, 9), (0, 2), (1, 1)]);
        assert_eq!((g.node_count(), g.edge_count()), (3, 5));
        let e = EdgeIx::new;
        let (a, b, c) = (NodeIx(0), NodeIx(1), NodeIx(2));
        assert_eq!(g.out(a), [(e(0), b), (e(3), c)]);
        assert_eq!(g.inc(b), [(e(0), a), (e(1), c), (e(4), b)]);
        assert_eq!(g.out(b), [(e(4), b)]);
        assert_eq!(g.ends(e(2)), None);
        assert_eq!(g.ends(e(7)), None);
        assert_eq!(g.ends(e(1)), Some((c, b)));
        assert_eq!((g.node(2), g.node(3)), (Some(c), None));
        assert_eq!((g.edge(4), g.edge(5)), (Some(e(4)), None));
        assert!(g.out(NodeIx(3)).is_empty() && g.inc(NodeIx(usize::MAX)).is_empty());
        let empty = Digraph::new(0, &[(0, 0)]);
        assert_eq!((empty.node_count(), empty.edge_count()), (0, 1));
        assert_eq!(Digraph::default().node_count(), 0);
    }

    #[test]
    fn reach_goes_either_way_along_the_edges_it_may_follow() {
        // 0 -> 1 -> 2 -> 3, and 4 -> 2.
        let g = Digraph::new(5, &[(0, 1), (1, 2), (2, 3), (4, 2)]);
        let all = |_| true;
        assert_eq!(
            marked(&g.reach(&ix(&[0]), Direction::Forward, &all)),
            [0, 1, 2, 3]
        );
        assert_eq!(
            marked(&g.reach(&ix(&[2]), Direction::Backward, &all)),
            [0, 1, 2, 4]
        );
        let not_second = |e: EdgeIx| e.index() != 1;
        assert_eq!(
            marked(&g.reach(&ix(&[0]), Direction::Forward, &not_second)),
            [0, 1]
        );
        assert_eq!(
            marked(&g.reach(&ix(&[9]), Direction::Forward, &all)),
            [] as [usize; 0]
        );
    }

    #[test]
    fn preorder_takes_each_branch_in_turn() {
        // A decision 1 with branches 2 -> 3 and 4, meeting at 5; 6 is apart.
        let g = Digraph::new(7, &[(0, 1), (1, 2), (1, 4), (2, 3), (3, 5), (4, 5), (5, 1)]);
        assert_eq!(g.preorder(ix(&[0])), ix(&[0, 1, 2, 3, 5, 4]));
        assert_eq!(
            g.preorder(ix(&[0]).into_iter().chain(g.nodes())),
            ix(&[0, 1, 2, 3, 5, 4, 6])
        );
    }

    #[test]
    fn back_edges_begin_at_the_start_then_at_the_sources() {
        // The daily loop 3 -> 1, a self loop at 4, and an unreachable loop 5 <-> 6 that its
        // source 7 enters at 6: the search from 7 closes it at 5 -> 6, not at 6 -> 5.
        let g = Digraph::new(
            8,
            &[
                (0, 1),
                (1, 2),
                (2, 3),
                (3, 1),
                (3, 4),
                (4, 4),
                (5, 6),
                (6, 5),
                (7, 6),
            ],
        );
        assert_eq!(marked(&g.back_edges(Some(NodeIx(0)))), [3, 5, 6]);
        // Without a start the sources come first: 0 and 7 here, so the same answer.
        assert_eq!(marked(&g.back_edges(None)), [3, 5, 6]);
        // A start inside the loop reads it from there.
        assert_eq!(marked(&g.back_edges(Some(NodeIx(2)))), [1, 5, 6]);
        // Every back edge's target reaches its source without back edges.
        let back = g.back_edges(None);
        for e in g.edges().filter(|e| back[e.index()]) {
            let (u, v) = g.ends(e).unwrap_or_else(|| panic!("edge {e:?}"));
            assert!(g.reach(&[v], Direction::Forward, &|f| !back[f.index()])[u.index()]);
        }
        // A cycle with no source at all begins at its first node.
        let ring = Digraph::new(3, &[(1, 2), (2, 0), (0, 1)]);
        assert_eq!(marked(&ring.back_edges(None)), [1]);
    }

    #[test]
    fn a_guide_edge_joins_the_first_node_with_its_id() {
        // The validator reports the duplicate; until it is fixed, the validator, the chart and
        // the layout all read the edges as joining the first node of that id.
        let mut guide = crate::guide::parse(include_str!("../../../public/guide/jimei.json"))
            .unwrap_or_else(|e| panic!("{e:?}"));
        let twin = guide.nodes[1].clone();
        guide.nodes.push(twin);
        let last = guide.nodes.len() - 1;
        let graph = Digraph::of_guide(&guide);
        assert!(graph.inc(NodeIx(last)).is_empty() && graph.out(NodeIx(last)).is_empty());
        assert!(!graph.inc(NodeIx(1)).is_empty() && !graph.out(NodeIx(1)).is_empty());
        let unreachable: Vec<String> = crate::guide::validate(&guide)
            .into_iter()
            .filter(|p| matches!(p.kind, crate::guide::ProblemKind::Unreachable { .. }))
            .map(|p| p.path)
            .collect();
        assert_eq!(unreachable, [format!("nodes[{last}]")]);
    }

    #[test]
    fn kahn_breaks_ties_by_index_and_keeps_every_node() {
        let g = Digraph::new(5, &[(3, 1), (0, 2), (2, 1), (4, 0)]);
        assert_eq!(g.topological(&|_| true), ix(&[3, 4, 0, 2, 1]));
        // The loop 2 <-> 1 holds both back until the edge closing it is left out.
        let ring = Digraph::new(4, &[(3, 0), (0, 2), (2, 1), (1, 2)]);
        assert_eq!(ring.topological(&|_| true), ix(&[3, 0, 1, 2]));
        assert_eq!(ring.topological(&|e| e.index() != 3), ix(&[3, 0, 2, 1]));
    }
}
