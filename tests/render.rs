//! Pages rendered on the host with Leptos's SSR, as the prerendering of every route will do:
//! the home page, and the checklist from the shipped guide with empty progress. Each is read
//! back as a tree of elements and checked by structure (headings, links, fields), not as a
//! string of HTML.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::Arc;

use jimei::browser::history::Address;
use jimei::model::guide::{parse, Guide, Role};
use jimei::model::i18n::checklist::{done_of, not_ready, ListMsg};
use jimei::model::i18n::ledger::LedgerMsg;
use jimei::model::i18n::ledger_page::LedgerPageMsg;
use jimei::model::i18n::script::{is_full_width, simplified_only_in};
use jimei::model::i18n::{Locale, Message, Msg, PageMsg};
use jimei::model::progress::{overview, Progress};
use jimei::ui::guide::{GuideContext, LoadState};
use jimei::ui::locale::LocaleContext;
use jimei::ui::pages::checklist::ChecklistPage;
use jimei::ui::pages::flowchart::FlowchartPage;
use jimei::ui::pages::home::HomePage;
use jimei::ui::pages::ledger::LedgerPage;
use jimei::ui::pages::report::ReportPage;
use jimei::ui::router::Location;
use jimei::ui::state::ProgressContext;
use leptos::prelude::*;

/// An element of rendered HTML: its tag, attributes, children and own text.
#[derive(Debug, Default)]
struct El {
    tag: String,
    attrs: Vec<(String, String)>,
    children: Vec<El>,
    text: String,
}

impl El {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// All text inside, in order.
    fn all_text(&self) -> String {
        let mut out = self.text.clone();
        for child in &self.children {
            out.push_str(&child.all_text());
        }
        out
    }

    /// Every element inside (and this one) for which `hit` holds, in document order.
    fn find_all<'a>(&'a self, hit: &dyn Fn(&El) -> bool, out: &mut Vec<&'a El>) {
        if hit(self) {
            out.push(self);
        }
        for child in &self.children {
            child.find_all(hit, out);
        }
    }

    fn all(&self, tag: &str) -> Vec<&El> {
        let mut out = Vec::new();
        self.find_all(&|e| e.tag == tag, &mut out);
        out
    }
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Reads the HTML Leptos renders into a tree: tags, attributes, text; comments (Leptos's
/// markers) are skipped and void elements have no children.
fn parse_html(html: &str) -> El {
    const VOID: [&str; 7] = ["img", "input", "br", "meta", "link", "hr", "source"];
    let mut stack = vec![El {
        tag: "#root".into(),
        ..El::default()
    }];
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
        } else if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>').expect("a closing tag ends");
            let tag = after[..end].trim().to_ascii_lowercase();
            rest = &after[end + 1..];
            // Close up to the matching element.
            if let Some(at) = stack.iter().rposition(|e| e.tag == tag) {
                while stack.len() > at.max(1) {
                    let done = stack.pop().expect("an open element");
                    stack.last_mut().expect("a parent").children.push(done);
                }
            }
        } else if let Some(after) = rest.strip_prefix('<') {
            let end = tag_end(after);
            let inside = &after[..end];
            rest = &after[end + 1..];
            let self_closing = inside.ends_with('/');
            let inside = inside.trim_end_matches('/');
            let (tag, attrs) = inside
                .split_once(char::is_whitespace)
                .unwrap_or((inside, ""));
            let el = El {
                tag: tag.to_ascii_lowercase(),
                attrs: parse_attrs(attrs),
                ..El::default()
            };
            if self_closing || VOID.contains(&el.tag.as_str()) {
                stack.last_mut().expect("a parent").children.push(el);
            } else {
                stack.push(el);
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            stack
                .last_mut()
                .expect("a parent")
                .text
                .push_str(&unescape(&rest[..end]));
            rest = &rest[end..];
        }
    }
    while stack.len() > 1 {
        let done = stack.pop().expect("an open element");
        stack.last_mut().expect("a parent").children.push(done);
    }
    stack.pop().expect("the root")
}

/// Where a tag's `>` is, outside quoted attribute values.
fn tag_end(after: &str) -> usize {
    let mut quote = None;
    for (i, c) in after.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return i,
            _ => {}
        }
    }
    panic!("a tag ends: {after:.80}")
}

fn parse_attrs(text: &str) -> Vec<(String, String)> {
    let mut attrs = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let name_end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let name = rest[..name_end].to_string();
        rest = rest[name_end..].trim_start();
        let value = if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let quote = after.chars().next().unwrap_or('"');
            let body = &after[1..];
            let end = body.find(quote).expect("an attribute value ends");
            rest = body[end + 1..].trim_start();
            unescape(&body[..end])
        } else {
            String::new()
        };
        attrs.push((name, value));
    }
    attrs
}

