//! Builds a [`Summary`](super::Summary) from a parsed TOML document, without a schema.
//!
//! The builder runs inside the derive (folded, to emit `'static` data) and at run time
//! (folded first; unfolded to list every occurrence once something failed). It knows
//! nothing of the Rust types: it records every fact any rule may ask for.

use super::facts::{
    control_problem, float_json_len, int_json_len, json_string_len, scan, url_problem_scanned,
};
use super::{
    Bad, DISTINCT_CAP, Distinct, Dup, EXT_CAP, EXT_N, Ext, Extreme, KeyPos, Kind, KindSeen, Loc, NONE, Pair,
    Pos, Span32, Summary, Val,
};
use crate::datetime::{self, DtKind};
use crate::schema::{Rule, Schema, SchemaRef, unwrap_opt};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::fmt::Write as _;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// How array elements map to positions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fold {
    /// All elements of an array share one position (first occurrences only).
    Positions,
    /// One position per element (every occurrence).
    None,
}

/// Most comparable entries of one table considered for `before`.
const MAX_PAIR_KEYS: usize = 32;

/// Positions the unfolded mode ([`Fold::None`]) creates for array elements before it
/// folds the rest of each array into its first element's position (first occurrences
/// only, as when folded): a file with millions of values costs bounded memory beyond the
/// folded summary, and every occurrence is still listed for files of usual size.
pub const MAX_UNFOLDED_POSITIONS: usize = 100_000;

/// Arrays up to this many items look for duplicates pairwise instead of hashing.
const SMALL_ARRAY: usize = 16;

/// An owned summary; [`SummaryBuf::view`] borrows it as a [`Summary`].
#[derive(Debug, Default)]
pub struct SummaryBuf {
    pub root: u32,
    pub pos: Vec<Pos>,
    pub kinds: Vec<KindSeen>,
    pub keys: Vec<KeyPos>,
    pub elems: Vec<u32>,
    pub exts: Vec<Extreme>,
    pub distinct: Vec<Distinct>,
    pub dups: Vec<Dup>,
    pub pairs: Vec<Pair>,
    pub strs: Vec<Cow<'static, str>>,
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
            exts: &self.exts,
            distinct: &self.distinct,
            dups: &self.dups,
            pairs: &self.pairs,
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
            if let Some(b) = p.bad_url.as_mut() {
                f(&mut b.loc);
            }
            if let Some(b) = p.control.as_mut() {
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
        self.exts.iter_mut().for_each(|e| f(&mut e.loc));
        self.distinct.iter_mut().for_each(|d| f(&mut d.loc));
        self.dups.iter_mut().for_each(|d| f(&mut d.loc));
        self.pairs.iter_mut().for_each(|p| f(&mut p.loc));
    }
}

/// Summarises a parsed document, recording every fact any rule may ask for (the derive's
/// mode: it has no schema at hand).
pub fn build(root: &Spanned<DeTable<'_>>, fold: Fold) -> SummaryBuf {
    build_with(root, fold, None)
}

/// Summarises a parsed document for one schema: the same builder, skipping the facts no
/// rule of that schema reads at a position (run time and the linter). The checker then
/// finds exactly what it finds on the full summary.
pub fn build_for(root: &Spanned<DeTable<'_>>, fold: Fold, schema: SchemaRef) -> SummaryBuf {
    build_with(root, fold, Some(schema))
}

fn build_with(root: &Spanned<DeTable<'_>>, fold: Fold, schema: Option<SchemaRef>) -> SummaryBuf {
    let mut b = Builder {
        fold,
        guided: schema.is_some(),
        pos: Vec::new(),
        strs: Vec::new(),
        interned: HashMap::default(),
        path: Vec::new(),
        serial: 0,
        path_gen: 0,
        path_cache: (u64::MAX, 0),
    };
    let ctx = Ctx { sch: schema.map(|s| unwrap_opt(s.get())), rules: &[], outer: true };
    let r = b.new_pos(ctx);
    b.visit_table(r, root.get_ref(), root.span().start);
    b.finish(r)
}

