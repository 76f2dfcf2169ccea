#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The linter on compressed config files (`marketing.toml.gz`, the form `Live` reads from a
//! ConfigMap's `binaryData`): the same findings as on the plain file, at the same lines and
//! columns, under the `.gz` name, for `check` (every format), `diff` (files and
//! `--against` a git revision) and `stats`; a damaged stream, or a file inflating past the
//! linter's cap, cannot be read (exit 2, as a missing file).

use config_lint::{Linter, run};
use config_runtime::compress;
use std::path::{Path, PathBuf};
use std::process::Command;

mod shop {
    config_tests::shop_types!();
}

/// Before every promotion of the fixtures: no `window-over` warnings.
const EARLY: &str = "2026-01-01T00:00:00Z";

fn shop() -> Linter {
    Linter::app::<shop::Marketing>("shop-lint")
}

fn tmp(dir: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("gzip").join(dir);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn fixture(p: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(p)).unwrap()
}

/// Writes `text` as `<dir>/<stem>.toml` and, gzipped, as `<dir>/<stem>.toml.gz`.
fn plain_and_gz(dir: &Path, stem: &str, text: &[u8]) -> (String, String) {
    let plain = dir.join(format!("{stem}.toml"));
    let packed = dir.join(format!("{stem}.toml.gz"));
    std::fs::write(&plain, text).unwrap();
    std::fs::write(&packed, compress::gzip(text, 9).unwrap()).unwrap();
    (plain.to_str().unwrap().to_owned(), packed.to_str().unwrap().to_owned())
}

/// Runs the shop's linter in process: (exit code, stdout, stderr).
fn lint(args: &[&str]) -> (u8, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut argv = vec!["shop-lint"];
    argv.extend_from_slice(args);
    let code = run(argv, &shop(), &mut out, &mut err);
    (code, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
}

#[test]
fn a_good_gz_file_passes() {
    let dir = tmp("good");
    let (_, packed) = plain_and_gz(&dir, "marketing", &fixture("../tests/fixtures/good/shop.toml"));
    let (code, out, err) = lint(&["check", "--now", EARLY, &packed]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("1 file checked"), "{out}");
}

#[test]
fn a_bad_gz_file_has_the_plain_files_findings_under_its_own_name() {
    let dir = tmp("bad");
    let (plain, packed) = plain_and_gz(&dir, "marketing", &fixture("../tests/fixtures/bad/shop/mixed.toml"));
    for format in ["human", "json", "github", "sarif"] {
        let (code, from_plain, _) = lint(&["check", "--now", EARLY, "--format", format, &plain]);
        assert_eq!(code, 1, "{format}");
        let (code, from_gz, err) = lint(&["check", "--now", EARLY, "--format", format, &packed]);
        assert_eq!(code, 1, "{format}: {err}");
        assert_eq!(from_gz, from_plain.replace("marketing.toml", "marketing.toml.gz"), "{format}");
    }
    // line and column of the inflated text, the file named as given
    let (_, out, _) = lint(&["check", "--now", EARLY, "--format", "github", &packed]);
    assert!(out.contains(&format!("::error file={packed},line=1,col=28::")), "{out}");
    let (_, out, _) = lint(&["check", "--now", EARLY, &packed]);
    assert!(out.contains(&format!(" --> {packed}:1:28\n")), "{out}");
    assert!(out.contains("1 | free_shipping_over_cents = -5"), "{out}");
}

#[test]
fn a_damaged_stream_cannot_be_read() {
    let dir = tmp("corrupt");
    let text = fixture("../tests/fixtures/good/shop.toml");
    let packed = compress::gzip(&text, 9).unwrap();
    let truncated = &packed[..packed.len() / 2];
    let path = dir.join("marketing.toml.gz");
    let name = path.to_str().unwrap();
    for (what, bytes, reason) in [
        ("truncated", truncated, "the file is not a valid gzip stream: "),
        (
            "plain text",
            &text[..],
            "the file is not a valid gzip stream: it does not start with the gzip magic",
        ),
    ] {
        std::fs::write(&path, bytes).unwrap();
        // `check` goes on with the other files, then exits 2, as for a missing file
        let good = "../tests/fixtures/good/shop.toml";
        let (code, out, err) = lint(&["check", "--now", EARLY, name, good]);
        assert_eq!(code, 2, "{what}: {out}{err}");
        assert!(err.starts_with(&format!("error: cannot read `{name}`: {reason}")), "{what}: {err}");
        assert!(out.contains("0 errors, 0 warnings"), "{what}: {out}");
        // `stats` and `diff` refuse it the same way
        let (code, _, err) = lint(&["stats", name]);
        assert_eq!(code, 2, "{what}");
        assert!(err.contains(reason), "{what}: {err}");
        let (code, _, err) = lint(&["diff", good, name]);
        assert_eq!(code, 2, "{what}");
        assert!(err.contains(reason), "{what}: {err}");
    }
    // the real binary, without a schema: the same exit code
    let out = Command::new(env!("CARGO_BIN_EXE_config-lint"))
        .args(["check", "--syntax-only", name])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("is not a valid gzip stream"));
}

