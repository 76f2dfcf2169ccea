#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The linter in the tools teams already run, run for real: the pre-commit hook of this
//! repository (`.pre-commit-hooks.yaml`) through the real `pre-commit` (`run` with a
//! team's config, `try-repo`, and a refused `git commit`), and the GitHub Action's script
//! (`scripts/action-lint.sh`) on a temporary repository with a base branch and pull-request
//! branches. The `config-lint` binary of this build is what they call.
//!
//! Every repository is a temporary one with its own git settings; the hook file is copied
//! into a hook repository of its own and committed there, so the test sees this checkout's
//! working tree whether or not it is committed. A missing `git` or `pre-commit` fails the
//! test with the command that installs it (`scripts/test.sh` installs pre-commit): these
//! tests never skip.

use config_lint::{Linter, run};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod shop {
    config_tests::shop_types!();
}

/// Before every promotion of the fixtures: no `promotion-over` warnings, whatever the clock.
const EARLY: &str = "2026-01-01T00:00:00Z";
/// The two findings of `tests/fixtures/bad/shop/range.toml`, as GitHub annotations.
const BAD_FINDINGS: [&str; 2] = [
    "file=config/bad.toml,line=1,col=28::[range] free_shipping_over_cents:",
    "file=config/bad.toml,line=15,col=15::[range] promotions[1].percent_off:",
];

fn checkout() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn fixture(path: &str) -> String {
    std::fs::read_to_string(checkout().join("tests/fixtures").join(path)).unwrap()
}

fn text(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

/// A command with a clean git environment: no variables of an enclosing git process
/// (`GIT_DIR`, `GIT_INDEX_FILE` when run from a hook), no global or system config, a fixed
/// identity, and the directory of this build's `config-lint` first on PATH.
fn command(program: &str, dir: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(dir);
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("GIT_") {
            cmd.env_remove(key);
        }
    }
    let linter_dir = Path::new(env!("CARGO_BIN_EXE_config-lint")).parent().unwrap();
    let mut path = OsString::from(linter_dir);
    if let Some(old) = std::env::var_os("PATH") {
        path.push(":");
        path.push(old);
    }
    cmd.env("PATH", path)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "ci")
        .env("GIT_AUTHOR_EMAIL", "ci@example.invalid")
        .env("GIT_COMMITTER_NAME", "ci")
        .env("GIT_COMMITTER_EMAIL", "ci@example.invalid")
        .env("NO_COLOR", "1");
    cmd
}

/// Fails (never skips) when a tool the test runs is not installed.
fn require(tool: &str, install: &str) {
    let found = Command::new(tool).arg("--version").output().is_ok_and(|o| o.status.success());
    assert!(
        found,
        "`{tool}` is not on PATH: install it with `{install}` (or run scripts/test.sh, which does)"
    );
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = command("git", dir).args(args).output().unwrap();
    assert!(out.status.success(), "git {args:?} in {}: {}", dir.display(), text(&out));
    String::from_utf8(out.stdout).unwrap()
}

fn write(dir: &Path, file: &str, content: &str) {
    let path = dir.join(file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, content).unwrap();
}

fn new_repo(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    git(dir, &["init", "-q", "-b", "main"]);
    git(dir, &["config", "commit.gpgsign", "false"]);
}

fn commit_all(dir: &Path, message: &str) {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", message]);
}

/// The shop schema as its app linter exports it (`<app>-lint schema`).
fn schema_json() -> Vec<u8> {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run(["shop-lint", "schema"], &Linter::app::<shop::Marketing>("shop-lint"), &mut out, &mut err);
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
    out
}

/// A team's repository: a good file at the top, a bad one below, the exported schema.
fn team_repo(dir: &Path) {
    new_repo(dir);
    write(dir, "good.toml", &fixture("good/shop.toml"));
    write(dir, "config/bad.toml", &fixture("bad/shop/range.toml"));
    std::fs::write(dir.join("marketing.schema.json"), schema_json()).unwrap();
}

