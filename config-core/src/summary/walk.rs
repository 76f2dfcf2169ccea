//! The builder's walk over a parsed document: one visit per value, recording each fact at
//! its position as a [`PositionDraft`], then flattened into a [`SummaryBuf`].

use super::build::{Fold, MAX_UNFOLDED_POSITIONS};
use super::by_position::ByPosition;
use super::facts::scan;
use super::guide::{SchemaGuide, need};
use super::pairs::{Comparable, MAX_PAIR_KEYS, comparable};
use super::{
    Bad, DISTINCT_CAP, Distinct, DtVal, Dup, Extreme, KeyPos, Kind, KindSeen, Loc, Pair, Pos, PositionId,
    RECORD_LISTS, RecordList, Span32, StrId, SummaryBuf, Val,
};
use crate::datetime::{self, DtKind};
use crate::forbidden::{control_problem, key_control_problem};
use crate::json_size::{
    array_len, bool_len, datetime_len, entry_len, float_json_len, int_json_len, table_len,
};
use crate::keypath::{SegmentRef, push_segment};
use crate::literal::{float_value, int_value};
use crate::schema::Schema;
use crate::url::{self, Link, UrlProblem};
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// A key of a table position while the walk adds to it (a [`KeyPos`] when finished).
pub(super) struct KeyDraft {
    key: StrId,
    shown: StrId,
    /// Serial number of the last table at the parent position that had this key.
    seen_in: u64,
    loc: Option<Loc>,
    missing_at: Option<Loc>,
    pos: PositionId,
}

/// The facts of one position while the walk adds to them (a [`Pos`] when finished).
#[derive(Default)]
pub(super) struct PositionDraft {
    guide: SchemaGuide,
    /// `need::*` bits of the optional facts recorded here.
    pub need: u16,
    kinds: Vec<KindSeen>,
    keys: Vec<KeyDraft>,
    key_ix: HashMap<Box<str>, usize>,
    elems: Vec<PositionId>,
    first_table: Option<Loc>,
    pub records: [Vec<Extreme>; RECORD_LISTS],
    nan: Option<Loc>,
    bad_dt: [Option<Bad>; 4],
    bad_url: Option<Bad>,
    url_http: Option<Bad>,
    url_absolute: Option<Bad>,
    url_hosts: Vec<Distinct>,
    url_hosts_overflow: bool,
    control: Option<Bad>,
    key_control: Option<Bad>,
    distinct: Vec<Distinct>,
    distinct_overflow: bool,
    pub dups: Vec<Dup>,
    pub pairs: Vec<Pair>,
}

/// The walk's state: the positions so far, the strings, and the current key path.
pub(super) struct Builder<'d> {
    pub fold: Fold,
    /// Skip facts the schema does not need (`build_for`).
    guided: bool,
    pub pos: Vec<PositionDraft>,
    pub strs: Vec<Cow<'static, str>>,
    interned: HashMap<Cow<'static, str>, StrId>,
    path: Vec<SegmentRef<'d>>,
    /// Serial number of the table being visited (for "keys absent from this table").
    serial: u64,
    /// Changes whenever `path` does; with `path_cache`, one path string per value at most.
    path_gen: u64,
    /// (`path_gen`, string) of the last formatted path.
    path_cache: (u64, StrId),
    /// Guided only: the one position standing for every value no rule reads (under an
    /// unknown key, or inside a value of the wrong kind). It records nothing of its own
    /// subtree, so such values cost no positions.
    sink: Option<PositionId>,
    /// The datetimes `tz` reads, of every position (`by_position.rs`).
    pub dts: Vec<(PositionId, DtVal)>,
    /// (position, text) pairs already in `dts`.
    pub dt_seen: rustc_hash::FxHashSet<(PositionId, StrId)>,
    /// The windows of arrays of tables (`items.rs`, `by_position.rs`); the entries of each
    /// item are consecutive in `item_fields`.
    pub items: Vec<(PositionId, super::Item)>,
    pub item_fields: Vec<super::ItemField>,
    /// The local/offset pairs for `before` (`pairs.rs`, `by_position.rs`).
    pub mixed_pairs: Vec<(PositionId, super::MixedPair)>,
    /// Serial number of the last array visited.
    lists: u32,
}

