//! Checks the texts that plain scripts show against the app's message layer: the static
//! first screen of `index.html` (every text it shows, in each language its script can switch
//! to, must be the app's own text for the same message, so the shell never says something
//! the app then changes), and the service worker's update banner in `scripts/sw-register.js`.

use jimei::model::i18n::outside::UpdateMsg;
use jimei::model::i18n::{Locale, Message, Msg};

const INDEX: &str = include_str!("../index.html");
const SW_REGISTER: &str = include_str!("../scripts/sw-register.js");

/// The messages the shell shows, by the names its markup and script use.
const SHELL: [(&str, Msg); 12] = [
    ("AppName", Msg::AppName),
    ("AppTagline", Msg::AppTagline),
    ("NavMain", Msg::NavMain),
    ("NavFlowchart", Msg::NavFlowchart),
    ("NavChecklist", Msg::NavChecklist),
    ("NavAbout", Msg::NavAbout),
    ("HomeIntro", Msg::HomeIntro),
    ("HomeStartEnterprise", Msg::HomeStartEnterprise),
    ("HomeStartEmployee", Msg::HomeStartEmployee),
    ("HomeOpenFlowchart", Msg::HomeOpenFlowchart),
    ("Loading", Msg::Loading),
    ("Language", Msg::Language),
];

/// The Simplified Chinese texts in the markup: the contents of each `data-msg="name"` element,
/// and the `aria-label` of the `data-msg-label="name"` element.
fn markup_texts(name: &str) -> Vec<String> {
    let mut found = Vec::new();
    let text_marker = format!("data-msg=\"{name}\">");
    let mut rest = INDEX;
    while let Some(at) = rest.find(&text_marker) {
        rest = &rest[at + text_marker.len()..];
        found.push(rest[..rest.find('<').expect("element closes")].to_string());
    }
    let label_marker = format!("data-msg-label=\"{name}\" aria-label=\"");
    if let Some(at) = INDEX.find(&label_marker) {
        let rest = &INDEX[at + label_marker.len()..];
        found.push(rest[..rest.find('"').expect("attribute closes")].to_string());
    }
    found
}

/// The script's text for `name` in the table of `locale`, with its JavaScript quotes removed.
fn script_text(locale: &str, name: &str) -> Option<String> {
    let script = &INDEX[INDEX.find("var TEXT = {").expect("the shell's text table")..];
    let table = &script[script.find(&format!("{locale}: {{"))?..];
    let table = &table[..table.find('}').expect("table closes")];
    let rest = &table[table.find(&format!("{name}: "))? + name.len() + 2..];
    let quote = rest.chars().next()?;
    let body = &rest[1..];
    Some(body[..body.find(quote)?].to_string())
}

#[test]
fn markup_shows_the_apps_simplified_chinese() {
    for (name, msg) in SHELL {
        let texts = markup_texts(name);
        assert!(!texts.is_empty(), "the shell shows no {name}");
        for text in texts {
            assert_eq!(text, msg.text(Locale::ZhHans), "{name} in index.html");
        }
    }
}

#[test]
fn script_has_the_apps_other_languages() {
    for (table, locale) in [("'zh-Hant'", Locale::ZhHant), ("en", Locale::English)] {
        for (name, msg) in SHELL {
            let text = script_text(table, name)
                .unwrap_or_else(|| panic!("the shell's script has no {name} for {table}"));
            assert_eq!(text, msg.text(locale), "{name} for {table} in index.html");
        }
    }
}

#[test]
fn language_options_are_the_apps() {
    for locale in Locale::ALL {
        let option = format!(
            "<option value=\"{0}\" lang=\"{0}\">{1}</option>",
            locale.tag(),
            locale.native_name()
        );
        assert!(INDEX.contains(&option), "index.html lacks {option}");
    }
}

#[test]
fn every_marked_element_is_checked() {
    // A new data-msg in the markup must join SHELL, or its translations would go unchecked.
    for part in INDEX.split("data-msg=\"").skip(1) {
        let name = &part[..part.find('"').expect("attribute closes")];
        assert!(
            SHELL.iter().any(|(known, _)| *known == name),
            "{name} is not in SHELL"
        );
    }
}

/// The update banner's texts in `scripts/sw-register.js` for the tag `key` (as written in
/// its `TEXT` table), in the order of `UpdateMsg::ALL`.
fn update_banner_texts(key: &str) -> Vec<String> {
    let table = &SW_REGISTER[SW_REGISTER
        .find("const TEXT = {")
        .expect("the banner's table")..];
    let table = &table[..table.find("};").expect("table closes")];
    let line = table
        .lines()
        .find(|l| l.trim_start().starts_with(&format!("{key}:")))
        .unwrap_or_else(|| panic!("no {key} in sw-register.js"));
    let list = &line[line.find('[').expect("a list") + 1..line.rfind(']').expect("list closes")];
    list.split("', '")
        .map(|t| t.trim().trim_matches('\'').to_string())
        .collect()
}

#[test]
fn the_update_banner_says_what_the_message_layer_says() {
    for (key, locale) in [
        ("'zh-Hans'", Locale::ZhHans),
        ("'zh-Hant'", Locale::ZhHant),
        ("en", Locale::English),
    ] {
        let expected: Vec<&str> = UpdateMsg::ALL.iter().map(|m| m.text(locale)).collect();
        assert_eq!(
            update_banner_texts(key),
            expected,
            "{key} in sw-register.js"
        );
    }
}
