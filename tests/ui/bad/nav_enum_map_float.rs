#![allow(dead_code)]
config_tests::nav_types!(#[config(file = "../../fixtures/bad/nav/enum_map_float.toml")]);

fn main() {}
