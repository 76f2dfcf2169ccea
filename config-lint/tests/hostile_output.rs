#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The linter's output is safe to print, log and upload whatever the input: the shop's app
//! linter runs `check` in every format (`human`, `json`, `github`, `sarif`) over every file
//! of the checked-in fuzz corpus (`fuzz/corpus/*/*`, read by the linter as bytes, as it
//! reads any file) and over handcrafted hostile files, and every output must:
//!
//! - carry no character that `config_core::forbidden::must_escape` is true for (control
//!   characters, DEL, C1, bidi embeddings / overrides / isolates) except `\n` ending a line:
//!   no terminal escape (colour is off), no carriage return, no tab, no Trojan Source
//!   reordering;
//! - keep every line under [`MAX_LINE`];
//! - parse as JSON (`json`, `sarif`; SARIF as version 2.1.0 with a `runs` array);
//! - for `github`, be workflow commands the runner cannot misread: no raw CR, the message
//!   with `%` only as `%25`, `%0D` or `%0A`, the properties `file`, `line`, `col` with no
//!   raw `:` or `,` in a value; in the other formats, no line the runner would take for a
//!   command (one starting with `::` after leading spaces: a step's whole output is read).
//!
//! Commands run in process through `config_lint::run` with paths to the files, so the real
//! reading (UTF-8 check, lossy decoding), the checker, the warnings and the renderers run.
//! Handcrafted files are written under the target's temporary directory, with a file name
//! holding `,`, `:` and `%` for the GitHub properties.
//!
//! `long_keys_and_values_are_cut` holds what the engine does not do yet: a 10,000-character
//! key or value is not echoed whole.

use config_core::forbidden::must_escape;
use config_lint::{Linter, run};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

mod shop {
    config_tests::shop_types!();
}

const FORMATS: [&str; 4] = ["human", "json", "github", "sarif"];

/// The longest line any output may have, in bytes. The longest legitimate ones: a code
/// frame shows the finding's source line, cut at `config_core::diag::MAX_FRAME_LINE` (4 KiB;
/// longer lines are not shown), plus the gutter; a JSON string holding a message that
/// quotes a value from such a line, escaped. Twice the frame cut leaves room for both and
/// still catches output that copies a whole large input. (Over the corpus, whose files are
/// under 4 KiB, the longest line is a SARIF rule's help text, about 700 bytes.)
const MAX_LINE: usize = 8 << 10;

/// The longest line for an input holding a 10,000-character key or value, once the engine
/// cuts quoted text to 80 characters, not counting the file's name: the frame's source line
/// is not shown (over 4 KiB), so what is left is a finding's title (key path and message,
/// each quoting at most 80 characters) and, in the GitHub form, its help.
const MAX_LINE_LONG_INPUT: usize = 400;

/// Runs `linter` as `name --color never <args>`: exit code, stdout, stderr.
fn lint_with(linter: &Linter, name: &str, args: &[&str]) -> (u8, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut full = vec![name, "--color", "never"];
    full.extend_from_slice(args);
    let code = run(full, linter, &mut out, &mut err);
    (code, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
}

/// The shop's linter.
fn lint(args: &[&str]) -> (u8, String, String) {
    lint_with(&Linter::app::<shop::Marketing>("shop-lint"), "shop-lint", args)
}

/// The generic linter (no schema: tree lists and item lists found by their shape).
fn lint_generic(args: &[&str]) -> (u8, String, String) {
    lint_with(&Linter::generic(), "config-lint", args)
}

/// `check` of one file in one format: the exit code and standard output.
fn check(file: &Path, format: &str) -> (u8, String) {
    let p = file.to_str().unwrap();
    let (code, out, err) = lint(&["check", "--now", "2026-01-01T00:00:00Z", "--format", format, p]);
    assert!(code <= 1, "{p} ({format}): exit {code}\n{err}");
    assert_safe_text(&format!("{p} ({format}) stderr"), &err, MAX_LINE);
    (code, out)
}

/// Every file of the checked-in fuzz corpus, sorted.
fn corpus() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus");
    let mut files = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        if dir.is_dir() {
            files.extend(std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_file()));
        }
    }
    files.sort();
    assert!(files.len() >= 100, "only {} corpus files under {}", files.len(), root.display());
    files
}

