//! What is wrong with the file, as the running service reports it.
//!
//! The checker's findings arrive as [`Diagnostics`]. The run-time gates (size cap, encoding,
//! shrink guard, `prepare`, I/O) are not checker rules and have no `RuleId`, so a report
//! carries rule ids as strings, keeps the checker's `Diagnostics` for code frames when there
//! is one, and serializes to JSON for a status endpoint. Every item names file, line and
//! column; findings about the file as a whole sit at 1:1, as the checker's own do.

use config_core::Diagnostics;
use serde::Serialize;
use std::fmt;

/// Rule ids of the run-time gates, as printed in `error[<id>]`.
///
/// The checker's own ids (`syntax`, `missing-field`, `len`, …) pass through unchanged.
pub mod rule {
    /// The file is larger than `max_file_bytes`.
    pub const MAX_FILE_BYTES: &str = "max-file-bytes";
    /// The bytes are not UTF-8.
    pub const ENCODING: &str = "encoding";
    /// The new version lost more values than `max_shrink` allows.
    pub const SHRINK: &str = "shrink";
    /// `try_prepare` returned an error.
    pub const PREPARE: &str = "prepare";
    /// The loader or `prepare` panicked (the panic was caught).
    pub const PANIC: &str = "panic";
    /// The file could not be read (missing, unreadable).
    pub const IO: &str = "io";
    /// The path names a directory or another non-file.
    pub const NOT_A_FILE: &str = "not-a-file";
    /// A loader reported failure without any finding.
    pub const REJECTED: &str = "rejected";
}

/// Why the file's current bytes are not being served.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ErrorKind {
    /// The bytes were read and refused (checker finding, size, encoding, shrink, prepare).
    Rejected,
    /// The bytes could not be read.
    Io,
}

/// One located finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ErrorItem {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub col: u32,
    /// Rule id: a checker rule (`missing-field`) or a run-time gate ([`rule`]).
    pub rule: String,
    /// Key path (`menu[2].url`), or `(document)` for the file as a whole.
    pub path: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

/// Every finding for one version of the file, never empty.
///
/// ```
/// # use config_runtime::*; use std::time::Duration;
/// # #[derive(serde::Deserialize)] struct Marketing { title: String }
/// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[] }] });
/// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
/// std::fs::write(&path, "title = 7\n")?;
/// let err = match Live::<Marketing>::builder(&path).open() {
///     Err(LiveError::Rejected(report)) => report,
///     other => panic!("expected a rejection, got {other:?}"),
/// };
/// let item = &err.items[0];
/// assert_eq!((item.line, item.col, item.rule.as_str()), (1, 9, "type"));
/// assert!(err.one_line().contains("marketing.toml:1:9: error[type]: title:"));
/// assert!(serde_json::to_string(&err)?.contains(r#""rule":"type""#));
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ErrorReport {
    /// The file as named to the builder.
    pub file: String,
    pub kind: ErrorKind,
    pub items: Vec<ErrorItem>,
    /// The checker's diagnostics, when the checker produced this report (for code frames).
    #[serde(skip)]
    diagnostics: Option<Diagnostics>,
}

impl ErrorReport {
    /// A report from the checker (or a custom loader).
    pub(crate) fn from_diagnostics(d: Diagnostics) -> Self {
        let mut items: Vec<ErrorItem> = d
            .items
            .iter()
            .map(|x| ErrorItem {
                line: x.line,
                col: x.col,
                rule: x.rule.id().to_owned(),
                path: x.path.clone(),
                message: x.message.clone(),
                help: x.help.clone(),
            })
            .collect();
        if items.is_empty() {
            items.push(ErrorItem {
                line: 1,
                col: 1,
                rule: rule::REJECTED.to_owned(),
                path: "(document)".to_owned(),
                message: "the loader rejected the file without a finding".to_owned(),
                help: None,
            });
        }
        ErrorReport { file: d.file.clone(), kind: ErrorKind::Rejected, items, diagnostics: Some(d) }
    }

