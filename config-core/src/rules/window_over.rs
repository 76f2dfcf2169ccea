//! `window-over` (linter only; formerly `promotion-over`, still accepted as an alias): a
//! `before` window whose end is already past. The check itself is in `config-lint`'s
//! `warnings` module.

use super::{Example, Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::WindowOver,
    name: "window-over",
    aliases: &["promotion-over"],
    level: Severity::Warning,
    moments: Moments::LINT,
    what: "A field `starts` with `#[config(before = \"ends\")]` over datetimes opens a window that \
           closes at `ends`. The linter warns when `ends` is earlier than now (`--now`, default \
           the clock). A local time is read in the zone in force at the field (UTC without \
           one); a date end runs through that day. The windows of `no_overlap` lists count \
           too, each item once. Never a build error: old entries are valid, just dead weight.",
    why: "Finished campaigns stay in the file, are sent to every visitor and get copied into the \
          next campaign by accident. `--deny-warnings` makes CI refuse them.",
    example: Some(Example {
        schema: "#[config(before = \"ends\")]\nstarts: Option<DateTime<FixedOffset>>,\nends: Option<DateTime<FixedOffset>>,\n\
                 // checked with --now 2026-12-15T00:00:00Z",
        bad: "[[promotions]]\nid = \"bf\"\nstarts = 2026-11-27T00:00:00+01:00\nends = 2026-11-30T23:59:59+01:00\n",
        good: "[[promotions]]\nid = \"xmas\"\nstarts = 2026-12-10T00:00:00+01:00\nends = 2026-12-24T23:59:59+01:00\n",
    }),
};
