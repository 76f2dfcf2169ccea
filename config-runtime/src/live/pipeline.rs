//! One reload, start to finish: read with a cap, hash, skip what was already judged (the
//! served content, a kept version to roll back to, a remembered rejection), decode, load
//! (parse, check, deserialize), guard against shrinkage, prepare, and build the version.
//!
//! Everything here runs on the reload thread (or the caller of `open`/`reload_now`), never
//! on a reader. User code (the loader, `prepare`) runs under `catch_unwind`: a panic rejects
//! the version like any other finding. The state kept between runs: the kept versions and
//! the remembered rejections (`memory`, both bounded), the counters, and the versions
//! retired but still held by some reader.

use super::hash::ContentHash;
use super::memory::{Kept, KeptVersions, RejectedKey, RejectedMemory};
use super::read::{ReadError, read_source};
use super::report::{ErrorKind, ErrorReport};
use super::shrink;
use super::snapshot::{Built, ConfigValue, Version};
use super::status::{Outcome, Source, Status, Timings};
use crate::artifact::ArtifactError;
use chrono::Utc;
use config_core::{Diagnostics, RuleId};
use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

/// Parses, checks and deserializes `(file name, text)`: `config_core::check_str` by default.
pub(crate) type LoaderFn<T> = Box<dyn Fn(&str, &str) -> Result<T, Diagnostics> + Send + Sync>;
/// Derives the per-version data.
pub(crate) type PrepareFn<T, P> = Box<dyn Fn(&T) -> Result<P, PrepareError> + Send + Sync>;
/// Any error a `try_prepare` closure returns.
pub(crate) type PrepareError = Box<dyn std::error::Error + Send + Sync>;

/// The builder's settings, fixed for the life of a `Live`.
#[derive(Debug)]
pub(crate) struct Settings {
    pub(crate) path: PathBuf,
    /// The path as given, used as the file name in findings.
    pub(crate) name: String,
    pub(crate) max_file_bytes: u64,
    pub(crate) max_shrink: Option<f64>,
    /// Accepted versions kept for a rollback, the served one included (at least 1).
    pub(crate) keep_versions: usize,
}

/// Whether the shrink guard and the skip of remembered rejections apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    Guarded,
    /// For an intended large cut: every check but the shrink guard, and bytes rejected
    /// before are judged again.
    Unguarded,
}

/// A content that passed every check, ready to become a version.
pub(crate) struct Ready<T, P> {
    config: T,
    prepared: P,
    hash: ContentHash,
    bytes: usize,
    values: Option<u64>,
    timings: Timings,
    started: Instant,
}

/// A kept version whose content is back, ready to be published again.
pub(crate) struct Rollback<T: 'static, P: 'static> {
    kept: Kept<T, P>,
    timings: Timings,
    started: Instant,
}

/// The result of examining the file.
enum Examined<T: 'static, P: 'static> {
    /// A new content passed every check.
    Ready(Ready<T, P>),
    /// The content of a kept version.
    Kept(Rollback<T, P>),
    /// Nothing to publish.
    Done(Outcome),
}

/// The reload state machine.
pub(crate) struct Reloader<T: 'static, P: 'static> {
    pub(crate) settings: Settings,
    loader: LoaderFn<T>,
    prepare: PrepareFn<T, P>,
    /// The last accepted versions; the last one is served (none while serving the baked value).
    kept: KeptVersions<T, P>,
    rejected: RejectedMemory,
    in_io_episode: bool,
    pub(crate) status: Status,
    /// Replaced versions still referenced by a reader; dropped here once they are not.
    retired: Vec<Arc<Version<T, P>>>,
}

impl<T: 'static, P: 'static> Reloader<T, P> {
    pub(crate) fn new(settings: Settings, loader: LoaderFn<T>, prepare: PrepareFn<T, P>) -> Self {
        let status = Status::new(settings.name.clone());
        let kept = KeptVersions::new(settings.keep_versions);
        Reloader {
            settings,
            loader,
            prepare,
            kept,
            rejected: RejectedMemory::default(),
            in_io_episode: false,
            status,
            retired: Vec::new(),
        }
    }

