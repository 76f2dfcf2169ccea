//! Shared pieces of the performance suite: the config types, the two inputs, and the
//! incident's per-request date parsing, so every benchmark measures the same things.
//!
//! Inputs: a small realistic marketing config (~30 KB) and a 3 MB one, both with menus
//! built from the real product taxonomy (`config_tests::taxonomy::shop_config`).

pub mod report;

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone, Utc};

mod types {
    config_tests::shop_like_types!();
}
pub use types::{Marketing, MenuItem, Promotion};

/// The two inputs: (name, TOML text).
pub fn inputs() -> Vec<(&'static str, String)> {
    let corpus = config_tests::taxonomy::corpus();
    vec![
        ("small_30kb", config_tests::taxonomy::shop_config(corpus, 30_000)),
        ("large_3mb", config_tests::taxonomy::shop_config(corpus, 3_000_000)),
    ]
}

/// The incident's pattern: a date from config, parsed on every request by trying a list
/// of formats in turn (the right one last, as it happened).
pub fn parse_date_the_incident_way(s: &str) -> Option<DateTime<Utc>> {
    const FORMATS: [&str; 19] = [
        "%d.%m.%Y %H:%M:%S",
        "%d.%m.%Y",
        "%m/%d/%Y %H:%M:%S",
        "%m/%d/%Y",
        "%d/%m/%Y %H:%M:%S",
        "%d/%m/%Y",
        "%Y/%m/%d %H:%M:%S",
        "%Y/%m/%d",
        "%d %b %Y %H:%M:%S",
        "%d %b %Y",
        "%b %d, %Y",
        "%d-%m-%Y %H:%M",
        "%Y%m%dT%H%M%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%a, %d %b %Y %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S%.f",
    ];
    for f in FORMATS {
        if let Ok(n) = NaiveDateTime::parse_from_str(s, f) {
            return Some(Utc.from_utc_datetime(&n));
        }
    }
    DateTime::<FixedOffset>::parse_from_rfc3339(s).ok().map(|d| d.to_utc())
}
