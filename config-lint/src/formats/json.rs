//! JSON output: one document with every finding of every file and the totals, for
//! scripts and dashboards. Positions are 1-based lines and columns (in characters) plus
//! byte offsets. Text (file name, key path, message, help) is passed through
//! `config_core::diag::printable`, as in the one-line record: JSON would carry control
//! and bidi characters as they are (escaped or not), and a dashboard would show them.

use super::{CheckTotals, end_of};
use config_core::Diagnostics;
use config_core::diag::{LineIndex, printable};
use serde_json::json;
use std::io::{self, Write};

pub fn write(reports: &[Diagnostics], totals: &CheckTotals, out: &mut dyn Write) -> io::Result<()> {
    let files: Vec<_> = reports.iter().map(file_json).collect();
    let doc = json!({
        "version": 1,
        "files": files,
        "summary": {
            "files": totals.files,
            "errors": totals.errors,
            "warnings": totals.warnings,
            "deny_warnings": totals.deny_warnings,
            "failed": totals.failed(),
        },
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

/// One file's findings as JSON.
pub fn file_json(d: &Diagnostics) -> serde_json::Value {
    let lines = LineIndex::new(&d.source);
    let items: Vec<_> = d
        .items
        .iter()
        .map(|x| {
            let (end_line, end_col) = end_of(&lines, x);
            json!({
                "rule": x.rule.id(),
                "severity": x.severity.as_str(),
                "line": x.line,
                "col": x.col,
                "end_line": end_line,
                "end_col": end_col,
                "byte_start": x.span.start,
                "byte_end": x.span.end,
                "path": printable(&x.path),
                "message": printable(&x.message),
                "help": x.help.as_deref().map(printable),
            })
        })
        .collect();
    json!({ "file": printable(&d.file), "diagnostics": items })
}
