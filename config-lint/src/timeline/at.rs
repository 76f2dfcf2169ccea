//! `at INSTANT FILE`: the windowed items active at one instant (`start <= t < end`; a
//! missing start or end is open), each with its start and end on its own zone's clock.
//! INSTANT is RFC 3339 with an offset, or a local time read in `--tz`, else in the zone the
//! timeline would draw days in (the zone in force at the items, else UTC); a local time
//! that zone skips or repeats is a usage error naming both readings, as the checker's `tz`
//! finding does. The items are the timeline model's (`model::items`).

use super::draw::{LABEL_WIDTH, cut};
use super::model::{self, Item, ZoneSource};
use super::{write_json, zone_named};
use crate::args::{AtArgs, TimelineFormat};
use crate::error::LintError;
use crate::windows::{nanos, rfc3339};
use crate::{EXIT_OK, RunContext, input};
use config_core::datetime::{self, DtKind, DtParts};
use config_core::diag::{printable, shown};
use config_core::zone::rules::{Local, wall_seconds};
use config_core::zone::{Zone, ZoneRules};
use serde_json::{Value, json};
use std::fmt::Write as _;
use std::io::Write;

/// INSTANT as given: an instant, or a wall-clock time still to be read in a zone.
enum Given {
    Instant(i128),
    Wall(DtParts),
}

/// Runs `at`.
pub(crate) fn run(args: &AtArgs, ctx: &mut RunContext<'_>, out: &mut dyn Write) -> Result<u8, LintError> {
    let chosen = args.tz.as_deref().map(zone_named).transpose()?;
    let given = given(&args.instant)?;
    let schema = ctx.schema("at")?;
    let src = input::read(&args.file)?;
    let doc = match ctx.parsed(&src, out)? {
        Ok(doc) => doc,
        Err(code) => return Ok(code),
    };
    let (items, skipped, _) = model::items(&src.text, doc.get_ref(), schema.get());
    let zone = chosen.or_else(|| match model::common_zone(&items) {
        (z, ZoneSource::Items { .. }) => z,
        _ => None,
    });
    let t = match given {
        Given::Instant(t) => t,
        Given::Wall(p) => read_wall(&args.instant, p, zone)?,
    };
    let active: Vec<&Item> = items.iter().filter(|i| is_active(i, t)).collect();
    match args.format {
        TimelineFormat::Json => {
            let ends = |x: Option<i128>, z| x.map(|x| rfc3339(x, z));
            let active: Vec<Value> = active
                .iter()
                .map(|i| {
                    let (start, end) = (ends(i.start, i.zone), ends(i.end, i.zone));
                    json!({
                        "label": shown(&i.label),
                        "path": shown(&i.path),
                        "line": i.line,
                        "col": i.col,
                        "zone": i.zone.map_or("UTC", |z| z.name),
                        "start": start.as_ref().map(|s| &s.0),
                        "start_abbrev": start.map(|s| s.1),
                        "end": end.as_ref().map(|s| &s.0),
                        "end_abbrev": end.map(|s| s.1),
                    })
                })
                .collect();
            let skipped: Vec<Value> = skipped
                .iter()
                .map(|s| json!({ "label": shown(&s.label), "path": shown(&s.path), "line": s.line, "col": s.col }))
                .collect();
            let v = json!({
                "file": printable(&src.name),
                "at": rfc3339(t, zone).0,
                "zone": zone.map_or("UTC", |z| z.name),
                "items": items.len(),
                "active": active,
                "skipped": skipped,
            });
            write_json(out, &v)?;
        }
        TimelineFormat::Text => {
            let mut s = String::new();
            let file = printable(&src.name);
            let when = format!("{} ({})", rfc3339(t, zone).0, zone.map_or("UTC", |z| z.name));
            if active.is_empty() {
                let _ = writeln!(s, "{file} at {when}: none of the {} windowed items is active", items.len());
            } else {
                let _ = writeln!(
                    s,
                    "{file} at {when}: {} of {} windowed items active\n",
                    active.len(),
                    items.len()
                );
            }
            let on_clock = |x: Option<i128>, z: Option<&'static ZoneRules>| {
                x.map_or_else(
                    || "open".to_owned(),
                    |x| {
                        let (text, abbrev) = rfc3339(x, z);
                        format!("{text} {abbrev}")
                    },
                )
            };
            let rows: Vec<(String, String, String, &Item)> = active
                .iter()
                .map(|i| {
                    (
                        cut(&shown(&i.label), LABEL_WIDTH),
                        on_clock(i.start, i.zone),
                        on_clock(i.end, i.zone),
                        *i,
                    )
                })
                .collect();
            let w = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0);
            let sw = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0);
            let ew = rows.iter().map(|r| r.2.chars().count()).max().unwrap_or(0);
            let name = |i: &Item| i.zone.map_or("UTC", |z| z.name);
            let zw = rows.iter().map(|r| name(r.3).len()).max().unwrap_or(0);
            for (label, start, end, i) in &rows {
                let zone = name(i);
                let _ =
                    writeln!(s, "{label:<w$}  {start:<sw$} → {end:<ew$}  {zone:<zw$}  {}", shown(&i.path));
            }
            for k in skipped.iter().take(5) {
                let _ = writeln!(
                    s,
                    "note: `{}` (line {}, column {}) is not judged: an end of its window names no instant; `check` says why",
                    shown(&k.path),
                    k.line,
                    k.col
                );
            }
            if skipped.len() > 5 {
                let _ = writeln!(s, "note: … and {} more items not judged", skipped.len() - 5);
            }
            out.write_all(s.as_bytes())?;
        }
    }
    Ok(EXIT_OK)
}

