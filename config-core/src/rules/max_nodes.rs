//! `max-nodes`: a value holds more tables than its `max_nodes` budget.

use super::{Example, Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::MaxNodes,
    name: "max-nodes",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::EVERYWHERE,
    what: "Counts the tables (nodes) in the value of a `#[config(max_nodes = N)]` field, nested \
           ones included, and reports a value with more than N. The linter warns from 80% \
           (`budget-near`).",
    why: "Every node is rendered and sent to every visitor; the budget makes the cost of a menu \
          visible before it ships.",
    example: Some(Example {
        schema: "#[config(max_depth = 2, max_nodes = 4, max_json_bytes = 120)]\nmenu: Vec<MenuItem>,",
        bad: "menu = [{ title = \"A\" }, { title = \"B\" }, { title = \"C\" }, { title = \"D\" }, { title = \"E\" }]\n",
        good: "menu = [{ title = \"A\" }, { title = \"B\" }, { title = \"C\" }]\n",
    }),
};
