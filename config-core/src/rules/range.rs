//! `range`: a number outside its declared `range(min, max)` or its Rust type's bounds.

use super::{Example, Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::Range,
    name: "range",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::EVERYWHERE,
    what: "A number below `min` or above `max` of a `#[config(range(..))]`, outside the bounds of \
           its integer type (300 for a `u8`), or NaN where a range is declared.",
    why: "Prices, percentages and limits have sane bounds; an extra zero typed by hand should \
          fail in review, not in checkout.",
    example: Some(Example {
        schema: "#[config(range(min = 0, max = 100000))]\nfree_shipping_over_cents: Option<u32>,",
        bad: "free_shipping_over_cents = 490000\n",
        good: "free_shipping_over_cents = 4900\n",
    }),
};
