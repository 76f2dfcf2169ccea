#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The shop schema baked from a good file.

config_tests::shop_types!(#[config(file = "fixtures/good/shop.toml")]);

#[test]
fn baked_equals_check_str() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/good/shop.toml")).unwrap();
    let checked: Marketing = config_runtime::check_str("shop.toml", &text).unwrap();
    assert_eq!(Marketing::baked(), &checked);
    assert_eq!(Marketing::FREE_SHIPPING_OVER_CENTS, 4900);
    assert_eq!(checked.promotions[1].audience, "members");
    assert_eq!(checked.promotions[0].audience, "all");
}
