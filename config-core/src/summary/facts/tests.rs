//! The per-value predicates: links, the byte scan, JSON lengths.

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
fn scan_flags_what_may_be_a_forbidden_char() {
    assert!(!scan("Sale\n50%\t!").maybe_control);
    assert!(scan("a\u{202e}b").maybe_control);
    assert!(scan("a\u{7}b").maybe_control);
    assert!(scan("a\u{85}b").maybe_control);
}

#[test]
fn json_len() {
    assert_eq!(json_string_len("ab"), 4);
    assert_eq!(json_string_len("a\"b\u{1}"), 2 + 1 + 2 + 1 + 6);
    assert_eq!(json_string_len("ç"), 4);
}

#[test]
fn lengths_match_formatting() {
    for n in [0i128, 7, -7, 10, 99, 100, -100, i128::from(i64::MAX), i128::from(i64::MIN)] {
        assert_eq!(int_json_len(n), n.to_string().len() as u64, "{n}");
    }
    // as serde_json writes floats (`1e+300`, `0.0000754`), not as `{:?}` does
    for x in [0.0, 1.5, -0.25, 1e300, 7.54e-5, 5e-324, f64::MAX, f64::NAN, f64::INFINITY] {
        let want = serde_json::to_string(&x).map_or(0, |s| s.len() as u64);
        assert_eq!(float_json_len(x), want, "{x}");
    }
}

/// The chunked scan agrees with the byte-by-byte one, whatever falls on a chunk boundary.
#[test]
fn chunked_scan_equals_byte_scan() {
    let pieces = ["x", "ş", "\"", "\\", "\n", "\u{7}", "\u{202e}", "\u{200b}", "\u{e0041}", "é", "%"];
    for n in [0usize, 1, 31, 32, 33, 63, 64, 65, 100] {
        for (i, p) in pieces.iter().enumerate() {
            for at in [0, n / 2, n.saturating_sub(1)] {
                let mut s = "a".repeat(n);
                s.insert_str(at.min(s.len()), p);
                s.push_str(pieces[(i + 1) % pieces.len()]);
                let mut one = StrScan { json_len: 2, ..StrScan::default() };
                scan_bytes(&mut one, s.as_bytes());
                assert_eq!(scan(&s), one, "{s:?}");
            }
        }
    }
}
