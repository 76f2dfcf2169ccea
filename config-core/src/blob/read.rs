//! Reading a blob: the [`Blob`] cursor, the [`FromBlob`] trait that target types implement
//! on top of it, and the entry points [`decode`] (a whole blob) and [`field`] (finishing a
//! struct field). Every read is bounds-checked against the data, so corrupt or truncated
//! input is an error and never a panic.

use super::error::BlobError;
use super::format::{
    ARRAY, BIG_INTEGER, DATETIME, DATETIME_FIELDS_LEN, DATETIME_STRING, FALSE, FLOAT, INTEGER, STRING,
    STRING_REF_LEN, TABLE, TRUE,
};
use crate::datetime::{self, DtKind, DtParts};
use crate::zone::rules::{Local, parts_of_wall, wall_seconds};
use crate::zone::{ZoneRules, split_bracketed};

/// A reader over a baked blob. Every read is bounds-checked and returns
/// [`BlobError::Truncated`] past the end; nothing here panics on corrupt data.
#[derive(Debug, Clone)]
pub struct Blob<'a> {
    /// The bytes not read yet.
    rest: &'a [u8],
    /// The string table, checked to be UTF-8 once; `None` when it is not.
    strings: Option<&'a str>,
    /// The zone in force for the value being read (`tz`; see [`Blob::enter_zone`]).
    zone: Option<&'static ZoneRules>,
}

