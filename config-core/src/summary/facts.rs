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
    /// Some byte could start a control or bidi character a value may not contain
    /// ([`control_problem`](crate::forbidden::control_problem) decides).
    pub maybe_control: bool,
}

/// One pass over the bytes of `s`.
pub fn scan(s: &str) -> StrScan {
    let mut sc = StrScan { json_len: 2, ..StrScan::default() };
    for &b in s.as_bytes() {
        sc.chars += u64::from(b & 0xc0 != 0x80);
        sc.json_len += json_byte_len(b);
        if b <= b' ' || b >= 0x7f {
            sc.maybe_control |= may_start_value_problem(b);
        }
    }
    sc
}

pub(crate) use crate::json_size::json_byte_len;
pub use crate::json_size::{float_json_len, int_json_len, json_string_len};

#[cfg(test)]
mod tests;
