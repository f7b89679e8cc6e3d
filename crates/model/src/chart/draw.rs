//! The drawing: every node's box and wrapped title, every arrow's route and every branch
//! label's place, in either mode, from the guide and the layered layout.

use super::svg::rounded_path;
use super::text::{text_width, wrap, LongWords};
use crate::guide::{Guide, NodeKind, Text};
use crate::layout::{guide_graph, layout, Options, Point, Size};

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
pub(super) const PAD: f64 = 10.0;
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

/// The size and wrapped title of a node whose box is `w` wide (or at most `w` for pills in the
/// wide mode: in the one-column mode every box is as wide as the column, so the arrows between
/// them run straight down).
fn measure(kind: NodeKind, title: &str, w: f64, mode: Mode) -> (Size, Vec<String>) {
    match kind {
        NodeKind::Start | NodeKind::End => {
            let inner = w - 2.0 * 20.0;
            let (lines, _) = wrap(title, TITLE_FONT, |_| inner, 2, LongWords::Split);
            let widest = lines
                .iter()
                .map(|l| text_width(l, TITLE_FONT))
                .fold(0.0, f64::max);
            let width = match mode {
                Mode::Wide => (widest + 44.0).clamp(120.0, w),
                Mode::Narrow(_) => w,
            };
            let height = 44.0 + (lines.len().max(1) - 1) as f64 * TITLE_LINE;
            (Size::new(width.round(), height), lines)
        }
        NodeKind::Step => {
            let inner = w - 3.0 * PAD - ICON;
            let (lines, _) = wrap(title, TITLE_FONT, |_| inner, 5, LongWords::Split);
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
                    let room = |i| diamond_line(w, h, n, i);
                    let (lines, fits) = wrap(title, DECISION_FONT, room, n, LongWords::Whole);
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
                    wrap(
                        title,
                        DECISION_FONT,
                        |i| diamond_line(w, h, 4, i),
                        4,
                        LongWords::Split,
                    )
                    .0,
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
            .map(|n| measure(n.kind, &title(&n.title), width_of(n.kind), mode))
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
        let (lines, _) = wrap(text, LABEL_FONT, |_| max_w - 12.0, 2, LongWords::Split);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::fixtures::shipped;

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
}
