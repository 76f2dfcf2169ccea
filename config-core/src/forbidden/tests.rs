//! The forbidden-character table holds exactly the control (Cc) and format (Cf)
//! characters of the Unicode character database, plus the unassigned rest of the tag
//! block; each user sees the set it should, and the sets differ only where the table
//! says so.

use super::*;
use unicode_general_category::{GeneralCategory, get_general_category};

/// What the table must hold, from the Unicode character database.
fn invisible_by_unicode(c: char) -> bool {
    matches!(get_general_category(c), GeneralCategory::Control | GeneralCategory::Format)
        || ('\u{e0000}'..='\u{e007f}').contains(&c)
}

#[test]
fn the_table_is_every_control_and_format_character() {
    for c in (0..=0x10_ffff).filter_map(char::from_u32) {
        assert_eq!(must_escape(c), invisible_by_unicode(c), "U+{:04X}", c as u32);
        assert_eq!(key_problem(c).is_some(), invisible_by_unicode(c), "U+{:04X}", c as u32);
    }
}

#[test]
fn the_issue_list_is_covered() {
    let listed = ['\u{ad}', '\u{61c}', '\u{180e}', '\u{feff}']
        .into_iter()
        .chain('\u{200b}'..='\u{200f}')
        .chain('\u{202a}'..='\u{202e}')
        .chain('\u{2060}'..='\u{2064}')
        .chain('\u{2066}'..='\u{2069}')
        .chain('\u{e0000}'..='\u{e007f}');
    for c in listed {
        assert!(value_problem(c).is_some(), "U+{:04X}", c as u32);
    }
}

#[test]
fn the_sets_differ_only_in_tab_newline_and_return() {
    let differ: Vec<char> = (0..=0x10_ffff)
        .filter_map(char::from_u32)
        .filter(|&c| must_escape(c) != value_problem(c).is_some())
        .collect();
    assert_eq!(differ, ['\t', '\n', '\r']);
}

#[test]
fn lead_bytes_are_those_of_the_refused_chars() {
    let mut want = [false; 256];
    for c in (0..=0x10_ffff).filter_map(char::from_u32).filter(|&c| value_problem(c).is_some()) {
        let mut buf = [0u8; 4];
        want[c.encode_utf8(&mut buf).as_bytes()[0] as usize] = true;
    }
    assert_eq!(VALUE_LEAD_BYTES, want);
    // plain ASCII text, Latin-1 letters and Turkish letters never take the slow path
    for b in (0x20..0x7f).chain([0xc3, 0xc4, 0xc5]) {
        assert!(!may_start_value_problem(b), "{b:#x}");
    }
}

#[test]
fn keys_refuse_tab_and_newlines_too() {
    assert_eq!(key_control_problem("plain-key_1"), None);
    assert_eq!(key_control_problem("çanta"), None);
    assert_eq!(key_control_problem("a\tb"), Some("a control character"));
    assert_eq!(key_control_problem("bf\u{202e}"), Some("U+202E RIGHT-TO-LEFT OVERRIDE"));
    assert_eq!(key_control_problem("x\u{200b}"), Some("U+200B ZERO WIDTH SPACE"));
}

#[test]
fn table_is_ordered_and_disjoint() {
    for w in TABLE.windows(2) {
        assert!(w[0].first <= w[0].last && w[0].last < w[1].first, "{w:?}");
    }
}

#[test]
fn controls() {
    assert_eq!(control_problem("Sale\n50%\t!"), None);
    assert!(control_problem("a\u{202e}b").is_some());
    assert!(control_problem("a\u{7}b").is_some());
    assert_eq!(control_problem("a\u{85}b"), Some("a C1 control character"));
}

#[test]
fn the_editor_pattern_lists_exactly_what_values_may_not_hold() {
    let p = value_pattern();
    assert!(p.starts_with("^[^\\u0000-\\u0008") && p.ends_with("]*$"), "{p}");
    // every BMP entry the checker refuses is in the class, the three it allows are not
    for f in TABLE.iter().filter(|f| (f.last as u32) <= 0xffff) {
        let first = format!("\\u{:04x}", f.first as u32);
        assert_eq!(p.contains(&first), !f.allowed_in_values, "{first} in {p}");
    }
    assert!(p.contains("\\u200b") && p.contains("\\ufeff") && p.contains("\\u00ad"), "{p}");
}
