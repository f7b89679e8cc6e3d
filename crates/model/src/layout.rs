//! Layered layout of the flowchart: where every box goes and how every arrow runs.
//!
//! The input is a plain graph (node sizes and index pairs), so the layout can be tested and
//! benchmarked without a guide; `layout_guide` adapts a `Guide`. The algorithm is a Sugiyama
//! style layered layout in six phases: (1) cycle removal: a depth-first search from the start
//! node marks back edges (the guide's daily loop; `graph::Digraph::back_edges`, the same search
//! the chart's route logic uses), which are reversed for ranking and reported as `back`; (2) ranking by longest path, then a tightening pass that moves nodes down where
//! that shortens edges, and removal of empty ranks; (3) long edges split by virtual nodes, one
//! per rank crossed; (4) crossing reduction: barycenter sweeps down and up with adjacent
//! transpositions, keeping the best order found, crossings counted as inversions with a
//! Fenwick tree in O(E log V); (5) coordinates: x by repeated median placement, each rank
//! solved exactly as an isotonic regression (pooling adjacent violators) so that nodes keep
//! their order and stay at least `node_gap` apart, then one-to-one joins straightened; y by
//! rank, with `rank_gap` between ranks and each rank as tall as its tallest node; (6) routes:
//! polylines from the bottom centre of the source to the top centre of the target, vertical
//! through each rank's row and straight across the gaps between rows, so they never enter a
//! box; back edges go round the right side, just clear of the ranks they span, in nested lanes.
//! `column` is the narrow screen mode: one column in reading order, with edges that skip nodes
//! run along the margins. Everything is deterministic, and no input makes it panic.

use serde::{Deserialize, Serialize};

use crate::graph::{guide_ends, guide_start, Digraph, EdgeIx, NodeIx};
use crate::guide::{Guide, Node};

/// Width and height of a node's box, in the drawing's units (CSS pixels in the app).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Size {
    pub w: f64,
    pub h: f64,
}

impl Size {
    pub const fn new(w: f64, h: f64) -> Size {
        Size { w, h }
    }
}

/// A point of the drawing; y grows downwards.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// What to lay out: node `i` has size `sizes[i]`; an edge `(from, to)` joins two node indices.
/// Edges with an end out of range are ignored (their route is empty).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Graph {
    pub sizes: Vec<Size>,
    pub edges: Vec<(usize, usize)>,
    /// The node the reading starts from; by default the nodes without incoming edges.
    pub start: Option<usize>,
}

impl Graph {
    pub fn new(sizes: Vec<Size>, edges: Vec<(usize, usize)>) -> Graph {
        Graph {
            sizes,
            edges,
            start: None,
        }
    }
}

/// Spacing and mode. Negative or non-finite lengths count as zero.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Options {
    /// Least horizontal space between two boxes of a rank.
    pub node_gap: f64,
    /// Vertical space between two ranks.
    pub rank_gap: f64,
    /// Space between parallel edges: long edges side by side, back-edge lanes.
    pub edge_gap: f64,
    /// Space around the whole drawing.
    pub margin: f64,
    /// Most crossing-reduction sweeps (it stops earlier once eight sweeps bring nothing).
    pub sweeps: usize,
    /// Lay out as one column for narrow screens (see `column`).
    pub narrow: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            node_gap: 32.0,
            rank_gap: 48.0,
            edge_gap: 12.0,
            margin: 16.0,
            sweeps: 24,
            narrow: false,
        }
    }
}

impl Options {
    /// The default spacing in the narrow column mode.
    pub fn narrow() -> Options {
        Options {
            narrow: true,
            ..Options::default()
        }
    }

    fn sanitized(&self) -> Options {
        let len = |v: f64| {
            if v.is_finite() && v > 0.0 {
                v.min(1e6)
            } else {
                0.0
            }
        };
        Options {
            node_gap: len(self.node_gap),
            rank_gap: len(self.rank_gap),
            edge_gap: len(self.edge_gap),
            margin: len(self.margin),
            sweeps: self.sweeps.min(1000),
            narrow: self.narrow,
        }
    }
}

/// A node's box: `x`, `y` is its top-left corner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlacedNode {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    /// Its layer, 0 at the top; in the column mode its place in the column.
    pub rank: usize,
    /// Its place among the nodes of its rank, 0 at the left.
    pub order: usize,
}

impl PlacedNode {
    pub fn centre_x(&self) -> f64 {
        self.x + self.w / 2.0
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
}

/// An edge's route, from the bottom centre of its source to the top centre of its target.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RoutedEdge {
    /// The polyline; empty for an edge with an end out of range.
    pub points: Vec<Point>,
    /// The edge closes a cycle (such as the daily loop) and goes back up round the side.
    pub back: bool,
}

/// The finished drawing. `nodes` and `edges` are in the input's order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    pub nodes: Vec<PlacedNode>,
    pub edges: Vec<RoutedEdge>,
    pub width: f64,
    pub height: f64,
    /// Crossings between the downward edges of the layered drawing (always 0 in column mode,
    /// where edges skipping nodes run along the margins instead).
    pub crossings: usize,
}

/// Lays out `graph`: layered, or as one column when `options.narrow`.
pub fn layout(graph: &Graph, options: &Options) -> Layout {
    if options.narrow {
        column(graph, options)
    } else {
        layered(graph, options)
    }
}

/// Lays out a guide's flowchart: node `i` is `guide.nodes[i]`, edge `j` is `guide.edges[j]`,
/// and `sizes` gives each node's box.
pub fn layout_guide(guide: &Guide, sizes: impl Fn(&Node) -> Size, options: &Options) -> Layout {
    layout(&guide_graph(guide, sizes), options)
}

/// The guide's flowchart as a `Graph`, starting at its `Start` node. An edge naming a missing
/// node gets an out-of-range index, so it is left out of the layout.
pub fn guide_graph(guide: &Guide, sizes: impl Fn(&Node) -> Size) -> Graph {
    Graph {
        sizes: guide.nodes.iter().map(sizes).collect(),
        edges: guide_ends(guide),
        start: guide_start(guide).map(NodeIx::index),
    }
}

// ---------------------------------------------------------------------------------------------
// Phase 1: the cleaned input and its back edges.

struct Input {
    sizes: Vec<Size>,
    /// The edges; one with an end out of range joins nothing.
    graph: Digraph,
    start: Option<usize>,
    /// Per edge, whether it closes a cycle (see `Digraph::back_edges`).
    back: Vec<bool>,
}

impl Input {
    fn new(graph: &Graph) -> Input {
        let n = graph.sizes.len();
        let len = |v: f64| {
            if v.is_finite() && v > 0.0 {
                v.min(1e6)
            } else {
                0.0
            }
        };
        let sizes = graph
            .sizes
            .iter()
            .map(|s| Size::new(len(s.w), len(s.h)))
            .collect();
        let digraph = Digraph::new(n, &graph.edges);
        let start = graph.start.filter(|&s| s < n);
        let back = digraph.back_edges(start.map(NodeIx::new));
        Input {
            sizes,
            graph: digraph,
            start,
            back,
        }
    }

