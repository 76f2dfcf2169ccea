//! Precomputed JSON payloads: compact JSON plus gzip and brotli bodies and a strong ETag per
//! encoding, computed once per config version on the reload thread, never per request.
//!
//! The incidents this answers: a 3 MB menu compressed at gzip-9 on every request, and a
//! payload whose size nobody saw before it shipped. Byte budgets make size a check: a body
//! over its budget is an error that `Live::try_prepare` turns into a rejected version, with
//! the rule id `max-json-bytes`, `max-gzip-bytes` or `max-br-bytes`.
//!
//! - [`JsonArtifact`] (`json`): one value, its bodies and ETags.
//! - [`SlicedArtifact`] (`sliced`): content that changes at known instants (a menu entry
//!   visible from Friday 00:00): one `JsonArtifact` per stretch of time between them, all
//!   prepared with the version, and the one in force picked per request by a binary search
//!   (budget `max_slices`, rule `max-slices`).
//! - This file: what both share, [`Encoding`] (and its negotiation), [`Level`],
//!   [`ArtifactError`] (with the rule each failure is reported under), [`ArtifactSizes`],
//!   and [`builds_total`], the process-wide count of artifacts built, which lets a test
//!   show that serving builds nothing.
//!
//! ```
//! use config_runtime::JsonArtifact;
//! use config_runtime::artifact::{Encoding, Level};
//! let menu = serde_json::json!({ "menu": [{ "title": "Shoes", "url": "/shoes" }] });
//! let a = JsonArtifact::new(&menu, Level::DEFAULT)?;
//! let enc = Encoding::negotiate("gzip, deflate, br;q=0.9");
//! assert_eq!(enc, Encoding::Gzip);
//! assert_eq!(a.body(enc), a.gzip());
//! assert!(a.etag(enc).ends_with("-gz\""));
//! # Ok::<(), config_runtime::artifact::ArtifactError>(())
//! ```

use chrono::{DateTime, Utc};
use serde::Serialize;
use std::io;
use std::sync::atomic::{AtomicU64, Ordering};

mod json;
mod sliced;

pub use json::{JsonArtifact, JsonArtifactBuilder};
pub use sliced::{DEFAULT_MAX_SLICES, SliceInfo, SlicedArtifact, SlicedArtifactBuilder};

/// Every build of a [`JsonArtifact`] so far, in this process (see [`builds_total`]).
static BUILDS: AtomicU64 = AtomicU64::new(0);

/// How many [`JsonArtifact`]s this process has started to build: by [`JsonArtifact::new`],
/// its builder, and once per slice held by a [`SlicedArtifact`]. Each build compresses its
/// JSON once per encoding, so a count that does not move across a burst of requests shows
/// that serving them compressed nothing (nor serialized anything into an artifact). It only
/// grows; builds refused by a byte budget count too. Every thread's builds count, so
/// compare two readings only where nothing else builds in between (a version prepared on
/// `Live`'s reload thread does).
///
/// ```
/// use config_runtime::artifact::{builds_total, Level, SlicedArtifact};
/// let before = builds_total();
/// let friday: chrono::DateTime<chrono::Utc> = "2026-11-27T00:00:00Z".parse()?;
/// let menu = SlicedArtifact::new([friday], Level::FAST, |at| at >= friday)?;
/// assert!(builds_total() >= before + 2, "one build per slice");
/// assert_eq!(menu.current(friday).json().as_ref(), b"true");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn builds_total() -> u64 {
    BUILDS.load(Ordering::Relaxed)
}

/// Counts one build (called by the one function that compresses an artifact's JSON).
fn count_build() {
    BUILDS.fetch_add(1, Ordering::Relaxed);
}

/// A content coding the artifact is stored in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Encoding {
    /// The compact JSON itself.
    Identity,
    Gzip,
    /// Brotli (`br`).
    Br,
}

impl Encoding {
    /// Every encoding, identity first.
    pub const ALL: [Encoding; 3] = [Encoding::Identity, Encoding::Gzip, Encoding::Br];

    /// The `Content-Encoding` header value (`None` for identity).
    ///
    /// ```
    /// # use config_runtime::artifact::Encoding;
    /// assert_eq!(Encoding::Br.content_encoding(), Some("br"));
    /// assert_eq!(Encoding::Identity.content_encoding(), None);
    /// ```
    pub const fn content_encoding(self) -> Option<&'static str> {
        match self {
            Encoding::Identity => None,
            Encoding::Gzip => Some("gzip"),
            Encoding::Br => Some("br"),
        }
    }

    /// Picks the encoding to send for an `Accept-Encoding` header: the acceptable compressed
    /// coding with the highest q-value (brotli on a tie), identity when neither is acceptable.
    ///
    /// ```
    /// # use config_runtime::artifact::Encoding;
    /// assert_eq!(Encoding::negotiate("gzip, br"), Encoding::Br);
    /// assert_eq!(Encoding::negotiate("br;q=0.5, gzip"), Encoding::Gzip);
    /// assert_eq!(Encoding::negotiate("*"), Encoding::Br);
    /// assert_eq!(Encoding::negotiate("br;q=0, *;q=0.1"), Encoding::Gzip);
    /// assert_eq!(Encoding::negotiate(""), Encoding::Identity);
    /// ```
    pub fn negotiate(accept_encoding: &str) -> Encoding {
        let (mut br, mut gzip, mut star) = (None, None, None);
        for part in accept_encoding.split(',') {
            let mut fields = part.split(';');
            let name = fields.next().unwrap_or("").trim();
            let q = fields
                .filter_map(|f| {
                    let (k, v) = f.split_once('=')?;
                    k.trim().eq_ignore_ascii_case("q").then(|| v.trim().parse::<f32>().unwrap_or(0.0))
                })
                .next_back()
                .unwrap_or(1.0);
            let slot = if name.eq_ignore_ascii_case("br") {
                &mut br
            } else if name.eq_ignore_ascii_case("gzip") || name.eq_ignore_ascii_case("x-gzip") {
                &mut gzip
            } else if name == "*" {
                &mut star
            } else {
                continue;
            };
            *slot = Some(q);
        }
        let br = br.or(star).unwrap_or(0.0);
        let gzip = gzip.or(star).unwrap_or(0.0);
        match (br > 0.0, gzip > 0.0) {
            (true, true) if gzip > br => Encoding::Gzip,
            (true, _) => Encoding::Br,
            (false, true) => Encoding::Gzip,
            (false, false) => Encoding::Identity,
        }
    }

    const fn index(self) -> usize {
        match self {
            Encoding::Identity => 0,
            Encoding::Gzip => 1,
            Encoding::Br => 2,
        }
    }

    const fn noun(self) -> &'static str {
        match self {
            Encoding::Identity => "JSON",
            Encoding::Gzip => "gzip body",
            Encoding::Br => "brotli body",
        }
    }

    const fn setting(self) -> &'static str {
        match self {
            Encoding::Identity => "max_json_bytes",
            Encoding::Gzip => "max_gzip_bytes",
            Encoding::Br => "max_br_bytes",
        }
    }
}