fn shipped() -> Arc<Guide> {
    Arc::new(parse(include_str!("../public/guide/jimei.json")).expect("the shipped guide parses"))
}

/// Renders `page` in `locale` at the address `path?query`, with the guide ready when one is
/// given (and progress as a first visit has it: empty).
fn render<V: IntoView + 'static>(
    locale: Locale,
    path: &str,
    query: &str,
    guide: Option<Arc<Guide>>,
    page: impl FnOnce() -> V + 'static,
) -> El {
    render_after(locale, path, query, guide, Vec::new(), page)
}

/// As `render`, with `actions` done on the progress first.
fn render_after<V: IntoView + 'static>(
    locale: Locale,
    path: &str,
    query: &str,
    guide: Option<Arc<Guide>>,
    actions: Vec<jimei::model::progress::Action>,
    page: impl FnOnce() -> V + 'static,
) -> El {
    let owner = Owner::new();
    let (path, query) = (path.to_string(), query.to_string());
    let html = owner.with(move || {
        provide_context(LocaleContext(RwSignal::new(locale)));
        provide_context(Location::at(Address {
            path,
            query,
            fragment: String::new(),
        }));
        if let Some(guide) = guide {
            let context = GuideContext::new(LoadState::Ready(guide.clone()));
            let store = ProgressContext::new(guide);
            for action in actions {
                store.dispatch(action);
            }
            context.progress.set(Some(store));
            provide_context(context);
        }
        page().into_view().to_html()
    });
    parse_html(&html)
}

#[test]
fn the_home_page_renders_its_heading_and_ways_in() {
    for locale in Locale::ALL {
        let page = render(locale, "/", "", None, || view! { <HomePage/> });
        let headings = page.all("h1");
        assert_eq!(headings.len(), 1);
        assert_eq!(headings[0].all_text(), Msg::AppName.text(locale));
        let links: Vec<(String, String)> = page
            .all("a")
            .into_iter()
            .map(|a| (a.attr("href").unwrap_or("").to_string(), a.all_text()))
            .collect();
        assert_eq!(
            links,
            [
                ("/checklist?role=enterprise", Msg::HomeStartEnterprise),
                ("/checklist?role=employee", Msg::HomeStartEmployee),
                ("/flowchart", Msg::HomeOpenFlowchart),
            ]
            .map(|(href, msg)| (href.to_string(), msg.text(locale).to_string()))
        );
        let image = &page.all("img")[0];
        assert_eq!(image.attr("alt"), Some(""), "the mascots are decorative");
    }
}

#[test]
fn the_checklist_renders_from_the_shipped_guide_with_empty_progress() {
    let guide = shipped();
    for locale in Locale::ALL {
        let page = render(
            locale,
            "/checklist",
            "role=employee",
            Some(guide.clone()),
            || {
                view! { <ChecklistPage/> }
            },
        );
        assert_eq!(
            page.all("h1")[0].all_text(),
            PageMsg::ChecklistTitle.text(locale)
        );
        let headings: Vec<String> = page.all("h2").iter().map(|h| h.all_text()).collect();
        // The role in the address is drawn: its sections, each titled in the language.
        for section in guide.sections_for(Role::Employee) {
            let title = guide.text(&section.title, locale);
            assert!(
                headings.iter().any(|h| h == title),
                "{title} in {headings:?}"
            );
        }
        for section in guide.sections_for(Role::Enterprise) {
            let title = guide.text(&section.title, locale);
            assert!(
                !headings.iter().any(|h| h == title),
                "{title} is the other role's"
            );
        }
        assert!(headings
            .iter()
            .any(|h| h == ListMsg::OverallProgress.text(locale)));
        // One checkbox per item, each labelled by its title, none checked.
        let items: Vec<_> = guide.items_for(Role::Employee).collect();
        let boxes: Vec<&El> = page
            .all("input")
            .into_iter()
            .filter(|i| i.attr("type") == Some("checkbox"))
            .collect();
        assert_eq!(boxes.len(), items.len());
        let labels = page.all("label");
        for (item, check) in items.iter().zip(&boxes) {
            let id = check.attr("id").expect("a checkbox has an id");
            let label = labels
                .iter()
                .find(|l| l.attr("for") == Some(id))
                .expect("a checkbox has its label");
            assert_eq!(label.all_text(), guide.text(&item.title, locale));
            assert_eq!(check.attr("checked"), None);
        }
        // Nothing is done yet, and the overall count says so in the language.
        let first_visit = overview(&guide, &Progress::default(), Role::Employee);
        let mut counts = Vec::new();
        page.find_all(&|e| e.attr("data-testid") == Some("count"), &mut counts);
        assert_eq!(
            counts.first().map(|c| c.all_text()),
            Some(done_of(0, first_visit.overall.applicable(), locale))
        );
        // The verdict lists what is missing.
        let mut verdict = Vec::new();
        page.find_all(&|e| e.attr("data-testid") == Some("verdict"), &mut verdict);
        assert!(verdict[0]
            .all_text()
            .starts_with(&not_ready(first_visit.overall.blocking, locale)));
    }
}

