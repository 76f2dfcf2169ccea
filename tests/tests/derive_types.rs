#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::float_cmp)]
//! Every supported field type, serde attribute and recursion shape, baked at compile
//! time, compared with the run-time path (`check_str`) and with plain serde.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use config_runtime::Config;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Config, Deserialize, Debug, PartialEq)]
#[config(file = "fixtures/good/types.toml")]
pub struct Everything {
    pub name: String,
    pub enabled: bool,
    pub tiny: i8,
    pub small: u16,
    pub count: u32,
    pub big: i64,
    pub ratio: f64,
    pub scale: f32,
    pub opens: DateTime<FixedOffset>,
    pub closes_utc: DateTime<Utc>,
    pub local_launch: NaiveDateTime,
    pub day: NaiveDate,
    pub daily_at: NaiveTime,
    #[serde(rename = "mode")]
    pub sale_mode: Mode,
    #[serde(alias = "colour")]
    pub color: Option<String>,
    pub kinds: Vec<Mode>,
    pub weights: HashMap<String, u8>,
    #[serde(default)]
    pub missing_with_default: u32,
    #[serde(default = "seven")]
    pub missing_with_path: u32,
    pub missing_option: Option<u32>,
    #[serde(skip)]
    pub skipped: Vec<u8>,
    pub limits: Limits,
    pub labels: BTreeMap<String, Label>,
    pub tree: Box<Tree>,
    pub ping: Ping,
}

fn seven() -> u32 {
    7
}

#[derive(Config, Deserialize, Debug, PartialEq)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    FlashSale,
    Clearance,
    #[serde(skip)]
    Internal,
}

#[derive(Config, Deserialize, Debug, PartialEq, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Limits {
    pub max_items: u32,
    pub max_promotions: u32,
}

#[derive(Config, Deserialize, Debug, PartialEq)]
pub struct Label {
    pub text: String,
    pub color: Option<String>,
}

/// Recursion through `Vec`.
#[derive(Config, Deserialize, Debug, PartialEq)]
pub struct Tree {
    pub name: String,
    #[serde(default)]
    pub children: Vec<Tree>,
}

/// Mutual recursion: Ping -> Pong -> Vec<Ping>.
#[derive(Config, Deserialize, Debug, PartialEq)]
pub struct Ping {
    pub label: String,
    pub pong: Option<Box<Pong>>,
}

#[derive(Config, Deserialize, Debug, PartialEq)]
pub struct Pong {
    #[serde(default)]
    pub pings: Vec<Ping>,
}

fn text() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/good/types.toml")).unwrap()
}

#[test]
fn baked_equals_check_str() {
    let checked: Everything = config_runtime::check_str("types.toml", &text()).unwrap();
    assert_eq!(Everything::baked(), &checked);
}

#[test]
fn values_are_as_written() {
    let e = Everything::baked();
    assert_eq!(e.sale_mode, Mode::FlashSale);
    assert_eq!(e.kinds, vec![Mode::FlashSale, Mode::Clearance]);
    assert_eq!(e.color.as_deref(), Some("blue"));
    assert_eq!(e.missing_with_default, 0);
    assert_eq!(e.missing_with_path, 7);
    assert_eq!(e.missing_option, None);
    assert_eq!(e.limits, Limits { max_items: 12, max_promotions: 0 });
    assert_eq!(e.labels["new"].color.as_deref(), Some("green"));
    assert_eq!(e.weights["b"], 2);
    assert_eq!(e.tree.children[0].children[0].name, "a1");
    let pong = e.ping.pong.as_ref().unwrap();
    assert_eq!(pong.pings[0].label, "q");
    assert_eq!(e.opens.to_rfc3339(), "2026-11-27T08:00:00+01:00");
    assert_eq!(e.closes_utc.to_rfc3339(), "2026-11-28T20:00:00+00:00");
    assert_eq!(e.daily_at, NaiveTime::from_hms_opt(7, 15, 0).unwrap());
    assert_eq!(e.scale, 3.0);
}

#[test]
fn root_scalars_are_consts() {
    const NAME: &str = Everything::NAME;
    const OPENS: DateTime<FixedOffset> = Everything::OPENS;
    assert_eq!(NAME, "Winter shop");
    const { assert!(Everything::ENABLED) };
    assert_eq!(Everything::TINY, -128);
    assert_eq!(Everything::SMALL, 65535);
    assert_eq!(Everything::COUNT, u32::MAX);
    assert_eq!(Everything::BIG, i64::MAX);
    assert_eq!(Everything::RATIO, 0.25);
    assert_eq!(Everything::SCALE, 3.0);
    assert_eq!(OPENS, Everything::baked().opens);
    assert_eq!(Everything::CLOSES_UTC, Everything::baked().closes_utc);
    assert_eq!(Everything::LOCAL_LAUNCH, Everything::baked().local_launch);
    assert_eq!(Everything::DAY, NaiveDate::from_ymd_opt(2026, 11, 27).unwrap());
    assert_eq!(Everything::DAILY_AT, Everything::baked().daily_at);
    assert_eq!(Everything::MISSING_WITH_DEFAULT, 0);
}

#[test]
fn skipped_enum_variant_is_not_accepted() {
    let bad = text().replace("mode = \"flash-sale\"", "mode = \"internal\"");
    let err = config_runtime::check_str::<Everything>("types.toml", &bad).unwrap_err();
    assert_eq!(err.items.len(), 1, "{err}");
    assert_eq!(err.items[0].rule.id(), "one-of");
    assert_eq!(err.items[0].path, "mode");
    assert_eq!((err.items[0].line, err.items[0].col), (15, 8));
}

#[test]
fn check_str_reports_every_occurrence() {
    // three bad values at one position: the build shows the first, check_str all three
    let t = text()
        .replace("kinds = [\"flash-sale\", \"clearance\"]", "kinds = [\"flash\", \"clear\", \"flashsale\"]");
    let err = config_runtime::check_str::<Everything>("types.toml", &t).unwrap_err();
    let paths: Vec<&str> = err.items.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(paths, ["kinds[0]", "kinds[1]", "kinds[2]"], "{err}");
}

#[test]
fn unknown_key_in_renamed_struct_suggests_the_toml_name() {
    let t = text().replace("maxItems = 12", "max_items = 12");
    let err = config_runtime::check_str::<Everything>("types.toml", &t).unwrap_err();
    assert_eq!(err.items[0].rule.id(), "unknown-key");
    assert_eq!(err.items[0].help.as_deref(), Some("did you mean `maxItems`?"));
}

#[test]
fn missing_option_and_defaults_are_not_required() {
    let t = "name = \"x\"\nenabled = false\ntiny = 0\nsmall = 0\ncount = 0\nbig = 0\nratio = 0.0\nscale = 0\n\
             opens = 2026-01-01T00:00:00Z\ncloses_utc = 2026-01-01T00:00:00Z\nlocal_launch = 2026-01-01T00:00:00\n\
             day = 2026-01-01\ndaily_at = 00:00:00\nmode = \"clearance\"\nkinds = []\nweights = {}\nlimits = {}\n\
             labels = {}\ntree = { name = \"t\" }\nping = { label = \"p\" }\n";
    let e: Everything = config_runtime::check_str("min.toml", t).unwrap();
    assert_eq!(e.color, None);
    assert_eq!(e.limits, Limits::default());
    assert_eq!(e.missing_with_path, 7);
}
