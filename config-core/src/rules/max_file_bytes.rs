//! `max-file-bytes` (run-time gate of `Live`): the file, or a `.gz` file once inflated, is larger than the
//! builder's `max_file_bytes`.

use super::{Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::MaxFileBytes,
    name: "max-file-bytes",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::RELOAD,
    what: "The file on disk is larger than `LiveBuilder::max_file_bytes` (default 16 MiB). `Live` refuses it \
           without reading it past the cap and keeps serving the last good version. A `*.gz` file is refused \
           too when it decompresses to more than the cap: inflating stops there, so a gzip bomb is never \
           inflated whole.",
    why: "A corrupted or runaway file (a generator stuck in a loop) must not make a trusted server read, \
          parse and hold gigabytes.",
    example: None,
};
