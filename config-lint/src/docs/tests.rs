//! Unit tests of the reference: every key path, recursion listed once, `explain KEY`.

#![allow(clippy::unwrap_used)]
use super::*;
use config_core::HasSchema;

mod shop {
    config_tests::shop_types!();
}
mod nav {
    config_tests::nav_types!();
}

#[test]
fn every_key_path_once() {
    let paths: Vec<String> = entries(shop::Marketing::SCHEMA.get()).into_iter().map(|e| e.path).collect();
    assert_eq!(
        paths,
        [
            "free_shipping_over_cents",
            "promotions",
            "promotions[].id",
            "promotions[].title",
            "promotions[].starts",
            "promotions[].ends",
            "promotions[].percent_off",
            "promotions[].banner_url",
            "promotions[].audience",
            "menu",
            "menu[].title",
            "menu[].url",
            "menu[].visible_from",
            "menu[].visible_until",
            "menu[].children",
        ]
    );
    let nav = entries(nav::Nav::SCHEMA.get());
    let children = nav.iter().find(|e| e.path == "menu[].children").unwrap();
    assert_eq!(children.same_as.as_deref(), Some("menu[]"));
    assert!(nav.iter().any(|e| e.path == "labels.<name>.text"));
}

#[test]
fn sections_hold_the_docs() {
    let md = markdown(shop::Marketing::SCHEMA, "shop-lint");
    assert!(
        md.starts_with("# `Marketing`: every key of the config\n\nThe shop's marketing config.\n"),
        "{md}"
    );
    assert!(md.contains(
        "## `promotions[].percent_off`\n\ninteger, required: 1 to 90\n\nHow much is taken off, in percent.\n"
    ));
    assert!(
        md.contains("\n`Promotion`: A time-limited discount.\n"),
        "the type's doc under the key holding it"
    );
    assert!(md.contains(
        "The navigation menu, top level first.\n\nEach entry may hold more entries under `children`.\n"
    ));
    assert!(md.contains("Each `MenuItem` has the keys listed at `menu[]`."));
    let md = markdown(nav::Nav::SCHEMA, "nav-lint");
    assert!(
        md.contains(
            "\n`Kind`: How a node is shown.\n\n- `link`: A plain link.\n- `sale-banner`: A coloured banner.\n"
        ),
        "{md}"
    );
}

#[test]
fn explain_a_key() {
    let s = shop::Marketing::SCHEMA;
    let text = explain_key(s, "promotions[2].percent_off").unwrap();
    assert!(text.starts_with("## `promotions[2].percent_off`\n\ninteger, required: 1 to 90\n"), "{text}");
    assert_eq!(explain_key(s, "promotions[].percent_off"), Some(text.replace("[2]", "[]")));
    assert!(explain_key(s, "menu[].children[].title").unwrap().contains("1 to 60 characters"));
    assert_eq!(explain_key(s, "promotions[0]"), None, "an element is not a key");
    assert_eq!(explain_key(s, "percent_off"), None);
    assert_eq!(explain_key(s, "(root)"), None);
}
