#![allow(clippy::unwrap_used, clippy::panic)]
//! The const table against `jiff` on the same zones: every transition of the covered
//! years, and wall times on both sides of each.

use super::*;
use crate::datetime::{DtKind, parse};
use crate::zone::{LocalTimeError, Zone, format_offset, format_wall, format_with_offset};

const ZONES: &[&str] = &[
    "Europe/Kyiv",
    "Europe/Kiev",
    "Europe/Berlin",
    "America/New_York",
    "Australia/Lord_Howe",
    "Pacific/Apia",
    "Asia/Kolkata",
    "UTC",
    "America/Sao_Paulo",
    "Africa/Casablanca",
];

fn dt(kind: DtKind, s: &str) -> DtParts {
    parse(kind, s).unwrap()
}

#[test]
fn civil_days_round_trip() {
    for days in (-800_000..800_000).step_by(97) {
        let (y, m, d) = civil_from_days(days);
        assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
    }
    assert_eq!(days_from_civil(1970, 1, 1), 0);
    assert_eq!(days_from_civil(2026, 11, 30), 20_787);
}

#[test]
fn every_transition_resolves_as_jiff_does() {
    for name in ZONES {
        let zone = Zone::named(name).unwrap();
        let rules = zone.rules_table().leak();
        assert_eq!(rules.name, *name);
        let mut walls = vec![days_from_civil(2026, 6, 15) * 86_400 + 12 * 3600];
        for t in rules.transitions.iter().filter(|t| t.at > rules.from + 3 * 86_400) {
            for d in [-7200, -3601, -1800, -1, 0, 1, 1800, 3599, 3600, 7200] {
                walls.push(t.at + t.offset as i64 + d);
                walls.push(t.at + rules.at(t.at - 1).offset as i64 + d);
            }
        }
        for wall in walls {
            let p = parts_of_wall(wall, 0, 0);
            let ours = rules.resolve(wall);
            match (zone.resolve_local(p), ours) {
                (Ok(r), Local::One(o)) => {
                    assert_eq!((r.offset_secs, r.abbreviation.as_str()), (o.offset, o.abbrev), "{name} {p:?}")
                }
                (Err(LocalTimeError::Gap(g)), Local::Gap { last, first }) => {
                    assert_eq!(g.after.offset_secs, first.1.offset, "{name} {p:?}");
                    assert_eq!(g.before.offset_secs, last.1.offset, "{name} {p:?}");
                    assert_eq!(
                        format_with_offset(g.after.parts),
                        DtText::with_offset(&parts_of_wall(
                            first.0 + first.1.offset as i64,
                            0,
                            first.1.offset
                        ))
                        .as_str()
                    );
                }
                (Err(LocalTimeError::Fold(f)), Local::Fold { earlier, later }) => {
                    assert_eq!(
                        (f.earlier.offset_secs, f.later.offset_secs),
                        (earlier.offset, later.offset),
                        "{name} {p:?}"
                    );
                    assert_eq!(f.earlier.abbreviation, earlier.abbrev);
                }
                (theirs, ours) => panic!("{name} {p:?}: jiff {theirs:?}, table {ours:?}"),
            }
        }
    }
}

#[test]
fn instants_read_as_jiff_reads_them() {
    for name in ZONES {
        let zone = Zone::named(name).unwrap();
        let rules = zone.rules_table().leak();
        for t in (rules.from + 86_400..rules.until - 86_400).step_by(86_400 * 7 + 3_601) {
            let p = parts_of_wall(t, 0, 0);
            let r = zone.offset_at(p).unwrap();
            assert_eq!(
                (rules.at(t).offset, rules.at(t).abbrev),
                (r.offset_secs, r.abbreviation.as_str()),
                "{name} {t}"
            );
        }
    }
}

#[test]
fn outside_the_covered_years() {
    let rules = Zone::named("Europe/Berlin").unwrap().rules_table().leak();
    assert_eq!(rules.resolve(wall_seconds(&dt(DtKind::Local, "2200-03-01T00:00:00"))), Local::Outside);
    assert_eq!(rules.resolve(wall_seconds(&dt(DtKind::Local, "1969-12-31T00:00:00"))), Local::Outside);
    assert!(rules.covers(wall_seconds(&dt(DtKind::Local, "2199-12-01T00:00:00"))));
}

#[test]
fn text_is_the_host_formatters_text() {
    for s in ["2026-03-29T02:30:00.250+01:00", "2026-11-30T23:59:59+02:00", "0001-01-01T00:00:00-09:30"] {
        let p = dt(DtKind::Offset, s);
        assert_eq!(DtText::with_offset(&p).as_str(), format_with_offset(p));
        assert_eq!(DtText::wall(&p).as_str(), format_wall(p));
        assert_eq!(DtText::offset(p.offset_secs).as_str(), format_offset(p.offset_secs));
    }
    assert_eq!(DtText::date(&dt(DtKind::Local, "2026-11-30T01:00:00")).as_str(), "2026-11-30");
    assert_eq!(DtText::offset(-5 * 3600).as_str(), "-05:00");
    assert_eq!(DtText::offset(3208).as_str(), format_offset(3208));
}
