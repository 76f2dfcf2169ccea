use chrono::{DateTime, FixedOffset};
use config_runtime::Config;

// `Europe/Kiev` is a valid alias; a typo is not
#[derive(Config, serde::Deserialize)]
#[config(tz = "Europe/Kyivv")]
pub struct Promo {
    pub starts: DateTime<FixedOffset>,
    #[config(tz = "america/new_york")]
    pub ny_starts: DateTime<FixedOffset>,
    #[config(tz = "Mars/Olympus_Mons")]
    pub mars_starts: DateTime<FixedOffset>,
    #[config(tz = "Europe/Kiev")]
    pub kiev_starts: DateTime<FixedOffset>,
}

fn main() {}
