//! `syntax`: the text is not valid TOML (reported by `toml`'s parser, located).

use super::{Example, Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::Syntax,
    name: "syntax",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::EVERYWHERE,
    what: "The file is not valid TOML 1.1: an unclosed string, a missing `=`, a key defined \
           twice, a file that is not UTF-8. Nothing else is checked until it parses.",
    why: "A file that does not parse cannot be checked or served. The build fails and `Live` \
          keeps the last good version; the linter says where the text went wrong.",
    example: Some(Example {
        schema: "promotions: Vec<Promotion>  // Promotion { id: String, title: Option<String>, .. }",
        bad: "[[promotions]]\nid = \"bf\"\ntitle = \"Black Friday\n",
        good: "[[promotions]]\nid = \"bf\"\ntitle = \"Black Friday\"\n",
    }),
};
