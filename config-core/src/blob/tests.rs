//! Unit tests of the blob: every scalar, datetime and container type through
//! `encode` + the reader, skipping, corrupt and truncated input, and a hand-written impl
//! (as the derive generates) checked against `toml` + serde on one document.

#![allow(clippy::unwrap_used)]

use super::format::{ARRAY, BIG_INTEGER, DATETIME, DATETIME_STRING, INTEGER, STRING, TABLE};
use super::{Blob, BlobError, FromBlob, decode, encode, field};
use crate::datetime::DtKind;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, DefaultHasher};
use toml::de::DeTable;

/// The tag of the first value of a one-key document (`v = ...`): after the string
/// table, the root's tag, count and body length, and the key's string ref.
fn value_tag(bytes: &[u8]) -> Option<u8> {
    let n = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
    bytes.get(4 + n + 17).copied()
}

fn encode_text(text: &str) -> Vec<u8> {
    encode(DeTable::parse(text).unwrap().get_ref())
}

/// Decodes the value of `v = <value>` as `T`.
fn one<T: FromBlob>(value: &str) -> Result<T, BlobError> {
    let bytes = encode_text(&format!("v = {value}\n"));
    let mut b = Blob::new(&bytes);
    assert_eq!(b.table_len().unwrap(), 1);
    assert_eq!(b.key().unwrap(), "v");
    let v = T::read(&mut b)?;
    assert!(b.is_empty());
    Ok(v)
}

