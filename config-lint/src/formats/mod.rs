//! Renderers of `check`'s findings: one file per output format. All take the same
//! per-file [`Diagnostics`] and [`CheckTotals`], so formats never disagree on what was found.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use super::check::counts;
use config_core::Diagnostics;
use config_core::diag::LineIndex;

/// Totals over all files of one `check` run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CheckTotals {
    /// Files named on the command line (read or not).
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub deny_warnings: bool,
}

impl CheckTotals {
    pub fn of(reports: &[Diagnostics], files: usize, deny_warnings: bool) -> CheckTotals {
        let (errors, warnings) = reports.iter().map(counts).fold((0, 0), |(e, w), (e2, w2)| (e + e2, w + w2));
        CheckTotals { files, errors, warnings, deny_warnings }
    }

    /// Do the findings fail the run (exit 1)?
    pub fn failed(&self) -> bool {
        self.errors > 0 || (self.deny_warnings && self.warnings > 0)
    }

    /// `failed: 2 files checked: 3 errors, 1 warning`.
    pub fn line(&self) -> String {
        let n = |k: usize, what: &str| format!("{k} {what}{}", if k == 1 { "" } else { "s" });
        let status = if self.failed() { "failed" } else { "ok" };
        let denied = if self.deny_warnings && self.errors == 0 && self.warnings > 0 {
            " (warnings denied)"
        } else {
            ""
        };
        format!(
            "{status}: {} checked: {}, {}{denied}",
            n(self.files, "file"),
            n(self.errors, "error"),
            n(self.warnings, "warning")
        )
    }
}

/// 1-based (line, col) of a finding's end.
pub(crate) fn end_of(lines: &LineIndex<'_>, item: &config_core::Diagnostic) -> (u32, u32) {
    if item.span.end <= item.span.start {
        return (item.line, item.col);
    }
    lines.at(item.span.end)
}
