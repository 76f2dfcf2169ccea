//! `not-a-file` (run-time gate of `Live`): the path names a directory or another non-file.

use super::{Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::NotAFile,
    name: "not-a-file",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::RELOAD,
    what: "The configured path exists but is a directory, a socket or another non-regular file.",
    why: "A mistyped mount (a ConfigMap mounted where the file was expected) should say so, not look like \
          an empty config.",
    example: None,
};
