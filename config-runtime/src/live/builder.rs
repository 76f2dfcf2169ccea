//! Configuring a `Live`: where the file is, what to fall back on, how to pace reloads,
//! which guards apply, what to derive per version and how many versions to keep for a
//! rollback; then `open` (load once) or `watch`.
//!
//! Settings are checked when the `Live` is built, so the chain of setters stays infallible
//! and a bad setting is a typed [`LiveError::Setting`], never a panic.

use super::error::LiveError;
use super::pipeline::{LoaderFn, Mode, PrepareFn, Reloader, Settings};
use super::shared::Shared;
use super::snapshot::{Built, ConfigValue, Version};
use super::status::{Outcome, Source};
use super::watch::{parent_dir, watch_dir};
use super::worker::{self, Schedule};
use super::{Control, Live};
use crate::ErrorReport;
use crate::live::report::ErrorKind;
use chrono::Utc;
use config_core::{Baked, Diagnostics, HasSchema, RuleId};
use serde::de::DeserializeOwned;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, mpsc};
use std::time::Duration;

/// Default quiet time after the last event before reloading.
pub const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(100);
/// Default size cap.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 16 << 20;
/// Default number of accepted versions kept for a rollback, the served one included.
pub const DEFAULT_KEEP_VERSIONS: usize = 3;

/// Builds a [`Live`]. Start with [`Live::builder`].
pub struct LiveBuilder<T: 'static, P: 'static = ()> {
    path: PathBuf,
    fallback: Option<fn() -> &'static T>,
    debounce: Duration,
    max_file_bytes: u64,
    max_shrink: Option<f64>,
    poll_every: Option<Duration>,
    keep_versions: usize,
    loader: LoaderFn<T>,
    prepare: PrepareFn<T, P>,
}

impl<T: HasSchema + DeserializeOwned + Send + Sync + 'static> LiveBuilder<T, ()> {
    pub(crate) fn new(path: &Path) -> Self {
        LiveBuilder {
            path: path.to_path_buf(),
            fallback: None,
            debounce: DEFAULT_DEBOUNCE,
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            max_shrink: None,
            poll_every: None,
            keep_versions: DEFAULT_KEEP_VERSIONS,
            loader: Box::new(|name: &str, text: &str| config_core::check_str::<T>(name, text)),
            prepare: Box::new(|_: &T| Ok(())),
        }
    }
}

impl<T: Send + Sync + 'static, P: Send + Sync + 'static> LiveBuilder<T, P> {
    /// Boot on `T::baked()` (the value checked and baked at build time) when the file is
    /// missing or bad at start, instead of failing. The baked value is version 0; the first
    /// good file becomes version 1.
    ///
    /// ```
    /// # use config_runtime::*; use std::sync::LazyLock;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", doc: "", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" }] });
    /// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
    /// # static BAKED: LazyLock<Marketing> = LazyLock::new(|| Marketing { title: "Baked".into() });
    /// # impl Baked for Marketing { fn baked() -> &'static Self { &BAKED } }
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
    /// std::fs::write(&path, "title = 42\n")?; // bad at start
    /// let live = Live::<Marketing>::builder(&path).fallback_baked().open()?;
    /// let snap = live.load();
    /// assert!(snap.config.is_baked());
    /// assert_eq!((snap.version, snap.config.title.as_str()), (0, "Baked"));
    /// assert_eq!(live.status().last_error.map(|e| e.items[0].rule.id().to_owned()).as_deref(), Some("type"));
    /// # Ok(()) }
    /// ```
    pub fn fallback_baked(mut self) -> Self
    where
        T: Baked,
    {
        self.fallback = Some(T::baked);
        self
    }

    /// Quiet time after the last event before reloading (default 100 ms). A burst of events
    /// is coalesced into one reload; a burst that never pauses still reloads every
    /// ten debounce periods.
    ///
    /// ```
    /// # use config_runtime::*; use std::time::Duration;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", doc: "", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" }] });
    /// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
    /// # std::fs::write(&path, "title = \"Spring sale\"\n")?;
    /// let live = Live::<Marketing>::builder(&path).debounce(Duration::from_millis(20)).watch()?;
    /// let versions = live.subscribe();
    /// std::fs::write(&path, "title = \"Summer sale\"\n")?;
    /// assert_eq!(versions.recv_timeout(Duration::from_secs(10))?, 2);
    /// # Ok(()) }
    /// ```
    pub fn debounce(mut self, quiet: Duration) -> Self {
        self.debounce = quiet;
        self
    }