impl<'d> Builder<'d> {
    pub fn new(fold: Fold, guided: bool) -> Self {
        Builder {
            fold,
            guided,
            pos: Vec::new(),
            strs: Vec::new(),
            interned: HashMap::default(),
            path: Vec::new(),
            serial: 0,
            path_gen: 0,
            path_cache: (u64::MAX, StrId(0)),
            sink: None,
            dts: Vec::new(),
            dt_seen: Default::default(),
            items: Vec::new(),
            item_fields: Vec::new(),
            mixed_pairs: Vec::new(),
            lists: 0,
        }
    }

    /// The position of a child whose guide is `guide`: the shared sink when the schema
    /// says nothing about it (guided only), else a new position.
    fn child_pos(&mut self, guide: SchemaGuide) -> PositionId {
        if !self.guided || guide.schema.is_some() {
            return self.new_pos(guide);
        }
        match self.sink {
            Some(s) => s,
            None => {
                let s = self.new_pos(guide);
                self.sink = Some(s);
                s
            }
        }
    }

    /// Folds this child into the first of its siblings: in folded mode, and in unfolded
    /// mode once [`MAX_UNFOLDED_POSITIONS`] positions exist.
    fn folds(&self) -> bool {
        self.fold == Fold::Positions || self.pos.len() >= MAX_UNFOLDED_POSITIONS
    }

    pub fn new_pos(&mut self, guide: SchemaGuide) -> PositionId {
        let need = if self.guided { guide.needs() } else { need::ALL };
        self.pos.push(PositionDraft { guide, need, ..PositionDraft::default() });
        PositionId((self.pos.len() - 1) as u32)
    }

    pub fn intern(&mut self, s: &str) -> StrId {
        if let Some(&i) = self.interned.get(s) {
            return i;
        }
        let i = StrId(self.strs.len() as u32);
        let owned: Cow<'static, str> = Cow::Owned(s.to_owned());
        self.strs.push(owned.clone());
        self.interned.insert(owned, i);
        i
    }

    /// The id of string `raw` as messages quote it ([`crate::diag::shown`]): `raw` itself
    /// when quoting changes nothing.
    fn shown_id(&mut self, raw: StrId) -> StrId {
        match crate::diag::shown(&self.strs[raw.index()]) {
            Cow::Borrowed(_) => raw,
            Cow::Owned(o) => self.push_str(o),
        }
    }

    pub fn push_str(&mut self, s: String) -> StrId {
        self.strs.push(Cow::Owned(s));
        StrId((self.strs.len() - 1) as u32)
    }

    fn static_str(&mut self, s: &'static str) -> StrId {
        if let Some(&i) = self.interned.get(s) {
            return i;
        }
        let i = StrId(self.strs.len() as u32);
        self.strs.push(Cow::Borrowed(s));
        self.interned.insert(Cow::Borrowed(s), i);
        i
    }

    /// The current key path as text: `menu[3].children[0].title`.
    pub fn path_string(&self) -> String {
        let mut s = String::with_capacity(16 * self.path.len());
        for &seg in &self.path {
            push_segment(&mut s, seg);
        }
        s
    }

    pub fn push_seg(&mut self, seg: SegmentRef<'d>) {
        self.path.push(seg);
        self.path_gen += 1;
    }

    pub fn pop_seg(&mut self) {
        self.path.pop();
        self.path_gen += 1;
    }

