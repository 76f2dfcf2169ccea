//! Observability: counters and the current problem, as a plain value the service can log or
//! serve as JSON, and the result of one reload.
//!
//! `last_error` describes the file as it is on disk now: set when its bytes are rejected or
//! cannot be read, cleared when they are accepted, rolled back to, or turn out equal to the
//! served version. Every reload has one of five outcomes, each with a label
//! ([`Outcome::label`]) and a counter ([`Status::reloads`]), for a
//! `config_reloads_total{outcome=…}` metric.

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

/// How long the stages of the last published reload took, in microseconds (a rollback
/// spends nothing on parse, guard and prepare).
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
    /// served version, a kept version or a remembered rejection are not examined again; a
    /// file over the size cap is never read whole and never counted here.
    pub parses: u64,
    /// Versions parsed, checked and published from the file (boot included).
    pub accepted: u64,
    /// Rollbacks: kept versions published again under a new number, without parsing.
    pub rolled_back: u64,
    /// Contents refused (checker, size cap, encoding, shrink guard, prepare).
    pub rejected: u64,
    /// Episodes of failed reads: a run of retries until the next good read counts once.
    pub io_errors: u64,
    /// Reads whose bytes equalled the served version or a remembered rejection (not parsed).
    pub skipped_identical: u64,
    /// Every reload by outcome, one count each (boot, watcher runs, polls, retries and
    /// `reload_now` alike).
    pub reloads: ReloadCounts,
    /// What is wrong with the file now, if anything.
    pub last_error: Option<ErrorReport>,
    /// When the last version from the file was published (accepted or rolled back to).
    pub last_success_at: Option<DateTime<Utc>>,
    /// Stage timings of the last published version (accepted or rolled back to).
    pub last_timings: Option<Timings>,
    /// The release of the IANA time-zone database bundled with the engine (`2025b`): every
    /// local time is resolved with it, at build time and here alike.
    pub tzdb: &'static str,
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
            rolled_back: 0,
            rejected: 0,
            io_errors: 0,
            skipped_identical: 0,
            reloads: ReloadCounts::default(),
            last_error: None,
            last_success_at: None,
            last_timings: None,
            tzdb: config_core::zone::tzdb_version(),
        }
    }

    /// Is the file on disk the version being served (no current error)?
    ///
    /// ```
    /// # use config_runtime::*;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", doc: "", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" }] });
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

/// Reloads by outcome: one count per reload, named as the outcome labels of
/// [`Outcome::label`] (`"accepted"`, `"rejected"`, `"unchanged"`, `"rolled_back"`,
/// `"io_error"`).
///
/// ```
/// # use config_runtime::*;
/// # #[derive(serde::Deserialize)] struct Marketing { title: String }
/// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", doc: "", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" }] });
/// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
/// std::fs::write(&path, "title = \"Spring sale\"\n")?;
/// let live = Live::<Marketing>::builder(&path).open()?; // accepted
/// live.reload_now(); // unchanged
/// std::fs::write(&path, "title = 1\n")?;
/// live.reload_now(); // rejected
/// live.reload_now(); // rejected (remembered, not parsed)
/// let counts = live.status().reloads;
/// assert_eq!((counts.accepted, counts.unchanged, counts.rejected), (1, 1, 2));
/// assert_eq!(counts.by_label()[1], ("rejected", 2));
/// # Ok(()) }
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ReloadCounts {
    /// A new content was parsed, checked and published.
    pub accepted: u64,
    /// The content was refused, now or before (a remembered rejection counts too).
    pub rejected: u64,
    /// The bytes equal the served version.
    pub unchanged: u64,
    /// A kept version was published again.
    pub rolled_back: u64,
    /// The file could not be read (every failed read and retry counts).
    pub io_error: u64,
}