/// Is `t` inside the item's window `[start, end)`?
fn is_active(i: &Item, t: i128) -> bool {
    i.start.is_none_or(|s| s <= t) && i.end.is_none_or(|e| t < e)
}

/// INSTANT: RFC 3339 with an offset, or a local datetime (read later, in a zone).
fn given(s: &str) -> Result<Given, LintError> {
    let s = s.trim();
    if let Ok(p) = datetime::parse(DtKind::Offset, s) {
        return Ok(Given::Instant(nanos(wall_seconds(&p) - i64::from(p.offset_secs), p.nano)));
    }
    if let Ok(p) = datetime::parse(DtKind::Local, s) {
        return Ok(Given::Wall(p));
    }
    Err(LintError::BadValue {
        flag: "INSTANT",
        message: format!(
            "`{}` is not an instant: write RFC 3339 with an offset, like `2026-10-25T12:00:00+01:00`, \
             or a local time, like `2026-10-25T12:00:00` (read in `--tz`, else the zone in force)",
            shown(s)
        ),
    })
}

/// A wall-clock time read in `zone` (UTC without one).
fn read_wall(written: &str, p: DtParts, zone: Option<&'static ZoneRules>) -> Result<i128, LintError> {
    let wall = wall_seconds(&p);
    let Some(z) = zone else { return Ok(nanos(wall, p.nano)) };
    match z.resolve(wall) {
        Local::One(r) => Ok(nanos(wall - i64::from(r.offset), p.nano)),
        Local::Outside => Err(LintError::BadValue {
            flag: "INSTANT",
            message: format!(
                "`{}` is outside the years the bundled zone rules of {} cover",
                shown(written.trim()),
                z.name
            ),
        }),
        Local::Gap { .. } | Local::Fold { .. } => {
            match Zone::named(z.name).map(|named| named.resolve_local(p)) {
                Ok(Err(source)) => Err(LintError::LocalTime { flag: "INSTANT", source: Box::new(source) }),
                _ => Err(LintError::BadValue {
                    flag: "INSTANT",
                    message: format!("`{}` names no single instant in {}", shown(written.trim()), z.name),
                }),
            }
        }
    }
}