    /// Size cap (default 16 MiB). A larger file is rejected after a `stat`, without being
    /// read; a file that grows while being read is read up to `max + 1` bytes only.
    /// A `*.gz` file is inflated with the same cap on the inflated size (a gzip bomb stops
    /// at `max + 1` bytes): over it, `max-file-bytes` says it "decompresses to more than".
    ///
    /// ```
    /// # use config_runtime::*;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", doc: "", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" }] });
    /// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
    /// std::fs::write(&path, format!("title = \"{}\"\n", "x".repeat(100)))?;
    /// let Err(LiveError::Rejected(report)) = Live::<Marketing>::builder(&path).max_file_bytes(64).open() else { panic!() };
    /// assert_eq!(report.items[0].rule.id(), "max-file-bytes");
    /// # Ok(()) }
    /// ```
    pub fn max_file_bytes(mut self, max: u64) -> Self {
        self.max_file_bytes = max;
        self
    }

    /// Reject a version that lost more than `fraction` (0.0..=1.0) of the values (strings,
    /// numbers, booleans, datetimes, array elements) of the version being served. Off by
    /// default; not applied against the baked fallback. `reload_now_unguarded` lets an
    /// intended cut through.
    ///
    /// ```
    /// # use config_runtime::*;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String, #[serde(default)] tags: Vec<String> }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", doc: "", fields: &[
    /// #   Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" },
    /// #   Field { ident: "tags", key: "tags", aliases: &[], ty: <Vec<String> as HasSchema>::SCHEMA, required: false, rules: &[], doc: "" }] });
    /// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
    /// std::fs::write(&path, "title = \"Sale\"\ntags = [\"a\", \"b\", \"c\", \"d\", \"e\"]\n")?;
    /// let live = Live::<Marketing>::builder(&path).max_shrink(0.5).open()?;
    /// std::fs::write(&path, "title = \"Sale\"\ntags = [\"a\"]\n")?; // 6 values -> 2
    /// assert_eq!(live.reload_now().error().map(|e| e.items[0].rule.id()), Some("shrink"));
    /// assert_eq!(live.load().config.tags.len(), 5);
    /// # Ok(()) }
    /// ```
    pub fn max_shrink(mut self, fraction: f64) -> Self {
        self.max_shrink = Some(fraction);
        self
    }

    /// Also reload every `period`, events or not: a safety net for filesystems that do not
    /// report changes (NFS, some container mounts). Re-reading unchanged bytes costs a read
    /// and a hash, never a parse. Ignored by `open`.
    ///
    /// ```
    /// # use config_runtime::*; use std::time::Duration;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", doc: "", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" }] });
    /// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
    /// # std::fs::write(&path, "title = \"Spring sale\"\n")?;
    /// let live = Live::<Marketing>::builder(&path).poll_every(Duration::from_secs(30)).watch()?;
    /// assert!(live.status().watching);
    /// # Ok(()) }
    /// ```
    pub fn poll_every(mut self, period: Duration) -> Self {
        self.poll_every = Some(period);
        self
    }

    /// Keep the last `n` accepted versions (default 3; the served one counts, so `1` means
    /// "only the served one"), whole: config and prepared data. When the file's bytes
    /// return to those of a kept version (a revert, a ConfigMap rolled back, A → B → A), that
    /// version is published again at once, without reading it through the loader or
    /// `prepare` again: an instant rollback, under a new version number (numbers only move
    /// forward), reported as [`Outcome::RolledBack`] and counted in `Status::rolled_back`.
    /// A rollback is not shrink-checked: the kept version passed every check when it was
    /// accepted.
    ///
    /// Memory: each kept version holds its whole parsed config and its prepared data until
    /// it is evicted (least recently served first), so a 3 MB menu costs roughly its parsed
    /// size plus its prepared payloads per kept version. `0` is refused when the `Live` is
    /// built ([`LiveError::Setting`]).
    ///
    /// ```
    /// # use config_runtime::*;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", doc: "", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" }] });
    /// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
    /// let (spring, summer) = ("title = \"Spring sale\"\n", "title = \"Summer sale\"\n");
    /// std::fs::write(&path, spring)?;
    /// let live = Live::<Marketing>::builder(&path).keep_versions(2).open()?;
    /// std::fs::write(&path, summer)?;
    /// assert!(live.reload_now().is_accepted()); // version 2
    /// std::fs::write(&path, spring)?; // reverted
    /// let out = live.reload_now();
    /// assert!(matches!(out, Outcome::RolledBack { version: 3, restores: 1, .. }), "{out:?}");
    /// let s = live.status();
    /// assert_eq!((s.version, s.parses, s.rolled_back), (3, 2, 1));
    /// assert_eq!(live.load().config.title, "Spring sale");
    /// # Ok(()) }
    /// ```
    pub fn keep_versions(mut self, n: usize) -> Self {
        self.keep_versions = n;
        self
    }

