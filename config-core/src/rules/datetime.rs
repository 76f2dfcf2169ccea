//! `datetime`: a datetime not in the one accepted form (RFC 3339; see `crate::datetime`).

use super::{Example, Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::Datetime,
    name: "datetime",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::EVERYWHERE,
    what: "A datetime that is not RFC 3339, or of the wrong form for the field: zoned types \
           (`DateTime<FixedOffset>`, `DateTime<Utc>`) need a date, a time and an explicit offset. \
           The linter's help line shows the RFC 3339 reading of common other forms \
           (`27.11.2026`, `11/27/2026`, `27 Nov 2026`, unix seconds) and lists every reading of \
           an ambiguous one; the runtime never guesses.",
    why: "One format, parsed once at load: a date library that tried twenty formats on every \
          request once made CPU explode after an innocent release.",
    example: Some(Example {
        schema: "#[config(before = \"ends\")]\nstarts: Option<DateTime<FixedOffset>>,",
        bad: "[[promotions]]\nid = \"bf\"\nstarts = \"27.11.2026\"\n",
        good: "[[promotions]]\nid = \"bf\"\nstarts = 2026-11-27T00:00:00+01:00\n",
    }),
};
