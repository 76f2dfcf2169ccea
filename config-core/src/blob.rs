//! The baked form of a config: a compact binary encoding of a TOML document.
//!
//! `#[derive(Config)]` reads and checks the TOML file at compile time and then *bakes* it:
//! [`encode`] turns the parsed document into bytes that are embedded in the binary, and at
//! run time `T::baked()` turns them back into `T` with [`decode`]. Decoding does no text
//! parsing at all: integers and floats are stored as fixed-width little-endian values, and
//! every datetime (a native TOML datetime literal, or a string that is one of the four
//! RFC 3339 forms of [`crate::datetime`]) carries its fields already parsed. What is left
//! at run time is copying strings out (after a UTF-8 check) and building chrono values from
//! their fields.
//!
//! The encoding is schema-free: it holds the whole document, like the TOML text does. The
//! schema lives in the [`FromBlob`] impls: this module has them for the std and chrono types
//! a config uses; the derive generates them for structs (read [`Blob::table_len`], then loop
//! [`Blob::key`] + match on the name, [`Blob::skip`] unknown keys, finish every field with
//! [`field`]) and for unit enums ([`Blob::read_str`] + match on the name).
//!
//! # Format
//!
//! All numbers are little-endian. The blob starts with the string table: a `u32` byte
//! length and the UTF-8 text of every distinct string and key, concatenated (checked to be
//! UTF-8 once, when decoding starts: one pass instead of one per string). The root value
//! follows. A value is a one-byte tag followed by its payload; the root is a `TAB` value.
//! A *string ref* is a `u32` offset and a `u32` length into the string table.
//!
//! | tag | value | payload |
//! |----:|-------|---------|
//! | 0 | `false` | none |
//! | 1 | `true` | none |
//! | 2 | integer | `i64` (8 bytes) |
//! | 3 | float | `f64` bits (8 bytes) |
//! | 4 | string | string ref |
//! | 5 | array | `u32` count, `u32` body length in bytes, `count` values |
//! | 6 | table | `u32` count, `u32` body length in bytes, `count` × (key, value) |
//! | 7 | datetime literal | datetime fields, then a string ref to its `to_string()` text |
//! | 8 | string that is a datetime | datetime fields, then a string ref |
//! | 9 | integer outside `i64` | `i128` (16 bytes) |
//!
//! TOML integers are `i64`, but the parser does not range-check the literal and `toml` +
//! serde accept any value the target type holds (`u64` takes `2^63`): tag 9 keeps such a
//! literal exactly, and the target type decides. [`int_value`] saturates past the `i128`
//! range, so `i128::MIN` / `i128::MAX` may stand for a larger literal: reading either is
//! [`BlobError::IntOutOfRange`] rather than a possibly wrong number.
//!
//! A key is a string ref (no tag). Keys keep document order.
//! The body length of arrays and tables lets [`Blob::skip`] step over an unknown value in
//! constant time, without recursion.
//!
//! The datetime fields are 18 bytes, the fields of [`DtParts`] after the kind:
//!
//! | bytes | field |
//! |------:|-------|
//! | 1 | kind: [`DtKind::index`] (0 offset, 1 local datetime, 2 date, 3 time) |
//! | 4 | `year: i32` |
//! | 5 | `month`, `day`, `hour`, `min`, `sec`: one `u8` each |
//! | 4 | `nano: u32` |
//! | 4 | `offset_secs: i32` |
//!
//! Tag 8 decodes both as a `String` (the text as written) and as the chrono type of its
//! kind; tag 7 decodes as its chrono type and, as a `String`, gives the literal's text.
//!
//! # Example
//!
//! ```
//! use config_core::blob::{decode, encode};
//! use std::collections::BTreeMap;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let doc = toml::de::DeTable::parse("port = 8080\nworkers = 0x10\n")?;
//! let bytes = encode(doc.get_ref());
//! let map: BTreeMap<String, i64> = decode(&bytes)?;
//! assert_eq!(map["port"], 8080);
//! assert_eq!(map["workers"], 16);
//! # Ok(())
//! # }
//! ```

use crate::datetime::{self, DtKind, DtParts};
use crate::literal::{float_value, int_value};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasher;
use toml::de::{DeTable, DeValue};

const FALSE: u8 = 0;
const TRUE: u8 = 1;
const INT: u8 = 2;
const FLOAT: u8 = 3;
const STR: u8 = 4;
const ARR: u8 = 5;
const TAB: u8 = 6;
const DT: u8 = 7;
const STR_DT: u8 = 8;
const BIG_INT: u8 = 9;

