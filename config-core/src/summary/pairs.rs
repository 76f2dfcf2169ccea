//! Facts for `before`: in each table, every pair of comparable values (numbers, or
//! datetimes of one kind) where the first is not strictly less than the second.

use super::walk::Builder;
use super::{Loc, Pair, PositionId, StrId};
use crate::datetime;
use crate::keypath::{SegmentRef, push_segment};
use crate::literal::{float_value, int_value};
use toml::de::DeValue;

/// Most comparable entries of one table considered for `before`.
pub(super) const MAX_PAIR_KEYS: usize = 32;

/// A comparable value for `before`.
#[derive(Clone, Copy, PartialEq, PartialOrd)]
pub(super) enum Comparable {
    Float(f64),
    Int(i128),
    /// A datetime of one kind (by `DtKind::index`), as its order key.
    Datetime(usize, (i64, u32)),
}

impl Comparable {
    /// `Some(a < b)` when comparable.
    fn less(self, other: Comparable) -> Option<bool> {
        match (self, other) {
            (Comparable::Int(a), Comparable::Int(b)) => Some(a < b),
            (Comparable::Int(a), Comparable::Float(b)) => Some((a as f64) < b),
            (Comparable::Float(a), Comparable::Int(b)) => Some(a < b as f64),
            (Comparable::Float(a), Comparable::Float(b)) => Some(a < b),
            (Comparable::Datetime(k1, a), Comparable::Datetime(k2, b)) if k1 == k2 => Some(a < b),
            _ => None,
        }
    }
}

/// A table entry's value as `before` compares it, if it is comparable.
pub(super) fn comparable(v: &DeValue<'_>) -> Option<Comparable> {
    match v {
        DeValue::Integer(i) => Some(Comparable::Int(int_value(i.as_str(), i.radix()))),
        DeValue::Float(f) => {
            let x = float_value(f.as_str());
            (!x.is_nan()).then_some(Comparable::Float(x))
        }
        DeValue::Datetime(d) => {
            let k = datetime::native_kind(d);
            datetime::order_key(k, datetime::native_parts(d)).map(|o| Comparable::Datetime(k.index(), o))
        }
        DeValue::String(s) => {
            let (k, parts) = datetime::parse_any(s)?;
            datetime::order_key(k, parts).map(|o| Comparable::Datetime(k.index(), o))
        }
        _ => None,
    }
}

impl Builder<'_> {
    /// Records, at table position `p`, each ordered pair of the table's comparable entries
    /// `(key, value, value offset)` that is not strictly increasing.
    pub(super) fn record_pairs(&mut self, p: PositionId, cmps: &[(StrId, Comparable, usize)]) {
        if cmps.len() < 2 {
            return;
        }
        for (i, &(a, ca, off)) in cmps.iter().enumerate() {
            for (j, &(b, cb, _)) in cmps.iter().enumerate() {
                if i == j || ca.less(cb) != Some(false) {
                    continue;
                }
                let pb = &self.pos[p.index()];
                if pb.pairs.iter().any(|x| x.a == a && x.b == b) {
                    continue;
                }
                // the path of `a` is the table path plus the key
                let key = self.strs[a.index()].to_string();
                let mut path = self.path_string();
                push_segment(&mut path, SegmentRef::Key(&key));
                let path = self.push_str(path);
                let loc = Loc { line: 0, col: 0, off: off as u32, path };
                self.pos[p.index()].pairs.push(Pair { a, b, loc });
            }
        }
    }
}
