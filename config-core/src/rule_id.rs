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
    /// Linter-only warning: a promotion window (`before` over datetimes) already over.
    PromotionOver,
    /// Linter-only warning: a value at 80% or more of its `max_json_bytes` / `max_nodes`.
    BudgetNear,
}

impl RuleId {
    /// Every rule the checker reports (errors at build time, reload and lint), in
    /// display order. The linter's own warnings are in [`RuleId::LINT_ONLY`].
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

    /// Warnings only the linter reports; never build or reload errors.
    pub const LINT_ONLY: [RuleId; 2] = [RuleId::PromotionOver, RuleId::BudgetNear];

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
            RuleId::PromotionOver => "promotion-over",
            RuleId::BudgetNear => "budget-near",
        }
    }

    /// Looks an id up.
    pub fn from_id(id: &str) -> Option<RuleId> {
        RuleId::ALL.into_iter().chain(RuleId::LINT_ONLY).find(|r| r.id() == id)
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}
