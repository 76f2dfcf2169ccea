//! `budget-near` (linter only): a value at 80% or more of its `max_json_bytes` or
//! `max_nodes` budget. The check itself is in `config-lint`'s `warnings` module.

use super::{Example, Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::BudgetNear,
    name: "budget-near",
    aliases: &[],
    level: Severity::Warning,
    moments: Moments::LINT,
    what: "The value of a field with `max_json_bytes` or `max_nodes` uses at least 80% of the \
           budget (over 100% is the `max-json-bytes` / `max-nodes` error). Never a build error.",
    why: "The next small edit will fail the build; better to plan the trim (or a deliberate \
          budget raise) now than under time pressure.",
    example: Some(Example {
        schema: "#[config(max_depth = 2, max_nodes = 4, max_json_bytes = 120)]\nmenu: Vec<MenuItem>,",
        bad: "[[menu]]\ntitle = \"Everything for the garden, the balcony and the patio\"\n\n[[menu]]\ntitle = \"Kitchen and cookware\"\n",
        good: "[[menu]]\ntitle = \"Garden\"\n\n[[menu]]\ntitle = \"Kitchen\"\n",
    }),
};
