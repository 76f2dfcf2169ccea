//! `max-slices` (run-time gate of `Live`): a time-sliced artifact needs more slices than
//! its budget.

use super::{Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::MaxSlices,
    name: "max-slices",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::RELOAD,
    what: "A `SlicedArtifact` would hold more time slices (stretches of time with one served content) than \
           its `max_slices` budget (default 64).",
    why: "Every slice is a full payload (JSON, gzip and brotli) held in memory and compressed on the reload \
          thread; a file with hundreds of time-boxed entries must be refused, not served from a reload that \
          takes minutes and gigabytes.",
    example: None,
};
