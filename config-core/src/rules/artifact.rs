//! `artifact` (run-time gate of `Live`): an artifact could not be built (JSON or compression failed).

use super::{Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::Artifact,
    name: "artifact",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::RELOAD,
    what: "Serializing the value to JSON or compressing it failed while preparing a `JsonArtifact`.",
    why: "A version whose payload cannot be built must not replace one that can.",
    example: None,
};
