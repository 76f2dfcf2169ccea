//! The input shapes the cost of checking is measured on (`benches/src/bin/shapes.rs`, the
//! limits test): each is generated at any size, never checked in, and comes with the
//! smallest schema that reads it, so `check_str` and bare `toml::from_str` do the same job.
//!
//! - a map of many short keys (`k1a2b = []`), one table of distinct keys;
//! - an array of small inline tables (`{ a = 1, b = "x" }`);
//! - one long string;
//! - nested tables as deep as the parser allows, repeated;
//! - the realistic menu from the product taxonomy.

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// A map of short keys to (empty) lists.
#[derive(crate::__Config, serde::Deserialize, Debug)]
pub struct KeyMap {
    pub map: BTreeMap<String, Vec<u32>>,
}

/// An array of small inline tables.
#[derive(crate::__Config, serde::Deserialize, Debug)]
pub struct InlineTables {
    pub items: Vec<Small>,
}

/// One element of [`InlineTables`].
#[derive(crate::__Config, serde::Deserialize, Debug)]
pub struct Small {
    #[config(range(max = 1_000_000_000))]
    pub a: u32,
    #[config(len(max = 16))]
    pub b: String,
}

/// One long string.
#[derive(crate::__Config, serde::Deserialize, Debug)]
pub struct LongString {
    pub text: String,
}

/// Trees of nested tables.
#[derive(crate::__Config, serde::Deserialize, Debug)]
pub struct Deep {
    pub deep: Vec<Nest>,
}

/// One level of [`Deep`]: a value and the level below.
#[derive(crate::__Config, serde::Deserialize, Debug)]
pub struct Nest {
    #[serde(default)]
    pub v: u32,
    #[serde(default)]
    pub n: Option<Box<Nest>>,
}

/// Levels of [`Nest`] per tree: with the array around them, as deep as the parser takes
/// (a document nested deeper is a `syntax` error, see `tests/tests/limits.rs`).
pub const NEST_LEVELS: usize = 78;

/// The key of entry `i` of the key map: short, distinct, letters and digits.
fn short_key(mut i: usize) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut k = vec![b'k'];
    loop {
        k.push(DIGITS[i % 36]);
        i /= 36;
        if i == 0 {
            break;
        }
    }
    String::from_utf8(k).unwrap_or_default()
}

/// `[map]` and `k.. = []` lines up to `bytes`.
pub fn key_map(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 64);
    s.push_str("[map]\n");
    let mut i = 0;
    while s.len() < bytes {
        let _ = writeln!(s, "{} = []", short_key(i));
        i += 1;
    }
    s
}

/// `items = [ {a = .., b = ".."}, ... ]` up to `bytes`.
pub fn inline_tables(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 64);
    s.push_str("items = [\n");
    let mut i = 0u32;
    while s.len() < bytes {
        let _ = writeln!(s, "{{a = {}, b = \"x{}\"}},", i % 1000, i % 10);
        i += 1;
    }
    s.push_str("]\n");
    s
}

/// `text = "xxx…"` of `bytes` bytes.
pub fn long_string(bytes: usize) -> String {
    format!("text = \"{}\"\n", "x".repeat(bytes.saturating_sub(10)))
}

/// `deep = [ {v = 1, n = {v = 1, n = { … }}}, … ]`, each tree [`NEST_LEVELS`] deep, up to
/// `bytes`.
pub fn deep(bytes: usize) -> String {
    let mut tree = String::new();
    for _ in 0..NEST_LEVELS - 1 {
        tree.push_str("{v = 1, n = ");
    }
    tree.push_str("{v = 1}");
    tree.push_str(&"}".repeat(NEST_LEVELS - 1));
    let mut s = String::with_capacity(bytes + tree.len() + 64);
    s.push_str("deep = [\n");
    while s.len() < bytes {
        s.push_str(&tree);
        s.push_str(",\n");
    }
    s.push_str("]\n");
    s
}

/// The realistic shop config (menu from the product taxonomy) of about `bytes`.
pub fn taxonomy_menu(bytes: usize) -> String {
    crate::taxonomy::shop_config(crate::taxonomy::corpus(), bytes)
}
