//! `rejected` (run-time gate of `Live`): a custom loader refused the file without a finding.

use super::{Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::Rejected,
    name: "rejected",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::RELOAD,
    what: "A custom loader returned an empty set of diagnostics while refusing the file; the report gets this \
           finding at 1:1 so it is never empty.",
    why: "Every rejection must be explainable in the status endpoint and the log.",
    example: None,
};
