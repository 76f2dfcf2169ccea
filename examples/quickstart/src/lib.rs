//! The smallest app on the toolchain: `marketing.toml` is checked during `cargo build`
//! and baked into the binary; reading it costs nothing at run time. The types live in the
//! library so the app (`src/main.rs`) and its linter (`src/bin/quickstart-lint.rs`)
//! share them.

use chrono::{DateTime, FixedOffset};
use config_runtime::Config;
use serde::Deserialize;

#[derive(Config, Deserialize, Debug)]
#[config(file = "marketing.toml")]
pub struct Marketing {
    #[config(range(max = 100_000))]
    pub free_shipping_over_cents: u32,
    pub sale_ends: DateTime<FixedOffset>,
    #[config(unique = "id")]
    pub promotions: Vec<Promotion>,
    #[config(max_depth = 3, max_json_bytes = "256 KiB")]
    pub menu: Vec<MenuItem>,
}

#[derive(Config, Deserialize, Debug)]
pub struct Promotion {
    pub id: String,
    #[config(len(min = 1, max = 80))]
    pub title: String,
    #[config(before = "ends")]
    pub starts: DateTime<FixedOffset>,
    pub ends: DateTime<FixedOffset>,
    #[config(range(min = 1, max = 90))]
    pub percent_off: u8,
    #[config(url)]
    pub banner_url: Option<String>,
}

#[derive(Config, Deserialize, Debug)]
pub struct MenuItem {
    #[config(len(min = 1, max = 60))]
    pub title: String,
    #[config(url)]
    pub url: String,
    #[serde(default)]
    pub children: Vec<MenuItem>,
}
