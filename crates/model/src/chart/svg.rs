//! SVG text: the drawing written out as markup, lengths to a tenth of a pixel, node outlines
//! and arrow paths as path data, and text escaped for XML.

use super::draw::{Drawing, Shape, ICON, LABEL_FONT, LABEL_LINE, PAD};
use crate::guide::{Guide, NodeKind};
use crate::layout::Point;

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
    use crate::chart::draw::{draw, Mode};
    use crate::chart::fixtures::shipped;
    use crate::chart::Flow;

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
