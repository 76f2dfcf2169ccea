//! `check FILE...`: every finding of every file (all occurrences), rendered in one of
//! the formats, then a summary. Exit 0 clean, 1 findings (errors; warnings too with
//! `--deny-warnings`), 2 when a file could not be read.
//!
//! [`lint_text`] is the whole pipeline for one text; the app linter, the generic linter
//! and the tests all go through it. Errors come from the one checker
//! (`config_core::check_str::check_parsed`), so they are the build's and `Live`'s
//! findings; the linter adds its warnings and the date help.

use super::args::{CheckArgs, CheckFormat};
use super::error::LintError;
use super::formats::{self, CheckTotals};
use super::{RunContext, date_help, input, warnings};
use chrono::{DateTime, FixedOffset};
use config_core::check_str::{check_parsed, parse};
use config_core::datetime::{self, DtKind};
use config_core::{Diagnostics, SchemaRef, Severity};
use std::io::Write;
use toml::Spanned;
use toml::de::DeTable;

/// Deserializes a checked document into the app's type (the app linter only), so custom
/// `Deserialize` code runs as it will at load time.
pub type DeserializeFn = for<'a> fn(&str, &str, Spanned<DeTable<'a>>) -> Result<(), Diagnostics>;

/// How one text is linted.
#[derive(Clone, Copy, Debug)]
pub struct LintOptions {
    /// The moment `window-over` judges windows against.
    pub now: DateTime<FixedOffset>,
    /// TOML syntax only: no schema, no rules, no warnings.
    pub syntax_only: bool,
}

/// Every finding for one text: the checker's errors, the app's own deserialization
/// error (when `deserialize` is given and the checker found nothing), the linter's
/// warnings, in document order, with the date help applied.
///
/// ```
/// use config_lint::{LintOptions, lint_text};
/// let opts = LintOptions { now: chrono::DateTime::UNIX_EPOCH.fixed_offset(), syntax_only: true };
/// let d = lint_text("a.toml", "x = ", None, None, &opts);
/// assert_eq!(d.items[0].rule.id(), "syntax");
/// ```
pub fn lint_text(
    name: &str,
    text: &str,
    schema: Option<SchemaRef>,
    deserialize: Option<DeserializeFn>,
    opts: &LintOptions,
) -> Diagnostics {
    lint_text_seeing(name, text, schema, deserialize, opts, |_| {})
}

/// [`lint_text`], with `see` shown the parsed document (when the text parses) before the
/// app's deserialization consumes it: `report` measures it there rather than parse twice.
pub(crate) fn lint_text_seeing(
    name: &str,
    text: &str,
    schema: Option<SchemaRef>,
    deserialize: Option<DeserializeFn>,
    opts: &LintOptions,
    see: impl FnOnce(&DeTable<'_>),
) -> Diagnostics {
    let doc = match parse(name, text) {
        Ok(doc) => doc,
        Err(d) => return d,
    };
    see(doc.get_ref());
    let Some(schema) = schema.filter(|_| !opts.syntax_only) else {
        return Diagnostics::new(name, text);
    };
    let root = schema.get();
    let mut d = check_parsed(name, text, &doc, schema);
    d.items.extend(warnings::warnings(text, doc.get_ref(), root, opts.now));
    date_help::apply(&mut d.items, text, root, Some(doc.get_ref()));
    if d.error_count() == 0
        && let Some(de) = deserialize
        && let Err(e) = de(name, text, doc)
    {
        d.items.extend(e.items);
    }
    // stable: at one offset the checker's order, then warnings
    d.items.sort_by_key(|x| x.span.start);
    d
}

/// Parses `--now`: RFC 3339 with an offset, strictly (as the runtime would).
pub(crate) fn parse_now(now: Option<&str>) -> Result<DateTime<FixedOffset>, LintError> {
    let Some(s) = now else { return Ok(chrono::Utc::now().fixed_offset()) };
    datetime::parse(DtKind::Offset, s.trim()).ok().and_then(datetime::to_offset).ok_or_else(|| {
        LintError::BadValue {
            flag: "--now",
            message: format!(
                "`{}` is not an RFC 3339 datetime with offset, like `2026-11-29T09:00:00+01:00`",
                config_core::diag::shown(s)
            ),
        }
    })
}

/// Runs `check`.
pub(crate) fn run(args: &CheckArgs, ctx: &mut RunContext<'_>, out: &mut dyn Write) -> Result<u8, LintError> {
    let opts = LintOptions { now: parse_now(args.now.as_deref())?, syntax_only: args.syntax_only };
    let schema = if args.syntax_only { None } else { Some(ctx.schema("check")?) };
    let mut reports = Vec::with_capacity(args.files.len());
    let mut unreadable = 0;
    for path in &args.files {
        match input::read(path) {
            Ok(src) => {
                let mut d = match src.not_utf8 {
                    Some(bad) => {
                        let mut d = Diagnostics::new(src.name, src.text);
                        d.items.push(bad);
                        d
                    }
                    None => lint_text(&src.name, &src.text, schema, ctx.deserialize, &opts),
                };
                d.file = path_name(&d.file);
                reports.push(d);
            }
            Err(e) => {
                ctx.report(&e);
                unreadable += 1;
            }
        }
    }
    let totals = CheckTotals::of(&reports, args.files.len(), args.deny_warnings);
    match args.format {
        CheckFormat::Human => formats::human::write(&reports, &totals, ctx.color, schema, out)?,
        CheckFormat::Json => formats::json::write(&reports, &totals, out)?,
        CheckFormat::Github => formats::github::write(&reports, &totals, out)?,
        CheckFormat::Sarif => formats::sarif::write(&reports, out)?,
    }
    Ok(if unreadable > 0 {
        2
    } else if totals.failed() {
        1
    } else {
        0
    })
}

/// File names in findings use `/` on every platform (CI annotations, SARIF URIs).
fn path_name(name: &str) -> String {
    if cfg!(windows) { name.replace('\\', "/") } else { name.to_owned() }
}

/// Counts by severity.
pub(crate) fn counts(d: &Diagnostics) -> (usize, usize) {
    let errors = d.items.iter().filter(|x| x.severity == Severity::Error).count();
    (errors, d.items.len() - errors)
}
