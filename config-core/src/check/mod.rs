//! The checker: walks a schema and a [`Summary`](crate::summary::Summary) together and
//! reports every rule violation.
//!
//! There is one checker source, written once as `const`-compatible code (no iterators,
//! no traits, `while` loops) and instantiated twice by `checker!`: in [`ct`] as `const
//! fn` writing into a fixed buffer (the build error), and in [`rt`] as plain functions
//! collecting findings (run time and the linter). Both write the same message text
//! through the same calls, so `cargo build`, `Live` and `config-lint` say the same thing.
//!
//! The source is split by what it checks, one `macro_rules!` per module, each taking the
//! same `($($c:ident)?; $R:ty)` (`const` or nothing; the report type) and expanding to
//! functions in the instantiating module, where they call each other by name:
//!
//! - `walk`: the entry point and the walk over positions, dispatching by schema;
//! - `kinds`: value kinds against the schema's types (`type`, datetime kinds);
//! - `ranges`: integer type bounds and `range`;
//! - `strings`: `len`, `url`, `control_char`, `one_of` and enum variants;
//! - `datetimes`: strings that must be a datetime of one form;
//! - `tables`: unknown keys and missing fields of structs;
//! - `arrays`: `unique`, `max_depth`, `max_nodes` and `max_json_bytes`;
//! - `before`: `before` between sibling fields;
//! - `zones`: `tz`, the datetimes under a zone in force;
//! - `overlap`: `no_overlap` between the windows of a list's items.

mod arrays;
mod before;
mod ct_report;
mod datetimes;
mod kinds;
mod num;
mod overlap;
mod ranges;
mod rt_report;
mod strings;
mod tables;
mod valid;
mod walk;
mod zones;

pub use ct_report::{ConstReport, check_or_fail};
pub use num::{push_u128_to, push_val_to};
pub use rt_report::{Finding, MAX_PER_RULE, RtReport};
pub use valid::validate_field_rules;

/// Windows of one list `no_overlap` compares (pairwise); a longer list is a finding.
pub const OVERLAP_CAP: usize = 512;

/// Generates the checker for one report type. `$c` is `const` or nothing.
macro_rules! checker {
    ($($c:ident)?; $R:ty) => {
        use $crate::datetime::{DtKind, DtParts};
        use $crate::rules::RuleId;
        use $crate::schema::{Field, Num, Rule, Schema, SchemaRef, unwrap_opt};
        use $crate::summary::{
            DISTINCT_CAP, DtVal, Extreme, Item, ItemField, KeyPos, Kind, Loc, Pos, PositionId, RecordList,
            StrId, Summary, Val,
        };
        use $crate::check::OVERLAP_CAP;
        use $crate::zone::rules::{
            DtText, END_YEAR as RULES_END_YEAR, FIRST_YEAR as RULES_FIRST_YEAR, Local, ZoneRules,
            parts_of_wall,
        };
        use $crate::text::{is_close, str_eq};
        use $crate::url::{UrlOptions, host_allowed};

        $crate::check::walk::walk_checks!($($c)?; $R);
        $crate::check::kinds::kind_checks!($($c)?; $R);
        $crate::check::ranges::range_checks!($($c)?; $R);
        $crate::check::strings::string_checks!($($c)?; $R);
        $crate::check::datetimes::datetime_checks!($($c)?; $R);
        $crate::check::tables::table_checks!($($c)?; $R);
        $crate::check::arrays::array_checks!($($c)?; $R);
        $crate::check::before::before_checks!($($c)?; $R);
        $crate::check::before::mixed_before_checks!($($c)?; $R);
        $crate::check::zones::zone_checks!($($c)?; $R);
        $crate::check::overlap::overlap_checks!($($c)?; $R);
    };
}

/// The checker as `const fn`, for build-time evaluation.
pub mod ct {
    checker!(const; super::ConstReport);
}

/// The checker as plain functions, for run time and the linter.
pub mod rt {
    checker!(; super::RtReport);
}
