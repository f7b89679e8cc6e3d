//! Progress per node: how many of each flowchart node's checklist items are done, not
//! applicable or still open, for the node's colour and status tag.

use crate::guide::Guide;
use crate::progress::{item_status, Progress};

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
}
