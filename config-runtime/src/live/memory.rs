//! What `Live` remembers between reloads, so that a content seen recently is never parsed
//! again: the last accepted versions, whole (for an instant rollback), and the last rejected
//! contents, by identity, with their findings.
//!
//! Both are bounded and evict the least recently seen first. Kept versions: `keep_versions`
//! of them (the served one included), each holding its whole config and prepared data, so
//! they cost memory in proportion to the config. Remembered rejections:
//! [`REMEMBERED_REJECTIONS`] of them, each holding a hash (or, for a file over the size cap,
//! its size and modification time) and its findings, not the file's text: the text for code
//! frames is taken again from the bytes just read, which hash the same. A shrink-guard
//! rejection depends on the version it was judged against, so it is remembered only for
//! that version: once another one is served, the same bytes are judged again.

use super::hash::ContentHash;
use super::report::ErrorReport;
use super::snapshot::Built;
use std::collections::VecDeque;
use std::sync::Arc;
use std::time::SystemTime;

/// How many distinct rejected contents are remembered (the most recently seen ones).
pub const REMEMBERED_REJECTIONS: usize = 64;

/// Identity of a rejected content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum RejectedKey {
    Hash(ContentHash),
    /// Over the cap: never read whole, so known by size and modification time.
    TooBig {
        len: u64,
        modified: Option<SystemTime>,
    },
}

/// One accepted content, kept ready to be published again.
pub(crate) struct Kept<T: 'static, P: 'static> {
    pub(crate) built: Arc<Built<T, P>>,
    pub(crate) hash: ContentHash,
    /// Its value count, for the shrink guard (when the guard is on).
    pub(crate) values: Option<u64>,
    /// The number it was last published as.
    pub(crate) number: u64,
}

/// The last accepted versions, least recently served first; the last one is being served.
pub(crate) struct KeptVersions<T: 'static, P: 'static> {
    kept: VecDeque<Kept<T, P>>,
    capacity: usize,
}

impl<T: 'static, P: 'static> KeptVersions<T, P> {
    /// Room for `capacity` versions (at least the served one).
    pub(crate) fn new(capacity: usize) -> Self {
        let capacity = capacity.max(1);
        KeptVersions { kept: VecDeque::with_capacity(capacity), capacity }
    }

    /// The version being served, unless that is the baked fallback.
    pub(crate) fn served(&self) -> Option<&Kept<T, P>> {
        self.kept.back()
    }

    /// Takes out the kept version of content `hash` (never the served one) to serve it again.
    pub(crate) fn take(&mut self, hash: ContentHash) -> Option<Kept<T, P>> {
        let last = self.kept.len().checked_sub(1)?;
        let at = self.kept.iter().take(last).position(|k| k.hash == hash)?;
        self.kept.remove(at)
    }

    /// Records `kept` as the served version; forgets the least recently served beyond the
    /// capacity (dropped here, on the reload thread, unless a reader still holds it).
    pub(crate) fn serve(&mut self, kept: Kept<T, P>) {
        self.kept.retain(|k| k.hash != kept.hash);
        self.kept.push_back(kept);
        while self.kept.len() > self.capacity {
            self.kept.pop_front();
        }
    }

    /// How many versions are kept.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.kept.len()
    }
}

/// One remembered rejection.
struct Rejection {
    key: RejectedKey,
    /// The findings, without the file's text when `text_frames` (it comes back from the bytes).
    report: ErrorReport,
    text_frames: bool,
    /// For a shrink-guard verdict: the served content it was judged against.
    judged_against: Option<ContentHash>,
}

/// The last [`REMEMBERED_REJECTIONS`] rejected contents, least recently seen first.
#[derive(Default)]
pub(crate) struct RejectedMemory {
    entries: VecDeque<Rejection>,
}

impl RejectedMemory {
    /// The findings remembered for `key` while `served` is the served content, with the
    /// file's text decoded again from `bytes` when they had it. A hit becomes the most
    /// recently seen.
    pub(crate) fn recall(
        &mut self,
        key: &RejectedKey,
        served: Option<ContentHash>,
        bytes: Option<&[u8]>,
    ) -> Option<ErrorReport> {
        let at = self
            .entries
            .iter()
            .position(|r| r.key == *key && r.judged_against.is_none_or(|against| Some(against) == served))?;
        let hit = self.entries.remove(at)?;
        let text = bytes.filter(|_| hit.text_frames).and_then(|b| std::str::from_utf8(b).ok());
        let report = match text {
            Some(text) => hit.report.clone().with_text(text),
            None => hit.report.clone(),
        };
        self.entries.push_back(hit);
        Some(report)
    }

    /// Remembers that `key` was rejected with `report`; `text` is the text it was judged
    /// from (if any), `judged_against` the served content a shrink verdict depends on (one
    /// verdict per content and served version).
    pub(crate) fn remember(
        &mut self,
        key: RejectedKey,
        report: &ErrorReport,
        text: Option<&str>,
        judged_against: Option<ContentHash>,
    ) {
        self.entries.retain(|r| r.key != key || r.judged_against != judged_against);
        let (report, text_frames) = report.without_text(text);
        self.entries.push_back(Rejection { key, report, text_frames, judged_against });
        while self.entries.len() > REMEMBERED_REJECTIONS {
            self.entries.pop_front();
        }
    }

    /// Forgets every verdict on content `hash` (it was just accepted).
    pub(crate) fn forget(&mut self, hash: ContentHash) {
        self.entries.retain(|r| r.key != RejectedKey::Hash(hash));
    }

    /// How many rejections are remembered.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests;
