#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! One engine, two moments: the findings printed by `cargo build` (the checked-in trybuild
//! `.stderr`, which the UI test keeps honest) against those returned by `check_str`, as
//! (rule, key path, line, col), in file order (line, then column).
//!
//! The build folds the document into one record per *position* (a key path with array
//! indices erased, `menu[].children[].title`) and reports the first occurrence of each
//! problem there; `check_str` reports every occurrence. Two sets of fixtures:
//!
//! - `fixtures/bad/<schema>/` (UI cases `ui/bad/<schema>_<name>.rs`) hold at most one
//!   occurrence of each rule at each position, so the two lists are equal.
//! - `fixtures/many_per_position/<schema>/` (UI cases `ui/bad/many_<schema>_<name>.rs`)
//!   hold several occurrences of one rule at one position (three bad `percent_off`, long
//!   menu titles under different parents, repeated duplicate ids …). There every build
//!   finding is one of `check_str`'s, the build has exactly one per rule and position and
//!   it is the first `check_str` has there (same rule, path, line, col), both cover the
//!   same (rule, position) pairs, and `check_str` has more findings: the test fails if the
//!   build lists every occurrence, if it reports a later one, or if `check_str` folds.
//!   (The build reports each distinct value for `one_of` and each distinct host for
//!   `url(hosts(...))`, so those fixtures repeat one bad value; it reports the first value
//!   over a maximum and the first under a minimum, so `range` and `len` fixtures cross one
//!   bound; and a position's record list keeps 8 entries, past which the build may report
//!   a later offender than the first, so no fixture has more than 8 rising values at one
//!   position.)
//!
//! `fixtures/many/` is about something else: 200 findings at 200 positions, for the cut of
//! the build message (`ui/limits/many_long_findings.rs`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

mod shop {
    config_tests::shop_types!();
}
mod nav {
    config_tests::nav_types!();
}
mod links {
    config_tests::links_types!();
}
mod zones {
    config_tests::zones_types!();
}

type Finding = (String, String, u32, u32);

fn from_check_str(d: &config_runtime::Diagnostics) -> Vec<Finding> {
    d.items.iter().map(|d| (d.rule.id().to_owned(), d.path.clone(), d.line, d.col)).collect()
}

/// The fixtures of `fixtures/<dir>/<schema>/`, sorted, each with its name.
fn fixtures(dir: &str, schema: &str) -> Vec<(String, std::path::PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut entries: Vec<_> = std::fs::read_dir(root.join("fixtures").join(dir).join(schema))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    entries.sort();
    entries.into_iter().map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), p)).collect()
}

/// The build's findings (from `ui/bad/<ui>.stderr`) and `check_str`'s for one fixture.
fn findings<T: config_runtime::HasSchema + serde::de::DeserializeOwned>(
    ui: &str,
    name: &str,
    fixture: &Path,
) -> (Vec<Finding>, Vec<Finding>) {
    let stderr_path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("ui/bad/{ui}.stderr"));
    let stderr =
        std::fs::read_to_string(&stderr_path).unwrap_or_else(|_| panic!("missing {}", stderr_path.display()));
    let text = std::fs::read_to_string(fixture).unwrap();
    let runtime = match config_runtime::check_str::<T>(name, &text) {
        Ok(_) => Vec::new(),
        Err(d) => from_check_str(&d),
    };
    let build = config_tests::invariants::printed_build_findings(&stderr);
    assert!(!build.is_empty(), "{ui}: no findings parsed from the build output");
    let mut in_file_order = build.clone();
    in_file_order.sort_by_key(|f| (f.2, f.3));
    assert_eq!(build, in_file_order, "{ui}: the build does not list findings in file order");
    (build, runtime)
}

