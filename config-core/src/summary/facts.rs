//! Per-value predicates the summary builder records: URL safety, one byte scan of each
//! string (length, JSON size, whether a forbidden character may be present: the set is
//! [`crate::forbidden`]'s), and compact JSON sizes.

use crate::forbidden::may_start_value_problem;

/// Why `s` is not an acceptable link, or `None` if it is one.
///
/// Accepted: a relative path starting with one `/` (not `//` or `/\`, which browsers
/// treat as another host), or an absolute `http://` / `https://` URL with a host.
/// Everything else is refused, so `javascript:`, `data:`, `vbscript:`, encoded or
/// padded variants of them, and backslash tricks never pass.
pub fn url_problem(s: &str) -> Option<&'static str> {
    url_problem_scanned(s, &scan(s))
}

/// [`url_problem`] with the string's [`scan`] already done.
pub fn url_problem_scanned(s: &str, sc: &StrScan) -> Option<&'static str> {
    if s.is_empty() {
        return Some("empty link");
    }
    let spaced = if sc.non_ascii {
        s.chars().any(|c| c.is_whitespace() || c.is_control())
    } else {
        sc.ascii_space_or_control
    };
    if spaced {
        return Some("links may not contain whitespace or control characters");
    }
    if s.contains('\\') {
        return Some("links may not contain backslashes");
    }
    let b = s.as_bytes();
    if b[0] == b'/' {
        if b.len() > 1 && b[1] == b'/' {
            return Some("`//` starts a link to another host; use `/path` or `https://host/path`");
        }
        return None;
    }
    let lower = |n: usize| s.get(..n).map(str::to_ascii_lowercase);
    let rest = if lower(8).as_deref() == Some("https://") {
        &s[8..]
    } else if lower(7).as_deref() == Some("http://") {
        &s[7..]
    } else {
        return Some("expected a `/relative/path` or an `http(s)://` URL");
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || host.starts_with('@') || host.starts_with(':') {
        return Some("the URL has no host");
    }
    None
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
    /// An ASCII space, control or DEL is present.
    pub ascii_space_or_control: bool,
    pub non_ascii: bool,
}

/// One pass over the bytes of `s`.
pub fn scan(s: &str) -> StrScan {
    let mut sc = StrScan { json_len: 2, ..StrScan::default() };
    for &b in s.as_bytes() {
        sc.chars += u64::from(b & 0xc0 != 0x80);
        sc.json_len += json_byte_len(b);
        if b <= b' ' || b >= 0x7f {
            sc.ascii_space_or_control |= b <= b' ' || b == 0x7f;
            sc.non_ascii |= b >= 0x80;
            sc.maybe_control |= may_start_value_problem(b);
        }
    }
    sc
}

pub(crate) use crate::json_size::json_byte_len;
pub use crate::json_size::{float_json_len, int_json_len, json_string_len};

#[cfg(test)]
mod tests;
