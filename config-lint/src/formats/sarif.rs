//! SARIF 2.1.0 output, for code scanning: one run, the tool's rules (with their `explain`
//! text) and one result per finding. Columns are Unicode code points
//! (`columnKind: unicodeCodePoints`), as in every other format. Key paths, messages and
//! help pass through `config_core::diag::printable`, as in the one-line record: code
//! scanning shows them to reviewers, where a raw bidi override would reorder the text.

use super::end_of;
use config_core::diag::{LineIndex, printable};
use config_core::rules;
use config_core::{Diagnostics, Severity};
use serde_json::json;
use std::io::{self, Write};

pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn write(reports: &[Diagnostics], out: &mut dyn Write) -> io::Result<()> {
    // the rules the linter can report (the run-time gates of `Live` never appear here)
    let linted: Vec<_> = rules::ALL.iter().filter(|r| r.moments.lint).collect();
    let rules: Vec<_> = linted
        .iter()
        .map(|r| {
            let help = match &r.example {
                Some(e) => {
                    format!("{}\n\nExample:\n{}\n\nFlagged:\n{}\nFixed:\n{}", r.what, e.schema, e.bad, e.good)
                }
                None => r.what.to_owned(),
            };
            json!({
                "id": r.id.id(),
                "shortDescription": { "text": r.what },
                "fullDescription": { "text": r.why },
                "help": { "text": help },
                "defaultConfiguration": { "level": level(r.level) },
            })
        })
        .collect();
    let mut results = Vec::new();
    for d in reports {
        let lines = LineIndex::new(&d.source);
        for x in &d.items {
            let (end_line, end_col) = end_of(&lines, x);
            let mut text = format!("{}: {}", printable(&x.path), printable(&x.message));
            if let Some(h) = &x.help {
                text.push_str("\nhelp: ");
                text.push_str(&printable(h));
            }
            let index = linted.iter().position(|r| r.id == x.rule).unwrap_or(0);
            results.push(json!({
                "ruleId": x.rule.id(),
                "ruleIndex": index,
                "level": level(x.severity),
                "message": { "text": text },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&d.file) },
                        "region": {
                            "startLine": x.line,
                            "startColumn": x.col,
                            "endLine": end_line,
                            "endColumn": end_col,
                        },
                    },
                    "logicalLocations": [{ "fullyQualifiedName": printable(&x.path), "kind": "member" }],
                }],
            }));
        }
    }
    let doc = json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": { "name": "config-lint", "version": env!("CARGO_PKG_VERSION"), "rules": rules } },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A relative URI reference for a path: `/` separators, reserved bytes percent-encoded.
fn uri(path: &str) -> String {
    let mut s = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s
}
