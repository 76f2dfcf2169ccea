#![allow(dead_code)]
//! All 7 levels of the real product taxonomy fail `max_depth = 3` at the first level-4 node.
config_tests::taxonomy_types!(#[config(file = "../../fixtures/generated/taxonomy_7.toml")]);

fn main() {}