/// What the schema says about a position (run time only).
#[derive(Clone, Copy, Default)]
struct Ctx {
    sch: Option<&'static Schema>,
    /// Rules of the field this position belongs to (passed down into `Vec`s and maps).
    rules: &'static [Rule],
    /// The field itself, not an element inside it.
    outer: bool,
}

/// Which optional facts a position records.
mod need {
    pub const INT: u16 = 1;
    pub const FLOAT: u16 = 1 << 1;
    pub const STR_LEN: u16 = 1 << 2;
    pub const ARR_LEN: u16 = 1 << 3;
    pub const TAB_LEN: u16 = 1 << 4;
    pub const NODES: u16 = 1 << 5;
    pub const JSON: u16 = 1 << 6;
    pub const DT: u16 = 1 << 7;
    pub const URL: u16 = 1 << 8;
    pub const CONTROL: u16 = 1 << 9;
    pub const DISTINCT: u16 = 1 << 10;
    pub const DUPS: u16 = 1 << 11;
    pub const PAIRS: u16 = 1 << 12;
    pub const ALL: u16 = u16::MAX;
}

impl Ctx {
    fn needs(&self) -> u16 {
        let Some(sch) = self.sch else { return 0 };
        let has = |f: fn(&Rule) -> bool| self.rules.iter().any(f);
        let outer = |f: fn(&Rule) -> bool| self.outer && self.rules.iter().any(f);
        let mut n = 0;
        if outer(|r| matches!(r, Rule::MaxNodes(_))) {
            n |= need::NODES;
        }
        if outer(|r| matches!(r, Rule::MaxJsonBytes(_))) {
            n |= need::JSON;
        }
        let len = outer(|r| matches!(r, Rule::Len { .. }));
        let range = has(|r| matches!(r, Rule::Range { .. }));
        match sch {
            // a float written for an integer is a `type` finding and, under a `range`, a
            // `range` finding too (as the full summary the build checks has it)
            Schema::Int { .. } if range => n |= need::INT | need::FLOAT,
            Schema::Int { .. } => n |= need::INT,
            Schema::Float { .. } if range => n |= need::INT | need::FLOAT,
            Schema::Str => {
                n |= need::CONTROL;
                if len {
                    n |= need::STR_LEN;
                }
                if has(|r| matches!(r, Rule::Url)) {
                    n |= need::URL;
                }
                if has(|r| matches!(r, Rule::OneOf(_))) {
                    n |= need::DISTINCT;
                }
            }
            Schema::Enum { .. } => n |= need::CONTROL | need::DISTINCT,
            Schema::DateTime { .. } => n |= need::CONTROL | need::DT,
            Schema::Seq(_) => {
                if len {
                    n |= need::ARR_LEN;
                }
                if outer(|r| matches!(r, Rule::Unique(_))) {
                    n |= need::DUPS;
                }
            }
            Schema::Map(_) if len => n |= need::TAB_LEN,
            Schema::Struct(st)
                if st.fields.iter().any(|f| f.rules.iter().any(|r| matches!(r, Rule::Before(_)))) =>
            {
                n |= need::PAIRS;
            }
            _ => {}
        }
        n
    }

    /// The position of `key` in a table here.
    fn field(&self, key: &str) -> Ctx {
        match self.sch {
            Some(Schema::Struct(st)) => match st.fields.iter().find(|f| f.matches(key)) {
                Some(f) => Ctx { sch: Some(unwrap_opt(f.ty.get())), rules: f.rules, outer: true },
                None => Ctx::default(),
            },
            Some(Schema::Map(inner)) => {
                Ctx { sch: Some(unwrap_opt(inner.get())), rules: self.rules, outer: false }
            }
            _ => Ctx::default(),
        }
    }

    /// The position of the elements of an array here.
    fn elem(&self) -> Ctx {
        match self.sch {
            Some(Schema::Seq(inner)) => {
                Ctx { sch: Some(unwrap_opt(inner.get())), rules: self.rules, outer: false }
            }
            _ => Ctx::default(),
        }
    }
}

