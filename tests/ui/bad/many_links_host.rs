#![allow(dead_code)]
// Several occurrences of a rule at one position: the build lists the first, `check_str`
// every one (compared by `tests/parity.rs`).
config_tests::links_types!(#[config(file = "../../fixtures/many_per_position/links/host.toml")]);

fn main() {}
