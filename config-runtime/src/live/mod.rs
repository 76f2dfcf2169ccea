//! Hot reload: `Live<T>` serves the last good version of a config file to readers in
//! nanoseconds and replaces it, off the request path, when the file changes and passes
//! every check.
//!
//! ```
//! # use config_runtime::*; use std::sync::LazyLock; use std::time::Duration;
//! # #[derive(serde::Deserialize)] struct Marketing { title: String }
//! # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", doc: "", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" }] });
//! # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
//! # static BAKED: LazyLock<Marketing> = LazyLock::new(|| Marketing { title: "Baked".into() });
//! # impl Baked for Marketing { fn baked() -> &'static Self { &BAKED } }
//! # struct ShopView { banner: String }
//! # impl ShopView { fn new(m: &Marketing) -> Self { ShopView { banner: m.title.to_uppercase() } } }
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
//! # std::fs::write(&path, "title = \"Spring sale\"\n")?;
//! let live = Live::<Marketing>::builder(&path)
//!     .fallback_baked() // boot on Marketing::baked() if the file is missing or bad at start
//!     .debounce(Duration::from_millis(100))
//!     .max_file_bytes(16 << 20)
//!     .max_shrink(0.5) // reject a version that lost over half its values
//!     .poll_every(Duration::from_secs(30)) // safety net (network filesystems)
//!     .keep_versions(3) // a revert to one of the last 3 versions is an instant rollback
//!     .prepare(|m: &Marketing| ShopView::new(m)) // computed once per version
//!     .watch()?; // `.open()?` loads once without watching
//! let snap = live.load(); // cheap guard
//! assert_eq!((snap.config.title.as_str(), snap.prepared.banner.as_str()), ("Spring sale", "SPRING SALE"));
//! assert_eq!((snap.version, snap.hash.is_some()), (1, true));
//! let versions = live.subscribe(); // notified on every published version
//! std::fs::write(&path, "title = \"Summer sale\"\n")?;
//! let _ = live.reload_now(); // synchronous; the watcher may get there first
//! assert_eq!(versions.recv_timeout(Duration::from_secs(10))?, 2);
//! let status = live.status();
//! assert_eq!((status.version, status.accepted, status.rejected), (2, 2, 0));
//! # Ok(()) }
//! ```
//!
//! What is and is not guaranteed: [`crate::reload_semantics`].
//!
//! The module is split by job: `builder` (settings, boot), `pipeline` (one reload),
//! `memory` (kept versions, remembered rejections), `read` (capped reads), `shrink` (the
//! shrink guard), `shared` (state behind the handles),
//! `worker` (the reload thread), `watch` (directory events; [`DirWatch`] for other tools),
//! `snapshot` (what readers get),
//! `status`, `report` and `durations` (what operators see), `hash`, `error`.

mod builder;
mod durations;
mod error;
mod hash;
mod memory;
mod pipeline;
mod read;
mod report;
pub(crate) mod shared;
mod shrink;
mod snapshot;
mod status;
mod watch;
mod worker;

pub use builder::{DEFAULT_DEBOUNCE, DEFAULT_KEEP_VERSIONS, DEFAULT_MAX_FILE_BYTES, LiveBuilder};
pub use durations::{RELOAD_DURATION_BUCKETS, ReloadDurations};
pub use error::LiveError;
pub use hash::ContentHash;
pub(crate) use hash::hex;
pub use memory::REMEMBERED_REJECTIONS;
pub use report::{ErrorKind, ErrorReport};
pub use snapshot::{Built, ConfigValue, LiveHandle, Snapshot, Version};
pub use status::{Outcome, ReloadCounts, Source, Status, Timings};
pub use watch::DirWatch;

use arc_swap::cache::Cache;
use config_core::HasSchema;
use pipeline::Mode;
use serde::de::DeserializeOwned;
use shared::Shared;
use snapshot::SwapRef;
use std::fmt;
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::{self, JoinHandle};
use worker::Msg;

