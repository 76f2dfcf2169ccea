#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]
//! `tz` as a user sees it at run time and in the baked value: the instants a local time
//! names (with the zone the nearest `tz` puts in force), the same from `baked()` and from
//! `check_str`, and the run-time findings of each bad case. (The build's findings are the
//! UI cases `ui/bad/zones_*`; `parity.rs` holds build and run time to the same list.)

use chrono::{DateTime, FixedOffset, Utc};
use config_runtime::check_str;

mod baked {
    config_tests::zones_types!(#[config(file = "fixtures/good/zones.toml")]);
}
mod plain {
    config_tests::zones_types!();
}

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

/// The instants `fixtures/good/zones.toml` names, and the offsets they carry.
fn expected_launch() -> [(DateTime<FixedOffset>, &'static str); 5] {
    [
        // local time in the root's zone, Berlin in winter
        (at("2026-11-27T00:00:00+01:00"), "launch"),
        // the field's own zone: New York in July
        (at("2026-07-04T09:00:00-04:00"), "ny_launch"),
        // just after the spring gap in Berlin
        (at("2026-03-29T03:30:00+02:00"), "sales[0].starts"),
        // the fold's second reading, written out
        (at("2026-10-25T02:30:00+01:00"), "sales[0].ends"),
        // the container's zone (New York) wins over the root's
        (at("2026-11-27T00:00:00-05:00"), "us_sales[0].starts"),
    ]
}

fn assert_instants(
    launch: Option<DateTime<FixedOffset>>,
    ny: Option<DateTime<FixedOffset>>,
    sales: (DateTime<FixedOffset>, DateTime<FixedOffset>),
    us: DateTime<FixedOffset>,
    cutoff: Option<DateTime<Utc>>,
) {
    let e = expected_launch();
    let got = [launch.unwrap(), ny.unwrap(), sales.0, sales.1, us];
    for ((want, what), got) in e.iter().zip(got) {
        assert_eq!(got, *want, "{what}");
        // the offset is the zone's, not only the instant
        assert_eq!(got.offset(), want.offset(), "{what}");
    }
    assert_eq!(cutoff.unwrap(), at("2026-11-30T22:59:59Z").to_utc());
}

#[test]
fn baked_holds_the_resolved_instants() {
    let b = baked::Schedule::baked();
    assert_instants(
        b.launch,
        b.ny_launch,
        (b.sales[0].starts, b.sales[0].ends),
        b.us_sales[0].starts,
        b.cutoff,
    );
    assert_eq!(b.us_sales[0].kyiv_mirror, Some(at("2026-11-27T00:00:00+02:00")));
}

#[test]
fn root_datetimes_stay_consts_resolved_in_the_zone() {
    // a root datetime field is an associated const, resolved in the zone at build time
    assert_eq!(zones_const::Launch::STARTS, at("2026-11-27T00:00:00+02:00"));
    assert_eq!(zones_const::Launch::ENDS_UTC, at("2026-11-30T21:59:59Z").to_utc());
}

mod zones_const {
    use config_runtime::Config;
    #[derive(Config, serde::Deserialize, Debug)]
    #[config(file = "fixtures/good/zones_const.toml", tz = "Europe/Kyiv")]
    pub struct Launch {
        pub starts: chrono::DateTime<chrono::FixedOffset>,
        pub ends_utc: chrono::DateTime<chrono::Utc>,
    }
}

#[test]
fn check_str_reads_the_same_instants() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/good/zones.toml")).unwrap();
    let s: plain::Schedule = check_str("zones.toml", &text).unwrap();
    assert_instants(
        s.launch,
        s.ny_launch,
        (s.sales[0].starts, s.sales[0].ends),
        s.us_sales[0].starts,
        s.cutoff,
    );
    let b = baked::Schedule::baked();
    assert_eq!(format!("{s:?}"), format!("{b:?}").replace("baked::", "plain::"));
}

/// `(rule, path, line:col, message, help)` of each run-time finding.
fn findings(text: &str) -> Vec<(String, String, String, String, String)> {
    let d = check_str::<plain::Schedule>("s.toml", text).unwrap_err();
    d.items
        .iter()
        .map(|f| {
            (
                f.rule.id().to_owned(),
                f.path.clone(),
                format!("{}:{}", f.line, f.col),
                f.message.clone(),
                f.help.clone().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn each_case_at_run_time() {
    let gap = findings("launch = 2026-03-29T02:30:00\n");
    assert_eq!(gap.len(), 1);
    assert_eq!((gap[0].0.as_str(), gap[0].1.as_str(), gap[0].2.as_str()), ("tz", "launch", "1:10"));
    assert!(gap[0].3.contains("does not exist in Europe/Berlin: the clocks go from 2026-03-29T01:59:59+01:00 (CET) to 2026-03-29T03:00:00+02:00 (CEST)"), "{gap:?}");

    let fold = findings("launch = \"2026-10-25T02:30:00\"\n");
    assert!(
        fold[0].3.contains("happens twice in Europe/Berlin: at +02:00 (CEST) and again at +01:00 (CET)"),
        "{fold:?}"
    );
    assert!(
        fold[0].4.contains("2026-10-25T02:30:00+02:00 for the first (CEST) or 2026-10-25T02:30:00+01:00"),
        "{fold:?}"
    );

    // the November mistake, in winter and in summer
    let winter = findings("launch = 2026-11-30T23:59:59+02:00\n");
    assert_eq!(
        winter[0].3,
        "2026-11-30T23:59:59+02:00 has the wrong UTC offset: Europe/Berlin is +01:00 (CET) on 2026-11-30"
    );
    assert_eq!(
        winter[0].4,
        "write 2026-11-30T23:59:59+01:00, or the local time 2026-11-30T23:59:59 without an offset"
    );
    let summer = findings("launch = 2026-07-01T10:00:00+01:00\n");
    assert!(summer[0].3.contains("Europe/Berlin is +02:00 (CEST) on 2026-07-01"), "{summer:?}");

    let bracket = findings("launch = \"2026-11-27T00:00:00+01:00[Europe/Paris]\"\n");
    assert!(
        bracket[0].3.contains("names the zone Europe/Paris, but the zone in force here is Europe/Berlin"),
        "{bracket:?}"
    );
    // an alias is the same zone, and the offset is still checked against it
    assert!(
        check_str::<plain::Schedule>("s.toml", "ny_launch = \"2026-11-27T00:00:00-05:00[US/Eastern]\"\n")
            .is_ok()
    );
    let off = findings("ny_launch = \"2026-11-27T00:00:00-04:00[America/New_York]\"\n");
    assert!(off[0].3.contains("America/New_York is -05:00 (EST) on 2026-11-26"), "{off:?}");

    // the field's `tz` overrides the container's, which overrides the root's
    let nested = findings(
        "[[us_sales]]\nid = \"a\"\nstarts = 2026-11-01T01:30:00\nkyiv_mirror = 2026-11-30T23:59:59+03:00\n",
    );
    assert_eq!(nested.len(), 2, "{nested:?}");
    assert!(nested[0].3.contains("happens twice in America/New_York"), "{nested:?}");
    assert!(nested[1].3.contains("Europe/Kyiv is +02:00 (EET) on 2026-11-30"), "{nested:?}");

    // past the covered years
    let far = findings("launch = 2201-01-01T00:00:00\n");
    assert!(far[0].3.contains("outside the years the bundled zone rules cover (1970 to 2199)"), "{far:?}");
}

#[test]
fn every_occurrence_is_reported_at_run_time() {
    let text = "[[sales]]\nid = \"a\"\nstarts = 2026-03-29T02:30:00\nends = 2026-03-30T00:00:00\n\
                [[sales]]\nid = \"b\"\nstarts = 2026-03-29T02:15:00\nends = 2026-03-30T00:00:00\n";
    let f = findings(text);
    assert_eq!(f.iter().map(|f| f.1.as_str()).collect::<Vec<_>>(), ["sales[0].starts", "sales[1].starts"]);
}

#[test]
fn without_a_zone_nothing_changes() {
    #[derive(config_runtime::Config, serde::Deserialize, Debug)]
    pub struct NoZone {
        pub at: DateTime<FixedOffset>,
    }
    let d = check_str::<NoZone>("n.toml", "at = 2026-11-27T00:00:00\n").unwrap_err();
    assert_eq!(d.items[0].rule.id(), "datetime");
    assert!(check_str::<NoZone>("n.toml", "at = 2026-11-27T00:00:00+02:00\n").is_ok());
}

#[test]
fn the_readme_shows_the_real_build_error() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    let stderr = std::fs::read_to_string(format!("{root}/tests/ui/bad/readme_november.stderr")).unwrap();
    let shown: Vec<&str> = stderr.lines().take(3).collect();
    assert!(shown[1].contains("error[tz]: promotions[0].ends"), "{stderr}");
    let block = shown.join("\n");
    assert!(readme.contains(&block), "README's Time zones section is not the build's output:\n{block}");
    let fixture = std::fs::read_to_string(format!("{root}/tests/fixtures/readme/november.toml")).unwrap();
    assert!(readme.contains(&fixture), "README's example file is not the fixture");
}

#[test]
fn overlap_at_run_time() {
    let sale = |id: &str, a: &str, b: &str| format!("[[sales]]\nid = \"{id}\"\nstarts = {a}\nends = {b}\n");
    // touching windows do not overlap; local and offset forms name the same instants
    let touching = sale("a", "2026-11-27T00:00:00", "2026-11-30T00:00:00")
        + &sale("b", "2026-11-30T00:00:00+01:00", "2026-12-01T00:00:00");
    assert!(check_str::<plain::Schedule>("s.toml", &touching).is_ok());
    let one_second = sale("a", "2026-11-27T00:00:00", "2026-11-30T00:00:00")
        + &sale("b", "2026-11-29T23:59:59+01:00", "2026-12-01T00:00:00");
    let f = findings(&one_second);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].0.as_str(), f[0].1.as_str(), f[0].2.as_str()), ("overlap", "sales[1].starts", "7:10"));
    assert_eq!(
        f[0].3,
        "this window overlaps the one of `a` from 2026-11-29T23:59:59+01:00 to 2026-11-30T00:00:00+01:00 (Europe/Berlin)"
    );
    // `by`: only equal audiences conflict
    let us = |id: &str, aud: &str, a: &str, b: &str| {
        format!("[[us_sales]]\nid = \"{id}\"\naudience = \"{aud}\"\nstarts = {a}\nends = {b}\n")
    };
    let text = us("m", "members", "2026-11-23T00:00:00", "2026-11-30T00:00:00")
        + &us("e", "all", "2026-11-27T00:00:00", "2026-11-28T00:00:00");
    assert!(check_str::<plain::Schedule>("s.toml", &text).is_ok());
    let text = text + &us("m2", "members", "2026-11-27T00:00:00", "2026-11-28T00:00:00");
    let f = findings(&text);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        f[0].3.starts_with("this window overlaps the one of item 0 from 2026-11-27T00:00:00-05:00"),
        "{f:?}"
    );
    // every later item that overlaps is reported at run time
    let three = sale("a", "2026-11-27T00:00:00", "2026-11-30T00:00:00")
        + &sale("b", "2026-11-28T00:00:00", "2026-11-29T00:00:00")
        + &sale("c", "2026-11-28T12:00:00", "2026-11-29T12:00:00");
    let f = findings(&three);
    assert_eq!(f.iter().map(|f| f.1.as_str()).collect::<Vec<_>>(), ["sales[1].starts", "sales[2].starts"]);
}