/// No forbidden character but `\n`, and no line over `max_line` bytes.
fn assert_safe_text(what: &str, out: &str, max_line: usize) {
    assert!(!out.contains('\u{1b}'), "{what}: output holds an ESC byte:\n{out:?}");
    for (n, line) in out.split('\n').enumerate() {
        if let Some(c) = line.chars().find(|&c| must_escape(c)) {
            panic!("{what}: line {} holds U+{:04X} raw: {line:?}", n + 1, c as u32);
        }
        assert!(
            line.len() <= max_line,
            "{what}: line {} is {} bytes long (at most {max_line})",
            n + 1,
            line.len()
        );
    }
}

/// `%` in a workflow command's message or property only as one of the runner's escapes.
fn assert_percent_escaped(what: &str, part: &str, escapes: &[&str]) {
    for (i, _) in part.match_indices('%') {
        let after = &part[i + 1..];
        assert!(escapes.iter().any(|e| after.starts_with(e)), "{what}: raw `%` at byte {i} of {part:?}");
    }
}

/// GitHub workflow commands: `::<level> file=…,line=…,col=…::<message>`. The runner
/// reads a command from any line starting with `::` after leading spaces.
fn assert_github_commands(what: &str, out: &str) {
    for line in out.lines() {
        let Some(cmd) = line.trim_start().strip_prefix("::") else { continue };
        assert!(!line.contains('\r'), "{what}: raw CR in {line:?}");
        let (head, message) = cmd.split_once("::").unwrap_or_else(|| panic!("{what}: no `::` in {line:?}"));
        assert_percent_escaped(what, message, &["25", "0D", "0A"]);
        let (level, props) =
            head.split_once(' ').unwrap_or_else(|| panic!("{what}: no properties in {line:?}"));
        assert!(level == "error" || level == "warning", "{what}: level {level:?} in {line:?}");
        let mut keys = Vec::new();
        for prop in props.split(',') {
            let (k, v) =
                prop.split_once('=').unwrap_or_else(|| panic!("{what}: property {prop:?} in {line:?}"));
            assert!(!v.contains(':'), "{what}: raw `:` in property {prop:?} of {line:?}");
            assert_percent_escaped(what, v, &["25", "0D", "0A", "3A", "2C"]);
            keys.push(k);
        }
        assert_eq!(keys, ["file", "line", "col"], "{what}: properties of {line:?}");
    }
}

/// Everything an output of `format` must be.
fn assert_safe(what: &str, format: &str, out: &str, max_line: usize) {
    assert_safe_text(what, out, max_line);
    match format {
        "json" => {
            let v: serde_json::Value =
                serde_json::from_str(out).unwrap_or_else(|e| panic!("{what}: not JSON: {e}\n{out}"));
            assert!(v["files"].is_array(), "{what}: no `files` array");
        }
        "sarif" => {
            let v: serde_json::Value =
                serde_json::from_str(out).unwrap_or_else(|e| panic!("{what}: not JSON: {e}\n{out}"));
            assert_eq!(v["version"], "2.1.0", "{what}");
            assert!(v["runs"].as_array().is_some_and(|r| !r.is_empty()), "{what}: no `runs` array");
        }
        "github" => assert_github_commands(what, out),
        _ => {}
    }
    if format != "github" {
        let forged = out.lines().find(|l| l.trim_start().starts_with("::"));
        assert!(forged.is_none(), "{what}: a line the GitHub runner reads as a command: {forged:?}");
    }
}