/// A config file kept loaded, checked and current. Cheap to clone (all clones share one
/// reload thread, stopped when the last clone and [`LiveHandle`] are dropped).
pub struct Live<T: 'static, P: 'static = ()> {
    pub(crate) shared: Arc<Shared<T, P>>,
    ctl: Arc<Control>,
}

impl<T: HasSchema + DeserializeOwned + Send + Sync + 'static> Live<T> {
    /// Starts configuring a `Live` for the file at `path`, loaded with
    /// `config_core::check_str::<T>` (the same checks as the build).
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
    /// assert_eq!(live.load().config.title, "Spring sale");
    /// # Ok(()) }
    /// ```
    pub fn builder(path: impl AsRef<Path>) -> LiveBuilder<T> {
        LiveBuilder::new(path.as_ref())
    }
}

impl<T: Send + Sync + 'static, P: Send + Sync + 'static> Live<T, P> {
    /// The current version: a cheap guard (one atomic load, no reference count in the
    /// common case) exposing `config`, `prepared`, `version`, `hash`. Hold it for a request,
    /// not across awaits or for long; use [`load_full`](Self::load_full) for that.
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
    /// let snap = live.load();
    /// assert_eq!(snap.config.title, "Spring sale");
    /// assert_eq!(snap.version, 1);
    /// assert_eq!(snap.hash, Some(ContentHash::of(b"title = \"Spring sale\"\n")));
    /// # Ok(()) }
    /// ```
    #[inline]
    pub fn load(&self) -> Snapshot<T, P> {
        Snapshot(self.shared.current.load())
    }

    /// The current version as an owned `Arc`, to keep as long as needed.
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
    /// let v1 = live.load_full();
    /// std::fs::write(&path, "title = \"Summer sale\"\n")?;
    /// live.reload_now();
    /// assert_eq!((v1.version, v1.config.title.as_str()), (1, "Spring sale"));
    /// assert_eq!(live.load_full().version, 2);
    /// # Ok(()) }
    /// ```
    pub fn load_full(&self) -> Arc<Version<T, P>> {
        self.shared.current.load_full()
    }

    /// A cached handle for one thread's hot path: its `load` costs one atomic read while
    /// the version is unchanged.
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
    /// let mut handle = live.handle();
    /// std::thread::spawn(move || assert_eq!(handle.load().config.title, "Spring sale")).join().unwrap();
    /// # Ok(()) }
    /// ```
    pub fn handle(&self) -> LiveHandle<T, P> {
        LiveHandle { cache: Cache::new(SwapRef(Arc::clone(&self.shared))), live: self.clone() }
    }

    /// Counters, the served version and what is wrong with the file now, if anything.
    /// `Serialize`, for a status endpoint.
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
    /// std::fs::write(&path, "title = \"Summer sale\"\nbanner = 1\n")?;
    /// live.reload_now();
    /// let s = live.status();
    /// assert_eq!((s.version, s.parses, s.accepted, s.rejected), (1, 2, 1, 1));
    /// let e = s.last_error.as_ref().unwrap();
    /// assert_eq!((e.items[0].line, e.items[0].col, e.items[0].rule.id()), (2, 1, "unknown-key"));
    /// assert!(serde_json::to_string(&s)?.contains(r#""rejected":1"#));
    /// # Ok(()) }
    /// ```
    pub fn status(&self) -> Status {
        self.shared.status()
    }

    /// How long the reloads after the boot took, whatever their outcome: a histogram over
    /// [`RELOAD_DURATION_BUCKETS`], for a `config_reload_duration_seconds` metric.
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
    /// live.reload_now();
    /// live.reload_now();
    /// let durations = live.reload_durations();
    /// assert_eq!(durations.count, 2);
    /// assert_eq!(durations.by_bound().iter().map(|(_, n)| n).sum::<u64>(), 2);
    /// # Ok(()) }
    /// ```
    pub fn reload_durations(&self) -> ReloadDurations {
        self.shared.durations()
    }

