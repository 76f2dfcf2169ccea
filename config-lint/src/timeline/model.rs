//! The timeline as data, before any drawing: every windowed item (`crate::windows`) with its
//! window resolved to instants, the days drawn (one column each, in the display zone), which
//! columns each item's bar covers, the overlaps of `no_overlap` lists, the display zone's
//! clock changes and today. `timeline` draws it as text (`draw`) or JSON, `at` filters its
//! items, and the report page draws the same model as HTML, so the three never disagree.
//!
//! Overlaps are those the checker's `overlap` rule judges: items of one list (of equal `by`,
//! when given) whose windows `[start, end)` both have two ends and intersect, among the
//! first `config_core::check::OVERLAP_CAP` windows of the list; every such pair is listed.
//!
//! Days: from `from` to `to` (both included), by default from the day of the earliest start
//! to the day of the latest end, at most [`MAX_DAYS`] (the model says how many the range
//! had when it is cut). A day is midnight to midnight in the display zone, so the day of a
//! clock change is 23 or 25 hours long and the bars still fall on the right days.

use crate::windows::{self, Group, Window, day_of, midnight, nanos};
use config_core::Schema;
use config_core::check::OVERLAP_CAP;
use config_core::diag::LineIndex;
use config_core::zone::ZoneRules;
use toml::de::DeTable;

/// The most days drawn; a longer range is cut, with a note.
pub(crate) const MAX_DAYS: usize = 120;

/// The most items a timeline holds (the others are counted).
pub(crate) const MAX_ITEMS: usize = 5000;

/// The most overlaps listed (the others are counted).
pub(crate) const MAX_OVERLAPS: usize = 1000;

/// What to draw: the range (days since 1970-01-01), the zone, the moment of "today".
#[derive(Clone, Copy, Debug)]
pub(crate) struct Options {
    pub from: Option<i64>,
    pub to: Option<i64>,
    /// `--tz`; `None`: the zone in force at the items, else UTC.
    pub zone: Option<&'static ZoneRules>,
    /// Now, in UTC nanoseconds.
    pub now: i128,
}

/// Where the display zone comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ZoneSource {
    /// `--tz`.
    Chosen,
    /// The zone in force at `of` of the `total` items (the most common one).
    Items { of: usize, total: usize },
    /// No item has a zone in force.
    Utc,
}

/// One windowed item.
#[derive(Clone, Debug)]
pub(crate) struct Item {
    /// Its `unique` key, else its title, else its key path (as written: escape to show).
    pub label: String,
    /// The table's key path.
    pub path: String,
    /// Line and column of its first present end.
    pub line: u32,
    pub col: u32,
    /// The zone in force at its start (else at its end).
    pub zone: Option<&'static ZoneRules>,
    /// UTC nanoseconds; `None`: open (no such field).
    pub start: Option<i128>,
    pub end: Option<i128>,
    /// The key path of the `no_overlap` list holding it.
    pub list: Option<String>,
    pub row: Row,
}

/// What an item's row shows, in columns (days) of the range.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Row {
    /// The first and last day its window touches, if it touches the range.
    pub span: Option<(usize, usize)>,
    /// The window runs on before the first day / after the last one.
    pub before: bool,
    pub after: bool,
    /// Days where it overlaps another window of its list.
    pub overlaps: Vec<(usize, usize)>,
}

/// An item whose window cannot be drawn: an end names no instant (`check` says why).
#[derive(Clone, Debug)]
pub(crate) struct Skipped {
    pub label: String,
    pub path: String,
    pub line: u32,
    pub col: u32,
}

/// Two windows of one `no_overlap` list that overlap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Overlap {
    pub list: String,
    /// Indices into [`Timeline::items`], the earlier item of the list first.
    pub earlier: usize,
    pub later: usize,
    /// The shared part, UTC nanoseconds.
    pub from: i128,
    pub to: i128,
}

/// A change of the display zone's offset within the range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Change {
    /// UTC seconds.
    pub at: i64,
    pub column: usize,
    pub before: (i32, &'static str),
    pub after: (i32, &'static str),
}

/// The whole timeline.
#[derive(Clone, Debug)]
pub(crate) struct Timeline {
    /// The zone days are drawn in (`None`: UTC).
    pub zone: Option<&'static ZoneRules>,
    pub zone_source: ZoneSource,
    /// The first day drawn (days since 1970-01-01) and how many.
    pub first_day: i64,
    pub days: usize,
    /// The days the range had, when it was cut to [`MAX_DAYS`].
    pub cut_from: Option<i64>,
    pub items: Vec<Item>,
    /// Windowed items past [`MAX_ITEMS`], counted only.
    pub unlisted: usize,
    pub skipped: Vec<Skipped>,
    pub overlaps: Vec<Overlap>,
    /// Overlaps past [`MAX_OVERLAPS`], counted only.
    pub more_overlaps: usize,
    pub changes: Vec<Change>,
    /// Now (UTC nanoseconds) and its column, when today is drawn.
    pub now: i128,
    pub today: Option<usize>,
}

impl Timeline {
    /// The name of the display zone.
    pub(crate) fn zone_name(&self) -> &'static str {
        self.zone.map_or("UTC", |z| z.name)
    }

    /// The `(year, month, day)` of column `k`.
    pub(crate) fn date_of(&self, k: usize) -> (i32, u32, u32) {
        config_core::zone::rules::civil_from_days(self.first_day + k as i64)
    }

    /// The months the range shows, in order: the first column of each (the first day of the
    /// month, or of the range), its number of columns, its year and month.
    pub(crate) fn months(&self) -> Vec<Month> {
        let mut out: Vec<Month> = Vec::new();
        for k in 0..self.days {
            let (year, month, day) = self.date_of(k);
            match out.last_mut() {
                Some(m) if day != 1 => m.days += 1,
                _ => out.push(Month { first: k, days: 1, year, month }),
            }
        }
        out
    }
}

