#![allow(dead_code)]
config_tests::zones_types!(#[config(file = "../../fixtures/bad/zones/before_mixed.toml")]);

fn main() {}
