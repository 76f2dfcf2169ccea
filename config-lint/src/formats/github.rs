//! GitHub Actions output: one workflow command per finding,
//! `::error file=<f>,line=<l>,col=<c>::[<rule>] <path>: <message>` (warnings as
//! `::warning`), which GitHub turns into annotations on the pull request; then the
//! summary as a plain log line. Values are escaped as the runner expects (`%`, CR, LF,
//! and in properties `:` and `,`).

use super::CheckTotals;
use config_core::{Diagnostics, Severity};
use std::io::{self, Write};

pub fn write(reports: &[Diagnostics], totals: &CheckTotals, out: &mut dyn Write) -> io::Result<()> {
    for d in reports {
        for x in &d.items {
            let level = match x.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let mut msg = format!("[{}] {}: {}", x.rule.id(), x.path, x.message);
            if let Some(h) = &x.help {
                msg.push_str("\nhelp: ");
                msg.push_str(h);
            }
            writeln!(
                out,
                "::{level} file={},line={},col={}::{}",
                escape_property(&d.file),
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
