//! The characters a config value must not carry and a terminal must not be sent raw:
//! control characters (C0, DEL, C1) and every Unicode format character (general category
//! Cf: the soft hyphen, zero-width spaces and joiners, direction marks, the bidi
//! embedding / override / isolate characters, the BOM, the tag block U+E0000–U+E007F, …).
//! They are invisible or change how the text around them displays, so two values that
//! look the same can differ, and a value can read differently from what it is. One table,
//! read by every user of the set:
//!
//! - the checker's facts ([`control_problem`], the `control_char` rule, in values and in
//!   keys), which allow tab, newline and carriage return in values (multi-line texts are
//!   normal);
//! - the escaper ([`must_escape`], used by [`crate::diag::printable`]), which writes every
//!   entry as `\u{..}`, those three included, so a quoted value cannot break a one-line
//!   record;
//! - the `url` rule, which refuses every entry anywhere in a link;
//! - the editor JSON Schema the linter exports ([`value_pattern`]: strings must not hold
//!   what the checker refuses, so an editor flags it while typing).
//!
//! The one difference between the checker and the escaper is the `allowed_in_values`
//! column of [`TABLE`]. A file may start with a byte order mark: that is encoding, not a
//! value, and the parser drops it.

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

const fn one(c: char, what: &'static str) -> Forbidden {
    run(c, c, what)
}

const fn allowed(c: char) -> Forbidden {
    Forbidden { first: c, last: c, what: "a control character", allowed_in_values: true }
}

/// Every forbidden character, in code point order (the test checks it against the
/// Unicode character database: every Cc and Cf character, and the whole tag block).
pub const TABLE: &[Forbidden] = &[
    run('\u{0}', '\u{8}', "a control character"),
    allowed('\t'),
    allowed('\n'),
    run('\u{b}', '\u{c}', "a control character"),
    allowed('\r'),
    run('\u{e}', '\u{1f}', "a control character"),
    run('\u{7f}', '\u{7f}', "DEL (U+007F)"),
    run('\u{80}', '\u{9f}', "a C1 control character"),
    one('\u{ad}', "U+00AD SOFT HYPHEN"),
    run('\u{600}', '\u{605}', "an Arabic number sign (U+0600-U+0605, a format character)"),
    one('\u{61c}', "U+061C ARABIC LETTER MARK"),
    one('\u{6dd}', "U+06DD ARABIC END OF AYAH (a format character)"),
    one('\u{70f}', "U+070F SYRIAC ABBREVIATION MARK (a format character)"),
    run('\u{890}', '\u{891}', "an Arabic currency mark above (U+0890-U+0891, a format character)"),
    one('\u{8e2}', "U+08E2 ARABIC DISPUTED END OF AYAH (a format character)"),
    one('\u{180e}', "U+180E MONGOLIAN VOWEL SEPARATOR"),
    one('\u{200b}', "U+200B ZERO WIDTH SPACE"),
    one('\u{200c}', "U+200C ZERO WIDTH NON-JOINER"),
    one('\u{200d}', "U+200D ZERO WIDTH JOINER"),
    one('\u{200e}', "U+200E LEFT-TO-RIGHT MARK"),
    one('\u{200f}', "U+200F RIGHT-TO-LEFT MARK"),
    one('\u{202a}', "U+202A LEFT-TO-RIGHT EMBEDDING"),
    one('\u{202b}', "U+202B RIGHT-TO-LEFT EMBEDDING"),
    one('\u{202c}', "U+202C POP DIRECTIONAL FORMATTING"),
    one('\u{202d}', "U+202D LEFT-TO-RIGHT OVERRIDE"),
    one('\u{202e}', "U+202E RIGHT-TO-LEFT OVERRIDE"),
    one('\u{2060}', "U+2060 WORD JOINER"),
    one('\u{2061}', "U+2061 FUNCTION APPLICATION (invisible)"),
    one('\u{2062}', "U+2062 INVISIBLE TIMES"),
    one('\u{2063}', "U+2063 INVISIBLE SEPARATOR"),
    one('\u{2064}', "U+2064 INVISIBLE PLUS"),
    one('\u{2066}', "U+2066 LEFT-TO-RIGHT ISOLATE"),
    one('\u{2067}', "U+2067 RIGHT-TO-LEFT ISOLATE"),
    one('\u{2068}', "U+2068 FIRST STRONG ISOLATE"),
    one('\u{2069}', "U+2069 POP DIRECTIONAL ISOLATE"),
    run('\u{206a}', '\u{206f}', "a deprecated format character (U+206A-U+206F)"),
    one('\u{feff}', "U+FEFF ZERO WIDTH NO-BREAK SPACE (a byte order mark)"),
    run('\u{fff9}', '\u{fffb}', "an interlinear annotation character (U+FFF9-U+FFFB)"),
    one('\u{110bd}', "U+110BD KAITHI NUMBER SIGN (a format character)"),
    one('\u{110cd}', "U+110CD KAITHI NUMBER SIGN ABOVE (a format character)"),
    run('\u{13430}', '\u{1343f}', "an Egyptian hieroglyph format control (U+13430-U+1343F)"),
    run('\u{1bca0}', '\u{1bca3}', "a shorthand format control (U+1BCA0-U+1BCA3)"),
    run('\u{1d173}', '\u{1d17a}', "an invisible musical format character (U+1D173-U+1D17A)"),
    run('\u{e0000}', '\u{e007f}', "an invisible tag character (U+E0000-U+E007F)"),
];

