use config_runtime::Config;
use chrono::{DateTime, FixedOffset};

#[derive(Config, serde::Deserialize)]
pub struct Promo {
    #[config(before = "end")]
    pub starts: DateTime<FixedOffset>,
    pub ends: DateTime<FixedOffset>,
}

fn main() {}
