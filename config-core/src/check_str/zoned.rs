//! Before serde sees a checked document: every datetime under a zone in force is rewritten
//! as the instant it names, in RFC 3339 with the zone's offset (`2026-11-27T00:00:00` in
//! Europe/Kyiv becomes `2026-11-27T00:00:00+02:00`; a `[Zone]` bracket is dropped, or kept
//! for a `jiff::ZonedDateTime` field, which needs it). The types' own `Deserialize` impls then read
//! instants only, and know nothing of zones. The walk follows the schema, as the checker
//! does, with the same rule for which zone is in force (`check/zones.rs`).

use crate::datetime::{self, DtKind, DtParts};
use crate::schema::{Rule, Schema, StructSchema, unwrap_opt};
use crate::zone::rules::{Local, parts_of_wall, wall_seconds};
use crate::zone::{DtText, ZoneRules};
use std::borrow::Cow;
use toml::de::{DeTable, DeValue};

/// The zone in force at a field: its own `tz`, else the one inherited.
fn zone_in(rules: &'static [Rule], inherited: Option<&'static ZoneRules>) -> Option<&'static ZoneRules> {
    rules.iter().find_map(|r| if let Rule::Tz(z) = r { Some(*z) } else { None }).or(inherited)
}

/// Rewrites the zoned datetimes of table `t` of struct `st`.
pub(super) fn resolve_table(
    t: &mut DeTable<'_>,
    st: &'static StructSchema,
    zone: Option<&'static ZoneRules>,
) {
    for (key, v) in t.iter_mut() {
        if let Some(f) = st.fields.iter().find(|f| f.matches(key.get_ref())) {
            resolve_value(v.get_mut(), f.ty.get(), zone_in(f.rules, zone));
        }
    }
}

fn resolve_value(v: &mut DeValue<'_>, sch: &'static Schema, zone: Option<&'static ZoneRules>) {
    match (unwrap_opt(sch), v) {
        (Schema::Seq(inner), DeValue::Array(a)) => {
            for item in a.iter_mut() {
                resolve_value(item.get_mut(), inner.get(), zone);
            }
        }
        (Schema::Map(inner), DeValue::Table(t)) => {
            for (_, item) in t.iter_mut() {
                resolve_value(item.get_mut(), inner.get(), zone);
            }
        }
        (Schema::Struct(st), DeValue::Table(t)) => resolve_table(t, st, zone),
        (Schema::DateTime { kind: DtKind::Offset, ty }, v) => {
            if let Some(z) = zone
                && let Some(text) = instant_text(v, z, *ty == "ZonedDateTime")
            {
                *v = DeValue::String(Cow::Owned(text));
            }
        }
        _ => {}
    }
}

/// The instant a checked value names in `z`, as RFC 3339 (plus `[zone]` when `bracket`);
/// `None` when it is already in that form.
fn instant_text(v: &DeValue<'_>, z: &'static ZoneRules, bracket: bool) -> Option<String> {
    let already = match v {
        DeValue::String(s) => !bracket && datetime::parse(DtKind::Offset, s).is_ok(),
        DeValue::Datetime(d) => !bracket && datetime::native_kind(d) == DtKind::Offset,
        _ => true,
    };
    if already {
        return None;
    }
    let p = instant_of(v, z)?;
    let mut text = DtText::with_offset(&p).as_str().to_owned();
    if bracket {
        text.push('[');
        text.push_str(z.name);
        text.push(']');
    }
    Some(text)
}

/// The instant a value names under zone `z`: an offset datetime as written, a local one
/// resolved in `z`, an RFC 9557 one by its offset (the bracket was checked against `z`).
/// `None` for anything else, or a local time the zone skips or repeats (a `tz` finding).
/// The derive reads root consts through it.
pub fn instant_of(v: &DeValue<'_>, z: &ZoneRules) -> Option<DtParts> {
    let (parts, has_offset) = datetime::instant_form(v)?;
    if has_offset {
        return Some(parts);
    }
    let wall = wall_seconds(&parts);
    match z.resolve(wall) {
        Local::One(r) => Some(parts_of_wall(wall, parts.nano, r.offset)),
        _ => None,
    }
}
