//! The decisions that used to live in the UI's components (issue 15), tested on the host:
//! the role in the address, guide text in a language, an item's state in words, the save
//! plan, and the look of a flowchart node.

use jimei_model::chart::{tallies, Branch, Flow};
use jimei_model::guide::{parse, Guide, Role, Text};
use jimei_model::i18n::checklist::status_text;
use jimei_model::i18n::Locale;
use jimei_model::paint::{edge_look, node_look, NodeSituation};
use jimei_model::progress::{Action, ItemStatus, NaReason, Progress};
use jimei_model::saved::{self, plan_save, Saved, Stored};

fn shipped() -> Guide {
    parse(include_str!("../../../public/guide/jimei.json")).unwrap_or_else(|e| panic!("{e:?}"))
}

#[test]
fn roles_read_and_write_the_query_value() {
    for role in Role::ALL {
        assert_eq!(role.to_string().parse::<Role>(), Ok(role));
    }
    assert_eq!("employee".parse::<Role>(), Ok(Role::Employee));
    assert_eq!(Role::Enterprise.to_string(), "enterprise");
    for bad in ["", "Employee", "worker", "employee ", "enterprise%20"] {
        assert!(bad.parse::<Role>().is_err(), "{bad:?}");
    }
}

#[test]
fn guide_text_falls_back_to_the_primary_language_then_any() {
    let mut guide = shipped();
    guide.languages = vec!["zh-Hans".into(), "en".into()];
    let both = Text::from_pairs(&[("zh-Hans", "简"), ("en", "en")]);
    assert_eq!(guide.text(&both, Locale::English), "en");
    assert_eq!(guide.text(&both, Locale::ZhHant), "简");
    let english_only = Text::from_pairs(&[("en", "en")]);
    assert_eq!(guide.text(&english_only, Locale::ZhHans), "en");
    assert_eq!(guide.text(&Text::default(), Locale::ZhHans), "");
    // A file split to one language (as the build writes them) falls back to that one.
    guide.languages = vec!["en".into()];
    assert_eq!(guide.text(&both, Locale::ZhHant), "en");
}

#[test]
fn an_items_state_in_words_names_why_it_does_not_apply() {
    let guide = shipped();
    let canteen = guide
        .questions
        .iter()
        .find(|q| q.id == "canteen")
        .expect("the shipped guide asks about a canteen");
    let no = canteen.answers.iter().find(|a| a.id == "no").expect("a no");
    let by_answers = ItemStatus::NotApplicable(NaReason::ByAnswers {
        question: "canteen".into(),
        answer: "no".into(),
    });
    for locale in Locale::ALL {
        let words = status_text(&guide, &by_answers, locale);
        // It reads as the answer, which says what it means; the question is not repeated.
        assert!(words.contains(guide.text(&no.label, locale)), "{words}");
        assert!(
            !words.contains(guide.text(&canteen.text, locale)),
            "{words}"
        );
    }
    assert_eq!(
        status_text(&guide, &ItemStatus::Done, Locale::English),
        "Done"
    );
    assert_eq!(
        status_text(&guide, &ItemStatus::NotStarted, Locale::ZhHant),
        "未開始"
    );
    assert_eq!(
        status_text(
            &guide,
            &ItemStatus::NotApplicable(NaReason::ByHand("closed".into())),
            Locale::English
        ),
        "Not applicable: closed"
    );
    // A question the guide no longer has is named by its id rather than left blank.
    let gone = ItemStatus::NotApplicable(NaReason::ByAnswers {
        question: "gone".into(),
        answer: "x".into(),
    });
    assert_eq!(
        status_text(&guide, &gone, Locale::English),
        "Not applicable: you answered \"x\" to \"gone\""
    );
}

fn first_item(guide: &Guide) -> String {
    guide
        .items_for(Role::Enterprise)
        .next()
        .expect("items")
        .id
        .clone()
}

