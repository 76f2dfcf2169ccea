//! The baked form of a config: a compact binary encoding of a TOML document.
//!
//! `#[derive(Config)]` reads and checks the TOML file at compile time and then *bakes* it:
//! [`encode`](fn@encode) turns the parsed document into bytes that are embedded in the
//! binary, and at run time `T::baked()` turns them back into `T` with [`decode`]. Decoding
//! does no text parsing at all: integers and floats are stored as fixed-width little-endian
//! values, and every datetime (a native TOML datetime literal, or a string that is one of
//! the four RFC 3339 forms of [`crate::datetime`]) carries its fields already parsed. What
//! is left at run time is copying strings out (after a UTF-8 check) and building chrono
//! values from their fields.
//!
//! The encoding is schema-free: it holds the whole document, like the TOML text does. The
//! schema lives in the [`FromBlob`] impls: this module has them for the std and chrono types
//! a config uses; the derive generates them for structs (read [`Blob::table_len`], then loop
//! [`Blob::key`] + match on the name, [`Blob::skip`] unknown keys, finish every field with
//! [`field`]) and for unit enums ([`Blob::read_str`] + match on the name).
//!
//! The code is split by job: `format` holds the tags and sizes both sides agree on,
//! `encode` writes a blob, `read` is the [`Blob`] reader with [`FromBlob`], [`decode`] and
//! [`field`], `error` is [`BlobError`], and `impls` reads the std and chrono types.
//!
//! # Format
//!
//! All numbers are little-endian. The blob starts with the string table: a `u32` byte
//! length and the UTF-8 text of every distinct string and key, concatenated (checked to be
//! UTF-8 once, when decoding starts: one pass instead of one per string). The root value
//! follows. A value is a one-byte tag followed by its payload; the root is a table value.
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
//!
//! [`int_value`]: crate::literal::int_value
//! [`DtParts`]: crate::datetime::DtParts
//! [`DtKind::index`]: crate::datetime::DtKind::index

mod encode;
mod error;
mod format;
mod impls;
mod read;

pub use encode::encode;
pub use error::BlobError;
pub use read::{Blob, FromBlob, decode, field};

#[cfg(test)]
mod tests;