fn ext_need(which: Ext) -> u16 {
    match which {
        Ext::IntHi | Ext::IntLo => need::INT,
        Ext::FloatHi | Ext::FloatLo => need::FLOAT,
        Ext::StrLenHi | Ext::StrLenLo => need::STR_LEN,
        Ext::ArrLenHi | Ext::ArrLenLo => need::ARR_LEN,
        Ext::TabLenHi | Ext::TabLenLo => need::TAB_LEN,
        Ext::NodesHi => need::NODES,
        Ext::JsonHi => need::JSON,
    }
}

#[derive(Clone, Copy)]
enum Seg<'d> {
    Key(&'d str),
    Idx(usize),
}

#[derive(Default)]
struct KeyB {
    key: u32,
    /// Serial number of the last table at the parent position that had this key.
    seen_in: u64,
    loc: Option<Loc>,
    missing_at: Option<Loc>,
    pos: u32,
}

#[derive(Default)]
struct PosB {
    ctx: Ctx,
    /// `need::*` bits of the optional facts recorded here.
    need: u16,
    kinds: Vec<KindSeen>,
    keys: Vec<KeyB>,
    key_ix: HashMap<Box<str>, usize>,
    elems: Vec<u32>,
    first_table: Option<Loc>,
    ext: [Vec<Extreme>; EXT_N],
    nan: Option<Loc>,
    bad_dt: [Option<Bad>; 4],
    bad_url: Option<Bad>,
    control: Option<Bad>,
    distinct: Vec<Distinct>,
    distinct_overflow: bool,
    dups: Vec<Dup>,
    pairs: Vec<Pair>,
}

struct Builder<'d> {
    fold: Fold,
    /// Skip facts the schema does not need (`build_for`).
    guided: bool,
    pos: Vec<PosB>,
    strs: Vec<Cow<'static, str>>,
    interned: HashMap<Cow<'static, str>, u32>,
    path: Vec<Seg<'d>>,
    /// Serial number of the table being visited (for "keys absent from this table").
    serial: u64,
    /// Changes whenever `path` does; with `path_cache`, one path string per value at most.
    path_gen: u64,
    /// (`path_gen`, index in `strs`) of the last formatted path.
    path_cache: (u64, u32),
}

/// A comparable value for `before`.
#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Cmp {
    Num(f64),
    Int(i128),
    Dt(usize, (i64, u32)),
}

impl Cmp {
    /// `Some(a < b)` when comparable.
    fn less(self, other: Cmp) -> Option<bool> {
        match (self, other) {
            (Cmp::Int(a), Cmp::Int(b)) => Some(a < b),
            (Cmp::Int(a), Cmp::Num(b)) => Some((a as f64) < b),
            (Cmp::Num(a), Cmp::Int(b)) => Some(a < b as f64),
            (Cmp::Num(a), Cmp::Num(b)) => Some(a < b),
            (Cmp::Dt(k1, a), Cmp::Dt(k2, b)) if k1 == k2 => Some(a < b),
            _ => None,
        }
    }
}

#[derive(PartialEq, Eq, Hash)]
enum Canon<'v> {
    S(Cow<'v, str>),
    I(i128),
    F(u64),
    B(bool),
    D(String),
}

fn canon<'v>(v: &'v DeValue<'_>) -> Option<Canon<'v>> {
    Some(match v {
        DeValue::String(s) => Canon::S(nfc(s.as_ref())),
        DeValue::Integer(i) => Canon::I(int_value(i.as_str(), i.radix())),
        DeValue::Float(f) => Canon::F(float_value(f.as_str()).to_bits()),
        DeValue::Boolean(b) => Canon::B(*b),
        DeValue::Datetime(d) => Canon::D(d.to_string()),
        DeValue::Array(_) | DeValue::Table(_) => return None,
    })
}