    /// Reads and judges the file; what passes becomes the next version, numbered
    /// `serving + 1` (`serving` is the number of the version being served). `Err` carries
    /// the outcome of a reload that publishes nothing.
    pub(crate) fn next_version(
        &mut self,
        mode: Mode,
        serving: u64,
    ) -> Result<(Version<T, P>, Outcome), Outcome> {
        let published = match self.examine(mode, serving) {
            Examined::Ready(ready) => Ok(self.accept(ready, serving + 1)),
            Examined::Kept(rollback) => Ok(self.roll_back(rollback, serving, serving + 1)),
            Examined::Done(out) => Err(out),
        };
        let out = match &published {
            Ok((_, out)) | Err(out) => out,
        };
        self.status.reloads.count(out);
        published
    }

    /// Reads and judges the file.
    fn examine(&mut self, mode: Mode, serving: u64) -> Examined<T, P> {
        let started = Instant::now();
        let mut timings = Timings::default();
        let name = self.settings.name.clone();
        let bytes = match read_source(&self.settings.path, self.settings.max_file_bytes) {
            Ok(b) => b,
            Err(ReadError::TooBig { len, modified }) => {
                self.in_io_episode = false;
                let key = RejectedKey::TooBig { len, modified };
                let cap = self.settings.max_file_bytes;
                let msg = format!(
                    "the file has {len} bytes or more, over the {cap}-byte cap (max_file_bytes); it was not parsed"
                );
                let report =
                    ErrorReport::whole_file(&name, ErrorKind::Rejected, RuleId::MaxFileBytes, msg, None);
                return self.recall_or_reject(key, report, mode);
            }
            Err(ReadError::Refused { compressed, rule, message, help }) => {
                self.in_io_episode = false;
                let report = ErrorReport::whole_file(&name, ErrorKind::Rejected, rule, message, help);
                return self.recall_or_reject(RejectedKey::Hash(compressed), report, mode);
            }
            Err(ReadError::NotAFile(what)) => {
                let msg = format!("the path is {what}, not a file; serving version {serving}");
                let report = ErrorReport::whole_file(&name, ErrorKind::Io, RuleId::NotAFile, msg, None);
                return Examined::Done(self.io_failure(report));
            }
            Err(ReadError::Io(e)) => {
                let msg = format!("cannot read the file: {e}; serving version {serving}");
                let report = ErrorReport::whole_file(&name, ErrorKind::Io, RuleId::Io, msg, None);
                return Examined::Done(self.io_failure(report));
            }
        };
        self.in_io_episode = false;
        timings.read_us = micros(started);

        let t = Instant::now();
        let hash = ContentHash::of(&bytes);
        timings.hash_us = micros(t);
        let served = self.kept.served().map(|k| (k.hash, k.values));
        if served.is_some_and(|(h, _)| h == hash) {
            self.status.skipped_identical += 1;
            self.status.last_error = None;
            return Examined::Done(Outcome::Unchanged { version: serving });
        }
        if let Some(kept) = self.kept.take(hash) {
            return Examined::Kept(Rollback { kept, timings, started });
        }
        if mode == Mode::Guarded
            && let Some(report) =
                self.rejected.recall(&RejectedKey::Hash(hash), served.map(|(h, _)| h), Some(&bytes))
        {
            return Examined::Done(self.still_rejected(report));
        }

        self.status.parses += 1;
        let key = RejectedKey::Hash(hash);
        let t = Instant::now();
        let text = match std::str::from_utf8(&bytes) {
            Ok(s) => s,
            Err(e) => {
                let report = encoding_report(&name, &bytes, e.valid_up_to());
                return self.reject(key, report, None, None);
            }
        };
        let config = match catch_unwind(AssertUnwindSafe(|| (self.loader)(&name, text))) {
            Ok(Ok(c)) => c,
            Ok(Err(d)) => return self.reject(key, ErrorReport::from_diagnostics(d), Some(text), None),
            Err(p) => return self.reject(key, panic_report(&name, "the loader", &*p), Some(text), None),
        };
        timings.parse_us = micros(t);

        let t = Instant::now();
        let values = self.settings.max_shrink.map(|_| shrink::count_values(text));
        if let (Some(max), Some(after), Some((served_hash, Some(before))), Mode::Guarded) =
            (self.settings.max_shrink, values, served, mode)
            && let Err(msg) = shrink::check(before, after, max)
        {
            let help = Some("if the cut is intended, call `reload_now_unguarded()` or restart".to_owned());
            let report = ErrorReport::whole_file(&name, ErrorKind::Rejected, RuleId::Shrink, msg, help);
            return self.reject(key, report, None, Some(served_hash));
        }
        timings.guard_us = micros(t);

        let t = Instant::now();
        let prepared = match self.run_prepare(&config) {
            Ok(p) => p,
            Err(report) => return self.reject(key, report, Some(text), None),
        };
        timings.prepare_us = micros(t);
        Examined::Ready(Ready { config, prepared, hash, bytes: bytes.len(), values, timings, started })
    }

