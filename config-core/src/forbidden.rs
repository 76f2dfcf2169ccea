//! The characters a config value must not carry and a terminal must not be sent raw:
//! control characters (C0, DEL, C1) and the bidi embedding / override / isolate
//! characters. One table, read by both users of the set:
//!
//! - the checker's facts ([`control_problem`], the `control_char` rule), which allow tab,
//!   newline and carriage return in values (multi-line texts are normal);
//! - the escaper ([`must_escape`], used by [`crate::diag::printable`]), which writes every
//!   entry as `\u{..}`, those three included, so a quoted value cannot break a one-line
//!   record.
//!
//! - the editor JSON Schema the linter exports ([`value_pattern`]: strings must not hold
//!   what the checker refuses, so an editor flags it while typing).
//!
//! The one difference between the checker and the escaper is the `allowed_in_values`
//! column of [`TABLE`].

/// A run of forbidden characters, `first..=last`, and how each user treats it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Forbidden {
    pub first: char,
    pub last: char,
    /// What the checker calls a character of this run.
    pub what: &'static str,
    /// The checker accepts it in a value (the escaper still escapes it).
    pub allowed_in_values: bool,
}

const fn run(first: char, last: char, what: &'static str) -> Forbidden {
    Forbidden { first, last, what, allowed_in_values: false }
}

const fn allowed(c: char) -> Forbidden {
    Forbidden { first: c, last: c, what: "a control character", allowed_in_values: true }
}

/// Every forbidden character, in code point order.
pub const TABLE: [Forbidden; 17] = [
    run('\u{0}', '\u{8}', "a control character"),
    allowed('\t'),
    allowed('\n'),
    run('\u{b}', '\u{c}', "a control character"),
    allowed('\r'),
    run('\u{e}', '\u{1f}', "a control character"),
    run('\u{7f}', '\u{7f}', "DEL (U+007F)"),
    run('\u{80}', '\u{9f}', "a C1 control character"),
    run('\u{202a}', '\u{202a}', "U+202A LEFT-TO-RIGHT EMBEDDING"),
    run('\u{202b}', '\u{202b}', "U+202B RIGHT-TO-LEFT EMBEDDING"),
    run('\u{202c}', '\u{202c}', "U+202C POP DIRECTIONAL FORMATTING"),
    run('\u{202d}', '\u{202d}', "U+202D LEFT-TO-RIGHT OVERRIDE"),
    run('\u{202e}', '\u{202e}', "U+202E RIGHT-TO-LEFT OVERRIDE"),
    run('\u{2066}', '\u{2066}', "U+2066 LEFT-TO-RIGHT ISOLATE"),
    run('\u{2067}', '\u{2067}', "U+2067 RIGHT-TO-LEFT ISOLATE"),
    run('\u{2068}', '\u{2068}', "U+2068 FIRST STRONG ISOLATE"),
    run('\u{2069}', '\u{2069}', "U+2069 POP DIRECTIONAL ISOLATE"),
];

/// The last code point in [`TABLE`]: nothing above it is forbidden.
const LAST: u32 = TABLE[TABLE.len() - 1].last as u32;

/// The table entry of `c`, if it is forbidden. Printable ASCII and everything past the
/// bidi isolates (most text) answer without looking at the table.
pub const fn lookup(c: char) -> Option<&'static Forbidden> {
    let cp = c as u32;
    if (cp >= 0x20 && cp < 0x7f) || cp > LAST {
        return None;
    }
    let mut i = 0;
    while i < TABLE.len() {
        let f = &TABLE[i];
        if cp < f.first as u32 {
            // the table is in code point order
            return None;
        }
        if cp <= f.last as u32 {
            return Some(f);
        }
        i += 1;
    }
    None
}

/// The escaper's question: is `c` written as `\u{..}` when shown?
pub const fn must_escape(c: char) -> bool {
    lookup(c).is_some()
}

/// The checker's question: what `c` is, when a value may not contain it.
pub const fn value_problem(c: char) -> Option<&'static str> {
    match lookup(c) {
        Some(f) if !f.allowed_in_values => Some(f.what),
        _ => None,
    }
}

/// The first UTF-8 byte of `cp`.
const fn lead_byte(cp: u32) -> u8 {
    if cp < 0x80 {
        cp as u8
    } else if cp < 0x800 {
        0xc0 | (cp >> 6) as u8
    } else if cp < 0x1_0000 {
        0xe0 | (cp >> 12) as u8
    } else {
        0xf0 | (cp >> 18) as u8
    }
}

/// Per byte: can a character the checker refuses in a value start with it? Derived from
/// [`TABLE`] at compile time, for one-pass byte scans.
pub const VALUE_LEAD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < TABLE.len() {
        let f = TABLE[i];
        if !f.allowed_in_values {
            let mut cp = f.first as u32;
            while cp <= f.last as u32 {
                t[lead_byte(cp) as usize] = true;
                cp += 1;
            }
        }
        i += 1;
    }
    t
};

/// Can byte `b` start a character the checker refuses in a value?
#[inline]
pub const fn may_start_value_problem(b: u8) -> bool {
    VALUE_LEAD_BYTES[b as usize]
}

/// The first control or bidi character in `s` that a value may not contain, as a
/// description.
///
/// Tab, newline and carriage return are allowed (multi-line texts); every other C0/C1
/// control, DEL, and the bidi embedding/override/isolate characters are not.
pub fn control_problem(s: &str) -> Option<&'static str> {
    // fast path: only a few lead bytes can start a problem
    if !s.bytes().any(may_start_value_problem) {
        return None;
    }
    s.chars().find_map(value_problem)
}

#[cfg(test)]
mod tests;

/// An ECMA-262 (and Rust `regex`) pattern matching a string with none of the characters a
/// value may not hold: `^[^\u0000-\u0008…]*$`, built from [`TABLE`].
pub fn value_pattern() -> String {
    let mut class = String::new();
    for f in TABLE.iter().filter(|f| !f.allowed_in_values) {
        class.push_str(&format!("\\u{:04x}", f.first as u32));
        if f.last != f.first {
            class.push_str(&format!("-\\u{:04x}", f.last as u32));
        }
    }
    format!("^[^{class}]*$")
}
