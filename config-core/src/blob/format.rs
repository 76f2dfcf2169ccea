//! The layout both sides of the blob agree on: the one-byte value tags and the size of the
//! datetime fields, written by `encode` and read by `read`. The format itself is specified
//! in the parent module's documentation; this file only names its numbers.

/// Tag of `false`.
pub(super) const FALSE: u8 = 0;
/// Tag of `true`.
pub(super) const TRUE: u8 = 1;
/// Tag of an integer in `i64` range: 8 bytes follow.
pub(super) const INTEGER: u8 = 2;
/// Tag of a float: its 8 bytes of `f64` bits follow.
pub(super) const FLOAT: u8 = 3;
/// Tag of a plain string: a string ref follows.
pub(super) const STRING: u8 = 4;
/// Tag of an array: count, body length, then the values.
pub(super) const ARRAY: u8 = 5;
/// Tag of a table: count, body length, then the (key, value) pairs.
pub(super) const TABLE: u8 = 6;
/// Tag of a native datetime literal: datetime fields, then a string ref to its text.
pub(super) const DATETIME: u8 = 7;
/// Tag of a string that is an RFC 3339 datetime: datetime fields, then a string ref.
pub(super) const DATETIME_STRING: u8 = 8;
/// Tag of an integer outside `i64` range: 16 bytes of `i128` follow.
pub(super) const BIG_INTEGER: u8 = 9;

/// Size of the datetime fields (kind + `DtParts`) after a [`DATETIME`] /
/// [`DATETIME_STRING`] tag.
pub(super) const DATETIME_FIELDS_LEN: usize = 18;

/// Size of a string ref: `u32` offset and `u32` length into the string table.
pub(super) const STRING_REF_LEN: usize = 8;

/// Human name of a tag, for [`super::BlobError::UnexpectedTag`].
pub(super) const fn tag_name(tag: u8) -> &'static str {
    match tag {
        FALSE | TRUE => "a boolean",
        INTEGER | BIG_INTEGER => "an integer",
        FLOAT => "a float",
        STRING | DATETIME_STRING => "a string",
        ARRAY => "an array",
        TABLE => "a table",
        DATETIME => "a datetime",
        _ => "an invalid tag",
    }
}
