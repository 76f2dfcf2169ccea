//! `max-depth`: a recursive tree (a menu) nested deeper than `max_depth` levels.

use super::{Example, Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::MaxDepth,
    name: "max-depth",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::EVERYWHERE,
    what: "Counts levels of the recursive type under a `#[config(max_depth = N)]` field and \
           reports every entry one level too deep.",
    why: "Each menu level multiplies the payload: a 4th level once turned the menu into a 3 MB \
          JSON response and load balancers fell over.",
    example: Some(Example {
        schema: "#[config(max_depth = 2, max_nodes = 4, max_json_bytes = 120)]\nmenu: Vec<MenuItem>,",
        bad: "[[menu]]\ntitle = \"Women\"\n\n[[menu.children]]\ntitle = \"Shoes\"\n\n\
              [[menu.children.children]]\ntitle = \"Boots\"\n",
        good: "[[menu]]\ntitle = \"Women\"\n\n[[menu.children]]\ntitle = \"Shoes\"\n\n\
               [[menu.children]]\ntitle = \"Boots\"\n",
    }),
};