/// The last code point in [`TABLE`]: nothing above it is forbidden.
const LAST: u32 = TABLE[TABLE.len() - 1].last as u32;

/// The table entry of `c`, if it is forbidden. Printable ASCII and everything past the
/// tag block answer without looking at the table; the rest is a binary search.
pub const fn lookup(c: char) -> Option<&'static Forbidden> {
    let cp = c as u32;
    if (cp >= 0x20 && cp < 0x7f) || cp > LAST {
        return None;
    }
    let (mut lo, mut hi) = (0, TABLE.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        let f = &TABLE[mid];
        if cp < f.first as u32 {
            hi = mid;
        } else if cp > f.last as u32 {
            lo = mid + 1;
        } else {
            return Some(f);
        }
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

/// The checker's question for a key: what `c` is, when a key may not contain it (tab,
/// newline and carriage return included: a key is one line of text).
pub const fn key_problem(c: char) -> Option<&'static str> {
    match lookup(c) {
        Some(f) => Some(f.what),
        None => None,
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

/// The first character of [`TABLE`] in `s` that a value may not contain, as a
/// description.
///
/// Tab, newline and carriage return are allowed (multi-line texts); every other C0/C1
/// control, DEL, and every format character (zero-width, bidi, tags, …) is not.
pub fn control_problem(s: &str) -> Option<&'static str> {
    // fast path: only a few lead bytes can start a problem
    if !s.bytes().any(may_start_value_problem) {
        return None;
    }
    s.chars().find_map(value_problem)
}

/// The first character of [`TABLE`] in the key `k`, as a description (every entry is
/// refused in a key, tab and newlines included).
pub fn key_control_problem(k: &str) -> Option<&'static str> {
    if k.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return None;
    }
    k.chars().find_map(key_problem)
}

#[cfg(test)]
mod tests;

/// An ECMA-262 (and Rust `regex`) pattern matching a string with none of the characters a
/// value may not hold in the Basic Multilingual Plane: `^[^\u0000-\u0008…]*$`, built from
/// [`TABLE`]. The entries past U+FFFF (tags, Kaithi and hieroglyph format controls, …) are
/// left out: a `\uXXXX` escape cannot name them in a pattern that both an editor's
/// ECMA-262 engine (with or without its `u` flag) and a Rust one read alike, so the
/// editor does not flag those; the build, `Live` and the linter still do.
pub fn value_pattern() -> String {
    let mut class = String::new();
    for f in TABLE.iter().filter(|f| !f.allowed_in_values && (f.last as u32) <= 0xffff) {
        class.push_str(&format!("\\u{:04x}", f.first as u32));
        if f.last != f.first {
            class.push_str(&format!("-\\u{:04x}", f.last as u32));
        }
    }
    format!("^[^{class}]*$")
}
