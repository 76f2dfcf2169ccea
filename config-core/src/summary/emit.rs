//! Prints a summary as a Rust expression of type `&'static Summary<'static>`, for the
//! derive to embed. The text uses short constructor functions from [`short`] so that
//! the generated code stays small; `krate` is the path to this crate as seen from the
//! user's crate.

use super::{Bad, Extreme, Kind, Loc, Span32, SummaryBuf, Val};
use crate::datetime::DtKind;
use std::fmt::Write as _;

/// Short const constructors used by emitted code. Indices are written as plain numbers
/// and typed here ([`PositionId`](crate::summary::PositionId), [`StrId`](crate::summary::StrId)).
#[doc(hidden)]
pub mod short {
    use super::super::{Bad, Distinct, DtVal, Dup, KeyPos, Loc, Pair, PositionId, Span32, StrId};

    pub const fn span(start: u32, len: u32) -> Span32 {
        Span32 { start, len }
    }
    pub const fn loc(line: u32, col: u32, off: u32, path: u32) -> Loc {
        Loc { line, col, off, path: StrId(path) }
    }
    pub const fn bad(loc: Loc, text: u32, why: u32) -> Bad {
        Bad { loc, text: StrId(text), why: StrId(why) }
    }
    pub const fn key_pos(key: u32, shown: u32, loc: Loc, missing_at: Option<Loc>, pos: u32) -> KeyPos {
        KeyPos { key: StrId(key), shown: StrId(shown), loc, missing_at, pos: PositionId(pos) }
    }
    pub const fn position(index: u32) -> PositionId {
        PositionId(index)
    }
    pub const fn distinct(text: u32, shown: u32, loc: Loc) -> Distinct {
        Distinct { text: StrId(text), shown: StrId(shown), loc }
    }
    pub const fn dup(key: u32, loc: Loc) -> Dup {
        Dup { key: StrId(key), loc }
    }
    pub const fn pair(a: u32, b: u32, loc: Loc) -> Pair {
        Pair { a: StrId(a), b: StrId(b), loc }
    }
    #[allow(clippy::too_many_arguments)]
    pub const fn dt(
        loc: Loc,
        text: u32,
        wall: i64,
        nano: u32,
        offset: i32,
        has_offset: bool,
        zone_written: u32,
        zone: u32,
        why: u32,
        zone_offset: i32,
        zone_abbrev: u32,
    ) -> DtVal {
        DtVal {
            loc,
            text: StrId(text),
            wall,
            nano,
            offset,
            has_offset,
            zone_written: StrId(zone_written),
            zone: StrId(zone),
            why: StrId(why),
            zone_offset,
            zone_abbrev: StrId(zone_abbrev),
        }
    }
}

#[doc(hidden)]
pub mod short_items {
    use super::super::{Item, ItemField, Loc, MixedPair, Span32, StrId};
    pub const fn mixed(
        a: u32,
        b: u32,
        loc: Loc,
        a_at: (i64, u32, i32, bool),
        b_at: (i64, u32, i32, bool),
    ) -> MixedPair {
        MixedPair { a: StrId(a), b: StrId(b), loc, a_at, b_at }
    }
    pub const fn item(list: u32, index: u32, fields: Span32) -> Item {
        Item { list, index, fields }
    }
    #[allow(clippy::too_many_arguments)]
    pub const fn field(
        key: u32,
        loc: Loc,
        is_dt: bool,
        wall: i64,
        nano: u32,
        offset: i32,
        has_offset: bool,
        text: u32,
    ) -> ItemField {
        ItemField { key: StrId(key), loc, is_dt, wall, nano, offset, has_offset, text: StrId(text) }
    }
}

fn loc(o: &mut String, l: &Loc) {
    let _ = write!(o, "loc({},{},{},{})", l.line, l.col, l.off, l.path.0);
}

