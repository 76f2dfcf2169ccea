//! The page's timeline section: the `timeline` command's model (`report::model` builds it
//! with the findings) drawn as HTML, one row per windowed item with its window as a bar
//! over the days, the days where it overlaps another window of its `no_overlap` list
//! marked on the bar, today and the display zone's clock changes as vertical marks. Bars
//! are positioned in percent of the range (CSS in `page.css`), so the section needs no
//! script and loads nothing. Kept apart from `page.rs` so each file reads in one sitting.
//!
//! Test hooks: `section#timeline[data-items][data-days][data-zone]`,
//! `div.tl-row[data-path][data-overlap]`, `i.tl-over`, `i.tl-today`, `i.tl-dst`.

use super::shown::{NAME_CHARS, TEXT_CHARS, shown};
use crate::timeline::model::{Change, MAX_DAYS, Timeline};
use crate::timeline::{short, short_wall};
use config_core::zone::format_offset;
use maud::{Markup, html};

/// Rows drawn on the page; the others are counted (`timeline` lists them all).
pub(crate) const LISTED_WINDOWS: usize = 500;

/// Overlaps and skipped items listed under the chart.
const LISTED_NOTES: usize = 100;

/// Has the page a timeline section (the file has windowed items)?
pub(crate) fn shown_for(t: Option<&Timeline>) -> bool {
    t.is_some_and(|t| !t.items.is_empty() || !t.skipped.is_empty())
}

/// `left:12.5000%` of column `k` of `days`, and `width:…` of `n` columns.
fn at(k: usize, days: usize) -> String {
    format!("{:.4}%", k as f64 * 100.0 / days.max(1) as f64)
}

fn plural(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

fn date((y, m, d): (i32, u32, u32)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// Today and the clock changes, as marks over one track.
fn marks(t: &Timeline) -> Markup {
    let n = t.days;
    html! {
        @for c in &t.changes {
            i.tl-dst style={ "left:" (at(c.column, n)) ";width:" (at(1, n)) } title=(change_text(c)) {}
        }
        @if let Some(k) = t.today {
            i.tl-today style={ "left:" (at(2 * k + 1, 2 * n)) } title={ "today: " (short(t.now, t)) } {}
        }
    }
}

/// `Clocks change on 2026-10-25 at 03:00 CEST to 02:00 CET (+02:00 → +01:00)`.
fn change_text(c: &Change) -> String {
    let wall = |offset: i32| short_wall(c.at.saturating_add(i64::from(offset)));
    format!(
        "Clocks change: {} {} → {} {} ({} → {})",
        wall(c.before.0),
        c.before.1,
        wall(c.after.0),
        c.after.1,
        format_offset(c.before.0),
        format_offset(c.after.0)
    )
}

/// The section, or nothing when the file has no windowed item.
pub(crate) fn section(t: Option<&Timeline>) -> Markup {
    let Some(t) = t.filter(|t| shown_for(Some(t))) else { return html! {} };
    let n = t.days;
    let listed = t.items.len().min(LISTED_WINDOWS);
    let unlisted = t.items.len() - listed + t.unlisted;
    html! {
        section #timeline data-items=(t.items.len() + t.unlisted) data-days=(n) data-zone=(t.zone_name()) {
            h2 { "Timeline" }
            p {
                (plural(t.items.len() + t.unlisted, "windowed item")) " · days and times in "
                code { (t.zone_name()) } " · " (date(t.date_of(0))) " to " (date(t.date_of(n.saturating_sub(1))))
                " (" (plural(n, "day")) ")"
            }
            @if let Some(full) = t.cut_from {
                p.muted { "The range has " (full) " days; " (MAX_DAYS) " are drawn. "
                    code { "timeline --from DATE --to DATE" } " draws others." }
            }
            p.legend {
                span { span.swatch.tl-win {} "window" }
                span { span.swatch.tl-overlap {} "overlaps another window of its " code { "no_overlap" } " list" }
                @if t.today.is_some() { span { span.swatch.tl-now {} "today (" (short(t.now, t)) ")" } }
                @if !t.changes.is_empty() { span { span.swatch.tl-change {} "clocks change" } }
            }
            div.scroll { div.tl style={ "--days:" (n) } {
                div.tl-head aria-hidden="true" {
                    span.tl-label {}
                    div.tl-track {
                        @for m in t.months() {
                            span.tl-month style={ "left:" (at(m.first, n)) ";width:" (at(m.days, n)) } {
                                (m.name()) @if m.days >= 8 { " " (m.year) }
                            }
                        }
                        (marks(t))
                    }
                    span.tl-dates {}
                }
                @for item in t.items.iter().take(LISTED_WINDOWS) {
                    @let row = &item.row;
                    @let start = item.start.map_or_else(|| "open".to_owned(), |s| short(s, t));
                    @let end = item.end.map_or_else(|| "open".to_owned(), |e| short(e, t));
                    div.tl-row data-path=(shown(&item.path, TEXT_CHARS)) data-overlap=(!row.overlaps.is_empty()) {
                        span.tl-label title=(shown(&item.path, TEXT_CHARS)) { (shown(&item.label, NAME_CHARS)) }
                        div.tl-track {
                            @if let Some((a, b)) = row.span {
                                i.tl-bar.before[row.before].after[row.after]
                                    style={ "left:" (at(a, n)) ";width:" (at(b - a + 1, n)) }
                                    title={ (start) " → " (end) } {}
                            }
                            @for (a, b) in &row.overlaps {
                                i.tl-over style={ "left:" (at(*a, n)) ";width:" (at(b - a + 1, n)) } {}
                            }
                            (marks(t))
                        }
                        span.tl-dates { (start) " → " (end) }
                    }
                }
            } }
            @if unlisted > 0 {
                p.muted { "… " (plural(unlisted, "more windowed item")) " not drawn; " code { "timeline" } " draws them." }
            }
            @if !(t.changes.is_empty() && t.overlaps.is_empty() && t.skipped.is_empty()) {
                ul.tl-notes {
                    @for c in &t.changes { li.tl-change-note { (change_text(c)) } }
                    @for o in t.overlaps.iter().take(LISTED_NOTES) {
                        li.tl-overlap-note {
                            "Overlap in " code { (shown(&o.list, NAME_CHARS)) } ": "
                            code { (shown(&t.items[o.later].label, NAME_CHARS)) } " with "
                            code { (shown(&t.items[o.earlier].label, NAME_CHARS)) } ", "
                            (short(o.from, t)) " to " (short(o.to, t))
                        }
                    }
                    @for s in t.skipped.iter().take(LISTED_NOTES) {
                        li {
                            "Not drawn: " code { (shown(&s.path, TEXT_CHARS)) } " (line " (s.line) ", column " (s.col)
                            "): an end of its window names no instant; the findings above say why."
                        }
                    }
                }
            }
        }
    }
}
