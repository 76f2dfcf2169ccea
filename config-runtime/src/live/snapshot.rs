//! What readers get: one immutable version (a number around what its content built: config,
//! prepared data, hash), a cheap guard to read it, and a cached handle for the hottest paths.
//!
//! A version is built completely on the reload thread and published with one atomic store,
//! so a reader sees either the old version or the new one, never a mix: `prepared` always
//! belongs to the `config` beside it. What a content built ([`Built`]) is shared behind an
//! `Arc`, so a rollback republishes it under a new number without rebuilding it.

use super::Live;
use super::hash::ContentHash;
use arc_swap::{ArcSwap, Guard, cache::Cache};
use chrono::{DateTime, Utc};
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// The config of one version: the value baked into the binary, or one loaded from the file.
///
/// Derefs to `T`, so `snap.config.title` reads the field either way; `T` needs no `Clone`.
#[derive(Debug)]
pub enum ConfigValue<T: 'static> {
    /// `T::baked()`, served when the file was missing or bad at start (`fallback_baked`).
    Baked(&'static T),
    /// Parsed and checked from the file.
    Loaded(T),
}

impl<T: 'static> ConfigValue<T> {
    /// Is this the baked fallback?
    ///
    /// ```
    /// # use config_runtime::ConfigValue;
    /// static BAKED: u32 = 7;
    /// assert!(ConfigValue::Baked(&BAKED).is_baked());
    /// assert!(!ConfigValue::Loaded(7u32).is_baked());
    /// ```
    pub fn is_baked(&self) -> bool {
        matches!(self, ConfigValue::Baked(_))
    }
}

impl<T: 'static> Deref for ConfigValue<T> {
    type Target = T;

    fn deref(&self) -> &T {
        match self {
            ConfigValue::Baked(t) => t,
            ConfigValue::Loaded(t) => t,
        }
    }
}

impl<T: 'static> AsRef<T> for ConfigValue<T> {
    fn as_ref(&self) -> &T {
        self
    }
}

/// What one accepted content built: the checked config and what `prepare` derived from it.
///
/// Built once per distinct content. A rollback to a kept version publishes the same `Built`
/// again under a new number, so its config and prepared data are the very same values (same
/// addresses, nothing re-parsed or re-prepared). Reached through [`Version`], which derefs
/// to it: `snap.config`, `snap.prepared`, `snap.hash`, `snap.bytes`.
#[derive(Debug)]
#[non_exhaustive]
pub struct Built<T: 'static, P = ()> {
    /// The checked config.
    pub config: ConfigValue<T>,
    /// What `prepare` derived from this very config (e.g. precompressed payloads).
    pub prepared: P,
    /// Hash of the file's bytes; `None` for the baked fallback.
    pub hash: Option<ContentHash>,
    /// Size of the file's bytes (0 for the baked fallback).
    pub bytes: usize,
}

/// One published version: a number and a publication time around what its content built.
/// Immutable; shared by every reader that loaded it. Derefs to [`Built`].
#[derive(Debug)]
#[non_exhaustive]
pub struct Version<T: 'static, P = ()> {
    /// 0 for the baked fallback, then 1, 2, … for each published file version (accepted or
    /// rolled back to); never decreases.
    pub version: u64,
    /// When this version was published.
    pub loaded_at: DateTime<Utc>,
    built: Arc<Built<T, P>>,
}

impl<T: 'static, P: 'static> Version<T, P> {
    pub(crate) fn new(built: Arc<Built<T, P>>, version: u64, loaded_at: DateTime<Utc>) -> Self {
        Version { version, loaded_at, built }
    }

    /// What this version's content built, shared with every other version that published
    /// the same content (a rollback publishes a kept `Built` again).
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
    /// let v1 = live.load_full();
    /// std::fs::write(&path, "title = \"Summer sale\"\n")?;
    /// live.reload_now();
    /// std::fs::write(&path, "title = \"Spring sale\"\n")?; // back: a rollback, not a parse
    /// assert!(matches!(live.reload_now(), Outcome::RolledBack { version: 3, restores: 1, .. }));
    /// assert!(std::sync::Arc::ptr_eq(live.load().built(), v1.built()));
    /// # Ok(()) }
    /// ```
    pub fn built(&self) -> &Arc<Built<T, P>> {
        &self.built
    }
}