    /// Derive per-version data once, on the reload thread (menus as JSON, precompressed
    /// bodies, lookup tables). Readers get it as `snap.prepared`, always from the same
    /// version as `snap.config`. A panic here rejects the version.
    ///
    /// ```
    /// # use config_runtime::*;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", doc: "", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" }] });
    /// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
    /// # std::fs::write(&path, "title = \"Spring sale\"\n")?;
    /// let live = Live::<Marketing>::builder(&path).prepare(|m: &Marketing| m.title.to_uppercase()).open()?;
    /// assert_eq!(live.load().prepared, "SPRING SALE");
    /// # Ok(()) }
    /// ```
    pub fn prepare<Q: Send + Sync + 'static>(
        self,
        f: impl Fn(&T) -> Q + Send + Sync + 'static,
    ) -> LiveBuilder<T, Q> {
        self.with_prepare(Box::new(move |t: &T| Ok(f(t))))
    }

    /// Like [`prepare`](Self::prepare), but an error rejects the version like a rule
    /// failure and becomes `last_error`. A [`JsonArtifact`](crate::JsonArtifact) budget
    /// error keeps its rule id (`max-gzip-bytes`, …); a returned `Diagnostics` or
    /// `ErrorReport` keeps its locations; any other error is a `prepare` finding at 1:1.
    ///
    /// ```
    /// # use config_runtime::*;
    /// # use config_runtime::artifact::Level;
    /// # #[derive(serde::Deserialize, serde::Serialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", doc: "", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" }] });
    /// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
    /// # std::fs::write(&path, "title = \"Spring sale\"\n")?;
    /// let live = Live::<Marketing>::builder(&path)
    ///     .try_prepare(|m: &Marketing| JsonArtifact::builder().level(Level::FAST).max_json_bytes(64).build(m))
    ///     .open()?;
    /// std::fs::write(&path, format!("title = \"{}\"\n", "x".repeat(100)))?;
    /// let out = live.reload_now();
    /// assert_eq!(out.error().map(|e| e.items[0].rule.id()), Some("max-json-bytes"));
    /// assert_eq!(live.load().config.title, "Spring sale");
    /// # Ok(()) }
    /// ```
    pub fn try_prepare<Q, E>(
        self,
        f: impl Fn(&T) -> Result<Q, E> + Send + Sync + 'static,
    ) -> LiveBuilder<T, Q>
    where
        Q: Send + Sync + 'static,
        E: Into<Box<dyn std::error::Error + Send + Sync>>,
    {
        self.with_prepare(Box::new(move |t: &T| f(t).map_err(Into::into)))
    }

    /// Replace the loader (`config_core::check_str::<T>` by default): any function from
    /// (file name, text) to a value or located diagnostics.
    ///
    /// ```
    /// # use config_runtime::*;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", doc: "", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" }] });
    /// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
    /// # std::fs::write(&path, "title = \"Spring sale\"\n")?;
    /// let live = Live::<Marketing>::builder(&path)
    ///     .loader(|name: &str, text: &str| {
    ///         let m: Marketing = check_str(name, text)?;
    ///         Ok(Marketing { title: m.title.trim().to_owned() })
    ///     })
    ///     .open()?;
    /// assert_eq!(live.load().config.title, "Spring sale");
    /// # Ok(()) }
    /// ```
    pub fn loader(
        mut self,
        f: impl Fn(&str, &str) -> Result<T, Diagnostics> + Send + Sync + 'static,
    ) -> Self {
        self.loader = Box::new(f);
        self
    }

    /// Load once, without watching: later changes are picked up only by `reload_now`,
    /// which then runs on the calling thread.
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
    /// assert!(!live.status().watching);
    /// assert_eq!(live.load().config.title, "Spring sale");
    /// # Ok(()) }
    /// ```
    pub fn open(self) -> Result<Live<T, P>, LiveError> {
        self.validate()?;
        let (shared, _) = self.boot()?;
        Ok(Live { shared, ctl: Arc::new(Control::idle()) })
    }

    /// Load now, then watch the parent directory and reload on the reload thread.
    ///
    /// ```
    /// # use config_runtime::*; use std::time::Duration;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", doc: "", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" }] });
    /// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
    /// # std::fs::write(&path, "title = \"Spring sale\"\n")?;
    /// let live = Live::<Marketing>::builder(&path).debounce(Duration::from_millis(10)).watch()?;
    /// let versions = live.subscribe();
    /// std::fs::write(&path, "title = \"Summer sale\"\n")?;
    /// versions.recv_timeout(Duration::from_secs(10))?;
    /// assert_eq!(live.load().config.title, "Summer sale");
    /// # Ok(()) }
    /// ```
    pub fn watch(self) -> Result<Live<T, P>, LiveError> {
        self.validate()?;
        let name = self.path.display().to_string();
        let (tx, rx) = mpsc::channel();
        let queued = Arc::new(AtomicBool::new(false));
        let dir = parent_dir(&self.path);
        // Watch before the first read, so a change between the two is not missed.
        let watcher = match watch_dir(&dir, tx.clone(), Arc::clone(&queued)) {
            Ok(w) => Some(w),
            Err(e) if self.poll_every.is_some() => {
                tracing::warn!(target: "config_runtime::live", file = %name, "cannot watch {}: {e}; polling only", dir.display());
                None
            }
            Err(e) => return Err(LiveError::Watch { file: name, dir, source: Box::new(e) }),
        };
        let mut schedule = Schedule {
            debounce: self.debounce,
            max_wait: self.debounce.saturating_mul(10),
            poll: self.poll_every,
            retry_at_start: false,
        };
        let (shared, boot_io_failed) = self.boot()?;
        schedule.retry_at_start = boot_io_failed;
        shared.set_watching(true);
        let worker = worker::spawn(Arc::clone(&shared), rx, queued, schedule)
            .map_err(|source| LiveError::Spawn { file: name, source })?;
        Ok(Live { shared, ctl: Arc::new(Control { tx: Some(tx), worker: Some(worker), watcher }) })
    }

    fn with_prepare<Q: Send + Sync + 'static>(self, prepare: PrepareFn<T, Q>) -> LiveBuilder<T, Q> {
        LiveBuilder {
            path: self.path,
            fallback: self.fallback,
            debounce: self.debounce,
            max_file_bytes: self.max_file_bytes,
            max_shrink: self.max_shrink,
            poll_every: self.poll_every,
            keep_versions: self.keep_versions,
            loader: self.loader,
            prepare,
        }
    }

    fn validate(&self) -> Result<(), LiveError> {
        let file = self.path.display().to_string();
        if let Some(f) = self.max_shrink
            && !(0.0..=1.0).contains(&f)
        {
            let message = format!("max_shrink must be a fraction between 0.0 and 1.0, not {f}");
            return Err(LiveError::Setting { file, message });
        }
        if self.max_file_bytes == 0 {
            return Err(LiveError::Setting { file, message: "max_file_bytes must be at least 1".to_owned() });
        }
        if self.keep_versions == 0 {
            return Err(LiveError::Setting {
                file,
                message: "keep_versions must be at least 1 (the served version)".to_owned(),
            });
        }
        if self.poll_every.is_some_and(|p| p.is_zero()) {
            return Err(LiveError::Setting {
                file,
                message: "poll_every must be longer than zero".to_owned(),
            });
        }
        Ok(())
    }

    /// The first load, on the caller's thread. Returns whether it failed to read the file.
    fn boot(self) -> Result<(Arc<Shared<T, P>>, bool), LiveError> {
        let name = self.path.display().to_string();
        let settings = Settings {
            path: self.path,
            name,
            max_file_bytes: self.max_file_bytes,
            max_shrink: self.max_shrink,
            keep_versions: self.keep_versions,
        };
        let mut r = Reloader::new(settings, self.loader, self.prepare);
        let out = match r.next_version(Mode::Guarded, 0) {
            Ok((version, _)) => return Ok((Arc::new(Shared::new(version, r)), false)),
            Err(out) => out,
        };
        let io_failed = matches!(out, Outcome::Io(_));
        let report = out.error().cloned().unwrap_or_else(|| {
            let msg = "nothing to serve".to_owned();
            ErrorReport::whole_file(&r.settings.name, ErrorKind::Rejected, RuleId::Rejected, msg, None)
        });
        let Some(baked) = self.fallback.map(|f| f()) else {
            return Err(if io_failed {
                LiveError::Io(Box::new(report))
            } else {
                LiveError::Rejected(Box::new(report))
            });
        };
        let prepared = r.run_prepare(baked).map_err(|r| LiveError::Rejected(Box::new(r)))?;
        let built = Built { config: ConfigValue::Baked(baked), prepared, hash: None, bytes: 0 };
        let version = Version::new(Arc::new(built), 0, Utc::now());
        r.status.source = Source::Baked;
        tracing::warn!(target: "config_runtime::live", file = %r.settings.name, "serving the baked config: {report}");
        Ok((Arc::new(Shared::new(version, r)), io_failed))
    }
}

impl<T: 'static, P: 'static> fmt::Debug for LiveBuilder<T, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LiveBuilder")
            .field("path", &self.path)
            .field("fallback", &self.fallback.is_some())
            .field("debounce", &self.debounce)
            .field("max_file_bytes", &self.max_file_bytes)
            .field("max_shrink", &self.max_shrink)
            .field("poll_every", &self.poll_every)
            .field("keep_versions", &self.keep_versions)
            .finish_non_exhaustive()
    }
}