/// Size of the datetime fields (kind + [`DtParts`]) after a `DT` / `STR_DT` tag.
const DT_FIELDS: usize = 18;

/// Human name of a tag, for [`BlobError::UnexpectedTag`].
const fn tag_name(tag: u8) -> &'static str {
    match tag {
        FALSE | TRUE => "a boolean",
        INT | BIG_INT => "an integer",
        FLOAT => "a float",
        STR | STR_DT => "a string",
        ARR => "an array",
        TAB => "a table",
        DT => "a datetime",
        _ => "an invalid tag",
    }
}

// ---------------------------------------------------------------------------------------
// Encoding
// ---------------------------------------------------------------------------------------

/// Encodes a whole TOML document (its root table), schema-free.
///
/// Integers and floats are stored as their values (see [`int_value`], [`float_value`]),
/// datetime literals and strings that are an RFC 3339 datetime with their fields parsed.
/// Lengths and counts are `u32`: a document over 4 GiB cannot be represented (the limits
/// saturate; such a document never reaches the derive in practice).
pub fn encode(root: &DeTable<'_>) -> Vec<u8> {
    let mut enc = Enc { out: Vec::new(), strs: String::new(), seen: HashMap::new() };
    enc_table(&mut enc, root);
    let mut blob = Vec::with_capacity(4 + enc.strs.len() + enc.out.len());
    put_u32(&mut blob, enc.strs.len());
    blob.extend_from_slice(enc.strs.as_bytes());
    blob.extend_from_slice(&enc.out);
    blob
}

/// Encoder state: the value bytes and the string table (each distinct string once).
struct Enc {
    out: Vec<u8>,
    strs: String,
    seen: HashMap<String, (usize, usize)>,
}

fn put_u32(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
}

/// A string: its `u32` offset and `u32` length in the string table.
fn put_bytes(enc: &mut Enc, s: &str) {
    let (off, len) = match enc.seen.get(s) {
        Some(&v) => v,
        None => {
            let v = (enc.strs.len(), s.len());
            enc.strs.push_str(s);
            enc.seen.insert(s.to_owned(), v);
            v
        }
    };
    put_u32(&mut enc.out, off);
    put_u32(&mut enc.out, len);
}

/// Writes a body-length placeholder; returns its position for [`end_body`].
fn begin_body(out: &mut Vec<u8>) -> usize {
    let at = out.len();
    out.extend_from_slice(&[0; 4]);
    at
}

/// Fills in the body length written by [`begin_body`].
fn end_body(out: &mut [u8], at: usize) {
    let body = out.len().saturating_sub(at + 4);
    let len = u32::try_from(body).unwrap_or(u32::MAX).to_le_bytes();
    if let Some(slot) = out.get_mut(at..at + 4) {
        slot.copy_from_slice(&len);
    }
}

fn enc_table(enc: &mut Enc, t: &DeTable<'_>) {
    enc.out.push(TAB);
    put_u32(&mut enc.out, t.len());
    let at = begin_body(&mut enc.out);
    for (k, v) in t.iter() {
        put_bytes(enc, k.get_ref());
        enc_value(enc, v.get_ref());
    }
    end_body(&mut enc.out, at);
}

fn enc_value(enc: &mut Enc, v: &DeValue<'_>) {
    let out = &mut enc.out;
    match v {
        DeValue::Boolean(b) => out.push(if *b { TRUE } else { FALSE }),
        DeValue::Integer(i) => {
            let n = int_value(i.as_str(), i.radix());
            match i64::try_from(n) {
                Ok(small) => {
                    out.push(INT);
                    out.extend_from_slice(&small.to_le_bytes());
                }
                Err(_) => {
                    out.push(BIG_INT);
                    out.extend_from_slice(&n.to_le_bytes());
                }
            }
        }
        DeValue::Float(f) => {
            out.push(FLOAT);
            out.extend_from_slice(&float_value(f.as_str()).to_bits().to_le_bytes());
        }
        DeValue::String(s) => match datetime::parse_any(s) {
            Some((kind, parts)) => {
                out.push(STR_DT);
                enc_dt(out, kind, parts);
                put_bytes(enc, s);
            }
            None => {
                out.push(STR);
                put_bytes(enc, s);
            }
        },
        DeValue::Datetime(d) => {
            out.push(DT);
            enc_dt(out, datetime::native_kind(d), datetime::native_parts(d));
            put_bytes(enc, &d.to_string());
        }
        DeValue::Array(a) => {
            out.push(ARR);
            put_u32(out, a.len());
            let at = begin_body(out);
            for x in a.iter() {
                enc_value(enc, x.get_ref());
            }
            end_body(&mut enc.out, at);
        }
        DeValue::Table(t) => enc_table(enc, t),
    }
}

