//! The config linter: the gate for marketing edits. This crate is the library behind
//! every `<app>-lint` binary and the generic `config-lint` binary, which are thin `main`s
//! over it (as ripgrep's binary is over its libraries).
//!
//! An app ships its linter in one line, `src/bin/<app>-lint.rs`:
//!
//! ```no_run
//! # #[derive(config_runtime::Config, serde::Deserialize)] struct Marketing { x: u8 }
//! fn main() -> std::process::ExitCode {
//!     config_lint::main::<Marketing>()
//! }
//! ```
//!
//! Commands (`<app>-lint --help` for every flag):
//!
//! | command | what | exit |
//! |---|---|---|
//! | `check FILE...` | every finding as code frames (`--format human\|json\|github\|sarif`), then a summary line | 0 clean, 1 findings (warnings too with `--deny-warnings`), 2 usage / I/O |
//! | `diff OLD NEW`, `diff --against REV FILE` | JSON / gzip size, depth, nodes per field and per branch of a recursive list (a menu); items added / removed / changed | 1 past `--max-growth` (2×) or a crossed budget |
//! | `stats FILE` | the size breakdown as a tree with bars | 0 |
//! | `explain RULE-ID` | what a rule does, why, an example | 0, 2 unknown id |
//! | `explain KEY` | what a key of the config takes (kind, rules) and its doc comment | 0, 2 unknown |
//! | `schema [--format native\|json-schema]` | the schema for `config-lint --schema`, or a JSON Schema for editors | 0 |
//! | `docs` | a Markdown reference of every key, with its doc comment | 0 |
//! | `template` | a commented TOML skeleton: every key, its doc and rules, an example value | 0 |
//! | `report FILE [--against REV \| --old FILE] [-o PATH]` | one self-contained HTML page: verdict, findings, the menu's sizes and budgets, what changed | as `check` |
//! | `preview FILE [--addr 127.0.0.1:PORT]` | serves that page on loopback, refreshed on every save | runs until stopped; 2 usage / I/O |
//! | `timeline FILE [--from DATE] [--to DATE] [--tz ZONE] [--now INSTANT]` | every windowed item (a `before` pair of datetimes, a `no_overlap` list's element) as a row of days: today, clock changes, overlaps marked (`--format text\|json`) | 0, 1 does not parse, 2 bad date / zone |
//! | `at INSTANT FILE [--tz ZONE]` | the windowed items active at that instant, each with its start and end in its zone (`--format text\|json`) | 0, 1 does not parse, 2 bad instant / zone |
//!
//! The doc comments (`///`) of the app's config types, fields and enum variants are part
//! of the schema: `docs`, `template`, `explain KEY`, the editor schema's descriptions and
//! a `note` under each human-format finding show them.
//!
//! The generic binary `config-lint` has no Rust types: it loads a schema exported with
//! `<app>-lint schema > marketing.schema.json` (`--schema FILE`) and runs the same
//! checker, so its diagnostics are identical. What only the app linter can do: run the
//! app's own `Deserialize` code (custom validators) once every rule passed.
//!
//! The public surface is small: the two `main`s ([`main`], [`generic_main`]), [`run`]
//! (one command line with output to writers, so tests render every command without
//! spawning processes), [`lint_text`] (the whole `check` pipeline for one text), the
//! [`Linter`] and [`LintOptions`] they take, [`LintError`], the `EXIT_*` codes and the
//! output formats of `check` ([`formats`]). Everything else is internal.

mod args;
mod breakdown;
mod check;
mod date_help;
mod describe;
mod diff;
mod docs;
mod error;
mod explain;
pub mod formats;
mod git;
mod input;
mod json_schema;
mod keypath;
mod measure;
mod preview;
mod report;
mod schema_export;
mod schema_load;
mod stats;
mod template;
mod timeline;
mod warnings;
mod windows;

pub use check::{DeserializeFn, LintOptions, lint_text};
pub use error::LintError;

/// Phases of `check` that `benches/lint.rs` and `examples/lint_phases.rs` time on their
/// own. Not a stable API.
#[doc(hidden)]
pub mod __bench {
    pub use crate::warnings::warnings;
}

use args::{Cli, ColorWhen, Command, SchemaFormat};
use clap::{CommandFactory, FromArgMatches};
use config_core::{Diagnostic, Diagnostics, HasSchema, SchemaRef};
use serde::de::DeserializeOwned;
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// Exit code: no findings.
pub const EXIT_OK: u8 = 0;
/// Exit code: findings (or growth past the limit for `diff`).
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: usage error, unreadable file, failed git call, bad schema file.
pub const EXIT_USAGE: u8 = 2;