    /// A location at byte offset `off` with the current path.
    pub fn loc_here(&mut self, off: usize) -> Loc {
        let path = if self.path_cache.0 == self.path_gen {
            self.path_cache.1
        } else {
            let p = self.path_string();
            let i = self.push_str(p);
            self.path_cache = (self.path_gen, i);
            i
        };
        Loc { line: 0, col: 0, off: off as u32, path }
    }

    fn saw(&mut self, p: PositionId, kind: Kind, off: usize) {
        if !self.pos[p.index()].kinds.iter().any(|k| k.kind == kind) {
            let loc = self.loc_here(off);
            self.pos[p.index()].kinds.push(KindSeen { kind, loc });
        }
    }

    /// Visits a table at position `p` starting at byte offset `off`. Returns (compact
    /// JSON bytes, tables within).
    pub fn visit_table(&mut self, p: PositionId, t: &'d DeTable<'d>, off: usize) -> (u64, u64) {
        self.saw(p, Kind::Tab, off);
        self.serial += 1;
        let serial = self.serial;
        let first = self.pos[p.index()].first_table.is_none();
        let here = if first {
            let loc = self.loc_here(off);
            self.pos[p.index()].first_table = Some(loc);
            Some(loc)
        } else {
            None
        };
        let loc = here.unwrap_or(Loc { line: 0, col: 0, off: off as u32, path: StrId(0) });
        let mut entries = 0u64;
        let mut nodes = 1u64;
        let mut cmps: Vec<(StrId, Comparable, usize)> = Vec::new();
        for (k, v) in t.iter() {
            let key: &'d str = k.get_ref().as_ref();
            self.push_seg(SegmentRef::Key(key));
            let child = self.key_pos(p, key, k.span().start, (serial, first), loc);
            if self.pos[child.index()].need & need::KEYS != 0
                && self.pos[child.index()].key_control.is_none()
                && let Some(why) = key_control_problem(key)
            {
                let bad = self.bad(key, why, k.span().start);
                self.pos[child.index()].key_control = Some(bad);
            }
            let key_off = k.span().start;
            let (j, n) = self.visit_value(child, v, key_off);
            entries += entry_len(key, j);
            nodes += n;
            if cmps.len() < MAX_PAIR_KEYS
                && self.pos[p.index()].need & need::PAIRS != 0
                && let Some(c) = comparable(v.get_ref())
            {
                let ki = self.intern(key);
                cmps.push((ki, c, v.span().start));
            }
            self.pop_seg();
        }
        // keys seen in earlier tables here but absent from this one
        if !first && self.pos[p.index()].keys.iter().any(|kb| kb.seen_in != serial && kb.missing_at.is_none())
        {
            let loc = match here {
                Some(l) => l,
                None => self.loc_here(off),
            };
            for kb in self.pos[p.index()].keys.iter_mut() {
                if kb.seen_in != serial && kb.missing_at.is_none() {
                    kb.missing_at = Some(loc);
                }
            }
        }
        self.record_pairs(p, &cmps);
        (table_len(t.len(), entries), nodes)
    }

