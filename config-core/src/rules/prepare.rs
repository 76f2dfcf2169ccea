//! `prepare` (run-time gate of `Live`): `try_prepare` returned an error.

use super::{Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::Prepare,
    name: "prepare",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::RELOAD,
    what: "The app's `LiveBuilder::try_prepare` hook (which computes per-version artifacts) returned an \
           error for the new version, so it is not published.",
    why: "An artifact that cannot be built (a payload over its budget, a failed render) must not replace \
          a working one.",
    example: None,
};
