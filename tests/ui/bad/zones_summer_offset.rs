#![allow(dead_code)]
config_tests::zones_types!(#[config(file = "../../fixtures/bad/zones/summer_offset.toml")]);

fn main() {}
