use config_runtime::Config;
use chrono::{DateTime, FixedOffset, NaiveDate};

#[derive(Config, serde::Deserialize)]
pub struct Promo {
    #[config(before = "ends")]
    pub starts: DateTime<FixedOffset>,
    pub ends: NaiveDate,
}

fn main() {}
