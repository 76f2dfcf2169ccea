//! The timeline model drawn as text: a Gantt chart with one row per windowed item and one
//! column per day, for a terminal or a CI log (plain ASCII cells, no colour, every line
//! bounded: labels escaped and cut, at most `MAX_DAYS` columns).
//!
//! ```text
//! tests/fixtures/timeline.toml: 5 windowed items; days and times in Europe/Berlin (…): 2026-10-19 to …
//!
//!              Oct 2026     Nov 2026
//!              1222222222233
//!              90123456789011234567
//! clocks             *
//! today                 v
//! autumn       ######X..|..........  2026-10-19 00:00 → 2026-10-26 00:00
//! halloween    ......X######.......  2026-10-25 12:00 → 2026-11-01 00:00
//! us-everyone  ........###########>  2026-10-27 14:00 → open
//! ```
//!
//! Cells: `#` the window, `X` a day it overlaps another window of its `no_overlap` list,
//! `<` / `>` it runs on past the range, `|` today where no window is, `.` elsewhere.
//! Marker rows above the items: `*` the day the display zone's clocks change, `v` today.

use super::model::{MAX_DAYS, Timeline};
use crate::windows::{reading, secs_of};
use config_core::diag::{printable, shown};
use config_core::zone::format_offset;
use config_core::zone::rules::parts_of_wall;
use std::fmt::Write as _;

/// The widest label column, in characters.
pub(crate) const LABEL_WIDTH: usize = 24;

/// Overlaps and skipped items listed under the chart; the others are counted.
const LISTED_OVERLAPS: usize = 20;
const LISTED_SKIPPED: usize = 5;

/// The whole text for `file`.
pub(crate) fn text(t: &Timeline, file: &str) -> String {
    let file = printable(file);
    let mut out = String::new();
    if t.items.is_empty() {
        let _ = writeln!(
            out,
            "{file}: no windowed items (no table holds a `before` pair of datetimes or sits in a \
             `no_overlap` list{})",
            if t.skipped.is_empty() { "" } else { " with ends that name instants" }
        );
        notes(t, &mut out);
        return out;
    }
    let (last_y, last_m, last_d) = t.date_of(t.days.saturating_sub(1));
    let (y, m, d) = t.date_of(0);
    let _ = writeln!(
        out,
        "{file}: {}; days and times in {}{}: {y:04}-{m:02}-{d:02} to {last_y:04}-{last_m:02}-{last_d:02} ({})\n",
        plural(t.items.len() + t.unlisted, "windowed item"),
        t.zone_name(),
        source(t),
        plural(t.days, "day"),
    );
    let labels: Vec<String> = t.items.iter().map(|i| cut(&shown(&i.label), LABEL_WIDTH)).collect();
    let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0).clamp(6, LABEL_WIDTH);
    let pad = " ".repeat(width + 2);
    for row in header(t) {
        let _ = writeln!(out, "{pad}{}", row.trim_end());
    }
    if !t.changes.is_empty() {
        let mut cells = vec![' '; t.days];
        for c in &t.changes {
            if let Some(cell) = cells.get_mut(c.column) {
                *cell = '*';
            }
        }
        let _ = writeln!(out, "{:<width$}  {}", "clocks", cells.iter().collect::<String>().trim_end());
    }
    if let Some(k) = t.today {
        let _ = writeln!(out, "{:<width$}  {}v", "today", " ".repeat(k));
    }
    for (item, label) in t.items.iter().zip(&labels) {
        let cells: String = (0..t.days).map(|k| cell(t, &item.row, k)).collect();
        let start = item.start.map_or_else(|| "open".to_owned(), |s| short(s, t));
        let end = item.end.map_or_else(|| "open".to_owned(), |e| short(e, t));
        let _ = writeln!(out, "{label:<width$}  {cells}  {start} → {end}");
    }
    out.push('\n');
    let today = match t.today {
        Some(_) => format!("| today ({})", short(t.now, t)),
        None => "| today".to_owned(),
    };
    let _ = writeln!(
        out,
        "legend: # window, X overlaps a window of its no_overlap list, < > runs on past the range, {today}, * clocks change"
    );
    for c in &t.changes {
        let wall = |offset: i32| short_wall(c.at.saturating_add(i64::from(offset)));
        let _ = writeln!(
            out,
            "clocks change: {} {} → {} {} ({} → {})",
            wall(c.before.0),
            c.before.1,
            wall(c.after.0).get(11..).unwrap_or_default(),
            c.after.1,
            format_offset(c.before.0),
            format_offset(c.after.0)
        );
    }
    for o in t.overlaps.iter().take(LISTED_OVERLAPS) {
        let name = |i: usize| cut(&shown(&t.items[i].label), LABEL_WIDTH);
        let _ = writeln!(
            out,
            "overlap in `{}`: `{}` with `{}`, {} to {}",
            shown(&o.list),
            name(o.later),
            name(o.earlier),
            short(o.from, t),
            short(o.to, t)
        );
    }
    let more = t.overlaps.len().saturating_sub(LISTED_OVERLAPS) + t.more_overlaps;
    if more > 0 {
        let _ = writeln!(out, "… and {} (`--format json` lists them)", plural(more, "more overlap"));
    }
    if t.today.is_none() {
        let _ = writeln!(out, "today: {} (not in the range)", short(t.now, t));
    }
    notes(t, &mut out);
    out
}

