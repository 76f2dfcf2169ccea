//! What is wrong with the file, as the running service reports it.
//!
//! Every finding is core's [`Diagnostic`], whether the checker produced it or one of the
//! run-time gates (size cap, encoding, shrink guard, `prepare`, I/O), which are registered
//! rules like the checker's own ([`RuleId::MaxFileBytes`], [`RuleId::Shrink`], …). A
//! report keeps the file's text when there is one (for code frames) and serializes to
//! JSON for a status endpoint. Every item names file, line and column; findings about the
//! file as a whole sit at 1:1, as the checker's own do.

use config_core::{Diagnostic, Diagnostics, RuleId};
use serde::Serialize;
use std::fmt;
use std::sync::Arc;

/// Why the file's current bytes are not being served.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ErrorKind {
    /// The bytes were read and refused (checker finding, size, encoding, shrink, prepare).
    Rejected,
    /// The bytes could not be read.
    Io,
}

/// Every finding for one version of the file, never empty.
///
/// ```
/// # use config_runtime::*; use std::time::Duration;
/// # #[derive(serde::Deserialize)] struct Marketing { title: String }
/// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", doc: "", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" }] });
/// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
/// std::fs::write(&path, "title = 7\n")?;
/// let err = match Live::<Marketing>::builder(&path).open() {
///     Err(LiveError::Rejected(report)) => report,
///     other => panic!("expected a rejection, got {other:?}"),
/// };
/// let item = &err.items[0];
/// assert_eq!((item.line, item.col, item.rule), (1, 9, RuleId::Type));
/// assert!(err.one_line().contains("marketing.toml:1:9: error[type]: title:"));
/// assert!(serde_json::to_string(&err)?.contains(r#""rule":"type""#));
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ErrorReport {
    /// The file as named to the builder.
    pub file: String,
    pub kind: ErrorKind,
    /// Never empty.
    pub items: Vec<Diagnostic>,
    /// The file's text, when the findings are about it (for code frames).
    #[serde(skip)]
    source: Option<Arc<str>>,
}

impl ErrorReport {
    /// A report from the checker (or a custom loader).
    pub(crate) fn from_diagnostics(d: Diagnostics) -> Self {
        let Diagnostics { file, source, mut items } = d;
        if items.is_empty() {
            items.push(Diagnostic::whole_file(
                RuleId::Rejected,
                "the loader rejected the file without a finding",
                None,
            ));
        }
        ErrorReport { file, kind: ErrorKind::Rejected, items, source: Some(source) }
    }

    /// A report with one finding about the file as a whole (at 1:1).
    pub(crate) fn whole_file(
        file: &str,
        kind: ErrorKind,
        rule: RuleId,
        message: String,
        help: Option<String>,
    ) -> Self {
        Self::at(file, kind, (1, 1), rule, message, help)
    }

    /// A report with one finding at `(line, col)`.
    pub(crate) fn at(
        file: &str,
        kind: ErrorKind,
        at: (u32, u32),
        rule: RuleId,
        message: String,
        help: Option<String>,
    ) -> Self {
        ErrorReport {
            file: file.to_owned(),
            kind,
            items: vec![Diagnostic::error_at(rule, at, 0..0, message, help)],
            source: None,
        }
    }

    /// This report without the file's text if that text is `text`, and whether it was: what
    /// the rejected memory keeps, since the text comes back from bytes of the same hash.
    pub(crate) fn without_text(&self, text: Option<&str>) -> (ErrorReport, bool) {
        match (&self.source, text) {
            (Some(source), Some(text)) if **source == *text => {
                let stripped = ErrorReport {
                    file: self.file.clone(),
                    kind: self.kind,
                    items: self.items.clone(),
                    source: None,
                };
                (stripped, true)
            }
            _ => (self.clone(), false),
        }
    }

    /// This report with `text` as the file's text again (for code frames).
    pub(crate) fn with_text(mut self, text: &str) -> Self {
        self.source = Some(Arc::from(text));
        self
    }

    /// The first finding (there is always one).
    ///
    /// ```
    /// # use config_runtime::*;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", doc: "", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" }] });
    /// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
    /// std::fs::write(&path, "")?;
    /// let Err(LiveError::Rejected(report)) = Live::<Marketing>::builder(&path).open() else { panic!() };
    /// assert_eq!(report.first().map(|i| i.rule), Some(RuleId::MissingField));
    /// # Ok(()) }
    /// ```
    pub fn first(&self) -> Option<&Diagnostic> {
        self.items.first()
    }

    /// The findings with the file's text, when they are about the text (checker findings,
    /// encoding), for code frames.
    ///
    /// ```
    /// # use config_runtime::*;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", doc: "", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" }] });
    /// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
    /// std::fs::write(&path, "title = 7\n")?;
    /// let Err(LiveError::Rejected(report)) = Live::<Marketing>::builder(&path).open() else { panic!() };
    /// assert_eq!(report.diagnostics().map(|d| d.len()), Some(1));
    /// # Ok(()) }
    /// ```
    pub fn diagnostics(&self) -> Option<Diagnostics> {
        let source = self.source.clone()?;
        Some(Diagnostics { file: self.file.clone(), source, items: self.items.clone() })
    }

    /// One line per finding: `file:line:col: error[rule]: path: message`, as the build prints.
    ///
    /// ```
    /// # use config_runtime::*;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", doc: "", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" }] });
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
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", doc: "", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" }] });
    /// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
    /// std::fs::write(&path, "title = 7\n")?;
    /// let Err(LiveError::Rejected(report)) = Live::<Marketing>::builder(&path).open() else { panic!() };
    /// assert!(report.render().contains("title = 7"));
    /// # Ok(()) }
    /// ```
    pub fn render(&self) -> String {
        match self.diagnostics() {
            Some(d) => d.render(),
            None => self.one_line(),
        }
    }

    /// The one-line record ([`config_core::record`]), on one line whatever the message
    /// quotes: a hostile value cannot break the log record or send terminal escape
    /// sequences.
    fn line_of(&self, i: &Diagnostic) -> String {
        config_core::record::to_string(&self.file, i.line, i.col, i.severity, i.rule, &i.path, &i.message)
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