fn run<T: config_runtime::HasSchema + serde::de::DeserializeOwned>(schema: &str) -> usize {
    let mut n = 0;
    for (name, fixture) in fixtures("bad", schema) {
        let (build, runtime) = findings::<T>(&format!("{schema}_{name}"), &name, &fixture);
        assert_eq!(build, runtime, "{schema}/{name}: build-time and run-time findings differ");
        n += 1;
    }
    n
}

/// The schema position of a key path: array indices erased (`menu[3].children[0].title`
/// is at `menu[].children[].title`).
fn position(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push_str("[]");
            }
            ']' if in_index => in_index = false,
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

/// Findings grouped by (rule, position), each group in the order of the list.
fn by_position(list: &[Finding]) -> BTreeMap<(String, String), Vec<Finding>> {
    let mut m: BTreeMap<_, Vec<_>> = BTreeMap::new();
    for f in list {
        m.entry((f.0.clone(), position(&f.1))).or_default().push(f.clone());
    }
    m
}

fn run_many<T: config_runtime::HasSchema + serde::de::DeserializeOwned>(schema: &str) -> usize {
    let mut n = 0;
    for (name, fixture) in fixtures("many_per_position", schema) {
        let what = format!("many_per_position/{schema}/{name}");
        let (build, runtime) = findings::<T>(&format!("many_{schema}_{name}"), &name, &fixture);
        let mut sorted = runtime.clone();
        sorted.sort_by_key(|f| (f.2, f.3));
        assert_eq!(runtime, sorted, "{what}: check_str does not list findings in file order");
        for b in &build {
            assert!(
                runtime.contains(b),
                "{what}: the build reports {b:?}, check_str does not:\n{runtime:#?}"
            );
        }
        let (at_build, at_runtime) = (by_position(&build), by_position(&runtime));
        for ((rule, pos), found) in &at_build {
            assert_eq!(
                found.len(),
                1,
                "{what}: the build reports `{rule}` at `{pos}` more than once: {found:?}"
            );
            let first = &at_runtime[&(rule.clone(), pos.clone())][0];
            assert_eq!(
                &found[0], first,
                "{what}: the build's `{rule}` at `{pos}` is not the first occurrence check_str finds"
            );
        }
        assert_eq!(
            at_build.keys().collect::<Vec<_>>(),
            at_runtime.keys().collect::<Vec<_>>(),
            "{what}: the build and check_str report different (rule, position) pairs"
        );
        assert!(
            runtime.len() > build.len(),
            "{what}: check_str lists {} findings, the build {}: expected several occurrences at one position",
            runtime.len(),
            build.len()
        );
        n += 1;
    }
    n
}

#[test]
fn build_and_check_str_agree_on_every_fixture() {
    let n = run::<shop::Marketing>("shop")
        + run::<nav::Nav>("nav")
        + run::<links::Links>("links")
        + run::<zones::Schedule>("zones");
    assert!(n >= 19, "only {n} fixtures checked");
}

#[test]
fn build_lists_the_first_of_several_occurrences_at_a_position() {
    let n =
        run_many::<shop::Marketing>("shop") + run_many::<nav::Nav>("nav") + run_many::<links::Links>("links");
    assert!(n >= 16, "only {n} fixtures checked");
}

#[test]
fn position_erases_indices() {
    assert_eq!(position("menu[3].children[10].title"), "menu[].children[].title");
    assert_eq!(position("tags[2]"), "tags[]");
    assert_eq!(position("labels.hot.text"), "labels.hot.text");
}

#[test]
fn every_rule_id_has_a_fixture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/bad");
    let mut seen = BTreeSet::new();
    for e in std::fs::read_dir(root).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "stderr") {
            for f in config_tests::invariants::printed_build_findings(&std::fs::read_to_string(&p).unwrap()) {
                seen.insert(f.0);
            }
        }
    }
    let mut n = 0;
    for r in config_runtime::RuleId::running(|m| m.build) {
        assert!(seen.contains(r.id()), "no build-failure fixture reports `{}`", r.id());
        n += 1;
    }
    assert!(n >= 15, "only {n} rules checked");
}
