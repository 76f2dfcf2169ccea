//! `missing-field`: a required field is absent (checker: `check_struct`).

use super::{Example, Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::MissingField,
    name: "missing-field",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::EVERYWHERE,
    what: "A table lacks a field that has neither `Option` nor a serde `default`. Reported at \
           the table that lacks it.",
    why: "A truncated or half-edited file often still parses; required fields are what tell \
          \"it parsed\" from \"it is complete\".",
    example: Some(Example {
        schema: "struct Promotion { id: String, title: Option<String>, .. }",
        bad: "[[promotions]]\ntitle = \"Black Friday\"\n",
        good: "[[promotions]]\nid = \"black-friday\"\ntitle = \"Black Friday\"\n",
    }),
};
