//! `unique`: duplicate items in a `unique` list, or duplicate keys of `unique = "key"`.

use super::{Example, Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::Unique,
    name: "unique",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::EVERYWHERE,
    what: "`#[config(unique)]`: a list of scalars holds the same value twice. \
           `#[config(unique = \"id\")]`: two tables of a list have the same `id`. Reported at \
           the later duplicate.",
    why: "Items are looked up, linked and diffed by their key; a copied entry with an unchanged \
          `id` makes one of them unreachable.",
    example: Some(Example {
        schema: "#[config(unique = \"id\", len(max = 3))]\npromotions: Vec<Promotion>,",
        bad: "[[promotions]]\nid = \"bf\"\ntitle = \"Black Friday\"\n\n[[promotions]]\nid = \"bf\"\n\
              title = \"Cyber Monday\"\n",
        good: "[[promotions]]\nid = \"bf\"\ntitle = \"Black Friday\"\n\n[[promotions]]\nid = \"cm\"\n\
               title = \"Cyber Monday\"\n",
    }),
};
