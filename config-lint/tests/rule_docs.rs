#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Every rule's `explain` example, run through the linter: the flagged snippet reports
//! that rule and nothing else, the fixed one passes. (config-core tests the checker's
//! rules the same way; this also covers the linter-only warnings.) The schema is the
//! example schema the docs are written against, declared with the derive.

use config_lint::{LintOptions, Linter, lint_text};
use config_runtime::{Config, RuleId};
use serde::Deserialize;

#[derive(Config, Deserialize, Debug)]
pub struct Shop {
    #[config(range(min = 0, max = 100000))]
    pub free_shipping_over_cents: Option<u32>,
    #[config(unique = "id", len(max = 3), no_overlap(start = "starts", end = "ends"))]
    #[serde(default)]
    pub promotions: Vec<Promotion>,
    #[config(max_depth = 2, max_nodes = 4, max_json_bytes = 120)]
    #[serde(default)]
    pub menu: Vec<MenuItem>,
    #[config(unique)]
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Config, Deserialize, Debug)]
pub struct Promotion {
    pub id: String,
    #[config(len(min = 1, max = 40))]
    pub title: Option<String>,
    #[config(before = "ends")]
    pub starts: Option<chrono::DateTime<chrono::FixedOffset>>,
    pub ends: Option<chrono::DateTime<chrono::FixedOffset>>,
    #[config(range(min = 1, max = 90))]
    pub percent_off: Option<u8>,
    #[config(url)]
    pub banner_url: Option<String>,
    #[config(one_of("all", "members", "new"))]
    pub audience: Option<String>,
    #[config(tz = "Europe/Berlin")]
    pub local_start: Option<chrono::DateTime<chrono::FixedOffset>>,
}

#[derive(Config, Deserialize, Debug)]
pub struct MenuItem {
    pub title: String,
    #[config(url)]
    pub url: Option<String>,
    #[serde(default)]
    pub children: Vec<MenuItem>,
}

#[test]
fn every_example_flags_its_rule_and_its_fix_passes() {
    let app = Linter::app::<Shop>("shop-lint");
    let mut n = 0;
    for id in RuleId::running(|m| m.lint) {
        // the moment the `window-over` example is written for; before every example
        // date for the others
        let now = if id == RuleId::WindowOver { "2026-12-15T00:00:00Z" } else { "2026-01-01T00:00:00Z" };
        let opts =
            LintOptions { now: chrono::DateTime::parse_from_rfc3339(now).unwrap(), syntax_only: false };
        let e = id.descriptor().example.as_ref().unwrap_or_else(|| panic!("{id} has no example"));
        let bad = lint_text("bad.toml", e.bad, app.schema, app.deserialize, &opts);
        assert!(!bad.is_empty(), "{id}: the flagged example passes");
        assert!(bad.items.iter().all(|d| d.rule == id), "{id}: {}", bad.one_line());
        let good = lint_text("good.toml", e.good, app.schema, app.deserialize, &opts);
        assert!(good.is_empty(), "{id}: the fixed example fails:\n{}", good.one_line());
        n += 1;
    }
    assert!(n >= 17, "only {n} rules checked: every checker rule and linter warning has an example");
}
