#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! `report` and `preview` without a browser: exit codes as `check`'s, where the page goes
//! (`-o PATH`, `-o -`, the default `report.html`), the "what changed" section from `diff`
//! (`--old FILE` and `--against REV` through git), escaping, and the usage errors (no
//! page written then). What the page looks like in a browser: `report_browser.rs`.

use config_lint::{Linter, run};
use std::path::{Path, PathBuf};
use std::process::Command;

mod shop {
    config_tests::shop_types!();
}
mod kyiv {
    // the shipped file's zone, so its local times read as the shop reads them
    config_tests::shop_types!(#[config(tz = "Europe/Kyiv")]);
}

const EARLY: &str = "2026-01-01T00:00:00Z";

fn tmp(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report").join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn fixture(p: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p).canonicalize().unwrap().to_str().unwrap().to_owned()
}

/// Runs `shop-lint ARGS`: (exit code, stdout, stderr).
fn lint(args: &[&str]) -> (u8, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let all = std::iter::once("shop-lint").chain(args.iter().copied());
    // the shipped file holds local times in the shop's zone; the fixtures explicit offsets
    let linter = if args.iter().any(|a| a.ends_with("examples/shop/marketing.toml")) {
        Linter::app::<kyiv::Marketing>("shop-lint")
    } else {
        Linter::app::<shop::Marketing>("shop-lint")
    };
    let code = run(all, &linter, &mut out, &mut err);
    (code, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
}

/// The schema of the linter that reads the shipped file (with the shop's zone).
fn lint_shipped_schema() -> Vec<u8> {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(
        run(["shop-lint", "schema"], &Linter::app::<kyiv::Marketing>("shop-lint"), &mut out, &mut err),
        0
    );
    out
}

#[test]
fn exit_codes_are_checks_and_the_page_is_written_either_way() {
    let dir = tmp("exit");
    let page = dir.join("page.html");
    let page = page.to_str().unwrap();
    let good = fixture("../examples/shop/marketing.toml");
    let bad = fixture("../tests/fixtures/bad/shop/range.toml");
    let (code, out, _) = lint(&["report", &good, "-o", page, "--now", EARLY]);
    assert_eq!(code, 0, "{out}");
    assert!(out.ends_with(&format!(": passes: 0 errors, 0 warnings; report written to {page}\n")), "{out}");
    assert!(std::fs::read_to_string(page).unwrap().contains("data-verdict=\"pass\""));
    let (code, out, _) = lint(&["report", &bad, "-o", page, "--now", EARLY]);
    assert_eq!(code, 1);
    assert!(out.contains(": fails: "), "{out}");
    assert!(std::fs::read_to_string(page).unwrap().contains("data-verdict=\"fail\""));
    assert_eq!(lint(&["check", &bad, "--now", EARLY]).0, 1, "as check");
    // warnings: pass unless denied, as with `check`
    let late = "2027-06-01T00:00:00Z";
    assert_eq!(lint(&["report", &good, "-o", page, "--now", late]).0, 0);
    assert_eq!(lint(&["report", &good, "-o", page, "--now", late, "--deny-warnings"]).0, 1);
    assert_eq!(lint(&["check", &good, "--now", late, "--deny-warnings"]).0, 1);
    // usage and I/O errors: exit 2, nothing written
    std::fs::remove_file(page).unwrap();
    let missing = dir.join("missing.toml");
    assert_eq!(lint(&["report", missing.to_str().unwrap(), "-o", page]).0, 2);
    assert_eq!(lint(&["report", &good, "-o", page, "--now", "yesterday"]).0, 2);
    assert_eq!(lint(&["report", &good, "--old", &good, "--against", "HEAD", "-o", page]).0, 2);
    assert_eq!(lint(&["report", &good, "-o", dir.join("no/such/dir/page.html").to_str().unwrap()]).0, 2);
    assert!(!Path::new(page).exists());
    // the generic linter needs the schema, as for `check`
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(run(["config-lint", "report", &good, "-o", page], &Linter::generic(), &mut out, &mut err), 2);
    assert!(String::from_utf8(err).unwrap().contains("`report` needs the app's schema"));
}

#[test]
fn the_page_goes_to_report_html_or_to_standard_output() {
    let good = fixture("../examples/shop/marketing.toml");
    let (code, out, err) = lint(&["report", &good, "-o", "-", "--now", EARLY]);
    assert_eq!(code, 0);
    assert!(out.starts_with("<!DOCTYPE html>") && out.ends_with("</html>"), "the page alone on stdout");
    assert!(err.ends_with("report written to standard output\n"), "{err}");
    // the default: report.html in the current directory (the binary, run in a directory)
    let dir = tmp("default");
    let schema = dir.join("schema.json");
    std::fs::write(&schema, lint_shipped_schema()).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_config-lint"))
        .current_dir(&dir)
        .args(["--schema", schema.to_str().unwrap(), "report", &good, "--now", EARLY])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let page = std::fs::read_to_string(dir.join("report.html")).unwrap();
    assert!(page.contains("data-verdict=\"pass\""));
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2, "no temporary file left behind");
}

#[test]
fn what_changed_comes_from_diff_by_file_or_by_git_revision() {
    let old = fixture("tests/fixtures/promos_old.toml");
    let new = fixture("tests/fixtures/promos_new.toml");
    let (code, page, _) = lint(&["report", &new, "--old", &old, "-o", "-", "--now", EARLY]);
    assert_eq!(code, 0);
    let changes = &page[page.find("<section id=\"changes\">").unwrap()..];
    for want in [
        "<li class=\"added\" data-change=\"added\">+ christmas</li>",
        "<li class=\"removed\" data-change=\"removed\">− cyber-monday</li>",
        "<li data-change=\"changed\">~ black-friday: percent_off, title</li>",
        "1 added, 1 removed, 1 changed",
    ] {
        assert!(changes.contains(want), "{want}\n{changes}");
    }
    // the rows are diff's rows: the document, each field, each menu branch
    assert_eq!(changes.matches("<tr data-level=\"0\"").count(), 1);
    assert_eq!(changes.matches("<tr data-level=\"1\"").count(), 3);
    assert_eq!(changes.matches("<tr data-level=\"2\"").count(), 3, "Women, Men, Kids");
    // the same from git
    let dir = tmp("git");
    let git = |args: &[&str]| config_tests::git::git(&dir, args);
    git(&["init", "-q"]);
    let file = dir.join("marketing.toml");
    std::fs::copy(&old, &file).unwrap();
    git(&["add", "marketing.toml"]);
    git(&["commit", "-q", "-m", "old"]);
    std::fs::copy(&new, &file).unwrap();
    let (code, by_git, _) =
        lint(&["report", file.to_str().unwrap(), "--against", "HEAD", "-o", "-", "--now", EARLY]);
    assert_eq!(code, 0);
    let changes_git = &by_git[by_git.find("<section id=\"changes\">").unwrap()..];
    assert!(changes_git.contains("marketing.toml@HEAD"));
    assert!(changes_git.contains("+ christmas") && changes_git.contains("− cyber-monday"));
    let (code, _, err) = lint(&["report", file.to_str().unwrap(), "--against", "no-such-rev", "-o", "-"]);
    assert_eq!(code, 2);
    assert!(err.contains("at git revision `no-such-rev`"), "{err}");
}

#[test]
fn strings_from_the_file_are_escaped_cleaned_and_cut() {
    let dir = tmp("escape");
    let file = dir.join("marketing.toml");
    let long = "x".repeat(1000);
    let text = format!(
        "free_shipping_over_cents = 1\n\n[[menu]]\ntitle = \"<b>Sale</b>\\u202egnp.exe\"\nurl = \"/a\"\n\n\
         [[menu.children]]\ntitle = \"Wo\\u200bmen {long}\"\nurl = \"/b\"\n"
    );
    std::fs::write(&file, text).unwrap();
    let (_, page, _) = lint(&["report", file.to_str().unwrap(), "-o", "-", "--now", EARLY]);
    assert!(
        page.contains("&lt;b&gt;Sale&lt;/b&gt;\\u{202e}gnp.exe"),
        "escaped, and the override written out"
    );
    assert!(!page.contains('\u{202e}') && !page.contains('\u{200b}'));
    assert!(page.contains("Wo\\u{200b}men xxx"));
    assert!(!page.contains(&long), "long strings are cut");
    assert!(page.contains("x…</span>"));
}

#[test]
fn the_preview_serves_loopback_only() {
    let good = fixture("../examples/shop/marketing.toml");
    let (code, _, err) = lint(&["preview", &good, "--addr", "0.0.0.0:0"]);
    assert_eq!(code, 2);
    assert!(err.contains("is not a loopback address"), "{err}");
    let (code, _, err) = lint(&["preview", "/no/such/file.toml"]);
    assert_eq!(code, 2, "{err}");
}