#[test]
fn overlap_compares_a_bounded_number_of_windows() {
    let cap = config_runtime::__private::core::check::OVERLAP_CAP;
    let mut text = String::new();
    for i in 0..cap + 1 {
        let day = i % 28 + 1;
        let month = i / 28 % 12 + 1;
        let year = 2030 + i / (28 * 12);
        text += &format!(
            "[[sales]]\nid = \"s{i}\"\nstarts = {year}-{month:02}-{day:02}T10:00:00\nends = {year}-{month:02}-{day:02}T11:00:00\n"
        );
    }
    let f = findings(&text);
    assert_eq!(f.len(), 1, "{:?}", &f[..f.len().min(3)]);
    assert!(f[0].3.contains(&format!("more than {cap} windows")), "{f:?}");
    assert_eq!(f[0].1, format!("sales[{cap}].starts"));
}

#[test]
fn before_orders_a_local_time_and_an_offset_in_the_zone() {
    let sale = |a: &str, b: &str| format!("[[sales]]\nid = \"s\"\nstarts = {a}\nends = {b}\n");
    // 00:00 in Berlin is 23:00Z the day before: an end at 23:30+01:00 is before it
    let f = findings(&sale("2026-11-27T00:00:00", "2026-11-26T23:30:00+01:00"));
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].0.as_str(), f[0].1.as_str()), ("before", "sales[0].starts"));
    // the other way round, and the same instant written both ways (not strictly before)
    assert!(
        check_str::<plain::Schedule>("s.toml", &sale("2026-11-26T23:30:00+01:00", "2026-11-27T00:00:00"))
            .is_ok()
    );
    let same = findings(&sale("2026-11-27T00:00:00", "2026-11-27T00:00:00+01:00"));
    assert_eq!(same[0].0, "before", "{same:?}");
}
