#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The two memories on their own: capacities, eviction order, the served version never
//! taken, shrink verdicts scoped to the version they were judged against, and remembered
//! findings keeping their code frames without keeping the text.

use super::*;
use crate::live::report::ErrorKind;
use crate::live::snapshot::ConfigValue;
use config_core::{Diagnostic, Diagnostics, RuleId};

fn kept(n: u64) -> Kept<u64, ()> {
    let hash = ContentHash::of(&n.to_le_bytes());
    let built = Arc::new(Built { config: ConfigValue::Loaded(n), prepared: (), hash: Some(hash), bytes: 8 });
    Kept { built, hash, values: None, number: n }
}

fn key(n: u32) -> RejectedKey {
    RejectedKey::Hash(ContentHash::of(&n.to_le_bytes()))
}

fn report(message: &str) -> ErrorReport {
    ErrorReport::whole_file("f.toml", ErrorKind::Rejected, RuleId::Prepare, message.to_owned(), None)
}

#[test]
fn kept_versions_are_bounded_and_never_take_the_served_one() {
    let mut kept_versions = KeptVersions::new(2);
    kept_versions.serve(kept(1));
    assert!(kept_versions.take(kept(1).hash).is_none(), "the served version is not a rollback");
    kept_versions.serve(kept(2));
    kept_versions.serve(kept(3));
    assert_eq!(kept_versions.len(), 2);
    assert!(kept_versions.take(kept(1).hash).is_none(), "evicted");
    let two = kept_versions.take(kept(2).hash).unwrap();
    assert_eq!(two.number, 2);
    kept_versions.serve(two);
    assert_eq!(kept_versions.served().map(|k| k.number), Some(2));
    assert_eq!(kept_versions.len(), 2);
    // capacity 0 still keeps the served one
    let mut one = KeptVersions::new(0);
    one.serve(kept(1));
    one.serve(kept(2));
    assert_eq!((one.len(), one.served().map(|k| k.number)), (1, Some(2)));
}

#[test]
fn rejections_are_bounded_least_recently_seen_first() {
    let mut memory = RejectedMemory::default();
    let n = u32::try_from(REMEMBERED_REJECTIONS).unwrap();
    for i in 0..n {
        memory.remember(key(i), &report(&i.to_string()), None, None);
    }
    assert!(memory.recall(&key(0), None, None).is_some()); // now the most recent
    memory.remember(key(n), &report("new"), None, None);
    assert_eq!(memory.len(), REMEMBERED_REJECTIONS);
    assert!(memory.recall(&key(1), None, None).is_none(), "the least recently seen went");
    assert_eq!(memory.recall(&key(0), None, None).unwrap().items[0].message, "0");
    memory.forget(ContentHash::of(&0u32.to_le_bytes()));
    assert!(memory.recall(&key(0), None, None).is_none());
}

#[test]
fn shrink_verdicts_hold_only_against_their_version() {
    let mut memory = RejectedMemory::default();
    let (a, b) = (ContentHash::of(b"a"), ContentHash::of(b"b"));
    memory.remember(key(1), &report("shrink"), None, Some(a));
    assert!(memory.recall(&key(1), Some(b), None).is_none());
    assert!(memory.recall(&key(1), None, None).is_none());
    assert!(memory.recall(&key(1), Some(a), None).is_some());
}

#[test]
fn remembered_findings_get_their_text_back_from_the_bytes() {
    let text = "title = 7\n";
    let diagnostic = Diagnostic::whole_file(RuleId::Type, "a number", None);
    let d = Diagnostics { file: "f.toml".into(), source: Arc::from(text), items: vec![diagnostic] };
    let rejected = ErrorReport::from_diagnostics(d);
    let mut memory = RejectedMemory::default();
    memory.remember(key(1), &rejected, Some(text), None);
    assert_eq!(memory.entries[0].report.diagnostics(), None, "the text is not kept");
    let recalled = memory.recall(&key(1), None, Some(text.as_bytes())).unwrap();
    assert_eq!(recalled, rejected);
    assert!(recalled.render().contains("title = 7"));
}

#[test]
fn one_shrink_verdict_per_served_version() {
    let mut memory = RejectedMemory::default();
    let (a, b) = (ContentHash::of(b"a"), ContentHash::of(b"b"));
    memory.remember(key(1), &report("against a"), None, Some(a));
    memory.remember(key(1), &report("against b"), None, Some(b));
    assert_eq!(memory.recall(&key(1), Some(a), None).unwrap().items[0].message, "against a");
    assert_eq!(memory.recall(&key(1), Some(b), None).unwrap().items[0].message, "against b");
}
