//! The command line, as clap derive types: one struct per command. Kept apart from the
//! commands so `--help` can be read in one place.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::net::SocketAddr;
use std::path::PathBuf;

/// Checks marketing config (TOML) against the app's types and rules, and shows what it
/// will cost to serve.
#[derive(Debug, Parser)]
#[command(version, disable_help_subcommand = true, max_term_width = 100)]
pub(crate) struct Cli {
    /// Schema exported by `<app>-lint schema` (needed by `config-lint` for `check`,
    /// `schema`, `docs` and `template`; an app linter uses its own types unless this is
    /// given).
    #[arg(long, global = true, value_name = "FILE")]
    pub schema: Option<PathBuf>,
    /// When to colour human-readable output.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Report every finding in each file, then a summary line. Exit 0 clean, 1 findings.
    Check(CheckArgs),
    /// Compare two versions: payload size, depth and nodes, items added/removed/changed.
    Diff(DiffArgs),
    /// Size breakdown of one file as a tree with proportional bars.
    Stats(StatsArgs),
    /// What a rule does, why, and an example (no id: list every rule); or, given a key
    /// (`promotions[].starts`), what that key takes and its doc.
    Explain(ExplainArgs),
    /// Print the schema: this tool's own format (for `config-lint --schema`) or a JSON
    /// Schema for editors (taplo / Even Better TOML).
    Schema(SchemaArgs),
    /// A Markdown reference of every key: its kind, whether it is required, its rules
    /// and its doc comment.
    Docs,
    /// A commented TOML skeleton to start a file from: every key with its doc and rules as
    /// comments and an example value that passes them.
    Template,
    /// One self-contained HTML page: verdict, findings, menu sizes and budgets, what changed.
    Report(ReportArgs),
    /// Serve that page on localhost, refreshed on every save of the file.
    Preview(PreviewArgs),
    /// The windowed items (`before` pairs, `no_overlap` lists) as a text Gantt chart of days.
    ///
    /// One row per item, one column per day; today, clock changes and overlaps marked.
    Timeline(TimelineArgs),
    /// The windowed items active at an instant, with their start and end in their zone.
    At(AtArgs),
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// TOML files to check (`-` reads standard input).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// The moment promotion windows are judged against (RFC 3339; default: the clock).
    #[arg(long, value_name = "DATETIME")]
    pub now: Option<String>,
    /// TOML syntax only: no schema, no rules.
    #[arg(long)]
    pub syntax_only: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum CheckFormat {
    /// Code frames like rustc's, then a summary line.
    Human,
    /// One JSON document with every finding.
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…::…`).
    Github,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
}

#[derive(Debug, Args)]
pub(crate) struct DiffArgs {
    /// The old version, then the new one; with `--against`, only the new one.
    #[arg(required = true, num_args = 1..=2, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Take the old version from this git revision (`git show REV:FILE`).
    #[arg(long, value_name = "GIT-REV")]
    pub against: Option<String>,
    /// Fail when the document or a top-level field (of at least 1 KiB) grows more than
    /// this factor.
    #[arg(long, default_value_t = 2.0, value_name = "FACTOR")]
    pub max_growth: f64,
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,
}

#[derive(Debug, Args)]
pub(crate) struct StatsArgs {
    /// The TOML file to measure.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Levels of the tree to show below the document.
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub depth: usize,
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ReportFormat {
    Human,
    Json,
}

#[derive(Debug, Args)]
pub(crate) struct ExplainArgs {
    /// A rule id as printed in `error[<id>]`, e.g. `max-depth`, or a key of the config
    /// as findings print it (`promotions[0].starts`, also `promotions[].starts`).
    #[arg(value_name = "RULE-ID|KEY")]
    pub rule: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct SchemaArgs {
    #[arg(long, value_enum, default_value_t = SchemaFormat::Native)]
    pub format: SchemaFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum SchemaFormat {
    /// Lossless, rules included: what `config-lint --schema FILE` loads.
    Native,
    /// JSON Schema (draft-07) for editors; rules that JSON Schema cannot express are
    /// described in `description`.
    JsonSchema,
}

#[derive(Debug, Args)]
pub(crate) struct ReportArgs {
    /// The TOML file to report on.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Also show what changed since this git revision (`git show REV:FILE`).
    #[arg(long, value_name = "GIT-REV", conflicts_with = "old")]
    pub against: Option<String>,
    /// Also show what changed since this older version of the file.
    #[arg(long, value_name = "OLD-FILE")]
    pub old: Option<PathBuf>,
    /// Where to write the page (`-`: standard output).
    #[arg(short = 'o', long = "output", default_value = "report.html", value_name = "PATH")]
    pub output: PathBuf,
    /// Warnings fail the verdict (exit 1) too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// The moment promotion windows are judged against (RFC 3339; default: the clock).
    #[arg(long, value_name = "DATETIME")]
    pub now: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct PreviewArgs {
    /// The TOML file to watch.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Loopback address to serve on; port 0 takes a free port (the address is printed).
    #[arg(long, default_value = "127.0.0.1:0", value_name = "ADDR")]
    pub addr: SocketAddr,
    /// Warnings fail the verdict too.
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, Args)]
pub(crate) struct TimelineArgs {
    /// The TOML file to draw.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The first day drawn (`2026-10-20`, a day in the zone days are drawn in; default: the
    /// day of the earliest start).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// The last day drawn (default: the day of the latest end; at most 120 days are drawn).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// The zone days are drawn in, an IANA name (default: the zone in force at the items,
    /// else UTC).
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    #[arg(long, value_enum, default_value_t = TimelineFormat::Text)]
    pub format: TimelineFormat,
    /// The moment marked as today (RFC 3339 with offset; default: the clock).
    #[arg(long, value_name = "INSTANT")]
    pub now: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct AtArgs {
    /// RFC 3339 with an offset (`2026-10-25T12:00:00+01:00`), or a local time
    /// (`2026-10-25T12:00:00`) read in `--tz`, else in the zone in force at the items.
    #[arg(value_name = "INSTANT")]
    pub instant: String,
    /// The TOML file to read.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The zone a local INSTANT is read in, an IANA name.
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    #[arg(long, value_enum, default_value_t = TimelineFormat::Text)]
    pub format: TimelineFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum TimelineFormat {
    /// Text for a terminal or a CI log.
    Text,
    /// One JSON document.
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorWhen {
    /// Colour when standard output is a terminal and `NO_COLOR` is unset.
    Auto,
    Always,
    Never,
}