/// Issue 15: the printed report wrote a full-width colon after its labels in English.
#[test]
fn the_english_report_has_no_full_width_punctuation() {
    let guide = shipped();
    let page = render(
        Locale::English,
        "/report",
        "role=enterprise",
        Some(guide),
        || {
            view! { <ReportPage/> }
        },
    );
    let text = page.all_text();
    let wide: String = text.chars().filter(|c| is_full_width(*c)).collect();
    assert!(
        wide.is_empty(),
        "full-width marks in the English report: {wide}"
    );
    let mut signatures = Vec::new();
    page.find_all(&|e| e.attr("class") == Some("signature"), &mut signatures);
    let lines: Vec<String> = signatures.iter().map(|s| s.all_text()).collect();
    assert!(lines.iter().any(|l| l.starts_with("Date: ")), "{lines:?}");
}

/// Issue 15: Traditional Chinese read Simplified text in the flowchart's step list and in
/// every node's accessible name ("部分完成：2/5 项自查项").
#[test]
fn the_traditional_step_list_has_no_simplified_only_character() {
    let guide = shipped();
    let page = render(
        Locale::ZhHant,
        "/flowchart",
        "view=list",
        Some(guide),
        || {
            view! { <FlowchartPage/> }
        },
    );
    let mut list = Vec::new();
    page.find_all(&|e| e.attr("data-testid") == Some("step-list"), &mut list);
    let text = list.first().expect("the list view is drawn").all_text();
    assert!(text.contains("項自查項"), "{text:.200}");
    assert_eq!(simplified_only_in(&page.all_text()), "");
}

/// The `li` of an item, by its `data-item`.
fn item_row<'a>(page: &'a El, id: &str) -> &'a El {
    let mut rows = Vec::new();
    page.find_all(
        &|e| e.tag == "li" && e.attr("data-item") == Some(id),
        &mut rows,
    );
    rows.first()
        .copied()
        .unwrap_or_else(|| panic!("a row for {id}"))
}

/// Issue 19 §2: setup items and routines are shown apart; a routine carries its phase
/// ("daily, recorded in the ledger"), never the required badge, and the heading says it is
/// not counted in the verdict.
#[test]
fn the_checklist_shows_setup_apart_from_routines() {
    use jimei::model::guide::Phase;
    let guide = shipped();
    for locale in Locale::ALL {
        let page = render(
            locale,
            "/checklist",
            "role=enterprise",
            Some(guide.clone()),
            || {
                view! { <ChecklistPage/> }
            },
        );
        let mut headings = Vec::new();
        page.find_all(
            &|e| e.tag == "h3" && e.attr("data-phase").is_some(),
            &mut headings,
        );
        let daily: Vec<&&El> = headings
            .iter()
            .filter(|h| h.attr("data-phase") == Some("daily"))
            .collect();
        assert!(!daily.is_empty());
        for h in &daily {
            assert!(h.all_text().contains(ListMsg::PhaseDaily.text(locale)));
            assert!(h.all_text().contains(ListMsg::NotCounted.text(locale)));
        }
        assert!(headings
            .iter()
            .any(|h| h.attr("data-phase") == Some("before_reopening")
                && !h.all_text().contains(ListMsg::NotCounted.text(locale))));
        for item in guide.items_for(Role::Enterprise).filter(|i| i.required) {
            let row = item_row(&page, &item.id);
            let mut required = Vec::new();
            row.find_all(&|e| e.attr("class") == Some("tag required"), &mut required);
            let mut routine = Vec::new();
            row.find_all(
                &|e| e.attr("data-testid") == Some("routine-tag"),
                &mut routine,
            );
            if item.phase == Some(Phase::Daily) {
                assert!(required.is_empty(), "{} is a routine", item.id);
                assert_eq!(routine[0].all_text(), ListMsg::PhaseDaily.text(locale));
            } else {
                assert_eq!(required.len(), 1, "{} blocks readiness", item.id);
                assert!(routine.is_empty());
            }
        }
    }
}

