//! The README's "Time zones" example: the November mistake, as `cargo build` shows it.
use chrono::{DateTime, FixedOffset};
use config_runtime::Config;

#[derive(Config, serde::Deserialize)]
#[config(file = "../../fixtures/readme/november.toml", tz = "Europe/Kyiv")]
pub struct Marketing {
    #[serde(default)]
    pub promotions: Vec<Promotion>,
}

#[derive(Config, serde::Deserialize)]
pub struct Promotion {
    pub id: String,
    #[config(before = "ends")]
    pub starts: DateTime<FixedOffset>,
    pub ends: DateTime<FixedOffset>,
}

fn main() {}
