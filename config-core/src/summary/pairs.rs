//! Facts for `before`: in each table, every pair of comparable values (numbers, or
//! datetimes of one kind) where the first is not strictly less than the second; and every
//! pair of a local datetime and an offset one, which only the zone in force can order
//! (kept with both readings, for the checker to resolve).

use super::walk::Builder;
use super::{Loc, MixedPair, Pair, PositionId, StrId};
use crate::datetime::{self, DtKind};
use crate::keypath::{SegmentRef, push_segment};
use crate::literal::{float_value, int_value};
use crate::zone::rules::wall_seconds;
use toml::de::DeValue;

/// Most comparable entries of one table considered for `before`.
pub(super) const MAX_PAIR_KEYS: usize = 32;

/// A comparable value for `before`.
#[derive(Clone, Copy, PartialEq, PartialOrd)]
pub(super) enum Comparable {
    Float(f64),
    Int(i128),
    /// A datetime of one kind (by `DtKind::index`), as its order key, and its wall-clock
    /// reading (wall seconds, nanoseconds, offset) for a zone to resolve.
    Datetime(usize, (i64, u32), (i64, u32, i32)),
}

impl Comparable {
    /// `Some(a < b)` when comparable.
    fn less(self, other: Comparable) -> Option<bool> {
        match (self, other) {
            (Comparable::Int(a), Comparable::Int(b)) => Some(a < b),
            (Comparable::Int(a), Comparable::Float(b)) => Some((a as f64) < b),
            (Comparable::Float(a), Comparable::Int(b)) => Some(a < b as f64),
            (Comparable::Float(a), Comparable::Float(b)) => Some(a < b),
            (Comparable::Datetime(k1, a, _), Comparable::Datetime(k2, b, _)) if k1 == k2 => Some(a < b),
            _ => None,
        }
    }
}

fn raw(p: &datetime::DtParts) -> (i64, u32, i32) {
    (wall_seconds(p), p.nano, p.offset_secs)
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
            let (k, p) = (datetime::native_kind(d), datetime::native_parts(d));
            datetime::order_key(k, p).map(|o| Comparable::Datetime(k.index(), o, raw(&p)))
        }
        DeValue::String(s) => {
            let (k, p) = datetime::parse_any(s)?;
            datetime::order_key(k, p).map(|o| Comparable::Datetime(k.index(), o, raw(&p)))
        }
        _ => None,
    }
}

impl Builder<'_> {
    /// The location of key `a`'s value at `off`: the table's path plus the key.
    fn pair_loc(&mut self, a: StrId, off: usize) -> Loc {
        let key = self.strs[a.index()].to_string();
        let mut path = self.path_string();
        push_segment(&mut path, SegmentRef::Key(&key));
        let path = self.push_str(path);
        Loc { line: 0, col: 0, off: off as u32, path }
    }

    /// Records, at table position `p`, each ordered pair of the table's comparable entries
    /// `(key, value, value offset)` that is not strictly increasing.
    pub(super) fn record_pairs(&mut self, p: PositionId, cmps: &[(StrId, Comparable, usize)]) {
        if cmps.len() < 2 {
            return;
        }
        for (i, &(a, ca, off)) in cmps.iter().enumerate() {
            for (j, &(b, cb, _)) in cmps.iter().enumerate() {
                if i != j
                    && let (Comparable::Datetime(ka, _, ra), Comparable::Datetime(kb, _, rb)) = (ca, cb)
                    && ka != kb
                    && [ka, kb].iter().all(|k| *k == DtKind::Offset.index() || *k == DtKind::Local.index())
                {
                    // a local time and an offset one: only a zone in force orders them
                    let loc = self.pair_loc(a, off);
                    let end = |(wall, nano, offset): (i64, u32, i32), k: usize| {
                        (wall, nano, offset, k == DtKind::Offset.index())
                    };
                    self.mixed_pairs.push((p, MixedPair { a, b, loc, a_at: end(ra, ka), b_at: end(rb, kb) }));
                    continue;
                }
                if i == j || ca.less(cb) != Some(false) {
                    continue;
                }
                let pb = &self.pos[p.index()];
                if pb.pairs.iter().any(|x| x.a == a && x.b == b) {
                    continue;
                }
                let loc = self.pair_loc(a, off);
                self.pos[p.index()].pairs.push(Pair { a, b, loc });
            }
        }
    }
}