#[test]
fn a_save_over_our_own_value_or_nothing_writes_the_state() {
    let guide = shipped();
    let mut current = Progress::default();
    current.apply(
        &guide,
        Action::Check {
            item: first_item(&guide),
        },
        10,
    );
    for stored in [Stored::Nothing, Stored::Ours, Stored::Text("not json")] {
        let plan = plan_save(current.clone(), stored, &guide, 20);
        assert!(!plan.changed, "{stored:?}");
        assert_eq!(plan.progress, current);
        let written = plan.write.expect("a write");
        let back = saved::decode(&written, &guide.id).expect("our own value decodes");
        assert_eq!(back.saved_at, 20);
        assert_eq!(back.progress, current);
    }
}

#[test]
fn a_save_merges_another_tabs_write_and_skips_a_write_storage_holds() {
    let guide = shipped();
    let items: Vec<String> = guide
        .items_for(Role::Enterprise)
        .map(|i| i.id.clone())
        .collect();
    // As the store holds it: read from storage, so reconciled with the guide.
    let mut ours = saved::load(None, &guide, 0).progress;
    ours.apply(
        &guide,
        Action::Check {
            item: items[0].clone(),
        },
        10,
    );
    // Another tab checked another item.
    let mut theirs = ours.clone();
    theirs.apply(
        &guide,
        Action::Check {
            item: items[1].clone(),
        },
        11,
    );
    let text = saved::encode(&Saved::new(&guide, theirs.clone(), 11));
    // Ours adds a note on top of what we had.
    ours.apply(
        &guide,
        Action::SetNote {
            item: items[0].clone(),
            note: "by Lin".into(),
        },
        12,
    );
    let plan = plan_save(ours.clone(), Stored::Text(&text), &guide, 30);
    assert!(plan.changed, "the other tab's check is new to this page");
    assert_eq!(plan.progress.mark(&items[1]), theirs.mark(&items[1]));
    assert_eq!(plan.progress.note(&items[0]), "by Lin");
    let written = plan.write.expect("storage lacks our note");
    assert_eq!(
        saved::decode(&written, &guide.id).unwrap().progress,
        plan.progress
    );

    // Storage already holds everything we have: nothing to write, nothing to show.
    let plan = plan_save(theirs.clone(), Stored::Text(&text), &guide, 40);
    assert_eq!(plan.write, None);
    assert!(!plan.changed);
    assert_eq!(plan.progress, theirs);
}

#[test]
fn a_nodes_look_says_its_state_route_and_place_in_words_and_classes() {
    let guide = shipped();
    let flow = Flow::new(&guide);
    let node = flow.find("self-check").expect("a self-check step");
    let mut progress = Progress::default();
    let items: Vec<String> = guide
        .items_of_node("self-check")
        .map(|(_, i)| i.id.clone())
        .collect();
    progress.apply(
        &guide,
        Action::Check {
            item: items[0].clone(),
        },
        1,
    );
    let tally = tallies(&guide, &progress)[node];
    let situation = NodeSituation {
        tally,
        on_route: false,
        passed: false,
        selected: true,
        focused: true,
    };
    let look = node_look(&guide, &guide.nodes[node], situation, Locale::English);
    assert_eq!(look.class, "fc-node step state-partial off selected");
    assert!(look.tab_stop && look.current);
    let title = guide.text(&guide.nodes[node].title, Locale::English);
    assert_eq!(
        look.name,
        format!(
            "Step: {title}. Partly done: 1 of {} checklist items. Not on your route",
            items.len()
        )
    );
    assert_eq!(look.tag, format!("1/{}", items.len()));
    assert_eq!(look.tag_class, "fc-tag state-partial");
    assert!(look.tag_width > 14.0);

    let start = flow.find("start").expect("a start");
    let plain = NodeSituation {
        tally: tallies(&guide, &progress)[start],
        on_route: true,
        passed: false,
        selected: false,
        focused: false,
    };
    let look = node_look(&guide, &guide.nodes[start], plain, Locale::ZhHant);
    assert_eq!(look.class, "fc-node pill");
    assert!(!look.tab_stop && !look.current);
    assert_eq!(look.tag, "");
    assert!(!look.name.contains(':'), "{}", look.name);

    // Issue 16 §3: a step that does not apply is on the route, drawn and named as passed.
    let passed = NodeSituation {
        passed: true,
        ..plain
    };
    let look = node_look(&guide, &guide.nodes[start], passed, Locale::English);
    assert_eq!(look.class, "fc-node pill passed");
    assert!(
        look.name.ends_with("the route passes through"),
        "{}",
        look.name
    );
}