    /// Finds or creates the position of `key` under table position `p`, for the table with
    /// serial number `serial` (not `self.serial`: tables nested in earlier values of the same
    /// table have advanced it).
    fn key_pos(
        &mut self,
        p: PositionId,
        key: &str,
        key_off: usize,
        table: (u64, bool),
        table_loc: Loc,
    ) -> PositionId {
        let (serial, first_table) = table;
        if self.sink == Some(p) {
            return p;
        }
        let pb = &self.pos[p.index()];
        // the entries of a map share one schema: folded like array elements
        if self.guided
            && matches!(pb.guide.schema, Some(Schema::Map(_)))
            && let Some(first) = pb.keys.first()
            && self.folds()
        {
            return first.pos;
        }
        let found = if pb.keys.len() > 16 {
            pb.key_ix.get(key).copied()
        } else {
            pb.keys.iter().position(|kb| self.strs[kb.key.index()] == key)
        };
        if let Some(i) = found {
            let kb = &mut self.pos[p.index()].keys[i];
            kb.seen_in = serial;
            return kb.pos;
        }
        let guide = self.pos[p.index()].guide.field(key);
        let child = self.child_pos(guide);
        let ks = self.intern(key);
        let shown = self.shown_id(ks);
        let loc = self.loc_here(key_off);
        let missing_at = if first_table { None } else { self.pos[p.index()].first_table.or(Some(table_loc)) };
        let pb = &mut self.pos[p.index()];
        pb.keys.push(KeyDraft { key: ks, shown, seen_in: serial, loc: Some(loc), missing_at, pos: child });
        let n = pb.keys.len();
        if n == 17 {
            let entries: Vec<(Box<str>, usize)> = pb
                .keys
                .iter()
                .enumerate()
                .map(|(i, kb)| (Box::from(self.strs[kb.key.index()].as_ref()), i))
                .collect();
            self.pos[p.index()].key_ix.extend(entries);
        } else if n > 17 {
            pb.key_ix.insert(Box::from(key), n - 1);
        }
        child
    }

    /// Visits one value at position `p`; `key_off` is where its key starts (or the
    /// value itself for array elements). Returns (compact JSON bytes, tables within).
    fn visit_value(&mut self, p: PositionId, v: &'d Spanned<DeValue<'d>>, key_off: usize) -> (u64, u64) {
        let off = v.span().start;
        let (json, nodes) = match v.get_ref() {
            DeValue::String(s) => (self.visit_str(p, s.as_ref(), off), 0),
            DeValue::Integer(i) => {
                self.saw(p, Kind::Int, off);
                let n = int_value(i.as_str(), i.radix());
                self.record(p, RecordList::IntHi, Val::Int(n), off);
                self.record(p, RecordList::IntLo, Val::Int(n), off);
                (int_json_len(n), 0)
            }
            DeValue::Float(f) => {
                self.saw(p, Kind::Float, off);
                let x = float_value(f.as_str());
                if x.is_nan() {
                    if self.pos[p.index()].need & need::FLOAT != 0 && self.pos[p.index()].nan.is_none() {
                        self.pos[p.index()].nan = Some(self.loc_here(off));
                    }
                } else {
                    self.record(p, RecordList::FloatHi, Val::Float(x), off);
                    self.record(p, RecordList::FloatLo, Val::Float(x), off);
                }
                (float_json_len(x), 0)
            }
            DeValue::Boolean(b) => {
                self.saw(p, Kind::Bool, off);
                (bool_len(*b), 0)
            }
            DeValue::Datetime(d) => {
                self.saw(p, Kind::Dt(datetime::native_kind(d)), off);
                if self.pos[p.index()].need & need::DT != 0 {
                    self.record_native_dt(p, d, off);
                }
                (datetime_len(d.to_string().len()), 0)
            }
            DeValue::Array(a) => {
                self.saw(p, Kind::Arr, off);
                let n = a.len();
                self.record(p, RecordList::ArrLenHi, Val::Int(n as i128), key_off);
                self.record(p, RecordList::ArrLenLo, Val::Int(n as i128), key_off);
                let mut values = 0u64;
                let mut nodes = 0u64;
                self.lists += 1;
                let (list, items) = (self.lists, self.pos[p.index()].need & need::ITEMS != 0);
                for (i, item) in a.iter().enumerate() {
                    let ep = self.elem_pos(p);
                    self.push_seg(SegmentRef::Index(i));
                    let (j, nn) = self.visit_value(ep, item, item.span().start);
                    self.pop_seg();
                    if items {
                        self.record_item(p, list, i, item);
                    }
                    values += j;
                    nodes += nn;
                }
                if self.pos[p.index()].need & need::DUPS != 0 {
                    self.record_dups(p, a.iter());
                }
                (array_len(n, values), nodes)
            }
            DeValue::Table(t) => {
                let n = t.len();
                self.record(p, RecordList::TabLenHi, Val::Int(n as i128), key_off);
                self.record(p, RecordList::TabLenLo, Val::Int(n as i128), key_off);
                self.visit_table(p, t, off)
            }
        };
        self.record(p, RecordList::NodesHi, Val::Int(nodes as i128), key_off);
        self.record(p, RecordList::JsonHi, Val::Int(json as i128), key_off);
        (json, nodes)
    }

