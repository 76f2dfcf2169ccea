//! Why a `Live` could not be built. Once built, it never fails: problems with later
//! versions are reported through `status()` and `reload_now()` instead.

use super::report::ErrorReport;
use std::path::PathBuf;

/// A failure of `open()` or `watch()`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LiveError {
    /// The file was rejected at start and no fallback was configured (or the fallback's
    /// `prepare` failed). Every finding names file, line and column.
    #[error("{0}")]
    Rejected(Box<ErrorReport>),
    /// The file could not be read at start and no fallback was configured.
    #[error("{0}")]
    Io(Box<ErrorReport>),
    /// The parent directory could not be watched (and no `poll_every` safety net was set).
    #[error("{file}: cannot watch the directory {dir}: {source}")]
    Watch {
        file: String,
        dir: PathBuf,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The reload thread could not be started.
    #[error("{file}: cannot start the reload thread: {source}")]
    Spawn {
        file: String,
        #[source]
        source: std::io::Error,
    },
    /// A builder setting is out of range.
    #[error("{file}: {message}")]
    Setting { file: String, message: String },
}