    /// A report with one finding about the file as a whole (at 1:1).
    pub(crate) fn whole_file(
        file: &str,
        kind: ErrorKind,
        rule: &str,
        message: String,
        help: Option<String>,
    ) -> Self {
        Self::at(file, kind, (1, 1), rule, message, help)
    }

    /// A report with one finding at `(line, col)`.
    pub(crate) fn at(
        file: &str,
        kind: ErrorKind,
        (line, col): (u32, u32),
        rule: &str,
        message: String,
        help: Option<String>,
    ) -> Self {
        ErrorReport {
            file: file.to_owned(),
            kind,
            items: vec![ErrorItem {
                line,
                col,
                rule: rule.to_owned(),
                path: "(document)".to_owned(),
                message,
                help,
            }],
            diagnostics: None,
        }
    }

    /// The first finding (there is always one).
    ///
    /// ```
    /// # use config_runtime::*;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[] }] });
    /// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
    /// std::fs::write(&path, "")?;
    /// let Err(LiveError::Rejected(report)) = Live::<Marketing>::builder(&path).open() else { panic!() };
    /// assert_eq!(report.first().map(|i| i.rule.as_str()), Some("missing-field"));
    /// # Ok(()) }
    /// ```
    pub fn first(&self) -> Option<&ErrorItem> {
        self.items.first()
    }

    /// The checker's diagnostics, when the checker produced this report.
    ///
    /// ```
    /// # use config_runtime::*;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[] }] });
    /// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
    /// std::fs::write(&path, "title = 7\n")?;
    /// let Err(LiveError::Rejected(report)) = Live::<Marketing>::builder(&path).open() else { panic!() };
    /// assert_eq!(report.diagnostics().map(|d| d.len()), Some(1));
    /// # Ok(()) }
    /// ```
    pub fn diagnostics(&self) -> Option<&Diagnostics> {
        self.diagnostics.as_ref()
    }

    /// One line per finding: `file:line:col: error[rule]: path: message`, as the build prints.
    ///
    /// ```
    /// # use config_runtime::*;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[] }] });
    /// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
    /// std::fs::write(&path, "title = \"a\"\nbanner = 1\n")?;
    /// let Err(LiveError::Rejected(report)) = Live::<Marketing>::builder(&path).open() else { panic!() };
    /// assert!(report.one_line().contains(":2:1: error[unknown-key]: banner:"));
    /// # Ok(()) }
    /// ```
    pub fn one_line(&self) -> String {
        let mut s = String::new();
        for item in &self.items {
            s.push_str(&self.line_of(item));
            s.push('\n');
        }
        s
    }

    /// Code frames for checker findings (see `Diagnostics::render`), one-line records otherwise.
    ///
    /// ```
    /// # use config_runtime::*;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[] }] });
    /// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
    /// std::fs::write(&path, "title = 7\n")?;
    /// let Err(LiveError::Rejected(report)) = Live::<Marketing>::builder(&path).open() else { panic!() };
    /// assert!(report.render().contains("title = 7"));
    /// # Ok(()) }
    /// ```
    pub fn render(&self) -> String {
        match &self.diagnostics {
            Some(d) => d.render(),
            None => self.one_line(),
        }
    }

    /// On one line whatever the message quotes (`config_core::diag::printable`): a hostile
    /// value cannot break the log record or send terminal escape sequences.
    fn line_of(&self, i: &ErrorItem) -> String {
        use config_core::diag::printable;
        let (file, path, message) = (printable(&self.file), printable(&i.path), printable(&i.message));
        format!("{file}:{}:{}: error[{}]: {path}: {message}", i.line, i.col, i.rule)
    }
}

impl fmt::Display for ErrorReport {
    /// One line per finding, without a trailing newline.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, item) in self.items.iter().enumerate() {
            if n > 0 {
                f.write_str("\n")?;
            }
            f.write_str(&self.line_of(item))?;
        }
        Ok(())
    }
}

impl std::error::Error for ErrorReport {}
