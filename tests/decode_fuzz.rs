//! The guide decoder against hostile input: random bytes, random damage to the shipped file,
//! and structurally valid but wrong values. Nothing may panic; every failure is a `LoadError`.
//! A bounded number of cases runs here; `fuzz/` has a cargo-fuzz target for longer runs.

use jimei::model::guide::{parse, validate, ProblemKind};
use jimei::model::load::{load_guide, LoadError, MAX_GUIDE_BYTES};
use jimei::model::testing::Rng;
use serde_json::{json, Value};

const SHIPPED: &str = include_str!("../public/guide/jimei.json");

#[test]
fn random_bytes_are_refused_without_panic() {
    let mut rng = Rng(0x5eed);
    for _ in 0..2_000 {
        let len = rng.below(300);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            load_guide(&text).is_err(),
            "random input accepted: {text:?}"
        );
    }
}

#[test]
fn damaged_copies_of_the_shipped_guide_never_panic() {
    let mut rng = Rng(0xfeed_beef);
    let original = SHIPPED.as_bytes();
    let mut refused = 0;
    for _ in 0..600 {
        let mut bytes = original.to_vec();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(bytes.len());
            match rng.below(3) {
                0 => bytes[at] = rng.next() as u8,
                1 => {
                    bytes.remove(at);
                }
                _ => bytes.insert(at, b"{}[]\",:0"[rng.below(8)]),
            }
        }
        let text = String::from_utf8_lossy(&bytes);
        if load_guide(&text).is_err() {
            refused += 1;
        }
    }
    // Most single-byte damage breaks the JSON; the point is that none of it panicked.
    assert!(refused > 300, "only {refused} of 600 damaged files refused");
}

fn shipped() -> Value {
    serde_json::from_str(SHIPPED).expect("the shipped guide is JSON")
}

fn load_value(value: &Value) -> Result<jimei::model::guide::Guide, LoadError> {
    load_guide(&value.to_string())
}

#[test]
fn wrong_values_are_named() {
    // An edge to a node that does not exist.
    let mut v = shipped();
    v["edges"][0]["to"] = json!("n99");
    let Err(LoadError::Invalid(problems)) = load_value(&v) else {
        panic!("accepted")
    };
    assert!(problems
        .iter()
        .any(|p| matches!(&p.kind, ProblemKind::EdgeToMissing { node, .. } if node == "n99")));

    // A number where text belongs, and an unknown node kind.
    let mut v = shipped();
    v["nodes"][1]["title"]["en"] = json!(42);
    assert!(matches!(load_value(&v), Err(LoadError::Json(_))));
    let mut v = shipped();
    v["nodes"][1]["kind"] = json!("teleport");
    assert!(matches!(load_value(&v), Err(LoadError::Json(e)) if e.message.contains("teleport")));

    // A version of the wrong type.
    let mut v = shipped();
    v["version"] = json!(["1"]);
    assert!(matches!(load_value(&v), Err(LoadError::Json(_))));
}

#[test]
fn huge_deep_and_duplicated_input_is_refused() {
    let huge = format!("{{\"id\": \"{}\"}}", "x".repeat(MAX_GUIDE_BYTES));
    assert!(matches!(load_guide(&huge), Err(LoadError::TooLarge { .. })));

    // Nesting deeper than the parser's limit is an error, not a stack overflow.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(load_guide(&deep), Err(LoadError::Json(_))));
    let deep_condition = shipped_with_condition_depth(5_000);
    assert!(load_guide(&deep_condition).is_err());

    // A key given twice is refused rather than silently taking one of them.
    let duplicated = SHIPPED.replacen("\"version\":", "\"version\": \"0\", \"version\":", 1);
    assert!(
        matches!(load_guide(&duplicated), Err(LoadError::Json(e)) if e.message.contains("duplicate"))
    );
}

/// The shipped guide with one item's condition nested `depth` levels deep in `not`.
fn shipped_with_condition_depth(depth: usize) -> String {
    let text = shipped().to_string();
    let nested = format!(
        "{}{{\"is\": {{\"question\": \"canteen\", \"answer\": \"yes\"}}}}{}",
        "{\"not\": ".repeat(depth),
        "}".repeat(depth)
    );
    text.replacen(
        "\"required\":",
        &format!("\"applies_when\": {nested}, \"required\":"),
        1,
    )
}

/// A generated guide with `n` items spread over a chain of steps.
fn generated_guide(n_items: usize) -> Value {
    let mut v = shipped();
    let node = v["nodes"][1]["id"].clone();
    let template = v["sections"][0]["items"][0].clone();
    let items: Vec<Value> = (0..n_items)
        .map(|i| {
            let mut item = template.clone();
            item["id"] = json!(format!("generated-{i}"));
            item["node"] = node.clone();
            item.as_object_mut().map(|o| o.remove("applies_when"));
            item
        })
        .collect();
    v["sections"][0]["items"] = Value::Array(items);
    v
}

#[test]
fn a_guide_of_ten_thousand_items_loads() {
    let big = generated_guide(10_000);
    let text = big.to_string();
    match load_guide(&text) {
        Ok(guide) => {
            assert_eq!(guide.sections[0].items.len(), 10_000);
            assert!(validate(&guide).is_empty());
        }
        Err(LoadError::TooLarge { bytes }) => assert!(bytes > MAX_GUIDE_BYTES),
        Err(other) => panic!("refused for the wrong reason: {other:?}"),
    }
    assert!(parse(&text).is_ok() || text.len() > MAX_GUIDE_BYTES);
}
