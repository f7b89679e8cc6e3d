//! Progress per node: how many of each flowchart node's checklist items are done, not
//! applicable or still open, for the node's colour and status tag.

use crate::guide::Guide;
use crate::progress::{item_status, ItemStatus, Progress};

/// How many of a node's checklist items are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub total: usize,
    pub done: usize,
    pub not_applicable: usize,
}

/// A node's progress in one word, shown in text and colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeState {
    /// The node has no checklist items.
    NoItems,
    NotStarted,
    Partial,
    Done,
    /// None of its items apply.
    NotApplicable,
}

impl Tally {
    /// Items that apply.
    pub fn applicable(&self) -> usize {
        self.total - self.not_applicable
    }

    pub fn state(&self) -> NodeState {
        if self.total == 0 {
            NodeState::NoItems
        } else if self.applicable() == 0 {
            NodeState::NotApplicable
        } else if self.done == self.applicable() {
            NodeState::Done
        } else if self.done == 0 {
            NodeState::NotStarted
        } else {
            NodeState::Partial
        }
    }
}

/// The tally of every node's items (of both roles), in node order.
pub fn tallies(guide: &Guide, progress: &Progress) -> Vec<Tally> {
    let answers = progress.answers();
    let mut out = vec![Tally::default(); guide.nodes.len()];
    for item in guide.sections.iter().flat_map(|s| &s.items) {
        let Some(i) = guide.nodes.iter().position(|n| n.id == item.node) else {
            continue;
        };
        let tally = &mut out[i];
        tally.total += 1;
        match item_status(item, progress.mark(&item.id), &answers) {
            ItemStatus::Done => tally.done += 1,
            ItemStatus::NotApplicable(_) => tally.not_applicable += 1,
            ItemStatus::NotStarted => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::fixtures::{ix, shipped};
    use crate::chart::Flow;
    use crate::progress::Action;

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
        assert_eq!(
            tallies(&guide, &progress)[self_check],
            Tally {
                total: items.len(),
                done: 0,
                not_applicable: 0
            }
        );
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
}
