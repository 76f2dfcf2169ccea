//! `max-json-bytes`: a value is larger than its budget as compact JSON.

use super::{Example, Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::MaxJsonBytes,
    name: "max-json-bytes",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::EVERYWHERE,
    what: "Measures the value of a `#[config(max_json_bytes = N)]` field as compact JSON (keys, \
           quotes and escapes included, as serde_json writes it) and reports a value over N \
           bytes. Sizes may be written `\"256 KiB\"`. The linter warns from 80% (`budget-near`).",
    why: "This is the payload served to clients; a menu that grew tenfold in one edit once took \
          the load balancers down.",
    example: Some(Example {
        schema: "#[config(max_depth = 2, max_nodes = 4, max_json_bytes = 120)]\nmenu: Vec<MenuItem>,",
        bad: "[[menu]]\ntitle = \"Everything for the garden, the balcony and the terrace\"\n\n\
              [[menu]]\ntitle = \"Kitchen appliances, cookware and small electricals\"\n",
        good: "[[menu]]\ntitle = \"Garden\"\n\n[[menu]]\ntitle = \"Kitchen\"\n",
    }),
};
