//! Personnel classes and what follows from a person's class and arrival date: the rule, the
//! last day of observation, the days left, and whether they may be on site.
//!
//! The rules are the guide's data, not code: `ClassRule` is the ledger's own input type with
//! the meanings of the guide's `classes` entries, so a rule change is a guide change.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::record::Person;
use crate::guide::{self, Confidence, Guide, Text};

/// The kind of observation a class is under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObservationKind {
    /// Centralised living and medical observation at a designated site.
    Centralised,
    /// Medical observation at home.
    Home,
    /// Observation supervised by the employer or the community.
    Supervised,
    /// Self-observation.
    #[serde(rename = "self")]
    SelfObservation,
    /// No observation: normal work.
    None,
}

/// One personnel class and its rule, as the guide states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassRule {
    /// An answer id of the employee question `personnel_class`.
    pub id: String,
    pub name: Text,
    /// The rule in a sentence.
    pub rule: Text,
    pub observation: ObservationKind,
    /// How long the observation lasts, counting the day of arrival; 0 for none.
    pub days: u16,
    /// Whether the person may be on site during the observation.
    pub on_site: bool,
    /// Temperature readings a day during the observation.
    pub readings_per_day: u8,
    /// The flowchart node that states the rule.
    pub node: String,
    pub confidence: Confidence,
    pub source: String,
}

impl ClassRule {
    /// The rule of one of the guide's classes. Days and readings beyond what the ledger
    /// counts are capped rather than wrapped.
    pub fn from_guide(class: &guide::PersonnelClass) -> ClassRule {
        ClassRule {
            id: class.id.clone(),
            name: class.name.clone(),
            rule: class.rule.clone(),
            observation: match class.observation {
                guide::Observation::Centralised => ObservationKind::Centralised,
                guide::Observation::Home => ObservationKind::Home,
                guide::Observation::Supervised => ObservationKind::Supervised,
                guide::Observation::SelfObservation => ObservationKind::SelfObservation,
                guide::Observation::None => ObservationKind::None,
            },
            days: u16::try_from(class.days).unwrap_or(u16::MAX),
            on_site: class.on_site,
            readings_per_day: u8::try_from(class.readings_per_day).unwrap_or(u8::MAX),
            node: class.node.clone(),
            confidence: class.confidence,
            source: class.source.clone(),
        }
    }
}

/// The classes of a guide, in the guide's order (strictest first).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rules {
    classes: Vec<ClassRule>,
}

impl Rules {
    pub fn new(classes: Vec<ClassRule>) -> Rules {
        Rules { classes }
    }

    /// The rules of the guide's personnel classes, in the guide's order.
    pub fn from_guide(guide: &Guide) -> Rules {
        Rules::new(guide.classes.iter().map(ClassRule::from_guide).collect())
    }

    pub fn classes(&self) -> &[ClassRule] {
        &self.classes
    }

    pub fn get(&self, id: &str) -> Option<&ClassRule> {
        self.classes.iter().find(|c| c.id == id)
    }

    /// The class named `text` in any language, or with that id, ignoring case, spaces and
    /// full-width forms (for roster imports).
    pub fn find(&self, text: &str) -> Option<&ClassRule> {
        let wanted = fold(text);
        if wanted.is_empty() {
            return None;
        }
        self.classes
            .iter()
            .find(|c| fold(&c.id) == wanted || c.name.0.values().any(|name| fold(name) == wanted))
    }

    /// Readings a day for people out of observation: those of the classes without one (the
    /// most of them), or one.
    pub fn baseline_readings(&self) -> u8 {
        self.classes
            .iter()
            .filter(|c| c.observation == ObservationKind::None || c.days == 0)
            .map(|c| c.readings_per_day)
            .max()
            .unwrap_or(1)
    }
}