#[test]
fn an_arrows_look_follows_its_branch() {
    let taken = edge_look(Branch::Taken, true, false);
    assert_eq!(taken.class, "fc-edge taken");
    assert_eq!(taken.label_class, "fc-label taken");
    assert!(taken.label_grows);
    let back = edge_look(Branch::NotTaken, false, true);
    assert_eq!(back.class, "fc-edge not-taken off back");
    assert!(!back.label_grows);
    assert_eq!(edge_look(Branch::Plain, true, false).class, "fc-edge");
}

/// Ticks every item of `role` for which `pick` holds.
fn tick_where(
    guide: &Guide,
    role: Role,
    pick: impl Fn(&jimei_model::guide::Item) -> bool,
) -> Progress {
    let mut p = Progress::default();
    for (at, item) in guide.items_for(role).filter(|i| pick(i)).enumerate() {
        p.apply(
            guide,
            Action::Check {
                item: item.id.clone(),
            },
            at as u64 + 1,
        );
    }
    p
}

#[test]
fn the_shipped_enterprise_is_ready_with_every_blocking_item_done() {
    use jimei_model::progress::{overview, Verdict};
    let guide = shipped();
    let p = tick_where(&guide, Role::Enterprise, |i| i.blocks_readiness());
    let o = overview(&guide, &p, Role::Enterprise);
    assert_eq!(o.verdict(&guide), Verdict::Ready);
    assert_eq!(o.overall.blocking, 0);
    // The daily routines and contingencies are still open, and do not count.
    assert!(o.overall.missing_required > 0, "{:?}", o.overall);
    // Leaving one setup item open is not ready.
    let setup = guide
        .items_for(Role::Enterprise)
        .find(|i| i.blocks_readiness() && i.applies_when.is_none())
        .expect("an unconditional setup item");
    let mut q = p.clone();
    q.apply(
        &guide,
        Action::Uncheck {
            item: setup.id.clone(),
        },
        999,
    );
    assert_ne!(
        jimei_model::progress::verdict(&guide, &q, Role::Enterprise),
        Verdict::Ready
    );
}

#[test]
fn an_employee_who_has_not_travelled_is_not_blocked_by_at_work_items() {
    use jimei_model::guide::Phase;
    use jimei_model::progress::{verdict, Missing, Verdict};
    let guide = shipped();
    let missing = match verdict(&guide, &Progress::default(), Role::Employee) {
        Verdict::NotReady { missing } => missing,
        Verdict::Ready => panic!("a fresh employee has things to do before travelling"),
    };
    for Missing { item, .. } in &missing {
        let phase = guide.item(item).and_then(|i| i.phase);
        assert!(
            matches!(phase, Some(Phase::BeforeTravel | Phase::OnArrival)),
            "{item} blocks in {phase:?}"
        );
    }
    // Wearing a mask at work never blocks.
    assert!(missing.iter().all(|m| m.item != "emp-mask"));
    // With everything before travelling and on arrival done: ready, at-work items open.
    let p = tick_where(&guide, Role::Employee, |i| i.blocks_readiness());
    assert_eq!(verdict(&guide, &p, Role::Employee), Verdict::Ready);
}

