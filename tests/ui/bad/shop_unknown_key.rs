#![allow(dead_code)]
config_tests::shop_types!(#[config(file = "../../fixtures/bad/shop/unknown_key.toml")]);

fn main() {}
