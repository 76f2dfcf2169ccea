//! Writing a blob: [`encode`] walks a parsed TOML document once and emits the value bytes
//! and the string table described in the parent module. Integer and float literals are
//! turned into their values here and datetimes into their fields, so that reading never
//! parses text.

use super::format::{
    ARRAY, BIG_INTEGER, DATETIME, DATETIME_STRING, FALSE, FLOAT, INTEGER, STRING, TABLE, TRUE,
};
use crate::datetime::{self, DtKind, DtParts};
use crate::literal::{float_value, int_value};
use std::collections::HashMap;
use toml::de::{DeTable, DeValue};

/// Encodes a whole TOML document (its root table), schema-free.
///
/// Integers and floats are stored as their values (see [`int_value`], [`float_value`]),
/// datetime literals and strings that are an RFC 3339 datetime with their fields parsed.
/// Lengths and counts are `u32`: a document over 4 GiB cannot be represented (the limits
/// saturate; such a document never reaches the derive in practice).
pub fn encode(root: &DeTable<'_>) -> Vec<u8> {
    let mut encoder = Encoder { values: Vec::new(), strings: String::new(), string_refs: HashMap::new() };
    encoder.table(root);
    let mut blob = Vec::with_capacity(4 + encoder.strings.len() + encoder.values.len());
    put_u32(&mut blob, encoder.strings.len());
    blob.extend_from_slice(encoder.strings.as_bytes());
    blob.extend_from_slice(&encoder.values);
    blob
}

/// Encoder state: the value bytes and the string table (each distinct string once).
struct Encoder {
    /// The encoded values, written after the string table.
    values: Vec<u8>,
    /// The string table: every distinct string and key, concatenated.
    strings: String,
    /// Offset and length in `strings` of every string already stored.
    string_refs: HashMap<String, (usize, usize)>,
}

impl Encoder {
    /// A string ref: its `u32` offset and `u32` length in the string table, adding the
    /// string to the table the first time it is seen.
    fn string_ref(&mut self, s: &str) {
        let (offset, len) = match self.string_refs.get(s) {
            Some(&known) => known,
            None => {
                let added = (self.strings.len(), s.len());
                self.strings.push_str(s);
                self.string_refs.insert(s.to_owned(), added);
                added
            }
        };
        put_u32(&mut self.values, offset);
        put_u32(&mut self.values, len);
    }

    fn table(&mut self, table: &DeTable<'_>) {
        self.values.push(TABLE);
        put_u32(&mut self.values, table.len());
        let at = begin_body(&mut self.values);
        for (key, value) in table.iter() {
            self.string_ref(key.get_ref());
            self.value(value.get_ref());
        }
        end_body(&mut self.values, at);
    }

    fn value(&mut self, value: &DeValue<'_>) {
        let out = &mut self.values;
        match value {
            DeValue::Boolean(b) => out.push(if *b { TRUE } else { FALSE }),
            DeValue::Integer(i) => {
                let n = int_value(i.as_str(), i.radix());
                match i64::try_from(n) {
                    Ok(small) => {
                        out.push(INTEGER);
                        out.extend_from_slice(&small.to_le_bytes());
                    }
                    Err(_) => {
                        out.push(BIG_INTEGER);
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
                    out.push(DATETIME_STRING);
                    put_datetime_fields(out, kind, parts);
                    self.string_ref(s);
                }
                None => {
                    out.push(STRING);
                    self.string_ref(s);
                }
            },
            DeValue::Datetime(d) => {
                out.push(DATETIME);
                put_datetime_fields(out, datetime::native_kind(d), datetime::native_parts(d));
                self.string_ref(&d.to_string());
            }
            DeValue::Array(array) => {
                out.push(ARRAY);
                put_u32(out, array.len());
                let at = begin_body(out);
                for item in array.iter() {
                    self.value(item.get_ref());
                }
                end_body(&mut self.values, at);
            }
            DeValue::Table(table) => self.table(table),
        }
    }
}

/// A length or count as `u32` (saturating; see [`encode`]).
fn put_u32(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
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

/// Writes the datetime fields (kind, then the parts) that follow a datetime tag.
fn put_datetime_fields(out: &mut Vec<u8>, kind: DtKind, parts: DtParts) {
    // Fields out of `u8` range cannot come from a parse; saturate so decoding rejects them.
    let small = |v: u32| u8::try_from(v).unwrap_or(u8::MAX);
    out.push(u8::try_from(kind.index()).unwrap_or(u8::MAX));
    out.extend_from_slice(&parts.year.to_le_bytes());
    out.extend_from_slice(&[
        small(parts.month),
        small(parts.day),
        small(parts.hour),
        small(parts.min),
        small(parts.sec),
    ]);
    out.extend_from_slice(&parts.nano.to_le_bytes());
    out.extend_from_slice(&parts.offset_secs.to_le_bytes());
}
