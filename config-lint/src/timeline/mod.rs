//! `timeline FILE` and `at INSTANT FILE`: when the file's windows are open.
//!
//! `timeline` draws every windowed item (a table with a `before` pair of datetimes, or an
//! element of a `no_overlap` list; see `crate::windows`) as a row of days, with today, the
//! display zone's clock changes and the overlaps of `no_overlap` lists marked; `at` lists
//! the items whose window `[start, end)` holds one instant, each with its start and end on
//! its own zone's clock. Both read the windows as the checker does (the zone in force at
//! each field) and print text or, with `--format json`, the same model as data.
//!
//! Split by job: `model` computes the timeline (the report page draws it too), `draw`
//! writes it as text, `at` is the second command; this file reads the arguments and
//! writes the JSON. Exit 0 once the output is written, 1 when the file does not parse,
//! 2 for usage and I/O errors (a bad date, an unknown zone, an unreadable file).

mod at;
mod draw;
pub(crate) mod model;

pub(crate) use at::run as run_at;
pub(crate) use draw::{short, short_wall};

use super::args::{TimelineArgs, TimelineFormat};
use super::check::parse_now;
use super::error::LintError;
use super::windows::{nanos, rfc3339};
use super::{EXIT_OK, RunContext, input};
use config_core::datetime::{self, DtKind};
use config_core::diag::{printable, shown};
use config_core::zone::{Zone, ZoneRules};
use model::{Options, Timeline, ZoneSource};
use serde_json::{Value, json};
use std::io::Write;

/// Runs `timeline`.
pub(crate) fn run(
    args: &TimelineArgs,
    ctx: &mut RunContext<'_>,
    out: &mut dyn Write,
) -> Result<u8, LintError> {
    let now = parse_now(args.now.as_deref())?;
    let zone = args.tz.as_deref().map(zone_named).transpose()?;
    let from = args.from.as_deref().map(|s| day_arg("--from", s)).transpose()?;
    let to = args.to.as_deref().map(|s| day_arg("--to", s)).transpose()?;
    if let (Some(f), Some(t), Some(a), Some(b)) = (from, to, &args.from, &args.to)
        && t < f
    {
        let message = format!("`{}` is before `--from` `{}`", shown(b.trim()), shown(a.trim()));
        return Err(LintError::BadValue { flag: "--to", message });
    }
    let schema = ctx.schema("timeline")?;
    let src = input::read(&args.file)?;
    let doc = match ctx.parsed(&src, out)? {
        Ok(doc) => doc,
        Err(code) => return Ok(code),
    };
    let opts = Options { from, to, zone, now: nanos(now.timestamp(), now.timestamp_subsec_nanos()) };
    let t = model::build(&src.text, doc.get_ref(), schema.get(), &opts);
    match args.format {
        TimelineFormat::Text => out.write_all(draw::text(&t, &src.name).as_bytes())?,
        TimelineFormat::Json => write_json(out, &json(&t, &src.name))?,
    }
    Ok(EXIT_OK)
}

/// `--tz ZONE`: a zone of the bundled database, by its exact name.
pub(crate) fn zone_named(name: &str) -> Result<&'static ZoneRules, LintError> {
    Zone::named(name.trim())
        .map(|z| z.rules_table().leak())
        .map_err(|source| LintError::UnknownZone { flag: "--tz", source })
}

/// `--from` / `--to`: a date, as days since 1970-01-01.
fn day_arg(flag: &'static str, s: &str) -> Result<i64, LintError> {
    datetime::parse(DtKind::Date, s.trim())
        .map(|p| config_core::zone::rules::days_from_civil(p.year, p.month, p.day))
        .map_err(|why| LintError::BadValue {
            flag,
            message: format!("`{}` is not a date like `2026-10-25` ({why})", shown(s)),
        })
}

fn write_json(out: &mut dyn Write, v: &Value) -> Result<(), LintError> {
    serde_json::to_writer_pretty(&mut *out, v).map_err(std::io::Error::other)?;
    writeln!(out)?;
    Ok(())
}

/// `2026-10-25`.
fn date_text((y, m, d): (i32, u32, u32)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// The timeline as JSON: instants as RFC 3339 on the display zone's clock.
fn json(t: &Timeline, file: &str) -> Value {
    let at = |x: i128| rfc3339(x, t.zone).0;
    let opt = |x: Option<i128>| x.map(at);
    let label = |i: usize| shown(&t.items[i].label).into_owned();
    let items: Vec<Value> = t
        .items
        .iter()
        .map(|i| {
            json!({
                "label": shown(&i.label),
                "path": shown(&i.path),
                "line": i.line,
                "col": i.col,
                "zone": i.zone.map(|z| z.name),
                "start": opt(i.start),
                "end": opt(i.end),
                "list": i.list.as_deref().map(shown),
                "overlaps": !i.row.overlaps.is_empty(),
                "first_day": i.row.span.map(|(a, _)| a),
                "last_day": i.row.span.map(|(_, b)| b),
            })
        })
        .collect();
    let overlaps: Vec<Value> = t
        .overlaps
        .iter()
        .map(|o| {
            json!({
                "list": shown(&o.list),
                "earlier": label(o.earlier),
                "earlier_path": shown(&t.items[o.earlier].path),
                "later": label(o.later),
                "later_path": shown(&t.items[o.later].path),
                "from": at(o.from),
                "to": at(o.to),
            })
        })
        .collect();
    let changes: Vec<Value> = t
        .changes
        .iter()
        .map(|c| {
            json!({
                "at": at(nanos(c.at, 0)),
                "day": c.column,
                "before": { "offset": config_core::zone::format_offset(c.before.0), "abbrev": c.before.1 },
                "after": { "offset": config_core::zone::format_offset(c.after.0), "abbrev": c.after.1 },
            })
        })
        .collect();
    let skipped: Vec<Value> = t
        .skipped
        .iter()
        .map(|s| json!({ "label": shown(&s.label), "path": shown(&s.path), "line": s.line, "col": s.col }))
        .collect();
    json!({
        "file": printable(file),
        "zone": t.zone_name(),
        "zone_source": match t.zone_source {
            ZoneSource::Chosen => "--tz",
            ZoneSource::Items { .. } => "items",
            ZoneSource::Utc => "utc",
        },
        "from": date_text(t.date_of(0)),
        "to": date_text(t.date_of(t.days.saturating_sub(1))),
        "days": t.days,
        "range_days": t.cut_from,
        "now": at(t.now),
        "today": {
            "day": t.today,
            "date": t.today.map(|k| date_text(t.date_of(k))),
        },
        "items": items,
        "unlisted": t.unlisted,
        "skipped": skipped,
        "overlaps": overlaps,
        "more_overlaps": t.more_overlaps,
        "transitions": changes,
    })
}
