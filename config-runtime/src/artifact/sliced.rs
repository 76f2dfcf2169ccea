//! [`SlicedArtifact`]: content that changes at known instants (a menu entry visible from
//! Friday 00:00, a banner until Monday 09:00), served with no work per request.
//!
//! A version's *boundaries* are the instants where what is served changes. Between two
//! consecutive boundaries lies a *slice*, half-open `[start, end)`: the slice before the
//! first boundary, one from each boundary to the next, and one from the last boundary on.
//! Each slice gets its own [`JsonArtifact`] (JSON, gzip, brotli, strong ETags), all built
//! when the version is prepared (on `Live`'s reload thread, in `try_prepare`), so the bytes
//! of a slice exist before its start. A request only picks the slice containing its
//! instant: a binary search over at most `max_slices` starts, no allocation, no
//! serialization, no compression. The switch happens exactly at the boundary instant.
//!
//! Why everything is prepared up front rather than slice by slice ahead of its start: a
//! lazy slice would have to be built by someone, and the only thread guaranteed to be there
//! at the right moment is a request's. The budget [`max_slices`](SlicedArtifactBuilder::max_slices)
//! (default 64, rule `max-slices`) bounds what up front costs; boundaries already past when
//! the version is prepared can be dropped with
//! [`not_before`](SlicedArtifactBuilder::not_before) so old entries do not use it up.

use super::{ArtifactError, JsonArtifact, JsonArtifactBuilder, Level};
use crate::clock::Clock;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// One prepared slice after the first: in force from `start` until the next one's start.
#[derive(Clone, Debug)]
struct Slice {
    start: DateTime<Utc>,
    artifact: JsonArtifact,
}

/// A slice as listed by [`SlicedArtifact::slices`]: `[start, end)`, `None` for an open end.
#[derive(Clone, Copy, Debug)]
pub struct SliceInfo<'a> {
    /// First instant of the slice; `None` for the slice before the first boundary.
    pub start: Option<DateTime<Utc>>,
    /// First instant after it; `None` for the last slice.
    pub end: Option<DateTime<Utc>>,
    pub artifact: &'a JsonArtifact,
}

/// The default of [`SlicedArtifactBuilder::max_slices`].
pub const DEFAULT_MAX_SLICES: usize = 64;

/// Settings for [`SlicedArtifact`]: each slice's [`JsonArtifactBuilder`] (level, byte
/// budgets), the slice budget, and the instant before which boundaries are dropped.
#[derive(Clone, Copy, Debug)]
pub struct SlicedArtifactBuilder {
    artifact: JsonArtifactBuilder,
    max_slices: usize,
    not_before: Option<DateTime<Utc>>,
}

impl Default for SlicedArtifactBuilder {
    fn default() -> Self {
        SlicedArtifactBuilder {
            artifact: JsonArtifactBuilder::default(),
            max_slices: DEFAULT_MAX_SLICES,
            not_before: None,
        }
    }
}

impl SlicedArtifactBuilder {
    /// How each slice's artifact is built: its level and byte budgets (each slice must
    /// meet them).
    ///
    /// ```
    /// # use config_runtime::{JsonArtifact, artifact::SlicedArtifact};
    /// let err = SlicedArtifact::builder()
    ///     .artifact(JsonArtifact::builder().max_json_bytes(4))
    ///     .build(None, |_| "too long")
    ///     .unwrap_err();
    /// assert_eq!(err.rule().id(), "max-json-bytes");
    /// ```
    pub fn artifact(mut self, artifact: JsonArtifactBuilder) -> Self {
        self.artifact = artifact;
        self
    }

    /// Compression level of every slice (shorthand for [`artifact`](Self::artifact) with
    /// only a level).
    pub fn level(mut self, level: Level) -> Self {
        self.artifact = self.artifact.level(level);
        self
    }

    /// At most this many slices (at least 1; default [`DEFAULT_MAX_SLICES`]). More is the
    /// error [`ArtifactError::TooManySlices`], rule `max-slices`, raised before any slice
    /// is built.
    ///
    /// ```
    /// # use config_runtime::artifact::{ArtifactError, SlicedArtifact};
    /// let at = |h: u32| chrono::DateTime::UNIX_EPOCH + chrono::TimeDelta::hours(h.into());
    /// let err = SlicedArtifact::builder().max_slices(2).build([at(1), at(2)], |_| 0).unwrap_err();
    /// assert!(matches!(err, ArtifactError::TooManySlices { slices: 3, max: 2 }));
    /// assert_eq!(err.rule().id(), "max-slices");
    /// ```
    pub fn max_slices(mut self, max: usize) -> Self {
        self.max_slices = max.max(1);
        self
    }

