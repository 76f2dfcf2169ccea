#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Parity: the app linter (built from the Rust types), the generic linter (from the
//! exported schema file, in process and as the real `config-lint` binary) and
//! `check_str` report the same findings (rule, key path, line, col, message) on every
//! fixture of `tests/fixtures` (bad and good, shop and nav).

use config_runtime::cli::{LintOptions, Linter, lint_text, measure, schema_export, schema_load};
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
    if schema == "shop" {
        v.push(root.join("good/shop.toml"));
    }
    v.sort();
    v
}

/// Writes the exported schema of `T` to a file for the real binary.
fn schema_file<T: HasSchema>(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("parity");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.schema.json"));
    std::fs::write(&path, serde_json::to_string_pretty(&schema_export::export(T::SCHEMA)).unwrap()).unwrap();
    path
}

fn parity<T: HasSchema + DeserializeOwned>(schema: &str) -> usize {
    let opts = LintOptions { now: chrono::DateTime::UNIX_EPOCH.fixed_offset(), syntax_only: false };
    let app = Linter::app::<T>("app-lint");
    let exported = schema_file::<T>(schema);
    let generic = schema_load::load(&exported).unwrap();
    let mut n = 0;
    for f in fixtures(schema) {
        let text = std::fs::read_to_string(&f).unwrap();
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let by_check_str = match config_runtime::check_str::<T>(&name, &text) {
            Ok(_) => BTreeSet::new(),
            Err(d) => errors(&d),
        };
        let by_app = lint_text(&name, &text, app.schema, app.deserialize, &opts);
        let by_generic = lint_text(&name, &text, Some(generic), None, &opts);
        assert_eq!(errors(&by_app), by_check_str, "{name}: app linter vs check_str");
        assert_eq!(errors(&by_generic), by_check_str, "{name}: generic linter vs check_str");
        // warnings and help lines (date help) too: the two linters are one
        assert_eq!(
            by_app.items, by_generic.items,
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
    let n = parity::<shop::Marketing>("shop") + parity::<nav::Nav>("nav");
    assert!(n >= 20, "only {n} fixtures");
}

#[test]
fn the_schema_file_round_trips() {
    for (name, s) in [("shop", shop::Marketing::SCHEMA), ("nav", nav::Nav::SCHEMA)] {
        let file = schema_export::export(s);
        let text = serde_json::to_string_pretty(&file).unwrap();
        let loaded = schema_load::from_json(name, &text).unwrap();
        assert_eq!(schema_export::export(loaded), file, "{name}");
    }
}

#[test]
fn bad_schema_files_are_located_errors() {
    let e = schema_load::from_json("s.json", "{\"format\": \"config-lint-schema/1\",\n \"root\": 3}")
        .unwrap_err();
    assert!(e.to_string().starts_with("s.json:2:"), "{e}");
    let e = schema_load::from_json(
        "s.json",
        r#"{"format":"config-lint-schema/1","root":{"struct":"x::Missing"},"types":{}}"#,
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "s.json: invalid schema file at `root`: no struct `x::Missing` under `types`");
    let e = schema_load::from_json("s.json", r#"{"format":"other/2","root":"bool","types":{}}"#).unwrap_err();
    assert!(e.to_string().contains("`other/2` is not a format this linter reads"), "{e}");
}

/// `budget-near` measures exactly what `max-json-bytes` and `max-nodes` measure.
#[test]
fn budget_measures_agree_with_the_checker() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/bad/nav");
    for (file, rule) in [("max_json_bytes.toml", "max-json-bytes"), ("max_nodes.toml", "max-nodes")] {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        let d = config_runtime::check_str::<nav::Nav>(file, &text).unwrap_err();
        let x = d.items.iter().find(|x| x.rule.id() == rule).unwrap();
        let reported: u64 = x.message.split_whitespace().nth(1).unwrap().parse().unwrap();
        let doc = config_core::check_str::parse(file, &text).unwrap();
        let menu = doc.get_ref().get("menu").unwrap().get_ref();
        let mine = if rule == "max-nodes" { measure::nodes(menu) } else { measure::json_len(menu) };
        assert_eq!(mine, reported, "{file}: {}", x.message);
        let mut json = String::new();
        measure::write_json(menu, &mut json);
        assert_eq!(json.len() as u64, measure::json_len(menu));
        assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
    }
}