    fn n(&self) -> usize {
        self.sizes.len()
    }

    /// Edge `e`'s ends as plain indices, when both are in range.
    fn ends(&self, e: usize) -> Option<(usize, usize)> {
        let (u, v) = self.graph.ends(EdgeIx::new(e))?;
        Some((u.index(), v.index()))
    }

    /// The acyclic version, back edges reversed and self loops left out, in edge order.
    fn acyclic(&self) -> Digraph {
        let edges: Vec<(usize, usize)> = (0..self.graph.edge_count())
            .filter_map(|e| {
                let (u, v) = self.ends(e)?;
                (u != v).then_some(if self.back[e] { (v, u) } else { (u, v) })
            })
            .collect();
        Digraph::new(self.n(), &edges)
    }
}

// ---------------------------------------------------------------------------------------------
// Phase 2: ranks.

fn rank_nodes(input: &Input) -> Vec<usize> {
    let n = input.n();
    let dag = input.acyclic();
    let order = dag.topological(&|_| true);
    // Longest path from the top.
    let mut rank = vec![0usize; n];
    for &v in &order {
        for &(_, w) in dag.out(v) {
            rank[w.index()] = rank[w.index()].max(rank[v.index()] + 1);
        }
    }
    // Tightening: a node with more edges out than in gets shorter edges overall by moving
    // down to just above its highest successor (a second source, say, next to where it joins).
    for &v in order.iter().rev() {
        let succ = dag.out(v);
        if succ.len() > dag.inc(v).len() {
            if let Some(lowest) = succ.iter().map(|&(_, w)| rank[w.index()]).min() {
                let v = v.index();
                if lowest > rank[v] + 1 {
                    rank[v] = lowest - 1;
                }
            }
        }
    }
    // Ranks left without a real node only stretch the edges crossing them.
    let ranks = rank.iter().max().map_or(0, |&r| r + 1);
    let mut used = vec![false; ranks];
    rank.iter().for_each(|&r| used[r] = true);
    let mut new = vec![0usize; ranks];
    let mut next = 0;
    for r in 0..ranks {
        new[r] = next;
        next += usize::from(used[r]);
    }
    rank.iter().map(|&r| new[r]).collect()
}

// ---------------------------------------------------------------------------------------------
// Phases 3 and 4: the proper layered graph and its ordering.

/// How an edge is drawn.
#[derive(Clone, Copy)]
enum Way {
    /// Not at all: an end is out of range.
    None,
    /// Downwards through the virtual nodes `first..first + len`.
    Chain { first: usize, len: usize },
    /// Round the side of the drawing.
    Detour,
}

/// Which way a crossing-reduction sweep goes.
#[derive(Clone, Copy)]
enum Sweep {
    /// Down the ranks, each ordered by its upper neighbours.
    Down,
    /// Up the ranks, each ordered by its lower neighbours.
    Up,
}

/// How a sweep orders nodes whose neighbours sit at the same mean place.
#[derive(Clone, Copy)]
enum Ties {
    /// As they are now.
    Kept,
    /// In reverse, so that a tie does not always settle to the same side.
    Reversed,
}

/// The side of the drawing a detour runs along (left before right when sorted).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Side {
    Left,
    Right,
}

/// The graph with every edge between adjacent ranks: real nodes `0..n`, then virtual ones.
struct Proper {
    n: usize,
    rank: Vec<usize>,
    up: Vec<Vec<usize>>,
    down: Vec<Vec<usize>>,
    layers: Vec<Vec<usize>>,
    pos: Vec<usize>,
}

impl Proper {
    fn new(input: &Input, rank: &[usize]) -> (Proper, Vec<Way>) {
        let n = input.n();
        let mut all_rank = rank.to_vec();
        let mut up = vec![Vec::new(); n];
        let mut down = vec![Vec::new(); n];
        let mut ways = Vec::with_capacity(input.graph.edge_count());
        for e in 0..input.graph.edge_count() {
            let Some((u, w)) = input.ends(e) else {
                ways.push(Way::None);
                continue;
            };
            if input.back[e] || u == w || rank[w] <= rank[u] {
                ways.push(Way::Detour);
                continue;
            }
            let first = all_rank.len();
            let mut prev = u;
            for r in rank[u] + 1..rank[w] {
                let id = all_rank.len();
                all_rank.push(r);
                up.push(vec![prev]);
                down.push(Vec::new());
                down[prev].push(id);
                prev = id;
            }
            down[prev].push(w);
            up[w].push(prev);
            ways.push(Way::Chain {
                first,
                len: all_rank.len() - first,
            });
        }
        let ranks = rank.iter().max().map_or(0, |&r| r + 1);
        let total = all_rank.len();
        let proper = Proper {
            n,
            rank: all_rank,
            up,
            down,
            layers: vec![Vec::new(); ranks],
            pos: vec![0; total],
        };
        (proper, ways)
    }

    /// First order: a depth-first search down from the start, then from the other nodes by
    /// rank, so that each branch of a decision starts out together.
    fn init_order(&mut self, start: Option<usize>) {
        let mut order: Vec<usize> = (0..self.n).collect();
        order.sort_by_key(|&v| (self.rank[v], v));
        let mut seen = vec![false; self.rank.len()];
        let mut stack = Vec::new();
        for root in start.into_iter().chain(order) {
            stack.push(root);
            while let Some(v) = stack.pop() {
                if seen[v] {
                    continue;
                }
                seen[v] = true;
                self.layers[self.rank[v]].push(v);
                stack.extend(self.down[v].iter().rev().filter(|&&w| !seen[w]));
            }
        }
        self.update_pos();
    }

    fn update_pos(&mut self) {
        for layer in &self.layers {
            for (i, &v) in layer.iter().enumerate() {
                self.pos[v] = i;
            }
        }
    }

    /// All crossings between adjacent ranks.
    fn crossings(&self, seq: &mut Vec<usize>, tree: &mut Vec<usize>) -> usize {
        (1..self.layers.len())
            .map(|r| {
                count_between(
                    &self.layers[r - 1],
                    &self.down,
                    &self.pos,
                    self.layers[r].len(),
                    seq,
                    tree,
                )
            })
            .sum()
    }

    /// One barycenter sweep, down (each rank ordered by its upper neighbours) or up. Nodes
    /// with no neighbour on that side keep their place.
    fn sweep(
        &mut self,
        sweep: Sweep,
        ties: Ties,
        keyed: &mut Vec<(f64, usize, usize)>,
        fixed: &mut Vec<bool>,
    ) {
        let ranks = self.layers.len();
        for step in 1..ranks {
            let (r, side) = match sweep {
                Sweep::Down => (step, &self.up),
                Sweep::Up => (ranks - 1 - step, &self.down),
            };
            let layer = &mut self.layers[r];
            keyed.clear();
            fixed.clear();
            for (i, &v) in layer.iter().enumerate() {
                let nb = &side[v];
                fixed.push(nb.is_empty());
                if !nb.is_empty() {
                    let sum: usize = nb.iter().map(|&w| self.pos[w]).sum();
                    keyed.push((sum as f64 / nb.len() as f64, i, v));
                }
            }
            keyed.sort_by(|a, b| {
                let tie = match ties {
                    Ties::Kept => a.1.cmp(&b.1),
                    Ties::Reversed => b.1.cmp(&a.1),
                };
                a.0.total_cmp(&b.0).then(tie)
            });
            let mut next = keyed.iter();
            for (i, slot) in layer.iter_mut().enumerate() {
                if !fixed[i] {
                    if let Some(&(_, _, v)) = next.next() {
                        *slot = v;
                    }
                }
            }
            for (i, &v) in layer.iter().enumerate() {
                self.pos[v] = i;
            }
        }
    }

