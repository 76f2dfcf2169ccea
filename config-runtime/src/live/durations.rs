//! How long reloads take, as a fixed-bucket histogram: the one thing about reloads that a
//! scrape-time reading of [`Status`](super::Status) cannot give (it keeps only the last
//! published version's timings). Every reload is observed, whatever its outcome.

use std::time::Duration;

/// Upper bounds of the buckets, in seconds (the last, implicit bucket is `+Inf`).
pub const RELOAD_DURATION_BUCKETS: [f64; 12] =
    [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5];

/// Reload durations so far: per-bucket counts (not cumulative), their sum and count. See
/// [`crate::Live::reload_durations`].
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct ReloadDurations {
    /// One count per bound of [`RELOAD_DURATION_BUCKETS`], then the `+Inf` bucket.
    pub buckets: [u64; RELOAD_DURATION_BUCKETS.len() + 1],
    /// Sum of all observed durations, in seconds.
    pub sum_seconds: f64,
    /// Number of reloads observed.
    pub count: u64,
}

impl ReloadDurations {
    /// Counts one reload that took `took`.
    pub(crate) fn observe(&mut self, took: Duration) {
        let seconds = took.as_secs_f64();
        let slot = RELOAD_DURATION_BUCKETS.iter().position(|bound| seconds <= *bound);
        let slot = slot.unwrap_or(RELOAD_DURATION_BUCKETS.len());
        if let Some(n) = self.buckets.get_mut(slot) {
            *n += 1;
        }
        self.sum_seconds += seconds;
        self.count += 1;
    }

    /// `(upper bound in seconds, count)` per bucket, not cumulative, `+Inf` last.
    pub fn by_bound(&self) -> Vec<(f64, u64)> {
        RELOAD_DURATION_BUCKETS.iter().copied().chain([f64::INFINITY]).zip(self.buckets).collect()
    }
}
