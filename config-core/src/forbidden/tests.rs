//! The forbidden-character table gives each user exactly the set it had before the
//! table, and the two sets differ only where the table says so.

use super::*;

/// The checker's set as it was written before the table (a `match` over chars).
fn old_value_problem(c: char) -> Option<&'static str> {
    Some(match c {
        '\t' | '\n' | '\r' => return None,
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
        _ => return None,
    })
}

/// The escaper's set as it was written before the table.
fn old_must_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[test]
fn both_sets_are_unchanged_for_every_char() {
    for c in (0..=0x10_ffff).filter_map(char::from_u32) {
        assert_eq!(value_problem(c), old_value_problem(c), "{c:?}");
        assert_eq!(must_escape(c), old_must_escape(c), "{c:?}");
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
    let old =
        |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7f || b == 0xc2 || b == 0xe2;
    for b in 0..=255u8 {
        assert_eq!(may_start_value_problem(b), old(b), "{b:#x}");
    }
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
    // every entry the checker refuses is in the class, the three it allows are not
    for f in TABLE {
        let first = format!("\\u{:04x}", f.first as u32);
        assert_eq!(p.contains(&first), !f.allowed_in_values, "{first} in {p}");
    }
}
