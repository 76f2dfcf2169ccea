//! The build report keeps whole findings only and lists them in file order.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::*;
use crate::summary::{Loc, StrId};

fn loc(line: u32, col: u32, off: u32) -> Loc {
    Loc { line, col, off, path: StrId(0) }
}

#[test]
fn findings_are_listed_in_file_order() {
    let mut r = ConstReport::new("f.toml");
    for (line, off, path) in [(9, 90, "b"), (2, 20, "a"), (5, 50, "c"), (2, 20, "a0")] {
        assert!(r.begin(RuleId::Range, loc(line, 1, off), path, ""));
        r.push("m");
        r.end();
    }
    r.finish();
    let order: Vec<&str> = (0..r.kept()).map(|i| r.finding(i)).collect();
    assert_eq!(
        order,
        [
            "\nf.toml:2:1: error[range]: a: m",
            "\nf.toml:2:1: error[range]: a0: m",
            "\nf.toml:5:1: error[range]: c: m",
            "\nf.toml:9:1: error[range]: b: m",
        ]
    );
}

#[test]
fn a_finding_that_does_not_fit_is_dropped_whole() {
    let mut r = ConstReport::new("f.toml");
    let long = "x".repeat(CAP / 3);
    let mut kept = 0;
    for i in 0..10u32 {
        if r.begin(RuleId::UnknownKey, loc(i + 1, 1, i), "k", "") {
            r.push(&long);
            r.help("h");
            r.end();
        }
        kept = r.kept();
    }
    assert_eq!(r.count, 10);
    assert_eq!(kept, 2, "two findings of a third of the buffer fit, the third does not");
    for i in 0..r.kept() {
        let f = r.finding(i);
        assert!(f.ends_with("\n    = help: h"), "{:?}", &f[f.len() - 20..]);
    }
}