/// `(the zone in force at every item)`.
fn source(t: &Timeline) -> String {
    use super::model::ZoneSource;
    match t.zone_source {
        ZoneSource::Chosen => " (--tz)".to_owned(),
        ZoneSource::Items { of, total } if of == total => " (the zone in force at every item)".to_owned(),
        ZoneSource::Items { of, total } => format!(" (the zone in force at {of} of the {total} items)"),
        ZoneSource::Utc => " (no item has a zone in force)".to_owned(),
    }
}

/// The notes: items not drawn, a cut range.
fn notes(t: &Timeline, out: &mut String) {
    for s in t.skipped.iter().take(LISTED_SKIPPED) {
        let _ = writeln!(
            out,
            "note: `{}` (line {}, column {}) is not drawn: an end of its window names no instant; `check` says why",
            shown(&s.path),
            s.line,
            s.col
        );
    }
    if t.skipped.len() > LISTED_SKIPPED {
        let _ =
            writeln!(out, "note: … and {} not drawn", plural(t.skipped.len() - LISTED_SKIPPED, "more item"));
    }
    if t.unlisted > 0 {
        let _ = writeln!(
            out,
            "note: {} not drawn (a timeline holds {} at most)",
            plural(t.unlisted, "more windowed item"),
            super::model::MAX_ITEMS
        );
    }
    if let Some(full) = t.cut_from {
        let _ = writeln!(
            out,
            "note: the range has {full} days; {MAX_DAYS} are drawn (`--from` and `--to` choose others)"
        );
    }
}

/// The three header rows: months, tens of the day, units of the day.
fn header(t: &Timeline) -> [String; 3] {
    let mut months = vec![' '; t.days];
    let all = t.months();
    let mut free = 0;
    for (n, m) in all.iter().enumerate() {
        // the last month's name may run past the last column
        let room = if n + 1 == all.len() { usize::MAX } else { m.days - 1 };
        let label = if room >= 8 { format!("{} {:04}", m.name(), m.year) } else { m.name().to_owned() };
        if m.first < free || label.len() > room {
            continue;
        }
        for (i, c) in label.chars().enumerate() {
            match months.get_mut(m.first + i) {
                Some(cell) => *cell = c,
                None => months.push(c),
            }
        }
        free = m.first + label.len() + 1;
    }
    let digit = |k: usize, tens: bool| {
        let d = t.date_of(k).2;
        match (tens, d / 10) {
            (true, 0) => ' ',
            (true, n) => char::from_digit(n, 10).unwrap_or(' '),
            (false, _) => char::from_digit(d % 10, 10).unwrap_or(' '),
        }
    };
    [
        months.into_iter().collect(),
        (0..t.days).map(|k| digit(k, true)).collect(),
        (0..t.days).map(|k| digit(k, false)).collect(),
    ]
}

/// The cell of day `k` in a row.
fn cell(t: &Timeline, row: &super::model::Row, k: usize) -> char {
    match row.span {
        Some((first, last)) if first <= k && k <= last => {
            if row.overlaps.iter().any(|&(a, b)| a <= k && k <= b) {
                'X'
            } else if k == first && row.before {
                '<'
            } else if k == last && row.after {
                '>'
            } else {
                '#'
            }
        }
        _ if t.today == Some(k) => '|',
        _ => '.',
    }
}

/// An instant on the display zone's clock: `2026-10-25 02:00`, with `:SS` when the
/// seconds are not zero.
pub(crate) fn short(at: i128, t: &Timeline) -> String {
    let secs = secs_of(at);
    short_wall(secs.saturating_add(i64::from(reading(secs, t.zone).0)))
}

/// Wall-clock seconds as `2026-10-25 02:00[:SS]`.
pub(crate) fn short_wall(wall: i64) -> String {
    let p = parts_of_wall(wall, 0, 0);
    let mut s = format!("{:04}-{:02}-{:02} {:02}:{:02}", p.year, p.month, p.day, p.hour, p.min);
    if p.sec != 0 {
        let _ = write!(s, ":{:02}", p.sec);
    }
    s
}

/// At most `max` characters of `s`, the last one `…` when cut.
pub(crate) fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn plural(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}
