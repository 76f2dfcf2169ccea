//! What each rule does, why it exists, and an example: the text `config-lint explain
//! <RULE-ID>` prints. One file per rule, in the style of cargo's lint docs; [`doc`]
//! finds the entry for a [`RuleId`].
//!
//! The examples are written against one small example schema (shown in each example's
//! `schema` part) and a test checks that every `bad` snippet really triggers its rule and
//! every `good` one passes.
//!
//! ```
//! use config_core::{RuleId, rules};
//! let d = rules::doc(RuleId::UnknownKey);
//! assert_eq!(d.id.id(), "unknown-key");
//! assert!(d.example.bad.contains("ulr = "));
//! ```

mod before;
mod budget_near;
mod control_char;
mod datetime;
mod len;
mod max_depth;
mod max_json_bytes;
mod max_nodes;
mod missing_field;
mod one_of;
mod promotion_over;
mod range;
mod syntax;
mod type_;
mod unique;
mod unknown_key;
mod url;

use crate::diag::Severity;
use crate::rule_id::RuleId;

/// The documentation of one rule.
#[derive(Debug)]
pub struct RuleDoc {
    pub id: RuleId,
    /// [`Severity::Error`]: reported by `cargo build`, `Live` and the linter alike.
    /// [`Severity::Warning`]: reported by the linter only, never a build error.
    pub level: Severity,
    /// One or two sentences: what the rule checks.
    pub what: &'static str,
    /// Why it exists: the incident or the cost it prevents.
    pub why: &'static str,
    pub example: Example,
}

/// A flagged snippet and its fix, against the declaration in `schema`.
#[derive(Debug)]
pub struct Example {
    /// The Rust declaration the TOML is checked against (an excerpt).
    pub schema: &'static str,
    /// TOML the rule flags.
    pub bad: &'static str,
    /// The same TOML, fixed.
    pub good: &'static str,
}

/// Every documented rule: the checker's rules, then the linter-only warnings.
pub const ALL: [&RuleDoc; 17] = [
    &syntax::DOC,
    &type_::DOC,
    &unknown_key::DOC,
    &missing_field::DOC,
    &range::DOC,
    &datetime::DOC,
    &control_char::DOC,
    &len::DOC,
    &unique::DOC,
    &before::DOC,
    &max_depth::DOC,
    &max_nodes::DOC,
    &max_json_bytes::DOC,
    &url::DOC,
    &one_of::DOC,
    &promotion_over::DOC,
    &budget_near::DOC,
];

/// The documentation of `id`.
pub fn doc(id: RuleId) -> &'static RuleDoc {
    match id {
        RuleId::Syntax => &syntax::DOC,
        RuleId::Type => &type_::DOC,
        RuleId::UnknownKey => &unknown_key::DOC,
        RuleId::MissingField => &missing_field::DOC,
        RuleId::Range => &range::DOC,
        RuleId::Datetime => &datetime::DOC,
        RuleId::ControlChar => &control_char::DOC,
        RuleId::Len => &len::DOC,
        RuleId::Unique => &unique::DOC,
        RuleId::Before => &before::DOC,
        RuleId::MaxDepth => &max_depth::DOC,
        RuleId::MaxNodes => &max_nodes::DOC,
        RuleId::MaxJsonBytes => &max_json_bytes::DOC,
        RuleId::Url => &url::DOC,
        RuleId::OneOf => &one_of::DOC,
        RuleId::PromotionOver => &promotion_over::DOC,
        RuleId::BudgetNear => &budget_near::DOC,
    }
}

#[cfg(test)]
mod example_schema;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check_str::check_value;

    #[test]
    fn every_rule_has_a_doc_with_an_example() {
        for id in RuleId::ALL.into_iter().chain(RuleId::LINT_ONLY) {
            let d = doc(id);
            assert_eq!(d.id, id);
            assert!(!d.what.is_empty() && !d.why.is_empty(), "{id}");
            let e = &d.example;
            assert!(!e.schema.is_empty() && !e.bad.is_empty() && !e.good.is_empty(), "{id}");
            assert_ne!(e.bad, e.good, "{id}");
            let lint_only = RuleId::LINT_ONLY.contains(&id);
            assert_eq!(d.level, if lint_only { Severity::Warning } else { Severity::Error }, "{id}");
        }
        assert_eq!(ALL.len(), RuleId::ALL.len() + RuleId::LINT_ONLY.len());
        for (a, b) in ALL.iter().zip(RuleId::ALL.into_iter().chain(RuleId::LINT_ONLY)) {
            assert_eq!(a.id, b);
        }
    }

    /// Each checker rule's `bad` snippet triggers exactly that rule on the example schema;
    /// each `good` snippet passes. (The linter-only warnings are tested with the CLI.)
    #[test]
    fn examples_trigger_their_rule() {
        for id in RuleId::ALL {
            let e = &doc(id).example;
            let bad = check_value("bad.toml", e.bad, example_schema::SHOP);
            assert!(!bad.is_empty(), "{id}: the bad example passes");
            for d in &bad.items {
                assert_eq!(d.rule, id, "{id}: the bad example also reports {}", bad.one_line());
            }
            let good = check_value("good.toml", e.good, example_schema::SHOP);
            assert!(good.is_empty(), "{id}: the good example fails:\n{}", good.one_line());
        }
    }
}
