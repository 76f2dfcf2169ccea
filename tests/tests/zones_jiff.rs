#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]
//! `jiff::Timestamp` and `jiff::ZonedDateTime` fields (feature `jiff` of `config-runtime`):
//! under a `tz` they take every form an instant field takes, resolved in that zone;
//! without one a `ZonedDateTime` names its zone in an RFC 9557 bracket, checked against
//! the database. The same from `baked()` and from `check_str`.

use config_runtime::check_str;

mod types {
    #[derive(config_runtime::Config, serde::Deserialize, Debug, PartialEq)]
    #[config(file = "fixtures/good/zones_jiff.toml")]
    pub struct Launch {
        #[config(tz = "Europe/Berlin")]
        pub opens: jiff::Timestamp,
        #[config(tz = "Europe/Berlin")]
        pub launch: jiff::ZonedDateTime,
        pub named: Named,
    }

    /// No zone in force here: each value names its own in an RFC 9557 bracket.
    #[derive(config_runtime::Config, serde::Deserialize, Debug, PartialEq)]
    pub struct Named {
        pub at: jiff::ZonedDateTime,
    }

    #[derive(config_runtime::Config, serde::Deserialize, Debug, PartialEq)]
    pub struct Free {
        pub at: jiff::ZonedDateTime,
    }
}
use types::{Free, Launch};

fn assert_launch(l: &Launch) {
    assert_eq!(l.opens, "2026-11-27T08:00:00Z".parse::<jiff::Timestamp>().unwrap());
    assert_eq!(l.launch.to_string(), "2026-03-29T03:30:00+02:00[Europe/Berlin]");
    assert_eq!(l.named.at.to_string(), "2026-11-27T00:00:00-05:00[America/New_York]");
}

#[test]
fn baked_and_check_str_hold_the_same_instants() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/good/zones_jiff.toml"))
        .unwrap();
    assert_launch(Launch::baked());
    let at_run_time: Launch = check_str("zones_jiff.toml", &text).unwrap();
    assert_launch(&at_run_time);
    assert_eq!(&at_run_time, Launch::baked());
}

#[test]
fn a_zoned_without_a_zone_in_force_names_its_own() {
    let ok: Free = check_str("f.toml", "at = \"2026-11-27T00:00:00+02:00[Europe/Kiev]\"\n").unwrap();
    assert_eq!(ok.at.to_string(), "2026-11-27T00:00:00+02:00[Europe/Kiev]");
    let err = |t: &str| {
        let d = check_str::<Free>("f.toml", t).unwrap_err();
        (
            d.items[0].rule.id().to_owned(),
            d.items[0].message.clone(),
            d.items[0].help.clone().unwrap_or_default(),
        )
    };
    let (rule, msg, help) = err("at = 2026-11-27T00:00:00+02:00\n");
    assert_eq!(rule, "tz");
    assert!(msg.contains("names no zone"), "{msg}");
    assert!(help.contains("[Europe/Kyiv]"), "{help}");
    let (rule, msg, _) = err("at = \"2026-11-27T00:00:00+02:00[Mars/Base]\"\n");
    assert_eq!((rule.as_str(), msg.contains("`Mars/Base`, which is not a time zone")), ("tz", true), "{msg}");
    let (_, msg, help) = err("at = \"2026-11-27T00:00:00+03:00[Europe/Kyiv]\"\n");
    assert_eq!(
        msg,
        "2026-11-27T00:00:00+03:00 has the wrong UTC offset: Europe/Kyiv is +02:00 (EET) on 2026-11-26"
    );
    assert_eq!(help, "write 2026-11-26T23:00:00+02:00[Europe/Kyiv], the same instant");
    let (rule, _, _) = err("at = \"27.11.2026\"\n");
    assert_eq!(rule, "datetime");
}