/// What a linter binary knows: the app's schema (none for `config-lint`) and how to
/// deserialize into the app's type.
#[derive(Clone, Copy, Debug)]
pub struct Linter {
    /// Name in messages (`quickstart-lint`).
    pub name: &'static str,
    pub schema: Option<SchemaRef>,
    pub deserialize: Option<DeserializeFn>,
    /// Is standard output a terminal (colour with `--color auto`)?
    pub tty: bool,
}

fn deserialize_into<T: config_core::HasSchema + DeserializeOwned>(
    name: &str,
    text: &str,
    doc: toml::Spanned<toml::de::DeTable<'_>>,
) -> Result<(), Diagnostics> {
    config_core::check_str::deserialize_parsed::<T>(name, text, doc).map(drop)
}

impl Linter {
    /// The linter of an app's config type `T`.
    pub fn app<T: HasSchema + DeserializeOwned>(name: &'static str) -> Linter {
        Linter { name, schema: Some(T::SCHEMA), deserialize: Some(deserialize_into::<T>), tty: false }
    }

    /// The generic linter: the schema comes from `--schema FILE`.
    pub fn generic() -> Linter {
        Linter { name: "config-lint", schema: None, deserialize: None, tty: false }
    }
}

/// The whole app linter: `fn main() -> ExitCode { config_lint::main::<Marketing>() }`.
pub fn main<T: HasSchema + DeserializeOwned>() -> ExitCode {
    let name = bin_name().unwrap_or("app-lint");
    process(&Linter::app::<T>(name))
}

/// The generic `config-lint` binary.
pub fn generic_main() -> ExitCode {
    process(&Linter::generic())
}

fn bin_name() -> Option<&'static str> {
    let arg0 = std::env::args_os().next()?;
    let stem = std::path::Path::new(&arg0).file_stem()?.to_string_lossy().into_owned();
    Some(Box::leak(stem.into_boxed_str()))
}

fn process(linter: &Linter) -> ExitCode {
    let linter = Linter { tty: std::io::stdout().is_terminal(), ..*linter };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut err = std::io::stderr();
    let mut code = run(std::env::args_os(), &linter, &mut out, &mut err);
    if out.flush().is_err() && code == EXIT_OK {
        code = EXIT_USAGE;
    }
    ExitCode::from(code)
}

/// `--version`: this crate's version and the release of the time-zone database bundled
/// with the engine, which every local time is resolved with (the build, `Live` and the
/// linter alike): `0.1.0 (IANA time zones 2025b)`.
pub fn version() -> &'static str {
    static VERSION: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        format!("{} (IANA time zones {})", env!("CARGO_PKG_VERSION"), config_core::zone::tzdb_version())
    });
    VERSION.as_str()
}

/// Runs one command line (the first item is the program name) with output to `out`
/// and errors to `err`; returns the exit code.
///
/// ```
/// use config_lint::{Linter, run};
/// let (mut out, mut err) = (Vec::new(), Vec::new());
/// let code = run(["config-lint", "explain", "max-depth"], &Linter::generic(), &mut out, &mut err);
/// assert_eq!(code, 0);
/// assert!(String::from_utf8(out).unwrap().starts_with("max-depth (error"));
/// ```
pub fn run<I, S>(args: I, linter: &Linter, out: &mut dyn Write, err: &mut dyn Write) -> u8
where
    I: IntoIterator<Item = S>,
    S: Into<OsString> + Clone,
{
    let parsed =
        Cli::command().version(version()).try_get_matches_from(args).and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => {
            let text = e.render().to_string();
            let _ =
                if e.use_stderr() { err.write_all(text.as_bytes()) } else { out.write_all(text.as_bytes()) };
            return if e.exit_code() == 0 { EXIT_OK } else { EXIT_USAGE };
        }
    };
    let color = match cli.color {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => linter.tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let mut ctx =
        RunContext { linter, schema_file: cli.schema.clone(), loaded: None, deserialize: None, color, err };
    let result = match &cli.command {
        Command::Check(a) => {
            if !a.syntax_only {
                // resolve the schema (and whether the app's own types apply) up front
                ctx.deserialize = if ctx.schema_file.is_none() { linter.deserialize } else { None };
            }
            check::run(a, &mut ctx, out)
        }
        Command::Diff(a) => diff::run(a, &mut ctx, out),
        Command::Stats(a) => stats::run(a, &mut ctx, out),
        Command::Explain(a) => explain::run(a.rule.as_deref(), &mut ctx, out),
        Command::Schema(a) => schema(a.format, &mut ctx, out),
        Command::Docs => generated("docs", docs::markdown, &mut ctx, out),
        Command::Template => generated("template", template::template, &mut ctx, out),
        Command::Report(a) => report::run(a, &mut ctx, out),
        Command::Preview(a) => preview::run(a, &mut ctx, out),
        Command::Timeline(a) => timeline::run(a, &mut ctx, out),
        Command::At(a) => timeline::run_at(a, &mut ctx, out),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            ctx.report(&e);
            EXIT_USAGE
        }
    }
}

