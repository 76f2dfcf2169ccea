#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The JSON Schema checked in next to `marketing.toml` (for editors, via its `#:schema`
//! line) must match the shop's types: this fails when it is stale.
//! Regenerate: `cargo run -p shop --bin shop-lint -- schema --format json-schema > examples/shop/marketing.schema.json`

use config_lint::{Linter, run};

#[test]
fn checked_in_json_schema_is_current() {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run(
        ["shop-lint", "schema", "--format", "json-schema"],
        &Linter::app::<shop::Marketing>("shop-lint"),
        &mut out,
        &mut err,
    );
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/marketing.schema.json");
    let on_disk = std::fs::read_to_string(path).unwrap();
    assert!(
        on_disk == String::from_utf8(out).unwrap(),
        "{path} is stale; regenerate it with `cargo run -p shop --bin shop-lint -- schema --format json-schema > examples/shop/marketing.schema.json`"
    );
}

#[test]
fn the_shipped_config_lints_clean() {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/marketing.toml");
    let code = run(
        ["shop-lint", "check", "--now", "2026-11-01T00:00:00Z", "--color", "never", file],
        &Linter::app::<shop::Marketing>("shop-lint"),
        &mut out,
        &mut err,
    );
    assert_eq!(code, 0, "{}{}", String::from_utf8_lossy(&out), String::from_utf8_lossy(&err));
}
