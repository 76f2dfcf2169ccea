#![allow(dead_code)]
config_tests::nav_types!(#[config(file = "../../fixtures/bad/nav/max_json_bytes.toml")]);

fn main() {}
