//! The compact JSON size of a TOML value, as serde_json writes it (keys and values in
//! document order, datetimes as strings, non-finite floats as `null`): the one home of
//! that arithmetic. The summary builder adds sizes up during its own walk (for
//! `max_json_bytes` and the record of JSON sizes) with the combining functions here, and
//! [`value_len`] / [`value_len_nodes`] walk a value with the same functions for the
//! linter's sizes (`stats`, `diff`, `budget-near`), so the two cannot disagree.

use toml::de::{DeTable, DeValue};

/// Length of `s` as a JSON string literal (quotes and escapes included), as serde_json
/// writes it.
pub fn json_string_len(s: &str) -> u64 {
    // the usual string has nothing to escape: a branch-free count the compiler vectorises
    let special: usize = s.bytes().map(|b| usize::from(b < 0x20 || b == b'"' || b == b'\\')).sum();
    if special == 0 {
        return s.len() as u64 + 2;
    }
    2 + s.bytes().map(json_byte_len).sum::<u64>()
}

/// What one byte of a string costs inside a JSON string literal (escapes included).
#[inline]
pub(crate) fn json_byte_len(b: u8) -> u64 {
    match b {
        b'"' | b'\\' | b'\n' | b'\r' | b'\t' | 0x08 | 0x0c => 2,
        0..=0x1f => 6,
        _ => 1,
    }
}

/// Digits (and sign) of an integer, without allocating.
pub fn int_json_len(n: i128) -> u64 {
    let mut len = u64::from(n < 0) + 1;
    let mut u = n.unsigned_abs();
    while u >= 10 {
        u /= 10;
        len += 1;
    }
    len
}

/// Length of a float as JSON (`null` for NaN and infinities), as serde_json writes it
/// (the same formatter), without allocating.
pub fn float_json_len(x: f64) -> u64 {
    if !x.is_finite() {
        return 4;
    }
    zmij::Buffer::new().format_finite(x).len() as u64
}

/// Appends a float as serde_json writes it (`null` for NaN and infinities).
pub fn push_float(out: &mut String, x: f64) {
    if x.is_finite() {
        out.push_str(zmij::Buffer::new().format_finite(x));
    } else {
        out.push_str("null");
    }
}

/// `true` / `false`.
pub const fn bool_len(b: bool) -> u64 {
    if b { 4 } else { 5 }
}

/// A datetime, written as a JSON string of its TOML text (`text_len` bytes, nothing to
/// escape).
pub const fn datetime_len(text_len: usize) -> u64 {
    text_len as u64 + 2
}

/// An array of `items` values whose sizes add up to `values`: brackets and commas.
pub const fn array_len(items: usize, values: u64) -> u64 {
    2 + items.saturating_sub(1) as u64 + values
}

/// A table of `entries` entries whose [`entry_len`]s add up to `sum`: braces and commas.
pub const fn table_len(entries: usize, sum: u64) -> u64 {
    2 + entries.saturating_sub(1) as u64 + sum
}

/// One `"key":value` entry of a table, the value being `value` bytes.
pub fn entry_len(key: &str, value: u64) -> u64 {
    json_string_len(key) + 1 + value
}

/// The size of a scalar (`None` for arrays and tables, which callers add up themselves).
pub fn scalar_len(v: &DeValue<'_>) -> Option<u64> {
    Some(match v {
        DeValue::String(s) => json_string_len(s),
        DeValue::Integer(i) => int_json_len(crate::literal::int_value(i.as_str(), i.radix())),
        DeValue::Float(f) => float_json_len(crate::literal::float_value(f.as_str())),
        DeValue::Boolean(b) => bool_len(*b),
        DeValue::Datetime(d) => datetime_len(d.to_string().len()),
        DeValue::Array(_) | DeValue::Table(_) => return None,
    })
}

/// Compact JSON size of a value (no allocation but a datetime's text).
pub fn value_len(v: &DeValue<'_>) -> u64 {
    value_len_nodes(v).0
}

/// Compact JSON size of a table.
pub fn table_value_len(t: &DeTable<'_>) -> u64 {
    let sum = t.iter().map(|(k, v)| entry_len(k.get_ref(), value_len(v.get_ref()))).sum();
    table_len(t.len(), sum)
}

/// [`value_len`] and the number of tables within the value (itself included), in one walk.
pub fn value_len_nodes(v: &DeValue<'_>) -> (u64, u64) {
    match v {
        DeValue::Array(a) => {
            let (mut json, mut nodes) = (0, 0);
            for x in a.iter() {
                let (j, n) = value_len_nodes(x.get_ref());
                json += j;
                nodes += n;
            }
            (array_len(a.len(), json), nodes)
        }
        DeValue::Table(t) => {
            let (mut sum, mut nodes) = (0, 1);
            for (k, x) in t.iter() {
                let (j, n) = value_len_nodes(x.get_ref());
                sum += entry_len(k.get_ref(), j);
                nodes += n;
            }
            (table_len(t.len(), sum), nodes)
        }
        scalar => (scalar_len(scalar).unwrap_or(0), 0),
    }
}

#[cfg(test)]
mod tests;