/// A string as `unique` compares it: in Unicode canonical composition (NFC), so `café`
/// typed as one code point and as `e` + a combining accent are the same value, as they are
/// to a reader. ASCII and already-composed text (the usual case) are borrowed as they are.
fn nfc(s: &str) -> Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

/// Integer literal value; out-of-range literals saturate (the checker reports them).
pub fn int_value(text: &str, radix: u32) -> i128 {
    let t: Cow<'_, str> = if text.contains('_') { text.replace('_', "").into() } else { text.into() };
    let t = t.strip_prefix('+').unwrap_or(&t);
    i128::from_str_radix(t, radix).unwrap_or(if t.starts_with('-') { i128::MIN } else { i128::MAX })
}

/// Float literal value (`inf`, `nan` included).
pub fn float_value(text: &str) -> f64 {
    let t: Cow<'_, str> = if text.contains('_') { text.replace('_', "").into() } else { text.into() };
    t.parse().unwrap_or(f64::NAN)
}

fn ext_would_record(list: &[Extreme], v: Val, hi: bool) -> bool {
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

impl<'d> Builder<'d> {
    fn new_pos(&mut self, ctx: Ctx) -> u32 {
        let need = if self.guided { ctx.needs() } else { need::ALL };
        self.pos.push(PosB { ctx, need, ..PosB::default() });
        (self.pos.len() - 1) as u32
    }

    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.interned.get(s) {
            return i;
        }
        let i = self.strs.len() as u32;
        let owned: Cow<'static, str> = Cow::Owned(s.to_owned());
        self.strs.push(owned.clone());
        self.interned.insert(owned, i);
        i
    }

    fn push_str(&mut self, s: String) -> u32 {
        self.strs.push(Cow::Owned(s));
        (self.strs.len() - 1) as u32
    }

    fn static_str(&mut self, s: &'static str) -> u32 {
        if let Some(&i) = self.interned.get(s) {
            return i;
        }
        let i = self.strs.len() as u32;
        self.strs.push(Cow::Borrowed(s));
        self.interned.insert(Cow::Borrowed(s), i);
        i
    }

    /// The current key path as text: `menu[3].children[0].title`.
    fn path_string(&self) -> String {
        let mut s = String::with_capacity(16 * self.path.len());
        for seg in &self.path {
            match *seg {
                Seg::Key(k) => {
                    if !s.is_empty() {
                        s.push('.');
                    }
                    push_key(&mut s, k);
                }
                Seg::Idx(i) => {
                    let _ = write!(s, "[{i}]");
                }
            }
        }
        s
    }

    fn push_seg(&mut self, seg: Seg<'d>) {
        self.path.push(seg);
        self.path_gen += 1;
    }

    fn pop_seg(&mut self) {
        self.path.pop();
        self.path_gen += 1;
    }

    /// A location at byte offset `off` with the current path.
    fn loc_here(&mut self, off: usize) -> Loc {
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

    fn saw(&mut self, p: u32, kind: Kind, off: usize) {
        if !self.pos[p as usize].kinds.iter().any(|k| k.kind == kind) {
            let loc = self.loc_here(off);
            self.pos[p as usize].kinds.push(KindSeen { kind, loc });
        }
    }

    #[inline]
    fn ext(&mut self, p: u32, which: Ext, v: Val, off: usize) {
        if self.pos[p as usize].need & ext_need(which) == 0 {
            return;
        }
        let hi = !matches!(which, Ext::IntLo | Ext::FloatLo | Ext::StrLenLo | Ext::ArrLenLo | Ext::TabLenLo);
        let list = &self.pos[p as usize].ext[which as usize];
        if !ext_would_record(list, v, hi) {
            return;
        }
        let loc = self.loc_here(off);
        let list = &mut self.pos[p as usize].ext[which as usize];
        if list.len() >= EXT_CAP {
            if let Some(last) = list.last_mut() {
                *last = Extreme { v, loc };
            }
        } else {
            list.push(Extreme { v, loc });
        }
    }

    fn visit_table(&mut self, p: u32, t: &'d DeTable<'d>, off: usize) -> (u64, u64) {
        self.saw(p, Kind::Tab, off);
        self.serial += 1;
        let serial = self.serial;
        let first = self.pos[p as usize].first_table.is_none();
        let here = if first {
            let loc = self.loc_here(off);
            self.pos[p as usize].first_table = Some(loc);
            Some(loc)
        } else {
            None
        };
        let loc = here.unwrap_or(Loc { line: 0, col: 0, off: off as u32, path: 0 });
        let mut json = 2u64 + t.len().saturating_sub(1) as u64;
        let mut nodes = 1u64;
        let mut cmps: Vec<(u32, Cmp, usize)> = Vec::new();
        for (k, v) in t.iter() {
            let key: &'d str = k.get_ref().as_ref();
            self.push_seg(Seg::Key(key));
            let child = self.key_pos(p, key, k.span().start, (serial, first), loc);
            let key_off = k.span().start;
            let (j, n) = self.visit_value(child, v, key_off);
            json += json_string_len(key) + 1 + j;
            nodes += n;
            if cmps.len() < MAX_PAIR_KEYS
                && self.pos[p as usize].need & need::PAIRS != 0
                && let Some(c) = cmp_of(v.get_ref())
            {
                let ki = self.intern(key);
                cmps.push((ki, c, v.span().start));
            }
            self.pop_seg();
        }
        // keys seen in earlier tables here but absent from this one
        if !first
            && self.pos[p as usize].keys.iter().any(|kb| kb.seen_in != serial && kb.missing_at.is_none())
        {
            let loc = match here {
                Some(l) => l,
                None => self.loc_here(off),
            };
            for kb in self.pos[p as usize].keys.iter_mut() {
                if kb.seen_in != serial && kb.missing_at.is_none() {
                    kb.missing_at = Some(loc);
                }
            }
        }
        self.record_pairs(p, &cmps);
        (json, nodes)
    }

    /// Finds or creates the position of `key` under table position `p`, for the table with
    /// serial number `serial` (not `self.serial`: tables nested in earlier values of the same
    /// table have advanced it).
    fn key_pos(&mut self, p: u32, key: &str, key_off: usize, table: (u64, bool), table_loc: Loc) -> u32 {
        let (serial, first_table) = table;
        let pb = &self.pos[p as usize];
        let found = if pb.keys.len() > 16 {
            pb.key_ix.get(key).copied()
        } else {
            pb.keys.iter().position(|kb| self.strs[kb.key as usize] == key)
        };
        if let Some(i) = found {
            let kb = &mut self.pos[p as usize].keys[i];
            kb.seen_in = serial;
            return kb.pos;
        }
        let ctx = self.pos[p as usize].ctx.field(key);
        let child = self.new_pos(ctx);
        let ks = self.intern(key);
        let loc = self.loc_here(key_off);
        let missing_at =
            if first_table { None } else { self.pos[p as usize].first_table.or(Some(table_loc)) };
        let pb = &mut self.pos[p as usize];
        pb.keys.push(KeyB { key: ks, seen_in: serial, loc: Some(loc), missing_at, pos: child });
        let n = pb.keys.len();
        if n == 17 {
            let entries: Vec<(Box<str>, usize)> = pb
                .keys
                .iter()
                .enumerate()
                .map(|(i, kb)| (Box::from(self.strs[kb.key as usize].as_ref()), i))
                .collect();
            self.pos[p as usize].key_ix.extend(entries);
        } else if n > 17 {
            pb.key_ix.insert(Box::from(key), n - 1);
        }
        child
    }

    fn record_pairs(&mut self, p: u32, cmps: &[(u32, Cmp, usize)]) {
        if cmps.len() < 2 {
            return;
        }
        for (i, &(a, ca, off)) in cmps.iter().enumerate() {
            for (j, &(b, cb, _)) in cmps.iter().enumerate() {
                if i == j || ca.less(cb) != Some(false) {
                    continue;
                }
                let pb = &self.pos[p as usize];
                if pb.pairs.iter().any(|x| x.a == a && x.b == b) {
                    continue;
                }
                // the path of `a` is the table path plus the key
                let key = self.strs[a as usize].to_string();
                let mut path = self.path_string();
                if !path.is_empty() {
                    path.push('.');
                }
                push_key(&mut path, &key);
                let path = self.push_str(path);
                let loc = Loc { line: 0, col: 0, off: off as u32, path };
                self.pos[p as usize].pairs.push(Pair { a, b, loc });
            }
        }
    }

    /// Visits one value at position `p`; `key_off` is where its key starts (or the
    /// value itself for array elements). Returns (compact JSON bytes, tables within).
    fn visit_value(&mut self, p: u32, v: &'d Spanned<DeValue<'d>>, key_off: usize) -> (u64, u64) {
        let off = v.span().start;
        let (json, nodes) = match v.get_ref() {
            DeValue::String(s) => (self.visit_str(p, s.as_ref(), off), 0),
            DeValue::Integer(i) => {
                self.saw(p, Kind::Int, off);
                let n = int_value(i.as_str(), i.radix());
                self.ext(p, Ext::IntHi, Val::Int(n), off);
                self.ext(p, Ext::IntLo, Val::Int(n), off);
                (int_json_len(n), 0)
            }
            DeValue::Float(f) => {
                self.saw(p, Kind::Float, off);
                let x = float_value(f.as_str());
                if x.is_nan() {
                    if self.pos[p as usize].need & need::FLOAT != 0 && self.pos[p as usize].nan.is_none() {
                        self.pos[p as usize].nan = Some(self.loc_here(off));
                    }
                } else {
                    self.ext(p, Ext::FloatHi, Val::Float(x), off);
                    self.ext(p, Ext::FloatLo, Val::Float(x), off);
                }
                (float_json_len(x), 0)
            }
            DeValue::Boolean(b) => {
                self.saw(p, Kind::Bool, off);
                (if *b { 4 } else { 5 }, 0)
            }
            DeValue::Datetime(d) => {
                self.saw(p, Kind::Dt(datetime::native_kind(d)), off);
                (d.to_string().len() as u64 + 2, 0)
            }
            DeValue::Array(a) => {
                self.saw(p, Kind::Arr, off);
                let n = a.len();
                self.ext(p, Ext::ArrLenHi, Val::Int(n as i128), key_off);
                self.ext(p, Ext::ArrLenLo, Val::Int(n as i128), key_off);
                let mut json = 2u64 + n.saturating_sub(1) as u64;
                let mut nodes = 0u64;
                for (i, item) in a.iter().enumerate() {
                    let ep = self.elem_pos(p);
                    self.push_seg(Seg::Idx(i));
                    let (j, nn) = self.visit_value(ep, item, item.span().start);
                    self.pop_seg();
                    json += j;
                    nodes += nn;
                }
                if self.pos[p as usize].need & need::DUPS != 0 {
                    self.record_dups(p, a.iter());
                }
                (json, nodes)
            }
            DeValue::Table(t) => {
                let n = t.len();
                self.ext(p, Ext::TabLenHi, Val::Int(n as i128), key_off);
                self.ext(p, Ext::TabLenLo, Val::Int(n as i128), key_off);
                self.visit_table(p, t, off)
            }
        };
        self.ext(p, Ext::NodesHi, Val::Int(nodes as i128), key_off);
        self.ext(p, Ext::JsonHi, Val::Int(json as i128), key_off);
        (json, nodes)
    }

    fn elem_pos(&mut self, p: u32) -> u32 {
        // past the budget, unfolded mode folds the remaining elements like `Positions`
        let fold = self.fold == Fold::Positions || self.pos.len() >= MAX_UNFOLDED_POSITIONS;
        match (fold, self.pos[p as usize].elems.first()) {
            (true, Some(&e)) => e,
            _ => {
                let ctx = self.pos[p as usize].ctx.elem();
                let e = self.new_pos(ctx);
                self.pos[p as usize].elems.push(e);
                e
            }
        }
    }

    /// Records a string's facts; returns its JSON length.
    fn visit_str(&mut self, p: u32, s: &str, off: usize) -> u64 {
        self.saw(p, Kind::Str, off);
        let sc = scan(s);
        let len = sc.chars as i128;
        self.ext(p, Ext::StrLenHi, Val::Int(len), off);
        self.ext(p, Ext::StrLenLo, Val::Int(len), off);
        let need = self.pos[p as usize].need;
        for k in DtKind::ALL {
            if need & need::DT != 0
                && self.pos[p as usize].bad_dt[k.index()].is_none()
                && let Err(why) = datetime::parse(k, s)
            {
                let bad = self.bad(s, why, off);
                self.pos[p as usize].bad_dt[k.index()] = Some(bad);
            }
        }
        if need & need::URL != 0
            && self.pos[p as usize].bad_url.is_none()
            && let Some(why) = url_problem_scanned(s, &sc)
        {
            let bad = self.bad(s, why, off);
            self.pos[p as usize].bad_url = Some(bad);
        }
        if sc.maybe_control
            && need & need::CONTROL != 0
            && self.pos[p as usize].control.is_none()
            && let Some(why) = control_problem(s)
        {
            let bad = self.bad(s, why, off);
            self.pos[p as usize].control = Some(bad);
        }
        let pb = &self.pos[p as usize];
        if need & need::DISTINCT != 0
            && !pb.distinct_overflow
            && !pb.distinct.iter().any(|d| self.strs[d.text as usize] == s)
        {
            if pb.distinct.len() >= DISTINCT_CAP {
                self.pos[p as usize].distinct_overflow = true;
            } else {
                let text = self.intern(s);
                let loc = self.loc_here(off);
                self.pos[p as usize].distinct.push(Distinct { text, loc });
            }
        }
        sc.json_len
    }

    fn bad(&mut self, s: &str, why: &'static str, off: usize) -> Bad {
        let shown: String = if s.chars().count() > 80 {
            let mut t: String = s.chars().take(77).collect();
            t.push_str("...");
            t
        } else {
            s.to_owned()
        };
        // quoted back in messages: control and bidi characters are written as `\u{..}`,
        // so a build error cannot carry escape sequences to a terminal either
        let shown = crate::diag::printable(&shown).into_owned();
        let text = self.push_str(shown);
        let why = self.static_str(why);
        let loc = self.loc_here(off);
        Bad { loc, text, why }
    }

    fn record_dups(&mut self, p: u32, items: impl Iterator<Item = &'d Spanned<DeValue<'d>>> + Clone) {
        if items.clone().nth(1).is_none() {
            return;
        }
        let all = self.fold == Fold::None;
        // small arrays (the usual case: menu children) compare pairwise, without hashing
        let small = items.clone().nth(SMALL_ARRAY).is_none();
        let mut scalars: HashSet<Canon<'d>> = HashSet::default();
        let mut by_key: HashMap<&'d str, HashSet<Canon<'d>>> = HashMap::default();
        let mut seen_small: Vec<(Option<&'d str>, Canon<'d>)> = Vec::new();
        for (i, item) in items.enumerate() {
            match item.get_ref() {
                DeValue::Table(t) => {
                    for (k, v) in t.iter() {
                        let Some(c) = canon(v.get_ref()) else { continue };
                        let key: &'d str = k.get_ref().as_ref();
                        let fresh = if small {
                            let dup = seen_small.iter().any(|(sk, sc)| *sk == Some(key) && *sc == c);
                            if !dup {
                                seen_small.push((Some(key), c));
                            }
                            !dup
                        } else {
                            by_key.entry(key).or_default().insert(c)
                        };
                        if fresh {
                            continue;
                        }
                        let ki = self.intern(key);
                        if !all && self.pos[p as usize].dups.iter().any(|d| d.key == ki) {
                            continue;
                        }
                        self.push_seg(Seg::Idx(i));
                        self.push_seg(Seg::Key(key));
                        let loc = self.loc_here(v.span().start);
                        self.pop_seg();
                        self.pop_seg();
                        self.pos[p as usize].dups.push(Dup { key: ki, loc });
                    }
                }
                v => {
                    let Some(c) = canon(v) else { continue };
                    let fresh = if small {
                        let dup = seen_small.iter().any(|(sk, sc)| sk.is_none() && *sc == c);
                        if !dup {
                            seen_small.push((None, c));
                        }
                        !dup
                    } else {
                        scalars.insert(c)
                    };
                    if fresh {
                        continue;
                    }
                    if !all && self.pos[p as usize].dups.iter().any(|d| d.key == NONE) {
                        continue;
                    }
                    self.push_seg(Seg::Idx(i));
                    let loc = self.loc_here(item.span().start);
                    self.pop_seg();
                    self.pos[p as usize].dups.push(Dup { key: NONE, loc });
                }
            }
        }
    }

    /// Flattens the per-position vectors into one [`SummaryBuf`].
    fn finish(self, root: u32) -> SummaryBuf {
        let mut out = SummaryBuf { root, strs: self.strs, ..SummaryBuf::default() };
        fn span<T: Copy>(dst: &mut Vec<T>, src: &[T]) -> Span32 {
            let start = dst.len() as u32;
            dst.extend_from_slice(src);
            Span32 { start, len: src.len() as u32 }
        }
        for pb in self.pos {
            let keys: Vec<KeyPos> = pb
                .keys
                .iter()
                .map(|kb| KeyPos {
                    key: kb.key,
                    loc: kb.loc.unwrap_or(Loc { line: 0, col: 0, off: 0, path: 0 }),
                    missing_at: kb.missing_at,
                    pos: kb.pos,
                })
                .collect();
            let mut ext = [Span32::default(); EXT_N];
            for (i, l) in pb.ext.iter().enumerate() {
                ext[i] = span(&mut out.exts, l);
            }
            let pos = Pos {
                kinds: span(&mut out.kinds, &pb.kinds),
                keys: span(&mut out.keys, &keys),
                elems: span(&mut out.elems, &pb.elems),
                first_table: pb.first_table,
                ext,
                nan: pb.nan,
                bad_dt: pb.bad_dt,
                bad_url: pb.bad_url,
                control: pb.control,
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

fn cmp_of(v: &DeValue<'_>) -> Option<Cmp> {
    match v {
        DeValue::Integer(i) => Some(Cmp::Int(int_value(i.as_str(), i.radix()))),
        DeValue::Float(f) => {
            let x = float_value(f.as_str());
            (!x.is_nan()).then_some(Cmp::Num(x))
        }
        DeValue::Datetime(d) => {
            let k = datetime::native_kind(d);
            datetime::order_key(k, datetime::native_parts(d)).map(|o| Cmp::Dt(k.index(), o))
        }
        DeValue::String(s) => {
            let (k, parts) = datetime::parse_any(s)?;
            datetime::order_key(k, parts).map(|o| Cmp::Dt(k.index(), o))
        }
        _ => None,
    }
}

/// Appends a key to a path, quoted when it is not a bare TOML key.
pub fn push_key(s: &mut String, k: &str) {
    let bare = !k.is_empty() && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if bare {
        s.push_str(k);
    } else {
        let _ = write!(s, "{k:?}");
    }
}

#[cfg(test)]
mod json_len_tests {
    use super::super::facts::{float_json_len, int_json_len};

    #[test]
    fn lengths_match_formatting() {
        for n in [0i128, 7, -7, 10, 99, 100, -100, i128::from(i64::MAX), i128::from(i64::MIN)] {
            assert_eq!(int_json_len(n), n.to_string().len() as u64, "{n}");
        }
        for x in [0.0, 1.5, -0.25, 1e300, f64::NAN] {
            let want = if x.is_finite() { format!("{x:?}").len() as u64 } else { 4 };
            assert_eq!(float_json_len(x), want, "{x}");
        }
    }
}