    /// Swaps neighbours in a rank while that removes crossings with the ranks on both sides.
    fn transpose(&mut self) {
        for _ in 0..8 {
            let mut improved = false;
            for r in 0..self.layers.len() {
                for i in 1..self.layers[r].len() {
                    let (u, v) = (self.layers[r][i - 1], self.layers[r][i]);
                    let (up, down, pos) = (&self.up, &self.down, &self.pos);
                    let now = pair_crossings(&up[u], &up[v], pos)
                        + pair_crossings(&down[u], &down[v], pos);
                    let swapped = pair_crossings(&up[v], &up[u], pos)
                        + pair_crossings(&down[v], &down[u], pos);
                    if swapped < now {
                        self.layers[r].swap(i - 1, i);
                        self.pos[u] = i;
                        self.pos[v] = i - 1;
                        improved = true;
                    }
                }
            }
            if !improved {
                break;
            }
        }
    }

    /// Orders every rank, returning the crossings of the best order found.
    fn order(&mut self, start: Option<usize>, sweeps: usize) -> usize {
        let (mut seq, mut tree, mut keyed, mut fixed) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        self.init_order(start);
        self.transpose();
        let mut best = self.crossings(&mut seq, &mut tree);
        let mut best_layers = self.layers.clone();
        let mut stale = 0;
        for i in 0..sweeps {
            if best == 0 || stale >= 8 {
                break;
            }
            // Down and up in turn, and every other pair of sweeps with ties reversed.
            let sweep = if i % 2 == 0 { Sweep::Down } else { Sweep::Up };
            let ties = if i % 4 < 2 {
                Ties::Kept
            } else {
                Ties::Reversed
            };
            self.sweep(sweep, ties, &mut keyed, &mut fixed);
            self.transpose();
            let count = self.crossings(&mut seq, &mut tree);
            if count < best {
                best = count;
                best_layers.clone_from(&self.layers);
                stale = 0;
            } else {
                stale += 1;
            }
        }
        self.layers = best_layers;
        self.update_pos();
        best
    }
}

/// Crossings between the edges from `upper` down to the next rank (of `lower_len` nodes):
/// the inversions of the lower ends taken in the order of the upper ends, counted with a
/// Fenwick tree (Barth, Jünger and Mutzel's accumulator tree).
fn count_between(
    upper: &[usize],
    down: &[Vec<usize>],
    pos: &[usize],
    lower_len: usize,
    seq: &mut Vec<usize>,
    tree: &mut Vec<usize>,
) -> usize {
    seq.clear();
    for &u in upper {
        let from = seq.len();
        seq.extend(down[u].iter().map(|&w| pos[w]));
        seq[from..].sort_unstable();
    }
    tree.clear();
    tree.resize(lower_len + 1, 0);
    let mut crossings = 0;
    for (seen, &p) in seq.iter().enumerate() {
        let (mut i, mut at_most) = (p + 1, 0);
        while i > 0 {
            at_most += tree[i];
            i &= i - 1;
        }
        crossings += seen - at_most;
        let mut i = p + 1;
        while i <= lower_len {
            tree[i] += 1;
            i += i & i.wrapping_neg();
        }
    }
    crossings
}

/// Crossings between the edges of two neighbours in a rank, the left one's going to `left`.
/// Pairs of very busy nodes are skipped (treated as not worth swapping) to bound the time.
fn pair_crossings(left: &[usize], right: &[usize], pos: &[usize]) -> usize {
    if left.len() * right.len() > 4096 {
        return 0;
    }
    left.iter()
        .map(|&a| right.iter().filter(|&&b| pos[a] > pos[b]).count())
        .sum()
}

// ---------------------------------------------------------------------------------------------
// Phase 5: coordinates.

/// Centre x of every node of the proper graph. Each pass sets one rank at a time to the
/// placement nearest (in least squares) to the medians of its neighbours' centres that keeps
/// the rank's order and spacing: with `o` the packed offsets this is an isotonic regression of
/// `target - o`, solved exactly by pooling adjacent violators. A last pass straightens the
/// one-to-one joins the passes left slightly askew.
fn place_x(proper: &Proper, widths: &[f64], opt: &Options) -> Vec<f64> {
    let n = proper.n;
    let width = |v: usize| if v < n { widths[v] } else { 0.0 };
    let sep = |a: usize, b: usize| {
        (width(a) + width(b)) / 2.0
            + if a < n || b < n {
                opt.node_gap
            } else {
                opt.edge_gap
            }
    };
    let mut x = vec![0.0; proper.rank.len()];
    let mut offset = Vec::new();
    for layer in &proper.layers {
        offsets(layer, &sep, &mut offset);
        let half = offset.last().copied().unwrap_or(0.0) / 2.0;
        for (i, &v) in layer.iter().enumerate() {
            x[v] = offset[i] - half;
        }
    }
    let ranks = proper.layers.len();
    let (mut target, mut weight, mut near, mut blocks) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    // Passes alternately down and up the ranks, each node pulled by the neighbours on both
    // sides; one-sided passes would be faster to settle but make the drawing drift sideways.
    for pass in 0..16 {
        let mut moved = 0.0f64;
        for step in 0..ranks {
            let r = if pass % 2 == 0 {
                step
            } else {
                ranks - 1 - step
            };
            let layer = &proper.layers[r];
            target.clear();
            weight.clear();
            for &v in layer {
                near.clear();
                near.extend(proper.up[v].iter().chain(&proper.down[v]).map(|&w| x[w]));
                if near.is_empty() {
                    target.push(x[v]);
                    weight.push(0.01);
                } else {
                    near.sort_by(f64::total_cmp);
                    let m = near.len();
                    target.push(if m % 2 == 1 {
                        near[m / 2]
                    } else {
                        (near[m / 2 - 1] + near[m / 2]) / 2.0
                    });
                    weight.push(1.0);
                }
            }
            offsets(layer, &sep, &mut offset);
            isotonic(&target, &weight, &offset, &mut blocks);
            let mut i = 0;
            for &(sum_w, sum_wt, end) in blocks.iter() {
                let y = sum_wt / sum_w;
                while i < end {
                    let new = y + offset[i];
                    moved = moved.max((new - x[layer[i]]).abs());
                    x[layer[i]] = new;
                    i += 1;
                }
            }
        }
        // Settled to within a hundredth of a pixel: more passes would change nothing visible.
        if moved < 0.01 {
            break;
        }
    }
    // Straightening: where a node and the one above are joined one to one, put it exactly
    // below when its rank has room there, so chains and long edges come out straight.
    for layer in &proper.layers {
        for (i, &v) in layer.iter().enumerate() {
            let [u] = proper.up[v][..] else { continue };
            if proper.down[u].len() != 1 || x[v] == x[u] {
                continue;
            }
            let lo = if i > 0 {
                x[layer[i - 1]] + sep(layer[i - 1], v)
            } else {
                f64::NEG_INFINITY
            };
            let hi = if i + 1 < layer.len() {
                x[layer[i + 1]] - sep(v, layer[i + 1])
            } else {
                f64::INFINITY
            };
            if lo <= x[u] && x[u] <= hi {
                x[v] = x[u];
            }
        }
    }
    x
}

