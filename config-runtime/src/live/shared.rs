//! The state shared by every handle and the reload thread: the swap cell readers load from,
//! the published status, the subscribers, and the reload state machine behind one lock.
//!
//! Only `reload` writes the swap cell, under the reloader lock, so versions are numbered
//! and published in order. Readers touch nothing here but the swap cell.

use super::durations::ReloadDurations;
use super::pipeline::{Mode, Reloader};
use super::snapshot::Version;
use super::status::{Outcome, Status};
use arc_swap::ArcSwap;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Instant;

pub(crate) struct Shared<T: 'static, P: 'static> {
    pub(crate) current: ArcSwap<Version<T, P>>,
    status: Mutex<Status>,
    durations: Mutex<ReloadDurations>,
    subscribers: Mutex<Vec<Sender<u64>>>,
    reloader: Mutex<Reloader<T, P>>,
}

/// Locks, ignoring poisoning: every critical section here leaves the data consistent.
pub(crate) fn lock<X>(m: &Mutex<X>) -> MutexGuard<'_, X> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl<T: 'static, P: 'static> Shared<T, P> {
    pub(crate) fn new(first: Version<T, P>, reloader: Reloader<T, P>) -> Self {
        Shared {
            current: ArcSwap::from_pointee(first),
            status: Mutex::new(reloader.status.clone()),
            durations: Mutex::new(ReloadDurations::default()),
            subscribers: Mutex::new(Vec::new()),
            reloader: Mutex::new(reloader),
        }
    }

    /// Runs one reload and publishes its result (and how long it took).
    pub(crate) fn reload(&self, mode: Mode) -> Outcome {
        let mut r = lock(&self.reloader);
        let started = Instant::now();
        let serving = self.current.load().version;
        let out = match r.next_version(mode, serving) {
            Ok((version, out)) => {
                let old = self.current.swap(Arc::new(version));
                r.retire(old);
                out
            }
            Err(out) => out,
        };
        *lock(&self.status) = r.status.clone();
        lock(&self.durations).observe(started.elapsed());
        if let Some(version) = out.published() {
            lock(&self.subscribers).retain(|s| s.send(version).is_ok());
        }
        out
    }

    /// Drops retired versions no reader holds. Returns whether some remain.
    pub(crate) fn sweep(&self) -> bool {
        lock(&self.reloader).sweep()
    }

    pub(crate) fn status(&self) -> Status {
        lock(&self.status).clone()
    }

    pub(crate) fn durations(&self) -> ReloadDurations {
        lock(&self.durations).clone()
    }

    pub(crate) fn set_watching(&self, watching: bool) {
        let mut r = lock(&self.reloader);
        r.status.watching = watching;
        *lock(&self.status) = r.status.clone();
    }

    pub(crate) fn subscribe(&self) -> Receiver<u64> {
        let (tx, rx) = mpsc::channel();
        lock(&self.subscribers).push(tx);
        rx
    }
}