fn opt_loc(o: &mut String, l: &Option<Loc>) {
    match l {
        Some(l) => {
            o.push_str("Some(");
            loc(o, l);
            o.push(')');
        }
        None => o.push_str("None"),
    }
}

fn opt_bad(o: &mut String, b: &Option<Bad>) {
    match b {
        Some(b) => {
            o.push_str("Some(bad(");
            loc(o, &b.loc);
            let _ = write!(o, ",{},{}))", b.text.0, b.why.0);
        }
        None => o.push_str("None"),
    }
}

fn span(o: &mut String, s: &Span32) {
    let _ = write!(o, "span({},{})", s.start, s.len);
}

fn val(o: &mut String, v: &Val) {
    match *v {
        Val::Int(i) if i == i128::MIN => o.push_str("Val::Int(i128::MIN)"),
        Val::Int(i) => {
            let _ = write!(o, "Val::Int({i}i128)");
        }
        Val::Float(f) if f.is_nan() => o.push_str("Val::Float(f64::NAN)"),
        Val::Float(f) if f == f64::INFINITY => o.push_str("Val::Float(f64::INFINITY)"),
        Val::Float(f) if f == f64::NEG_INFINITY => o.push_str("Val::Float(f64::NEG_INFINITY)"),
        Val::Float(f) => {
            let _ = write!(o, "Val::Float({f:?}f64)");
        }
    }
}

fn kind(o: &mut String, k: Kind) {
    let s = match k {
        Kind::Bool => "Kind::Bool",
        Kind::Int => "Kind::Int",
        Kind::Float => "Kind::Float",
        Kind::Str => "Kind::Str",
        Kind::Dt(DtKind::Offset) => "Kind::Dt(DtKind::Offset)",
        Kind::Dt(DtKind::Local) => "Kind::Dt(DtKind::Local)",
        Kind::Dt(DtKind::Date) => "Kind::Dt(DtKind::Date)",
        Kind::Dt(DtKind::Time) => "Kind::Dt(DtKind::Time)",
        Kind::Arr => "Kind::Arr",
        Kind::Tab => "Kind::Tab",
    };
    o.push_str(s);
}

