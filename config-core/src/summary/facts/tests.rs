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