/// The datetime form a string is in, if any (cheap fail-fast on the first byte).
fn enc_dt(out: &mut Vec<u8>, kind: DtKind, p: DtParts) {
    // Fields out of `u8` range cannot come from a parse; saturate so decoding rejects them.
    let small = |v: u32| u8::try_from(v).unwrap_or(u8::MAX);
    out.push(u8::try_from(kind.index()).unwrap_or(u8::MAX));
    out.extend_from_slice(&p.year.to_le_bytes());
    out.extend_from_slice(&[small(p.month), small(p.day), small(p.hour), small(p.min), small(p.sec)]);
    out.extend_from_slice(&p.nano.to_le_bytes());
    out.extend_from_slice(&p.offset_secs.to_le_bytes());
}

// ---------------------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------------------

/// Why a blob did not decode as the requested type.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum BlobError {
    /// The data ended in the middle of a value (or a count promised more than is there).
    #[error("baked config data is truncated")]
    Truncated,
    /// The value has another type than the one asked for (or, for datetimes, another form).
    #[error("expected {expected}, found {found}")]
    UnexpectedTag {
        /// What the reader asked for, e.g. `"an integer"`.
        expected: &'static str,
        /// What the data holds, e.g. `"a string"`.
        found: &'static str,
    },
    /// An integer does not fit the target type.
    #[error("integer {value} is out of range for `{target}`")]
    IntOutOfRange {
        /// The stored value.
        value: i128,
        /// The target type, e.g. `"u8"`.
        target: &'static str,
    },
    /// A required struct field has no key in the table.
    #[error("missing field `{0}`")]
    MissingField(&'static str),
    /// A string names no variant of a unit enum.
    #[error("unknown variant `{0}`")]
    UnknownVariant(String),
    /// A string or key is not valid UTF-8.
    #[error("invalid UTF-8 in baked config data")]
    InvalidUtf8,
    /// Stored datetime fields do not make a valid value of the asked type.
    #[error("invalid datetime in baked config data: {0}")]
    BadDatetime(&'static str),
    /// [`decode`] read the root value but bytes were left over.
    #[error("{0} unexpected bytes after the baked config value")]
    TrailingBytes(usize),
}

/// `UnexpectedTag` for a tag the reader did not want.
fn unexpected(expected: &'static str, tag: u8) -> BlobError {
    BlobError::UnexpectedTag { expected, found: tag_name(tag) }
}

/// A reader over a baked blob. Every read is bounds-checked and returns
/// [`BlobError::Truncated`] past the end; nothing here panics on corrupt data.
#[derive(Debug, Clone)]
pub struct Blob<'a> {
    rest: &'a [u8],
    /// The string table, checked to be UTF-8 once; `None` when it is not.
    strs: Option<&'a str>,
}

impl<'a> Blob<'a> {
    /// A reader at the start of `data`.
    pub fn new(data: &'a [u8]) -> Self {
        let Some((len, tail)) = data.split_first_chunk::<4>() else {
            return Blob { rest: &[], strs: None };
        };
        let len = u32::from_le_bytes(*len) as usize;
        match tail.split_at_checked(len) {
            Some((table, rest)) => Blob { rest, strs: std::str::from_utf8(table).ok() },
            None => Blob { rest: &[], strs: None },
        }
    }

    /// Bytes not read yet.
    pub fn remaining(&self) -> usize {
        self.rest.len()
    }

    /// Whether everything was read.
    pub fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    /// A capacity hint for `count` items: every item takes at least one byte, so a corrupt
    /// count cannot make a collection allocate more than the blob's size.
    pub fn capacity_hint(&self, count: u32) -> usize {
        usize::try_from(count).unwrap_or(usize::MAX).min(self.rest.len())
    }

