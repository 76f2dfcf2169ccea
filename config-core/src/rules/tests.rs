//! The registry's invariants and every rule's example.

#![allow(clippy::panic)]

use super::*;
use crate::check_str::check_value;

#[test]
fn every_rule_has_one_descriptor_in_registry_order() {
    assert_eq!(ALL.len(), RuleId::ALL.len());
    assert_eq!(RuleId::COUNT, RuleId::ALL.len());
    let mut names = std::collections::BTreeSet::new();
    for (i, (d, id)) in ALL.iter().zip(RuleId::ALL).enumerate() {
        assert_eq!(d.id, *id);
        assert_eq!(id.index(), i);
        assert_eq!(id.id(), d.name);
        assert!(names.insert(d.name), "{} twice", d.name);
        for a in d.aliases {
            assert!(names.insert(a), "alias {a} twice");
            assert_eq!(RuleId::from_id(a), Some(*id));
        }
        assert_eq!(RuleId::from_id(d.name), Some(*id));
        assert!(!d.what.is_empty() && !d.why.is_empty(), "{id}");
        let m = d.moments;
        assert!(m.build || m.reload || m.lint, "{id} runs nowhere");
        // build-time rules run everywhere (one checker); warnings only lint; gates only reload
        if m.build {
            assert_eq!(m, Moments::EVERYWHERE, "{id}");
        }
        assert_eq!(d.level == Severity::Warning, m == Moments::LINT, "{id}");
        // ids are kebab-case ASCII
        assert!(d.name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{}", d.name);
    }
    assert_eq!(RuleId::from_id("no-such-rule"), None);
}

#[test]
fn every_rule_that_reads_text_has_an_example() {
    for d in ALL {
        match &d.example {
            Some(e) => {
                assert!(!e.schema.is_empty() && !e.bad.is_empty() && !e.good.is_empty(), "{}", d.name);
                assert_ne!(e.bad, e.good, "{}", d.name);
            }
            None => assert_eq!(d.moments, Moments::RELOAD, "{} needs an example", d.name),
        }
    }
}

/// Each checker rule's `bad` snippet triggers exactly that rule on the example schema;
/// each `good` snippet passes. (The linter-only warnings are tested with the CLI.)
#[test]
fn examples_trigger_their_rule() {
    let mut n = 0;
    for id in RuleId::running(|m| m.build) {
        let Some(e) = &id.descriptor().example else { panic!("{id} has no example") };
        let bad = check_value("bad.toml", e.bad, example_schema::SHOP);
        assert!(!bad.is_empty(), "{id}: the bad example passes");
        for d in &bad.items {
            assert_eq!(d.rule, id, "{id}: the bad example also reports {}", bad.one_line());
        }
        let good = check_value("good.toml", e.good, example_schema::SHOP);
        assert!(good.is_empty(), "{id}: the good example fails:\n{}", good.one_line());
        n += 1;
    }
    assert_eq!(n, 15);
}