/// Issue 16 §3: the gate card comes first for the enterprise, and its points are done when
/// the items they link to are, never by a tick of their own.
#[test]
fn a_card_point_is_done_when_its_items_are() {
    use jimei_model::progress::{point_tally, NodeState};
    let guide = shipped();
    let card = guide.first_card(Role::Enterprise).expect("the gate card");
    assert!(guide
        .first_card(Role::Employee)
        .is_none_or(|c| c.role == Role::Employee));
    let point = &card.points[0];
    let items: Vec<String> = guide.point_items(point).map(|i| i.id.clone()).collect();
    assert!(!items.is_empty());
    let mut p = Progress::default();
    assert_eq!(
        point_tally(&guide, point, &p).state(),
        NodeState::NotStarted
    );
    for (at, id) in items.iter().enumerate() {
        p.apply(&guide, Action::Check { item: id.clone() }, at as u64 + 1);
    }
    assert_eq!(point_tally(&guide, point, &p).state(), NodeState::Done);
    // The six musts: a point over several items is partly done with one of them.
    let musts = guide
        .cards_after("in-place")
        .next()
        .expect("the six musts after the six in place");
    let entry = musts
        .points
        .iter()
        .find(|pt| pt.items.len() > 1)
        .expect("a point over several items");
    let mut q = Progress::default();
    q.apply(
        &guide,
        Action::Check {
            item: entry.items[0].clone(),
        },
        1,
    );
    assert_eq!(point_tally(&guide, entry, &q).state(), NodeState::Partial);
}

/// Issue 19 §3: the employee's rules are one per class; once she answers, hers is the only one
/// that applies and the other six are ruled out by her class.
#[test]
fn the_employee_sees_only_her_class_rule() {
    use jimei_model::guide::CLASS_QUESTION;
    use jimei_model::progress::{is_class_rules, overview, ruled_out_by_class};
    let guide = shipped();
    let rules: Vec<_> = guide
        .sections_for(Role::Employee)
        .filter(|s| is_class_rules(s))
        .collect();
    assert_eq!(rules.len(), 1, "one section of class rules");
    assert_eq!(rules[0].items.len(), guide.classes.len());
    assert!(!guide.sections_for(Role::Enterprise).any(is_class_rules));
    let mut p = Progress::default();
    let fresh = overview(&guide, &p, Role::Employee);
    assert!(!fresh.items.iter().any(ruled_out_by_class));
    p.apply(
        &guide,
        Action::Answer {
            question: CLASS_QUESTION.into(),
            answer: "outside_fujian".into(),
        },
        1,
    );
    let o = overview(&guide, &p, Role::Employee);
    let start = guide
        .sections_for(Role::Employee)
        .take_while(|s| !is_class_rules(s))
        .map(|s| s.items.len())
        .sum::<usize>();
    let statuses = &o.items[start..start + rules[0].items.len()];
    let open: Vec<_> = rules[0]
        .items
        .iter()
        .zip(statuses)
        .filter(|(_, s)| !ruled_out_by_class(s))
        .map(|(i, _)| i.id.as_str())
        .collect();
    assert_eq!(open, ["emp-rule-outside-fujian"]);
    // The dormitory item is asked about, not required of everyone.
    let dorm = guide.item("emp-dormitory").expect("the dormitory item");
    assert!(dorm.applies_when.is_some());
    assert!(guide
        .questions
        .iter()
        .any(|q| q.role == Role::Employee && q.id == "employee_dormitory"));
}