/// Packed centre offsets of a rank: `offset[0] = 0`, then each at its least distance.
fn offsets(layer: &[usize], sep: &impl Fn(usize, usize) -> f64, offset: &mut Vec<f64>) {
    offset.clear();
    let mut at = 0.0;
    for (i, &v) in layer.iter().enumerate() {
        if i > 0 {
            at += sep(layer[i - 1], v);
        }
        offset.push(at);
    }
}

/// Weighted isotonic regression of `target[i] - offset[i]` by pooling adjacent violators.
/// Leaves the blocks as `(sum of weights, sum of weighted values, end index)`.
fn isotonic(target: &[f64], weight: &[f64], offset: &[f64], blocks: &mut Vec<(f64, f64, usize)>) {
    blocks.clear();
    for i in 0..target.len() {
        let w = weight[i];
        blocks.push((w, w * (target[i] - offset[i]), i + 1));
        while blocks.len() >= 2 {
            let (w2, s2, end) = blocks[blocks.len() - 1];
            let (w1, s1, _) = blocks[blocks.len() - 2];
            if s1 / w1 > s2 / w2 {
                blocks.pop();
                if let Some(last) = blocks.last_mut() {
                    *last = (w1 + w2, s1 + s2, end);
                }
            } else {
                break;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Phase 6: routes, shared by both modes.

/// Real nodes placed in rows: rank `r` spans `top[r]..top[r] + height[r]`, each node centred
/// vertically in its row.
struct Rows<'a> {
    sizes: &'a [Size],
    rank: Vec<usize>,
    cx: Vec<f64>,
    top: Vec<f64>,
    height: Vec<f64>,
    rank_gap: f64,
}

impl Rows<'_> {
    fn new<'a>(sizes: &'a [Size], rank: Vec<usize>, cx: Vec<f64>, rank_gap: f64) -> Rows<'a> {
        let ranks = rank.iter().max().map_or(0, |&r| r + 1);
        let mut height = vec![0.0f64; ranks];
        for (v, &r) in rank.iter().enumerate() {
            height[r] = height[r].max(sizes[v].h);
        }
        let mut top = Vec::with_capacity(ranks);
        let mut at = 0.0;
        for h in &height {
            top.push(at);
            at += h + rank_gap;
        }
        Rows {
            sizes,
            rank,
            cx,
            top,
            height,
            rank_gap,
        }
    }

    fn node_top(&self, v: usize) -> f64 {
        let r = self.rank[v];
        self.top[r] + (self.height[r] - self.sizes[v].h) / 2.0
    }

    fn node_bottom(&self, v: usize) -> f64 {
        self.node_top(v) + self.sizes[v].h
    }

    fn row_bottom(&self, r: usize) -> f64 {
        self.top[r] + self.height[r]
    }

    /// The free band above rank `g` (below the last rank when `g` is the number of ranks).
    fn gap(&self, g: usize) -> (f64, f64) {
        let ranks = self.top.len();
        let above = if g == 0 {
            self.top[0] - self.rank_gap
        } else {
            self.row_bottom(g - 1)
        };
        let below = if g >= ranks {
            self.row_bottom(ranks - 1) + self.rank_gap
        } else {
            self.top[g]
        };
        (above, below)
    }

    fn placed(&self, order: &[usize]) -> Vec<PlacedNode> {
        (0..self.sizes.len())
            .map(|v| PlacedNode {
                x: self.cx[v] - self.sizes[v].w / 2.0,
                y: self.node_top(v),
                w: self.sizes[v].w,
                h: self.sizes[v].h,
                rank: self.rank[v],
                order: order[v],
            })
            .collect()
    }

    /// Down from `u` through the `virtuals` (centre x and rank) to `w`: vertical inside each
    /// rank row, straight across each gap.
    fn chain(
        &self,
        u: usize,
        w: usize,
        virtuals: impl Iterator<Item = (f64, usize)>,
    ) -> Vec<Point> {
        let p = |x, y| Point { x, y };
        let mut points = vec![
            p(self.cx[u], self.node_bottom(u)),
            p(self.cx[u], self.row_bottom(self.rank[u])),
        ];
        for (x, r) in virtuals {
            points.push(p(x, self.top[r]));
            points.push(p(x, self.row_bottom(r)));
        }
        points.push(p(self.cx[w], self.top[self.rank[w]]));
        points.push(p(self.cx[w], self.node_top(w)));
        simplify(points)
    }

    /// Routes edges `(edge, from, to, side)` round the side: down from the source into
    /// the gap below its rank, out to a lane beyond the nodes of the ranks it passes (`extent`
    /// gives each rank's left and right), along it to the gap above the target's rank and in
    /// to the target. Shorter detours get the inner lanes, and the horizontal runs in one gap
    /// are spread so that nested detours do not cross each other.
    fn detours(
        &self,
        detours: &[(usize, usize, usize, Side)],
        extent: &[(f64, f64)],
        opt: &Options,
        routes: &mut [RoutedEdge],
    ) {
        // (gap of departure, gap of arrival) per detour.
        let gaps: Vec<(usize, usize)> = detours
            .iter()
            .map(|&(_, u, w, _)| (self.rank[u] + 1, self.rank[w]))
            .collect();
        // Lanes, inner (shorter) detours first: each just clear of the nodes of the ranks it
        // passes and of the detours already placed whose spans overlap its own.
        let clear = (opt.node_gap / 2.0).max(opt.edge_gap);
        let mut lane = vec![0.0f64; detours.len()];
        let mut nest = vec![0usize; detours.len()];
        for side in [Side::Right, Side::Left] {
            let right = side == Side::Right;
            let mut mine: Vec<usize> = (0..detours.len())
                .filter(|&i| detours[i].3 == side)
                .collect();
            mine.sort_by_key(|&i| (gaps[i].0.abs_diff(gaps[i].1), i));
            for (k, &i) in mine.iter().enumerate() {
                let (lo, hi) = (gaps[i].0.min(gaps[i].1), gaps[i].0.max(gaps[i].1));
                let ranks = &extent[lo.min(extent.len())..hi.min(extent.len())];
                let mut x = if right {
                    ranks
                        .iter()
                        .map(|e| e.1 + clear)
                        .fold(f64::NEG_INFINITY, f64::max)
                } else {
                    ranks
                        .iter()
                        .map(|e| e.0 - clear)
                        .fold(f64::INFINITY, f64::min)
                };
                for &j in &mine[..k] {
                    let (jlo, jhi) = (gaps[j].0.min(gaps[j].1), gaps[j].0.max(gaps[j].1));
                    if jlo <= hi && lo <= jhi {
                        x = if right {
                            x.max(lane[j] + opt.edge_gap)
                        } else {
                            x.min(lane[j] - opt.edge_gap)
                        };
                    }
                }
                lane[i] = if x.is_finite() { x } else { 0.0 };
                nest[i] = k;
            }
        }
        // Horizontal runs, sorted within each (gap, side) from top to bottom.
        let mut runs: Vec<(usize, Side, u8, i64, usize, bool)> = Vec::new();
        for (i, &(_, _, _, side)) in detours.iter().enumerate() {
            let (dep, arr) = gaps[i];
            let upward = arr < dep;
            let k = nest[i] as i64;
            let (dep_key, arr_key) = if upward {
                ((0, k), (1, -k))
            } else {
                ((1, -k), (0, k))
            };
            runs.push((dep, side, dep_key.0, dep_key.1, i, true));
            runs.push((arr, side, arr_key.0, arr_key.1, i, false));
        }
        runs.sort();
        let mut y = vec![(0.0, 0.0); detours.len()];
        let mut from = 0;
        while from < runs.len() {
            let (gap, side) = (runs[from].0, runs[from].1);
            let to = from
                + runs[from..]
                    .iter()
                    .take_while(|r| r.0 == gap && r.1 == side)
                    .count();
            let (above, below) = self.gap(gap);
            let m = (to - from) as f64;
            for (j, run) in runs[from..to].iter().enumerate() {
                let at = above + (below - above) * (j as f64 + 1.0) / (m + 1.0);
                if run.5 {
                    y[run.4].0 = at;
                } else {
                    y[run.4].1 = at;
                }
            }
            from = to;
        }
        for (i, &(e, u, w, _)) in detours.iter().enumerate() {
            let x = lane[i];
            let (dep, arr) = y[i];
            let p = |x, y| Point { x, y };
            routes[e].points = simplify(vec![
                p(self.cx[u], self.node_bottom(u)),
                p(self.cx[u], dep),
                p(x, dep),
                p(x, arr),
                p(self.cx[w], arr),
                p(self.cx[w], self.node_top(w)),
            ]);
        }
    }
}