#[test]
fn every_corpus_file_in_every_format() {
    let (mut findings, mut longest) = (0, 0);
    for file in corpus() {
        for format in FORMATS {
            let (code, out) = check(&file, format);
            assert_safe(&format!("{} ({format})", file.display()), format, &out, MAX_LINE);
            findings += usize::from(code == 1);
            longest = longest.max(out.lines().map(str::len).max().unwrap_or(0));
        }
    }
    // the corpus holds bad files: the renderers of findings ran, not only the summary line
    assert!(findings >= 100, "only {findings} runs with findings");
    eprintln!("{findings} runs with findings; longest line {longest} bytes");
}

/// A handcrafted hostile file: its name and text.
struct Hostile {
    name: &'static str,
    text: String,
}

const VALID_PROMO: &str = "id = \"bf\"\ntitle = \"Black Friday\"\nstarts = 2026-11-27T00:00:00+01:00\n\
                           ends = 2026-11-30T00:00:00+01:00\npercent_off = 30\n";

fn promo_with(extra: &str) -> String {
    format!("free_shipping_over_cents = 4900\n\n[[promotions]]\n{VALID_PROMO}{extra}\n")
}

fn long_key() -> String {
    format!("k{}", "e".repeat(9_998) + "y")
}

fn long_value() -> String {
    format!("v{}", "a".repeat(9_998) + "l")
}

fn hostile() -> Vec<Hostile> {
    let root = "free_shipping_over_cents = 4900\n";
    vec![
        Hostile { name: "long_key", text: format!("{root}{} = 1\n", long_key()) },
        Hostile { name: "long_value", text: promo_with(&format!("audience = \"{}\"", long_value())) },
        // the key holds ESC and BEL through TOML escapes: the unknown-key finding quotes it
        Hostile {
            name: "esc_key_escaped",
            text: format!("{root}\"evil\\u001b[2J\\u001b]0;pwned\\u0007\" = 1\n"),
        },
        // raw ESC in a quoted key: a syntax error whose frame shows the line
        Hostile { name: "esc_key_raw", text: format!("{root}\"evil\u{1b}[31mred\u{1b}[0m\" = 1\n") },
        // a list of items with ids under a key holding an OSC sequence (`diff` names lists)
        Hostile { name: "esc_list_key", text: "\"p\\u001b]0;pwned\\u0007\" = [{id = \"a\"}]\n".to_owned() },
        // a right-to-left override in a `one_of` value, escaped and raw
        Hostile { name: "bidi_escaped", text: promo_with("audience = \"mem\\u202Ebers\"") },
        Hostile { name: "bidi_raw", text: promo_with("audience = \"mem\u{202e}bers\"") },
        // `%`, newlines, runner escapes and a forged workflow command in quoted values
        Hostile { name: "percent_newline", text: promo_with("audience = \"50%\\noff %0A %25 %\"") },
        Hostile {
            name: "percent_multiline",
            text: promo_with("audience = \"\"\"50%\r\n::error file=x::forged %0A\"\"\"\nbanner_url = \"javascript:%0A\\r\\n\""),
        },
        // C1 raw and DEL escaped in a title (control_char), CRLF line ends
        Hostile {
            name: "c1_del_crlf",
            text: "free_shipping_over_cents = 4900\r\n\r\n[[menu]]\r\ntitle = \"a\u{85}b\u{9b}31m\\u007F\"\r\nurl = \"/x\"\r\n"
                .to_owned(),
        },
        // tabs in source and values
        Hostile { name: "tabs", text: promo_with("audience\t=\t\"\tmembers\t\"\t# tab") },
    ]
}

/// Each hostile file, written once (tests run in parallel) under a name the GitHub
/// properties must escape: (name, path).
fn written() -> &'static [(&'static str, PathBuf)] {
    static FILES: OnceLock<Vec<(&'static str, PathBuf)>> = OnceLock::new();
    FILES.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile_output");
        std::fs::create_dir_all(&dir).unwrap();
        hostile()
            .into_iter()
            .map(|h| {
                let path = dir.join(format!("{},50%:x.toml", h.name));
                std::fs::write(&path, &h.text).unwrap();
                (h.name, path)
            })
            .collect()
    })
}

