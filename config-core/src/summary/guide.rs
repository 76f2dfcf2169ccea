//! The schema guide of the builder (run time only): what the schema says about each
//! position, so `build_for` records only the facts some rule there reads. Without a
//! schema (the derive) every position records everything.

use super::RecordList;
use crate::schema::{Rule, Schema, unwrap_opt};

/// What the schema says about a position (run time only).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct SchemaGuide {
    /// The position's type, `Option` layers stripped; `None` when not guided.
    pub schema: Option<&'static Schema>,
    /// Rules of the field this position belongs to (passed down into `Vec`s and maps).
    pub rules: &'static [Rule],
    /// The field itself, not an element inside it.
    pub outer: bool,
    /// Inside the value of a map entry. The entries of a map share one position here
    /// (the build has one per key), so such positions keep only the `one_of` values and
    /// link hosts a rule refuses: how many distinct good ones the entries hold together
    /// must not make a difference the build does not make. (One entry holding more than
    /// `DISTINCT_CAP` distinct good ones, which the build cannot compare, is refused by the
    /// build only.)
    pub in_map: bool,
}

/// Which optional facts a position records (bits of [`SchemaGuide::needs`]).
pub(super) mod need {
    pub const INT: u16 = 1;
    pub const FLOAT: u16 = 1 << 1;
    pub const STR_LEN: u16 = 1 << 2;
    pub const ARR_LEN: u16 = 1 << 3;
    pub const TAB_LEN: u16 = 1 << 4;
    pub const NODES: u16 = 1 << 5;
    pub const JSON: u16 = 1 << 6;
    pub const DT: u16 = 1 << 7;
    pub const URL: u16 = 1 << 8;
    pub const CONTROL: u16 = 1 << 9;
    pub const DISTINCT: u16 = 1 << 10;
    pub const DUPS: u16 = 1 << 11;
    pub const PAIRS: u16 = 1 << 12;
    /// Forbidden characters in the key of this position.
    pub const KEYS: u16 = 1 << 13;
    /// The windows of the tables of an array (`no_overlap`).
    pub const ITEMS: u16 = 1 << 14;
    pub const ALL: u16 = u16::MAX;
}

impl SchemaGuide {
    /// The [`need`] bits of the facts some rule at this position reads.
    pub fn needs(&self) -> u16 {
        let Some(sch) = self.schema else { return 0 };
        let has = |f: fn(&Rule) -> bool| self.rules.iter().any(f);
        let outer = |f: fn(&Rule) -> bool| self.outer && self.rules.iter().any(f);
        let mut n = 0;
        if outer(|r| matches!(r, Rule::MaxNodes(_))) {
            n |= need::NODES;
        }
        if outer(|r| matches!(r, Rule::MaxJsonBytes(_))) {
            n |= need::JSON;
        }
        if outer(|r| matches!(r, Rule::NoOverlap { .. })) {
            n |= need::ITEMS;
        }
        let len = outer(|r| matches!(r, Rule::Len { .. }));
        let range = has(|r| matches!(r, Rule::Range { .. }));
        match sch {
            // a float written for an integer is a `type` finding and, under a `range`, a
            // `range` finding too (as the full summary the build checks has it)
            Schema::Int { .. } if range => n |= need::INT | need::FLOAT,
            Schema::Int { .. } => n |= need::INT,
            Schema::Float { .. } if range => n |= need::INT | need::FLOAT,
            // an f32 refuses finite values past its range
            Schema::Float { ty: "f32" } => n |= need::FLOAT,
            Schema::Str => {
                n |= need::CONTROL;
                if len {
                    n |= need::STR_LEN;
                }
                if has(|r| matches!(r, Rule::Url(_))) {
                    n |= need::URL;
                }
                if has(|r| matches!(r, Rule::OneOf(_))) {
                    n |= need::DISTINCT;
                }
            }
            Schema::Enum { .. } => n |= need::CONTROL | need::DISTINCT,
            Schema::DateTime { .. } => n |= need::CONTROL | need::DT,
            Schema::Seq(_) => {
                if len {
                    n |= need::ARR_LEN;
                }
                if outer(|r| matches!(r, Rule::Unique(_))) {
                    n |= need::DUPS;
                }
            }
            Schema::Map(_) if len => n |= need::TAB_LEN,
            Schema::Struct(st)
                if st.fields.iter().any(|f| f.rules.iter().any(|r| matches!(r, Rule::Before(_)))) =>
            {
                n |= need::PAIRS;
            }
            _ => {}
        }
        // the key this position is under (when it is under one)
        n | need::KEYS
    }

    /// Inside a map entry (see [`SchemaGuide::in_map`]): is the string `s` one no `one_of`
    /// or enum rule here refuses? Only refused values are kept there.
    pub fn distinct_allowed(&self, s: &str) -> bool {
        let Some(sch) = self.schema.filter(|_| self.in_map) else { return false };
        if let Schema::Enum { variants, .. } = sch
            && !variants.contains(&s)
        {
            return false;
        }
        self.rules.iter().all(|r| match r {
            Rule::OneOf(set) => set.contains(&s),
            _ => true,
        })
    }

    /// Inside a map entry (see [`SchemaGuide::in_map`]): does every `url(hosts(...))` rule
    /// here allow links to `host`? Only hosts some rule refuses are kept there.
    pub fn host_allowed(&self, host: &str) -> bool {
        self.schema.is_some()
            && self.in_map
            && self.rules.iter().all(|r| match r {
                Rule::Url(o) => o.hosts.is_empty() || crate::url::host_allowed(host, o.hosts),
                _ => true,
            })
    }

    /// The guide of the position of `key` in a table here.
    pub fn field(&self, key: &str) -> SchemaGuide {
        match self.schema {
            Some(Schema::Struct(st)) => match st.fields.iter().find(|f| f.matches(key)) {
                Some(f) => SchemaGuide {
                    schema: Some(unwrap_opt(f.ty.get())),
                    rules: f.rules,
                    outer: true,
                    in_map: self.in_map,
                },
                None => SchemaGuide::default(),
            },
            Some(Schema::Map(inner)) => SchemaGuide {
                schema: Some(unwrap_opt(inner.get())),
                rules: self.rules,
                outer: false,
                in_map: true,
            },
            _ => SchemaGuide::default(),
        }
    }

    /// The guide of the position of the elements of an array here.
    pub fn elem(&self) -> SchemaGuide {
        match self.schema {
            Some(Schema::Seq(inner)) => SchemaGuide {
                schema: Some(unwrap_opt(inner.get())),
                rules: self.rules,
                outer: false,
                in_map: self.in_map,
            },
            _ => SchemaGuide::default(),
        }
    }
}

/// The [`need`] bit a record list belongs to.
pub(super) fn record_list_need(which: RecordList) -> u16 {
    match which {
        RecordList::IntHi | RecordList::IntLo => need::INT,
        RecordList::FloatHi | RecordList::FloatLo => need::FLOAT,
        RecordList::StrLenHi | RecordList::StrLenLo => need::STR_LEN,
        RecordList::ArrLenHi | RecordList::ArrLenLo => need::ARR_LEN,
        RecordList::TabLenHi | RecordList::TabLenLo => need::TAB_LEN,
        RecordList::NodesHi => need::NODES,
        RecordList::JsonHi => need::JSON,
    }
}
