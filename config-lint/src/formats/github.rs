//! GitHub Actions output: one workflow command per finding,
//! `::error file=<f>,line=<l>,col=<c>::[<rule>] <path>: <message>` (warnings as
//! `::warning`), which GitHub turns into annotations on the pull request; then the
//! summary as a plain log line. What the file quotes (file name, key path, message, help)
//! is passed through `config_core::diag::printable` first, as in the one-line record, so
//! control and bidi characters arrive as `\u{..}` text; then values are escaped as the
//! runner expects (`%`, CR, LF, and in properties `:` and `,`).

use super::CheckTotals;
use config_core::diag::printable;
use config_core::{Diagnostics, Severity};
use std::io::{self, Write};

pub fn write(reports: &[Diagnostics], totals: &CheckTotals, out: &mut dyn Write) -> io::Result<()> {
    for d in reports {
        for x in &d.items {
            let level = match x.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let mut msg = format!("[{}] {}: {}", x.rule.id(), printable(&x.path), printable(&x.message));
            if let Some(h) = &x.help {
                msg.push_str("\nhelp: ");
                msg.push_str(&printable(h));
            }
            writeln!(
                out,
                "::{level} file={},line={},col={}::{}",
                escape_property(&printable(&d.file)),
                x.line,
                x.col,
                escape_data(&msg)
            )?;
        }
    }
    writeln!(out, "{}", totals.line())
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}