    /// Runs `prepare` on `config`, catching panics, turning errors into located findings.
    pub(crate) fn run_prepare(&self, config: &T) -> Result<P, ErrorReport> {
        let name = &self.settings.name;
        match catch_unwind(AssertUnwindSafe(|| (self.prepare)(config))) {
            Ok(Ok(p)) => Ok(p),
            Ok(Err(e)) => Err(prepare_report(name, e)),
            Err(p) => Err(panic_report(name, "prepare", &*p)),
        }
    }

    /// Turns a ready content into version `number`, recording it as served (and kept).
    fn accept(&mut self, ready: Ready<T, P>, number: u64) -> (Version<T, P>, Outcome) {
        let Ready { config, prepared, hash, bytes, values, mut timings, started } = ready;
        let built =
            Arc::new(Built { config: ConfigValue::Loaded(config), prepared, hash: Some(hash), bytes });
        let version = Version::new(Arc::clone(&built), number, Utc::now());
        self.kept.serve(Kept { built, hash, values, number });
        self.rejected.forget(hash);
        timings.total_us = micros(started);
        self.status.accepted += 1;
        self.record_served(number, hash, bytes, &version, timings);
        tracing::info!(
            target: "config_runtime::live",
            file = %self.settings.name,
            version = number,
            hash = %hash.short(),
            bytes,
            read_us = timings.read_us,
            hash_us = timings.hash_us,
            parse_us = timings.parse_us,
            guard_us = timings.guard_us,
            prepare_us = timings.prepare_us,
            total_us = timings.total_us,
            "config version accepted"
        );
        (version, Outcome::Accepted { version: number, hash, timings })
    }

    /// The status of a file version now served (accepted or rolled back to).
    fn record_served(
        &mut self,
        number: u64,
        hash: ContentHash,
        bytes: usize,
        version: &Version<T, P>,
        timings: Timings,
    ) {
        let s = &mut self.status;
        s.version = number;
        s.source = Source::File;
        s.hash = Some(hash.to_hex());
        s.bytes = bytes;
        s.last_error = None;
        s.last_success_at = Some(version.loaded_at);
        s.last_timings = Some(timings);
    }

    /// Publishes a kept version again as version `number`: the same config and prepared
    /// data, nothing parsed, checked or prepared. Not shrink-checked: it was accepted before.
    fn roll_back(&mut self, rollback: Rollback<T, P>, serving: u64, number: u64) -> (Version<T, P>, Outcome) {
        let Rollback { mut kept, mut timings, started } = rollback;
        let restores = kept.number;
        let hash = kept.hash;
        let bytes = kept.built.bytes;
        let version = Version::new(Arc::clone(&kept.built), number, Utc::now());
        kept.number = number;
        self.kept.serve(kept);
        timings.total_us = micros(started);
        self.status.rolled_back += 1;
        self.record_served(number, hash, bytes, &version, timings);
        tracing::info!(
            target: "config_runtime::live",
            file = %self.settings.name,
            version = number,
            restores,
            replaces = serving,
            hash = %hash.short(),
            bytes,
            total_us = timings.total_us,
            "config version rolled back: kept version {restores} published again as {number}, nothing parsed"
        );
        (version, Outcome::RolledBack { version: number, restores, hash, timings })
    }

    /// Keeps a replaced version until no reader holds it, then drops it here.
    pub(crate) fn retire(&mut self, old: Arc<Version<T, P>>) {
        self.retired.push(old);
        self.sweep();
    }

    /// Drops the retired versions no reader holds any more. Returns whether some remain.
    pub(crate) fn sweep(&mut self) -> bool {
        // A retired version is unreachable from the swap cell, so a count of 1 (ours) cannot
        // grow again: dropping it here is the last drop.
        self.retired.retain(|v| Arc::strong_count(v) > 1);
        !self.retired.is_empty()
    }

