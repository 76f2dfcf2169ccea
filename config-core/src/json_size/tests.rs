//! The JSON size of a value equals what serde_json writes, and the summary builder's
//! recorded sizes equal [`value_len`] (the two users of this module agree).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::*;
use crate::summary::{Fold, RecordList, Val, build};

const DOCS: &[&str] = &[
    "a = 1\nb = -20\nc = 1.5\nd = true\ne = false\nf = \"x\\\"y\\\\z\\n\\u0001\"\n",
    "menu = [{ title = \"Å\", children = [] }, { title = \"b\", children = [{ title = \"c\" }] }]\n",
    "[[p]]\nid = \"x\"\n[[p]]\nid = \"y\"\nn = [1, 2, [3, 4.25], []]\n[t]\n\"key with \\\" quote\" = {}\n",
    "x = nan\ny = inf\nz = -inf\nbig = 1e300\nsmall = 5e-324\n",
];

fn serde_len(text: &str) -> u64 {
    let v: toml::Value = toml::from_str(text).expect("valid TOML");
    serde_json::to_string(&v).expect("serializes").len() as u64
}

#[test]
fn value_len_is_what_serde_json_writes() {
    for text in DOCS {
        let doc = toml::de::DeTable::parse(text).expect("valid TOML");
        let v: toml::Value = toml::from_str(text).expect("valid TOML");
        let json = serde_json::to_string(&v).expect("serializes");
        assert_eq!(table_value_len(doc.get_ref()), serde_len(text), "{text}\n{json}");
    }
}

#[test]
fn datetimes_count_as_strings_of_their_text() {
    let doc = toml::de::DeTable::parse("d = 2026-11-27T00:00:00+02:00\n").expect("valid TOML");
    // {"d":"2026-11-27T00:00:00+02:00"}
    assert_eq!(table_value_len(doc.get_ref()), 2 + 3 + 1 + 27);
}

#[test]
fn the_summary_records_the_same_sizes() {
    for text in DOCS {
        let doc = toml::de::DeTable::parse(text).expect("valid TOML");
        let summary = build(&doc, Fold::Positions);
        // every top-level value: the recorded record-high JSON size of its position is the
        // largest value_len among the values there
        for (k, v) in doc.get_ref().iter() {
            let want = value_len(v.get_ref());
            summary.with_view(|s| {
                let key = s.keys.iter().find(|kp| s.str(kp.key) == k.get_ref().as_ref()).expect("key");
                let pos = &s.pos[key.pos.index()];
                let span = pos.records[RecordList::JsonHi.index()];
                let hi = (0..span.len)
                    .map(|i| match s.records[(span.start + i) as usize].v {
                        Val::Int(n) => n as u64,
                        _ => 0,
                    })
                    .max();
                assert_eq!(hi, Some(want), "{text}: {}", k.get_ref());
            });
        }
    }
}
