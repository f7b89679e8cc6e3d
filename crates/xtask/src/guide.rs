//! The guide per language. public/guide/jimei.json holds every language and stays the one
//! source; guide/jimei.<tag>.json keeps, of each text, only the text in <tag>, so a visitor
//! downloads and parses only the language they read. A text is an object whose keys are all
//! language tags of the guide and whose values are all strings.

use std::fmt;
use std::path::Path;

use anyhow::{Context, Result};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// JSON that keeps the order of object keys as written, so the split files read like the
/// source (serde_json's own `Value` sorts them).
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// The guide's language tags, in its order.
pub fn languages(guide: &Json) -> Result<Vec<String>> {
    match guide.get("languages") {
        Some(Json::Array(tags)) => tags
            .iter()
            .map(|t| match t {
                Json::String(tag) => Ok(tag.clone()),
                _ => anyhow::bail!("a language tag that is not a string"),
            })
            .collect(),
        _ => anyhow::bail!("the guide has no list of languages"),
    }
}

/// The guide with, of each text, only its text in `tag` (a text without one is kept whole,
/// for the app's fallback to the primary language), and `languages` set to `[tag]`.
pub fn only(guide: &Json, tag: &str, tags: &[String]) -> Json {
    let mut out = keep(guide, tag, tags);
    if let Json::Object(entries) = &mut out {
        for (key, value) in entries.iter_mut() {
            if key == "languages" {
                *value = Json::Array(vec![Json::String(tag.to_string())]);
            }
        }
    }
    out
}

fn keep(value: &Json, tag: &str, tags: &[String]) -> Json {
    match value {
        Json::Object(entries) if is_text(entries, tags) => {
            match entries.iter().find(|(k, _)| k == tag) {
                Some(entry) => Json::Object(vec![entry.clone()]),
                None => value.clone(),
            }
        }
        Json::Object(entries) => Json::Object(
            entries
                .iter()
                .map(|(k, v)| (k.clone(), keep(v, tag, tags)))
                .collect(),
        ),
        Json::Array(items) => Json::Array(items.iter().map(|v| keep(v, tag, tags)).collect()),
        other => other.clone(),
    }
}

fn is_text(entries: &[(String, Json)], tags: &[String]) -> bool {
    !entries.is_empty()
        && entries
            .iter()
            .all(|(k, v)| tags.contains(k) && matches!(v, Json::String(_)))
}

/// Writes guide/jimei.<tag>.json for each language of the guide at `source` into `dir`;
/// returns the names written.
pub fn write_per_language(source: &Path, dir: &Path) -> Result<Vec<String>> {
    let text =
        std::fs::read_to_string(source).with_context(|| format!("reading {}", source.display()))?;
    let guide: Json =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", source.display()))?;
    let tags = languages(&guide)?;
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for tag in &tags {
        let name = format!("jimei.{tag}.json");
        let json = serde_json::to_string(&only(&guide, tag, &tags))?;
        std::fs::write(dir.join(&name), json)?;
        written.push(name);
    }
    Ok(written)
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => serializer.serialize_unit(),
            Json::Bool(b) => serializer.serialize_bool(*b),
            Json::Number(n) => n.serialize(serializer),
            Json::String(s) => serializer.serialize_str(s),
            Json::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Object(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("JSON")
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
        Ok(Json::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Json, E> {
        Ok(Json::Number(n.into()))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Json, E> {
        Ok(Json::Number(n.into()))
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Json, E> {
        serde_json::Number::from_f64(n)
            .map(Json::Number)
            .ok_or_else(|| E::custom("a number JSON cannot hold"))
    }
    fn visit_str<E>(self, s: &str) -> Result<Json, E> {
        Ok(Json::String(s.to_string()))
    }
    fn visit_string<E>(self, s: String) -> Result<Json, E> {
        Ok(Json::String(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut entries: Vec<(String, Json)> = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Json>()? {
            // A repeated key means the last one, as in JavaScript's JSON.parse.
            entries.retain(|(k, _)| *k != key);
            entries.push((key, value));
        }
        Ok(Json::Object(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Json {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn each_text_keeps_only_its_language_and_keys_keep_their_order() {
        let guide = parse(
            r#"{"id":"g","languages":["zh-Hans","en"],"title":{"zh-Hans":"标题","en":"Title"},
                "nodes":[{"z":1,"a":{"en":"only English"},"label":{"zh-Hans":"甲","en":"A"}}],
                "note":{"zh-Hans":"中","other":"x"}}"#,
        );
        let tags = languages(&guide).unwrap();
        let en = serde_json::to_string(&only(&guide, "en", &tags)).unwrap();
        assert_eq!(
            en,
            r#"{"id":"g","languages":["en"],"title":{"en":"Title"},"nodes":[{"z":1,"a":{"en":"only English"},"label":{"en":"A"}}],"note":{"zh-Hans":"中","other":"x"}}"#
        );
        // A text without the language is kept whole, for the app's fallback.
        let zh = only(&guide, "zh-Hans", &tags);
        let node = match zh.get("nodes") {
            Some(Json::Array(nodes)) => nodes[0].clone(),
            _ => panic!("nodes"),
        };
        assert_eq!(node.get("a"), Some(&parse(r#"{"en":"only English"}"#)));
    }

    #[test]
    fn the_shipped_guide_splits_into_one_file_per_language() {
        let dir = std::env::temp_dir().join(format!("jimei-guide-test-{}", std::process::id()));
        let source = crate::root().join("public/guide/jimei.json");
        let written = write_per_language(&source, &dir).unwrap();
        let whole: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&source).unwrap()).unwrap();
        assert_eq!(written.len(), whole["languages"].as_array().unwrap().len());
        for name in &written {
            let part: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap();
            let tag = name
                .strip_prefix("jimei.")
                .and_then(|n| n.strip_suffix(".json"))
                .unwrap();
            assert_eq!(part["languages"], serde_json::json!([tag]));
            assert_eq!(part["id"], whole["id"]);
            assert_eq!(
                part["title"],
                serde_json::json!({ tag: whole["title"][tag] })
            );
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
