//! Facts the builder keeps in one list for all positions, `(position, fact)` in the order
//! recorded (the datetimes of `tz`, the windows of `no_overlap`, the local/offset pairs of
//! `before`): a position that holds none costs nothing for them. [`ByPosition`] lays such a
//! list out for the summary, each position's facts in one run, in recorded order.

use super::{PositionId, Span32};

/// A builder-level list of facts, sorted by position, taken one position at a time.
pub(super) struct ByPosition<T>(std::iter::Peekable<std::vec::IntoIter<(PositionId, T)>>);

impl<T> ByPosition<T> {
    /// Sorts `facts` by position (stably: recorded order within a position) and drops a
    /// fact for which `same` holds against the one before it at that position.
    pub fn new(mut facts: Vec<(PositionId, T)>, mut same: impl FnMut(&T, &T) -> bool) -> Self {
        facts.sort_by_key(|(p, _)| p.0);
        facts.dedup_by(|later, earlier| later.0 == earlier.0 && same(&later.1, &earlier.1));
        ByPosition(facts.into_iter().peekable())
    }

    /// Moves the facts of position `index` to the end of `dst`; their range there. Positions
    /// are taken in increasing order.
    pub fn take(&mut self, index: usize, dst: &mut Vec<T>) -> Span32 {
        let start = dst.len() as u32;
        while let Some((_, fact)) = self.0.next_if(|(p, _)| p.index() == index) {
            dst.push(fact);
        }
        Span32 { start, len: dst.len() as u32 - start }
    }
}
