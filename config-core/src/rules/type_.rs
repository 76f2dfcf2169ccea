//! `type`: a value of the wrong TOML kind for the Rust type (checker: `accepts`).

use super::{Example, Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::Type,
    name: "type",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::EVERYWHERE,
    what: "The value is of the wrong kind for the field's Rust type: a quoted number for an \
           integer, a float for an integer, a table where a list is expected.",
    why: "Deserialization would fail at run time; the message says which kind the field expects \
          and which one was written.",
    example: Some(Example {
        schema: "#[config(range(min = 1, max = 90))]\npercent_off: Option<u8>,",
        bad: "[[promotions]]\nid = \"bf\"\npercent_off = \"30\"\n",
        good: "[[promotions]]\nid = \"bf\"\npercent_off = 30\n",
    }),
};
