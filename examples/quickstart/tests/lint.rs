#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The app's own linter, `quickstart-lint` (one line in `src/bin/quickstart-lint.rs`):
//! exit codes, the same findings as `check_str`, and a schema export that the generic
//! `config-lint` can load.

use std::process::{Command, Output};

fn lint(args: &[&str], stdin: Option<&str>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_quickstart-lint"));
    c.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    if let Some(text) = stdin {
        use std::io::Write;
        let mut child =
            c.stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).spawn().unwrap();
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
        return child.wait_with_output().unwrap();
    }
    c.output().unwrap()
}

const EDIT: &str =
    "free_shipping_over_cents = 490000\nsale_ends = \"30.11.2026\"\npromotions = []\nmenu = []\n";

#[test]
fn exit_codes() {
    let code = |o: Output| o.status.code().unwrap();
    assert_eq!(code(lint(&["check", "--now", "2026-01-01T00:00:00Z", "marketing.toml"], None)), 0);
    assert_eq!(code(lint(&["check", "-"], Some(EDIT))), 1);
    assert_eq!(code(lint(&["check", "no-such.toml"], None)), 2);
    assert_eq!(code(lint(&["chek", "marketing.toml"], None)), 2);
    // the baked file's promotion ends 2026-11-30: a warning after that, an error if denied
    assert_eq!(code(lint(&["check", "--now", "2027-01-01T00:00:00Z", "marketing.toml"], None)), 0);
    assert_eq!(
        code(lint(&["check", "--now", "2027-01-01T00:00:00Z", "--deny-warnings", "marketing.toml"], None)),
        1
    );
}

#[test]
fn same_findings_as_check_str() {
    let out = lint(&["check", "--format", "json", "-"], Some(EDIT));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let linted: Vec<(String, String, u64, u64)> = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap().to_owned();
            (s("rule"), s("path"), d["line"].as_u64().unwrap(), d["col"].as_u64().unwrap())
        })
        .collect();
    let err = config_runtime::check_str::<quickstart::Marketing>("<stdin>", EDIT).unwrap_err();
    let expected: Vec<(String, String, u64, u64)> = err
        .items
        .iter()
        .map(|d| (d.rule.id().to_owned(), d.path.clone(), u64::from(d.line), u64::from(d.col)))
        .collect();
    assert_eq!(linted, expected);
    // the date help of the linter, on top of the build's message
    let out = lint(&["check", "-"], Some(EDIT));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("help: did you mean `2026-11-30T00:00:00+HH:MM`?"), "{text}");
}

#[test]
fn exported_schema_loads() {
    let out = lint(&["schema"], None);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    // the generic linter loads it and exports the same schema again
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("quickstart.schema.json");
    std::fs::write(&path, &text).unwrap();
    let (mut again, mut err) = (Vec::new(), Vec::new());
    let code = config_lint::run(
        ["config-lint", "--schema", path.to_str().unwrap(), "schema"],
        &config_lint::Linter::generic(),
        &mut again,
        &mut err,
    );
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&again).unwrap(),
        serde_json::from_str::<serde_json::Value>(&text).unwrap()
    );
    let out = lint(&["schema", "--format", "json-schema"], None);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["title"], "Marketing");
    assert_eq!(v["properties"]["menu"]["items"]["$ref"], "#/definitions/MenuItem");
}
