//! Where "now" comes from, for what a service serves by time (the slice of a
//! [`SlicedArtifact`](crate::artifact::SlicedArtifact) in force): the system clock in
//! production, a clock a test sets by hand, behind one small trait so the choice is made
//! where the service is assembled.
//!
//! ```
//! use chrono::{DateTime, TimeDelta, Utc};
//! use config_runtime::clock::{Clock, ManualClock, SystemClock};
//! let at: DateTime<Utc> = "2026-11-27T00:00:00Z".parse()?;
//! let clock = ManualClock::new(at);
//! let seen_by_the_server = clock.clone();
//! clock.advance(TimeDelta::seconds(90));
//! assert_eq!(seen_by_the_server.now(), at + TimeDelta::seconds(90));
//! assert!(SystemClock.now() > at - TimeDelta::days(3650));
//! # Ok::<(), chrono::ParseError>(())
//! ```

use chrono::{DateTime, TimeDelta, Utc};
use std::sync::{Arc, Mutex, PoisonError};

/// A source of the current instant.
pub trait Clock: Send + Sync {
    /// The current instant.
    fn now(&self) -> DateTime<Utc>;
}

/// The system's wall clock ([`Utc::now`]): the default.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that shows what it was set to, for tests. Clones share one time: hand a clone
/// to the code under test and move time with the other.
#[derive(Clone, Debug)]
pub struct ManualClock {
    now: Arc<Mutex<DateTime<Utc>>>,
}

impl ManualClock {
    /// A clock showing `at`.
    pub fn new(at: DateTime<Utc>) -> ManualClock {
        ManualClock { now: Arc::new(Mutex::new(at)) }
    }

    /// Sets the time shown (backwards too).
    ///
    /// ```
    /// # use config_runtime::clock::{Clock, ManualClock};
    /// let clock = ManualClock::new(chrono::DateTime::UNIX_EPOCH);
    /// clock.set(chrono::DateTime::UNIX_EPOCH + chrono::TimeDelta::days(1));
    /// assert_eq!(clock.now().timestamp(), 86_400);
    /// ```
    pub fn set(&self, at: DateTime<Utc>) {
        *self.now.lock().unwrap_or_else(PoisonError::into_inner) = at;
    }

    /// Moves the time shown by `by` (negative: backwards), stopping at the ends of the
    /// range of [`DateTime`].
    ///
    /// ```
    /// # use config_runtime::clock::{Clock, ManualClock};
    /// let clock = ManualClock::new(chrono::DateTime::<chrono::Utc>::MAX_UTC);
    /// clock.advance(chrono::TimeDelta::days(1));
    /// assert_eq!(clock.now(), chrono::DateTime::<chrono::Utc>::MAX_UTC);
    /// ```
    pub fn advance(&self, by: TimeDelta) {
        let mut now = self.now.lock().unwrap_or_else(PoisonError::into_inner);
        let end = if by < TimeDelta::zero() { DateTime::<Utc>::MIN_UTC } else { DateTime::<Utc>::MAX_UTC };
        *now = now.checked_add_signed(by).unwrap_or(end);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.now.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl<C: Clock + ?Sized> Clock for Arc<C> {
    fn now(&self) -> DateTime<Utc> {
        (**self).now()
    }
}

impl<C: Clock + ?Sized> Clock for &C {
    fn now(&self) -> DateTime<Utc> {
        (**self).now()
    }
}
