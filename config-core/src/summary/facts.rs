//! Per-value predicates the summary builder records: link safety (from [`crate::url`]), one byte scan of each
//! string (length, JSON size, whether a forbidden character may be present: the set is
//! [`crate::forbidden`]'s), and compact JSON sizes.

use crate::forbidden::may_start_value_problem;

/// Why `s` is not an acceptable link under bare `#[config(url)]`, or `None` if it is one
/// ([`crate::url::parse`] decides; this is its message).
pub fn url_problem(s: &str) -> Option<&'static str> {
    crate::url::parse(s).err().map(crate::url::UrlProblem::message)
}

/// What one pass over a string's bytes tells the summary builder.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StrScan {
    /// Length in chars.
    pub chars: u64,
    /// Length as a JSON string literal (see [`json_string_len`]).
    pub json_len: u64,
    /// Some byte could start a character of [`crate::forbidden`] a value may not contain
    /// ([`control_problem`](crate::forbidden::control_problem) decides).
    pub maybe_control: bool,
}

/// One pass over the bytes of `s`. Chunks of plain ASCII (no byte a JSON literal escapes,
/// none that could start a forbidden character) are counted with branch-free sums the
/// compiler vectorises; only the other chunks are looked at byte by byte.
pub fn scan(s: &str) -> StrScan {
    const CHUNK: usize = 32;
    let mut sc = StrScan { json_len: 2, ..StrScan::default() };
    let bytes = s.as_bytes();
    let mut chunks = bytes.chunks_exact(CHUNK);
    for c in &mut chunks {
        let special = c
            .iter()
            .fold(0u8, |acc, &b| acc | u8::from(!(0x20..0x7f).contains(&b) || b == b'"' || b == b'\\'));
        if special == 0 {
            sc.chars += CHUNK as u64;
            sc.json_len += CHUNK as u64;
        } else {
            scan_bytes(&mut sc, c);
        }
    }
    scan_bytes(&mut sc, chunks.remainder());
    sc
}

fn scan_bytes(sc: &mut StrScan, bytes: &[u8]) {
    for &b in bytes {
        sc.chars += u64::from(b & 0xc0 != 0x80);
        sc.json_len += json_byte_len(b);
        if b <= b' ' || b >= 0x7f {
            sc.maybe_control |= may_start_value_problem(b);
        }
    }
}

pub(crate) use crate::json_size::json_byte_len;
pub use crate::json_size::{float_json_len, int_json_len, json_string_len};

#[cfg(test)]
mod tests;
