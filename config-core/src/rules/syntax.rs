//! `syntax`: the text is not valid TOML (reported by `toml`'s parser, located).

use super::{Example, RuleDoc};
use crate::{RuleId, Severity};

pub const DOC: RuleDoc = RuleDoc {
    id: RuleId::Syntax,
    level: Severity::Error,
    what: "The file is not valid TOML 1.1: an unclosed string, a missing `=`, a key defined \
           twice, a file that is not UTF-8. Nothing else is checked until it parses.",
    why: "A file that does not parse cannot be checked or served. The build fails and `Live` \
          keeps the last good version; the linter says where the text went wrong.",
    example: Example {
        schema: "promotions: Vec<Promotion>  // Promotion { id: String, title: Option<String>, .. }",
        bad: "[[promotions]]\nid = \"bf\"\ntitle = \"Black Friday\n",
        good: "[[promotions]]\nid = \"bf\"\ntitle = \"Black Friday\"\n",
    },
};