impl<T: 'static, P: 'static> Deref for Version<T, P> {
    type Target = Built<T, P>;

    fn deref(&self) -> &Built<T, P> {
        &self.built
    }
}

/// A cheap read guard on the current version: one atomic load, no reference count in the
/// common case. Hold it briefly (for one request); keep [`Snapshot::into_arc`] for longer.
pub struct Snapshot<T: 'static, P: 'static = ()>(pub(crate) Guard<Arc<Version<T, P>>>);

impl<T: 'static, P: 'static> Snapshot<T, P> {
    /// An owned reference to this version, to keep beyond a request.
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
    /// let kept: std::sync::Arc<Version<Marketing>> = live.load().into_arc();
    /// assert_eq!(kept.config.title, "Spring sale");
    /// # Ok(()) }
    /// ```
    pub fn into_arc(self) -> Arc<Version<T, P>> {
        Guard::into_inner(self.0)
    }
}

impl<T: 'static, P: 'static> Deref for Snapshot<T, P> {
    type Target = Version<T, P>;

    fn deref(&self) -> &Version<T, P> {
        &self.0
    }
}

impl<T: fmt::Debug + 'static, P: fmt::Debug + 'static> fmt::Debug for Snapshot<T, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Snapshot").field(&**self).finish()
    }
}

/// Lets an `arc_swap::Cache` own its way to the swap cell.
pub(crate) struct SwapRef<T: 'static, P: 'static>(pub(crate) Arc<super::shared::Shared<T, P>>);

impl<T: 'static, P: 'static> Deref for SwapRef<T, P> {
    type Target = ArcSwap<Version<T, P>>;

    fn deref(&self) -> &Self::Target {
        &self.0.current
    }
}

/// A per-thread cached handle for the hottest paths: `load` is one atomic read when nothing
/// changed. It keeps the version it last saw alive until its next `load`, and keeps the
/// [`Live`] (and its reload thread) running while it exists.
pub struct LiveHandle<T: 'static, P: 'static = ()> {
    pub(crate) cache: Cache<SwapRef<T, P>, Arc<Version<T, P>>>,
    pub(crate) live: Live<T, P>,
}

impl<T: Send + Sync + 'static, P: Send + Sync + 'static> LiveHandle<T, P> {
    /// The current version.
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
    /// assert_eq!(handle.load().config.title, "Spring sale");
    /// std::fs::write(&path, "title = \"Summer sale\"\n")?;
    /// live.reload_now();
    /// assert_eq!(handle.load().config.title, "Summer sale");
    /// # Ok(()) }
    /// ```
    pub fn load(&mut self) -> &Arc<Version<T, P>> {
        self.cache.load()
    }

    /// The `Live` this handle reads from.
    ///
    /// ```
    /// # use config_runtime::*;
    /// # #[derive(serde::Deserialize)] struct Marketing { title: String }
    /// # static S: Schema = Schema::Struct(StructSchema { name: "Marketing", id: "doc::Marketing", doc: "", fields: &[Field { ident: "title", key: "title", aliases: &[], ty: <String as HasSchema>::SCHEMA, required: true, rules: &[], doc: "" }] });
    /// # impl HasSchema for Marketing { const SCHEMA: SchemaRef = SchemaRef(&raw const S); }
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?; let path = dir.path().join("marketing.toml");
    /// # std::fs::write(&path, "title = \"Spring sale\"\n")?;
    /// let handle = Live::<Marketing>::builder(&path).open()?.handle();
    /// assert_eq!(handle.live().status().version, 1);
    /// # Ok(()) }
    /// ```
    pub fn live(&self) -> &Live<T, P> {
        &self.live
    }
}

impl<T: Send + Sync + 'static, P: Send + Sync + 'static> Clone for LiveHandle<T, P> {
    fn clone(&self) -> Self {
        self.live.handle()
    }
}

impl<T: 'static, P: 'static> fmt::Debug for LiveHandle<T, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LiveHandle").field("live", &self.live).finish_non_exhaustive()
    }
}
