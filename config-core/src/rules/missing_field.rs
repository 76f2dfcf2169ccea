//! `missing-field`: a required field is absent (checker: `check_struct`).

use super::{Example, RuleDoc};
use crate::{RuleId, Severity};

pub const DOC: RuleDoc = RuleDoc {
    id: RuleId::MissingField,
    level: Severity::Error,
    what: "A table lacks a field that has neither `Option` nor a serde `default`. Reported at \
           the table that lacks it.",
    why: "A truncated or half-edited file often still parses; required fields are what tell \
          \"it parsed\" from \"it is complete\".",
    example: Example {
        schema: "struct Promotion { id: String, title: Option<String>, .. }",
        bad: "[[promotions]]\ntitle = \"Black Friday\"\n",
        good: "[[promotions]]\nid = \"black-friday\"\ntitle = \"Black Friday\"\n",
    },
};
