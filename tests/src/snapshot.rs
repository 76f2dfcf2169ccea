//! Snapshot files of the CLI tests: a command's transcript (what a terminal shows: the
//! command line, the exit code, stdout and stderr) compared exactly with a checked-in
//! file, or written when `UPDATE_SNAPSHOTS` is set (then review the diff). Shared by the
//! linter's snapshots (`config-lint/tests/snapshots.rs`, `config-lint/src/diff/tests.rs`)
//! and the shop's (`examples/shop/tests/docs.rs`), so all fail and regenerate the same way.

#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::Path;

/// `$ <argv>`, `exit: <code>`, then `--- stdout` and `--- stderr` when not empty.
/// `run` gets the two output buffers and returns the exit code.
pub fn transcript(argv: &[&str], run: impl FnOnce(&mut Vec<u8>, &mut Vec<u8>) -> u8) -> String {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run(&mut out, &mut err);
    let mut s = format!("$ {}\nexit: {code}\n", argv.join(" "));
    let (out, err) = (String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap());
    if !out.is_empty() {
        s.push_str("--- stdout\n");
        s.push_str(&out);
    }
    if !err.is_empty() {
        s.push_str("--- stderr\n");
        s.push_str(&err);
    }
    s
}

/// Compares `actual` with the file at `path` (or writes it, with `UPDATE_SNAPSHOTS=1`);
/// a difference fails with the first differing lines.
pub fn assert_snapshot(path: &Path, actual: &str) {
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(path, actual).unwrap();
        return;
    }
    let name = path.file_stem().unwrap_or_default().to_string_lossy();
    let expected = std::fs::read_to_string(path)
        .unwrap_or_else(|_| panic!("missing snapshot {}; run with UPDATE_SNAPSHOTS=1", path.display()));
    if expected != actual {
        let first = expected.lines().zip(actual.lines()).position(|(a, b)| a != b).unwrap_or(0);
        panic!(
            "snapshot {name} differs (first at line {}):\n--- expected\n{}\n--- actual\n{}\n(UPDATE_SNAPSHOTS=1 regenerates)",
            first + 1,
            expected.lines().skip(first).take(5).collect::<Vec<_>>().join("\n"),
            actual.lines().skip(first).take(5).collect::<Vec<_>>().join("\n"),
        );
    }
}
