#![allow(dead_code)]
config_tests::links_types!(#[config(file = "../../fixtures/bad/links/ipv6.toml")]);

fn main() {}
