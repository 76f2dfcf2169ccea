//! Facts for `no_overlap`: the tables of an array that hold two datetimes or more (a
//! window), each with its datetime and string entries, recorded at the array's position.
//! The builder does not know which keys are a window's start, end and group at build
//! time, so it keeps every such table's datetimes and strings (tables without two
//! datetimes, such as most menu entries, cost nothing here) and the checker picks.

use super::walk::Builder;
use super::{Item, ItemField, PositionId, Span32, StrId};
use crate::datetime;
use crate::keypath::SegmentRef;
use crate::zone::rules::wall_seconds;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// A value's datetime reading: (wall seconds, nanos, offset, has offset).
fn dt_of(v: &DeValue<'_>) -> Option<(i64, u32, i32, bool)> {
    let (p, has_offset) = datetime::instant_form(v)?;
    Some((wall_seconds(&p), p.nano, p.offset_secs, has_offset))
}

impl<'d> Builder<'d> {
    /// Records item `index` of array `list` (at array position `p`) when it is a window.
    pub(super) fn record_item(
        &mut self,
        p: PositionId,
        list: u32,
        index: usize,
        v: &'d Spanned<DeValue<'d>>,
    ) {
        let DeValue::Table(t) = v.get_ref() else { return };
        if t.iter().filter(|(_, v)| dt_of(v.get_ref()).is_some()).take(2).count() < 2 {
            return;
        }
        let start = self.item_fields.len() as u32;
        self.push_seg(SegmentRef::Index(index));
        self.record_item_fields(t);
        self.pop_seg();
        let fields = Span32 { start, len: self.item_fields.len() as u32 - start };
        self.items.push((p, Item { list, index: index as u32, fields }));
    }

    fn record_item_fields(&mut self, t: &'d DeTable<'d>) {
        for (k, v) in t.iter() {
            let key: &'d str = k.get_ref().as_ref();
            let off = v.span().start;
            let blank = ItemField {
                key: StrId::NONE,
                loc: super::Loc { line: 0, col: 0, off: off as u32, path: StrId(0) },
                is_dt: false,
                wall: 0,
                nano: 0,
                offset: 0,
                has_offset: false,
                text: StrId::NONE,
            };
            let field = match (dt_of(v.get_ref()), v.get_ref()) {
                (Some((wall, nano, offset, has_offset)), _) => {
                    self.push_seg(SegmentRef::Key(key));
                    let loc = self.loc_here(off);
                    self.pop_seg();
                    ItemField { loc, is_dt: true, wall, nano, offset, has_offset, ..blank }
                }
                (None, DeValue::String(s)) => ItemField { text: self.intern(s), ..blank },
                _ => continue,
            };
            let key = self.intern(key);
            self.item_fields.push(ItemField { key, ..field });
        }
    }
}