/// State shared by the commands of one run.
pub(crate) struct RunContext<'a> {
    linter: &'a Linter,
    schema_file: Option<std::path::PathBuf>,
    loaded: Option<SchemaRef>,
    /// The app's deserialization, when its own schema is the one in use.
    pub(crate) deserialize: Option<DeserializeFn>,
    /// Colour human output.
    pub(crate) color: bool,
    err: &'a mut dyn Write,
}

impl std::fmt::Debug for RunContext<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RunContext").field("linter", &self.linter.name).field("color", &self.color).finish()
    }
}

impl RunContext<'_> {
    /// The schema in use: `--schema FILE`, else the app's; `None` for `config-lint`
    /// without `--schema`.
    pub(crate) fn schema_opt(&mut self) -> Result<Option<SchemaRef>, LintError> {
        if let Some(s) = self.loaded {
            return Ok(Some(s));
        }
        let s = match &self.schema_file {
            Some(path) => Some(schema_load::load(path)?),
            None => self.linter.schema,
        };
        self.loaded = s;
        Ok(s)
    }

    /// The schema in use, required by `command`.
    pub(crate) fn schema(&mut self, command: &'static str) -> Result<SchemaRef, LintError> {
        self.schema_opt()?.ok_or(LintError::NoSchema {
            command,
            help: "export it from the app's linter: `<app>-lint schema > marketing.schema.json`",
        })
    }

    /// Prints a failure of the linter itself (`error: …` and a help line).
    pub(crate) fn report(&mut self, e: &LintError) {
        let _ = writeln!(self.err, "error: {e}");
        if let Some(h) = e.help() {
            let _ = writeln!(self.err, "  = help: {h}");
        }
    }

    /// Renders findings that stop a command (a file that does not parse): exit 1.
    pub(crate) fn findings(&mut self, d: &Diagnostics, out: &mut dyn Write) -> Result<u8, LintError> {
        out.write_all(formats::human::frames(d, self.color).as_bytes())?;
        let file = config_core::diag::printable(&d.file);
        writeln!(out, "failed: `{file}` does not parse; fix it first (`check` lists every finding)")?;
        Ok(EXIT_FINDINGS)
    }

    /// The parsed document of a file read with [`input::read`], or, when it is not UTF-8 or
    /// does not parse, the exit code after writing why (as [`RunContext::findings`]): the
    /// first step of the commands that need a document but do not check it.
    pub(crate) fn parsed<'t>(
        &mut self,
        src: &'t input::InputFile,
        out: &mut dyn Write,
    ) -> Result<Result<toml::Spanned<toml::de::DeTable<'t>>, u8>, LintError> {
        if let Some(d) = &src.not_utf8 {
            return self.syntax_failure(&src.name, &src.text, d.clone(), out).map(Err);
        }
        match config_core::check_str::parse(&src.name, &src.text) {
            Ok(doc) => Ok(Ok(doc)),
            Err(d) => self.findings(&d, out).map(Err),
        }
    }

    /// As [`RunContext::findings`], for one finding.
    pub(crate) fn syntax_failure(
        &mut self,
        name: &str,
        text: &str,
        d: Diagnostic,
        out: &mut dyn Write,
    ) -> Result<u8, LintError> {
        let mut all = Diagnostics::new(name, text);
        all.items.push(d);
        self.findings(&all, out)
    }
}

/// `schema`: the native schema file or a JSON Schema.
fn schema(format: SchemaFormat, ctx: &mut RunContext<'_>, out: &mut dyn Write) -> Result<u8, LintError> {
    let s = ctx.schema("schema")?;
    let v = match format {
        SchemaFormat::Native => {
            serde_json::to_value(schema_export::export(s)).map_err(std::io::Error::other)?
        }
        SchemaFormat::JsonSchema => json_schema::json_schema(s, ctx.linter.name),
    };
    serde_json::to_writer_pretty(&mut *out, &v).map_err(std::io::Error::other)?;
    writeln!(out)?;
    Ok(EXIT_OK)
}

/// `docs` and `template`: a text written from the schema alone.
fn generated(
    command: &'static str,
    write: fn(SchemaRef, &str) -> String,
    ctx: &mut RunContext<'_>,
    out: &mut dyn Write,
) -> Result<u8, LintError> {
    let s = ctx.schema(command)?;
    out.write_all(write(s, ctx.linter.name).as_bytes())?;
    Ok(EXIT_OK)
}
