//! `control-char`: control or invisible format characters in a string or a key
//! (`crate::forbidden` has the set).

use super::{Example, Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::ControlChar,
    name: "control-char",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::EVERYWHERE,
    what: "A string holds a control character (other than tab, newline, carriage return) or an \
           invisible Unicode format character (soft hyphen, zero-width space or joiner, \
           direction mark, bidi embedding / override / isolate, byte order mark, tag \
           characters); or the key of a map entry holds any of them, tab and newlines \
           included, however it is written (quoted, in a dotted key or a table header). A \
           struct key holding one is an `unknown-key` finding, the key shown escaped.",
    why: "Bidi overrides make text display differently from what it is (\"Sale 50% off\" that \
          reads backwards in the shop); zero-width characters make two ids or keys that look \
          the same differ; control characters break JSON consumers and logs.",
    example: Some(Example {
        schema: "#[config(len(min = 1, max = 40))]\ntitle: Option<String>,",
        bad: "[[promotions]]\nid = \"bf\"\ntitle = \"Sale \\u202Effo %05\"\n",
        good: "[[promotions]]\nid = \"bf\"\ntitle = \"Sale 50% off\"\n",
    }),
};