/// Issue 20: what the page does about a stored value it cannot use, once it tried to copy it.
/// Only a verified copy lets it write; a newer version's value is never written over; each
/// banner offers the value as a file or a reload.
#[test]
fn a_stored_value_is_written_over_only_once_its_copy_is_verified() {
    use jimei_model::i18n::store::{Notice, NoticeAction};
    use jimei_model::saved::{may_write_over, Kept, LoadProblem};
    let guide = shipped();
    let main = saved::storage_key(&guide.id);
    let huge = "x".repeat(4 * 1_048_576);
    let newer = format!(
        r#"{{"schema":2,"guide_id":"{}","progress":{{}}}}"#,
        guide.id
    );
    let bad_item = format!(
        r#"{{"schema":1,"guide_id":"{}","progress":{{"items":{{"x":{{"mark":{{"value":{{"state":"burnt"}}}}}}}}}}}}"#,
        guide.id
    );
    for (text, kind) in [
        (huge.as_str(), "unreadable"),
        ("{", "unreadable"),
        (newer.as_str(), "newer"),
        (bad_item.as_str(), "dropped"),
    ] {
        let problem = saved::load(Some(text), &guide, 5)
            .problem
            .unwrap_or_else(|| panic!("{kind}: a problem"));
        for copied in [true, false] {
            let notice = Notice::of_problem(&problem, copied, &main);
            let writes = may_write_over(&problem, copied);
            assert_eq!(notice.holds_storage(), !writes, "{kind} {copied}");
            match (&notice, kind) {
                (Notice::NewerVersion, "newer") => {
                    assert!(!writes);
                    assert_eq!(notice.action(), Some(NoticeAction::Reload));
                }
                (Notice::Unreadable { kept, .. }, "unreadable")
                | (Notice::Dropped { kept, .. }, "dropped") => {
                    assert_eq!(writes, copied);
                    let expected = if copied {
                        Kept::Copied(saved::backup_key(&guide.id, 5))
                    } else {
                        Kept::InPlace(main.clone())
                    };
                    assert_eq!(kept, &expected);
                    let Some(NoticeAction::Download { key, backup, .. }) = notice.action() else {
                        panic!("{kind}: a download");
                    };
                    assert_eq!((key.as_str(), backup), (expected.key(), copied));
                }
                _ => panic!("{kind}: unexpected {notice:?}"),
            }
        }
    }
    if let Some(LoadProblem::Dropped { count, .. }) =
        saved::load(Some(&bad_item), &guide, 5).problem
    {
        let text = Notice::Dropped {
            count,
            kept: Kept::Copied("k".into()),
        }
        .text(Locale::English);
        assert!(
            text.starts_with("1 saved entry could not be read"),
            "{text}"
        );
        assert!(text.ends_with("kept under k"), "{text}");
    } else {
        panic!("a dropped entry");
    }
}

/// Issue 20 §2: which banners mean the page's changes are not being saved (the page then
/// keeps a bar in view), and which a successful save takes away.
#[test]
fn the_unsaved_bar_follows_the_banners_that_stop_saving() {
    use jimei_model::i18n::store::Notice;
    use jimei_model::saved::{CodecError, Kept};
    let unreadable = |kept| Notice::Unreadable {
        error: CodecError::Empty,
        kept,
    };
    let cases = [
        (Notice::StorageUnavailable, true, true),
        (Notice::WriteFailed, true, true),
        (Notice::NotWritable, true, true),
        (Notice::NewerVersion, true, false),
        (unreadable(Kept::InPlace("main".into())), true, false),
        (unreadable(Kept::Copied("backup".into())), false, false),
        (Notice::DownloadFailed, false, false),
    ];
    for (notice, stops, cleared) in cases {
        assert_eq!(notice.stops_saving(), stops, "{notice:?}");
        assert_eq!(notice.cleared_by_save(), cleared, "{notice:?}");
        for locale in Locale::ALL {
            assert!(!notice.text(locale).is_empty(), "{notice:?} {locale:?}");
        }
    }
    assert_ne!(
        Notice::NotWritable.text(Locale::English),
        Notice::WriteFailed.text(Locale::English),
        "the start-up check says what it found, not that a save failed"
    );
}

/// Issue 20 §1 and 19 §1: a copy of the progress is worth keeping once it holds work, and a
/// kept copy reads back as the progress it was; an unreadable one says why.
#[test]
fn a_kept_copy_reads_back_and_only_work_is_worth_a_copy() {
    let guide = shipped();
    let item = guide.sections[0].items[0].id.clone();
    let mut progress = Progress::default();
    assert!(!progress.holds_work());
    progress.apply(&guide, Action::SetRole(Role::Employee), 1);
    assert!(!progress.holds_work(), "a role alone is not work");
    progress.apply(&guide, Action::Check { item: item.clone() }, 2);
    assert!(progress.holds_work());
    let text = saved::encode(&Saved::new(&guide, progress.clone(), 3));
    let back = saved::read_backup(&text, &guide).expect("a kept copy reads back");
    assert_eq!((&back.items, &back.role), (&progress.items, &progress.role));
    assert!(saved::read_backup("{", &guide).is_err());
    let mut named = Progress::default();
    named.apply(&guide, Action::SetEnterpriseName("集美".into()), 4);
    assert!(named.holds_work());
}
