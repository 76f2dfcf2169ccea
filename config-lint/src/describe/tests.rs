//! Unit tests of the words for fields: kinds, bounds, rules.

#![allow(clippy::unwrap_used, clippy::panic)]
use super::*;
use config_core::{HasSchema, StructSchema};

mod shop {
    config_tests::shop_types!();
}
mod nav {
    config_tests::nav_types!();
}

fn field(root: &'static Schema, key: &str) -> &'static Field {
    let Schema::Struct(StructSchema { fields, .. }) = root else { panic!("not a struct") };
    fields.iter().find(|f| f.key == key).unwrap()
}

fn promotion() -> &'static Schema {
    innermost(field(shop::Marketing::SCHEMA.get(), "promotions").ty.get())
}

#[test]
fn summaries_of_the_shop_fields() {
    let root = shop::Marketing::SCHEMA.get();
    assert_eq!(summary(field(root, "free_shipping_over_cents")), "integer, required: 0 to 100000");
    assert_eq!(
        summary(field(root, "promotions")),
        "list of `Promotion` tables, optional: each `id` unique; at most 50 items"
    );
    assert_eq!(
        summary(field(root, "menu")),
        "list of `MenuItem` tables, optional: at most 3 levels deep; at most 2000 tables in all; at most 256 KiB as JSON"
    );
    let p = promotion();
    assert_eq!(summary(field(p, "title")), "string, required: 1 to 80 characters");
    assert_eq!(summary(field(p, "starts")), "datetime with offset, required: before `ends`");
    assert_eq!(summary(field(p, "percent_off")), "integer, required: 1 to 90");
    assert_eq!(summary(field(p, "banner_url")), "string, optional: a link: `/path` or `http(s)://…`");
    assert_eq!(summary(field(p, "audience")), "string, optional: one of `all`, `members`, `new`");
}

#[test]
fn summaries_of_the_nav_fields() {
    let root = nav::Nav::SCHEMA.get();
    assert_eq!(summary(field(root, "tags")), "list of strings, optional: no duplicates; at most 4 items");
    assert_eq!(summary(field(root, "labels")), "table of `Label` tables by name, optional");
    assert_eq!(summary(field(root, "ratio")), "number, optional: 0.0 to 1.0");
    let node = innermost(field(root, "menu").ty.get());
    assert_eq!(summary(field(node, "kind")), "one of `link`, `sale-banner`, optional");
}

#[test]
fn integer_bounds_combine_the_type_and_the_range() {
    let r = [Rule::Range { min: Some(Num::Float(0.5)), max: Some(Num::Int(300)) }];
    assert_eq!(int_bounds(0, 255, &r), (1, 255));
    assert_eq!(int_bounds(i128::MIN, i128::MAX, &[]), (i128::from(i64::MIN), i128::from(i64::MAX)));
    assert_eq!(bytes(4 << 20), "4 MiB");
    assert_eq!(bytes(300), "300 bytes");
    assert_eq!(first_paragraph("One\nline.\n\nSecond."), "One line.");
}
