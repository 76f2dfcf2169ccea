#![allow(dead_code)]
// 200 unknown keys of over 100 characters each: the build message shows whole findings
// only and ends by saying how many more there are and how to see them all.
config_tests::shop_types!(#[config(file = "../../fixtures/many/unknown_keys_200.toml")]);

fn main() {}