fn offset(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

#[test]
fn booleans() {
    assert!(one::<bool>("true").unwrap());
    assert!(!one::<bool>("false").unwrap());
    assert_eq!(
        one::<bool>("1"),
        Err(BlobError::UnexpectedTag { expected: "a boolean", found: "an integer" })
    );
}

#[test]
fn integers_of_every_width() {
    assert_eq!(one::<u8>("255").unwrap(), 255);
    assert_eq!(one::<u16>("65_535").unwrap(), 65535);
    assert_eq!(one::<u32>("0xffff_ffff").unwrap(), u32::MAX);
    assert_eq!(one::<u64>("9223372036854775807").unwrap(), i64::MAX as u64);
    assert_eq!(one::<u128>("0o777").unwrap(), 0o777);
    assert_eq!(one::<usize>("0b1010").unwrap(), 10);
    assert_eq!(one::<i8>("-128").unwrap(), -128);
    assert_eq!(one::<i16>("+32767").unwrap(), 32767);
    assert_eq!(one::<i32>("-2147483648").unwrap(), i32::MIN);
    assert_eq!(one::<i64>("-9223372036854775808").unwrap(), i64::MIN);
    assert_eq!(one::<i128>("9223372036854775807").unwrap(), i128::from(i64::MAX));
    assert_eq!(one::<isize>("-7").unwrap(), -7);
}

#[test]
fn integers_outside_i64_decode_like_serde() {
    // The parser does not range-check integer text and toml + serde accept what the
    // target type holds: the blob keeps the value (16-byte form), the target decides.
    let big = "9223372036854775808";
    assert_eq!(value_tag(&encode_text(&format!("v = {big}"))), Some(BIG_INTEGER));
    let serde = |text: &str| toml::from_str::<BTreeMap<String, u64>>(text).unwrap()["v"];
    assert_eq!(one::<u64>(big).unwrap(), serde(&format!("v = {big}")));
    assert_eq!(one::<u64>(big).unwrap(), 1 << 63);
    assert_eq!(one::<u128>("0xffff_ffff_ffff_ffff").unwrap(), u128::from(u64::MAX));
    assert_eq!(one::<i128>("-9223372036854775809").unwrap(), -(1i128 << 63) - 1);
    assert_eq!(one::<f64>(big).unwrap(), 9223372036854775808.0);
    assert_eq!(one::<i64>(big), Err(BlobError::IntOutOfRange { value: 1i128 << 63, target: "i64" }));
    // Past the i128 range `int_value` saturates: an error, never a wrong number.
    let huge = "340282366920938463463374607431768211455"; // u128::MAX
    assert_eq!(one::<u128>(huge), Err(BlobError::IntOutOfRange { value: i128::MAX, target: "i128" }));
    assert!(one::<i128>("-999999999999999999999999999999999999999999").is_err());
    assert!(one::<f64>(huge).is_err());
    let bytes = encode_text("a = -9223372036854775809\nb = 1");
    let mut b = Blob::new(&bytes);
    assert_eq!(b.table_len().unwrap(), 2);
    b.key().unwrap();
    b.skip().unwrap();
    assert_eq!(b.key().unwrap(), "b");
    assert_eq!(u8::read(&mut b).unwrap(), 1);
}

#[test]
fn integers_out_of_range() {
    assert_eq!(one::<u8>("300"), Err(BlobError::IntOutOfRange { value: 300, target: "u8" }));
    assert_eq!(one::<u32>("-1"), Err(BlobError::IntOutOfRange { value: -1, target: "u32" }));
    assert_eq!(one::<i8>("-129"), Err(BlobError::IntOutOfRange { value: -129, target: "i8" }));
    assert!(matches!(one::<i32>("9223372036854775807"), Err(BlobError::IntOutOfRange { .. })));
    assert!(matches!(one::<u128>("-5"), Err(BlobError::IntOutOfRange { .. })));
    assert_eq!(one::<u8>("1.0"), Err(BlobError::UnexpectedTag { expected: "an integer", found: "a float" }));
    let e = one::<u8>("300").unwrap_err();
    assert_eq!(e.to_string(), "integer 300 is out of range for `u8`");
}

#[test]
fn floats_and_integers_as_floats() {
    assert_eq!(one::<f64>("1.5").unwrap(), 1.5);
    assert_eq!(one::<f64>("-2e3").unwrap(), -2000.0);
    assert_eq!(one::<f64>("1_000.25").unwrap(), 1000.25);
    assert_eq!(one::<f64>("3").unwrap(), 3.0);
    assert_eq!(one::<f64>("-inf").unwrap(), f64::NEG_INFINITY);
    assert!(one::<f64>("nan").unwrap().is_nan());
    assert_eq!(one::<f32>("0.1").unwrap(), 0.1f32);
    assert_eq!(one::<f32>("-4").unwrap(), -4.0f32);
    assert_eq!(
        one::<f64>("\"1.5\""),
        Err(BlobError::UnexpectedTag { expected: "a float", found: "a string" })
    );
}

#[test]
fn strings() {
    assert_eq!(one::<String>(r#""plain""#).unwrap(), "plain");
    assert_eq!(one::<String>(r#""""#).unwrap(), "");
    assert_eq!(one::<String>(r#"'C:\dir'"#).unwrap(), r"C:\dir");
    assert_eq!(one::<String>(r#""tab\t é ✓ \u00e9""#).unwrap(), "tab\t é ✓ é");
    assert_eq!(one::<String>("\"\"\"\nmulti\nline\"\"\"").unwrap(), "multi\nline");
    assert_eq!(one::<String>(r#""9 lives""#).unwrap(), "9 lives");
    assert_eq!(
        one::<String>("true"),
        Err(BlobError::UnexpectedTag { expected: "a string", found: "a boolean" })
    );
}

#[test]
fn datetime_string_is_a_string_and_a_datetime() {
    let text = "2024-11-29T09:00:00.5+01:00";
    let q = format!("\"{text}\"");
    assert_eq!(one::<String>(&q).unwrap(), text);
    assert_eq!(one::<DateTime<FixedOffset>>(&q).unwrap(), offset(text));
    assert_eq!(one::<DateTime<Utc>>(&q).unwrap(), offset(text).to_utc());
    // The fields are stored, not the need to parse: the tag says so.
    assert_eq!(value_tag(&encode_text(&format!("v = {q}"))), Some(DATETIME_STRING));

    let mut b = Blob::new(&[]);
    assert_eq!(b.read_str(), Err(BlobError::Truncated));
    let bytes = encode_text("v = \"2024-11-29\"");
    let mut b = Blob::new(&bytes);
    b.table_len().unwrap();
    b.key().unwrap();
    assert_eq!(b.read_str().unwrap(), "2024-11-29");

    assert_eq!(one::<NaiveDate>("\"2024-11-29\"").unwrap(), NaiveDate::from_ymd_opt(2024, 11, 29).unwrap());
    assert_eq!(
        one::<NaiveTime>("\"09:15:30.25\"").unwrap(),
        NaiveTime::from_hms_milli_opt(9, 15, 30, 250).unwrap()
    );
    assert_eq!(one::<NaiveDateTime>("\"2024-11-29 09:15:30\"").unwrap().to_string(), "2024-11-29 09:15:30");
    // Leap second, as chrono's own parser gives it.
    assert_eq!(one::<NaiveTime>("\"23:59:60\"").unwrap(), "23:59:60".parse::<NaiveTime>().unwrap());
}

#[test]
fn non_datetime_strings_stay_plain() {
    for s in ["2024-13-01", "2024-11-29T09:00", "2024-02-30", "1234", "09:00", "x2024-11-29"] {
        let bytes = encode_text(&format!("v = \"{s}\""));
        assert_eq!(value_tag(&bytes), Some(STRING), "{s}");
        assert_eq!(one::<String>(&format!("\"{s}\"")).unwrap(), s);
        assert_eq!(
            one::<NaiveDate>(&format!("\"{s}\"")),
            Err(BlobError::UnexpectedTag { expected: DtKind::Date.name(), found: "a string" })
        );
    }
}

#[test]
fn native_literals_of_all_four_kinds() {
    assert_eq!(
        one::<DateTime<FixedOffset>>("1979-05-27T07:32:00-07:00").unwrap(),
        offset("1979-05-27T07:32:00-07:00")
    );
    assert_eq!(
        one::<DateTime<Utc>>("1979-05-27T07:32:00.999999Z").unwrap(),
        offset("1979-05-27T07:32:00.999999Z").to_utc()
    );
    assert_eq!(
        one::<NaiveDateTime>("1979-05-27T07:32:00").unwrap(),
        NaiveDate::from_ymd_opt(1979, 5, 27).unwrap().and_hms_opt(7, 32, 0).unwrap()
    );
    assert_eq!(one::<NaiveDate>("1979-05-27").unwrap(), NaiveDate::from_ymd_opt(1979, 5, 27).unwrap());
    assert_eq!(
        one::<NaiveTime>("00:32:00.5").unwrap(),
        NaiveTime::from_hms_milli_opt(0, 32, 0, 500).unwrap()
    );
    // As a String: the literal's text.
    for lit in ["1979-05-27T07:32:00-07:00", "1979-05-27T07:32:00", "1979-05-27", "07:32:00"] {
        assert_eq!(one::<String>(lit).unwrap(), lit);
    }
    assert_eq!(one::<String>("1979-05-27 07:32:00Z").unwrap(), "1979-05-27T07:32:00Z");
    // ... but not as an enum name.
    let bytes = encode_text("v = 1979-05-27");
    let mut b = Blob::new(&bytes);
    b.table_len().unwrap();
    b.key().unwrap();
    assert_eq!(b.read_str(), Err(BlobError::UnexpectedTag { expected: "a string", found: "a datetime" }));
}

#[test]
fn wrong_datetime_kind_is_an_error() {
    fn kind_err<T>(expected: DtKind, found: DtKind) -> Result<T, BlobError> {
        Err(BlobError::UnexpectedTag { expected: expected.name(), found: found.name() })
    }
    assert_eq!(one::<NaiveDate>("1979-05-27T07:32:00Z"), kind_err(DtKind::Date, DtKind::Offset));
    assert_eq!(one::<DateTime<FixedOffset>>("1979-05-27T07:32:00"), kind_err(DtKind::Offset, DtKind::Local));
    assert_eq!(one::<DateTime<Utc>>("\"1979-05-27\""), kind_err(DtKind::Offset, DtKind::Date));
    assert_eq!(one::<NaiveDateTime>("07:32:00"), kind_err(DtKind::Local, DtKind::Time));
    assert_eq!(one::<NaiveTime>("\"1979-05-27T07:32:00+01:00\""), kind_err(DtKind::Time, DtKind::Offset));
    assert_eq!(
        one::<NaiveDate>("20240101"),
        Err(BlobError::UnexpectedTag { expected: DtKind::Date.name(), found: "an integer" })
    );
    assert_eq!(one::<String>("1979-05-27").map(|s| s.len()), Ok(10), "a datetime still reads as text");
}

#[test]
fn containers() {
    assert_eq!(one::<Vec<i64>>("[1, 2, 3]").unwrap(), vec![1, 2, 3]);
    assert_eq!(one::<Vec<Vec<u8>>>("[[1], [], [2, 3]]").unwrap(), vec![vec![1], vec![], vec![2, 3]]);
    assert_eq!(one::<Vec<String>>("[]").unwrap(), Vec::<String>::new());
    assert_eq!(one::<Box<u16>>("7").unwrap(), Box::new(7));
    assert_eq!(one::<Option<String>>("'x'").unwrap(), Some("x".to_owned()));
    let m = one::<BTreeMap<String, u32>>("{ b = 2, a = 1 }").unwrap();
    assert_eq!(m, BTreeMap::from([("a".to_owned(), 1), ("b".to_owned(), 2)]));
    let h = one::<HashMap<String, Vec<f64>>>("{ xs = [1, 2.5], \"quoted key\" = [] }").unwrap();
    assert_eq!(h.get("xs"), Some(&vec![1.0, 2.5]));
    assert_eq!(h.get("quoted key"), Some(&vec![]));
    type DeterministicHasher = BuildHasherDefault<DefaultHasher>;
    let h = one::<HashMap<String, bool, DeterministicHasher>>("{ on = true }").unwrap();
    assert_eq!(h.get("on"), Some(&true));
    // Arrays of tables.
    let bytes = encode_text("[[v]]\nx = 1\n[[v]]\nx = 2\n");
    let m: BTreeMap<String, Vec<BTreeMap<String, i32>>> = decode(&bytes).unwrap();
    assert_eq!(m["v"][1]["x"], 2);
    assert_eq!(
        one::<Vec<i64>>("{}"),
        Err(BlobError::UnexpectedTag { expected: "an array", found: "a table" })
    );
    assert_eq!(
        one::<BTreeMap<String, i64>>("[]"),
        Err(BlobError::UnexpectedTag { expected: "a table", found: "an array" })
    );
    // Missing values: only Option (and a Box of one) has a default.
    assert_eq!(<Option<u8>>::missing(), Some(None));
    assert_eq!(<Box<Option<u8>>>::missing(), Some(Box::new(None)));
    assert_eq!(<u8>::missing(), None);
    assert_eq!(<Vec<u8>>::missing(), None);
}

#[test]
fn skip_steps_over_every_kind() {
    let text = "a = true\nb = -3\nc = 1.5\nd = 'x'\ne = 1979-05-27\nf = '1979-05-27'\n\
                g = [1, [2, {h = 3}]]\n[i]\nj = { k = [] }\n";
    let bytes = encode_text(text);
    let mut b = Blob::new(&bytes);
    let n = b.table_len().unwrap();
    let mut keys = Vec::new();
    for _ in 0..n {
        keys.push(b.key().unwrap());
        b.skip().unwrap();
    }
    assert_eq!(keys, ["a", "b", "c", "d", "e", "f", "g", "i"]);
    assert!(b.is_empty());
    let mut b = Blob::new(&bytes);
    b.skip().unwrap();
    assert!(b.is_empty());
}

#[test]
fn trailing_and_invalid_data() {
    let mut bytes = encode_text("a = 1");
    assert!(decode::<BTreeMap<String, i64>>(&bytes).is_ok());
    bytes.push(0);
    assert_eq!(decode::<BTreeMap<String, i64>>(&bytes), Err(BlobError::TrailingBytes(1)));
    assert_eq!(
        Blob::new(&[0, 0, 0, 0, 99]).skip(),
        Err(BlobError::UnexpectedTag { expected: "a value", found: "an invalid tag" })
    );
    // A string with invalid UTF-8.
    assert_eq!(
        Blob::new(&[1, 0, 0, 0, 0xff, STRING, 0, 0, 0, 0, 1, 0, 0, 0]).read_str(),
        Err(BlobError::InvalidUtf8)
    );
    // A corrupt count cannot allocate or loop for long.
    let huge = [0, 0, 0, 0, ARRAY, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, INTEGER];
    assert_eq!(decode::<Vec<i64>>(&huge), Err(BlobError::Truncated));
    let huge = [0, 0, 0, 0, TABLE, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0];
    assert_eq!(decode::<HashMap<String, i64>>(&huge), Err(BlobError::Truncated));
    // A bad datetime kind byte and out-of-range fields.
    let mut dt = encode_text("v = 1979-05-27");
    let string_table_len = u32::from_le_bytes([dt[0], dt[1], dt[2], dt[3]]) as usize;
    let kind_at = 4 + string_table_len + 18;
    assert_eq!(dt.get(kind_at - 1).copied(), Some(DATETIME));
    dt[kind_at] = 9;
    let m: Result<BTreeMap<String, NaiveDate>, _> = decode(&dt);
    assert_eq!(m, Err(BlobError::BadDatetime("invalid datetime kind")));
    dt[kind_at] = 2;
    dt[kind_at + 6] = 31; // day 31 of May is fine ...
    assert!(decode::<BTreeMap<String, NaiveDate>>(&dt).is_ok());
    dt[kind_at + 5] = 2; // ... of February is not.
    assert_eq!(decode::<BTreeMap<String, NaiveDate>>(&dt), Err(BlobError::BadDatetime("date out of range")));
    // Nanoseconds past 1e9 on a leap second would overflow in `datetime::to_time`.
    let mut t = encode_text("v = '23:59:60'");
    let string_table_len = u32::from_le_bytes([t[0], t[1], t[2], t[3]]) as usize;
    let kind_at = 4 + string_table_len + 18;
    assert_eq!(t.get(kind_at - 1).copied(), Some(DATETIME_STRING));
    assert_eq!(t.get(kind_at + 9).copied(), Some(60));
    t[kind_at + 10..kind_at + 14].copy_from_slice(&u32::MAX.to_le_bytes());
    assert_eq!(
        decode::<BTreeMap<String, NaiveTime>>(&t),
        Err(BlobError::BadDatetime("nanoseconds out of range"))
    );
    assert_eq!(decode::<BTreeMap<String, String>>(&t).unwrap()["v"], "23:59:60");
}

// --- a hand-written impl, as the derive generates, checked against toml + serde ---

#[derive(Debug, PartialEq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
enum Mode {
    Fast,
    Safe,
}

impl FromBlob for Mode {
    fn read(b: &mut Blob<'_>) -> Result<Self, BlobError> {
        match b.read_str()? {
            "fast" => Ok(Mode::Fast),
            "safe" => Ok(Mode::Safe),
            other => Err(BlobError::UnknownVariant(other.to_owned())),
        }
    }
}

#[derive(Debug, PartialEq, serde::Deserialize)]
struct Server {
    host: String,
    port: u16,
    weight: Option<f32>,
}

impl FromBlob for Server {
    fn read(b: &mut Blob<'_>) -> Result<Self, BlobError> {
        let (mut host, mut port, mut weight) = (None, None, None);
        for _ in 0..b.table_len()? {
            match b.key()? {
                "host" => host = Some(FromBlob::read(b)?),
                "port" => port = Some(FromBlob::read(b)?),
                "weight" => weight = Some(FromBlob::read(b)?),
                _ => b.skip()?,
            }
        }
        Ok(Server {
            host: field(host, "host")?,
            port: field(port, "port")?,
            weight: field(weight, "weight")?,
        })
    }
}

#[derive(Debug, PartialEq, serde::Deserialize)]
struct Config {
    name: String,
    debug: bool,
    ratio: f64,
    scale: f64,
    big: i64,
    mode: Mode,
    tags: Vec<String>,
    matrix: Vec<Vec<i32>>,
    limits: BTreeMap<String, u32>,
    env: HashMap<String, String>,
    started: DateTime<FixedOffset>,
    started_utc: DateTime<Utc>,
    day: NaiveDate,
    at: NaiveTime,
    local: NaiveDateTime,
    label: String,
    nick: Option<String>,
    retries: Option<u8>,
    primary: Box<Server>,
    servers: Vec<Server>,
}

impl FromBlob for Config {
    fn read(b: &mut Blob<'_>) -> Result<Self, BlobError> {
        let mut name = None;
        let mut debug = None;
        let mut ratio = None;
        let mut scale = None;
        let mut big = None;
        let mut mode = None;
        let mut tags = None;
        let mut matrix = None;
        let mut limits = None;
        let mut env = None;
        let mut started = None;
        let mut started_utc = None;
        let mut day = None;
        let mut at = None;
        let mut local = None;
        let mut label = None;
        let mut nick = None;
        let mut retries = None;
        let mut primary = None;
        let mut servers = None;
        for _ in 0..b.table_len()? {
            match b.key()? {
                "name" => name = Some(FromBlob::read(b)?),
                "debug" => debug = Some(FromBlob::read(b)?),
                "ratio" => ratio = Some(FromBlob::read(b)?),
                "scale" => scale = Some(FromBlob::read(b)?),
                "big" => big = Some(FromBlob::read(b)?),
                "mode" => mode = Some(FromBlob::read(b)?),
                "tags" => tags = Some(FromBlob::read(b)?),
                "matrix" => matrix = Some(FromBlob::read(b)?),
                "limits" => limits = Some(FromBlob::read(b)?),
                "env" => env = Some(FromBlob::read(b)?),
                "started" => started = Some(FromBlob::read(b)?),
                "started_utc" => started_utc = Some(FromBlob::read(b)?),
                "day" => day = Some(FromBlob::read(b)?),
                "at" => at = Some(FromBlob::read(b)?),
                "local" => local = Some(FromBlob::read(b)?),
                "label" => label = Some(FromBlob::read(b)?),
                "nick" => nick = Some(FromBlob::read(b)?),
                "retries" => retries = Some(FromBlob::read(b)?),
                "primary" => primary = Some(FromBlob::read(b)?),
                "servers" => servers = Some(FromBlob::read(b)?),
                _ => b.skip()?,
            }
        }
        Ok(Config {
            name: field(name, "name")?,
            debug: field(debug, "debug")?,
            ratio: field(ratio, "ratio")?,
            scale: field(scale, "scale")?,
            big: field(big, "big")?,
            mode: field(mode, "mode")?,
            tags: field(tags, "tags")?,
            matrix: field(matrix, "matrix")?,
            limits: field(limits, "limits")?,
            env: field(env, "env")?,
            started: field(started, "started")?,
            started_utc: field(started_utc, "started_utc")?,
            day: field(day, "day")?,
            at: field(at, "at")?,
            local: field(local, "local")?,
            label: field(label, "label")?,
            nick: field(nick, "nick")?,
            retries: field(retries, "retries")?,
            primary: field(primary, "primary")?,
            servers: field(servers, "servers")?,
        })
    }
}

const DOC: &str = r#"
name = "demo ✓"
debug = true
ratio = 0.25
scale = 3            # an integer read as a float
big = -9_223_372_036_854_775_808
mode = "safe"
tags = ["a", "b", "2024-01-01"]
matrix = [[1, 2], [], [0x7f]]
unknown_scalar = 1979-05-27T07:32:00Z
unknown_nested = { deep = [[{ x = 1 }]], s = "skip me" }
started = "2024-11-29T09:00:00.123456789+05:30"
started_utc = "2024-11-29T23:59:60Z"
day = "2024-02-29"
at = "09:15:00"
local = "2024-11-29T09:00:00"
label = "1979-05-27"
retries = 3

[limits]
cpu = 4
"mem.mb" = 512

[env]
HOME = "/root"
EMPTY = ""

[primary]
host = "db.local"
port = 5432
weight = 0.5
extra = [true, false]

[[servers]]
host = "a"
port = 1

[[servers]]
host = "b"
port = 2
weight = 1
"#;

#[test]
fn hand_written_impl_matches_serde() {
    let bytes = encode_text(DOC);
    let ours: Config = decode(&bytes).unwrap();
    let theirs: Config = toml::from_str(DOC).unwrap();
    assert_eq!(ours, theirs);
    assert_eq!(ours.nick, None);
    assert_eq!(ours.servers[1].weight, Some(1.0));
    assert_eq!(ours.label, "1979-05-27");
}

#[test]
fn struct_errors() {
    let missing = DOC.replace("name = \"demo ✓\"", "");
    assert_eq!(decode::<Config>(&encode_text(&missing)), Err(BlobError::MissingField("name")));
    let nested = DOC.replace("port = 5432", "");
    assert_eq!(decode::<Config>(&encode_text(&nested)), Err(BlobError::MissingField("port")));
    let variant = DOC.replace("mode = \"safe\"", "mode = \"slow\"");
    assert_eq!(decode::<Config>(&encode_text(&variant)), Err(BlobError::UnknownVariant("slow".into())));
    let range = DOC.replace("port = 5432", "port = 70000");
    assert_eq!(
        decode::<Config>(&encode_text(&range)),
        Err(BlobError::IntOutOfRange { value: 70000, target: "u16" })
    );
    assert_eq!(BlobError::MissingField("name").to_string(), "missing field `name`");
}

#[test]
fn every_truncation_is_an_error() {
    let bytes = encode_text(DOC);
    assert!(decode::<Config>(&bytes).is_ok());
    for n in 0..bytes.len() {
        let prefix = bytes.get(..n).unwrap();
        assert!(decode::<Config>(prefix).is_err(), "prefix {n}");
        assert!(Blob::new(prefix).skip().is_err(), "skip prefix {n}");
        assert!(decode::<BTreeMap<String, Option<String>>>(prefix).is_err(), "prefix {n}");
    }
}

#[test]
fn corrupt_bytes_never_panic() {
    let bytes = encode_text(DOC);
    for i in 0..bytes.len() {
        for x in [0u8, 1, 7, 8, 0x7f, 0xff] {
            let mut c = bytes.clone();
            c[i] ^= x;
            let _ = decode::<Config>(&c);
            let mut b = Blob::new(&c);
            let _ = b.skip();
        }
    }
}
