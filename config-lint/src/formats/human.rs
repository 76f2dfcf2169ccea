//! Human output: rustc-style code frames (plain, or coloured on a terminal), then the
//! summary line. Frames come from `config_core::Diagnostics::render`, the same renderer
//! as the build error and `Live`'s reports.

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
        out.write_all(if color { d.render_styled() } else { d.render() }.as_bytes())?;
    }
    writeln!(out, "{}", totals.line())
}
