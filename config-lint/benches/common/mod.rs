//! The benchmark's input: the shop config generated from the product taxonomy (a
//! 3-level menu repeated to 3 MB, promotions) and a shop schema whose budgets it keeps
//! (the test schemas' budgets would reject it, and a failing file takes the slower
//! every-occurrence path). Shared by `benches/lint.rs` and `examples/lint_phases.rs`.

// fields are read by serde only; a missing corpus is a setup error worth a panic
#![allow(dead_code, clippy::expect_used)]

use config_runtime::Config;
use serde::Deserialize;

#[derive(Config, Deserialize, Debug)]
pub struct Marketing {
    #[config(range(min = 0, max = 100000))]
    pub free_shipping_over_cents: u32,
    #[config(unique = "id", len(max = 50))]
    #[serde(default)]
    pub promotions: Vec<Promotion>,
    #[config(max_depth = 3, max_nodes = 1_000_000, max_json_bytes = "64 MiB")]
    #[serde(default)]
    pub menu: Vec<MenuItem>,
}

#[derive(Config, Deserialize, Debug)]
pub struct Promotion {
    pub id: String,
    #[config(len(min = 1, max = 80))]
    pub title: String,
    #[config(before = "ends")]
    pub starts: chrono::DateTime<chrono::FixedOffset>,
    pub ends: chrono::DateTime<chrono::FixedOffset>,
    #[config(range(min = 1, max = 90))]
    pub percent_off: u8,
    #[config(url)]
    pub banner_url: Option<String>,
}

#[derive(Config, Deserialize, Debug)]
pub struct MenuItem {
    #[config(len(min = 1, max = 120))]
    pub title: String,
    #[config(url)]
    pub url: String,
    #[serde(default)]
    pub children: Vec<MenuItem>,
}

/// The 3 MB shop config.
pub fn config_3mb() -> String {
    let corpus =
        std::fs::read_to_string(config_tests::taxonomy::corpus_path()).expect("product taxonomy corpus");
    config_tests::taxonomy::shop_config(&corpus, 3_000_000)
}
