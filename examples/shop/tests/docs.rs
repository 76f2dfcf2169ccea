#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! What `shop-lint docs` and `shop-lint template` print for the shop's own types (their
//! `///` docs included), compared exactly with `tests/snapshots/` (regenerate with
//! `UPDATE_SNAPSHOTS=1 cargo test -p shop --test docs` and review the diff), and the
//! template is a file the shop accepts: it parses as TOML and passes every rule.

use config_lint::{Linter, run};
use std::path::Path;

fn shop_lint(args: &[&str]) -> String {
    let linter = Linter::app::<shop::Marketing>("shop-lint");
    let mut argv = vec!["shop-lint"];
    argv.extend_from_slice(args);
    config_tests::snapshot::transcript(&argv, |out, err| run(argv.clone(), &linter, out, err))
}

fn snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots").join(format!("{name}.txt"));
    config_tests::snapshot::assert_snapshot(&path, actual);
}

/// The standard output of a clean transcript.
fn stdout(transcript: &str) -> &str {
    let (head, out) = transcript.split_once("--- stdout\n").unwrap();
    assert!(head.ends_with("exit: 0\n") && !out.contains("--- stderr"), "{transcript}");
    out
}

#[test]
fn docs_snapshot() {
    let t = shop_lint(&["docs"]);
    snapshot("docs", &t);
    // every key, with the doc comment written on it in `src/model.rs`
    let md = stdout(&t);
    for key in
        ["free_shipping_over_cents", "promotions[].starts", "promotions[].banner_url", "menu[].children"]
    {
        assert!(md.contains(&format!("## `{key}`\n")), "{key} missing:\n{md}");
    }
    assert!(md.contains("How much is taken off, in percent: `30` is 30% off."), "{md}");
}

#[test]
fn template_snapshot_parses_and_passes_every_rule() {
    let t = shop_lint(&["template"]);
    snapshot("template", &t);
    let text = stdout(&t);
    let table: toml::Table = toml::from_str(text).expect("the template parses as TOML");
    assert!(table.contains_key("free_shipping_over_cents") && table.contains_key("promotions"), "{table:?}");
    let m = config_runtime::check_str::<shop::Marketing>("template.toml", text)
        .unwrap_or_else(|d| panic!("the template breaks a rule:\n{d:#}\n{text}"));
    assert_eq!(m.promotions.len(), 1);
    assert!(m.promotions[0].starts < m.promotions[0].ends);
    assert_eq!(m.menu.len(), 1);
    // and the linter, warnings denied, finds nothing before the example promotion ends
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let file = dir.join("template.toml");
    std::fs::write(&file, text).unwrap();
    let lint =
        shop_lint(&["check", "--now", "2025-12-01T00:00:00Z", "--deny-warnings", file.to_str().unwrap()]);
    assert!(lint.contains("\nexit: 0\n"), "{lint}");
}
