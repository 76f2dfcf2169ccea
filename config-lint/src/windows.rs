//! The windowed items of a document, found once for every command that reads them
//! (`window-over` in `check`, `timeline`, `at`, the report's timeline): a table whose
//! struct has a `before` pair of datetime fields (start: the field with `before`, end: the
//! sibling it names), or an element of a list declared `no_overlap` (its `start` and `end`;
//! they win when a table is both, so an item is one window, never two).
//!
//! Each end is read as the checker reads it: the zone in force is the field's own
//! `Rule::Tz`, else the one inherited from the enclosing fields (the derive copies a type's
//! container zone onto its fields), and a local time is resolved in it with the zone's
//! `const` table (`ZoneRules::resolve`); a time the zone skips or repeats names no instant
//! (the checker's `tz` finding says so). Written offsets and RFC 9557 values are read by
//! their offset. Beyond what the checker defines: a local datetime without a zone in force
//! is read as UTC; a date starts at its midnight and, as an end, runs through that day, in
//! the zone in force (else UTC).
//!
//! Only values of types that can hold a window are walked: a 3 MB menu of plain items
//! costs a look at the schema.

use crate::measure::push_path_key;
use config_core::datetime::{self, DtKind, DtParts};
use config_core::schema::unwrap_opt;
use config_core::zone::rules::{Local, days_from_civil, parts_of_wall, wall_seconds};
use config_core::zone::{DtText, ZoneRules};
use config_core::{Field, Rule, Schema, StructSchema};
use std::collections::HashMap;
use std::fmt::Write as _;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Nanoseconds in a second: instants here are UTC nanoseconds since 1970.
pub(crate) const NANOS: i128 = 1_000_000_000;

/// Seconds in a day.
pub(crate) const DAY: i64 = 86_400;

/// Keys read as an item's name when its list declares no `unique` key, in this order.
const TITLE_KEYS: [&str; 4] = ["title", "name", "label", "id"];

/// The zone in force at a field: its own `tz`, else the one inherited (the checker's rule).
pub(crate) fn zone_in(rules: &[Rule], inherited: Option<&'static ZoneRules>) -> Option<&'static ZoneRules> {
    rules.iter().find_map(|r| if let Rule::Tz(z) = r { Some(*z) } else { None }).or(inherited)
}

/// Which end of a window a value is (a date starts at its midnight, ends at the next one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Edge {
    Start,
    End,
}

/// The instant a value names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Moment {
    /// UTC nanoseconds since 1970.
    pub at: i128,
    /// Written without an offset: resolved in the zone in force (or read as UTC).
    pub local: bool,
}

/// The instant `v` names as a field of `kind` with `zone` in force; `None` when it names
/// none (not a datetime, a time of day, a local time the zone skips or repeats).
pub(crate) fn instant(
    v: &DeValue<'_>,
    kind: DtKind,
    zone: Option<&'static ZoneRules>,
    edge: Edge,
) -> Option<Moment> {
    let (k, p) = form(v, kind, zone)?;
    match k {
        DtKind::Offset => {
            Some(Moment { at: nanos(wall_seconds(&p) - i64::from(p.offset_secs), p.nano), local: false })
        }
        DtKind::Local => {
            let wall = wall_seconds(&p);
            let secs = match zone {
                Some(z) => match z.resolve(wall) {
                    Local::One(r) => wall - i64::from(r.offset),
                    _ => return None,
                },
                None => wall,
            };
            Some(Moment { at: nanos(secs, p.nano), local: true })
        }
        DtKind::Date => {
            let day = days_from_civil(p.year, p.month, p.day) + i64::from(edge == Edge::End);
            Some(Moment { at: nanos(midnight(day, zone), 0), local: true })
        }
        DtKind::Time => None,
    }
}