#[test]
fn handcrafted_hostile_files_in_every_format() {
    for (name, path) in written() {
        for format in FORMATS {
            let (code, out) = check(path, format);
            assert_eq!(code, 1, "{name} ({format}): expected findings\n{out}");
            // the line bound for the long inputs is `long_keys_and_values_are_cut`'s
            let bound = if name.starts_with("long_") { usize::MAX } else { MAX_LINE };
            assert_safe(&format!("{name} ({format})"), format, &out, bound);
        }
    }
}

#[test]
fn findings_quote_hostile_text_escaped() {
    // what the escaped characters became: visible `\u{..}` text, in every format
    for (name, path) in written() {
        let expect = match *name {
            "esc_key_escaped" => "evil\\u{1b}[2J",
            "bidi_escaped" | "bidi_raw" => "mem\\u{202e}bers",
            _ => continue,
        };
        for format in FORMATS {
            let (_, out) = check(path, format);
            let shown = if format == "human" { out.clone() } else { out.replace("\\\\", "\\") };
            assert!(shown.contains(expect), "{name} ({format}): `{expect}` not in\n{out}");
        }
    }
}

#[test]
fn c1_controls_in_frames_are_drawn_as_replacement_characters() {
    // the frame's source line has every invisible character drawn as U+FFFD (U+009B is
    // CSI, an escape sequence to a terminal), with the underline still under the whole string
    let (_, path) = written().iter().find(|(n, _)| *n == "c1_del_crlf").unwrap();
    let (_, out) = check(path, "human");
    let value = "\"a\u{fffd}b\u{fffd}31m\\u007F\"";
    let shown = out.lines().find(|l| l.contains("title =")).unwrap();
    assert!(shown.contains(value), "{out}");
    let carets = out.lines().find(|l| l.contains('^')).unwrap();
    let at = carets.chars().position(|c| c == '^').unwrap();
    assert_eq!(shown.chars().nth(at), Some('"'), "{out}");
    assert_eq!(carets.matches('^').count(), value.chars().count(), "{out}");
}

#[test]
fn long_keys_and_values_are_cut() {
    // the engine cuts quoted keys and values to 80 characters (with an ellipsis), in
    // messages and in key paths (`path` in JSON, `fullyQualifiedName` in SARIF)
    for (name, path) in written() {
        let whole = match *name {
            "long_key" => long_key(),
            "long_value" => long_value(),
            _ => continue,
        };
        // the file's name, percent-encoded at worst (3 bytes a byte) in GitHub and SARIF
        let bound = MAX_LINE_LONG_INPUT + 3 * path.as_os_str().len();
        // a run of the repeated letter marks a line quoting the long text (rule docs in
        // SARIF are long lines of their own, bounded by `MAX_LINE`)
        let marker = whole[1..11].to_owned();
        for format in FORMATS {
            let (_, out) = check(path, format);
            let what = format!("{name} ({format})");
            assert!(!out.contains(&whole), "{what}: the 10,000-character text is echoed whole");
            assert_safe(&what, format, &out, MAX_LINE);
            let quoting: Vec<&str> = out.lines().filter(|l| l.contains(&marker)).collect();
            assert!(!quoting.is_empty(), "{what}: the text is not quoted at all:\n{out}");
            for l in quoting {
                assert!(l.len() <= bound, "{what}: a line of {} bytes quotes it: {l}", l.len());
            }
        }
    }
}

