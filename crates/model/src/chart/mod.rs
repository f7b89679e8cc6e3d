//! What the flowchart shows, computed from the guide and the progress values so the UI only
//! draws: the route logic (`flow`), each node's progress (`tally`), text metrics and wrapping
//! (`text`), the placed and measured drawing (`draw`) and its SVG markup (`svg`).
//!
//! Everything public is re-exported here, so callers write `chart::Flow` or `chart::draw`
//! whichever module it lives in.

mod draw;
mod flow;
mod svg;
mod tally;
mod text;

pub use draw::{
    draw, Arrow, Drawing, Label, Mode, Shape, DECISION_FONT, DECISION_LINE, ICON, LABEL_FONT,
    LABEL_LINE, TITLE_FONT, TITLE_LINE,
};
pub use flow::{Arm, Because, Branch, Entry, Flow, Key, Move, Route, TraceStep};
pub use svg::{outline, rounded_path, svg_markup, tenths};
pub use tally::{tallies, NodeState, Tally};
pub use text::{text_width, wrap, LongWords};

/// Helpers shared by the chart's tests.
#[cfg(test)]
mod fixtures {
    use crate::chart::Flow;
    use crate::guide::{parse, Answers, Guide};

    pub fn shipped() -> Guide {
        parse(include_str!("../../../../public/guide/jimei.json"))
            .unwrap_or_else(|e| panic!("{e:?}"))
    }

    pub fn ix(flow: &Flow, id: &str) -> usize {
        flow.find(id).unwrap_or_else(|| panic!("no node {id}"))
    }

    pub fn edge(guide: &Guide, id: &str) -> usize {
        guide
            .edges
            .iter()
            .position(|e| e.id == id)
            .unwrap_or_else(|| panic!("no edge {id}"))
    }

    pub fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs
            .iter()
            .map(|(q, a)| (q.to_string(), a.to_string()))
            .collect()
    }
}
