//! Unit tests of which top-level lists are trees: with a schema the types decide (not the
//! key's name), without one only the untyped fallback key.

// the schema types' fields are read by serde only
#![allow(dead_code, clippy::unwrap_used)]
use super::*;
use config_core::HasSchema;

/// A recursive list under another name, and a flat list under the name `menu`.
#[derive(config_runtime::Config, serde::Deserialize, Debug)]
pub struct Site {
    pub sections: Vec<Section>,
    pub menu: Vec<Link>,
}

#[derive(config_runtime::Config, serde::Deserialize, Debug)]
pub struct Section {
    pub title: String,
    pub parts: Vec<Part>,
}

/// Leads back to `Section` through another struct.
#[derive(config_runtime::Config, serde::Deserialize, Debug)]
pub struct Part {
    pub sections: Vec<Section>,
}

#[derive(config_runtime::Config, serde::Deserialize, Debug)]
pub struct Link {
    pub title: String,
}

const TEXT: &str =
    "[[sections]]\ntitle = \"a\"\nparts = []\n[[menu]]\ntitle = \"b\"\n[[other]]\ntitle = \"c\"\n";

fn trees(root: Option<&'static Schema>) -> Vec<String> {
    let doc = toml::de::DeTable::parse(TEXT).unwrap();
    doc.get_ref()
        .iter()
        .filter(|(k, v)| is_tree_list(k.get_ref(), v.get_ref(), root))
        .map(|(k, _)| k.get_ref().to_string())
        .collect()
}

#[test]
fn the_schema_alone_decides() {
    assert_eq!(trees(Some(Site::SCHEMA.get())), ["sections"]);
}

#[test]
fn without_a_schema_the_shape_decides_not_the_name() {
    // `menu` without child items is no tree; `nav` with children sharing keys is one
    assert!(trees(None).is_empty());
    let text = "[[nav]]\ntitle = \"a\"\n[[nav.children]]\ntitle = \"b\"\n\
                [[menu]]\ntitle = \"c\"\n\
                [[promos]]\nid = \"x\"\n[[promos.rules]]\nkind = \"min\"\n";
    let doc = toml::de::DeTable::parse(text).unwrap();
    let found: Vec<String> = doc
        .get_ref()
        .iter()
        .filter(|(k, v)| is_tree_list(k.get_ref(), v.get_ref(), None))
        .map(|(k, _)| k.get_ref().to_string())
        .collect();
    assert_eq!(found, ["nav"]);
}