/// Drops repeated points and points in the middle of a straight run; keeps both ends.
fn simplify(points: Vec<Point>) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(points.len());
    for q in points {
        if out.last() == Some(&q) {
            continue;
        }
        if out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            let cross = (b.x - a.x) * (q.y - b.y) - (b.y - a.y) * (q.x - b.x);
            let dot = (b.x - a.x) * (q.x - b.x) + (b.y - a.y) * (q.y - b.y);
            let scale =
                (b.x - a.x).abs() + (b.y - a.y).abs() + (q.x - b.x).abs() + (q.y - b.y).abs();
            if cross.abs() <= 1e-9 * scale * scale && dot > 0.0 {
                out.pop();
            }
        }
        out.push(q);
    }
    if out.len() == 1 {
        out.push(out[0]);
    }
    out
}

/// Moves the drawing so that its top-left is at `margin`, and measures it.
fn finish(
    mut nodes: Vec<PlacedNode>,
    mut edges: Vec<RoutedEdge>,
    crossings: usize,
    margin: f64,
) -> Layout {
    let (mut x0, mut y0, mut x1, mut y1) = (
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    );
    for node in &nodes {
        x0 = x0.min(node.x);
        y0 = y0.min(node.y);
        x1 = x1.max(node.x + node.w);
        y1 = y1.max(node.y + node.h);
    }
    for p in edges.iter().flat_map(|e| &e.points) {
        x0 = x0.min(p.x);
        y0 = y0.min(p.y);
        x1 = x1.max(p.x);
        y1 = y1.max(p.y);
    }
    if !(x0 <= x1 && y0 <= y1) {
        return Layout {
            nodes,
            edges,
            width: 0.0,
            height: 0.0,
            crossings,
        };
    }
    let (dx, dy) = (margin - x0, margin - y0);
    for node in &mut nodes {
        node.x += dx;
        node.y += dy;
    }
    for p in edges.iter_mut().flat_map(|e| &mut e.points) {
        p.x += dx;
        p.y += dy;
    }
    Layout {
        nodes,
        edges,
        width: x1 - x0 + 2.0 * margin,
        height: y1 - y0 + 2.0 * margin,
        crossings,
    }
}

