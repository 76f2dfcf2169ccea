//! `len`: a string, list or map outside its declared `len(min, max)`.

use super::{Example, RuleDoc};
use crate::{RuleId, Severity};

pub const DOC: RuleDoc = RuleDoc {
    id: RuleId::Len,
    level: Severity::Error,
    what: "A string has fewer or more characters, a list fewer or more items, or a map fewer or \
           more entries than its `#[config(len(min = .., max = ..))]` allows.",
    why: "An empty title renders as a blank button; a 300-character one breaks the layout. A \
          list with `len(min = 1)` also catches a file cut short.",
    example: Example {
        schema: "#[config(len(min = 1, max = 40))]\ntitle: Option<String>,",
        bad: "[[promotions]]\nid = \"bf\"\ntitle = \"\"\n",
        good: "[[promotions]]\nid = \"bf\"\ntitle = \"Black Friday\"\n",
    },
};