/// The summary as a Rust block expression. `krate` is the path of this crate
/// (`::config_runtime::__private::core`).
pub fn emit(s: &SummaryBuf, krate: &str) -> String {
    let mut o = String::with_capacity(4096 + s.pos.len() * 400);
    let _ = write!(
        o,
        "{{ use {krate}::summary::*; use {krate}::summary::emit::short::*; use {krate}::summary::emit::short_items::*; use {krate}::datetime::DtKind; \
         const __S: Summary<'static> = Summary {{ root: position({}), pos: &[",
        s.root.0
    );
    for p in &s.pos {
        o.push_str("Pos{kinds:");
        span(&mut o, &p.kinds);
        o.push_str(",keys:");
        span(&mut o, &p.keys);
        o.push_str(",elems:");
        span(&mut o, &p.elems);
        o.push_str(",first_table:");
        opt_loc(&mut o, &p.first_table);
        o.push_str(",records:[");
        for e in &p.records {
            span(&mut o, e);
            o.push(',');
        }
        o.push_str("],nan:");
        opt_loc(&mut o, &p.nan);
        o.push_str(",bad_dt:[");
        for b in &p.bad_dt {
            opt_bad(&mut o, b);
            o.push(',');
        }
        o.push_str("],dts:");
        span(&mut o, &p.dts);
        o.push_str(",items:");
        span(&mut o, &p.items);
        o.push_str(",mixed_pairs:");
        span(&mut o, &p.mixed_pairs);
        o.push_str(",bad_url:");
        opt_bad(&mut o, &p.bad_url);
        o.push_str(",url_http:");
        opt_bad(&mut o, &p.url_http);
        o.push_str(",url_absolute:");
        opt_bad(&mut o, &p.url_absolute);
        o.push_str(",url_hosts:");
        span(&mut o, &p.url_hosts);
        let _ = write!(o, ",url_hosts_overflow:{}", p.url_hosts_overflow);
        o.push_str(",control:");
        opt_bad(&mut o, &p.control);
        o.push_str(",key_control:");
        opt_bad(&mut o, &p.key_control);
        o.push_str(",distinct:");
        span(&mut o, &p.distinct);
        let _ = write!(o, ",distinct_overflow:{},dups:", p.distinct_overflow);
        span(&mut o, &p.dups);
        o.push_str(",pairs:");
        span(&mut o, &p.pairs);
        o.push_str("},");
    }
    o.push_str("], kinds: &[");
    for k in &s.kinds {
        o.push_str("KindSeen{kind:");
        kind(&mut o, k.kind);
        o.push_str(",loc:");
        loc(&mut o, &k.loc);
        o.push_str("},");
    }
    o.push_str("], keys: &[");
    for k in &s.keys {
        let _ = write!(o, "key_pos({},{},", k.key.0, k.shown.0);
        loc(&mut o, &k.loc);
        o.push(',');
        opt_loc(&mut o, &k.missing_at);
        let _ = write!(o, ",{}),", k.pos.0);
    }
    o.push_str("], elems: &[");
    for e in &s.elems {
        let _ = write!(o, "position({}),", e.0);
    }
    o.push_str("], records: &[");
    for Extreme { v, loc: l } in &s.records {
        o.push_str("Extreme{v:");
        val(&mut o, v);
        o.push_str(",loc:");
        loc(&mut o, l);
        o.push_str("},");
    }
    o.push_str("], distinct: &[");
    for d in &s.distinct {
        let _ = write!(o, "distinct({},{},", d.text.0, d.shown.0);
        loc(&mut o, &d.loc);
        o.push_str("),");
    }
    o.push_str("], url_hosts: &[");
    for d in &s.url_hosts {
        let _ = write!(o, "distinct({},{},", d.text.0, d.shown.0);
        loc(&mut o, &d.loc);
        o.push_str("),");
    }
    o.push_str("], dups: &[");
    for d in &s.dups {
        let _ = write!(o, "dup({},", d.key.0);
        loc(&mut o, &d.loc);
        o.push_str("),");
    }
    o.push_str("], pairs: &[");
    for p in &s.pairs {
        let _ = write!(o, "pair({},{},", p.a.0, p.b.0);
        loc(&mut o, &p.loc);
        o.push_str("),");
    }
    o.push_str("], dts: &[");
    for d in &s.dts {
        o.push_str("dt(");
        loc(&mut o, &d.loc);
        let _ = write!(
            o,
            ",{},{},{},{},{},{},{},{},{},{}),",
            d.text.0,
            d.wall,
            d.nano,
            d.offset,
            d.has_offset,
            d.zone_written.0,
            d.zone.0,
            d.why.0,
            d.zone_offset,
            d.zone_abbrev.0
        );
    }
    o.push_str("], items: &[");
    for it in &s.items {
        let _ = write!(o, "item({},{},", it.list, it.index);
        span(&mut o, &it.fields);
        o.push_str("),");
    }
    o.push_str("], item_fields: &[");
    for f in &s.item_fields {
        let _ = write!(o, "field({},", f.key.0);
        loc(&mut o, &f.loc);
        let _ = write!(o, ",{},{},{},{},{},{}),", f.is_dt, f.wall, f.nano, f.offset, f.has_offset, f.text.0);
    }
    o.push_str("], mixed_pairs: &[");
    for m in &s.mixed_pairs {
        let _ = write!(o, "mixed({},{},", m.a.0, m.b.0);
        loc(&mut o, &m.loc);
        let _ = write!(o, ",{:?},{:?}),", m.a_at, m.b_at);
    }
    o.push_str("], strs: &[");
    for st in &s.strs {
        let _ = write!(o, "{:?},", st.as_ref());
    }
    o.push_str("] }; &__S }");
    o
}
