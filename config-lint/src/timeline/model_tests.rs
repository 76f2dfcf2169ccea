//! The timeline model on small documents of the zones test schema (sales in Berlin, US
//! sales in New York): which days a bar covers across a clock change, the range and its
//! cap, the overlaps as the checker judges them, the display zone.

#![allow(clippy::unwrap_used)]
use super::*;
use crate::windows::{NANOS, rfc3339};
use config_core::HasSchema;

mod zones {
    config_tests::zones_types!();
}

/// 2026-10-28T11:00:00Z.
const NOW: i128 = 1_793_185_200 * NANOS;

fn opts() -> Options {
    Options { from: None, to: None, zone: None, now: NOW }
}

fn timeline(text: &str, opts: &Options) -> Timeline {
    let doc = config_core::check_str::parse("t.toml", text).unwrap();
    build(text, doc.get_ref(), zones::Schedule::SCHEMA.get(), opts)
}

fn day(y: i32, m: u32, d: u32) -> i64 {
    config_core::zone::rules::days_from_civil(y, m, d)
}

fn sale(id: &str, starts: &str, ends: &str) -> String {
    format!("[[sales]]\nid = \"{id}\"\nstarts = {starts}\nends = {ends}\n")
}

#[test]
fn now_is_the_instant_the_tests_say() {
    assert_eq!(rfc3339(NOW, None).0, "2026-10-28T11:00:00+00:00");
}

#[test]
fn bars_cover_the_days_of_the_zone_across_a_clock_change() {
    // 25 October is 25 hours long in Berlin; an end at midnight is not on the next day
    let t = timeline(
        &(sale("a", "2026-10-24T23:30:00", "2026-10-26T00:00:00")
            + &sale("b", "2026-10-26T00:00:00", "2026-10-26T00:00:01")),
        &opts(),
    );
    assert_eq!((t.first_day, t.days, t.zone_name()), (day(2026, 10, 24), 3, "Europe/Berlin"));
    assert_eq!(t.zone_source, ZoneSource::Items { of: 2, total: 2 });
    assert_eq!(t.items[0].row, Row { span: Some((0, 1)), ..Row::default() });
    assert_eq!(t.items[1].row.span, Some((2, 2)));
    assert_eq!(t.changes.len(), 1);
    let c = t.changes[0];
    assert_eq!((c.column, c.before, c.after), (1, (7200, "CEST"), (3600, "CET")));
    assert_eq!(rfc3339(crate::windows::nanos(c.at, 0), t.zone).0, "2026-10-25T02:00:00+01:00");
    assert_eq!(t.today, None, "28 October is not drawn");
}

#[test]
fn windows_past_the_range_run_on_and_open_ends_reach_the_edge() {
    let text = sale("a", "2026-10-01T00:00:00", "2026-10-30T00:00:00")
        + "[[us_sales]]\nid = \"open\"\nstarts = 2026-10-27T09:00:00\n";
    let mut o = opts();
    (o.from, o.to) = (Some(day(2026, 10, 26)), Some(day(2026, 10, 31)));
    let t = timeline(&text, &o);
    assert_eq!(t.days, 6);
    assert_eq!(t.items[0].row, Row { span: Some((0, 3)), before: true, after: false, overlaps: vec![] });
    assert_eq!(t.items[1].row, Row { span: Some((1, 5)), before: false, after: true, overlaps: vec![] });
    assert_eq!(t.items[1].end, None);
    assert_eq!(t.today, Some(2));
    // a window wholly before the range touches no day
    o.from = Some(day(2026, 11, 5));
    o.to = Some(day(2026, 11, 6));
    assert_eq!(timeline(&text, &o).items[0].row, Row::default());
}

