//! Unit tests of key path parsing.

#![allow(clippy::unwrap_used)]
use super::*;

#[test]
fn parses_printed_paths() {
    let k = |s: &str| Segment::Key(s.to_owned());
    assert_eq!(parse("promotions[2].ends").unwrap(), vec![k("promotions"), Segment::Index(2), k("ends")]);
    assert_eq!(parse("labels.\"new in\".text").unwrap(), vec![k("labels"), k("new in"), k("text")]);
    assert_eq!(parse("a.\"x\\\"y\"").unwrap(), vec![k("a"), k("x\"y")]);
    assert_eq!(parse("(root)").unwrap(), vec![]);
    assert_eq!(parse("m[1][0]").unwrap(), vec![k("m"), Segment::Index(1), Segment::Index(0)]);
    assert!(parse("a[x]").is_none());
}

mod shop {
    config_tests::shop_types!();
}

#[test]
fn the_innermost_field_on_a_path() {
    use config_core::HasSchema;
    let root = shop::Marketing::SCHEMA.get();
    let at = |p: &str| field_at(root, &parse(p).unwrap()).map(|f| f.key);
    assert_eq!(at("promotions[0].percent_off"), Some("percent_off"));
    assert_eq!(at("promotions[1]"), Some("promotions"));
    assert_eq!(at("menu[0].children[2].title"), Some("title"));
    assert_eq!(at("(root)"), None);
    assert_eq!(at("promotions[0].percent_of"), None, "a path that leads nowhere names no field");
    assert_eq!(at("free_shipping_over_cents[0]"), None);
}
