#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Snapshot tests: the full rendered output of every command and format, compared exactly
//! with the checked-in files under `tests/snapshots/` (colour off, fixed width: the
//! renderers never read the terminal). Regenerate with `UPDATE_SNAPSHOTS=1 cargo test -p
//! config-lint --test snapshots` and review the diff.
//!
//! Commands run in process through `config_lint::run`, with the shop and nav test
//! schemas as app linters (and, for the time commands, the zones schema and the shop's
//! in its shipped zone); paths are relative to this crate, as in CI. (The taxonomy
//! renderings with fixed file names, `diff_taxonomy` and `stats_taxonomy`, are unit tests
//! of the crate: `src/diff/tests.rs`.)

use config_lint::{Linter, run};
use std::path::Path;

mod shop {
    config_tests::shop_types!();
}
mod nav {
    config_tests::nav_types!();
}
mod zones {
    config_tests::zones_types!();
}
mod kyiv {
    // the shipped file's zone, so its local times read as the shop reads them
    config_tests::shop_types!(#[config(tz = "Europe/Kyiv")]);
}

const NOW: &str = "2026-12-15T12:00:00+01:00";
/// Before every promotion of the fixtures: no `promotion-over` warnings.
const EARLY: &str = "2026-01-01T00:00:00Z";

fn shop() -> Linter {
    Linter::app::<shop::Marketing>("shop-lint")
}

fn nav() -> Linter {
    Linter::app::<nav::Nav>("nav-lint")
}

fn zones() -> Linter {
    Linter::app::<zones::Schedule>("zones-lint")
}

/// Runs a command line and renders what a terminal would show.
fn transcript(linter: &Linter, args: &[&str]) -> String {
    let mut argv = vec![linter.name];
    argv.extend_from_slice(args);
    config_tests::snapshot::transcript(&argv, |out, err| run(argv.clone(), linter, out, err))
}

/// Compares `actual` with `tests/snapshots/<name>.txt` (or writes it).
fn snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots").join(format!("{name}.txt"));
    config_tests::snapshot::assert_snapshot(&path, actual);
}

fn check(name: &str, linter: &Linter, args: &[&str]) {
    snapshot(name, &transcript(linter, args));
}

fn fixtures(dir: &str) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
        .unwrap()
        .map(|e| format!("{dir}/{}", e.unwrap().file_name().to_string_lossy()))
        .filter(|p| p.ends_with(".toml"))
        .collect();
    v.sort();
    v
}

const MIXED: &str = "../tests/fixtures/bad/shop/mixed.toml";

#[test]
fn check_human_every_shop_fixture() {
    let files = fixtures("../tests/fixtures/bad/shop");
    let mut args = vec!["check", "--now", EARLY];
    args.extend(files.iter().map(String::as_str));
    check("check_human_shop_fixtures", &shop(), &args);
}

#[test]
fn check_human_every_nav_fixture() {
    let files = fixtures("../tests/fixtures/bad/nav");
    let mut args = vec!["check", "--now", EARLY];
    args.extend(files.iter().map(String::as_str));
    check("check_human_nav_fixtures", &nav(), &args);
}

#[test]
fn check_each_format() {
    check("check_json", &shop(), &["check", "--now", NOW, "--format", "json", MIXED]);
    check("check_github", &shop(), &["check", "--now", NOW, "--format", "github", MIXED]);
    check("check_sarif", &shop(), &["check", "--now", NOW, "--format", "sarif", MIXED]);
}

#[test]
fn check_clean_file() {
    check(
        "check_clean",
        &shop(),
        &["check", "--now", "2026-01-01T00:00:00Z", "../tests/fixtures/good/shop.toml"],
    );
}

#[test]
fn check_warnings() {
    let files = ["tests/fixtures/shop_warnings.toml"];
    check("check_warnings", &shop(), &["check", "--now", NOW, files[0]]);
    check("check_warnings_denied", &shop(), &["check", "--now", NOW, "--deny-warnings", files[0]]);
    check("check_warnings_github", &shop(), &["check", "--now", NOW, "--format", "github", files[0]]);
    check("check_budget_near", &nav(), &["check", "--now", NOW, "tests/fixtures/nav_warnings.toml"]);
}

#[test]
fn check_date_help() {
    check("check_dates", &shop(), &["check", "--now", NOW, "tests/fixtures/dates.toml"]);
}

#[test]
fn check_not_utf8_and_syntax_only() {
    check("check_not_utf8", &shop(), &["check", "tests/fixtures/latin1.toml"]);
    check(
        "check_syntax_only",
        &shop(),
        &["check", "--syntax-only", "../tests/fixtures/bad/shop/syntax.toml", MIXED],
    );
}

#[test]
fn check_usage_and_io_errors() {
    check("check_missing_file", &shop(), &["check", "--now", NOW, "no/such.toml", MIXED]);
    check("check_no_files", &shop(), &["check"]);
    check("check_bad_now", &shop(), &["check", "--now", "tomorrow", MIXED]);
    check("generic_without_schema", &Linter::generic(), &["check", MIXED]);
    check("no_command", &shop(), &[]);
    check("unknown_format", &shop(), &["check", "--format", "xml", MIXED]);
}

#[test]
fn diff_formats() {
    let (old, new) = ("tests/fixtures/promos_old.toml", "tests/fixtures/promos_new.toml");
    check("diff_human", &shop(), &["diff", old, new]);
    check("diff_json", &shop(), &["diff", "--format", "json", old, new]);
    check("diff_within_growth", &shop(), &["diff", "--max-growth", "3", old, new]);
    check("diff_same", &shop(), &["diff", old, old]);
    check("diff_no_schema", &Linter::generic(), &["diff", old, new]);
    check("diff_syntax_error", &shop(), &["diff", old, "../tests/fixtures/bad/shop/syntax.toml"]);
    check("diff_usage", &shop(), &["diff", old]);
}

