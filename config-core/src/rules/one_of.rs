//! `one-of`: a string not in its `one_of(..)` set, or not a variant of a unit enum.

use super::{Example, Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::OneOf,
    name: "one-of",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::EVERYWHERE,
    what: "A string outside `#[config(one_of(\"a\", \"b\"))]`, or one that names no variant of a \
           unit-only enum field. The help line suggests the closest allowed value.",
    why: "A misspelt audience or layout name otherwise falls through to a default branch and the \
          promotion silently targets nobody.",
    example: Some(Example {
        schema: "#[config(one_of(\"all\", \"members\", \"new\"))]\naudience: Option<String>,",
        bad: "[[promotions]]\nid = \"bf\"\naudience = \"membres\"\n",
        good: "[[promotions]]\nid = \"bf\"\naudience = \"members\"\n",
    }),
};