/// `diff` and `stats` name keys and list items too: the same escaping and cutting, in
/// their human and JSON forms, on every hand-made hostile file.
#[test]
fn diff_and_stats_quote_hostile_text_escaped_and_cut() {
    for (name, path) in written() {
        let p = path.to_str().unwrap();
        for args in [
            vec!["diff", p, p],
            vec!["diff", "--format", "json", p, p],
            vec!["stats", p],
            vec!["stats", "--format", "json", p],
        ] {
            let (code, out, err) = lint(&args);
            let (generic_code, generic_out, _) = lint_generic(&args);
            let what = format!("{name}: {} (no schema)", args[..args.len() - 1].join(" "));
            assert!(generic_code <= 1, "{what}: exit {generic_code}");
            assert_safe_text(&what, &generic_out, MAX_LINE_LONG_INPUT + 3 * p.len());
            let what = format!("{name}: {}", args[..args.len() - 1].join(" "));
            assert!(code <= 1, "{what}: exit {code}\n{err}");
            assert_safe_text(&what, &out, MAX_LINE_LONG_INPUT + 3 * p.len());
            assert_safe_text(&format!("{what} (stderr)"), &err, MAX_LINE);
            if args.contains(&"json") && code == 0 {
                serde_json::from_str::<serde_json::Value>(&out)
                    .unwrap_or_else(|e| panic!("{what}: {e}\n{out}"));
            }
        }
    }
}

/// `timeline` and `at` name items by their keys and titles: the same escaping and cutting,
/// in text and JSON, on every hand-made hostile file and on promotions whose `id` holds a
/// terminal escape, a right-to-left override and 10,000 characters.
#[test]
fn timeline_and_at_quote_hostile_text_escaped_and_cut() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile_output");
    std::fs::create_dir_all(&dir).unwrap();
    let promo = |id: &str| {
        format!(
            "[[promotions]]\nid = \"{id}\"\ntitle = \"t\"\nstarts = 2026-11-27T00:00:00+01:00\n\
             ends = 2026-11-30T00:00:00+01:00\npercent_off = 30\n\n"
        )
    };
    let ids = format!("{}{}", promo("evil\\u001b[2J\\u202egnp.exe"), promo(&long_value()));
    let named = dir.join("timeline_ids,50%:x.toml");
    std::fs::write(&named, format!("free_shipping_over_cents = 4900\n\n{ids}")).unwrap();
    let mut files: Vec<PathBuf> = written().iter().map(|(_, p)| p.clone()).collect();
    files.push(named.clone());
    for path in &files {
        let p = path.to_str().unwrap();
        for args in [
            vec!["timeline", "--now", "2026-11-28T00:00:00Z", p],
            vec!["timeline", "--now", "2026-11-28T00:00:00Z", "--format", "json", p],
            vec!["at", "2026-11-28T00:00:00Z", p],
            vec!["at", "--format", "json", "2026-11-28T00:00:00Z", p],
        ] {
            let (code, out, err) = lint(&args);
            let what = format!("{p}: {}", args[..args.len() - 1].join(" "));
            assert!(code <= 1, "{what}: exit {code}\n{err}");
            assert!(!out.contains(&long_value()), "{what}: the 10,000-character id is echoed whole");
            assert_safe_text(&what, &out, MAX_LINE_LONG_INPUT + 3 * p.len());
            assert_safe_text(&format!("{what} (stderr)"), &err, MAX_LINE);
            if args.contains(&"json") && code == 0 {
                serde_json::from_str::<serde_json::Value>(&out)
                    .unwrap_or_else(|e| panic!("{what}: {e}\n{out}"));
            }
        }
    }
    // the escaped id is shown as visible escapes, and both items are drawn and active
    let (_, out, _) = lint(&["timeline", "--now", "2026-11-28T00:00:00Z", named.to_str().unwrap()]);
    assert!(out.contains("\nevil\\u{1b}[2J\\u{202e}gn…  ####  "), "{out}");
    assert_eq!(
        out.lines().filter(|l| l.ends_with("####  2026-11-26 23:00 → 2026-11-29 23:00")).count(),
        2,
        "{out}"
    );
    let (_, out, _) = lint(&["at", "2026-11-28T00:00:00Z", named.to_str().unwrap()]);
    assert!(out.contains(": 2 of 2 windowed items active"), "{out}");
}