impl ReloadCounts {
    /// `(label, count)` for each outcome, in a fixed order: the rows of a
    /// `config_reloads_total{outcome=…}` counter.
    pub fn by_label(&self) -> [(&'static str, u64); 5] {
        [
            ("accepted", self.accepted),
            ("rejected", self.rejected),
            ("unchanged", self.unchanged),
            ("rolled_back", self.rolled_back),
            ("io_error", self.io_error),
        ]
    }

    pub(crate) fn count(&mut self, out: &Outcome) {
        let n = match out {
            Outcome::Accepted { .. } => &mut self.accepted,
            Outcome::Rejected(_) | Outcome::StillRejected(_) => &mut self.rejected,
            Outcome::Unchanged { .. } => &mut self.unchanged,
            Outcome::RolledBack { .. } => &mut self.rolled_back,
            Outcome::Io(_) => &mut self.io_error,
        };
        *n += 1;
    }
}

/// What one reload did.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Outcome {
    /// A new content was parsed, checked and published as a new version.
    Accepted { version: u64, hash: ContentHash, timings: Timings },
    /// The bytes equal a kept version's (see `keep_versions`): its config and prepared data
    /// were published again as the new version `version`, without parsing. `restores` is
    /// the number that content was last published as.
    RolledBack { version: u64, restores: u64, hash: ContentHash, timings: Timings },
    /// The bytes equal the served version: nothing parsed.
    Unchanged { version: u64 },
    /// The bytes equal a remembered rejected content: not parsed again, same findings.
    StillRejected(ErrorReport),
    /// The bytes were refused; the served version stays.
    Rejected(ErrorReport),
    /// The file could not be read; the served version stays.
    Io(ErrorReport),
}

impl Outcome {
    /// Was a new content accepted (parsed, checked and published)? A rollback to a kept
    /// version is not: see [`published`](Self::published) for "is there a new version".
    ///
    /// ```
    /// # use config_runtime::*;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", doc: "", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" }] });
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

    /// The number of the version this reload published (accepted or rolled back to), if any.
    ///
    /// ```
    /// # use config_runtime::*;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", doc: "", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" }] });
    /// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
    /// std::fs::write(&path, "title = \"Spring sale\"\n")?;
    /// let live = Live::<Marketing>::builder(&path).open()?;
    /// assert_eq!(live.reload_now().published(), None); // same bytes
    /// std::fs::write(&path, "title = \"Summer sale\"\n")?;
    /// assert_eq!(live.reload_now().published(), Some(2)); // accepted
    /// std::fs::write(&path, "title = \"Spring sale\"\n")?;
    /// assert_eq!(live.reload_now().published(), Some(3)); // rolled back to version 1's content
    /// # Ok(()) }
    /// ```
    pub fn published(&self) -> Option<u64> {
        match self {
            Outcome::Accepted { version, .. } | Outcome::RolledBack { version, .. } => Some(*version),
            Outcome::Unchanged { .. } | Outcome::StillRejected(_) | Outcome::Rejected(_) | Outcome::Io(_) => {
                None
            }
        }
    }

    /// The outcome's label: `"accepted"`, `"rejected"` (a remembered rejection too),
    /// `"unchanged"`, `"rolled_back"` or `"io_error"`, as counted in [`Status::reloads`].
    ///
    /// ```
    /// # use config_runtime::*;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", doc: "", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" }] });
    /// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
    /// # std::fs::write(&path, "title = \"Spring sale\"\n")?;
    /// let live = Live::<Marketing>::builder(&path).open()?;
    /// assert_eq!(live.reload_now().label(), "unchanged");
    /// # Ok(()) }
    /// ```
    pub fn label(&self) -> &'static str {
        match self {
            Outcome::Accepted { .. } => "accepted",
            Outcome::RolledBack { .. } => "rolled_back",
            Outcome::Unchanged { .. } => "unchanged",
            Outcome::StillRejected(_) | Outcome::Rejected(_) => "rejected",
            Outcome::Io(_) => "io_error",
        }
    }

    /// The findings, for a rejected or unreadable file.
    ///
    /// ```
    /// # use config_runtime::*;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", doc: "", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" }] });
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
            Outcome::Accepted { .. } | Outcome::RolledBack { .. } | Outcome::Unchanged { .. } => None,
        }
    }
}
