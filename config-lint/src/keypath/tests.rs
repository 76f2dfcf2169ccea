//! Unit tests of key path parsing.

#![allow(clippy::unwrap_used)]
use super::*;

#[test]
fn parses_printed_paths() {
    let k = |s: &str| Segment::Key(s.to_owned());
    assert_eq!(parse("promotions[2].ends").unwrap(), vec![k("promotions"), Segment::Index(2), k("ends")]);
    assert_eq!(parse("labels.\"new in\".text").unwrap(), vec![k("labels"), k("new in"), k("text")]);
    assert_eq!(parse("a.\"x\\\"y\"").unwrap(), vec![k("a"), k("x\"y")]);
    assert_eq!(parse("(root)").unwrap(), vec![]);
    assert_eq!(parse("m[1][0]").unwrap(), vec![k("m"), Segment::Index(1), Segment::Index(0)]);
    assert!(parse("a[x]").is_none());
}
