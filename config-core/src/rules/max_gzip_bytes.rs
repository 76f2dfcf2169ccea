//! `max-gzip-bytes` (run-time gate of `Live`): a prepared gzip body is over its budget.

use super::{Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::MaxGzipBytes,
    name: "max-gzip-bytes",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::RELOAD,
    what: "The gzip body of a `JsonArtifact` is larger than its `max_gzip_bytes` budget.",
    why: "Load balancers and CDNs have body limits; a payload that grew past them must be refused before \
          it is served.",
    example: None,
};
