//! What each drawn node and arrow of the flowchart looks like, given the progress and the
//! route: the classes, the tab stop, the accessible name and the status tag that the chart's
//! painter (`ui::pages::flowchart`) sets on the SVG it drew. Decided here, so the host tests
//! see it; the painter only copies it onto the elements.

use crate::chart::{text_width, Branch};
use crate::guide::{Guide, Node, NodeKind};
use crate::i18n::flowchart::{node_name, tag_text, tally_text, FcMsg};
use crate::i18n::{Locale, Message, PageMsg};
use crate::progress::{NodeState, Tally};

/// Where a node stands: its items' tally, whether the answers' route passes it, whether its
/// panel is open, and whether it holds the chart's one tab stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodeSituation {
    pub tally: Tally,
    pub on_route: bool,
    /// The answers say the node does not apply: the route passes through it.
    pub passed: bool,
    pub selected: bool,
    pub focused: bool,
}

/// The look of one node.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeLook {
    /// The class of the node's link, such as `fc-node step state-partial off`.
    pub class: String,
    /// Whether the node is the chart's tab stop (`tabindex` 0; the others get -1).
    pub tab_stop: bool,
    /// Whether it is the open node (`aria-current`).
    pub current: bool,
    /// The accessible name: kind, title, state and route, in words.
    pub name: String,
    /// The status tag beside the node; empty when it has no items, and then hidden.
    pub tag: String,
    pub tag_class: String,
    /// The tag's width in drawing units, so its box fits the text.
    pub tag_width: f64,
}

/// The word of a node's kind, such as "Decision".
pub fn kind_msg(kind: NodeKind) -> PageMsg {
    match kind {
        NodeKind::Start => PageMsg::NodeStart,
        NodeKind::Step => PageMsg::NodeStep,
        NodeKind::Decision => PageMsg::NodeDecision,
        NodeKind::End => PageMsg::NodeEnd,
    }
}

/// The class suffix of a tally's state, shared by the node and its tag.
fn state_class(state: NodeState) -> &'static str {
    match state {
        NodeState::NoItems => "",
        NodeState::NotStarted => " state-todo",
        NodeState::Partial => " state-partial",
        NodeState::Done => " state-done",
        NodeState::NotApplicable => " state-na",
    }
}

/// The look of `node` of `guide` in `situation`, in `locale`.
pub fn node_look(guide: &Guide, node: &Node, situation: NodeSituation, locale: Locale) -> NodeLook {
    let NodeSituation {
        tally,
        on_route,
        passed,
        selected,
        focused,
    } = situation;
    let shape = match node.kind {
        NodeKind::Start | NodeKind::End => "pill",
        NodeKind::Step => "step",
        NodeKind::Decision => "decision",
    };
    let state = state_class(tally.state());
    let off = match (on_route, passed) {
        (false, _) => " off",
        (true, true) => " passed",
        (true, false) => "",
    };
    let current = if selected { " selected" } else { "" };
    let tally_words = tally_text(&tally, locale);
    let route_words = match (on_route, passed) {
        (false, _) => FcMsg::OffRoute.text(locale),
        (true, true) => FcMsg::PassedThrough.text(locale),
        (true, false) => "",
    };
    let name = node_name(
        kind_msg(node.kind).text(locale),
        guide.text(&node.title, locale),
        &[&tally_words, route_words],
        locale,
    );
    let tag = tag_text(&tally, locale);
    let tag_width = text_width(&tag, 12.0) + 14.0;
    NodeLook {
        class: format!("fc-node {shape}{state}{off}{current}"),
        tab_stop: focused,
        current: selected,
        name,
        tag,
        tag_class: format!("fc-tag{state}"),
        tag_width,
    }
}

/// The look of one arrow and of its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdgeLook {
    /// Such as `fc-edge taken` or `fc-edge not-taken off back`.
    pub class: String,
    /// Such as `fc-label taken`.
    pub label_class: String,
    /// The chosen branch's label says so with a tick, so its box grows by one character.
    pub label_grows: bool,
}

/// The look of an arrow in `branch`; `on` when both its ends are on the route, `back` for
/// an arrow drawn round the side back to an earlier step.
pub fn edge_look(branch: Branch, on: bool, back: bool) -> EdgeLook {
    let word = match branch {
        Branch::Taken => " taken",
        Branch::NotTaken => " not-taken",
        Branch::Open => " open",
        Branch::Plain => "",
    };
    let off = if on { "" } else { " off" };
    let back = if back { " back" } else { "" };
    EdgeLook {
        class: format!("fc-edge{word}{off}{back}"),
        label_class: format!("fc-label{word}"),
        label_grows: branch == Branch::Taken,
    }
}