/// Issue 16 §3: "At the gate today" is the first thing on the enterprise's checklist and
/// home page; its points and the six musts link to their items and never have a checkbox.
#[test]
fn the_gate_card_comes_first_and_cards_link_instead_of_ticking() {
    let guide = shipped();
    let gate = guide.first_card(Role::Enterprise).expect("the gate card");
    let musts = guide.cards_after("in-place").next().expect("the six musts");
    for locale in Locale::ALL {
        let page = render(
            locale,
            "/checklist",
            "role=enterprise",
            Some(guide.clone()),
            || {
                view! { <ChecklistPage/> }
            },
        );
        let headings = page.all("h2");
        assert_eq!(headings[0].all_text(), guide.text(&gate.title, locale));
        for card in [gate, musts] {
            let test_id = format!("card-{}", card.id);
            let mut found = Vec::new();
            page.find_all(
                &|e| e.attr("data-testid") == Some(test_id.as_str()),
                &mut found,
            );
            let el = found
                .first()
                .unwrap_or_else(|| panic!("{test_id} is drawn"));
            assert!(el.all("input").is_empty(), "{test_id} has no checkbox");
            let hrefs: Vec<&str> = el.all("a").iter().filter_map(|a| a.attr("href")).collect();
            for point in &card.points {
                for item in &point.items {
                    assert!(hrefs.contains(&format!("#item-{item}").as_str()), "{item}");
                }
                if let Some(node) = &point.node {
                    assert!(
                        hrefs.contains(&format!("/flowchart/{node}").as_str()),
                        "{node}"
                    );
                }
            }
        }
        // One checkbox per item still: the cards add none.
        let boxes = page
            .all("input")
            .into_iter()
            .filter(|i| i.attr("type") == Some("checkbox"))
            .count();
        assert_eq!(boxes, guide.items_for(Role::Enterprise).count());
        // The employee's checklist has no gate card.
        let employee = render(
            locale,
            "/checklist",
            "role=employee",
            Some(guide.clone()),
            || {
                view! { <ChecklistPage/> }
            },
        );
        let mut cards = Vec::new();
        employee.find_all(
            &|e| e.attr("data-testid") == Some("card-gate-today"),
            &mut cards,
        );
        assert!(cards.is_empty());
        // Home, with the guide loaded and the enterprise role: the card right after the title.
        let home = render(
            locale,
            "/",
            "",
            Some(guide.clone()),
            || view! { <HomePage/> },
        );
        assert_eq!(
            home.all("h2")[0].all_text(),
            guide.text(&gate.title, locale)
        );
        let links: Vec<&str> = home
            .all("a")
            .iter()
            .filter_map(|a| a.attr("href"))
            .collect();
        let first_item = &gate.points[0].items[0];
        assert!(links.contains(&format!("/checklist?role=enterprise#item-{first_item}").as_str()));
    }
}

/// Issue 19 §3: once the employee has answered her class, her rule shows and the other six
/// fold under one disclosure, none of them badged required.
#[test]
fn the_employee_sees_her_rule_and_the_others_folded() {
    use jimei::model::guide::CLASS_QUESTION;
    use jimei::model::i18n::checklist::other_classes;
    use jimei::model::progress::Action;
    let guide = shipped();
    for locale in Locale::ALL {
        let answer = Action::Answer {
            question: CLASS_QUESTION.into(),
            answer: "outside_fujian".into(),
        };
        let page = render_after(
            locale,
            "/checklist",
            "role=employee",
            Some(guide.clone()),
            vec![answer],
            || view! { <ChecklistPage/> },
        );
        let mut folds = Vec::new();
        page.find_all(
            &|e| e.attr("data-testid") == Some("other-classes"),
            &mut folds,
        );
        assert_eq!(folds.len(), 1);
        let fold = folds[0];
        assert_eq!(fold.tag, "details");
        assert_eq!(fold.attr("open"), None);
        assert_eq!(fold.all("summary")[0].all_text(), other_classes(6, locale));
        let folded: Vec<&str> = fold
            .all("li")
            .iter()
            .filter_map(|li| li.attr("data-item"))
            .collect();
        assert_eq!(folded.len(), 6);
        assert!(!folded.contains(&"emp-rule-outside-fujian"));
        let mut badges = Vec::new();
        fold.find_all(&|e| e.attr("class") == Some("tag required"), &mut badges);
        assert!(
            badges.is_empty(),
            "no required badge on a rule that does not apply"
        );
        // Hers is shown, outside the fold.
        let row = item_row(&page, "emp-rule-outside-fujian");
        assert!(row
            .all("input")
            .iter()
            .any(|i| i.attr("type") == Some("checkbox")));
        // Nothing that does not apply is badged required anywhere on the page.
        for item in guide.items_for(Role::Employee) {
            let row = item_row(&page, &item.id);
            let not_applicable = row
                .attr("class")
                .is_some_and(|c| c.contains("not-applicable"));
            let mut required = Vec::new();
            row.find_all(&|e| e.attr("class") == Some("tag required"), &mut required);
            assert!(!(not_applicable && !required.is_empty()), "{}", item.id);
        }
    }
}

