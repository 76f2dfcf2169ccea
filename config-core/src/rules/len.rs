//! `len`: a string, list or map outside its declared `len(min, max)`.

use super::{Example, Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::Len,
    name: "len",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::EVERYWHERE,
    what: "A string has fewer or more characters, a list fewer or more items, or a map fewer or \
           more entries than its `#[config(len(min = .., max = ..))]` allows.",
    why: "An empty title renders as a blank button; a 300-character one breaks the layout. A \
          list with `len(min = 1)` also catches a file cut short.",
    example: Some(Example {
        schema: "#[config(len(min = 1, max = 40))]\ntitle: Option<String>,",
        bad: "[[promotions]]\nid = \"bf\"\ntitle = \"\"\n",
        good: "[[promotions]]\nid = \"bf\"\ntitle = \"Black Friday\"\n",
    }),
};