    /// Drops the boundaries at or before `at` (pass the reload's "now"): the slices that
    /// ended before it are never served again, so they neither count against the budget nor
    /// get built. The first slice is then built for `at` and also answers for earlier
    /// instants (a clock set back is served the content of `at`).
    ///
    /// ```
    /// # use config_runtime::artifact::SlicedArtifact;
    /// let at = |h: u32| chrono::DateTime::UNIX_EPOCH + chrono::TimeDelta::hours(h.into());
    /// let a = SlicedArtifact::builder().max_slices(2).not_before(at(5)).build((1..=6).map(at), |t| t)?;
    /// assert_eq!(a.slice_count(), 2);
    /// assert_eq!(a.current(at(5)).json().as_ref(), br#""1970-01-01T05:00:00Z""#);
    /// # Ok::<(), config_runtime::artifact::ArtifactError>(())
    /// ```
    pub fn not_before(mut self, at: DateTime<Utc>) -> Self {
        self.not_before = Some(at);
        self
    }

    /// Builds one artifact per slice. `boundaries` may come in any order and repeat;
    /// `slice_value(at)` is the value in force at `at` and is called once per slice with
    /// its start (for the slice before the first boundary: the `not_before` instant, else
    /// [`DateTime::<Utc>::MIN_UTC`]). Adjacent slices whose JSON is equal are merged, so a
    /// boundary that changes nothing costs one serialization and no compression.
    pub fn build<V: Serialize>(
        self,
        boundaries: impl IntoIterator<Item = DateTime<Utc>>,
        mut slice_value: impl FnMut(DateTime<Utc>) -> V,
    ) -> Result<SlicedArtifact, ArtifactError> {
        let first_at = self.not_before.unwrap_or(DateTime::<Utc>::MIN_UTC);
        let mut starts: Vec<DateTime<Utc>> = boundaries.into_iter().filter(|b| *b > first_at).collect();
        starts.sort_unstable();
        starts.dedup();
        let slices = starts.len() + 1;
        if slices > self.max_slices {
            return Err(ArtifactError::TooManySlices { slices, max: self.max_slices });
        }
        let in_slice = |start: Option<DateTime<Utc>>| {
            move |e: ArtifactError| ArtifactError::Slice { start, source: Box::new(e) }
        };
        let mut values = 1;
        let json = serde_json::to_vec(&slice_value(first_at)).map_err(|e| in_slice(None)(e.into()))?;
        let first = self.artifact.build_json(json).map_err(in_slice(None))?;
        let mut builds = 1;
        let mut later: Vec<Slice> = Vec::with_capacity(starts.len());
        for start in starts {
            values += 1;
            let json =
                serde_json::to_vec(&slice_value(start)).map_err(|e| in_slice(Some(start))(e.into()))?;
            let previous = later.last().map_or(&first, |s| &s.artifact);
            if previous.json().as_ref() == json.as_slice() {
                continue;
            }
            let artifact = self.artifact.build_json(json).map_err(in_slice(Some(start)))?;
            builds += 1;
            later.push(Slice { start, artifact });
        }
        Ok(SlicedArtifact { first, later, values, builds })
    }
}

/// Content that changes at known instants (the *boundaries*): one prepared
/// [`JsonArtifact`] per slice of time between consecutive boundaries, and the one in force
/// picked per request.
///
/// Slices are half-open, `[start, end)`: the slice before the first boundary, one from each
/// boundary to the next, one from the last boundary on; the switch happens exactly at the
/// boundary instant. Every slice is built when the version is prepared (in `Live`'s
/// `try_prepare`, on the reload thread), so the bytes of a slice exist before its start;
/// [`current`](Self::current) is a binary search over at most `max_slices` starts, with no
/// allocation, serialization or compression.
///
/// ```
/// use chrono::{DateTime, Utc};
/// use config_runtime::artifact::{Encoding, Level, SlicedArtifact};
///
/// struct Entry { title: &'static str, visible_from: Option<DateTime<Utc>>, visible_until: Option<DateTime<Utc>> }
/// let friday: DateTime<Utc> = "2026-11-26T22:00:00Z".parse()?; // Friday 00:00 in Kyiv
/// let monday: DateTime<Utc> = "2026-11-30T22:00:00Z".parse()?;
/// let menu = [
///     Entry { title: "Shoes", visible_from: None, visible_until: None },
///     Entry { title: "Black Friday", visible_from: Some(friday), visible_until: Some(monday) },
/// ];
/// // where the served menu changes, and the menu in force at an instant
/// let boundaries = menu.iter().flat_map(|e| [e.visible_from, e.visible_until]).flatten();
/// let visible_at = |at: DateTime<Utc>| -> Vec<&str> {
///     menu.iter()
///         .filter(|e| e.visible_from.is_none_or(|f| f <= at) && e.visible_until.is_none_or(|u| at < u))
///         .map(|e| e.title)
///         .collect()
/// };
/// let sliced = SlicedArtifact::new(boundaries, Level::FAST, visible_at)?;
/// assert_eq!(sliced.slice_count(), 3);
///
/// // per request: a binary search, then the prepared bytes
/// let second = chrono::TimeDelta::seconds(1);
/// assert_eq!(sliced.current(friday - second).json().as_ref(), br#"["Shoes"]"#);
/// assert_eq!(sliced.current(friday).json().as_ref(), br#"["Shoes","Black Friday"]"#);
/// assert_eq!(sliced.current(monday).json().as_ref(), br#"["Shoes"]"#);
/// assert_ne!(sliced.current(friday).etag(Encoding::Br), sliced.current(monday).etag(Encoding::Br));
/// // until when a response may be cached
/// assert_eq!(sliced.next_change(friday), Some(monday));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct SlicedArtifact {
    /// In force before the first of `later` (or always, if there is none).
    first: JsonArtifact,
    /// Sorted by `start`, strictly increasing; adjacent artifacts differ.
    later: Vec<Slice>,
    values: usize,
    builds: usize,
}