    fn elem_pos(&mut self, p: PositionId) -> PositionId {
        if self.sink == Some(p) {
            return p;
        }
        // past the budget, unfolded mode folds the remaining elements like `Positions`
        match (self.folds(), self.pos[p.index()].elems.first()) {
            (true, Some(&e)) => e,
            // elements no rule reads: one sink entry, however long the array
            (false, Some(&e)) if self.sink == Some(e) => e,
            _ => {
                let guide = self.pos[p.index()].guide.elem();
                let e = self.child_pos(guide);
                self.pos[p.index()].elems.push(e);
                e
            }
        }
    }

    /// Records a string's facts; returns its JSON length.
    fn visit_str(&mut self, p: PositionId, s: &str, off: usize) -> u64 {
        self.saw(p, Kind::Str, off);
        let sc = scan(s);
        let len = sc.chars as i128;
        self.record(p, RecordList::StrLenHi, Val::Int(len), off);
        self.record(p, RecordList::StrLenLo, Val::Int(len), off);
        let need = self.pos[p.index()].need;
        for k in DtKind::ALL {
            if need & need::DT != 0
                && self.pos[p.index()].bad_dt[k.index()].is_none()
                && let Err(why) = datetime::parse(k, s)
            {
                let bad = self.bad(s, why, off);
                self.pos[p.index()].bad_dt[k.index()] = Some(bad);
            }
        }
        if need & need::DT != 0 {
            self.record_dt_str(p, s, off);
        }
        if need & need::URL != 0 {
            self.visit_link(p, s, off);
        }
        if sc.maybe_control
            && need & need::CONTROL != 0
            && self.pos[p.index()].control.is_none()
            && let Some(why) = control_problem(s)
        {
            let bad = self.bad(s, why, off);
            self.pos[p.index()].control = Some(bad);
        }
        let pb = &self.pos[p.index()];
        let allowed = self.guided && pb.guide.distinct_allowed(s);
        if need & need::DISTINCT != 0
            && !allowed
            && !pb.distinct_overflow
            && !pb.distinct.iter().any(|d| self.strs[d.text.index()] == s)
        {
            if pb.distinct.len() >= DISTINCT_CAP {
                self.pos[p.index()].distinct_overflow = true;
            } else {
                let text = self.intern(s);
                let shown = self.shown_id(text);
                let loc = self.loc_here(off);
                self.pos[p.index()].distinct.push(Distinct { text, shown, loc });
            }
        }
        sc.json_len
    }

    /// The `url` facts of one string: the first unsafe link, the first `http://` and the
    /// first absolute link, the first link to each distinct host.
    fn visit_link(&mut self, p: PositionId, s: &str, off: usize) {
        match url::parse(s) {
            Err(why) => {
                if self.pos[p.index()].bad_url.is_none() {
                    let bad = match why {
                        UrlProblem::Invisible { .. } => {
                            let why = self.push_str(why.to_string());
                            Bad { why, ..self.bad(s, "", off) }
                        }
                        _ => self.bad(s, why.message(), off),
                    };
                    self.pos[p.index()].bad_url = Some(bad);
                }
            }
            Ok(Link::Relative) => {}
            Ok(Link::Absolute { https, host }) => {
                if self.pos[p.index()].url_absolute.is_none() {
                    let bad = self.bad(s, UrlProblem::NotRelative.message(), off);
                    self.pos[p.index()].url_absolute = Some(bad);
                }
                if !https && self.pos[p.index()].url_http.is_none() {
                    let bad = self.bad(s, UrlProblem::NotHttps.message(), off);
                    self.pos[p.index()].url_http = Some(bad);
                }
                let pb = &self.pos[p.index()];
                let allowed = self.guided && pb.guide.host_allowed(host);
                if !allowed
                    && !pb.url_hosts_overflow
                    && !pb.url_hosts.iter().any(|d| self.strs[d.text.index()].eq_ignore_ascii_case(host))
                {
                    if pb.url_hosts.len() >= DISTINCT_CAP {
                        self.pos[p.index()].url_hosts_overflow = true;
                    } else {
                        let text = self.push_str(host.to_ascii_lowercase());
                        let shown = self.shown_id(text);
                        let loc = self.loc_here(off);
                        self.pos[p.index()].url_hosts.push(Distinct { text, shown, loc });
                    }
                }
            }
        }
    }

