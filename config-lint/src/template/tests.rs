//! Unit tests of the skeleton: it parses, passes the checker for the test schemas, and
//! its placeholders follow the rules.

#![allow(clippy::unwrap_used, clippy::panic)]
use super::*;
use config_core::HasSchema;

mod shop {
    config_tests::shop_types!();
}
mod nav {
    config_tests::nav_types!();
}
mod links {
    config_tests::links_types!();
}

#[test]
fn the_templates_pass_their_schemas() {
    let shop = template(shop::Marketing::SCHEMA, "shop-lint");
    let m =
        config_core::check_str::<shop::Marketing>("t.toml", &shop).unwrap_or_else(|d| panic!("{d}\n{shop}"));
    assert_eq!(m.promotions.len(), 1);
    assert!(m.promotions[0].starts < m.promotions[0].ends, "`before` is kept");
    assert_eq!(m.menu.len(), 1);
    assert!(m.menu[0].children.is_empty(), "recursion is not expanded");
    let nav = template(nav::Nav::SCHEMA, "nav-lint");
    let n = config_core::check_str::<nav::Nav>("t.toml", &nav).unwrap_or_else(|d| panic!("{d}\n{nav}"));
    assert_eq!(n.labels.len(), 1);
    let links = template(links::Links::SCHEMA, "links-lint");
    config_core::check_str::<links::Links>("t.toml", &links).unwrap_or_else(|d| panic!("{d}\n{links}"));
}

#[test]
fn keys_come_with_their_docs_and_rules() {
    let t = template(shop::Marketing::SCHEMA, "shop-lint");
    assert!(
        t.contains("\n# How much is taken off, in percent.\n# integer, required: 1 to 90\npercent_off = 1\n"),
        "{t}"
    );
    assert!(t.contains("\n# integer, required: 0 to 100000\nfree_shipping_over_cents = 0\n"), "{t}");
    assert!(t.contains("[[promotions]]\n"), "{t}");
    assert!(
        t.contains(
            "# ([[menu.children]]: more `MenuItem` entries with the keys of this one; not expanded here)"
        ),
        "{t}"
    );
    assert!(
        t.contains("starts = 2026-01-01T09:00:00+01:00\n")
            && t.contains("ends = 2026-01-02T09:00:00+01:00\n"),
        "{t}"
    );
}

#[test]
fn placeholders() {
    let len = &[Rule::Len { min: Some(10), max: Some(12) }];
    assert_eq!(string(len, true, 0), "\"examplexxx\"");
    assert_eq!(string(&[Rule::Len { min: None, max: Some(3) }], true, 0), "\"exa\"");
    assert_eq!(string(&[Rule::OneOf(&["a", "b"])], true, 1), "\"b\"");
    assert_eq!(string(&[], false, 1), "\"example-2\"");
    assert_eq!(datetime(DtKind::Local, 0, false), "2026-01-01T09:00:00");
    assert_eq!(datetime(DtKind::Time, 2, false), "11:00:00");
    // under a zone, an instant is written as a local time, which every zone reads
    assert_eq!(datetime(DtKind::Offset, 0, false), "2026-01-01T09:00:00+01:00");
    assert_eq!(datetime(DtKind::Offset, 1, true), "2026-01-02T09:00:00");
    assert_eq!(key("a b"), "\"a b\"");
    assert_eq!(quote("q\"\u{7}"), "\"q\\\"\\u0007\"");
    assert_eq!(wrap("aa bb cc\n\ndd", 5), ["aa bb", "cc", "", "dd"]);
}
