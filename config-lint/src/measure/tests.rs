//! Unit tests of the measures: JSON text and length agree, depth and node counts, and
//! agreement with the checker's `max-json-bytes` / `max-nodes` numbers.

#![allow(clippy::unwrap_used)]
use super::*;
use config_core::json_size::{table_value_len as table_json_len, value_len as json_len};

#[test]
fn json_text_and_length_agree() {
    let text = "a = 1\nb = 0x10\nc = 1.5e3\nd = nan\ne = \"x\\u0001\\n\\\"\"\nf = 2024-11-29T09:00:00+01:00\n\
                g = [1, [true, false], { h = 'é' }]\n[t]\n\"k k\" = 1979-05-27\n";
    let doc = toml::de::DeTable::parse(text).unwrap();
    let mut out = String::new();
    write_table_json(doc.get_ref(), &mut out);
    assert_eq!(out.len() as u64, table_json_len(doc.get_ref()), "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["b"], 16);
    assert_eq!(v["d"], serde_json::Value::Null);
}

#[test]
fn depth_and_nodes() {
    let text =
        "[[menu]]\nt = 1\n[[menu.children]]\nt = 2\n[[menu.children.children]]\nt = 3\n[[menu]]\nt = 4\n";
    let doc = toml::de::DeTable::parse(text).unwrap();
    let menu = doc.get_ref().get("menu").unwrap().get_ref();
    assert_eq!((depth(menu), nodes(menu)), (3, 4));
    assert_eq!(human_bytes(1536), "1.5 KiB");
}

mod nav {
    config_tests::nav_types!();
}

/// `budget-near` measures exactly what `max-json-bytes` and `max-nodes` measure.
#[test]
fn budget_measures_agree_with_the_checker() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/bad/nav");
    for (file, rule) in [("max_json_bytes.toml", "max-json-bytes"), ("max_nodes.toml", "max-nodes")] {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        let d = config_runtime::check_str::<nav::Nav>(file, &text).unwrap_err();
        let x = d.items.iter().find(|x| x.rule.id() == rule).unwrap();
        let reported: u64 = x.message.split_whitespace().nth(1).unwrap().parse().unwrap();
        let doc = config_core::check_str::parse(file, &text).unwrap();
        let menu = doc.get_ref().get("menu").unwrap().get_ref();
        let mine = if rule == "max-nodes" { nodes(menu) } else { json_len(menu) };
        assert_eq!(mine, reported, "{file}: {}", x.message);
        let mut json = String::new();
        write_json(menu, &mut json);
        assert_eq!(json.len() as u64, json_len(menu));
        assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
    }
}
