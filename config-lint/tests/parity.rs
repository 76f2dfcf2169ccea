#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Parity: the app linter (built from the Rust types), the generic linter (from the
//! exported schema file, in process and as the real `config-lint` binary) and
//! `check_str` report the same findings (rule, key path, line, col, message) on every
//! fixture of `tests/fixtures` (bad and good, shop, nav and links). (The schema file's round
//! trip and the budget measures are unit tests of the crate: `src/schema_load/tests.rs`,
//! `src/measure/tests.rs`.)

use config_lint::{LintOptions, Linter, lint_text, run};
use config_runtime::{Diagnostics, HasSchema, Severity};
use serde::de::DeserializeOwned;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

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

type Finding = (String, String, u32, u32, String);

fn errors(d: &Diagnostics) -> BTreeSet<Finding> {
    d.items
        .iter()
        .filter(|x| x.severity == Severity::Error)
        .map(|x| (x.rule.id().to_owned(), x.path.clone(), x.line, x.col, x.message.clone()))
        .collect()
}

fn from_json(v: &serde_json::Value) -> BTreeSet<Finding> {
    v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["severity"] == "error")
        .map(|x| {
            (
                x["rule"].as_str().unwrap().to_owned(),
                x["path"].as_str().unwrap().to_owned(),
                x["line"].as_u64().unwrap() as u32,
                x["col"].as_u64().unwrap() as u32,
                x["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn fixtures(schema: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let mut v: Vec<PathBuf> =
        std::fs::read_dir(root.join("bad").join(schema)).unwrap().map(|e| e.unwrap().path()).collect();
    if schema == "shop" || schema == "zones" {
        v.push(root.join(format!("good/{schema}.toml")));
    }
    v.sort();
    v
}

/// Runs one command line of `linter` in process: the exit code and standard output.
fn lint(linter: &Linter, args: &[&str]) -> (u8, Vec<u8>) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut argv = vec![linter.name];
    argv.extend_from_slice(args);
    let code = run(argv, linter, &mut out, &mut err);
    assert!(code <= 1, "{args:?}: exit {code}\n{}", String::from_utf8_lossy(&err));
    (code, out)
}

/// Writes the schema of `T`, as its app linter exports it (`<app>-lint schema`), to a file
/// for the generic linter.
fn schema_file<T: HasSchema + DeserializeOwned>(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("parity");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.schema.json"));
    let (_, schema) = lint(&Linter::app::<T>("app-lint"), &["schema"]);
    std::fs::write(&path, schema).unwrap();
    path
}

fn parity<T: HasSchema + DeserializeOwned>(schema: &str) -> usize {
    let opts = LintOptions { now: chrono::DateTime::UNIX_EPOCH.fixed_offset(), syntax_only: false };
    let app = Linter::app::<T>("app-lint");
    let exported = schema_file::<T>(schema);
    let mut n = 0;
    for f in fixtures(schema) {
        let text = std::fs::read_to_string(&f).unwrap();
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let by_check_str = match config_runtime::check_str::<T>(&name, &text) {
            Ok(_) => BTreeSet::new(),
            Err(d) => errors(&d),
        };
        let by_app = lint_text(&name, &text, app.schema, app.deserialize, &opts);
        assert_eq!(errors(&by_app), by_check_str, "{name}: app linter vs check_str");
        let check = ["check", "--format", "json", "--now", "1970-01-01T00:00:00Z", f.to_str().unwrap()];
        let (_, app_json) = lint(&app, &check);
        let mut with_schema = vec!["--schema", exported.to_str().unwrap()];
        with_schema.extend_from_slice(&check);
        let (_, generic_json) = lint(&Linter::generic(), &with_schema);
        let app_json: serde_json::Value = serde_json::from_slice(&app_json).unwrap();
        let generic_json: serde_json::Value = serde_json::from_slice(&generic_json).unwrap();
        assert_eq!(from_json(&generic_json), by_check_str, "{name}: generic linter vs check_str");
        // warnings and help lines (date help) too, every field of every finding: the two
        // linters are one
        assert_eq!(
            app_json["files"], generic_json["files"],
            "{name}: app vs generic linter, warnings and help included"
        );
        let out = Command::new(env!("CARGO_BIN_EXE_config-lint"))
            .args([
                "--schema",
                exported.to_str().unwrap(),
                "check",
                "--format",
                "json",
                "--now",
                "1970-01-01T00:00:00Z",
            ])
            .arg(&f)
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(from_json(&v), by_check_str, "{name}: config-lint binary vs check_str");
        assert_eq!(out.status.code(), Some(if by_check_str.is_empty() { 0 } else { 1 }), "{name}");
        n += 1;
    }
    n
}

#[test]
fn app_generic_and_check_str_agree_on_every_fixture() {
    let n = parity::<shop::Marketing>("shop")
        + parity::<nav::Nav>("nav")
        + parity::<links::Links>("links")
        + parity::<zones::Schedule>("zones");
    assert!(n >= 20, "only {n} fixtures");
}
