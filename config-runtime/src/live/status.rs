//! Observability: counters and the current problem, as a plain value the service can log or
//! serve as JSON, and the result of one reload.
//!
//! `last_error` describes the file as it is on disk now: set when its bytes are rejected or
//! cannot be read, cleared when they are accepted or turn out equal to the served version.

use super::hash::ContentHash;
use super::report::ErrorReport;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// Where the served version came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// The file.
    File,
    /// `T::baked()`, because the file was missing or bad at start.
    Baked,
}

/// How long the stages of the last accepted reload took, in microseconds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Timings {
    /// Size check and read.
    pub read_us: u64,
    /// Hash of the bytes.
    pub hash_us: u64,
    /// UTF-8 check, parse, rule check and deserialize (the loader).
    pub parse_us: u64,
    /// Shrink guard.
    pub guard_us: u64,
    /// `prepare`.
    pub prepare_us: u64,
    /// Everything, publication included.
    pub total_us: u64,
}

/// A snapshot of the reload machinery's state. See [`crate::Live::status`].
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Status {
    /// The file as named to the builder.
    pub file: String,
    /// Is a watcher (or the poll safety net) running?
    pub watching: bool,
    /// The served version (0: the baked fallback).
    pub version: u64,
    pub source: Source,
    /// Hash of the served version's bytes (hex); `None` for the baked fallback.
    pub hash: Option<String>,
    /// Size of the served version's file.
    pub bytes: usize,
    /// Distinct contents examined (decoded and handed to the loader). Bytes equal to the
    /// served or the last rejected version are not examined again; a file over the size
    /// cap is never read whole and never counted here.
    pub parses: u64,
    /// Versions published from the file (boot included).
    pub accepted: u64,
    /// Contents refused (checker, size cap, encoding, shrink guard, prepare).
    pub rejected: u64,
    /// Episodes of failed reads: a run of retries until the next good read counts once.
    pub io_errors: u64,
    /// Reads whose bytes equalled the served or the last rejected version (not parsed).
    pub skipped_identical: u64,
    /// What is wrong with the file now, if anything.
    pub last_error: Option<ErrorReport>,
    /// When the last version from the file was published.
    pub last_success_at: Option<DateTime<Utc>>,
    /// Stage timings of the last published version.
    pub last_timings: Option<Timings>,
}

impl Status {
    pub(crate) fn new(file: String) -> Self {
        Status {
            file,
            watching: false,
            version: 0,
            source: Source::Baked,
            hash: None,
            bytes: 0,
            parses: 0,
            accepted: 0,
            rejected: 0,
            io_errors: 0,
            skipped_identical: 0,
            last_error: None,
            last_success_at: None,
            last_timings: None,
        }
    }

    /// Is the file on disk the version being served (no current error)?
    ///
    /// ```
    /// # use config_runtime::*;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[] }] });
    /// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
    /// # std::fs::write(&path, "title = \"Spring sale\"\n")?;
    /// let live = Live::<Marketing>::builder(&path).open()?;
    /// assert!(live.status().is_ok());
    /// std::fs::write(&path, "title = \n")?;
    /// live.reload_now();
    /// assert!(!live.status().is_ok());
    /// # Ok(()) }
    /// ```
    pub fn is_ok(&self) -> bool {
        self.last_error.is_none()
    }
}

/// What one reload did.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Outcome {
    /// A new version was published.
    Accepted { version: u64, hash: ContentHash, timings: Timings },
    /// The bytes equal the served version: nothing parsed.
    Unchanged { version: u64 },
    /// The bytes equal the last rejected content: not parsed again, same findings.
    StillRejected(ErrorReport),
    /// The bytes were refused; the served version stays.
    Rejected(ErrorReport),
    /// The file could not be read; the served version stays.
    Io(ErrorReport),
}

impl Outcome {
    /// Was a new version published?
    ///
    /// ```
    /// # use config_runtime::*;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[] }] });
    /// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
    /// # std::fs::write(&path, "title = \"Spring sale\"\n")?;
    /// let live = Live::<Marketing>::builder(&path).open()?;
    /// assert!(!live.reload_now().is_accepted()); // same bytes
    /// std::fs::write(&path, "title = \"Summer sale\"\n")?;
    /// assert!(live.reload_now().is_accepted());
    /// # Ok(()) }
    /// ```
    pub fn is_accepted(&self) -> bool {
        matches!(self, Outcome::Accepted { .. })
    }

    /// The findings, for a rejected or unreadable file.
    ///
    /// ```
    /// # use config_runtime::*;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[] }] });
    /// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
    /// # std::fs::write(&path, "title = \"Spring sale\"\n")?;
    /// let live = Live::<Marketing>::builder(&path).open()?;
    /// std::fs::remove_file(&path)?;
    /// let out = live.reload_now();
    /// assert_eq!(out.error().map(|e| e.items[0].rule.id()), Some("io"));
    /// # Ok(()) }
    /// ```
    pub fn error(&self) -> Option<&ErrorReport> {
        match self {
            Outcome::StillRejected(e) | Outcome::Rejected(e) | Outcome::Io(e) => Some(e),
            Outcome::Accepted { .. } | Outcome::Unchanged { .. } => None,
        }
    }
}
