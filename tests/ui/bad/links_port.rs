#![allow(dead_code)]
config_tests::links_types!(#[config(file = "../../fixtures/bad/links/port.toml")]);

fn main() {}
