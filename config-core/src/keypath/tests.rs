//! Key paths: printed paths parse as the checker means them, and formatting and
//! parsing invert each other for arbitrary keys (property tests).

#![allow(clippy::unwrap_used)]

use super::*;
use proptest::prelude::*;

fn k(s: &str) -> Segment {
    Segment::Key(s.to_owned())
}

#[test]
fn parses_printed_paths() {
    assert_eq!(parse("promotions[2].ends").unwrap(), vec![k("promotions"), Segment::Index(2), k("ends")]);
    assert_eq!(parse("labels.\"new in\".text").unwrap(), vec![k("labels"), k("new in"), k("text")]);
    assert_eq!(parse("a.\"x\\\"y\"").unwrap(), vec![k("a"), k("x\"y")]);
    assert_eq!(parse("(root)").unwrap(), vec![]);
    assert_eq!(parse("(document)").unwrap(), vec![]);
    assert_eq!(parse("m[1][0]").unwrap(), vec![k("m"), Segment::Index(1), Segment::Index(0)]);
    assert_eq!(parse("\"\"").unwrap(), vec![k("")]);
    assert_eq!(parse("\"\\u{1b}x\"").unwrap(), vec![k("\u{1b}x")]);
    assert!(parse("a[x]").is_none());
    assert!(parse(".a").is_none());
    assert!(parse("\"open").is_none());
}

#[test]
fn formats_as_the_summary_does() {
    let segs = [k("menu"), Segment::Index(3), k("children"), Segment::Index(0), k("title")];
    assert_eq!(format(&segs), "menu[3].children[0].title");
    assert_eq!(format(&[k("a b"), k(""), k("é"), k("x.y")]), "\"a b\".\"\".\"é\".\"x.y\"");
    assert_eq!(format(&[Segment::Index(1), k("a")]), "[1].a");
    assert_eq!(format(&[]), "");
}

/// Keys rich in what paths must quote or escape: quotes, dots, brackets, backslashes,
/// spaces, controls, combining marks, unicode, and empty keys.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9_-]{0,8}",
        "[a-z.\\[\\]\"\\\\' _\\-éü中\u{301}\u{0}\u{1b}\u{7f}\u{85}\u{202e}\u{feff}\n\t\r]{0,8}",
        any::<String>(),
    ]
}

fn segment() -> impl Strategy<Value = Segment> {
    prop_oneof![key().prop_map(Segment::Key), any::<usize>().prop_map(Segment::Index)]
}

proptest! {
    #[test]
    fn parse_inverts_format(segs in prop::collection::vec(segment(), 0..6)) {
        let text = format(&segs);
        prop_assert_eq!(parse(&text), Some(segs));
    }

    #[test]
    fn format_inverts_parse(segs in prop::collection::vec(segment(), 0..6)) {
        let text = format(&segs);
        let parsed = parse(&text).unwrap();
        prop_assert_eq!(format(&parsed), text);
    }
}

/// Keys are quoted with every forbidden character escaped, and cut past 80 characters.
#[test]
fn keys_are_escaped_and_cut() {
    for f in crate::forbidden::TABLE {
        for c in [f.first, f.last] {
            let mut out = String::new();
            push_key(&mut out, &format!("k{c}"));
            assert!(!out.chars().any(crate::forbidden::must_escape), "U+{:04X}: {out:?}", c as u32);
        }
    }
    let mut out = String::new();
    push_key(&mut out, &"é".repeat(10_000));
    assert_eq!(out, format!("\"{}…\"", "é".repeat(79)));
    let mut out = String::new();
    push_key(&mut out, &"k".repeat(80));
    assert_eq!(out, "k".repeat(80));
}