#[test]
fn stats_formats() {
    check("stats_human", &shop(), &["stats", "tests/fixtures/promos_new.toml"]);
    check("stats_json", &shop(), &["stats", "--format", "json", "tests/fixtures/promos_new.toml"]);
    check("stats_depth_1", &shop(), &["stats", "--depth", "1", "tests/fixtures/promos_new.toml"]);
}

#[test]
fn explain_rules() {
    check("explain_list", &shop(), &["explain"]);
    check("explain_max_depth", &shop(), &["explain", "max-depth"]);
    check("explain_budget_near", &shop(), &["explain", "budget-near"]);
    check("explain_unknown", &shop(), &["explain", "max-dept"]);
}

#[test]
fn docs_and_template() {
    check("docs_shop", &shop(), &["docs"]);
    check("docs_nav", &nav(), &["docs"]);
    check("template_shop", &shop(), &["template"]);
    check("template_nav", &nav(), &["template"]);
    check("docs_no_schema", &Linter::generic(), &["docs"]);
    // the generic linter reads the docs from an exported schema file
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let exported = dir.join("nav.schema.json");
    let (mut file, mut err) = (Vec::new(), Vec::new());
    assert_eq!(run(["nav-lint", "schema"], &nav(), &mut file, &mut err), 0);
    std::fs::write(&exported, file).unwrap();
    let generic = transcript(&Linter::generic(), &["--schema", exported.to_str().unwrap(), "docs"]);
    let app = transcript(&nav(), &["docs"]);
    assert_eq!(
        generic.split_once("--- stdout").unwrap().1.replace("config-lint", "nav-lint"),
        app.split_once("--- stdout").unwrap().1
    );
}

#[test]
fn explain_keys() {
    check("explain_key", &shop(), &["explain", "promotions[0].percent_off"]);
    check("explain_key_enum", &nav(), &["explain", "menu[].kind"]);
    check("explain_unknown_key", &shop(), &["explain", "promotions[0].percent_of"]);
}

#[test]
fn schema_formats() {
    check("schema_native", &shop(), &["schema"]);
    check("schema_json_schema", &shop(), &["schema", "--format", "json-schema"]);
    check("schema_json_schema_nav", &nav(), &["schema", "--format", "json-schema"]);
}

/// Sales in Berlin and New York around the end of summer time, one overlap, one open end,
/// one local time New York repeats; today fixed.
const TIMELINE: &str = "tests/fixtures/timeline.toml";
const DURING: &str = "2026-10-28T12:00:00+01:00";

#[test]
fn timeline_text_and_json() {
    check("timeline_zones", &zones(), &["timeline", "--now", DURING, TIMELINE]);
    check("timeline_zones_json", &zones(), &["timeline", "--now", DURING, "--format", "json", TIMELINE]);
    // days drawn in New York: its own change on 1 November, Berlin's not marked
    check(
        "timeline_zones_new_york",
        &zones(),
        &[
            "timeline",
            "--now",
            DURING,
            "--tz",
            "America/New_York",
            "--from",
            "2026-10-24",
            "--to",
            "2026-11-03",
            TIMELINE,
        ],
    );
    // a range longer than the widest chart is cut, with a note
    check(
        "timeline_cut",
        &zones(),
        &["timeline", "--now", DURING, "--from", "2026-09-01", "--to", "2027-03-01", TIMELINE],
    );
    // the shipped file, in the shop's zone: promotions and a time-boxed menu entry
    let shipped = "../examples/shop/marketing.toml";
    check(
        "timeline_shop",
        &Linter::app::<kyiv::Marketing>("shop-lint"),
        &["timeline", "--now", NOW, shipped],
    );
    // a file without windows
    check("timeline_none", &nav(), &["timeline", "--now", NOW, "tests/fixtures/nav_warnings.toml"]);
}

#[test]
fn at_an_instant() {
    // noon in Berlin on the day the clocks go back: autumn and halloween (overlapping), us-members
    check("at_local", &zones(), &["at", "2026-10-25T12:00:00", TIMELINE]);
    check("at_offset_json", &zones(), &["at", "--format", "json", "2026-10-27T14:00:00Z", TIMELINE]);
    check("at_none", &zones(), &["at", "--tz", "America/New_York", "2026-12-01T00:00:00", TIMELINE]);
}

#[test]
fn timeline_and_at_usage_errors() {
    check("timeline_bad_date", &zones(), &["timeline", "--from", "2026-13-01", TIMELINE]);
    check(
        "timeline_to_before_from",
        &zones(),
        &["timeline", "--from", "2026-11-01", "--to", "2026-10-01", TIMELINE],
    );
    check("timeline_unknown_zone", &zones(), &["timeline", "--tz", "Europe/Berlinn", TIMELINE]);
    check("at_bad_instant", &zones(), &["at", "tomorrow", TIMELINE]);
    // 02:30 on 25 October happens twice in Berlin
    check("at_fold", &zones(), &["at", "2026-10-25T02:30:00", TIMELINE]);
    check("timeline_syntax_error", &shop(), &["timeline", "../tests/fixtures/bad/shop/syntax.toml"]);
}

#[test]
fn window_over_in_the_zone_in_force() {
    // autumn (a `before` pair in a `no_overlap` list: one warning) and us-members (only in a
    // `no_overlap` list) ended before now; their local ends are read in Berlin and New York
    check("check_window_over_zones", &zones(), &["check", "--now", DURING, TIMELINE]);
}
