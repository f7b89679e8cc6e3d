//! Feeds the same bytes to the ledger's decoders of outside input: the roster import (CSV or
//! .xlsx), the whole-ledger file and a stored record's value. None may panic.
#![no_main]

use std::sync::OnceLock;

use jimei::model::guide::{Confidence, Text};
use jimei::model::ledger::import::preview;
use jimei::model::ledger::store::{decode_file, decode_value};
use jimei::model::ledger::{ClassRule, Ledger, ObservationKind, Reading, Rules};
use libfuzzer_sys::fuzz_target;

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        let rule = |id: &str, name: &str, observation, days| ClassRule {
            id: id.into(),
            name: Text::from_pairs(&[("zh-Hans", name), ("en", id)]),
            rule: Text::from_pairs(&[("zh-Hans", name)]),
            observation,
            days,
            on_site: days == 0,
            readings_per_day: 2,
            node: format!("rule-{id}"),
            confidence: Confidence::Xiamen,
            source: "xiamen-notice-7".into(),
        };
        Rules::new(vec![
            rule("hubei", "湖北来厦", ObservationKind::Centralised, 14),
            rule("stayed_xiamen", "留厦人员", ObservationKind::None, 0),
        ])
    })
}

fuzz_target!(|data: &[u8]| {
    let _ = preview(data, rules(), &Ledger::default());
    let _ = decode_file(data);
    let _ = decode_value::<Reading>("1.1.1", data);
});
