//! `overlap`: two items of a list declared `no_overlap(...)` whose windows overlap. The
//! check is in `check/overlap.rs`, fed by the list's items (`summary/items.rs`).

use super::{Example, Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::Overlap,
    name: "overlap",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::EVERYWHERE,
    what: "`#[config(no_overlap(start = \"starts\", end = \"ends\"))]` on a `Vec` of structs: no two \
           items' windows `[starts, ends)` may overlap (half-open: an end equal to the next start \
           is fine). With `by = \"audience\"`, only items of equal `audience` conflict. The later \
           item is reported at its start, naming the earlier one by the list's `unique` key (else \
           its index) and the overlapping interval in the zone in force. A list is compared on \
           its first 512 windows; a longer one is a finding.",
    why: "Two sitewide promotions running at once stack into a double discount nobody approved.",
    example: Some(Example {
        schema: "#[config(unique = \"id\", no_overlap(start = \"starts\", end = \"ends\"))]\npromotions: Vec<Promotion>,",
        bad: "[[promotions]]\nid = \"bf\"\nstarts = 2026-11-27T00:00:00+01:00\nends = 2026-11-30T00:00:00+01:00\n\n\
              [[promotions]]\nid = \"cm\"\nstarts = 2026-11-29T00:00:00+01:00\nends = 2026-12-01T00:00:00+01:00\n",
        good: "[[promotions]]\nid = \"bf\"\nstarts = 2026-11-27T00:00:00+01:00\nends = 2026-11-30T00:00:00+01:00\n\n\
               [[promotions]]\nid = \"cm\"\nstarts = 2026-11-30T00:00:00+01:00\nends = 2026-12-01T00:00:00+01:00\n",
    }),
};
