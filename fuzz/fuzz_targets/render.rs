//! The linter's renderer on arbitrary text: the checker's diagnostics (`check_value`, the
//! generic linter's path) and the app linter's (`config_lint::lint_text`, warnings and date help
//! included) rendered as code frames and one-line records. Spans inside the file, line and
//! column consistent with the text and with the frames; output size bounded per finding.
#![no_main]

use config_core::{Diagnostics, HasSchema};
use config_fuzz::ok;
use config_lint::{LintOptions, lint_text};
use config_tests::invariants::{diagnostics_inside, frames_consistent};
use libfuzzer_sys::fuzz_target;

fn check(text: &str, d: &Diagnostics) {
    ok(diagnostics_inside(text, d));
    let frames = d.render();
    ok(frames_consistent(d, &frames));
    let lines = d.one_line();
    assert_eq!(lines.lines().count(), d.len(), "one line per finding:\n{lines}");
    for (l, x) in lines.lines().zip(&d.items) {
        let head = format!("{}:{}:{}: {}[{}]", d.file, x.line, x.col, x.severity.as_str(), x.rule.id());
        assert!(l.starts_with(&head), "{l:?} does not start with {head:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let d = config_core::check_value("f.toml", &text, shop::Marketing::SCHEMA);
    check(&text, &d);
    let now = chrono::DateTime::UNIX_EPOCH.fixed_offset();
    let opts = LintOptions { now, syntax_only: false };
    let d = lint_text("f.toml", &text, Some(shop::Marketing::SCHEMA), None, &opts);
    check(&text, &d);
});