/// This checkout's hook file, committed in a hook repository of its own; its revision.
fn hook_repo(dir: &Path) -> String {
    new_repo(dir);
    std::fs::copy(checkout().join(".pre-commit-hooks.yaml"), dir.join(".pre-commit-hooks.yaml")).unwrap();
    commit_all(dir, "hooks");
    git(dir, &["rev-parse", "HEAD"]).trim().to_owned()
}

/// `.pre-commit-config.yaml` using the `config-lint` hook with `overrides` (YAML lines of
/// the hook entry, e.g. `args: [...]`).
fn pre_commit_config(hooks: &Path, rev: &str, overrides: &[&str]) -> String {
    let mut s = format!(
        "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: config-lint\n",
        hooks.display()
    );
    for line in overrides {
        s.push_str(&format!("        {line}\n"));
    }
    s
}

fn pre_commit(dir: &Path, home: &Path, args: &[&str]) -> Output {
    command("pre-commit", dir).env("PRE_COMMIT_HOME", home).args(args).output().unwrap()
}

#[test]
fn pre_commit_hook_with_the_generic_linter_and_github_format() {
    require("git", "apt-get install git");
    require("pre-commit", "pip install pre-commit");
    let tmp = tempfile::tempdir().unwrap();
    let (hooks, team, home) = (tmp.path().join("hooks"), tmp.path().join("team"), tmp.path().join("cache"));
    let rev = hook_repo(&hooks);
    team_repo(&team);
    let args = format!("args: [--schema, marketing.schema.json, --format, github, --now, '{EARLY}']");
    write(&team, ".pre-commit-config.yaml", &pre_commit_config(&hooks, &rev, &[&args]));
    commit_all(&team, "config");

    let out = pre_commit(&team, &home, &["run", "config-lint", "--color", "never", "--files", "good.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("config-lint") && text(&out).contains("Passed"), "{}", text(&out));

    let files = ["run", "config-lint", "--color", "never", "--files", "good.toml", "config/bad.toml"];
    let out = pre_commit(&team, &home, &files);
    let shown = text(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(shown.contains("Failed") && shown.contains("exit code: 1"), "{shown}");
    for finding in BAD_FINDINGS {
        assert!(shown.contains(&format!("::error {finding}")), "{finding} in:\n{shown}");
    }
    assert!(!shown.contains("file=good.toml"), "{shown}");

    // every TOML file of the repository; the schema (JSON) and the config (YAML) are not TOML
    let out = pre_commit(&team, &home, &["run", "--all-files", "--color", "never"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains(BAD_FINDINGS[0]) && !text(&out).contains("schema.json:"), "{}", text(&out));
}

#[test]
fn pre_commit_hook_with_an_overridden_entry_refuses_a_bad_commit() {
    require("git", "apt-get install git");
    require("pre-commit", "pip install pre-commit");
    let tmp = tempfile::tempdir().unwrap();
    let (hooks, team, home) = (tmp.path().join("hooks"), tmp.path().join("team"), tmp.path().join("cache"));
    let rev = hook_repo(&hooks);
    team_repo(&team);
    // the app-linter way: the team's own command as the entry, the default format (human)
    let entry = format!(
        "entry: {} --schema marketing.schema.json check --now {EARLY}",
        env!("CARGO_BIN_EXE_config-lint")
    );
    write(&team, ".pre-commit-config.yaml", &pre_commit_config(&hooks, &rev, &[&entry]));
    git(&team, &["add", ".pre-commit-config.yaml", "marketing.schema.json"]);
    git(&team, &["commit", "-q", "-m", "hook config"]);
    let out = pre_commit(&team, &home, &["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));

    // the good file commits; the hook ran on it
    git(&team, &["add", "good.toml"]);
    let out =
        command("git", &team).env("PRE_COMMIT_HOME", &home).args(["commit", "-m", "good"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("Passed"), "{}", text(&out));

    // the bad one is refused, with code frames naming file, line:col and rule
    git(&team, &["add", "config/bad.toml"]);
    let out =
        command("git", &team).env("PRE_COMMIT_HOME", &home).args(["commit", "-m", "bad"]).output().unwrap();
    let shown = text(&out);
    assert_ne!(out.status.code(), Some(0), "{shown}");
    for frame in
        ["error[range]: free_shipping_over_cents:", "--> config/bad.toml:1:28", "--> config/bad.toml:15:15"]
    {
        assert!(shown.contains(frame), "{frame} in:\n{shown}");
    }
    assert_eq!(git(&team, &["log", "--format=%s"]), "good\nhook config\n", "the bad commit was refused");
}

#[test]
fn pre_commit_try_repo_runs_the_shipped_hook_from_path() {
    require("git", "apt-get install git");
    require("pre-commit", "pip install pre-commit");
    let tmp = tempfile::tempdir().unwrap();
    let (hooks, team, home) = (tmp.path().join("hooks"), tmp.path().join("team"), tmp.path().join("cache"));
    hook_repo(&hooks);
    team_repo(&team);
    commit_all(&team, "config");
    // the hook as shipped runs `config-lint check --format human` from PATH; without a
    // `--schema` in the team's args it refuses (exit 2) and says what to pass, never passes
    let hooks_arg = hooks.to_str().unwrap();
    let out = pre_commit(
        &team,
        &home,
        &["try-repo", hooks_arg, "config-lint", "--color", "never", "--files", "good.toml"],
    );
    let shown = text(&out);
    assert_ne!(out.status.code(), Some(0), "{shown}");
    assert!(shown.contains("exit code: 2") && shown.contains("pass `--schema FILE`"), "{shown}");
}

/// Runs the action's script in `dir` with the generic linter on the shop schema, against
/// `base`, with `globs` (`None`: the default); its exit code and output.
fn action(dir: &Path, base: &str, schema: &str, globs: Option<&str>) -> (Option<i32>, String) {
    let mut cmd = command("bash", dir);
    cmd.arg(checkout().join("scripts/action-lint.sh"))
        .env("LINT_LINTER", "config-lint")
        .env("LINT_SCHEMA", schema)
        .env("LINT_BASE", base)
        .env("LINT_ARGS", format!("--now {EARLY}"))
        .env_remove("LINT_FILES");
    if let Some(globs) = globs {
        cmd.env("LINT_FILES", globs);
    }
    let out = cmd.output().unwrap();
    (out.status.code(), text(&out))
}

#[test]
fn action_script_lints_what_a_pull_request_changes() {
    require("git", "apt-get install git");
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("repo");
    new_repo(&repo);
    // the base: a bad TOML file no pull request touches, and a text file
    write(&repo, "legacy/old.toml", &fixture("bad/shop/range.toml"));
    write(&repo, "notes.txt", "notes\n");
    std::fs::write(repo.join("marketing.schema.json"), schema_json()).unwrap();
    commit_all(&repo, "base");
    let branch = |name: &str, files: &[(&str, &str)], remove: &[&str]| {
        git(&repo, &["checkout", "-q", "-b", name, "main"]);
        for (file, content) in files {
            write(&repo, file, content);
        }
        for file in remove {
            git(&repo, &["rm", "-q", file]);
        }
        commit_all(&repo, name);
    };
    let (good, bad) = (fixture("good/shop.toml"), fixture("bad/shop/range.toml"));
    branch("pr-good", &[("good.toml", &good)], &[]);
    branch("pr-bad", &[("good.toml", &good), ("config/bad.toml", &bad)], &[]);
    branch("pr-docs", &[("notes.txt", "more notes\n")], &["legacy/old.toml"]);
    // main moves on after the branches forked: a three-dot diff leaves its change out
    git(&repo, &["checkout", "-q", "main"]);
    write(&repo, "later.toml", &bad);
    commit_all(&repo, "later");
    let schema = "marketing.schema.json";

    git(&repo, &["checkout", "-q", "pr-bad"]);
    let (code, shown) = action(&repo, "main", schema, None);
    assert_eq!(code, Some(1), "{shown}");
    for finding in BAD_FINDINGS {
        assert!(shown.contains(&format!("::error {finding}")), "{finding} in:\n{shown}");
    }
    assert!(shown.contains("linting 2 file(s) changed since main"), "{shown}");
    for untouched in ["file=good.toml", "legacy/old.toml", "later.toml"] {
        assert!(!shown.contains(untouched), "{untouched} in:\n{shown}");
    }
    // other globs (newline-separated too): only what they match
    let (code, shown) = action(&repo, "main", schema, Some("config/*.toml"));
    assert_eq!(code, Some(1), "{shown}");
    assert!(shown.contains("linting 1 file(s)") && shown.contains(BAD_FINDINGS[0]), "{shown}");
    let (code, shown) = action(&repo, "main", schema, Some("*.yaml\n*.json"));
    assert_eq!(code, Some(0), "{shown}");
    // no base (a push): every tracked TOML file, the untouched one too
    let (code, shown) = action(&repo, "", schema, None);
    assert_eq!(code, Some(1), "{shown}");
    assert!(shown.contains("linting 3 file(s) tracked") && shown.contains("file=legacy/old.toml"), "{shown}");
    // from a subdirectory, with the schema relative to it: the same annotations
    let (code, shown) = action(&repo.join("config"), "main", "../marketing.schema.json", None);
    assert_eq!(code, Some(1), "{shown}");
    assert!(shown.contains(&format!("::error {}", BAD_FINDINGS[1])), "{shown}");

    git(&repo, &["checkout", "-q", "pr-good"]);
    let (code, shown) = action(&repo, "main", schema, None);
    assert_eq!(code, Some(0), "{shown}");
    assert!(shown.contains("linting 1 file(s)") && !shown.contains("::error"), "{shown}");

    // no TOML added or changed (a deletion is not linted): nothing to lint, success
    git(&repo, &["checkout", "-q", "pr-docs"]);
    let (code, shown) = action(&repo, "main", schema, None);
    assert_eq!(code, Some(0), "{shown}");
    assert!(shown.contains("nothing to lint"), "{shown}");

    // as on a CI runner: a clone with only the pull request's branch; the base is fetched
    let clone = tmp.path().join("clone");
    let source = repo.to_str().unwrap();
    git(tmp.path(), &["clone", "-q", "--single-branch", "--branch", "pr-bad", source, "clone"]);
    let (code, shown) = action(&clone, "main", schema, None);
    assert_eq!(code, Some(1), "{shown}");
    assert!(shown.contains("linting 2 file(s) changed since origin/main"), "{shown}");

    // a base that is neither a revision nor a branch: a usage error
    let (code, shown) = action(&repo, "no-such-branch", schema, None);
    assert_eq!(code, Some(2), "{shown}");
    assert!(shown.contains("`no-such-branch` is neither a revision nor a branch"), "{shown}");
}

/// `action.yml` runs the script tested above and hands it every input; a renamed setting
/// on either side fails here.
#[test]
fn action_yml_runs_the_script_with_every_input() {
    let action = std::fs::read_to_string(checkout().join("action.yml")).unwrap();
    let script = std::fs::read_to_string(checkout().join("scripts/action-lint.sh")).unwrap();
    assert!(action.contains("using: composite"), "{action}");
    assert!(action.contains(r#"run: bash "$GITHUB_ACTION_PATH/scripts/action-lint.sh""#), "{action}");
    let inputs = [
        ("linter", "LINT_LINTER"),
        ("files", "LINT_FILES"),
        ("schema", "LINT_SCHEMA"),
        ("args", "LINT_ARGS"),
    ];
    for (input, variable) in inputs {
        assert!(action.contains(&format!("\n  {input}:\n")), "input `{input}` in action.yml");
        assert!(
            action.contains(&format!("{variable}: ${{{{ inputs.{input} }}}}")),
            "{variable} in action.yml"
        );
        assert!(script.contains(&format!("${{{variable}:-")), "{variable} in the script");
    }
    assert!(action.contains("LINT_BASE: ${{ inputs.base || github.base_ref }}"), "{action}");
    assert!(action.contains("\n  base:\n") && script.contains("${LINT_BASE:-"), "LINT_BASE");
    assert!(action.contains("default: \"**/*.toml\"") && script.contains(r#"${LINT_FILES:-**/*.toml}"#));
}
