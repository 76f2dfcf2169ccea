#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The toml-test corpus (`shared/corpus/toml-test`), walked in process: every file under
//! `tests/invalid` that TOML 1.1 rejects exits 1 with a located `syntax` finding, every
//! file under `tests/valid` passes `check --syntax-only`, and no command panics on any of
//! them (check with a schema in every format, stats, diff).

use config_lint::{Linter, run};
use std::path::{Path, PathBuf};

mod shop {
    config_tests::shop_types!();
}

fn corpus() -> PathBuf {
    config_tests::taxonomy::corpus_dir().join("toml-test/tests")
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    assert!(out.len() > 100, "corpus not found under {}", dir.display());
    out
}

/// Files that TOML 1.0 rejects but TOML 1.1 (which `toml` parses) accepts: listed in
/// `files-toml-1.0.0` and missing from `files-toml-1.1.0`.
fn valid_in_1_1(root: &Path) -> Vec<PathBuf> {
    let list = |v: &str| -> std::collections::BTreeSet<String> {
        std::fs::read_to_string(root.join(format!("files-toml-{v}")))
            .unwrap()
            .lines()
            .map(str::to_owned)
            .collect()
    };
    let (v10, v11) = (list("1.0.0"), list("1.1.0"));
    v10.difference(&v11).filter(|f| f.starts_with("invalid/")).map(|f| root.join(f)).collect()
}

fn lint(args: &[&str]) -> (u8, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let linter = Linter::app::<shop::Marketing>("shop-lint");
    let mut full = vec!["shop-lint"];
    full.extend_from_slice(args);
    let code = run(full, &linter, &mut out, &mut err);
    (code, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
}

#[test]
fn every_invalid_file_exits_1_with_a_located_syntax_finding() {
    let root = corpus();
    let skip = valid_in_1_1(&root);
    let mut checked = 0;
    let mut accepted_1_0_only = Vec::new();
    for f in files(&root.join("invalid")) {
        let p = f.to_str().unwrap();
        let (code, out, err) = lint(&["check", "--syntax-only", "--format", "json", p]);
        if skip.contains(&f) {
            // valid TOML 1.1: fine either way, never a crash
            assert!(code <= 1, "{p}: exit {code}\n{err}");
            if code == 0 {
                accepted_1_0_only.push(f);
            }
            continue;
        }
        assert_eq!(code, 1, "{p}: exit {code}\n{out}{err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let d = &v["files"][0]["diagnostics"][0];
        assert_eq!(d["rule"], "syntax", "{p}: {d}");
        assert!(d["line"].as_u64().unwrap() >= 1 && d["col"].as_u64().unwrap() >= 1, "{p}: {d}");
        assert!(!d["message"].as_str().unwrap().is_empty(), "{p}");
        checked += 1;
    }
    assert!(checked >= 480, "{checked} invalid files checked");
    eprintln!("{checked} invalid files rejected; accepted as TOML 1.1: {accepted_1_0_only:?}");
}

#[test]
fn every_valid_file_passes_syntax_only() {
    // `.multi` files hold one test case per line, not one document
    for f in files(&corpus().join("valid")).into_iter().filter(|f| f.extension().is_some_and(|e| e == "toml"))
    {
        let p = f.to_str().unwrap();
        let (code, out, err) = lint(&["check", "--syntax-only", p]);
        assert_eq!(code, 0, "{p}\n{out}{err}");
    }
}

#[test]
fn no_command_panics_on_any_corpus_file() {
    for f in files(&corpus()) {
        let p = f.to_str().unwrap();
        for format in ["human", "json", "github", "sarif"] {
            let (code, _, err) = lint(&["check", "--now", "2026-01-01T00:00:00Z", "--format", format, p]);
            assert!(code <= 1, "{p} ({format}): exit {code}\n{err}");
        }
        let (code, _, err) = lint(&["stats", p]);
        assert!(code <= 1, "{p} stats: exit {code}\n{err}");
        let (code, _, err) = lint(&["diff", p, p]);
        assert!(code <= 1, "{p} diff: exit {code}\n{err}");
    }
}