    #[inline]
    fn take(&mut self, n: usize) -> Result<&'a [u8], BlobError> {
        let (head, tail) = self.rest.split_at_checked(n).ok_or(BlobError::Truncated)?;
        self.rest = tail;
        Ok(head)
    }

    #[inline]
    fn fixed<const N: usize>(&mut self) -> Result<[u8; N], BlobError> {
        let (head, tail) = self.rest.split_first_chunk::<N>().ok_or(BlobError::Truncated)?;
        self.rest = tail;
        Ok(*head)
    }

    #[inline]
    fn tag(&mut self) -> Result<u8, BlobError> {
        let (&t, tail) = self.rest.split_first().ok_or(BlobError::Truncated)?;
        self.rest = tail;
        Ok(t)
    }

    #[inline]
    fn u32(&mut self) -> Result<u32, BlobError> {
        self.fixed().map(u32::from_le_bytes)
    }

    /// A `u32` length, then that many bytes.
    #[inline]
    fn chunk(&mut self) -> Result<&'a [u8], BlobError> {
        let n = usize::try_from(self.u32()?).map_err(|_| BlobError::Truncated)?;
        self.take(n)
    }

    /// A string: offset and length into the string table (validated once in `new`).
    #[inline]
    fn text(&mut self) -> Result<&'a str, BlobError> {
        let off = self.u32()? as usize;
        let len = self.u32()? as usize;
        let strs = self.strs.ok_or(BlobError::InvalidUtf8)?;
        strs.get(off..off.saturating_add(len)).ok_or(BlobError::InvalidUtf8)
    }

    /// Count and body length of a container whose tag was read; returns the count.
    #[inline]
    fn container(&mut self) -> Result<u32, BlobError> {
        let n = self.u32()?;
        self.fixed::<4>()?;
        Ok(n)
    }

    /// Reads a table header: the `TAB` tag and the number of (key, value) pairs that follow.
    pub fn table_len(&mut self) -> Result<u32, BlobError> {
        match self.tag()? {
            TAB => self.container(),
            t => Err(unexpected("a table", t)),
        }
    }

    /// Reads an array header: the `ARR` tag and the number of values that follow.
    pub fn array_len(&mut self) -> Result<u32, BlobError> {
        match self.tag()? {
            ARR => self.container(),
            t => Err(unexpected("an array", t)),
        }
    }

    /// Reads one table key (call once per pair, before the value).
    pub fn key(&mut self) -> Result<&'a str, BlobError> {
        self.text()
    }

    /// Skips one value of any type, in constant time for arrays and tables.
    pub fn skip(&mut self) -> Result<(), BlobError> {
        match self.tag()? {
            FALSE | TRUE => {}
            INT | FLOAT => {
                self.fixed::<8>()?;
            }
            BIG_INT => {
                self.fixed::<16>()?;
            }
            STR => {
                self.fixed::<8>()?;
            }
            ARR | TAB => {
                self.fixed::<4>()?;
                self.chunk()?;
            }
            DT | STR_DT => {
                self.fixed::<{ DT_FIELDS + 8 }>()?;
            }
            t => return Err(unexpected("a value", t)),
        }
        Ok(())
    }

    /// Reads a boolean.
    pub fn read_bool(&mut self) -> Result<bool, BlobError> {
        match self.tag()? {
            FALSE => Ok(false),
            TRUE => Ok(true),
            t => Err(unexpected("a boolean", t)),
        }
    }

    /// Reads an integer. TOML integers are `i64`; a literal outside that range is returned
    /// as is (the target type decides, as with `toml` + serde), except `i128::MIN` /
    /// `i128::MAX`, which may stand for a larger literal and are [`BlobError::IntOutOfRange`].
    pub fn read_int(&mut self) -> Result<i128, BlobError> {
        match self.tag()? {
            INT => self.fixed().map(|b| i128::from(i64::from_le_bytes(b))),
            BIG_INT => self.big_int(),
            t => Err(unexpected("an integer", t)),
        }
    }

    /// Reads a float; an integer is accepted too and converted, as TOML + serde do.
    pub fn read_float(&mut self) -> Result<f64, BlobError> {
        match self.tag()? {
            FLOAT => self.fixed().map(|b| f64::from_bits(u64::from_le_bytes(b))),
            INT => self.fixed().map(|b| i64::from_le_bytes(b) as f64),
            BIG_INT => self.big_int().map(|v| v as f64),
            t => Err(unexpected("a float", t)),
        }
    }

    /// The value of a `BIG_INT` whose tag was read.
    fn big_int(&mut self) -> Result<i128, BlobError> {
        let value = i128::from_le_bytes(self.fixed()?);
        if value == i128::MIN || value == i128::MAX {
            return Err(BlobError::IntOutOfRange { value, target: "i128" });
        }
        Ok(value)
    }

    /// Reads a string value: a plain string or a string that is also a datetime. This is
    /// what unit enums read (a native datetime literal is not accepted here).
    pub fn read_str(&mut self) -> Result<&'a str, BlobError> {
        match self.tag()? {
            STR => self.text(),
            STR_DT => {
                self.fixed::<DT_FIELDS>()?;
                self.text()
            }
            t => Err(unexpected("a string", t)),
        }
    }

    /// Reads a `String`'s text: like [`Blob::read_str`], and a native datetime literal
    /// gives its text (`Datetime::to_string()`).
    pub fn read_text(&mut self) -> Result<&'a str, BlobError> {
        match self.tag()? {
            STR => self.text(),
            STR_DT | DT => {
                self.fixed::<DT_FIELDS>()?;
                self.text()
            }
            t => Err(unexpected("a string", t)),
        }
    }

    /// Reads a datetime of the given form (a native literal or a string that is one) as its
    /// pre-parsed fields. Another form gives [`BlobError::UnexpectedTag`] naming both forms.
    pub fn read_datetime(&mut self, kind: DtKind) -> Result<DtParts, BlobError> {
        match self.tag()? {
            DT | STR_DT => {}
            t => return Err(unexpected(kind.name(), t)),
        }
        let [k] = self.fixed()?;
        let year = i32::from_le_bytes(self.fixed()?);
        let [month, day, hour, min, sec] = self.fixed()?;
        let nano = u32::from_le_bytes(self.fixed()?);
        let offset_secs = i32::from_le_bytes(self.fixed()?);
        self.fixed::<8>()?;
        let found =
            *DtKind::ALL.get(usize::from(k)).ok_or(BlobError::BadDatetime("invalid datetime kind"))?;
        if found != kind {
            return Err(BlobError::UnexpectedTag { expected: kind.name(), found: found.name() });
        }
        // `datetime::parse` never yields more; larger values would overflow its leap-second
        // handling, so corrupt data is stopped here.
        if nano >= 1_000_000_000 {
            return Err(BlobError::BadDatetime("nanoseconds out of range"));
        }
        Ok(DtParts {
            year,
            month: u32::from(month),
            day: u32::from(day),
            hour: u32::from(hour),
            min: u32::from(min),
            sec: u32::from(sec),
            nano,
            offset_secs,
        })
    }
}

