//! `unknown-key`: a key the struct does not have (checker: `check_struct`).

use super::{Example, Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::UnknownKey,
    name: "unknown-key",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::EVERYWHERE,
    what: "A key that no field of the struct (nor an alias) accepts. The help line suggests the \
           closest field name, or lists the fields.",
    why: "A typo in a key is silently ignored by most config loaders: the setting never applies \
          (a cache setting that missed a key once left the hottest table uncached).",
    example: Some(Example {
        schema: "struct MenuItem { title: String, #[config(url)] url: Option<String>, .. }",
        bad: "[[menu]]\ntitle = \"Women\"\nulr = \"/women\"\n",
        good: "[[menu]]\ntitle = \"Women\"\nurl = \"/women\"\n",
    }),
};
