//! `encoding` (run-time gate of `Live`): the bytes are not UTF-8.

use super::{Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::Encoding,
    name: "encoding",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::RELOAD,
    what: "The bytes of the file are not UTF-8 (a file saved as Latin-1 or UTF-16 by an editor). The finding \
           points at the first bad byte.",
    why: "TOML is UTF-8 by definition; guessing another encoding would serve mangled titles.",
    example: None,
};