/// A type that can be read from a baked blob.
///
/// Implemented here for the std and chrono types a config uses; `#[derive(Config)]`
/// implements it for structs and unit enums.
pub trait FromBlob: Sized {
    /// Reads one value at the reader's position.
    fn read(b: &mut Blob<'_>) -> Result<Self, BlobError>;

    /// Value for an absent key: `Some(None)` for Option, None otherwise.
    fn missing() -> Option<Self> {
        None
    }
}

/// Decodes a whole baked blob as `T` (the root table); bytes left over are an error.
pub fn decode<T: FromBlob>(data: &[u8]) -> Result<T, BlobError> {
    let mut b = Blob::new(data);
    let v = T::read(&mut b)?;
    if b.is_empty() { Ok(v) } else { Err(BlobError::TrailingBytes(b.remaining())) }
}

/// Finishes a struct field after the key loop: the value read, else [`FromBlob::missing`]
/// (`None` for an `Option`), else [`BlobError::MissingField`].
#[inline]
pub fn field<T: FromBlob>(slot: Option<T>, name: &'static str) -> Result<T, BlobError> {
    match slot {
        Some(v) => Ok(v),
        None => T::missing().ok_or(BlobError::MissingField(name)),
    }
}

impl FromBlob for bool {
    #[inline]
    fn read(b: &mut Blob<'_>) -> Result<Self, BlobError> {
        b.read_bool()
    }
}

macro_rules! int_impls {
    ($($t:ty),*) => {$(
        impl FromBlob for $t {
            #[inline]
            fn read(b: &mut Blob<'_>) -> Result<Self, BlobError> {
                let value = b.read_int()?;
                <$t>::try_from(value)
                    .map_err(|_| BlobError::IntOutOfRange { value, target: stringify!($t) })
            }
        }
    )*};
}

int_impls!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, isize);

impl FromBlob for i128 {
    #[inline]
    fn read(b: &mut Blob<'_>) -> Result<Self, BlobError> {
        b.read_int()
    }
}

impl FromBlob for f64 {
    #[inline]
    fn read(b: &mut Blob<'_>) -> Result<Self, BlobError> {
        b.read_float()
    }
}

impl FromBlob for f32 {
    /// Rounds to the nearest `f32`, as serde does for `f64` input.
    #[inline]
    fn read(b: &mut Blob<'_>) -> Result<Self, BlobError> {
        b.read_float().map(|v| v as f32)
    }
}

impl FromBlob for String {
    #[inline]
    fn read(b: &mut Blob<'_>) -> Result<Self, BlobError> {
        b.read_text().map(str::to_owned)
    }
}

