//! Human output: rustc-style code frames (plain, or coloured on a terminal), then the
//! summary line. Frames come from `config_core::Diagnostics::render`, the same renderer
//! as the build error and `Live`'s reports (which writes every invisible character of a
//! source line as `\u{..}`).

use super::CheckTotals;
use config_core::Diagnostics;
use std::io::{self, Write};

pub fn write(
    reports: &[Diagnostics],
    totals: &CheckTotals,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    for d in reports.iter().filter(|d| !d.is_empty()) {
        out.write_all(frames(d, color).as_bytes())?;
    }
    writeln!(out, "{}", totals.line())
}

/// The code frames of `d`, coloured or not.
pub(crate) fn frames(d: &Diagnostics, color: bool) -> String {
    if color { d.render_styled() } else { d.render() }
}
