//! `io` (run-time gate of `Live`): the file could not be read (missing, unreadable).

use super::{Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::Io,
    name: "io",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::RELOAD,
    what: "The file could not be read: it is missing, unreadable, or vanished between the change event and the \
           read. `Live` retries with bounded backoff and keeps the last good version.",
    why: "ConfigMap swaps and editors' rename-over saves make a file briefly absent; that is not a reason \
          to serve nothing.",
    example: None,
};
