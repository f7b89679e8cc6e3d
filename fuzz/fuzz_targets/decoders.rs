//! Feeds the same bytes to every decoder of outside input: the guide file, the stored value,
//! an import file and a share-link fragment. None may panic.
#![no_main]

use std::sync::OnceLock;

use jimei::model::guide::{parse, Guide};
use jimei::model::load::load_guide;
use jimei::model::saved;
use libfuzzer_sys::fuzz_target;

fn guide() -> &'static Guide {
    static GUIDE: OnceLock<Guide> = OnceLock::new();
    GUIDE.get_or_init(|| parse(include_str!("../../public/guide/jimei.json")).expect("the shipped guide parses"))
}

fuzz_target!(|data: &[u8]| {
    let guide = guide();
    let _ = saved::import_bytes(data, guide);
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = load_guide(text);
        let _ = saved::decode(text, &guide.id);
        let _ = saved::load(Some(text), guide, 1);
        let _ = saved::from_fragment(text, guide);
    }
});
