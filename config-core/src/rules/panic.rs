//! `panic` (run-time gate of `Live`): the loader or `prepare` panicked (the panic was caught).

use super::{Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::Panic,
    name: "panic",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::RELOAD,
    what: "The loader (parse, check, deserialize) or the `prepare` hook panicked. The panic is caught on the \
           reload worker; the version is refused.",
    why: "A bug in an app's `Deserialize` or `prepare` code must not take down the service or its \
          reload worker.",
    example: None,
};
