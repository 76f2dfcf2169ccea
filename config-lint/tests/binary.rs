#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The real `config-lint` binary: exit codes (0 clean, 1 findings, 2 usage or I/O),
//! GitHub annotation lines, SARIF's required fields, `diff --against` through git, and
//! the taxonomy menu at 3 vs 4 levels.

use config_lint::{Linter, run};
use config_runtime::HasSchema;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod shop {
    config_tests::shop_types!();
}
config_tests::taxonomy_types!();

fn tmp(dir: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(dir);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The schema of `T` as its app linter exports it (`<app>-lint schema`), in a file.
fn schema_file<T: HasSchema + DeserializeOwned>(dir: &Path) -> String {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run(["app-lint", "schema"], &Linter::app::<T>("app-lint"), &mut out, &mut err);
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
    let p = dir.join("schema.json");
    std::fs::write(&p, out).unwrap();
    p.to_str().unwrap().to_owned()
}

fn lint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_config-lint")).args(args).output().unwrap()
}

fn fixture(p: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures").join(p).to_str().unwrap().to_owned()
}

const EARLY: &str = "2026-01-01T00:00:00Z";

#[test]
fn exit_codes() {
    let dir = tmp("exit_codes");
    let s = schema_file::<shop::Marketing>(&dir);
    let code = |args: &[&str]| lint(args).status.code().unwrap();
    assert_eq!(code(&["--schema", &s, "check", "--now", EARLY, &fixture("good/shop.toml")]), 0);
    assert_eq!(code(&["--schema", &s, "check", "--now", EARLY, &fixture("bad/shop/range.toml")]), 1);
    assert_eq!(code(&["--schema", &s, "check", "--now", EARLY, "/no/such/file.toml"]), 2);
    assert_eq!(code(&["check", &fixture("good/shop.toml")]), 2, "no schema");
    assert_eq!(code(&["--schema", "/no/such/schema.json", "check", &fixture("good/shop.toml")]), 2);
    assert_eq!(code(&["check", "--syntax-only", &fixture("good/shop.toml")]), 0, "syntax needs no schema");
    assert_eq!(code(&["check", "--syntax-only", &fixture("bad/shop/syntax.toml")]), 1);
    assert_eq!(code(&["check", "--bogus"]), 2);
    assert_eq!(code(&[]), 2);
    assert_eq!(code(&["--help"]), 0);
    assert_eq!(code(&["--version"]), 0);
    // the version names the bundled time-zone database every local time is resolved with
    let v = String::from_utf8(lint(&["--version"]).stdout).unwrap();
    let tzdb = config_runtime::tzdb_version();
    assert_eq!(v.trim_end(), format!("config-lint {} (IANA time zones {tzdb})", env!("CARGO_PKG_VERSION")));
    assert_eq!(code(&["explain", "range"]), 0);
    assert_eq!(code(&["explain", "nope"]), 2);
    // warnings: exit 0, or 1 when denied
    let late = "2027-01-01T00:00:00Z";
    assert_eq!(code(&["--schema", &s, "check", "--now", late, &fixture("good/shop.toml")]), 0);
    assert_eq!(
        code(&["--schema", &s, "check", "--now", late, "--deny-warnings", &fixture("good/shop.toml")]),
        1
    );
    // stdin
    let mut child = Command::new(env!("CARGO_BIN_EXE_config-lint"))
        .args(["check", "--syntax-only", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"a = \n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("<stdin>:1:5"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn github_lines_are_workflow_commands() {
    let dir = tmp("github");
    let s = schema_file::<shop::Marketing>(&dir);
    let out = lint(&[
        "--schema",
        &s,
        "check",
        "--format",
        "github",
        "--now",
        EARLY,
        &fixture("bad/shop/mixed.toml"),
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() >= 13, "{text}");
    for l in &lines[..lines.len() - 1] {
        // ::error file=…,line=…,col=…::…
        let rest = l.strip_prefix("::error file=").or_else(|| l.strip_prefix("::warning file=")).expect(l);
        let (props, msg) = rest.split_once("::").expect(l);
        let mut it = props.split(',');
        let file = it.next().unwrap();
        assert!(file.ends_with("mixed.toml"), "{l}");
        let line = it.next().unwrap().strip_prefix("line=").expect(l);
        let col = it.next().unwrap().strip_prefix("col=").expect(l);
        assert!(line.parse::<u32>().unwrap() >= 1 && col.parse::<u32>().unwrap() >= 1, "{l}");
        assert!(it.next().is_none(), "{l}");
        assert!(msg.starts_with('[') && !msg.contains('\n'), "{l}");
    }
    assert!(lines.last().unwrap().starts_with("failed: "), "{text}");
}

#[test]
fn sarif_has_the_required_fields() {
    let dir = tmp("sarif");
    let s = schema_file::<shop::Marketing>(&dir);
    let out = lint(&[
        "--schema",
        &s,
        "check",
        "--format",
        "sarif",
        "--now",
        EARLY,
        &fixture("bad/shop/mixed.toml"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    assert!(v["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &v["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "config-lint");
    let rules = driver["rules"].as_array().unwrap();
    assert!(rules.iter().all(|r| r["id"].is_string() && r["shortDescription"]["text"].is_string()));
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 12);
    for r in results {
        assert!(r["message"]["text"].is_string(), "{r}");
        let id = r["ruleId"].as_str().unwrap();
        let idx = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], id);
        assert!(["error", "warning"].contains(&r["level"].as_str().unwrap()));
        let loc = &r["locations"][0]["physicalLocation"];
        assert!(loc["artifactLocation"]["uri"].as_str().unwrap().ends_with("mixed.toml"));
        let region = &loc["region"];
        for k in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(region[k].as_u64().unwrap() >= 1, "{k}: {r}");
        }
    }
}

/// The product taxonomy's menu at 3 levels, then 4: `diff` shows the depth change and the
/// growth factor, and exits 1 (the 4th level crosses `max_depth = 3` and more than
/// doubles the payload).
#[test]
fn taxonomy_3_vs_4_levels() {
    let dir = tmp("taxonomy");
    let corpus = config_tests::taxonomy::corpus();
    let (three, _) = config_tests::taxonomy::menu_toml(corpus, 3, 3);
    let (four, _) = config_tests::taxonomy::menu_toml(corpus, 4, 3);
    let (a, b) = (dir.join("menu_3.toml"), dir.join("menu_4.toml"));
    std::fs::write(&a, &three).unwrap();
    std::fs::write(&b, &four).unwrap();
    let s = schema_file::<Catalog>(&dir);
    let out = lint(&["--schema", &s, "diff", a.to_str().unwrap(), b.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{text}");
    let doc_row = text.lines().find(|l| l.starts_with("(document)")).unwrap();
    assert!(doc_row.contains("3 → 4"), "{doc_row}");
    assert!(doc_row.contains("×2.42"), "{doc_row}");
    assert!(text.contains("error[max-depth]"), "{text}");
    assert!(text.contains("growth: (document) grew ×2.42, more than --max-growth ×2.00"), "{text}");
    // as JSON
    let out = lint(&["--schema", &s, "diff", "--format", "json", a.to_str().unwrap(), b.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["rows"][0]["old"]["depth"], 3);
    assert_eq!(v["rows"][0]["new"]["depth"], 4);
    assert!((v["rows"][0]["json_factor"].as_f64().unwrap() - 2.42).abs() < 0.01);
    assert_eq!(v["failed"], true);
    // within budget and growth: 3 levels against itself
    let out = lint(&["--schema", &s, "diff", a.to_str().unwrap(), a.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    // a generous growth limit still fails on the crossed budget
    let out = lint(&["--schema", &s, "diff", "--max-growth", "10", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn diff_against_a_git_revision() {
    let dir = tmp("git");
    let git = |args: &[&str]| config_tests::git::git(&dir, args);
    git(&["init", "-q"]);
    let file = dir.join("marketing.toml");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/promos_old.toml"), &file)
        .unwrap();
    git(&["add", "marketing.toml"]);
    git(&["commit", "-q", "-m", "old"]);
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/promos_new.toml"), &file)
        .unwrap();
    let s = schema_file::<shop::Marketing>(&dir);
    let out = lint(&["--schema", &s, "diff", "--against", "HEAD", file.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{text}{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("marketing.toml@HEAD → "), "{text}");
    assert!(text.contains("  + christmas\n  - cyber-monday\n  ~ black-friday: percent_off, title"), "{text}");
    // a revision that does not exist: exit 2 with the reason
    let out = lint(&["--schema", &s, "diff", "--against", "no-such-rev", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("error: cannot read `") && err.contains("at git revision `no-such-rev`"),
        "{err}"
    );
}
