//! The benchmark's input: the shop config generated from the product taxonomy (a
//! 3-level menu repeated to 3 MB, promotions) and a shop schema whose budgets it keeps
//! (the test schemas' budgets would reject it, and a failing file takes the slower
//! every-occurrence path). Shared by `benches/lint.rs` and `examples/lint_phases.rs`.

// fields are read by serde only
#![allow(dead_code)]

config_tests::shop_like_types!();

/// The 3 MB shop config.
pub fn config_3mb() -> String {
    config_tests::taxonomy::shop_config(config_tests::taxonomy::corpus(), 3_000_000)
}
