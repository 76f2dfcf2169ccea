//! Key paths as the summary records them and the checker prints them
//! (`promotions[2].ends`, `labels."new in".text`): the one formatter, and a parser for the
//! same syntax, so a printed path can be related back to the keys and indices it names.
//!
//! Keys that are bare TOML keys (ASCII letters, digits, `_`, `-`) are written as they
//! are; every other key (empty, dotted, spaced, non-ASCII...) is written quoted, with
//! Rust string escapes (control and format characters as `\u{..}`). A key longer than
//! [`QUOTE_MAX_CHARS`] characters is cut there, ending in `…` (a printed path is for
//! people; such a path no longer names its key exactly). Indices are written `[i]`, keys
//! after the first joined by `.`.

use crate::diag::QUOTE_MAX_CHARS;
use std::fmt::Write as _;

/// One step of a key path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Key(String),
    Index(usize),
}

/// One step of a key path, borrowed (what the summary builder keeps while it walks).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegmentRef<'a> {
    Key(&'a str),
    Index(usize),
}

impl Segment {
    /// The same step, borrowed.
    pub fn borrowed(&self) -> SegmentRef<'_> {
        match self {
            Segment::Key(k) => SegmentRef::Key(k),
            Segment::Index(i) => SegmentRef::Index(*i),
        }
    }
}

/// Can `key` be written as a bare TOML key (ASCII letters, digits, `_`, `-`; not empty)?
pub fn is_bare_key(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Appends a key to a path, quoted when it is not a bare TOML key, cut when longer than
/// [`QUOTE_MAX_CHARS`].
pub fn push_key(out: &mut String, key: &str) {
    if let Some((cut, _)) = key.char_indices().nth(QUOTE_MAX_CHARS) {
        let end = key[..cut].char_indices().last().map_or(0, |(i, _)| i);
        let _ = write!(out, "{:?}", format!("{}…", &key[..end]));
        return;
    }
    if is_bare_key(key) {
        out.push_str(key);
    } else {
        let _ = write!(out, "{key:?}");
    }
}

/// Appends one step to the path in `out`: `.key` (no dot at the start) or `[i]`.
pub fn push_segment(out: &mut String, segment: SegmentRef<'_>) {
    match segment {
        SegmentRef::Key(k) => {
            if !out.is_empty() {
                out.push('.');
            }
            push_key(out, k);
        }
        SegmentRef::Index(i) => {
            let _ = write!(out, "[{i}]");
        }
    }
}

/// A path as text; the empty path is the empty string.
pub fn format(segments: &[Segment]) -> String {
    let mut out = String::with_capacity(16 * segments.len());
    for s in segments {
        push_segment(&mut out, s.borrowed());
    }
    out
}

/// Parses a printed key path; `(root)` / `(document)` are the empty path. `None` when
/// the text is not a key path.
pub fn parse(path: &str) -> Option<Vec<Segment>> {
    let mut out = Vec::new();
    if path == "(root)" || path == "(document)" {
        return Some(out);
    }
    let b = path.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'.' if !out.is_empty() => i += 1,
            b'[' => {
                let end = i + path[i..].find(']')?;
                out.push(Segment::Index(path[i + 1..end].parse().ok()?));
                i = end + 1;
            }
            b'"' => {
                let (key, len) = quoted_key(&path[i + 1..])?;
                out.push(Segment::Key(key));
                i += 1 + len;
            }
            _ => {
                let end = path[i..].find(['.', '[']).map_or(path.len(), |e| i + e);
                if end == i {
                    return None;
                }
                out.push(Segment::Key(path[i..end].to_owned()));
                i = end;
            }
        }
    }
    Some(out)
}

/// A Rust-debug-quoted key after its opening quote: the key and the bytes up to and
/// including the closing quote.
fn quoted_key(rest: &str) -> Option<(String, usize)> {
    let mut key = String::new();
    let mut chars = rest.char_indices();
    loop {
        let (k, c) = chars.next()?;
        match c {
            '"' => return Some((key, k + 1)),
            '\\' => {
                let (at, e) = chars.next()?;
                match e {
                    'n' => key.push('\n'),
                    't' => key.push('\t'),
                    'r' => key.push('\r'),
                    '0' => key.push('\0'),
                    'u' => match unicode_escape(&rest[at + 1..]) {
                        Some((c, len)) => {
                            key.push(c);
                            // skip `{hex}`
                            for _ in 0..len {
                                chars.next();
                            }
                        }
                        None => key.push('u'),
                    },
                    other => key.push(other),
                }
            }
            c => key.push(c),
        }
    }
}

/// `{hex}` of a `\u{hex}` escape: the char and the length of `{hex}` (ASCII, so bytes
/// and chars agree).
fn unicode_escape(s: &str) -> Option<(char, usize)> {
    let body = s.strip_prefix('{')?;
    let end = body.find('}')?;
    let hex = &body[..end];
    if hex.is_empty() || hex.len() > 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
    Some((c, end + 2))
}

#[cfg(test)]
mod tests;