/// The form a value is written in and its parts: a native datetime as it is; a string in
/// the field's own form, else (RFC 9557, or a local time that an instant field reads in its
/// zone) as `instant_form` reads it.
fn form(v: &DeValue<'_>, kind: DtKind, zone: Option<&'static ZoneRules>) -> Option<(DtKind, DtParts)> {
    match v {
        DeValue::Datetime(d) => Some((datetime::native_kind(d), datetime::native_parts(d))),
        DeValue::String(s) => {
            if let Ok(p) = datetime::parse(kind, s) {
                return Some((kind, p));
            }
            match datetime::instant_form(v)? {
                (p, true) => Some((DtKind::Offset, p)),
                (p, false) if zone.is_some() && kind == DtKind::Offset => Some((DtKind::Local, p)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// `secs` and `nano` as nanoseconds.
pub(crate) fn nanos(secs: i64, nano: u32) -> i128 {
    i128::from(secs) * NANOS + i128::from(nano)
}

/// The whole seconds of an instant (rounded down).
pub(crate) fn secs_of(at: i128) -> i64 {
    i64::try_from(at.div_euclid(NANOS)).unwrap_or(if at < 0 { i64::MIN } else { i64::MAX })
}

/// The instant (UTC seconds) day `day` (days since 1970-01-01) starts in `zone`: its
/// midnight, or the first instant after it when the clocks skip midnight, the first of two.
pub(crate) fn midnight(day: i64, zone: Option<&'static ZoneRules>) -> i64 {
    let wall = day.saturating_mul(DAY);
    match zone.map(|z| z.resolve(wall)) {
        Some(Local::One(r)) => wall - i64::from(r.offset),
        Some(Local::Gap { first, .. }) => first.0,
        Some(Local::Fold { earlier, .. }) => wall - i64::from(earlier.offset),
        Some(Local::Outside) | None => wall,
    }
}

/// The offset (seconds) and abbreviation of `zone` at instant `secs` (`UTC` without one).
pub(crate) fn reading(secs: i64, zone: Option<&'static ZoneRules>) -> (i32, &'static str) {
    match zone {
        Some(z) => {
            let r = z.at(secs);
            (r.offset, r.abbrev)
        }
        None => (0, "UTC"),
    }
}

/// The day (since 1970-01-01) instant `at` falls on in `zone`.
pub(crate) fn day_of(at: i128, zone: Option<&'static ZoneRules>) -> i64 {
    let secs = secs_of(at);
    secs.saturating_add(i64::from(reading(secs, zone).0)).div_euclid(DAY)
}

/// Instant `at` as RFC 3339 on `zone`'s clock (`2026-10-25T02:00:00+01:00`) and the
/// zone's abbreviation there.
pub(crate) fn rfc3339(at: i128, zone: Option<&'static ZoneRules>) -> (String, &'static str) {
    let secs = secs_of(at);
    let nano = u32::try_from(at.rem_euclid(NANOS)).unwrap_or(0);
    let (offset, abbrev) = reading(secs, zone);
    let p = parts_of_wall(secs.saturating_add(i64::from(offset)), nano, offset);
    (DtText::with_offset(&p).as_str().to_owned(), abbrev)
}

/// One end of a window, as the table holds it.
#[derive(Clone, Debug)]
pub(crate) struct WindowEdge {
    /// The key as written.
    pub key: String,
    /// Byte offset of the value.
    pub offset: usize,
    /// The value as written (a datetime or a string; empty for other values).
    pub written: String,
    /// The instant it names, if it names one.
    pub moment: Option<Moment>,
    /// The zone in force at the field.
    pub zone: Option<&'static ZoneRules>,
}

/// Which `no_overlap` items are compared: all, or those with equal `by` values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Group {
    /// The list has no `by`.
    Whole,
    /// The `by` value (a string, or a number or boolean as written).
    Value(String),
    /// No `by` value: compared with the others that have none.
    Absent,
    /// A `by` value that is no scalar: compared with none.
    Never,
}

impl Group {
    /// Are two items of one list compared (as the checker's `same_group`)?
    pub(crate) fn same(&self, other: &Group) -> bool {
        match (self, other) {
            (Group::Whole, Group::Whole) | (Group::Absent, Group::Absent) => true,
            (Group::Value(a), Group::Value(b)) => a == b,
            _ => false,
        }
    }
}

/// An item of a list declared `no_overlap`.
#[derive(Clone, Debug)]
pub(crate) struct Member {
    /// Numbers the list (one per list in the document).
    pub list: usize,
    /// The list's key path.
    pub list_path: String,
    pub group: Group,
}

/// A windowed item: a table with at least one end of its window present.
#[derive(Clone, Debug)]
pub(crate) struct Window {
    /// The table's key path (`promotions[0]`).
    pub path: String,
    /// Its struct's name (`Promotion`).
    pub struct_name: &'static str,
    /// The value of its list's `unique` key, if it has one.
    pub unique: Option<String>,
    /// Its first string field of [`TITLE_KEYS`].
    pub title: Option<String>,
    pub start: Option<WindowEdge>,
    pub end: Option<WindowEdge>,
    pub member: Option<Member>,
}

impl Window {
    /// Byte offset of the item's first present end.
    pub(crate) fn offset(&self) -> usize {
        self.start.as_ref().or(self.end.as_ref()).map_or(0, |e| e.offset)
    }

    /// What names the item: its `unique` key, else its title, else its key path.
    pub(crate) fn label(&self) -> &str {
        self.unique.as_deref().or(self.title.as_deref()).unwrap_or(&self.path)
    }
}

/// Every windowed item of `doc`, in document order (a table before the tables inside it).
pub(crate) fn find(doc: &DeTable<'_>, root: &'static Schema) -> Vec<Window> {
    let mut f = Finder { out: Vec::new(), path: String::new(), needed: HashMap::new(), lists: 0 };
    if let Schema::Struct(st) = unwrap_opt(root) {
        f.table(doc, st, None, None, None);
    }
    f.out
}

/// A `no_overlap` list's window fields and the item's membership.
type Overlapped = (Member, &'static str, &'static str);

struct Finder {
    out: Vec<Window>,
    path: String,
    /// Per struct id: can its subtree hold a window?
    needed: HashMap<&'static str, bool>,
    lists: usize,
}

impl Finder {
    fn table(
        &mut self,
        t: &DeTable<'_>,
        st: &'static StructSchema,
        zone: Option<&'static ZoneRules>,
        unique: Option<String>,
        member: Option<Overlapped>,
    ) {
        let pair = member.as_ref().map(|(_, s, e)| (*s, *e)).or_else(|| before_pair(st));
        if let Some((s, e)) = pair {
            let start = edge(t, st, s, zone, Edge::Start);
            let end = edge(t, st, e, zone, Edge::End);
            if start.is_some() || end.is_some() {
                self.out.push(Window {
                    path: self.path.clone(),
                    struct_name: st.name,
                    unique,
                    title: title_of(t),
                    start,
                    end,
                    member: member.map(|m| m.0),
                });
            }
        }
        for field in st.fields {
            let Some((k, v)) = t.iter().find(|(k, _)| field.matches(k.get_ref())) else { continue };
            let overlap = field.rules.iter().find_map(|r| match *r {
                Rule::NoOverlap { start, end, by } => Some((start, end, by)),
                _ => None,
            });
            if overlap.is_none() && !self.needs(field.ty.get()) {
                continue;
            }
            let len = self.path.len();
            push_path_key(&mut self.path, k.get_ref());
            let unique =
                field.rules.iter().find_map(|r| if let Rule::Unique(Some(k)) = r { Some(*k) } else { None });
            self.value(v, field.ty.get(), zone_in(field.rules, zone), unique, overlap);
            self.path.truncate(len);
        }
    }

    fn value(
        &mut self,
        v: &Spanned<DeValue<'_>>,
        sch: &'static Schema,
        zone: Option<&'static ZoneRules>,
        unique: Option<&'static str>,
        overlap: Option<(&'static str, &'static str, Option<&'static str>)>,
    ) {
        match (unwrap_opt(sch), v.get_ref()) {
            (Schema::Struct(st), DeValue::Table(t)) => self.table(t, st, zone, None, None),
            (Schema::Seq(inner), DeValue::Array(a)) => {
                let list = self.lists;
                self.lists += 1;
                let list_path = self.path.clone();
                for (i, item) in a.iter().enumerate() {
                    let len = self.path.len();
                    let _ = write!(self.path, "[{i}]");
                    match (unwrap_opt(inner.get()), item.get_ref()) {
                        (Schema::Struct(st), DeValue::Table(t)) => {
                            let label = unique.and_then(|k| key_label(item.get_ref(), k));
                            let member = overlap.map(|(s, e, by)| {
                                let group = group_of(t, by);
                                (Member { list, list_path: list_path.clone(), group }, s, e)
                            });
                            self.table(t, st, zone, label, member);
                        }
                        _ => self.value(item, inner.get(), zone, None, None),
                    }
                    self.path.truncate(len);
                }
            }
            (Schema::Map(inner), DeValue::Table(t)) => {
                for (k, item) in t.iter() {
                    let len = self.path.len();
                    push_path_key(&mut self.path, k.get_ref());
                    self.value(item, inner.get(), zone, None, None);
                    self.path.truncate(len);
                }
            }
            _ => {}
        }
    }

    /// Can a value of this type hold a window?
    fn needs(&mut self, sch: &'static Schema) -> bool {
        match unwrap_opt(sch) {
            Schema::Seq(i) | Schema::Map(i) => self.needs(i.get()),
            Schema::Struct(st) => {
                if let Some(&n) = self.needed.get(st.id) {
                    return n;
                }
                // a recursive reference while deciding: answered by the other fields
                self.needed.insert(st.id, false);
                let windowed = before_pair(st).is_some()
                    || st.fields.iter().any(|f| f.rules.iter().any(|r| matches!(r, Rule::NoOverlap { .. })));
                let n = windowed || st.fields.iter().any(|f| self.needs(f.ty.get()));
                self.needed.insert(st.id, n);
                n
            }
            _ => false,
        }
    }
}

/// The struct's first `before` pair over datetimes: (start key, end key).
fn before_pair(st: &'static StructSchema) -> Option<(&'static str, &'static str)> {
    st.fields.iter().find_map(|f| {
        let end = f.rules.iter().find_map(|r| if let Rule::Before(e) = r { Some(*e) } else { None })?;
        matches!(unwrap_opt(f.ty.get()), Schema::DateTime { .. }).then_some((f.key, end))
    })
}

/// The field of `st` a rule names (by TOML key or Rust name).
fn field_named(st: &'static StructSchema, key: &str) -> Option<&'static Field> {
    st.fields.iter().find(|f| f.matches(key) || f.ident == key)
}

/// The end `key` of a window in table `t`, if present.
fn edge(
    t: &DeTable<'_>,
    st: &'static StructSchema,
    key: &str,
    zone: Option<&'static ZoneRules>,
    which: Edge,
) -> Option<WindowEdge> {
    let field = field_named(st, key)?;
    let (k, v) = t.iter().find(|(k, _)| field.matches(k.get_ref()))?;
    let Schema::DateTime { kind, .. } = unwrap_opt(field.ty.get()) else { return None };
    let zone = zone_in(field.rules, zone);
    let written = match v.get_ref() {
        DeValue::Datetime(d) => d.to_string(),
        DeValue::String(s) => s.to_string(),
        _ => String::new(),
    };
    Some(WindowEdge {
        key: k.get_ref().to_string(),
        offset: v.span().start,
        written,
        moment: instant(v.get_ref(), *kind, zone, which),
        zone,
    })
}

/// The first string of [`TITLE_KEYS`] in `t`.
fn title_of(t: &DeTable<'_>) -> Option<String> {
    TITLE_KEYS.iter().find_map(|k| match t.get(*k)?.get_ref() {
        DeValue::String(s) => Some(s.to_string()),
        _ => None,
    })
}

/// The `by` group of a `no_overlap` item.
fn group_of(t: &DeTable<'_>, by: Option<&str>) -> Group {
    let Some(key) = by else { return Group::Whole };
    match t.get(key).map(Spanned::get_ref) {
        None => Group::Absent,
        Some(DeValue::String(s)) => Group::Value(s.to_string()),
        Some(DeValue::Integer(i)) => Group::Value(i.as_str().to_owned()),
        Some(DeValue::Float(f)) => Group::Value(f.as_str().to_owned()),
        Some(DeValue::Boolean(b)) => Group::Value(b.to_string()),
        Some(_) => Group::Never,
    }
}

/// The `unique` key's value of a list item, to name it.
pub(crate) fn key_label(v: &DeValue<'_>, key: &str) -> Option<String> {
    let DeValue::Table(t) = v else { return None };
    match t.get(key)?.get_ref() {
        DeValue::String(s) => Some(s.to_string()),
        DeValue::Integer(i) => Some(i.as_str().to_owned()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use config_core::HasSchema;

    mod zones {
        config_tests::zones_types!();
    }

    fn windows(text: &str) -> Vec<Window> {
        let doc = config_core::check_str::parse("t.toml", text).unwrap();
        find(doc.get_ref(), zones::Schedule::SCHEMA.get())
    }

    fn at(w: &WindowEdge) -> String {
        rfc3339(w.moment.unwrap().at, None).0
    }

    #[test]
    fn local_times_are_resolved_in_the_zone_in_force_at_each_field() {
        let w = windows(
            "[[sales]]\nid = \"a\"\nstarts = 2026-10-25T01:00:00\nends = \"2026-10-25T12:00:00\"\n\
             [[us_sales]]\nid = \"b\"\nstarts = 2026-11-01T12:00:00\naudience = \"x\"\n",
        );
        assert_eq!(w.len(), 2);
        // Berlin: 01:00 is still summer time (+02:00), noon is winter time (+01:00)
        assert_eq!(at(w[0].start.as_ref().unwrap()), "2026-10-24T23:00:00+00:00");
        assert_eq!(at(w[0].end.as_ref().unwrap()), "2026-10-25T11:00:00+00:00");
        assert_eq!((w[0].label(), w[0].path.as_str()), ("a", "sales[0]"));
        // New York (the container's zone): -05:00 after 1 November
        assert_eq!(at(w[1].start.as_ref().unwrap()), "2026-11-01T17:00:00+00:00");
        assert!(w[1].end.is_none(), "an open end");
        let m = w[1].member.as_ref().unwrap();
        assert_eq!((m.list_path.as_str(), &m.group), ("us_sales", &Group::Value("x".into())));
        assert_ne!(w[0].member.as_ref().unwrap().list, m.list);
    }

    #[test]
    fn skipped_and_repeated_local_times_name_no_instant() {
        let w = windows("[[sales]]\nid = \"a\"\nstarts = 2026-03-29T02:30:00\nends = 2026-10-25T02:30:00\n");
        assert!(w[0].start.as_ref().unwrap().moment.is_none());
        assert!(w[0].end.as_ref().unwrap().moment.is_none());
    }

    #[test]
    fn dates_run_through_their_day_and_skipped_midnights_start_after_the_gap() {
        let d = toml::de::DeValue::Datetime("2026-10-25".parse().unwrap());
        let berlin = config_core::zone::Zone::named("Europe/Berlin").unwrap().rules_table().leak();
        let start = instant(&d, DtKind::Date, Some(berlin), Edge::Start).unwrap();
        let end = instant(&d, DtKind::Date, Some(berlin), Edge::End).unwrap();
        assert_eq!(rfc3339(start.at, Some(berlin)).0, "2026-10-25T00:00:00+02:00");
        assert_eq!(rfc3339(end.at, Some(berlin)).0, "2026-10-26T00:00:00+01:00");
        // 25 hours that day
        assert_eq!(end.at - start.at, 25 * 3600 * NANOS);
        // Havana skips midnight when summer time starts (2026-03-08)
        let havana = config_core::zone::Zone::named("America/Havana").unwrap().rules_table().leak();
        let day = days_from_civil(2026, 3, 8);
        assert_eq!(
            rfc3339(nanos(midnight(day, Some(havana)), 0), Some(havana)).0,
            "2026-03-08T01:00:00-04:00"
        );
        assert_eq!(day_of(nanos(midnight(day, Some(havana)), 0), Some(havana)), day);
    }
}