    /// A receiver of the number of every version published from now on (accepted, or rolled
    /// back to: see [`LiveBuilder::keep_versions`]). Never blocks the reload thread; a
    /// dropped receiver is forgotten.
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
    /// let versions = live.subscribe();
    /// std::fs::write(&path, "title = \"Summer sale\"\n")?;
    /// live.reload_now();
    /// assert_eq!(versions.try_recv(), Ok(2));
    /// # Ok(()) }
    /// ```
    pub fn subscribe(&self) -> Receiver<u64> {
        self.shared.subscribe()
    }

    /// Reloads now and returns what happened. With `watch` the reload runs on the reload
    /// thread (this call waits for it); with `open`, on the calling thread. Bytes equal to
    /// the served version, to a kept version (a rollback) or to a remembered rejected
    /// content are not parsed again.
    ///
    /// ```
    /// # use config_runtime::*;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", doc: "", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" }] });
    /// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
    /// # std::fs::write(&path, "title = \"Spring sale\"\n")?;
    /// let live = Live::<Marketing>::builder(&path).watch()?;
    /// assert_eq!(live.reload_now(), Outcome::Unchanged { version: 1 });
    /// std::fs::write(&path, "title = \"Summer sale\"\n")?;
    /// let out = live.reload_now();
    /// // Unless the watcher got there first:
    /// assert!(out.is_accepted() || out == Outcome::Unchanged { version: 2 });
    /// assert_eq!(live.load().config.title, "Summer sale");
    /// # Ok(()) }
    /// ```
    pub fn reload_now(&self) -> Outcome {
        self.reload(Mode::Guarded)
    }

    /// Like [`reload_now`](Self::reload_now), without the shrink guard: for an intended
    /// large cut. Every other check applies, and bytes rejected before are examined again.
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
    /// std::fs::write(&path, "title = \"Sale\"\ntags = [\"a\", \"b\", \"c\", \"d\"]\n")?;
    /// let live = Live::<Marketing>::builder(&path).max_shrink(0.5).open()?;
    /// std::fs::write(&path, "title = \"Sale\"\n")?;
    /// assert!(!live.reload_now().is_accepted());
    /// assert!(live.reload_now_unguarded().is_accepted());
    /// assert!(live.load().config.tags.is_empty());
    /// # Ok(()) }
    /// ```
    pub fn reload_now_unguarded(&self) -> Outcome {
        self.reload(Mode::Unguarded)
    }

    /// The file this `Live` serves.
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
    /// assert_eq!(live.file(), path.display().to_string());
    /// # Ok(()) }
    /// ```
    pub fn file(&self) -> String {
        self.shared.status().file
    }

    fn reload(&self, mode: Mode) -> Outcome {
        if let Some(tx) = &self.ctl.tx {
            let (reply, outcome) = mpsc::sync_channel(1);
            if tx.send(Msg::Reload(mode, reply)).is_ok()
                && let Ok(out) = outcome.recv()
            {
                return out;
            }
        }
        // Not watching (or the reload thread is gone): run here.
        self.shared.reload(mode)
    }
}

impl<T: 'static, P: 'static> Clone for Live<T, P> {
    fn clone(&self) -> Self {
        Live { shared: Arc::clone(&self.shared), ctl: Arc::clone(&self.ctl) }
    }
}

impl<T: 'static, P: 'static> fmt::Debug for Live<T, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.shared.status();
        f.debug_struct("Live")
            .field("file", &s.file)
            .field("version", &s.version)
            .field("watching", &s.watching)
            .finish_non_exhaustive()
    }
}

/// The reload thread and the watcher, owned by the `Live` handles and stopped with the last.
struct Control {
    tx: Option<Sender<Msg>>,
    worker: Option<JoinHandle<()>>,
    watcher: Option<notify::RecommendedWatcher>,
}

impl Control {
    fn idle() -> Self {
        Control { tx: None, worker: None, watcher: None }
    }
}

impl Drop for Control {
    fn drop(&mut self) {
        // Stop events first, then the thread; wait for it unless we are it (a `prepare`
        // closure that owned the last handle).
        drop(self.watcher.take());
        if let Some(tx) = self.tx.take() {
            let _ = tx.send(Msg::Stop);
        }
        if let Some(worker) = self.worker.take()
            && worker.thread().id() != thread::current().id()
        {
            let _ = worker.join();
        }
    }
}
