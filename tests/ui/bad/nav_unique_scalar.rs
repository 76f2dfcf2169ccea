#![allow(dead_code)]
config_tests::nav_types!(#[config(file = "../../fixtures/bad/nav/unique_scalar.toml")]);

fn main() {}