/// Compression effort: gzip level (0..=9) and brotli quality (0..=11).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Level {
    pub gzip: u32,
    pub brotli: u32,
}

impl Level {
    /// Cheapest: gzip 1, brotli 1.
    pub const FAST: Level = Level { gzip: 1, brotli: 1 };
    /// gzip 6, brotli 5: a few tens of ms for a 3 MB menu.
    pub const DEFAULT: Level = Level { gzip: 6, brotli: 5 };
    /// gzip 9, brotli 11: smallest bodies; seconds of CPU for multi-MB payloads.
    pub const BEST: Level = Level { gzip: 9, brotli: 11 };

    /// A level, each part clamped into its range.
    ///
    /// ```
    /// # use config_runtime::artifact::Level;
    /// assert_eq!(Level::new(12, 40), Level { gzip: 9, brotli: 11 });
    /// ```
    pub const fn new(gzip: u32, brotli: u32) -> Level {
        Level { gzip: if gzip > 9 { 9 } else { gzip }, brotli: if brotli > 11 { 11 } else { brotli } }
    }
}

impl Default for Level {
    fn default() -> Self {
        Level::DEFAULT
    }
}

/// Why an artifact could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ArtifactError {
    #[error("cannot serialize the value as JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("cannot compress the JSON ({encoding:?}): {source}")]
    Compress { encoding: Encoding, source: io::Error },
    /// A body is over its budget.
    #[error("the {} is {bytes} bytes, over the budget of {max} bytes ({})", .encoding.noun(), .encoding.setting())]
    Budget { encoding: Encoding, bytes: usize, max: usize },
    /// A [`SlicedArtifact`] would hold more slices than its budget.
    #[error("the content changes {} times, which needs {slices} time slices, over the budget of {max} (max_slices)", .slices.saturating_sub(1))]
    TooManySlices { slices: usize, max: usize },
    /// Building the [`JsonArtifact`] of one slice of a [`SlicedArtifact`] failed.
    #[error("in the time slice from {}: {source}", .start.map_or_else(|| "the beginning".to_owned(), |s| s.to_rfc3339()))]
    Slice {
        /// The slice's first instant (`None`: the slice before the first change).
        start: Option<DateTime<Utc>>,
        source: Box<ArtifactError>,
    },
}

impl ArtifactError {
    /// The rule id this failure is reported under when it rejects a version.
    ///
    /// ```
    /// # use config_runtime::artifact::ArtifactError;
    /// # use config_runtime::JsonArtifact;
    /// let err = JsonArtifact::builder().max_gzip_bytes(4).build(&vec![1, 2, 3]).unwrap_err();
    /// assert_eq!(err.rule(), config_runtime::RuleId::MaxGzipBytes);
    /// assert_eq!(err.rule().id(), "max-gzip-bytes");
    /// ```
    pub fn rule(&self) -> config_core::RuleId {
        use config_core::RuleId;
        match self {
            ArtifactError::Budget { encoding: Encoding::Identity, .. } => RuleId::MaxJsonBytes,
            ArtifactError::Budget { encoding: Encoding::Gzip, .. } => RuleId::MaxGzipBytes,
            ArtifactError::Budget { encoding: Encoding::Br, .. } => RuleId::MaxBrBytes,
            ArtifactError::TooManySlices { .. } => RuleId::MaxSlices,
            ArtifactError::Slice { source, .. } => source.rule(),
            ArtifactError::Json(_) | ArtifactError::Compress { .. } => RuleId::Artifact,
        }
    }
}

/// The sizes of an artifact's bodies, in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ArtifactSizes {
    pub json: usize,
    pub gzip: usize,
    pub br: usize,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn every_build_is_counted() {
        let before = builds_total();
        JsonArtifact::new(&[1, 2, 3], Level::FAST).unwrap();
        let refused = JsonArtifact::builder().max_json_bytes(1).build(&"too long");
        assert!(refused.is_err());
        let at = |h: i64| DateTime::UNIX_EPOCH + chrono::TimeDelta::hours(h);
        let sliced = SlicedArtifact::new([at(1), at(2)], Level::FAST, |t| t >= at(1)).unwrap();
        assert_eq!((sliced.slice_count(), sliced.builds()), (2, 2), "the last boundary changes nothing");
        // 1 + 1 refused + 2 slices; other tests of this binary may build at the same time
        let after = builds_total();
        assert!(after >= before + 4, "{before} -> {after}");
    }
}
