//! Finding a person at the gate by staff id or name as the officer types.
//!
//! The index is prepared once per roster change: each person's staff id and name, folded
//! (lowercase, half-width, no spaces), in one string each, so a keystroke costs one pass of
//! short substring checks over the roster and no allocation per person. Results are ranked:
//! the exact staff id, then staff ids and names that start with the query, then those that
//! contain it, each in roster order.

use super::class::fold;
use super::record::{Ledger, Stamp};
use super::view::natural;

/// The roster, prepared for search.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    people: Vec<Indexed>,
}

#[derive(Debug, Clone)]
struct Indexed {
    key: Stamp,
    staff_id: String,
    name: String,
}

/// How well a person matched, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Match {
    ExactId,
    IdStart,
    NameStart,
    IdContains,
    NameContains,
}

impl SearchIndex {
    pub fn new(ledger: &Ledger) -> SearchIndex {
        let mut people: Vec<(Stamp, &str, &str)> = ledger
            .people
            .live()
            .map(|(k, p)| (k, p.staff_id.as_str(), p.name.as_str()))
            .collect();
        people.sort_by(|a, b| natural(a.1, b.1).then(a.0.cmp(&b.0)));
        SearchIndex {
            people: people
                .into_iter()
                .map(|(key, id, name)| Indexed {
                    key,
                    staff_id: fold(id),
                    name: fold(name),
                })
                .collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.people.len()
    }

    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
    }

    /// At most `limit` people matching `query`, best first; none for an empty query.
    pub fn search(&self, query: &str, limit: usize) -> Vec<(Stamp, Match)> {
        let query = fold(query);
        if query.is_empty() || limit == 0 {
            return Vec::new();
        }
        // One bucket per kind of match keeps the ranking stable without sorting.
        let mut buckets: [Vec<Stamp>; 5] = Default::default();
        let mut found = 0;
        for person in &self.people {
            let kind = if person.staff_id == query {
                Match::ExactId
            } else if person.staff_id.starts_with(&query) {
                Match::IdStart
            } else if person.name.starts_with(&query) {
                Match::NameStart
            } else if person.staff_id.contains(&query) {
                Match::IdContains
            } else if person.name.contains(&query) {
                Match::NameContains
            } else {
                continue;
            };
            let bucket = &mut buckets[kind as usize];
            // A bucket never needs more than `limit` entries.
            if bucket.len() < limit {
                bucket.push(person.key);
                found += 1;
            }
        }
        let mut out = Vec::with_capacity(found.min(limit));
        let kinds = [
            Match::ExactId,
            Match::IdStart,
            Match::NameStart,
            Match::IdContains,
            Match::NameContains,
        ];
        for (bucket, kind) in buckets.iter().zip(kinds) {
            for key in bucket {
                if out.len() == limit {
                    return out;
                }
                out.push((*key, kind));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::view::tests::Fixture;

    #[test]
    fn finds_by_staff_id_or_name_best_first() {
        let mut f = Fixture::new();
        let e1 = f.person("E1", "张三", "stayed_xiamen", None);
        let e12 = f.person("E12", "李一", "stayed_xiamen", None);
        let e2 = f.person("E2", "Emma Lee", "stayed_xiamen", None);
        let x1 = f.person("X1E1", "王五", "stayed_xiamen", None);
        let zh = f.person("E30", "张三丰", "stayed_xiamen", None);
        let index = SearchIndex::new(&f.ledger);
        assert_eq!(
            index.search("e1", 10),
            [
                (e1, Match::ExactId),
                (e12, Match::IdStart),
                (x1, Match::IdContains)
            ]
        );
        assert_eq!(
            index.search("张三", 10),
            [(e1, Match::NameStart), (zh, Match::NameStart)]
        );
        assert_eq!(index.search("LEE", 10), [(e2, Match::NameContains)]);
        assert_eq!(index.search("emma lee", 10), [(e2, Match::NameStart)]);
        assert_eq!(index.search("Ｅ２", 10), [(e2, Match::ExactId)]);
        assert_eq!(index.search("e", 2).len(), 2);
        assert!(index.search("  ", 10).is_empty());
        assert!(index.search("nobody", 10).is_empty());
    }

    #[test]
    fn erased_people_are_not_found() {
        let mut f = Fixture::new();
        let e1 = f.person("E1", "张三", "stayed_xiamen", None);
        let entry = f.ledger.people.entry(&e1).unwrap().clone();
        f.ledger
            .people
            .put(entry.edited(f.stamper.next(1_000_000), None));
        assert!(SearchIndex::new(&f.ledger).search("E1", 5).is_empty());
    }
}
