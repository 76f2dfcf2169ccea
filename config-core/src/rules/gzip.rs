//! `gzip` (run-time gate of `Live`): a `*.toml.gz` file is not a valid gzip stream.

use super::{Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::Gzip,
    name: "gzip",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::RELOAD,
    what: "A file whose name ends in `.gz` is not a valid gzip stream: no gzip header, damaged deflate data, \
           a checksum or length mismatch, or a truncated end. `Live` refuses it without parsing any of it and \
           keeps serving the last good version; the linter cannot read it (exit 2, with the same reason).",
    why: "A config too large for a Kubernetes ConfigMap value travels compressed; a damaged copy must be \
          refused as a whole rather than parsed as whatever part of it inflates.",
    example: None,
};
