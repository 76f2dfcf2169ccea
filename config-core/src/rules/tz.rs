//! `tz`: under a zone in force (`#[config(tz = "…")]`), a datetime that does not name
//! exactly one instant of the zone. The check is in `check/zones.rs`; the zone's rules are
//! the table in `zone/rules.rs`.

use super::{Example, Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::Tz,
    name: "tz",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::EVERYWHERE,
    what: "With `#[config(tz = \"Europe/Kyiv\")]` on a field or a struct (the nearest wins: the \
           field's, its struct's, then the enclosing field's), an instant field may be written as \
           a local time (`2026-11-27T00:00:00`), resolved in that zone. A local time the clocks \
           skip (DST gap) or show twice (DST fold) is refused with the readings around it; an \
           explicit offset must be the zone's offset at that instant (the message names the \
           zone's offset and abbreviation on that date); an RFC 9557 bracket \
           (`…+02:00[Europe/Kyiv]`) must name the zone in force. The rules are the IANA \
           database bundled at build time, from 1970 to 2199, the same at every moment.",
    why: "A sale written `2026-11-30T23:59:59+03:00` in November ends an hour early in Kyiv \
          (winter time is +02:00), and a campaign across the last Sunday of October needs two \
          offsets. People think in the market's wall clock; the zone knows the offsets.",
    example: Some(Example {
        schema: "#[config(tz = \"Europe/Berlin\")]\nlocal_start: Option<DateTime<FixedOffset>>,",
        bad: "[[promotions]]\nid = \"spring\"\nlocal_start = 2026-03-29T02:30:00\n",
        good: "[[promotions]]\nid = \"spring\"\nlocal_start = 2026-03-29T03:30:00\n",
    }),
};
