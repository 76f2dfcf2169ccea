//! `before`: a field declared `before = "other"` is not strictly less than its sibling.

use super::{Example, Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::Before,
    name: "before",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::EVERYWHERE,
    what: "`#[config(before = \"ends\")]` on `starts`: in each table, `starts` must be strictly \
           less than `ends` (numbers, or datetimes of one kind compared as instants, offsets \
           included).",
    why: "A promotion that ends before it starts never runs, and nobody notices until the \
          campaign day.",
    example: Some(Example {
        schema: "#[config(before = \"ends\")]\nstarts: Option<DateTime<FixedOffset>>,\nends: Option<DateTime<FixedOffset>>,",
        bad: "[[promotions]]\nid = \"bf\"\nstarts = 2026-11-30T00:00:00+01:00\nends = 2026-11-27T00:00:00+01:00\n",
        good: "[[promotions]]\nid = \"bf\"\nstarts = 2026-11-27T00:00:00+01:00\nends = 2026-11-30T00:00:00+01:00\n",
    }),
};
