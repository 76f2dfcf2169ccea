//! `type`: a value of the wrong TOML kind for the Rust type (checker: `accepts`).

use super::{Example, RuleDoc};
use crate::{RuleId, Severity};

pub const DOC: RuleDoc = RuleDoc {
    id: RuleId::Type,
    level: Severity::Error,
    what: "The value is of the wrong kind for the field's Rust type: a quoted number for an \
           integer, a float for an integer, a table where a list is expected.",
    why: "Deserialization would fail at run time; the message says which kind the field expects \
          and which one was written.",
    example: Example {
        schema: "#[config(range(min = 1, max = 90))]\npercent_off: Option<u8>,",
        bad: "[[promotions]]\nid = \"bf\"\npercent_off = \"30\"\n",
        good: "[[promotions]]\nid = \"bf\"\npercent_off = 30\n",
    },
};