fn empty_routes(input: &Input) -> Vec<RoutedEdge> {
    input
        .back
        .iter()
        .map(|&back| RoutedEdge {
            points: Vec::new(),
            back,
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The two modes.

/// The layered drawing (see the module documentation for its phases).
pub fn layered(graph: &Graph, options: &Options) -> Layout {
    let opt = options.sanitized();
    let input = Input::new(graph);
    let n = input.n();
    let mut routes = empty_routes(&input);
    if n == 0 {
        return finish(Vec::new(), routes, 0, opt.margin);
    }
    let rank = rank_nodes(&input);
    let (mut proper, ways) = Proper::new(&input, &rank);
    let crossings = proper.order(input.start, opt.sweeps);
    let widths: Vec<f64> = input.sizes.iter().map(|s| s.w).collect();
    let x = place_x(&proper, &widths, &opt);

    let rows = Rows::new(&input.sizes, rank, x[..n].to_vec(), opt.rank_gap);
    let mut order = vec![0usize; n];
    for layer in &proper.layers {
        for (i, &v) in layer.iter().filter(|&&v| v < n).enumerate() {
            order[v] = i;
        }
    }
    let mut detours = Vec::new();
    for (e, way) in ways.iter().enumerate() {
        let Some((u, w)) = input.ends(e) else {
            continue;
        };
        match *way {
            Way::None => {}
            Way::Chain { first, len } => {
                let virtuals = (first..first + len).map(|v| (x[v], proper.rank[v]));
                routes[e].points = rows.chain(u, w, virtuals);
            }
            Way::Detour => detours.push((e, u, w, Side::Right)),
        }
    }
    // Horizontal extent of each rank, virtual nodes included.
    let mut extent = vec![(f64::INFINITY, f64::NEG_INFINITY); proper.layers.len()];
    for (v, &r) in proper.rank.iter().enumerate() {
        let half = if v < n { input.sizes[v].w / 2.0 } else { 0.0 };
        extent[r] = (extent[r].0.min(x[v] - half), extent[r].1.max(x[v] + half));
    }
    rows.detours(&detours, &extent, &opt, &mut routes);
    finish(rows.placed(&order), routes, crossings, opt.margin)
}

/// The narrow screen drawing: every node in one column, all at the same x, in reading order
/// (a topological order of the acyclic version that takes each branch of a decision in turn
/// right after it). An edge to the next node goes straight down; one skipping nodes runs down
/// the right margin; one going back up (a back edge) runs up the left margin.
pub fn column(graph: &Graph, options: &Options) -> Layout {
    let opt = options.sanitized();
    let input = Input::new(graph);
    let n = input.n();
    let mut routes = empty_routes(&input);
    if n == 0 {
        return finish(Vec::new(), routes, 0, opt.margin);
    }
    // Kahn's algorithm with a stack: the node freed last is read next, so a branch is read to
    // its end before the next branch starts. Back edges do not count (self loops are some).
    let forward = |&&(e, _): &&(EdgeIx, NodeIx)| !input.back[e.index()];
    let mut indeg = vec![0usize; n];
    for v in input.graph.nodes() {
        for &(_, w) in input.graph.out(v).iter().filter(forward) {
            indeg[w.index()] += 1;
        }
    }
    let mut stack: Vec<usize> = (0..n)
        .rev()
        .filter(|&v| indeg[v] == 0 && Some(v) != input.start)
        .collect();
    stack.extend(input.start.filter(|&s| indeg[s] == 0));
    let mut reading = Vec::with_capacity(n);
    let mut placed = vec![false; n];
    while let Some(v) = stack.pop() {
        if placed[v] {
            continue;
        }
        placed[v] = true;
        reading.push(v);
        for &(_, w) in input.graph.out(NodeIx::new(v)).iter().rev().filter(forward) {
            let w = w.index();
            indeg[w] -= 1;
            if indeg[w] == 0 {
                stack.push(w);
            }
        }
    }
    reading.extend((0..n).filter(|&v| !placed[v]));
    let mut rank = vec![0usize; n];
    for (i, &v) in reading.iter().enumerate() {
        rank[v] = i;
    }

    let cx: Vec<f64> = input.sizes.iter().map(|s| s.w / 2.0).collect();
    let rows = Rows::new(&input.sizes, rank, cx, opt.rank_gap);
    let mut extent = vec![(0.0, 0.0); n];
    for (v, &r) in rows.rank.iter().enumerate() {
        extent[r].1 = input.sizes[v].w;
    }
    let mut detours = Vec::new();
    for (e, route) in routes.iter_mut().enumerate() {
        let Some((u, w)) = input.ends(e) else {
            continue;
        };
        let (ru, rw) = (rows.rank[u], rows.rank[w]);
        if rw == ru + 1 {
            route.points = rows.chain(u, w, std::iter::empty());
        } else {
            let side = if rw > ru { Side::Right } else { Side::Left };
            detours.push((e, u, w, side));
        }
    }
    rows.detours(&detours, &extent, &opt, &mut routes);
    finish(rows.placed(&vec![0; n]), routes, 0, opt.margin)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::{Confidence, Edge, NodeKind, Text};
    use crate::testing::Rng;

    /// A data-driven case: node count, edges, and what is expected.
    type Case<T> = (usize, &'static [(usize, usize)], T);

    fn boxes(n: usize) -> Vec<Size> {
        vec![Size::new(100.0, 40.0); n]
    }

    fn graph(n: usize, edges: &[(usize, usize)]) -> Graph {
        Graph::new(boxes(n), edges.to_vec())
    }

    /// A random DAG of flowchart-like locality, with varied box sizes and `back` extra edges
    /// pointing up (which make cycles).
    fn random(n: usize, seed: u64, back: usize) -> Graph {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let sizes = (0..n)
            .map(|_| Size::new(40.0 + rng.below(160) as f64, 20.0 + rng.below(60) as f64))
            .collect();
        let mut edges = Vec::new();
        for v in 1..n {
            for _ in 0..1 + rng.below(2) {
                let reach = if rng.below(10) == 0 { v } else { v.min(6) };
                edges.push((v - 1 - rng.below(reach), v));
            }
        }
        for _ in 0..back {
            let (a, b) = (rng.below(n), rng.below(n));
            edges.push((a.max(b), a.min(b)));
        }
        Graph {
            sizes,
            edges,
            start: Some(0),
        }
    }

    /// Does the segment `a`–`b` enter the inside of the box (touching its border is fine)?
    fn enters(a: Point, b: Point, node: &PlacedNode) -> bool {
        let eps = 1e-6;
        let (x0, y0, x1, y1) = (
            node.x + eps,
            node.y + eps,
            node.x + node.w - eps,
            node.y + node.h - eps,
        );
        if x0 >= x1 || y0 >= y1 {
            return false;
        }
        // Liang–Barsky clipping.
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        for (p, q) in [
            (-dx, a.x - x0),
            (dx, x1 - a.x),
            (-dy, a.y - y0),
            (dy, y1 - a.y),
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
        t0 <= t1
    }

    /// Lays `graph` out and checks what must hold of any layout: one box per node inside the
    /// drawing, no two boxes overlapping, every drawn edge from the bottom centre of its source
    /// to the top centre of its target, downward edges going down, no route through a box,
    /// back edges marked, and the same result twice. Returns the layout for further checks.
    fn check(graph: &Graph, options: &Options) -> Layout {
        let l = layout(graph, options);
        assert_eq!(l, layout(graph, options), "not deterministic");
        let n = graph.sizes.len();
        assert_eq!(l.nodes.len(), n);
        assert_eq!(l.edges.len(), graph.edges.len());
        assert!(l.width.is_finite() && l.height.is_finite());
        for (i, a) in l.nodes.iter().enumerate() {
            assert!(a.x >= 0.0 && a.y >= 0.0, "node {i} off the drawing");
            assert!(
                a.x + a.w <= l.width + 1e-6 && a.y + a.h <= l.height + 1e-6,
                "node {i} off the drawing"
            );
            for (j, b) in l.nodes.iter().enumerate().skip(i + 1) {
                let apart = a.x + a.w <= b.x + 1e-6
                    || b.x + b.w <= a.x + 1e-6
                    || a.y + a.h <= b.y + 1e-6
                    || b.y + b.h <= a.y + 1e-6;
                assert!(apart, "nodes {i} and {j} overlap: {a:?} {b:?}");
            }
        }
        let input = Input::new(graph);
        for (e, (route, &(u, v))) in l.edges.iter().zip(&graph.edges).enumerate() {
            if u >= n || v >= n {
                assert!(route.points.is_empty(), "edge {e} out of range but drawn");
                continue;
            }
            assert_eq!(route.back, input.back[e]);
            let pts = &route.points;
            assert!(pts.len() >= 2, "edge {e} has no route");
            let (from, to) = (&l.nodes[u], &l.nodes[v]);
            let near = |p: Point, x: f64, y: f64| (p.x - x).abs() < 1e-6 && (p.y - y).abs() < 1e-6;
            assert!(
                near(pts[0], from.centre_x(), from.bottom()),
                "edge {e} does not leave the bottom centre"
            );
            assert!(
                near(pts[pts.len() - 1], to.centre_x(), to.y),
                "edge {e} does not reach the top centre"
            );
            if route.back {
                // Round the side: beyond every node of the ranks it spans (on the border
                // at most, when every gap is zero).
                let (lo, hi) = (to.rank.min(from.rank), to.rank.max(from.rank));
                let mut spanned = l.nodes.iter().filter(|n| (lo..=hi).contains(&n.rank));
                let xs = pts.iter().map(|p| p.x);
                let round = if options.narrow {
                    let left = xs.fold(f64::INFINITY, f64::min);
                    spanned.all(|n| left <= n.x + 1e-6)
                } else {
                    let right = xs.fold(f64::NEG_INFINITY, f64::max);
                    spanned.all(|n| right >= n.x + n.w - 1e-6)
                };
                assert!(round, "back edge {e} not round the side");
            } else {
                assert!(to.rank > from.rank, "edge {e} does not go down a rank");
                assert!(
                    pts.windows(2).all(|s| s[1].y >= s[0].y - 1e-9),
                    "edge {e} goes up"
                );
            }
            for s in pts.windows(2) {
                assert!(s.iter().all(|p| p.x.is_finite() && p.y.is_finite()));
                for (k, node) in l.nodes.iter().enumerate() {
                    assert!(
                        !enters(s[0], s[1], node),
                        "edge {e} ({u}->{v}) passes through node {k}"
                    );
                }
            }
        }
        l
    }

    fn layered_and_narrow(graph: &Graph) -> Layout {
        let narrow = check(graph, &Options::narrow());
        let x = narrow.nodes.first().map(|n| n.x);
        assert!(
            narrow.nodes.iter().all(|n| Some(n.x) == x),
            "column not at one x"
        );
        let widest = graph.sizes.iter().map(|s| s.w.max(0.0)).fold(0.0, f64::max);
        assert!(narrow.width >= widest);
        check(graph, &Options::default())
    }

    #[test]
    fn crossings_of_small_graphs() {
        // (nodes, edges, crossings in the best two-rank or layered drawing)
        let cases: &[Case<usize>] = &[
            (2, &[(0, 1)], 0),
            // Given crossed, drawn uncrossed.
            (4, &[(0, 3), (1, 2)], 0),
            (6, &[(0, 5), (1, 4), (2, 3)], 0),
            // K2,2 has one crossing in any two-rank drawing.
            (4, &[(0, 2), (0, 3), (1, 2), (1, 3)], 1),
            // K2,3 has three, K3,3 nine.
            (5, &[(0, 2), (0, 3), (0, 4), (1, 2), (1, 3), (1, 4)], 3),
            (
                6,
                &[
                    (0, 3),
                    (0, 4),
                    (0, 5),
                    (1, 3),
                    (1, 4),
                    (1, 5),
                    (2, 3),
                    (2, 4),
                    (2, 5),
                ],
                9,
            ),
            // A K2,2 inside a larger chart still costs exactly one.
            (
                7,
                &[
                    (0, 1),
                    (0, 2),
                    (1, 3),
                    (1, 4),
                    (2, 3),
                    (2, 4),
                    (3, 5),
                    (4, 6),
                ],
                1,
            ),
            (6, &[(0, 1), (0, 2), (1, 4), (2, 3), (3, 5), (4, 5)], 0),
            // The first order (depth first from 0) crosses 0-3 with 1-2; the sweeps uncross it.
            (4, &[(0, 2), (0, 3), (1, 2)], 0),
        ];
        for (i, &(n, edges, want)) in cases.iter().enumerate() {
            let l = layered_and_narrow(&graph(n, edges));
            assert_eq!(l.crossings, want, "case {i}");
        }
    }

    #[test]
    fn chain_is_a_straight_column() {
        let sizes = vec![
            Size::new(120.0, 40.0),
            Size::new(60.0, 80.0),
            Size::new(200.0, 30.0),
            Size::new(90.0, 50.0),
        ];
        let l = check(
            &Graph::new(sizes, vec![(0, 1), (1, 2), (2, 3)]),
            &Options::default(),
        );
        for (i, node) in l.nodes.iter().enumerate() {
            assert_eq!(node.rank, i);
            assert!((node.centre_x() - l.nodes[0].centre_x()).abs() < 1e-6);
        }
        assert!(l
            .edges
            .iter()
            .all(|e| e.points.len() == 2 && e.points[0].x == e.points[1].x));
        assert_eq!(l.crossings, 0);
    }

    #[test]
    fn diamond_puts_branches_side_by_side() {
        let l = check(
            &graph(4, &[(0, 1), (0, 2), (1, 3), (2, 3)]),
            &Options::default(),
        );
        let [a, b, c, d] = &l.nodes[..] else { panic!() };
        assert_eq!((a.rank, b.rank, c.rank, d.rank), (0, 1, 1, 2));
        assert_eq!(b.y, c.y);
        assert!(
            b.x + b.w + 32.0 <= c.x + 1e-6,
            "first branch on the left, a gap between"
        );
        assert!(
            (a.centre_x() - d.centre_x()).abs() < 1e-6,
            "the spine stays straight"
        );
        assert!(
            (a.centre_x() - (b.centre_x() + c.centre_x()) / 2.0).abs() < 1e-6,
            "branches centred"
        );
        // Three branches: the middle one straight below.
        let l = check(
            &graph(5, &[(0, 1), (0, 2), (0, 3), (1, 4), (2, 4), (3, 4)]),
            &Options::default(),
        );
        assert!((l.nodes[0].centre_x() - l.nodes[2].centre_x()).abs() < 1e-6);
        assert!((l.nodes[0].centre_x() - l.nodes[4].centre_x()).abs() < 1e-6);
        // Unequal branches: the long edge of the short branch stays vertical.
        let l = check(
            &graph(6, &[(0, 1), (0, 2), (2, 3), (3, 4), (1, 5), (4, 5)]),
            &Options::default(),
        );
        assert_eq!(l.nodes[5].rank, 4);
        assert_eq!(l.crossings, 0);
    }

    #[test]
    fn back_edges_are_marked_and_go_round() {
        // (nodes, edges, which are back)
        let cases: &[Case<&[bool]>] = &[
            (3, &[(0, 1), (1, 2), (2, 0)], &[false, false, true]),
            (1, &[(0, 0)], &[true]),
            (2, &[(0, 1), (1, 0), (1, 0)], &[false, true, true]),
            // The daily loop: the last step goes back to the morning check.
            (
                5,
                &[(0, 1), (1, 2), (2, 3), (3, 1), (3, 4)],
                &[false, false, false, true, false],
            ),
            (
                4,
                &[(0, 1), (1, 2), (2, 1), (2, 3), (3, 3)],
                &[false, false, true, false, true],
            ),
        ];
        for (i, &(n, edges, back)) in cases.iter().enumerate() {
            let l = layered_and_narrow(&graph(n, edges));
            let got: Vec<bool> = l.edges.iter().map(|e| e.back).collect();
            assert_eq!(got, back, "case {i}");
        }
        // A wide fork above the loop does not push the loop's lane out: it passes just right of
        // the ranks it spans.
        let mut edges: Vec<(usize, usize)> = (1..7).flat_map(|v| [(0, v), (v, 7)]).collect();
        edges.extend([(7, 8), (8, 9), (9, 8)]);
        let l = check(&graph(10, &edges), &Options::default());
        let fork_right = l.nodes[1..7].iter().map(|n| n.x + n.w).fold(0.0, f64::max);
        let lane = l
            .edges
            .last()
            .unwrap()
            .points
            .iter()
            .map(|p| p.x)
            .fold(0.0, f64::max);
        assert!(lane > l.nodes[9].x + l.nodes[9].w && lane < fork_right);
    }

    #[test]
    fn random_graphs_keep_every_rule() {
        for (n, seed, back) in [
            (50, 1, 0),
            (50, 2, 3),
            (50, 3, 10),
            (200, 4, 0),
            (200, 5, 5),
            (200, 6, 40),
        ] {
            let g = random(n, seed, back);
            let l = layered_and_narrow(&g);
            let drawn = l.edges.iter().filter(|e| e.back).count();
            assert!(back == 0 || drawn > 0);
        }
    }

    #[test]
    fn sweeps_reduce_crossings_of_random_dags() {
        // A quality guard: the sweeps never make things worse than the first order, and keep
        // these sparse DAGs (a tenth of their edges long) below one crossing per edge.
        for seed in 0..4 {
            let g = random(200, seed, 0);
            let first = layout(
                &g,
                &Options {
                    sweeps: 0,
                    ..Options::default()
                },
            )
            .crossings;
            let swept = check(&g, &Options::default()).crossings;
            assert!(swept <= first, "seed {seed}: {swept} > {first}");
            assert!(swept < g.edges.len(), "seed {seed}: {swept} crossings");
        }
    }

    #[test]
    fn column_reads_branches_in_turn() {
        // decision 1 with branches 2 (two steps) and 4, joining at 5.
        let g = graph(6, &[(0, 1), (1, 2), (1, 4), (2, 3), (3, 5), (4, 5)]);
        let l = check(&g, &Options::narrow());
        let ranks: Vec<usize> = l.nodes.iter().map(|n| n.rank).collect();
        assert_eq!(ranks, [0, 1, 2, 3, 4, 5]);
        // The two skipping edges (1->4, 3->5) meet in the gap above node 4, so they take two
        // lanes: margin, box, clearance, second lane, margin.
        assert_eq!(l.width, 16.0 + 100.0 + 16.0 + 12.0 + 16.0);
        let skip = &l.edges[2].points;
        assert!(
            skip.iter().any(|p| p.x > l.nodes[1].x + 100.0),
            "skipping edge not on the right"
        );
    }

    #[test]
    fn pathological_inputs_do_not_panic() {
        let nan = Size::new(f64::NAN, f64::INFINITY);
        let cases: Vec<Graph> = vec![
            Graph::default(),
            Graph {
                sizes: vec![],
                edges: vec![(0, 1), (3, 3)],
                start: Some(4),
            },
            graph(1, &[]),
            graph(1, &[(0, 0), (0, 0)]),
            graph(3, &[(0, 1), (0, 1), (0, 1), (1, 2), (1, 2)]),
            graph(4, &[(0, 9), (9, 0), (usize::MAX, 1), (1, 2)]),
            graph(6, &[(0, 2), (1, 2), (3, 4)]),
            graph(5, &[]),
            Graph {
                sizes: vec![nan, Size::new(-5.0, -1.0), Size::default()],
                edges: vec![(0, 1), (1, 2), (2, 0)],
                start: None,
            },
            Graph {
                sizes: boxes(4),
                edges: vec![(0, 1), (1, 2), (2, 3), (3, 0)],
                start: Some(2),
            },
            Graph {
                sizes: boxes(3),
                edges: vec![(0, 1)],
                start: Some(7),
            },
            // A star: one node with many neighbours on both sides.
            Graph {
                sizes: boxes(121),
                edges: (1..61)
                    .map(|v| (v, 0))
                    .chain((61..121).map(|v| (0, v)))
                    .collect(),
                start: None,
            },
        ];
        for g in &cases {
            layered_and_narrow(g);
        }
        let odd = Options {
            node_gap: -1.0,
            rank_gap: f64::NAN,
            edge_gap: f64::INFINITY,
            margin: -3.0,
            sweeps: 0,
            narrow: false,
        };
        for g in &cases {
            check(g, &odd);
            check(
                g,
                &Options {
                    narrow: true,
                    ..odd
                },
            );
        }
        let empty = layout(&Graph::default(), &Options::default());
        assert_eq!(
            (empty.width, empty.height, empty.nodes.len()),
            (0.0, 0.0, 0)
        );
        // Random edges, self loops and out-of-range ends included.
        let mut rng = Rng(99);
        for n in [2, 7, 30] {
            let edges = (0..3 * n)
                .map(|_| (rng.below(n + 2), rng.below(n + 2)))
                .collect();
            layered_and_narrow(&Graph::new(boxes(n), edges));
        }
    }

    #[test]
    fn lays_out_a_guide() {
        let text = Text::from_pairs(&[("en", "x")]);
        let node = |id: &str, kind| Node {
            id: id.into(),
            kind,
            title: text.clone(),
            body: text.clone(),
            why: None,
            illustration: None,
            confidence: Confidence::Reported,
            source: "s".into(),
            question: None,
            applies_when: None,
            otherwise: None,
            for_role: vec![],
        };
        let edge = |from: &str, to: &str| Edge {
            id: format!("{from}-{to}"),
            from: from.into(),
            to: to.into(),
            label: None,
            answer: None,
        };
        let guide = Guide {
            id: "g".into(),
            version: "1".into(),
            date: "2020-02-10".into(),
            languages: vec!["en".into()],
            title: text.clone(),
            summary: text.clone(),
            sources: vec![],
            questions: vec![],
            nodes: vec![
                node("check", NodeKind::Step),
                node("end", NodeKind::End),
                node("start", NodeKind::Start),
                node("ask", NodeKind::Decision),
                node("fix", NodeKind::Step),
            ],
            edges: vec![
                edge("start", "check"),
                edge("check", "ask"),
                edge("ask", "fix"),
                edge("ask", "end"),
                edge("fix", "check"),
                edge("ask", "nowhere"),
            ],
            sections: vec![],
            classes: vec![],
            filing: None,
            cards: vec![],
            about: vec![],
        };
        let size = |n: &Node| {
            if n.kind == NodeKind::Decision {
                Size::new(140.0, 80.0)
            } else {
                Size::new(160.0, 48.0)
            }
        };
        let g = guide_graph(&guide, size);
        assert_eq!(g.start, Some(2));
        let l = layout_guide(&guide, size, &Options::default());
        assert_eq!(l, check(&g, &Options::default()));
        let ranks: Vec<usize> = l.nodes.iter().map(|n| n.rank).collect();
        assert_eq!(ranks, [1, 3, 0, 2, 3]);
        let back: Vec<bool> = l.edges.iter().map(|e| e.back).collect();
        assert_eq!(back, [false, false, false, false, true, false]);
        assert!(l.edges[5].points.is_empty());
        check(&g, &Options::narrow());
    }
}
