//! Rule identifiers: the stable ids printed in `error[<id>]` and used by the linter.

/// Every rule the checker reports, built in or declared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RuleId {
    Syntax,
    Type,
    UnknownKey,
    MissingField,
    Range,
    Datetime,
    ControlChar,
    Len,
    Unique,
    Before,
    MaxDepth,
    MaxNodes,
    MaxJsonBytes,
    Url,
    OneOf,
}

impl RuleId {
    /// Every rule, in display order.
    pub const ALL: [RuleId; 15] = [
        RuleId::Syntax,
        RuleId::Type,
        RuleId::UnknownKey,
        RuleId::MissingField,
        RuleId::Range,
        RuleId::Datetime,
        RuleId::ControlChar,
        RuleId::Len,
        RuleId::Unique,
        RuleId::Before,
        RuleId::MaxDepth,
        RuleId::MaxNodes,
        RuleId::MaxJsonBytes,
        RuleId::Url,
        RuleId::OneOf,
    ];

    /// The id as printed: `unknown-key`.
    pub const fn id(self) -> &'static str {
        match self {
            RuleId::Syntax => "syntax",
            RuleId::Type => "type",
            RuleId::UnknownKey => "unknown-key",
            RuleId::MissingField => "missing-field",
            RuleId::Range => "range",
            RuleId::Datetime => "datetime",
            RuleId::ControlChar => "control-char",
            RuleId::Len => "len",
            RuleId::Unique => "unique",
            RuleId::Before => "before",
            RuleId::MaxDepth => "max-depth",
            RuleId::MaxNodes => "max-nodes",
            RuleId::MaxJsonBytes => "max-json-bytes",
            RuleId::Url => "url",
            RuleId::OneOf => "one-of",
        }
    }

    /// Looks an id up.
    pub fn from_id(id: &str) -> Option<RuleId> {
        RuleId::ALL.into_iter().find(|r| r.id() == id)
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}