    /// The remembered findings for `key`, or `report` as a new rejection.
    fn recall_or_reject(&mut self, key: RejectedKey, report: ErrorReport, mode: Mode) -> Examined<T, P> {
        let served = self.kept.served().map(|k| k.hash);
        if mode == Mode::Guarded
            && let Some(remembered) = self.rejected.recall(&key, served, None)
        {
            return Examined::Done(self.still_rejected(remembered));
        }
        self.reject(key, report, None, None)
    }

    /// Bytes rejected before: the same findings again, nothing parsed.
    fn still_rejected(&mut self, report: ErrorReport) -> Outcome {
        self.status.skipped_identical += 1;
        self.status.last_error = Some(report.clone());
        Outcome::StillRejected(report)
    }

    /// Refuses the content `key` and remembers it; `text` is what it was judged from (to
    /// drop from the memory), `judged_against` the served content a shrink verdict needs.
    fn reject(
        &mut self,
        key: RejectedKey,
        report: ErrorReport,
        text: Option<&str>,
        judged_against: Option<ContentHash>,
    ) -> Examined<T, P> {
        self.status.rejected += 1;
        self.status.last_error = Some(report.clone());
        tracing::warn!(
            target: "config_runtime::live",
            file = %self.settings.name,
            serving = self.status.version,
            findings = report.items.len(),
            "config version rejected, keeping the last good one:\n{report}"
        );
        self.rejected.remember(key, &report, text, judged_against);
        Examined::Done(Outcome::Rejected(report))
    }

    fn io_failure(&mut self, report: ErrorReport) -> Outcome {
        if self.in_io_episode {
            tracing::debug!(target: "config_runtime::live", file = %self.settings.name, "still unreadable: {report}");
        } else {
            self.in_io_episode = true;
            self.status.io_errors += 1;
            tracing::warn!(target: "config_runtime::live", file = %self.settings.name, "config file unreadable: {report}");
        }
        self.status.last_error = Some(report.clone());
        Outcome::Io(report)
    }
}

fn micros(since: Instant) -> u64 {
    u64::try_from(since.elapsed().as_micros()).unwrap_or(u64::MAX)
}

/// Locates the first invalid byte: line and column (in characters) of the valid prefix's end.
fn encoding_report(name: &str, bytes: &[u8], valid_up_to: usize) -> ErrorReport {
    let prefix = bytes.get(..valid_up_to).and_then(|p| std::str::from_utf8(p).ok()).unwrap_or("");
    let line = prefix.matches('\n').count() + 1;
    let line_start = prefix.rfind('\n').map_or(0, |i| i + 1);
    let col = prefix.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    let byte = bytes.get(valid_up_to).copied().unwrap_or(0);
    let msg = format!("the file is not UTF-8: invalid byte 0x{byte:02x} at byte offset {valid_up_to}");
    let help = Some("save the file as UTF-8".to_owned());
    let at = (u32::try_from(line).unwrap_or(u32::MAX), u32::try_from(col).unwrap_or(u32::MAX));
    ErrorReport::at(name, ErrorKind::Rejected, at, RuleId::Encoding, msg, help)
}

fn panic_report(name: &str, who: &str, payload: &(dyn Any + Send)) -> ErrorReport {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".to_owned());
    let msg = format!("{who} panicked: {what}");
    ErrorReport::whole_file(name, ErrorKind::Rejected, RuleId::Panic, msg, None)
}

/// A `try_prepare` error: an artifact budget keeps its rule id, checker diagnostics and
/// reports keep their locations, anything else is a `prepare` finding at 1:1.
fn prepare_report(name: &str, e: PrepareError) -> ErrorReport {
    let e = match e.downcast::<ErrorReport>() {
        Ok(r) => return *r,
        Err(e) => e,
    };
    let e = match e.downcast::<Diagnostics>() {
        Ok(d) => return ErrorReport::from_diagnostics(*d),
        Err(e) => e,
    };
    let rule = e.downcast_ref::<ArtifactError>().map_or(RuleId::Prepare, ArtifactError::rule);
    ErrorReport::whole_file(name, ErrorKind::Rejected, rule, e.to_string(), None)
}
