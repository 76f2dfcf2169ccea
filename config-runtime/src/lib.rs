//! Checked, baked and hot-reloaded config for Rust services.
//!
//! This is the one crate an app depends on. It re-exports the `Config` derive and the
//! core types, and adds the run-time pieces.

pub use config_core::zone::tzdb_version;
pub use config_core::{
    Baked, Diagnostic, Diagnostics, Field, HasSchema, Num, Rule, RuleId, Schema, SchemaRef, Severity,
    StructSchema, check_str, check_value,
};
pub use config_macros::Config;

/// Used by generated code; not a stable API.
#[doc(hidden)]
pub mod __private {
    pub use config_core as core;
    pub use std;
}

pub mod artifact;
pub mod clock;
pub mod compress;
pub mod live;
#[cfg(feature = "metrics")]
pub mod metrics;
#[doc = include_str!("docs/reload_semantics.md")]
pub mod reload_semantics {}
pub use artifact::{JsonArtifact, SlicedArtifact};
pub use live::{
    Built, ConfigValue, ContentHash, ErrorReport, Live, LiveBuilder, LiveError, LiveHandle, Outcome,
    Snapshot, Status, Version,
};