/// A month of the range (see [`Timeline::months`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Month {
    pub first: usize,
    pub days: usize,
    pub year: i32,
    pub month: u32,
}

impl Month {
    /// `Oct`.
    pub(crate) fn name(&self) -> &'static str {
        const NAMES: [&str; 12] =
            ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        NAMES[(self.month as usize).saturating_sub(1) % 12]
    }
}

/// The items of a document, every end resolved: (drawable items, skipped ones, their
/// windows). Rows are left empty; [`build`] fills them.
pub(crate) fn items(
    text: &str,
    doc: &DeTable<'_>,
    root: &'static Schema,
) -> (Vec<Item>, Vec<Skipped>, Vec<Window>) {
    let lines = LineIndex::new(text);
    let (mut items, mut skipped, mut kept) = (Vec::new(), Vec::new(), Vec::new());
    for w in windows::find(doc, root) {
        let (line, col) = lines.at(w.offset());
        let resolved = |e: &Option<windows::WindowEdge>| match e {
            None => Ok(None),
            Some(e) => e.moment.map(|m| Some(m.at)).ok_or(()),
        };
        match (resolved(&w.start), resolved(&w.end)) {
            (Ok(start), Ok(end)) => {
                items.push(Item {
                    label: w.label().to_owned(),
                    path: w.path.clone(),
                    line,
                    col,
                    zone: w.start.as_ref().or(w.end.as_ref()).and_then(|e| e.zone),
                    start,
                    end,
                    list: w.member.as_ref().map(|m| m.list_path.clone()),
                    row: Row::default(),
                });
                kept.push(w);
            }
            _ => skipped.push(Skipped { label: w.label().to_owned(), path: w.path.clone(), line, col }),
        }
    }
    (items, skipped, kept)
}

/// The timeline of a parsed document.
pub(crate) fn build(text: &str, doc: &DeTable<'_>, root: &'static Schema, opts: &Options) -> Timeline {
    let (mut items, skipped, mut kept) = items(text, doc, root);
    let unlisted = items.len().saturating_sub(MAX_ITEMS);
    items.truncate(MAX_ITEMS);
    kept.truncate(MAX_ITEMS);
    let (zone, zone_source) = match opts.zone {
        Some(z) => (Some(z), ZoneSource::Chosen),
        None => common_zone(&items),
    };
    let (first_day, days, cut_from) = range(&items, zone, opts);
    // where each day starts, UTC nanoseconds: `days + 1` entries, the last the end
    let bounds: Vec<i128> = (0..=days).map(|k| nanos(midnight(first_day + k as i64, zone), 0)).collect();
    let (overlaps, more_overlaps) = overlaps(&items, &kept);
    for (i, item) in items.iter_mut().enumerate() {
        let (span, before, after) = columns(&bounds, item.start, item.end);
        let mut ov: Vec<(usize, usize)> = overlaps
            .iter()
            .filter(|o| o.earlier == i || o.later == i)
            .filter_map(|o| columns(&bounds, Some(o.from), Some(o.to)).0)
            .collect();
        ov.sort_unstable();
        ov.dedup();
        item.row = Row { span, before, after, overlaps: ov };
    }
    let changes = changes(&bounds, zone);
    let today = column_of(&bounds, opts.now);
    Timeline {
        zone,
        zone_source,
        first_day,
        days,
        cut_from,
        items,
        unlisted,
        skipped,
        overlaps,
        more_overlaps,
        changes,
        now: opts.now,
        today,
    }
}