impl SlicedArtifact {
    /// Builds with the default settings at `level` (see [`SlicedArtifactBuilder::build`]).
    pub fn new<V: Serialize>(
        boundaries: impl IntoIterator<Item = DateTime<Utc>>,
        level: Level,
        slice_value: impl FnMut(DateTime<Utc>) -> V,
    ) -> Result<SlicedArtifact, ArtifactError> {
        SlicedArtifact::builder().level(level).build(boundaries, slice_value)
    }

    /// Settings: each slice's artifact builder, `max_slices`, `not_before`.
    pub fn builder() -> SlicedArtifactBuilder {
        SlicedArtifactBuilder::default()
    }

    /// The artifact of the slice containing `now` (`start <= now < end`): a binary search,
    /// nothing built.
    pub fn current(&self, now: DateTime<Utc>) -> &JsonArtifact {
        let after = self.later.partition_point(|s| s.start <= now);
        match after.checked_sub(1).and_then(|i| self.later.get(i)) {
            Some(slice) => &slice.artifact,
            None => &self.first,
        }
    }

    /// The artifact in force at `clock`'s now.
    ///
    /// ```
    /// # use config_runtime::{artifact::{Level, SlicedArtifact}, clock::ManualClock};
    /// let friday: chrono::DateTime<chrono::Utc> = "2026-11-27T00:00:00Z".parse()?;
    /// let clock = ManualClock::new(friday);
    /// let a = SlicedArtifact::new([friday], Level::FAST, |at| at >= friday)?;
    /// assert_eq!(a.current_by(&clock).json().as_ref(), b"true");
    /// clock.advance(-chrono::TimeDelta::nanoseconds(1));
    /// assert_eq!(a.current_by(&clock).json().as_ref(), b"false");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn current_by(&self, clock: &(impl Clock + ?Sized)) -> &JsonArtifact {
        self.current(clock.now())
    }

    /// The next instant after `now` where the served artifact changes, `None` if it never
    /// does: a response served at `now` must not be cached past it.
    pub fn next_change(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let after = self.later.partition_point(|s| s.start <= now);
        self.later.get(after).map(|s| s.start)
    }

    /// Number of slices held (adjacent slices with equal content count once).
    pub fn slice_count(&self) -> usize {
        self.later.len() + 1
    }

    /// Every slice in time order.
    ///
    /// ```
    /// # use config_runtime::artifact::{Level, SlicedArtifact};
    /// let noon: chrono::DateTime<chrono::Utc> = "2026-11-27T12:00:00Z".parse()?;
    /// let a = SlicedArtifact::new([noon], Level::FAST, |at| at >= noon)?;
    /// let spans: Vec<_> = a.slices().map(|s| (s.start, s.end)).collect();
    /// assert_eq!(spans, [(None, Some(noon)), (Some(noon), None)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn slices(&self) -> impl Iterator<Item = SliceInfo<'_>> {
        let starts = std::iter::once(None).chain(self.later.iter().map(|s| Some(s.start)));
        let ends = self.later.iter().map(|s| Some(s.start)).chain(std::iter::once(None));
        let artifacts = std::iter::once(&self.first).chain(self.later.iter().map(|s| &s.artifact));
        starts.zip(ends).zip(artifacts).map(|((start, end), artifact)| SliceInfo { start, end, artifact })
    }

    /// How many values were serialized to build this (one per slice before merging): fixed
    /// once built, since [`current`](Self::current) serializes nothing.
    pub fn serializations(&self) -> usize {
        self.values
    }

    /// How many artifacts were compressed to build this (one per slice held): fixed once
    /// built, since [`current`](Self::current) compresses nothing.
    pub fn builds(&self) -> usize {
        self.builds
    }
}
