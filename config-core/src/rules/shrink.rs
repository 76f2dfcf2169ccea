//! `shrink` (run-time gate of `Live`): the new version lost more values than `max_shrink` allows.

use super::{Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::Shrink,
    name: "shrink",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::RELOAD,
    what: "The new version holds far fewer values than the one being served (more than \
           `LiveBuilder::max_shrink` of them lost). A truncated save still parses, so this guard \
           refuses it.",
    why: "A file cut short at a line boundary is valid TOML; without the guard a half-written save would \
          replace a full menu with a few entries.",
    example: None,
};
