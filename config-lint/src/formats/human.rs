//! Human output: rustc-style code frames (plain, or coloured on a terminal), then the
//! summary line. Frames come from `config_core::Diagnostics::render_noted`, the same
//! renderer as the build error and `Live`'s reports (invisible characters of a source line
//! drawn as U+FFFD); the linter adds a `= note:` with the
//! doc comment of the field each finding is about (its first paragraph), when it has one.

use super::CheckTotals;
use crate::{describe, keypath};
use config_core::{Diagnostic, Diagnostics, SchemaRef};
use std::io::{self, Write};

pub fn write(
    reports: &[Diagnostics],
    totals: &CheckTotals,
    color: bool,
    schema: Option<SchemaRef>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let note = |d: &Diagnostic| field_doc(schema?, &d.path);
    for d in reports.iter().filter(|d| !d.is_empty()) {
        out.write_all(d.render_noted(color, &note).as_bytes())?;
    }
    writeln!(out, "{}", totals.line())
}

/// "`percent_off`: How much is taken off." for a finding at `promotions[0].percent_off`.
pub(crate) fn field_doc(schema: SchemaRef, path: &str) -> Option<String> {
    let f = keypath::field_at(schema.get(), &keypath::parse(path)?)?;
    let doc = describe::first_paragraph(f.doc);
    (!doc.is_empty()).then(|| format!("`{}`: {doc}", f.key))
}

/// The code frames of `d`, coloured or not.
pub(crate) fn frames(d: &Diagnostics, color: bool) -> String {
    if color { d.render_styled() } else { d.render() }
}