impl<'a> Blob<'a> {
    /// A reader at the start of `data`.
    pub fn new(data: &'a [u8]) -> Self {
        let Some((len, tail)) = data.split_first_chunk::<4>() else {
            return Blob { rest: &[], strings: None, zone: None };
        };
        let len = u32::from_le_bytes(*len) as usize;
        match tail.split_at_checked(len) {
            Some((table, rest)) => Blob { rest, strings: std::str::from_utf8(table).ok(), zone: None },
            None => Blob { rest: &[], strings: None, zone: None },
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
        let (&tag, tail) = self.rest.split_first().ok_or(BlobError::Truncated)?;
        self.rest = tail;
        Ok(tag)
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

    /// A string ref: offset and length into the string table (validated once in `new`).
    #[inline]
    fn text(&mut self) -> Result<&'a str, BlobError> {
        let offset = self.u32()? as usize;
        let len = self.u32()? as usize;
        let strings = self.strings.ok_or(BlobError::InvalidUtf8)?;
        strings.get(offset..offset.saturating_add(len)).ok_or(BlobError::InvalidUtf8)
    }

    /// Count and body length of a container whose tag was read; returns the count.
    #[inline]
    fn container(&mut self) -> Result<u32, BlobError> {
        let count = self.u32()?;
        self.fixed::<4>()?;
        Ok(count)
    }

    /// Reads a table header: the table tag and the number of (key, value) pairs that follow.
    pub fn table_len(&mut self) -> Result<u32, BlobError> {
        match self.tag()? {
            TABLE => self.container(),
            tag => Err(BlobError::unexpected("a table", tag)),
        }
    }

    /// Reads an array header: the array tag and the number of values that follow.
    pub fn array_len(&mut self) -> Result<u32, BlobError> {
        match self.tag()? {
            ARRAY => self.container(),
            tag => Err(BlobError::unexpected("an array", tag)),
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
            INTEGER | FLOAT => {
                self.fixed::<8>()?;
            }
            BIG_INTEGER => {
                self.fixed::<16>()?;
            }
            STRING => {
                self.fixed::<STRING_REF_LEN>()?;
            }
            ARRAY | TABLE => {
                self.fixed::<4>()?;
                self.chunk()?;
            }
            DATETIME | DATETIME_STRING => {
                self.fixed::<{ DATETIME_FIELDS_LEN + STRING_REF_LEN }>()?;
            }
            tag => return Err(BlobError::unexpected("a value", tag)),
        }
        Ok(())
    }

    /// Reads a boolean.
    pub fn read_bool(&mut self) -> Result<bool, BlobError> {
        match self.tag()? {
            FALSE => Ok(false),
            TRUE => Ok(true),
            tag => Err(BlobError::unexpected("a boolean", tag)),
        }
    }

    /// Reads an integer. TOML integers are `i64`; a literal outside that range is returned
    /// as is (the target type decides, as with `toml` + serde), except `i128::MIN` /
    /// `i128::MAX`, which may stand for a larger literal and are [`BlobError::IntOutOfRange`].
    pub fn read_int(&mut self) -> Result<i128, BlobError> {
        match self.tag()? {
            INTEGER => self.fixed().map(|b| i128::from(i64::from_le_bytes(b))),
            BIG_INTEGER => self.big_int(),
            tag => Err(BlobError::unexpected("an integer", tag)),
        }
    }

    /// Reads a float; an integer is accepted too and converted, as TOML + serde do.
    pub fn read_float(&mut self) -> Result<f64, BlobError> {
        match self.tag()? {
            FLOAT => self.fixed().map(|b| f64::from_bits(u64::from_le_bytes(b))),
            INTEGER => self.fixed().map(|b| i64::from_le_bytes(b) as f64),
            BIG_INTEGER => self.big_int().map(|v| v as f64),
            tag => Err(BlobError::unexpected("a float", tag)),
        }
    }

    /// The value of a big integer whose tag was read.
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
            STRING => self.text(),
            DATETIME_STRING => {
                self.fixed::<DATETIME_FIELDS_LEN>()?;
                self.text()
            }
            tag => Err(BlobError::unexpected("a string", tag)),
        }
    }

    /// Reads a `String`'s text: like [`Blob::read_str`], and a native datetime literal
    /// gives its text (`Datetime::to_string()`).
    pub fn read_text(&mut self) -> Result<&'a str, BlobError> {
        match self.tag()? {
            STRING => self.text(),
            DATETIME_STRING | DATETIME => {
                self.fixed::<DATETIME_FIELDS_LEN>()?;
                self.text()
            }
            tag => Err(BlobError::unexpected("a string", tag)),
        }
    }

    /// Puts `zone` in force for what is read next (the derive calls it around a field with
    /// a `tz`); `None` keeps the one in force. Returns the previous zone, for
    /// [`Blob::leave_zone`].
    pub fn enter_zone(&mut self, zone: Option<&'static ZoneRules>) -> Option<&'static ZoneRules> {
        let prev = self.zone;
        if zone.is_some() {
            self.zone = zone;
        }
        prev
    }

    /// Restores the zone [`Blob::enter_zone`] returned.
    pub fn leave_zone(&mut self, prev: Option<&'static ZoneRules>) {
        self.zone = prev;
    }

    /// Reads a datetime of the given form (a native literal or a string that is one) as its
    /// pre-parsed fields. Another form gives [`BlobError::UnexpectedTag`] naming both forms.
    pub fn read_datetime(&mut self, kind: DtKind) -> Result<DtParts, BlobError> {
        match self.tag()? {
            DATETIME | DATETIME_STRING => {}
            tag => return Err(BlobError::unexpected(kind.name(), tag)),
        }
        let (found, parts) = self.datetime_fields()?;
        if found != kind {
            return Err(BlobError::UnexpectedTag { expected: kind.name(), found: found.name() });
        }
        Ok(parts)
    }

    /// Reads an instant: an offset datetime; under a zone in force also a local one
    /// (resolved in the zone, with the rules the derive compiled in) and an RFC 9557 string
    /// (`…+02:00[Europe/Kyiv]`, its offset kept). The build checked each against the zone.
    pub fn read_instant(&mut self) -> Result<DtParts, BlobError> {
        self.read_instant_named().map(|(parts, _)| parts)
    }

    /// The zone in force for the value being read, if any.
    pub fn zone(&self) -> Option<&'static ZoneRules> {
        self.zone
    }

    /// [`Blob::read_instant`], with the zone an RFC 9557 value names in its bracket.
    pub fn read_instant_named(&mut self) -> Result<(DtParts, Option<&'a str>), BlobError> {
        let mut bracket = None;
        let (kind, parts) = match self.tag()? {
            DATETIME | DATETIME_STRING => self.datetime_fields()?,
            STRING => {
                let text = self.text()?;
                let Ok(Some(b)) = split_bracketed(text) else {
                    return Err(BlobError::unexpected(DtKind::Offset.name(), STRING));
                };
                bracket = Some(b.zone);
                let p = datetime::parse(DtKind::Offset, b.datetime).map_err(BlobError::BadDatetime)?;
                (DtKind::Offset, p)
            }
            tag => return Err(BlobError::unexpected(DtKind::Offset.name(), tag)),
        };
        self.resolve_instant(kind, parts).map(|p| (p, bracket))
    }

    fn resolve_instant(&self, kind: DtKind, parts: DtParts) -> Result<DtParts, BlobError> {
        match (kind, self.zone) {
            (DtKind::Offset, _) => Ok(parts),
            (DtKind::Local, Some(z)) => {
                let wall = wall_seconds(&parts);
                match z.resolve(wall) {
                    Local::One(r) => {
                        Ok(DtParts { offset_secs: r.offset, ..parts_of_wall(wall, parts.nano, 0) })
                    }
                    _ => Err(BlobError::BadDatetime("local time without one instant in the zone")),
                }
            }
            (found, _) => {
                Err(BlobError::UnexpectedTag { expected: DtKind::Offset.name(), found: found.name() })
            }
        }
    }

    /// The fields after a datetime tag.
    fn datetime_fields(&mut self) -> Result<(DtKind, DtParts), BlobError> {
        let [kind_index] = self.fixed()?;
        let year = i32::from_le_bytes(self.fixed()?);
        let [month, day, hour, min, sec] = self.fixed()?;
        let nano = u32::from_le_bytes(self.fixed()?);
        let offset_secs = i32::from_le_bytes(self.fixed()?);
        self.fixed::<STRING_REF_LEN>()?;
        let found = *DtKind::ALL
            .get(usize::from(kind_index))
            .ok_or(BlobError::BadDatetime("invalid datetime kind"))?;
        // `datetime::parse` never yields more; larger values would overflow its leap-second
        // handling, so corrupt data is stopped here.
        if nano >= 1_000_000_000 {
            return Err(BlobError::BadDatetime("nanoseconds out of range"));
        }
        let parts = DtParts {
            year,
            month: u32::from(month),
            day: u32::from(day),
            hour: u32::from(hour),
            min: u32::from(min),
            sec: u32::from(sec),
            nano,
            offset_secs,
        };
        Ok((found, parts))
    }
}

/// A type that can be read from a baked blob.
///
/// Implemented by this module for the std and chrono types a config uses;
/// `#[derive(Config)]` implements it for structs and unit enums.
pub trait FromBlob: Sized {
    /// Reads one value at the reader's position.
    fn read(blob: &mut Blob<'_>) -> Result<Self, BlobError>;

    /// Value for an absent key: `Some(None)` for Option, None otherwise.
    fn missing() -> Option<Self> {
        None
    }
}

/// Decodes a whole baked blob as `T` (the root table); bytes left over are an error.
pub fn decode<T: FromBlob>(data: &[u8]) -> Result<T, BlobError> {
    let mut blob = Blob::new(data);
    let value = T::read(&mut blob)?;
    if blob.is_empty() { Ok(value) } else { Err(BlobError::TrailingBytes(blob.remaining())) }
}

/// Finishes a struct field after the key loop: the value read, else [`FromBlob::missing`]
/// (`None` for an `Option`), else [`BlobError::MissingField`].
#[inline]
pub fn field<T: FromBlob>(slot: Option<T>, name: &'static str) -> Result<T, BlobError> {
    match slot {
        Some(value) => Ok(value),
        None => T::missing().ok_or(BlobError::MissingField(name)),
    }
}
