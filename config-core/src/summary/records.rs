//! Record lists ([`RecordList`]): per position, the values that beat every earlier one
//! (record highs or lows) in document order, so the checker finds the first value over
//! any bound without seeing every value.

use super::guide::record_list_need;
use super::walk::Builder;
use super::{Extreme, PositionId, RECORD_LIST_CAP, RecordList, Val};

/// Does the list keep highs (else lows)?
const fn keeps_highs(which: RecordList) -> bool {
    !matches!(
        which,
        RecordList::IntLo
            | RecordList::FloatLo
            | RecordList::StrLenLo
            | RecordList::ArrLenLo
            | RecordList::TabLenLo
    )
}

/// Would `v` enter the list (does it beat the last record)?
fn would_record(list: &[Extreme], v: Val, hi: bool) -> bool {
    match list.last() {
        None => true,
        Some(last) => beats(v, last.v, hi),
    }
}

fn beats(v: Val, last: Val, hi: bool) -> bool {
    let (a, b) = match (v, last) {
        (Val::Int(a), Val::Int(b)) => return if hi { a > b } else { a < b },
        (a, b) => (val_f64(a), val_f64(b)),
    };
    if hi { a > b } else { a < b }
}

fn val_f64(v: Val) -> f64 {
    match v {
        Val::Int(i) => i as f64,
        Val::Float(f) => f,
    }
}

impl Builder<'_> {
    /// Offers `v`, seen at byte offset `off`, to record list `which` of position `p`.
    #[inline]
    pub(super) fn record(&mut self, p: PositionId, which: RecordList, v: Val, off: usize) {
        if self.pos[p.index()].need & record_list_need(which) == 0 {
            return;
        }
        let hi = keeps_highs(which);
        let list = &self.pos[p.index()].records[which.index()];
        if !would_record(list, v, hi) {
            return;
        }
        let loc = self.loc_here(off);
        let list = &mut self.pos[p.index()].records[which.index()];
        if list.len() >= RECORD_LIST_CAP {
            if let Some(last) = list.last_mut() {
                *last = Extreme { v, loc };
            }
        } else {
            list.push(Extreme { v, loc });
        }
    }
}
