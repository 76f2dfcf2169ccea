//! The reload thread: waits for signals, coalesces them, reloads, retries failed reads with
//! bounded backoff, and drops replaced versions once no reader holds them.
//!
//! It sleeps in a blocking `recv` unless a deadline is pending: the end of a debounce
//! window, a read retry (at most `RETRY_ATTEMPTS`, doubling from `RETRY_FIRST`), a sweep of
//! retired versions (doubling up to `SWEEP_MAX`, only while some are held), or the
//! optional poll. None of them repeats without bound while the file stays bad, so a bad
//! file costs nothing until its bytes change.

use super::pipeline::Mode;
use super::shared::Shared;
use super::status::Outcome;
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// First retry after a failed read; each next one waits twice as long.
pub(crate) const RETRY_FIRST: Duration = Duration::from_millis(50);
/// Retries after a failed read before waiting for the next event (about 3 s in all).
pub(crate) const RETRY_ATTEMPTS: u32 = 6;
const SWEEP_FIRST: Duration = Duration::from_millis(20);
const SWEEP_MAX: Duration = Duration::from_secs(2);

/// What the reload thread receives.
pub(crate) enum Msg {
    /// Something in the directory may have changed.
    Changed,
    /// `reload_now`: run now and send back the outcome.
    Reload(Mode, SyncSender<Outcome>),
    /// The last `Live` handle is gone.
    Stop,
}

/// When to run.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Schedule {
    /// Quiet time after the last event before reloading.
    pub(crate) debounce: Duration,
    /// Longest delay after the first event of a burst, however long the burst goes on.
    pub(crate) max_wait: Duration,
    pub(crate) poll: Option<Duration>,
    /// The boot read failed: retry as after any failed read.
    pub(crate) retry_at_start: bool,
}

pub(crate) fn spawn<T: Send + Sync + 'static, P: Send + Sync + 'static>(
    shared: Arc<Shared<T, P>>,
    rx: Receiver<Msg>,
    queued: Arc<AtomicBool>,
    schedule: Schedule,
) -> io::Result<JoinHandle<()>> {
    thread::Builder::new().name("config-live".to_owned()).spawn(move || run(&shared, &rx, &queued, schedule))
}

enum Wake {
    Msg(Msg),
    Timeout,
    Closed,
}

fn run<T: 'static, P: 'static>(shared: &Shared<T, P>, rx: &Receiver<Msg>, queued: &AtomicBool, s: Schedule) {
    let start = Instant::now();
    // (first event of the burst, reload deadline)
    let mut pending: Option<(Instant, Instant)> = None;
    // (when, attempt number)
    let mut retry: Option<(Instant, u32)> = s.retry_at_start.then_some((start + RETRY_FIRST, 1));
    // (when, current step)
    let mut sweep: Option<(Instant, Duration)> = None;
    let mut poll_at = s.poll.map(|p| start + p);
    loop {
        let wake_at = [pending.map(|p| p.1), retry.map(|r| r.0), sweep.map(|w| w.0), poll_at]
            .into_iter()
            .flatten()
            .min();
        let wake = match wake_at {
            None => rx.recv().map_or(Wake::Closed, Wake::Msg),
            Some(at) => match rx.recv_timeout(at.saturating_duration_since(Instant::now())) {
                Ok(m) => Wake::Msg(m),
                Err(RecvTimeoutError::Timeout) => Wake::Timeout,
                Err(RecvTimeoutError::Disconnected) => Wake::Closed,
            },
        };
        let mut run_mode = None;
        let mut reply = None;
        match wake {
            Wake::Closed | Wake::Msg(Msg::Stop) => break,
            Wake::Msg(Msg::Changed) => {
                queued.store(false, Ordering::Release);
                let now = Instant::now();
                pending = Some(match pending {
                    None => (now, now + s.debounce),
                    Some((first, _)) => (first, (now + s.debounce).min(first + s.max_wait)),
                });
            }
            Wake::Msg(Msg::Reload(mode, tx)) => {
                run_mode = Some(mode);
                reply = Some(tx);
            }
            Wake::Timeout => {}
        }
        let now = Instant::now();
        if pending.is_some_and(|p| p.1 <= now) || retry.is_some_and(|r| r.0 <= now) {
            run_mode.get_or_insert(Mode::Guarded);
        }
        if poll_at.is_some_and(|t| t <= now) {
            run_mode.get_or_insert(Mode::Guarded);
            poll_at = s.poll.map(|p| now + p);
        }
        if let Some(mode) = run_mode {
            pending = None;
            let out = shared.reload(mode);
            retry = next_retry(&out, retry);
            if out.published().is_some() && shared.sweep() {
                sweep = Some((Instant::now() + SWEEP_FIRST, SWEEP_FIRST));
            }
            if let Some(tx) = reply {
                let _ = tx.send(out);
            }
        }
        if let Some((at, step)) = sweep
            && at <= Instant::now()
        {
            sweep = shared.sweep().then(|| {
                let step = (step * 2).min(SWEEP_MAX);
                (Instant::now() + step, step)
            });
        }
    }
    shared.sweep();
}

/// After a failed read, the next retry (doubling), or none once the attempts are used up.
fn next_retry(out: &Outcome, retry: Option<(Instant, u32)>) -> Option<(Instant, u32)> {
    if !matches!(out, Outcome::Io(_)) {
        return None;
    }
    let attempt = retry.map_or(1, |(_, n)| n + 1);
    (attempt <= RETRY_ATTEMPTS)
        .then(|| (Instant::now() + RETRY_FIRST * (1 << (attempt - 1).min(16)), attempt))
}