/// Lowercase, without spaces, underscores or hyphens, with full-width letters and digits made
/// half-width: how headers and class names are compared.
pub fn fold(text: &str) -> String {
    text.chars()
        .filter_map(|c| {
            let c = match c {
                '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
                other => other,
            };
            (!c.is_whitespace() && !matches!(c, '_' | '-' | '\u{feff}')).then_some(c)
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// A person's observation, worked out once from their class and arrival date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Observation {
    /// The class is not one of the guide's.
    UnknownClass,
    /// The class has an observation, and no arrival date says when it started.
    DateMissing {
        kind: ObservationKind,
        on_site: bool,
        readings: u8,
    },
    /// No observation: on site from the day of arrival (or always, without a date).
    None { arrival: Option<Date> },
    /// Under observation from `start` to `end`, both included.
    Period {
        kind: ObservationKind,
        start: Date,
        end: Date,
        on_site: bool,
        readings: u8,
    },
}

impl Observation {
    pub fn of(person: &Person, rules: &Rules) -> Observation {
        let Some(rule) = rules.get(&person.class) else {
            return Observation::UnknownClass;
        };
        Observation::from_rule(rule, person.arrival)
    }

    pub fn from_rule(rule: &ClassRule, arrival: Option<Date>) -> Observation {
        if rule.days == 0 || rule.observation == ObservationKind::None {
            return Observation::None { arrival };
        }
        match arrival {
            Some(start) => Observation::Period {
                kind: rule.observation,
                start,
                end: start.add_days(i32::from(rule.days) - 1),
                on_site: rule.on_site,
                readings: rule.readings_per_day,
            },
            None => Observation::DateMissing {
                kind: rule.observation,
                on_site: rule.on_site,
                readings: rule.readings_per_day,
            },
        }
    }

    /// The last day of observation.
    pub fn end(&self) -> Option<Date> {
        match self {
            Observation::Period { end, .. } => Some(*end),
            _ => None,
        }
    }

    /// The first day the person may be on site without restriction: the day after the
    /// observation, the day of arrival without one, or `None` when it cannot be known.
    pub fn back_at_work(&self) -> Option<Date> {
        match self {
            Observation::Period { end, .. } => Some(end.add_days(1)),
            Observation::None { arrival } => *arrival,
            _ => None,
        }
    }

    /// Where the person stands on `day`.
    pub fn on(&self, day: Date, rules: &Rules) -> Standing {
        match *self {
            Observation::UnknownClass => Standing::UnknownClass,
            Observation::DateMissing {
                kind,
                on_site,
                readings,
            } => Standing::DateMissing {
                kind,
                on_site,
                readings: if on_site { readings } else { 0 },
            },
            Observation::None { arrival } => match arrival {
                Some(arrival) if day < arrival => Standing::NotArrived { arrival },
                _ => Standing::Clear {
                    first_day: arrival == Some(day),
                    readings: rules.baseline_readings(),
                },
            },
            Observation::Period {
                kind,
                start,
                end,
                on_site,
                readings,
            } => {
                if day < start {
                    Standing::NotArrived { arrival: start }
                } else if day <= end {
                    Standing::Observing {
                        kind,
                        end,
                        days_left: (end.days_since(day) + 1) as u16,
                        on_site,
                        readings: if on_site { readings } else { 0 },
                    }
                } else {
                    Standing::Clear {
                        first_day: day == end.add_days(1),
                        readings: rules.baseline_readings(),
                    }
                }
            }
        }
    }
}

/// Where a person stands on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    UnknownClass,
    /// Needs an arrival date; `on_site` says whether the class's observation allows the site.
    DateMissing {
        kind: ObservationKind,
        on_site: bool,
        readings: u8,
    },
    /// Not yet in Xiamen by the roster.
    NotArrived {
        arrival: Date,
    },
    /// In observation, with `days_left` days of it including this one.
    Observing {
        kind: ObservationKind,
        end: Date,
        days_left: u16,
        on_site: bool,
        readings: u8,
    },
    /// Free to work; `first_day` when this is the first day back (or of arrival).
    Clear {
        first_day: bool,
        readings: u8,
    },
}

impl Standing {
    /// Whether the person may be on site this day.
    pub fn may_be_on_site(&self) -> bool {
        match self {
            Standing::Clear { .. } => true,
            Standing::Observing { on_site, .. } | Standing::DateMissing { on_site, .. } => *on_site,
            Standing::UnknownClass | Standing::NotArrived { .. } => false,
        }
    }

    /// Gate readings the person needs this day: 0 off site, 1 (morning) or 2 (both rounds).
    pub fn readings(&self) -> u8 {
        match self {
            Standing::Clear { readings, .. }
            | Standing::Observing { readings, .. }
            | Standing::DateMissing { readings, .. } => (*readings).min(2),
            Standing::UnknownClass | Standing::NotArrived { .. } => 0,
        }
    }

    pub fn is_observing(&self) -> bool {
        matches!(self, Standing::Observing { .. })
    }

    /// True on the first day a person may return after observation, or the day of arrival
    /// for a class without one: "may return to work today".
    pub fn returns_today(&self) -> bool {
        matches!(
            self,
            Standing::Clear {
                first_day: true,
                ..
            }
        )
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn t(hans: &str, hant: &str, en: &str) -> Text {
        Text::from_pairs(&[("zh-Hans", hans), ("zh-Hant", hant), ("en", en)])
    }

    fn rule(
        id: &str,
        names: (&str, &str, &str),
        observation: ObservationKind,
        days: u16,
        on_site: bool,
        readings: u8,
    ) -> ClassRule {
        ClassRule {
            id: id.into(),
            name: t(names.0, names.1, names.2),
            rule: t("规则", "規則", "rule"),
            observation,
            days,
            on_site,
            readings_per_day: readings,
            node: format!("rule-{id}"),
            confidence: Confidence::Xiamen,
            source: "xiamen-notice-7".into(),
        }
    }

    /// The seven classes of the guide brief's §5, for tests. The readings a day follow §6
    /// (twice a day in observation); which classes may be on site during observation is
    /// what the guide's rule texts say (supervised and self-observation at work).
    pub fn sample_rules() -> Rules {
        use ObservationKind::*;
        Rules::new(vec![
            rule(
                "hubei",
                ("湖北来厦", "湖北來廈", "From Hubei"),
                Centralised,
                14,
                false,
                2,
            ),
            rule(
                "close_contact",
                ("密切接触者", "密切接觸者", "Close contact"),
                Centralised,
                14,
                false,
                2,
            ),
            rule(
                "key_area",
                ("重点地区", "重點地區", "Key area"),
                Home,
                14,
                false,
                2,
            ),
            rule(
                "outside_fujian",
                ("省外来厦", "省外來廈", "From outside Fujian"),
                Supervised,
                14,
                true,
                2,
            ),
            rule(
                "general_contact",
                ("一般接触者", "一般接觸者", "General contact"),
                SelfObservation,
                14,
                true,
                2,
            ),
            rule(
                "outside_xiamen",
                ("市外来厦", "市外來廈", "From outside Xiamen"),
                None,
                0,
                true,
                1,
            ),
            rule(
                "stayed_xiamen",
                ("留厦人员", "留廈人員", "Stayed in Xiamen"),
                None,
                0,
                true,
                1,
            ),
        ])
    }

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn the_shipped_guide_gives_a_rule_per_class() {
        let guide = crate::guide::parse(include_str!("../../../../public/guide/jimei.json"))
            .expect("the shipped guide parses");
        let rules = Rules::from_guide(&guide);
        assert_eq!(rules.classes().len(), guide.classes.len());
        assert!(!rules.classes().is_empty());
        for (rule, class) in rules.classes().iter().zip(&guide.classes) {
            assert_eq!(rule.id, class.id);
            assert_eq!(u32::from(rule.days), class.days);
            assert_eq!(u32::from(rule.readings_per_day), class.readings_per_day);
            assert_eq!(rule.on_site, class.on_site);
            assert_eq!(
                rule.observation == ObservationKind::None,
                class.observation == crate::guide::Observation::None
            );
        }
        // A class with an observation counts its days from arrival.
        let observed = rules
            .classes()
            .iter()
            .find(|r| r.days > 0 && r.observation != ObservationKind::None)
            .expect("the guide has a class under observation");
        let obs = Observation::from_rule(observed, Some(day("2020-02-01")));
        assert_eq!(
            obs.end(),
            Some(day("2020-02-01").add_days(i32::from(observed.days) - 1))
        );
    }

    fn person(class: &str, arrival: Option<&str>) -> Person {
        Person {
            name: "李四".into(),
            staff_id: "E2".into(),
            class: class.into(),
            arrival: arrival.map(day),
            ..Person::default()
        }
    }

    #[test]
    fn fourteen_days_count_the_day_of_arrival() {
        let rules = sample_rules();
        let obs = Observation::of(&person("hubei", Some("2020-02-01")), &rules);
        assert_eq!(obs.end(), Some(day("2020-02-14")));
        assert_eq!(obs.back_at_work(), Some(day("2020-02-15")));
        assert_eq!(
            obs.on(day("2020-02-01"), &rules),
            Standing::Observing {
                kind: ObservationKind::Centralised,
                end: day("2020-02-14"),
                days_left: 14,
                on_site: false,
                readings: 0,
            }
        );
        let last = obs.on(day("2020-02-14"), &rules);
        assert!(matches!(last, Standing::Observing { days_left: 1, .. }));
        assert!(!last.may_be_on_site());
        let back = obs.on(day("2020-02-15"), &rules);
        assert!(back.may_be_on_site() && back.returns_today());
        assert_eq!(back.readings(), 1);
        let later = obs.on(day("2020-02-16"), &rules);
        assert!(later.may_be_on_site() && !later.returns_today());
        assert_eq!(
            obs.on(day("2020-01-31"), &rules),
            Standing::NotArrived {
                arrival: day("2020-02-01")
            }
        );
    }

    #[test]
    fn supervised_observation_is_on_site_with_two_readings() {
        let rules = sample_rules();
        let obs = Observation::of(&person("outside_fujian", Some("2020-02-10")), &rules);
        let s = obs.on(day("2020-02-12"), &rules);
        assert!(s.may_be_on_site() && s.is_observing());
        assert_eq!(s.readings(), 2);
        assert!(matches!(s, Standing::Observing { days_left: 12, .. }));
    }

    #[test]
    fn classes_without_observation_work_from_arrival() {
        let rules = sample_rules();
        let stayed = Observation::of(&person("stayed_xiamen", None), &rules);
        assert_eq!(
            stayed.on(day("2020-02-10"), &rules),
            Standing::Clear {
                first_day: false,
                readings: 1
            }
        );
        let came = Observation::of(&person("outside_xiamen", Some("2020-02-10")), &rules);
        assert!(came.on(day("2020-02-10"), &rules).returns_today());
        assert!(!came.on(day("2020-02-09"), &rules).may_be_on_site());
    }

    #[test]
    fn a_missing_date_or_class_is_its_own_standing() {
        let rules = sample_rules();
        let home = Observation::of(&person("key_area", None), &rules);
        let s = home.on(day("2020-02-10"), &rules);
        assert!(matches!(s, Standing::DateMissing { .. }) && !s.may_be_on_site());
        let selfobs = Observation::of(&person("general_contact", None), &rules);
        assert!(selfobs.on(day("2020-02-10"), &rules).may_be_on_site());
        let unknown = Observation::of(&person("martian", None), &rules);
        assert_eq!(
            unknown.on(day("2020-02-10"), &rules),
            Standing::UnknownClass
        );
    }

    #[test]
    fn classes_are_found_by_id_or_name_in_any_language() {
        let rules = sample_rules();
        for text in [
            "hubei",
            "HUBEI",
            "湖北来厦",
            "湖北來廈",
            "From Hubei",
            "from  hubei",
            "ｆｒｏｍ ｈｕｂｅｉ",
        ] {
            assert_eq!(
                rules.find(text).map(|c| c.id.as_str()),
                Some("hubei"),
                "{text:?}"
            );
        }
        assert_eq!(
            rules.find("close-contact").map(|c| c.id.as_str()),
            Some("close_contact")
        );
        assert!(rules.find("湖北").is_none());
        assert!(rules.find("").is_none());
    }

    #[test]
    fn rules_read_from_json_with_the_guide_meanings() {
        let json = r#"{"id":"general_contact","name":{"en":"General contact"},
            "rule":{"en":"14 days of self-observation"},"observation":"self","days":14,
            "on_site":true,"readings_per_day":2,"node":"rule-general-contact",
            "confidence":"xiamen","source":"xiamen-notice-7"}"#;
        let rule: ClassRule = serde_json::from_str(json).unwrap();
        assert_eq!(rule.observation, ObservationKind::SelfObservation);
    }
}