    pub(super) fn bad(&mut self, s: &str, why: &'static str, off: usize) -> Bad {
        // quoted back in messages: cut, and invisible characters written as `\u{..}`, so a
        // build error cannot carry escape sequences to a terminal either
        let shown = crate::diag::shown(s).into_owned();
        let text = self.push_str(shown);
        let why = self.static_str(why);
        let loc = self.loc_here(off);
        Bad { loc, text, why }
    }

    /// Flattens the per-position vectors into one [`SummaryBuf`].
    pub fn finish(self, root: PositionId) -> SummaryBuf {
        let mut out = SummaryBuf { root, strs: self.strs, ..SummaryBuf::default() };
        let mut dts = ByPosition::new(self.dts, |_, _| false);
        let mut items = ByPosition::new(self.items, |_, _| false);
        out.item_fields = self.item_fields;
        // a repeated local/offset pair (all but where it is) decides nothing new
        let mut mixed = ByPosition::new(self.mixed_pairs, |x, y| {
            x.a == y.a && x.b == y.b && x.a_at == y.a_at && x.b_at == y.b_at
        });
        fn span<T: Copy>(dst: &mut Vec<T>, src: &[T]) -> Span32 {
            let start = dst.len() as u32;
            dst.extend_from_slice(src);
            Span32 { start, len: src.len() as u32 }
        }
        for (index, pb) in self.pos.into_iter().enumerate() {
            let keys: Vec<KeyPos> = pb
                .keys
                .iter()
                .map(|kb| KeyPos {
                    key: kb.key,
                    shown: kb.shown,
                    loc: kb.loc.unwrap_or(Loc { line: 0, col: 0, off: 0, path: StrId(0) }),
                    missing_at: kb.missing_at,
                    pos: kb.pos,
                })
                .collect();
            let mut records = [Span32::default(); RECORD_LISTS];
            for (i, l) in pb.records.iter().enumerate() {
                records[i] = span(&mut out.records, l);
            }
            let pos = Pos {
                kinds: span(&mut out.kinds, &pb.kinds),
                keys: span(&mut out.keys, &keys),
                elems: span(&mut out.elems, &pb.elems),
                first_table: pb.first_table,
                records,
                nan: pb.nan,
                bad_dt: pb.bad_dt,
                dts: dts.take(index, &mut out.dts),
                items: items.take(index, &mut out.items),
                mixed_pairs: mixed.take(index, &mut out.mixed_pairs),
                bad_url: pb.bad_url,
                url_http: pb.url_http,
                url_absolute: pb.url_absolute,
                url_hosts: span(&mut out.url_hosts, &pb.url_hosts),
                url_hosts_overflow: pb.url_hosts_overflow,
                control: pb.control,
                key_control: pb.key_control,
                distinct: span(&mut out.distinct, &pb.distinct),
                distinct_overflow: pb.distinct_overflow,
                dups: span(&mut out.dups, &pb.dups),
                pairs: span(&mut out.pairs, &pb.pairs),
            };
            out.pos.push(pos);
        }
        out
    }
}