#[test]
fn a_long_range_is_cut_keeping_the_end_the_user_chose() {
    let text = sale("a", "2026-01-01T00:00:00", "2027-01-01T00:00:00");
    let t = timeline(&text, &opts());
    assert_eq!((t.first_day, t.days, t.cut_from), (day(2026, 1, 1), MAX_DAYS, Some(365)));
    let mut o = opts();
    o.to = Some(day(2026, 12, 31));
    let t = timeline(&text, &o);
    assert_eq!((t.first_day + MAX_DAYS as i64 - 1, t.cut_from), (day(2026, 12, 31), Some(365)));
    // no window at all: one day, today's
    let t = timeline("launch = 2026-10-20T09:00:00\n", &opts());
    assert!(t.items.is_empty());
    assert_eq!((t.first_day, t.days, t.zone_source), (day(2026, 10, 28), 1, ZoneSource::Utc));
}

#[test]
fn overlaps_are_the_checkers_pairs_within_a_list_and_a_by_group() {
    let us = |id: &str, starts: &str, ends: &str, audience: &str| {
        format!("[[us_sales]]\nid = \"{id}\"\nstarts = {starts}\nends = {ends}\naudience = \"{audience}\"\n")
    };
    let text = sale("a", "2026-11-01T00:00:00", "2026-11-10T00:00:00")
        // touching: half-open windows do not overlap
        + &sale("b", "2026-11-10T00:00:00", "2026-11-12T00:00:00")
        // overlaps both a and b
        + &sale("c", "2026-11-09T00:00:00", "2026-11-11T00:00:00")
        + &us("m1", "2026-11-01T00:00:00", "2026-11-05T00:00:00", "members")
        // the same days, another audience
        + &us("n1", "2026-11-02T00:00:00", "2026-11-04T00:00:00", "new")
        + &us("m2", "2026-11-04T00:00:00", "2026-11-06T00:00:00", "members")
        // an open end is never compared, as the checker compares two-ended windows
        + "[[us_sales]]\nid = \"m3\"\nstarts = 2026-11-01T00:00:00\naudience = \"members\"\n";
    let berlin = config_core::zone::Zone::named("Europe/Berlin").unwrap().rules_table().leak();
    let t = timeline(&text, &Options { zone: Some(berlin), ..opts() });
    assert_eq!(t.zone_source, ZoneSource::Chosen);
    let pairs: Vec<(&str, &str)> = t
        .overlaps
        .iter()
        .map(|o| (t.items[o.earlier].label.as_str(), t.items[o.later].label.as_str()))
        .collect();
    assert_eq!(pairs, [("a", "c"), ("b", "c"), ("m1", "m2")]);
    let o = &t.overlaps[0];
    assert_eq!(o.list, "sales");
    assert_eq!(rfc3339(o.from, t.zone).0, "2026-11-09T00:00:00+01:00");
    assert_eq!(rfc3339(o.to, t.zone).0, "2026-11-10T00:00:00+01:00");
    // the overlapping days are marked on both rows, and only there
    let c = &t.items[2];
    assert_eq!(c.row.overlaps, [(8, 8), (9, 9)]);
    assert!(t.items[4].row.overlaps.is_empty(), "n1");
    // the sales are in Berlin (3), the US sales in New York (4): the most common wins
    let t = timeline(&text, &opts());
    assert_eq!((t.zone_name(), t.zone_source), ("America/New_York", ZoneSource::Items { of: 4, total: 7 }));
}

#[test]
fn items_whose_ends_name_no_instant_are_skipped_with_their_position() {
    // 02:30 on 29 March is skipped in Berlin
    let text = sale("gap", "2026-03-29T02:30:00", "2026-03-30T00:00:00")
        + &sale("ok", "2026-03-30T00:00:00", "2026-03-31T00:00:00");
    let t = timeline(&text, &opts());
    assert_eq!(t.items.len(), 1);
    let s = &t.skipped[0];
    assert_eq!((s.label.as_str(), s.path.as_str(), s.line, s.col), ("gap", "sales[0]", 3, 10));
}
