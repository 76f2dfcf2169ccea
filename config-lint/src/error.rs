//! Why a lint command could not do its job (exit code 2): usage, I/O, git, a bad schema
//! file. Findings in the checked files are not errors here: they are the output.

use std::path::PathBuf;

/// A failure of the linter itself, as opposed to a finding in a checked file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LintError {
    /// A file could not be read.
    #[error("cannot read `{path}`: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    /// An output file could not be written.
    #[error("cannot write `{path}`: {source}")]
    WriteFile { path: PathBuf, source: std::io::Error },
    /// The output could not be written (a closed pipe, a full disk).
    #[error("cannot write the output: {0}")]
    Write(#[from] std::io::Error),
    /// `preview` could not listen on its address (or start its threads).
    #[error("cannot serve on {addr}: {source}")]
    Serve { addr: std::net::SocketAddr, source: std::io::Error },
    /// `git show <rev>:<path>` failed.
    #[error("cannot read `{path}` at git revision `{rev}`: {message}")]
    Git { rev: String, path: PathBuf, message: String },
    /// The schema file is not valid JSON of the expected shape.
    #[error("{path}:{line}:{col}: invalid schema file: {message}")]
    SchemaSyntax { path: PathBuf, line: usize, col: usize, message: String },
    /// The schema file parses but describes an impossible schema.
    #[error("{path}: invalid schema file at `{at}`: {message}")]
    SchemaInvalid { path: PathBuf, at: String, message: String },
    /// A command that needs a schema ran without one.
    #[error("`{command}` needs the app's schema: pass `--schema FILE`")]
    NoSchema { command: &'static str, help: &'static str },
    /// `explain` with an id that names no rule (nor a key of the schema in use).
    #[error("unknown rule or key `{id}`{}", did_you_mean(.suggestion))]
    UnknownRule { id: String, suggestion: Option<&'static str> },
    /// An argument value clap cannot judge (e.g. `--now`).
    #[error("invalid value for `{flag}`: {message}")]
    BadValue { flag: &'static str, message: String },
    /// A zone name (`--tz`) the bundled database does not know.
    #[error("invalid value for `{flag}`: {source}")]
    UnknownZone { flag: &'static str, source: config_core::zone::ZoneError },
    /// A local time on the command line that its zone skips or repeats.
    #[error("invalid value for `{flag}`: {source}")]
    LocalTime { flag: &'static str, source: Box<config_core::zone::LocalTimeError> },
}

fn did_you_mean(s: &Option<&'static str>) -> String {
    s.map_or_else(String::new, |s| format!("; did you mean `{s}`?"))
}

impl LintError {
    /// A one-line fix, when there is an obvious one.
    pub fn help(&self) -> Option<String> {
        match self {
            LintError::NoSchema { help, .. } => Some((*help).to_owned()),
            LintError::UnknownRule { .. } => {
                Some("`explain` without an id lists every rule; `docs` lists every key".to_owned())
            }
            LintError::SchemaSyntax { .. } | LintError::SchemaInvalid { .. } => {
                Some("export the schema again with `<app>-lint schema > FILE`".to_owned())
            }
            LintError::UnknownZone { .. } => Some(
                "zone names are IANA names, spelled as the database spells them: `Europe/Kyiv`, \
                 `America/New_York`, `UTC`"
                    .to_owned(),
            ),
            LintError::LocalTime { source, .. } => Some(source.help()),
            LintError::Git { .. } => Some(
                "run inside the repository, with a revision that has the file (`git log -- FILE`)".to_owned(),
            ),
            _ => None,
        }
    }
}