/// The zone in force at the most items (the first seen of equal counts).
pub(crate) fn common_zone(items: &[Item]) -> (Option<&'static ZoneRules>, ZoneSource) {
    let mut counts: Vec<(&'static ZoneRules, usize)> = Vec::new();
    for z in items.iter().filter_map(|i| i.zone) {
        match counts.iter_mut().find(|(c, _)| c.name == z.name) {
            Some(c) => c.1 += 1,
            None => counts.push((z, 1)),
        }
    }
    let mut best: Option<(&'static ZoneRules, usize)> = None;
    for (z, n) in counts {
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((z, n));
        }
    }
    match best {
        Some((z, of)) => (Some(z), ZoneSource::Items { of, total: items.len() }),
        None => (None, ZoneSource::Utc),
    }
}

/// The first day, the number of days and, when cut, the days the range had.
fn range(items: &[Item], zone: Option<&'static ZoneRules>, opts: &Options) -> (i64, usize, Option<i64>) {
    let starts = items.iter().filter_map(|i| i.start.or(i.end));
    // an end is exclusive: the last day a window touches holds the nanosecond before it
    let ends = items.iter().filter_map(|i| i.end.map(|e| e - 1).or(i.start));
    let lo = starts.map(|t| day_of(t, zone)).min();
    let hi = ends.map(|t| day_of(t, zone)).max();
    let today = day_of(opts.now, zone);
    let (first, last) = match (opts.from, opts.to) {
        (Some(f), Some(t)) => (f, t),
        (Some(f), None) => (f, hi.unwrap_or(f).max(f)),
        (None, Some(t)) => (lo.unwrap_or(t).min(t), t),
        (None, None) => {
            let lo = lo.unwrap_or(today);
            (lo, hi.unwrap_or(lo).max(lo))
        }
    };
    let last = last.max(first);
    let full = last.saturating_sub(first).saturating_add(1);
    let max = MAX_DAYS as i64;
    if full <= max {
        return (first, usize::try_from(full).unwrap_or(MAX_DAYS), None);
    }
    // keep the end the user chose, else the start
    let first = if opts.to.is_some() && opts.from.is_none() { last - max + 1 } else { first };
    (first, MAX_DAYS, Some(full))
}

/// The columns `[start, end)` touches (open ends reach past the range), and whether it
/// runs on before the first day and after the last.
fn columns(bounds: &[i128], start: Option<i128>, end: Option<i128>) -> (Option<(usize, usize)>, bool, bool) {
    let days = bounds.len().saturating_sub(1);
    if days == 0 {
        return (None, false, false);
    }
    let s = start.unwrap_or(i128::MIN);
    let e = end.unwrap_or(i128::MAX);
    if e <= s {
        return (None, false, false);
    }
    // first column whose end is after the start; last column whose start is before the end
    let first = bounds[1..].partition_point(|b| *b <= s);
    let last = bounds[..days].partition_point(|b| *b < e);
    if first >= days || last == 0 || first > last - 1 {
        return (None, false, false);
    }
    let last = last - 1;
    (Some((first, last)), first == 0 && s < bounds[0], last == days - 1 && e > bounds[days])
}

/// The column instant `t` falls in, if it is in the range.
fn column_of(bounds: &[i128], t: i128) -> Option<usize> {
    let k = bounds.partition_point(|b| *b <= t);
    (k > 0 && k < bounds.len()).then(|| k - 1)
}

/// Every overlapping pair of each `no_overlap` list, on its first [`OVERLAP_CAP`] windows.
fn overlaps(items: &[Item], windows: &[Window]) -> (Vec<Overlap>, usize) {
    let mut out = Vec::new();
    let mut more = 0;
    let mut seen_in_list: Vec<(usize, usize)> = Vec::new();
    let mut members: Vec<(usize, &Group, usize, i128, i128)> = Vec::new();
    for (i, (item, w)) in items.iter().zip(windows).enumerate() {
        let Some(m) = &w.member else { continue };
        let n = match seen_in_list.iter_mut().find(|(l, _)| *l == m.list) {
            Some(c) => {
                c.1 += 1;
                c.1
            }
            None => {
                seen_in_list.push((m.list, 1));
                1
            }
        };
        if n > OVERLAP_CAP {
            continue;
        }
        if let (Some(s), Some(e)) = (item.start, item.end) {
            members.push((m.list, &m.group, i, s, e));
        }
    }
    for (j, &(list, group, later, sj, ej)) in members.iter().enumerate() {
        for &(other, g, earlier, si, ei) in &members[..j] {
            if other == list && g.same(group) && si < ej && sj < ei {
                if out.len() == MAX_OVERLAPS {
                    more += 1;
                    continue;
                }
                let list = items[later].list.clone().unwrap_or_default();
                out.push(Overlap { list, earlier, later, from: si.max(sj), to: ei.min(ej) });
            }
        }
    }
    (out, more)
}

/// The display zone's offset changes within the range.
fn changes(bounds: &[i128], zone: Option<&'static ZoneRules>) -> Vec<Change> {
    let (Some(z), Some(&lo), Some(&hi)) = (zone, bounds.first(), bounds.last()) else { return Vec::new() };
    let (lo, hi) = (windows::secs_of(lo), windows::secs_of(hi));
    let from = z.transitions.partition_point(|t| t.at < lo);
    z.transitions[from..]
        .iter()
        .take_while(|t| t.at < hi)
        .filter_map(|t| {
            let before = z.at(t.at - 1);
            let column = column_of(bounds, nanos(t.at, 0))?;
            (before.offset != t.offset).then_some(Change {
                at: t.at,
                column,
                before: (before.offset, before.abbrev),
                after: (t.offset, t.abbrev),
            })
        })
        .collect()
}

#[cfg(test)]
#[path = "model_tests.rs"]
mod tests;