#[test]
fn a_file_inflating_past_the_cap_cannot_be_read() {
    // 128 MiB of zeros in 128 KiB: gzip members of 1 MiB of zeros each, one after the other
    let member = compress::gzip(&vec![0u8; 1 << 20], 9).unwrap();
    let dir = tmp("bomb");
    let path = dir.join("marketing.toml.gz");
    std::fs::write(&path, member.repeat(128)).unwrap();
    let started = std::time::Instant::now();
    let (code, out, err) = lint(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("the file decompresses to more than 67108864 bytes, the linter's cap"), "{err}");
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

#[test]
fn diff_and_stats_read_gz_files() {
    let dir = tmp("diff");
    let (old_plain, old_gz) = plain_and_gz(&dir, "old", &fixture("tests/fixtures/promos_old.toml"));
    let (new_plain, new_gz) = plain_and_gz(&dir, "new", &fixture("tests/fixtures/promos_new.toml"));
    let (code, from_plain, _) = lint(&["diff", &old_plain, &new_plain]);
    let (code_gz, from_gz, err) = lint(&["diff", &old_gz, &new_gz]);
    assert_eq!((code_gz, code), (0, 0), "{from_gz}{err}");
    assert_eq!(from_gz, from_plain.replace(".toml", ".toml.gz"));
    assert!(from_gz.contains("  + christmas\n  - cyber-monday\n"), "{from_gz}");
    // a plain file against a compressed one
    let (code, mixed, _) = lint(&["diff", &old_plain, &new_gz]);
    assert_eq!(code, 0);
    assert!(mixed.contains("  + christmas\n  - cyber-monday\n"), "{mixed}");

    let (code, from_plain, _) = lint(&["stats", &new_plain]);
    let (code_gz, from_gz, _) = lint(&["stats", &new_gz]);
    assert_eq!((code_gz, code), (0, 0));
    assert_eq!(from_gz, from_plain.replace(".toml", ".toml.gz"));
}

#[test]
fn diff_against_a_git_revision_of_a_gz_file() {
    let dir = tmp("git");
    let git = |args: &[&str]| config_tests::git::git(&dir, args);
    git(&["init", "-q"]);
    let file = dir.join("marketing.toml.gz");
    std::fs::write(&file, compress::gzip(&fixture("tests/fixtures/promos_old.toml"), 9).unwrap()).unwrap();
    git(&["add", "marketing.toml.gz"]);
    git(&["commit", "-q", "-m", "old"]);
    std::fs::write(&file, compress::gzip(&fixture("tests/fixtures/promos_new.toml"), 9).unwrap()).unwrap();
    let (code, out, err) = lint(&["diff", "--against", "HEAD", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("marketing.toml.gz@HEAD → "), "{out}");
    assert!(out.contains("  + christmas\n  - cyber-monday\n  ~ black-friday: percent_off, title"), "{out}");
    // a revision whose `.gz` does not inflate: exit 2, naming the revision
    let packed = std::fs::read(&file).unwrap();
    std::fs::write(&file, &packed[..packed.len() / 2]).unwrap();
    git(&["commit", "-q", "-am", "damaged"]);
    std::fs::write(&file, &packed).unwrap();
    let (code, _, err) = lint(&["diff", "--against", "HEAD", file.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("at git revision `HEAD`: the file is not a valid gzip stream"), "{err}");
}