impl<T: FromBlob> FromBlob for Option<T> {
    #[inline]
    fn read(b: &mut Blob<'_>) -> Result<Self, BlobError> {
        T::read(b).map(Some)
    }

    fn missing() -> Option<Self> {
        Some(None)
    }
}

impl<T: FromBlob> FromBlob for Box<T> {
    #[inline]
    fn read(b: &mut Blob<'_>) -> Result<Self, BlobError> {
        T::read(b).map(Box::new)
    }

    fn missing() -> Option<Self> {
        T::missing().map(Box::new)
    }
}

impl<T: FromBlob> FromBlob for Vec<T> {
    fn read(b: &mut Blob<'_>) -> Result<Self, BlobError> {
        let n = b.array_len()?;
        let mut v = Vec::with_capacity(b.capacity_hint(n));
        for _ in 0..n {
            v.push(T::read(b)?);
        }
        Ok(v)
    }
}

impl<T: FromBlob> FromBlob for BTreeMap<String, T> {
    fn read(b: &mut Blob<'_>) -> Result<Self, BlobError> {
        let n = b.table_len()?;
        let mut m = BTreeMap::new();
        for _ in 0..n {
            let k = b.key()?.to_owned();
            m.insert(k, T::read(b)?);
        }
        Ok(m)
    }
}

impl<T: FromBlob, S: BuildHasher + Default> FromBlob for HashMap<String, T, S> {
    fn read(b: &mut Blob<'_>) -> Result<Self, BlobError> {
        let n = b.table_len()?;
        let mut m = HashMap::with_capacity_and_hasher(b.capacity_hint(n), S::default());
        for _ in 0..n {
            let k = b.key()?.to_owned();
            m.insert(k, T::read(b)?);
        }
        Ok(m)
    }
}

impl FromBlob for DateTime<FixedOffset> {
    fn read(b: &mut Blob<'_>) -> Result<Self, BlobError> {
        let p = b.read_datetime(DtKind::Offset)?;
        datetime::to_offset(p).ok_or(BlobError::BadDatetime("datetime with offset out of range"))
    }
}

impl FromBlob for DateTime<Utc> {
    fn read(b: &mut Blob<'_>) -> Result<Self, BlobError> {
        DateTime::<FixedOffset>::read(b).map(|d| d.to_utc())
    }
}

impl FromBlob for NaiveDateTime {
    fn read(b: &mut Blob<'_>) -> Result<Self, BlobError> {
        let p = b.read_datetime(DtKind::Local)?;
        datetime::to_local(p).ok_or(BlobError::BadDatetime("local datetime out of range"))
    }
}

impl FromBlob for NaiveDate {
    fn read(b: &mut Blob<'_>) -> Result<Self, BlobError> {
        let p = b.read_datetime(DtKind::Date)?;
        datetime::to_date(p).ok_or(BlobError::BadDatetime("date out of range"))
    }
}

