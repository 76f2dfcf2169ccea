//! `report FILE [--against REV | --old FILE] [-o PATH]`: one self-contained HTML page
//! that marketing can read without a terminal: the verdict and every finding with its
//! code frame and its rule's explanation, the menu as a collapsible tree with the JSON
//! and gzip size of each branch and the budgets as used / allowed, the windowed items on
//! a time axis (the `timeline` command's model), and, given an older version, what changed. `preview` serves the same page and refreshes it on save.
//!
//! Split by job: `model` gathers what the page shows from the linter's own models (the
//! `check` pipeline, `breakdown`, `diff`, `timeline::model`), `page` writes the HTML (its
//! timeline section in `timeline`), `shown` makes the user's strings safe to show.
//!
//! Output: `report.html` in the current directory by default; `-o -` writes the page to
//! standard output (and the summary line to standard error). The page is written whatever
//! the verdict. Exit codes as `check`: 0 passes, 1 findings (errors; warnings too with
//! `--deny-warnings`), 2 usage or I/O errors (no page is written then).

mod model;
mod page;
mod shown;
mod timeline;

pub(crate) use model::Judging;
pub(crate) use page::{Mode, preview_csp, unreadable_page};

use super::args::ReportArgs;
use super::check::parse_now;
use super::error::LintError;
use super::input::{self, InputFile};
use super::{EXIT_FINDINGS, EXIT_OK, RunContext, git};
use std::io::Write;
use std::path::Path;

/// A generated page.
#[derive(Debug)]
pub(crate) struct Generated {
    pub html: String,
    /// 0 passes, 1 findings.
    pub code: u8,
    /// `marketing.toml: fails: 3 errors, 1 warning`.
    pub verdict: String,
}

/// The page on `new` (compared with `old`, if given).
pub(crate) fn generate(judging: &Judging, new: &InputFile, old: Option<&InputFile>, mode: Mode) -> Generated {
    let report = model::build(judging, new, old);
    let code = if report.passed() { EXIT_OK } else { EXIT_FINDINGS };
    let verdict =
        format!("{}: {}", shown::shown(&report.file, shown::TEXT_CHARS), page::verdict_words(&report));
    Generated { html: page::render(&report, mode), code, verdict }
}

/// How the files are judged, from the command line: the schema in use, the app's own
/// deserialization when that schema is the app's (as `check`), `--now`, `--deny-warnings`.
pub(crate) fn judging(
    ctx: &mut RunContext<'_>,
    command: &'static str,
    now: Option<&str>,
    deny_warnings: bool,
) -> Result<Judging, LintError> {
    let schema = ctx.schema(command)?;
    let deserialize = if ctx.schema_file.is_none() { ctx.linter.deserialize } else { None };
    Ok(Judging { linter: ctx.linter.name, schema, deserialize, now: parse_now(now)?, deny_warnings })
}

pub(crate) fn run(args: &ReportArgs, ctx: &mut RunContext<'_>, out: &mut dyn Write) -> Result<u8, LintError> {
    let judging = judging(ctx, "report", args.now.as_deref(), args.deny_warnings)?;
    let new = input::read(&args.file)?;
    let old = match (&args.against, &args.old) {
        (Some(rev), _) => Some(git::show(rev, &args.file)?),
        (None, Some(path)) => Some(input::read(path)?),
        (None, None) => None,
    };
    let page = generate(&judging, &new, old.as_ref(), Mode::File);
    if args.output.as_os_str() == "-" {
        out.write_all(page.html.as_bytes())?;
        let _ = writeln!(ctx.err, "{}; report written to standard output", page.verdict);
    } else {
        write_file(&args.output, page.html.as_bytes())?;
        writeln!(out, "{}; report written to {}", page.verdict, args.output.display())?;
    }
    Ok(page.code)
}

/// Writes the page next to its final name, then renames it over that name, so a browser
/// that reloads never sees half a page.
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), LintError> {
    let fail = |source| LintError::WriteFile { path: path.to_owned(), source };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.tmp"));
    std::fs::write(&tmp, bytes).map_err(fail)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(e)
    })
}
