//! Lays out generated flowchart-like guides of growing size and prints the times.
//!
//! Each guide is a main spine of steps with decisions branching two or three ways and
//! rejoining a few ranks later, a quarter of them with one more branch skipping ahead to the
//! next decision's join, plus a daily loop back edge (two from 200 nodes up), all from a fixed
//! seed. Each is laid out repeatedly after a warm-up; the table gives the median time
//! and the ratio time / (n log n), normalised to the smallest guide, so growth can be judged
//! (a ratio that stays near 1 means n log n growth). Run with `cargo bench --bench layout`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use jimei::model::guide::{Confidence, Edge, Guide, Node, NodeKind, Text};
use jimei::model::layout::{layout_guide, Options, Size};
// A fixed generator, so the guides are the same on every run.
use jimei::model::testing::Rng;

struct Builder {
    nodes: Vec<Node>,
    edges: Vec<Edge>,
}

impl Builder {
    fn node(&mut self, kind: NodeKind) -> usize {
        let text = Text::from_pairs(&[("en", "step")]);
        self.nodes.push(Node {
            id: format!("n{}", self.nodes.len()),
            kind,
            title: text.clone(),
            body: text,
            why: None,
            illustration: None,
            confidence: Confidence::Reported,
            source: "report".into(),
            question: None,
            applies_when: None,
            otherwise: None,
            for_role: Vec::new(),
        });
        self.nodes.len() - 1
    }

    fn edge(&mut self, from: usize, to: usize) {
        self.edges.push(Edge {
            id: format!("e{}", self.edges.len()),
            from: format!("n{from}"),
            to: format!("n{to}"),
            label: None,
            answer: None,
        });
    }
}

/// A guide of exactly `n` nodes (n ≥ 10).
fn flowchart(n: usize, seed: u64) -> Guide {
    let mut rng = Rng(seed);
    let mut b = Builder {
        nodes: Vec::new(),
        edges: Vec::new(),
    };
    let start = b.node(NodeKind::Start);
    let mut spine = vec![start];
    let mut cur = start;
    // A branch waiting to skip ahead to the next join ("already done? go on to ...").
    let mut skip: Option<usize> = None;
    // Leave room for the end node.
    while b.nodes.len() < n - 1 {
        let room = n - 1 - b.nodes.len();
        if room >= 8 && rng.below(10) < 4 {
            // A decision with 2-3 branches of 0-3 steps, rejoining at a step.
            let d = b.node(NodeKind::Decision);
            b.edge(cur, d);
            let ways = 2 + rng.below(2);
            let mut ends = Vec::new();
            for _ in 0..ways {
                let mut last = d;
                for _ in 0..rng.below(4).min(n - 2 - b.nodes.len()) {
                    let s = b.node(NodeKind::Step);
                    b.edge(last, s);
                    last = s;
                }
                ends.push(last);
            }
            let join = b.node(NodeKind::Step);
            for e in ends {
                b.edge(e, join);
            }
            if let Some(from) = skip.take() {
                b.edge(from, join);
            }
            if rng.below(4) == 0 {
                skip = Some(d);
            }
            spine.push(d);
            cur = join;
        } else {
            let s = b.node(NodeKind::Step);
            b.edge(cur, s);
            cur = s;
        }
        spine.push(cur);
    }
    let end = b.node(NodeKind::End);
    b.edge(cur, end);
    // The daily loop, and from 200 nodes a second loop.
    let at = |f: f64| spine[((spine.len() - 1) as f64 * f) as usize];
    b.edge(at(0.85), at(0.15));
    if n >= 200 {
        b.edge(at(0.6), at(0.4));
    }
    let text = Text::from_pairs(&[("en", "bench")]);
    Guide {
        id: format!("bench-{n}"),
        version: "1".into(),
        date: "2020-02-10".into(),
        languages: vec!["en".into()],
        title: text.clone(),
        summary: text,
        sources: Vec::new(),
        questions: Vec::new(),
        nodes: b.nodes,
        edges: b.edges,
        sections: Vec::new(),
        about: Vec::new(),
        classes: Vec::new(),
        filing: None,
        cards: Vec::new(),
    }
}

fn size(node: &Node) -> Size {
    match node.kind {
        NodeKind::Start | NodeKind::End => Size::new(120.0, 40.0),
        NodeKind::Step => Size::new(200.0, 64.0),
        NodeKind::Decision => Size::new(160.0, 96.0),
    }
}

/// Median and fastest of `runs` timed runs after three warm-up runs. The fastest is the
/// steadier figure on a busy machine.
fn time(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    for _ in 0..3 {
        f();
    }
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    (times[runs / 2], times[0])
}

fn main() {
    let options = Options::default();
    let narrow = Options::narrow();
    println!("layout of generated guides: median (and fastest) of 21 runs after 3 warm-up runs");
    println!(
        "t/nlogn: median time / (n ln n), divided by the same for 50 nodes (1 = n log n growth)"
    );
    println!(
        "{:>6} {:>6} {:>6} {:>10} {:>8} {:>10} {:>8} {:>10} {:>11}",
        "nodes",
        "edges",
        "ranks",
        "median ms",
        "best ms",
        "crossings",
        "t/nlogn",
        "column ms",
        "size px"
    );
    let mut base = None;
    for n in [50, 200, 1000] {
        let guide = flowchart(n, 0x5EED + n as u64);
        let l = layout_guide(&guide, size, &options);
        let ranks = l.nodes.iter().map(|p| p.rank).max().map_or(0, |r| r + 1);
        let (median, best) = time(21, || {
            black_box(layout_guide(black_box(&guide), size, &options));
        });
        let (column, _) = time(21, || {
            black_box(layout_guide(black_box(&guide), size, &narrow));
        });
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        let per = ms(median) / (n as f64 * (n as f64).ln());
        let ratio = per / *base.get_or_insert(per);
        println!(
            "{:>6} {:>6} {:>6} {:>10.3} {:>8.3} {:>10} {:>8.2} {:>10.3} {:>11}",
            n,
            guide.edges.len(),
            ranks,
            ms(median),
            ms(best),
            l.crossings,
            ratio,
            ms(column),
            format!("{:.0}x{:.0}", l.width, l.height)
        );
    }
}