impl FromBlob for NaiveTime {
    fn read(b: &mut Blob<'_>) -> Result<Self, BlobError> {
        let p = b.read_datetime(DtKind::Time)?;
        datetime::to_time(p).ok_or(BlobError::BadDatetime("time out of range"))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// The tag of the first value of a one-key document (`v = ...`): after the string
    /// table, the root's tag, count and body length, and the key's string ref.
    fn value_tag(bytes: &[u8]) -> Option<u8> {
        let n = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
        bytes.get(4 + n + 17).copied()
    }
    use std::hash::{BuildHasherDefault, DefaultHasher};

    fn enc(text: &str) -> Vec<u8> {
        encode(DeTable::parse(text).unwrap().get_ref())
    }

    /// Decodes the value of `v = <value>` as `T`.
    fn one<T: FromBlob>(value: &str) -> Result<T, BlobError> {
        let bytes = enc(&format!("v = {value}\n"));
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
        assert_eq!(value_tag(&enc(&format!("v = {big}"))), Some(BIG_INT));
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
        let bytes = enc("a = -9223372036854775809\nb = 1");
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
        assert_eq!(
            one::<u8>("1.0"),
            Err(BlobError::UnexpectedTag { expected: "an integer", found: "a float" })
        );
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
        assert_eq!(value_tag(&enc(&format!("v = {q}"))), Some(STR_DT));

        let mut b = Blob::new(&[]);
        assert_eq!(b.read_str(), Err(BlobError::Truncated));
        let bytes = enc("v = \"2024-11-29\"");
        let mut b = Blob::new(&bytes);
        b.table_len().unwrap();
        b.key().unwrap();
        assert_eq!(b.read_str().unwrap(), "2024-11-29");

        assert_eq!(
            one::<NaiveDate>("\"2024-11-29\"").unwrap(),
            NaiveDate::from_ymd_opt(2024, 11, 29).unwrap()
        );
        assert_eq!(
            one::<NaiveTime>("\"09:15:30.25\"").unwrap(),
            NaiveTime::from_hms_milli_opt(9, 15, 30, 250).unwrap()
        );
        assert_eq!(
            one::<NaiveDateTime>("\"2024-11-29 09:15:30\"").unwrap().to_string(),
            "2024-11-29 09:15:30"
        );
        // Leap second, as chrono's own parser gives it.
        assert_eq!(one::<NaiveTime>("\"23:59:60\"").unwrap(), "23:59:60".parse::<NaiveTime>().unwrap());
    }

    #[test]
    fn non_datetime_strings_stay_plain() {
        for s in ["2024-13-01", "2024-11-29T09:00", "2024-02-30", "1234", "09:00", "x2024-11-29"] {
            let bytes = enc(&format!("v = \"{s}\""));
            assert_eq!(value_tag(&bytes), Some(STR), "{s}");
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
        let bytes = enc("v = 1979-05-27");
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
        assert_eq!(
            one::<DateTime<FixedOffset>>("1979-05-27T07:32:00"),
            kind_err(DtKind::Offset, DtKind::Local)
        );
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
        type Det = BuildHasherDefault<DefaultHasher>;
        let h = one::<HashMap<String, bool, Det>>("{ on = true }").unwrap();
        assert_eq!(h.get("on"), Some(&true));
        // Arrays of tables.
        let bytes = enc("[[v]]\nx = 1\n[[v]]\nx = 2\n");
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
        let bytes = enc(text);
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
        let mut bytes = enc("a = 1");
        assert!(decode::<BTreeMap<String, i64>>(&bytes).is_ok());
        bytes.push(0);
        assert_eq!(decode::<BTreeMap<String, i64>>(&bytes), Err(BlobError::TrailingBytes(1)));
        assert_eq!(
            Blob::new(&[0, 0, 0, 0, 99]).skip(),
            Err(BlobError::UnexpectedTag { expected: "a value", found: "an invalid tag" })
        );
        // A string with invalid UTF-8.
        assert_eq!(
            Blob::new(&[1, 0, 0, 0, 0xff, STR, 0, 0, 0, 0, 1, 0, 0, 0]).read_str(),
            Err(BlobError::InvalidUtf8)
        );
        // A corrupt count cannot allocate or loop for long.
        let huge = [0, 0, 0, 0, ARR, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, INT];
        assert_eq!(decode::<Vec<i64>>(&huge), Err(BlobError::Truncated));
        let huge = [0, 0, 0, 0, TAB, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0];
        assert_eq!(decode::<HashMap<String, i64>>(&huge), Err(BlobError::Truncated));
        // A bad datetime kind byte and out-of-range fields.
        let mut dt = enc("v = 1979-05-27");
        let strs = u32::from_le_bytes([dt[0], dt[1], dt[2], dt[3]]) as usize;
        let kind_at = 4 + strs + 18;
        assert_eq!(dt.get(kind_at - 1).copied(), Some(DT));
        dt[kind_at] = 9;
        let m: Result<BTreeMap<String, NaiveDate>, _> = decode(&dt);
        assert_eq!(m, Err(BlobError::BadDatetime("invalid datetime kind")));
        dt[kind_at] = 2;
        dt[kind_at + 6] = 31; // day 31 of May is fine ...
        assert!(decode::<BTreeMap<String, NaiveDate>>(&dt).is_ok());
        dt[kind_at + 5] = 2; // ... of February is not.
        assert_eq!(
            decode::<BTreeMap<String, NaiveDate>>(&dt),
            Err(BlobError::BadDatetime("date out of range"))
        );
        // Nanoseconds past 1e9 on a leap second would overflow in `datetime::to_time`.
        let mut t = enc("v = '23:59:60'");
        let strs = u32::from_le_bytes([t[0], t[1], t[2], t[3]]) as usize;
        let kind_at = 4 + strs + 18;
        assert_eq!(t.get(kind_at - 1).copied(), Some(STR_DT));
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
        let bytes = enc(DOC);
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
        assert_eq!(decode::<Config>(&enc(&missing)), Err(BlobError::MissingField("name")));
        let nested = DOC.replace("port = 5432", "");
        assert_eq!(decode::<Config>(&enc(&nested)), Err(BlobError::MissingField("port")));
        let variant = DOC.replace("mode = \"safe\"", "mode = \"slow\"");
        assert_eq!(decode::<Config>(&enc(&variant)), Err(BlobError::UnknownVariant("slow".into())));
        let range = DOC.replace("port = 5432", "port = 70000");
        assert_eq!(
            decode::<Config>(&enc(&range)),
            Err(BlobError::IntOutOfRange { value: 70000, target: "u16" })
        );
        assert_eq!(BlobError::MissingField("name").to_string(), "missing field `name`");
    }

    #[test]
    fn every_truncation_is_an_error() {
        let bytes = enc(DOC);
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
        let bytes = enc(DOC);
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

    /// `cargo test -p config-core --release blob::tests::decode_speed -- --ignored --nocapture`
    #[test]
    #[ignore = "timing; run in release"]
    fn decode_speed() {
        let mut text = String::new();
        let mut i = 0;
        while text.len() < 1_000_000 {
            text.push_str(&format!(
                "[[servers]]\nhost = \"host-{i}.example.com\"\nport = {}\nweight = 0.{i}\n\
                 [servers.meta]\nsince = \"2024-11-29T09:00:00Z\"\nnote = \"lorem ipsum dolor sit amet\"\n",
                i % 60000
            ));
            i += 1;
        }
        let bytes = enc(&text);
        struct Meta {
            since: DateTime<Utc>,
            note: String,
        }
        impl FromBlob for Meta {
            fn read(b: &mut Blob<'_>) -> Result<Self, BlobError> {
                let (mut since, mut note) = (None, None);
                for _ in 0..b.table_len()? {
                    match b.key()? {
                        "since" => since = Some(FromBlob::read(b)?),
                        "note" => note = Some(FromBlob::read(b)?),
                        _ => b.skip()?,
                    }
                }
                Ok(Meta { since: field(since, "since")?, note: field(note, "note")? })
            }
        }
        struct Full {
            host: String,
            port: u16,
            weight: f64,
            meta: Meta,
        }
        impl FromBlob for Full {
            fn read(b: &mut Blob<'_>) -> Result<Self, BlobError> {
                let (mut host, mut port, mut weight, mut meta) = (None, None, None, None);
                for _ in 0..b.table_len()? {
                    match b.key()? {
                        "host" => host = Some(FromBlob::read(b)?),
                        "port" => port = Some(FromBlob::read(b)?),
                        "weight" => weight = Some(FromBlob::read(b)?),
                        "meta" => meta = Some(FromBlob::read(b)?),
                        _ => b.skip()?,
                    }
                }
                Ok(Full {
                    host: field(host, "host")?,
                    port: field(port, "port")?,
                    weight: field(weight, "weight")?,
                    meta: field(meta, "meta")?,
                })
            }
        }
        fn best<T>(f: impl Fn() -> T) -> (std::time::Duration, T) {
            let mut runs: Vec<_> = (0..20)
                .map(|_| {
                    let t = std::time::Instant::now();
                    let v = f();
                    (t.elapsed(), v)
                })
                .collect();
            runs.sort_by_key(|r| r.0);
            runs.swap_remove(0)
        }
        let (el, m) = best(|| decode::<BTreeMap<String, Vec<Server>>>(&bytes).unwrap());
        assert_eq!(m["servers"].len(), i);
        let (el_full, m) = best(|| decode::<BTreeMap<String, Vec<Full>>>(&bytes).unwrap());
        let v = &m["servers"];
        assert_eq!(v.len(), i);
        assert!(v.iter().all(|s| s.meta.since.timestamp() > 0 && !s.meta.note.is_empty()));
        assert!(v.iter().all(|s| !s.host.is_empty() && s.weight >= 0.0 && s.port < 60000));
        let (el_skip, ()) = best(|| Blob::new(&bytes).skip().unwrap());
        let one = enc("v = '2024-11-29T09:00:00Z'");
        let (el_dt, n) =
            best(|| (0..i).filter(|_| decode::<BTreeMap<String, DateTime<Utc>>>(&one).is_ok()).count());
        assert_eq!(n, i);
        println!(
            "best of 20 (drop not timed): servers without meta {el:?}; every field {el_full:?}; \
             skip whole doc {el_skip:?}; {i} one-datetime maps {el_dt:?}"
        );
        let t = std::time::Instant::now();
        let _: toml::Table = toml::from_str(&text).unwrap();
        println!(
            "{} bytes toml, {} bytes blob, {} servers (toml::from_str {:?})",
            text.len(),
            bytes.len(),
            i,
            t.elapsed()
        );
    }
}
