//! Unit tests of the one-line record and its const twin.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
use super::*;

#[test]
fn const_twin_writes_the_same_record() {
    let mut t = ConstText::<256>::new();
    const_head(&mut t, "marketing.toml", 12, 7, RuleId::UnknownKey, "promotions[1]", "percent_of");
    t.push("unknown key");
    let rt = to_string(
        "marketing.toml",
        12,
        7,
        Severity::Error,
        RuleId::UnknownKey,
        "promotions[1].percent_of",
        "unknown key",
    );
    assert_eq!(t.as_str(), rt);
    let mut t = ConstText::<256>::new();
    const_head(&mut t, "a.toml", 1, 1, RuleId::Syntax, "", "");
    assert_eq!(t.as_str(), "a.toml:1:1: error[syntax]: (root): ");
}

#[test]
fn records_stay_on_one_line() {
    let r = to_string("a\nb.toml", 1, 2, Severity::Warning, RuleId::Url, "k\u{1b}", "m\r\nn\u{202e}");
    assert_eq!(r.lines().count(), 1, "{r:?}");
    assert!(r.starts_with("a\\u{a}b.toml:1:2: warning[url]: k\\u{1b}: m"), "{r}");
}

#[test]
fn const_text_keeps_whole_writes_and_reports_overflow() {
    let mut t = ConstText::<8>::new();
    t.push("abc");
    t.push_u64(12345);
    assert_eq!(t.as_str(), "abc12345");
    assert!(!t.overflowed());
    t.push("x");
    assert!(t.overflowed());
    assert_eq!(t.as_str(), "abc12345");
    t.truncate(3);
    assert!(!t.overflowed());
    assert_eq!(t.as_str(), "abc");
    t.push_u64(0);
    t.push_u64(u64::MAX); // does not fit: dropped whole
    assert_eq!(t.as_str(), "abc0");
}
