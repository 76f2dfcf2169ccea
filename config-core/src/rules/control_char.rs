//! `control-char`: control or bidi-override characters in a string (`summary::facts`).

use super::{Example, Moments, RuleDescriptor};
use crate::{RuleId, Severity};

pub const RULE: RuleDescriptor = RuleDescriptor {
    id: RuleId::ControlChar,
    name: "control-char",
    aliases: &[],
    level: Severity::Error,
    moments: Moments::EVERYWHERE,
    what: "A string holds a control character (other than tab, newline, carriage return) or a \
           Unicode bidi embedding, override or isolate character.",
    why: "Bidi overrides make text display differently from what it is (\"Sale 50% off\" that \
          reads backwards in the shop), and control characters break JSON consumers and logs.",
    example: Some(Example {
        schema: "#[config(len(min = 1, max = 40))]\ntitle: Option<String>,",
        bad: "[[promotions]]\nid = \"bf\"\ntitle = \"Sale \\u202Effo %05\"\n",
        good: "[[promotions]]\nid = \"bf\"\ntitle = \"Sale 50% off\"\n",
    }),
};
