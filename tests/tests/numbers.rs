#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Numbers past the range of their Rust type: a finite value outside `f32`'s range is a
//! `range` finding at run time and in the linter (as at build time:
//! `ui/numbers/f32_out_of_range.rs`), never a silent infinity.

use config_runtime::{Config, RuleId};
use serde::Deserialize;

#[derive(Config, Deserialize, Debug)]
pub struct Weights {
    pub ratio: f32,
    pub boost: f32,
    pub floor: f32,
    pub limit: f32,
}

#[derive(Config, Deserialize, Debug)]
pub struct Bounded {
    #[config(range(max = 10.0))]
    pub boost: f32,
    pub wide: f64,
}

const FIXTURE: &str = include_str!("../fixtures/numbers/f32.toml");

#[test]
fn finite_values_past_f32_are_range_findings() {
    let err = config_runtime::check_str::<Weights>("f32.toml", FIXTURE).unwrap_err();
    let found: Vec<_> = err.items.iter().map(|d| (d.rule, d.path.as_str(), d.line, d.col)).collect();
    assert_eq!(found, [(RuleId::Range, "boost", 2, 9), (RuleId::Range, "floor", 3, 9)], "{err}");
    assert!(err.items[0].message.contains("out of range for f32"), "{err}");
}

#[test]
fn the_linter_reports_the_same() {
    let app = config_lint::Linter::app::<Weights>("weights-lint");
    let opts = config_lint::LintOptions {
        now: chrono::DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z").unwrap(),
        syntax_only: false,
    };
    let d = config_lint::lint_text("f32.toml", FIXTURE, app.schema, app.deserialize, &opts);
    let found: Vec<_> = d.items.iter().map(|d| (d.rule, d.path.as_str(), d.line, d.col)).collect();
    assert_eq!(found, [(RuleId::Range, "boost", 2, 9), (RuleId::Range, "floor", 3, 9)], "{}", d.one_line());
}

#[test]
fn infinities_and_f64_pass_and_a_declared_range_reports_instead() {
    let ok = config_runtime::check_str::<Weights>(
        "w.toml",
        "ratio = 1.0\nboost = 3.4e38\nfloor = -inf\nlimit = inf\n",
    )
    .unwrap();
    assert!(ok.limit.is_infinite() && ok.floor.is_infinite());
    let err = config_runtime::check_str::<Bounded>("b.toml", "boost = 1e39\nwide = 1e300\n").unwrap_err();
    assert_eq!(err.items.len(), 1, "{err}");
    assert!(err.items[0].message.contains("above the maximum of 10"), "{err}");
}
