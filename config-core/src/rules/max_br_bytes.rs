//! `max-br-bytes` (run-time gate of `Live`): a prepared brotli body is over its budget.

use super::{Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::MaxBrBytes,
    name: "max-br-bytes",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::RELOAD,
    what: "The brotli body of a `JsonArtifact` is larger than its `max_br_bytes` budget.",
    why: "As for gzip: a payload that grew past what the edge accepts must be refused before it is served.",
    example: None,
};
