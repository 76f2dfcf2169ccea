#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! One engine, two moments: for every fixture in `fixtures/bad/`, the findings printed by
//! `cargo build` (the checked-in trybuild `.stderr`, which the UI test keeps honest) and
//! those returned by `check_str` are the same list of (rule, key path, line, col), in the
//! same order: file order (line, then column).
//!
//! Fixtures hold at most one occurrence of each rule at each position, so the build's
//! "first occurrence per position" and `check_str`'s "every occurrence" coincide.

use std::collections::BTreeSet;
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

type Finding = (String, String, u32, u32);

/// Lines like `<file>:<line>:<col>: error[<rule>]: <path>: <message>` in compiler output,
/// in the order printed.
fn from_stderr(stderr: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    for line in stderr.lines() {
        let l = line.trim_start();
        let Some(i) = l.find(".toml:") else { continue };
        let rest = &l[i + ".toml:".len()..];
        let mut it = rest.splitn(3, ':');
        let (Some(ln), Some(col), Some(tail)) = (it.next(), it.next(), it.next()) else { continue };
        let (Ok(ln), Ok(col)) = (ln.parse(), col.parse()) else { continue };
        let Some(tail) = tail.strip_prefix(" error[") else { continue };
        let Some((rule, tail)) = tail.split_once("]: ") else { continue };
        let Some((path, _msg)) = tail.split_once(": ") else { continue };
        out.push((rule.to_owned(), path.to_owned(), ln, col));
    }
    out
}

fn from_check_str(d: &config_runtime::Diagnostics) -> Vec<Finding> {
    d.items.iter().map(|d| (d.rule.id().to_owned(), d.path.clone(), d.line, d.col)).collect()
}

fn run<T: config_runtime::HasSchema + serde::de::DeserializeOwned>(schema: &str) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut n = 0;
    let mut entries: Vec<_> = std::fs::read_dir(root.join("fixtures/bad").join(schema))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for fixture in entries {
        let name = fixture.file_stem().unwrap().to_string_lossy().into_owned();
        let stderr_path = root.join(format!("ui/bad/{schema}_{name}.stderr"));
        let stderr = std::fs::read_to_string(&stderr_path)
            .unwrap_or_else(|_| panic!("missing {}", stderr_path.display()));
        let text = std::fs::read_to_string(&fixture).unwrap();
        let build = from_stderr(&stderr);
        let runtime = match config_runtime::check_str::<T>(&name, &text) {
            Ok(_) => Vec::new(),
            Err(d) => from_check_str(&d),
        };
        assert!(!build.is_empty(), "{schema}/{name}: no findings parsed from the build output");
        assert_eq!(build, runtime, "{schema}/{name}: build-time and run-time findings differ");
        let mut in_file_order = build.clone();
        in_file_order.sort_by_key(|f| (f.2, f.3));
        assert_eq!(build, in_file_order, "{schema}/{name}: the build does not list findings in file order");
        n += 1;
    }
    n
}

#[test]
fn build_and_check_str_agree_on_every_fixture() {
    let n = run::<shop::Marketing>("shop") + run::<nav::Nav>("nav") + run::<links::Links>("links");
    assert!(n >= 19, "only {n} fixtures checked");
}

#[test]
fn every_rule_id_has_a_fixture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/bad");
    let mut seen = BTreeSet::new();
    for e in std::fs::read_dir(root).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "stderr") {
            for f in from_stderr(&std::fs::read_to_string(&p).unwrap()) {
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
