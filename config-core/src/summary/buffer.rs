//! The owned form of a summary: what the builder returns and the derive emits, borrowed
//! as a [`Summary`] for the checker.

use super::{
    Distinct, DtVal, Dup, Extreme, Item, ItemField, KeyPos, KindSeen, Loc, MixedPair, Pair, Pos, PositionId,
    Summary,
};
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

/// An owned summary; [`SummaryBuf::with_view`] borrows it as a [`Summary`].
#[derive(Debug)]
pub struct SummaryBuf {
    pub root: PositionId,
    pub pos: Vec<Pos>,
    pub kinds: Vec<KindSeen>,
    pub keys: Vec<KeyPos>,
    pub elems: Vec<PositionId>,
    /// The entries of every position's record lists.
    pub records: Vec<Extreme>,
    pub distinct: Vec<Distinct>,
    pub url_hosts: Vec<Distinct>,
    pub dups: Vec<Dup>,
    pub pairs: Vec<Pair>,
    pub dts: Vec<DtVal>,
    pub items: Vec<Item>,
    pub item_fields: Vec<ItemField>,
    pub mixed_pairs: Vec<MixedPair>,
    pub strs: Vec<Cow<'static, str>>,
}

impl Default for SummaryBuf {
    /// No positions; the root index is the first position's.
    fn default() -> Self {
        SummaryBuf {
            root: PositionId(0),
            pos: Vec::new(),
            kinds: Vec::new(),
            keys: Vec::new(),
            elems: Vec::new(),
            records: Vec::new(),
            distinct: Vec::new(),
            url_hosts: Vec::new(),
            dups: Vec::new(),
            pairs: Vec::new(),
            dts: Vec::new(),
            items: Vec::new(),
            item_fields: Vec::new(),
            mixed_pairs: Vec::new(),
            strs: Vec::new(),
        }
    }
}

impl SummaryBuf {
    /// Calls `f` with the borrowed summary.
    pub fn with_view<R>(&self, f: impl FnOnce(&Summary<'_>) -> R) -> R {
        let strs: Vec<&str> = self.strs.iter().map(|s| s.as_ref()).collect();
        let s = Summary {
            root: self.root,
            pos: &self.pos,
            kinds: &self.kinds,
            keys: &self.keys,
            elems: &self.elems,
            records: &self.records,
            distinct: &self.distinct,
            url_hosts: &self.url_hosts,
            dups: &self.dups,
            pairs: &self.pairs,
            dts: &self.dts,
            items: &self.items,
            item_fields: &self.item_fields,
            mixed_pairs: &self.mixed_pairs,
            strs: &strs,
        };
        f(&s)
    }

    /// Fills `line` and `col` of every location from its byte offset (one pass over
    /// `text`). The derive needs them in the emitted data; at run time the report
    /// computes them from the offset instead.
    pub fn resolve_lines(&mut self, text: &str) {
        let mut offs: Vec<u32> = Vec::new();
        self.for_each_loc(|l| offs.push(l.off));
        offs.sort_unstable();
        offs.dedup();
        // ascending offsets: LineIndex counts only the characters in between
        let lines = crate::diag::LineIndex::new(text);
        let table: HashMap<u32, (u32, u32)> = offs.iter().map(|&o| (o, lines.at(o as usize))).collect();
        self.for_each_loc(|l| {
            if let Some(&(line, col)) = table.get(&l.off) {
                l.line = line;
                l.col = col;
            }
        });
    }

    fn for_each_loc(&mut self, mut f: impl FnMut(&mut Loc)) {
        for p in &mut self.pos {
            if let Some(l) = p.first_table.as_mut() {
                f(l);
            }
            if let Some(l) = p.nan.as_mut() {
                f(l);
            }
            for b in p.bad_dt.iter_mut().flatten() {
                f(&mut b.loc);
            }
            for b in [&mut p.bad_url, &mut p.url_http, &mut p.url_absolute].into_iter().flatten() {
                f(&mut b.loc);
            }
            for b in [&mut p.control, &mut p.key_control].into_iter().flatten() {
                f(&mut b.loc);
            }
        }
        self.kinds.iter_mut().for_each(|k| f(&mut k.loc));
        for k in &mut self.keys {
            f(&mut k.loc);
            if let Some(l) = k.missing_at.as_mut() {
                f(l);
            }
        }
        self.records.iter_mut().for_each(|e| f(&mut e.loc));
        self.distinct.iter_mut().for_each(|d| f(&mut d.loc));
        self.url_hosts.iter_mut().for_each(|d| f(&mut d.loc));
        self.dups.iter_mut().for_each(|d| f(&mut d.loc));
        self.pairs.iter_mut().for_each(|p| f(&mut p.loc));
        self.dts.iter_mut().for_each(|d| f(&mut d.loc));
        self.item_fields.iter_mut().for_each(|d| f(&mut d.loc));
        self.mixed_pairs.iter_mut().for_each(|d| f(&mut d.loc));
    }
}
