#![allow(dead_code)]
config_tests::zones_types!(#[config(file = "../../fixtures/bad/zones/overlap.toml")]);

fn main() {}
