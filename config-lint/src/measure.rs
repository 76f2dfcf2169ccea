//! What a value costs to serve: its compact JSON (size and text, for gzip), its depth in
//! tables and its node (table) count.
//!
//! The JSON size is computed exactly as the checker's summary computes it for
//! `max_json_bytes` (keys and values in document order, datetimes as strings, non-finite
//! floats as `null`), so `stats`, `diff` and the `budget-near` warning agree with the
//! `max-json-bytes` error to the byte. gzip uses level 6 (the artifacts' default level,
//! what a service precompresses with), measured on that same JSON text.

use config_core::keypath::push_key;
use config_core::literal::{float_value, int_value};
use config_runtime::artifact::Level;
use config_runtime::compress;
use toml::de::{DeTable, DeValue};

/// The gzip level sizes are reported at: the artifacts' default (6).
pub(crate) const GZIP_LEVEL: u32 = Level::DEFAULT.gzip;

/// Size, depth and node count of one value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub(crate) struct Size {
    /// Compact JSON bytes.
    pub json: u64,
    /// gzip (level 6) bytes of that JSON.
    pub gzip: u64,
    /// Levels of nested tables (a scalar is 0, a table of scalars 1, a 3-level menu 3).
    pub depth: u32,
    /// Tables within, the value itself included (what `max_nodes` counts).
    pub nodes: u64,
}

pub(crate) use config_core::json_size::value_len_nodes as json_len_nodes;

/// Tables within `v`, itself included.
pub(crate) fn nodes(v: &DeValue<'_>) -> u64 {
    match v {
        DeValue::Array(a) => a.iter().map(|x| nodes(x.get_ref())).sum(),
        DeValue::Table(t) => 1 + t.iter().map(|(_, x)| nodes(x.get_ref())).sum::<u64>(),
        _ => 0,
    }
}

/// Levels of nested tables in `v`.
pub(crate) fn depth(v: &DeValue<'_>) -> u32 {
    match v {
        DeValue::Array(a) => a.iter().map(|x| depth(x.get_ref())).max().unwrap_or(0),
        DeValue::Table(t) => 1 + t.iter().map(|(_, x)| depth(x.get_ref())).max().unwrap_or(0),
        _ => 0,
    }
}

/// Appends the compact JSON of `v`.
pub(crate) fn write_json(v: &DeValue<'_>, out: &mut String) {
    match v {
        DeValue::String(s) => write_str(s, out),
        DeValue::Integer(i) => out.push_str(&int_value(i.as_str(), i.radix()).to_string()),
        DeValue::Float(f) => config_core::json_size::push_float(out, float_value(f.as_str())),
        DeValue::Boolean(b) => out.push_str(if *b { "true" } else { "false" }),
        DeValue::Datetime(d) => write_str(&d.to_string(), out),
        DeValue::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(x.get_ref(), out);
            }
            out.push(']');
        }
        DeValue::Table(t) => write_table_json(t, out),
    }
}

/// Appends the compact JSON of a table.
pub(crate) fn write_table_json(t: &DeTable<'_>, out: &mut String) {
    out.push('{');
    for (i, (k, v)) in t.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_str(k.get_ref(), out);
        out.push(':');
        write_json(v.get_ref(), out);
    }
    out.push('}');
}

/// A JSON string literal, escaped as serde_json escapes it.
fn write_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// gzip (level 6) size of `bytes`.
pub(crate) fn gzip_len(bytes: &[u8]) -> u64 {
    compress::gzip_len(bytes, GZIP_LEVEL)
}

/// Size of a value, gzip included.
pub(crate) fn size(v: &DeValue<'_>) -> Size {
    let mut json = String::new();
    write_json(v, &mut json);
    Size { json: json.len() as u64, gzip: gzip_len(json.as_bytes()), depth: depth(v), nodes: nodes(v) }
}

/// Size of a whole document (its depth and nodes do not count the root table itself).
pub(crate) fn doc_size(t: &DeTable<'_>) -> Size {
    let mut json = String::new();
    write_table_json(t, &mut json);
    Size {
        json: json.len() as u64,
        gzip: gzip_len(json.as_bytes()),
        depth: t.iter().map(|(_, v)| depth(v.get_ref())).max().unwrap_or(0),
        nodes: t.iter().map(|(_, v)| nodes(v.get_ref())).sum(),
    }
}

/// Appends `key` to a key path (`menu`, `a."b c"`).
pub(crate) fn push_path_key(path: &mut String, key: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    push_key(path, key);
}

/// `1.5 KiB`, `312 B`, `2.1 MiB`.
pub(crate) fn human_bytes(n: u64) -> String {
    const K: f64 = 1024.0;
    let f = n as f64;
    if f < K {
        format!("{n} B")
    } else if f < K * K {
        format!("{:.1} KiB", f / K)
    } else {
        format!("{:.2} MiB", f / K / K)
    }
}

#[cfg(test)]
mod tests;
