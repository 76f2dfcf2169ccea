//! Per-value predicates the summary builder records: URL safety, control and bidi
//! characters, and the compact JSON size of a string.

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

/// The first control or bidi-override character in `s`, as a description.
///
/// Tab, newline and carriage return are allowed (multi-line texts); every other C0/C1
/// control, DEL, and the bidi embedding/override/isolate characters are not.
pub fn control_problem(s: &str) -> Option<&'static str> {
    // fast path: only ASCII controls and the lead bytes of C1 (0xC2) and the bidi
    // characters (0xE2) can start a problem
    if !s
        .bytes()
        .any(|b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7f || b == 0xc2 || b == 0xe2)
    {
        return None;
    }
    for c in s.chars() {
        let why = match c {
            '\t' | '\n' | '\r' => continue,
            '\u{0}'..='\u{1f}' => "a control character",
            '\u{7f}' => "DEL (U+007F)",
            '\u{80}'..='\u{9f}' => "a C1 control character",
            '\u{202a}' => "U+202A LEFT-TO-RIGHT EMBEDDING",
            '\u{202b}' => "U+202B RIGHT-TO-LEFT EMBEDDING",
            '\u{202c}' => "U+202C POP DIRECTIONAL FORMATTING",
            '\u{202d}' => "U+202D LEFT-TO-RIGHT OVERRIDE",
            '\u{202e}' => "U+202E RIGHT-TO-LEFT OVERRIDE",
            '\u{2066}' => "U+2066 LEFT-TO-RIGHT ISOLATE",
            '\u{2067}' => "U+2067 RIGHT-TO-LEFT ISOLATE",
            '\u{2068}' => "U+2068 FIRST STRONG ISOLATE",
            '\u{2069}' => "U+2069 POP DIRECTIONAL ISOLATE",
            _ => continue,
        };
        return Some(why);
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
    /// Some byte could start a control or bidi character ([`control_problem`] decides).
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
            sc.maybe_control |=
                (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7f || b == 0xc2 || b == 0xe2;
        }
    }
    sc
}

/// Length of `s` as a JSON string literal (quotes and escapes included), as serde_json
/// writes it.
pub fn json_string_len(s: &str) -> u64 {
    2 + s.bytes().map(json_byte_len).sum::<u64>()
}

/// What one byte of a string costs inside a JSON string literal (escapes included).
#[inline]
fn json_byte_len(b: u8) -> u64 {
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

/// Length of a float as JSON (`null` for NaN and infinities), without allocating.
pub fn float_json_len(x: f64) -> u64 {
    if !x.is_finite() {
        return 4;
    }
    struct Count(u64);
    impl std::fmt::Write for Count {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0 += s.len() as u64;
            Ok(())
        }
    }
    let mut c = Count(0);
    let _ = std::fmt::Write::write_fmt(&mut c, format_args!("{x:?}"));
    c.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links() {
        for ok in ["/sale", "/", "https://shop.example/x?y#z", "HTTP://shop.example"] {
            assert_eq!(url_problem(ok), None, "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "java\tscript:alert(1)",
            " /sale",
            "//evil.example",
            "\\\\evil",
            "/\\evil.example",
            "%6Aavascript:alert(1)",
            "data:text/html,x",
            "vbscript:x",
            "https://",
            "sale",
            "",
        ] {
            assert!(url_problem(bad).is_some(), "{bad:?}");
        }
    }

    #[test]
    fn controls() {
        assert_eq!(control_problem("Sale\n50%\t!"), None);
        assert!(control_problem("a\u{202e}b").is_some());
        assert!(control_problem("a\u{7}b").is_some());
    }

    #[test]
    fn json_len() {
        assert_eq!(json_string_len("ab"), 4);
        assert_eq!(json_string_len("a\"b\u{1}"), 2 + 1 + 2 + 1 + 6);
        assert_eq!(json_string_len("ç"), 4);
    }
}