/// Issue 19 §3: the key-epidemic-area option says what the guide lacks and whom to ask,
/// from the guide's data, not a list the app made up.
#[test]
fn the_key_area_option_says_whom_to_ask() {
    let guide = shipped();
    let note = guide
        .class("key_area")
        .and_then(|c| c.note.clone())
        .expect("the guide says what it lacks for key areas");
    for locale in Locale::ALL {
        let page = render(
            locale,
            "/checklist",
            "role=employee",
            Some(guide.clone()),
            || {
                view! { <ChecklistPage/> }
            },
        );
        let label = page
            .all("label")
            .into_iter()
            .find(|l| {
                l.all("input")
                    .iter()
                    .any(|i| i.attr("value") == Some("key_area"))
            })
            .expect("the key-area option");
        let mut notes = Vec::new();
        label.find_all(&|e| e.attr("class") == Some("choice-note"), &mut notes);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].all_text(), guide.text(&note, locale));
    }
}

fn by_testid<'a>(page: &'a El, testid: &str) -> Vec<&'a El> {
    let mut out = Vec::new();
    page.find_all(&|e| e.attr("data-testid") == Some(testid), &mut out);
    out
}

/// The ledger page (issue 18): its three parts, every field labelled, the guide's classes to
/// choose from, empty figures and a daily report in the language.
#[test]
fn the_ledger_page_renders_its_parts_with_labelled_fields() {
    let guide = shipped();
    for locale in Locale::ALL {
        let page = render(locale, "/ledger", "", Some(guide.clone()), || {
            view! { <LedgerPage/> }
        });
        assert_eq!(
            page.all("h1")[0].all_text(),
            LedgerPageMsg::Title.text(locale)
        );
        let headings: Vec<String> = page.all("h2").iter().map(|h| h.all_text()).collect();
        for part in [LedgerPageMsg::RosterHeading, LedgerPageMsg::GateHeading] {
            assert!(
                headings.iter().any(|h| h == part.text(locale)),
                "{part:?} in {headings:?}"
            );
        }
        assert!(headings
            .iter()
            .any(|h| h.starts_with(LedgerPageMsg::TodayHeading.text(locale))));
        // Every field has a label that names it.
        let labels = page.all("label");
        let mut fields = page.all("input");
        fields.extend(page.all("select"));
        assert!(fields.len() >= 9, "{} fields", fields.len());
        for field in &fields {
            let id = field.attr("id").expect("a field has an id");
            let label = labels
                .iter()
                .find(|l| l.attr("for") == Some(id))
                .unwrap_or_else(|| panic!("the field {id} has a label"));
            assert!(!label.all_text().trim().is_empty(), "{id}");
        }
        // The classes are the guide's, by name in the language, after a prompt to choose.
        let select = page
            .all("select")
            .into_iter()
            .find(|s| s.attr("id") == Some("person-class"))
            .expect("the class list");
        let options: Vec<String> = select.all("option").iter().map(|o| o.all_text()).collect();
        assert_eq!(options.len(), guide.classes.len() + 1);
        assert_eq!(options[0], LedgerPageMsg::ChooseClass.text(locale));
        for (class, option) in guide.classes.iter().zip(&options[1..]) {
            assert_eq!(option, guide.text(&class.name, locale));
        }
        assert_eq!(
            by_testid(&page, "roster-empty")[0].all_text(),
            LedgerPageMsg::RosterEmpty.text(locale)
        );
        assert_eq!(by_testid(&page, "count-on-site")[0].all_text(), "0");
        let summary = by_testid(&page, "summary-text")[0].all_text();
        assert!(
            summary.starts_with(LedgerMsg::SummaryTitle.text(locale)),
            "{summary}"
        );
        match locale {
            Locale::English => {
                let wide: String = page
                    .all_text()
                    .chars()
                    .filter(|c| is_full_width(*c))
                    .collect();
                assert!(wide.is_empty(), "full-width marks: {wide}");
            }
            Locale::ZhHant => assert_eq!(simplified_only_in(&page.all_text()), ""),
            Locale::ZhHans => {}
        }
    }
}
