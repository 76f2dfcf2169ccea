//! The rule registry: every rule the toolchain reports, built in, declared or a run-time
//! gate, is one entry here, and every finding of it is one [`Diagnostic`](crate::Diagnostic)
//! carrying its [`RuleId`], from `cargo build` to `Live` to the linter.
//!
//! Each rule has a file in this folder holding its one [`RuleDescriptor`]: the stable id
//! printed in `error[<id>]`, its level, the moments it runs at ([`Moments`]), and its
//! documentation (what it checks, why it exists, an example), which `<app>-lint explain
//! <RULE-ID>` prints and the linter's SARIF output lists. The [`registry!`] list below is
//! the only list of rules: [`RuleId`], [`RuleId::ALL`], [`RuleId::id`],
//! [`RuleId::from_id`] and [`RuleId::descriptor`] are generated from it.
//!
//! The checks of the rules that run at build time live in the one checker
//! ([`crate::check`]), written once as `const`-compatible code and instantiated for the
//! build error and for run time; that single source cannot be split across rule files,
//! so each rule's file names where its check is. The run-time gates are checked by
//! `config-runtime`'s `Live`; the linter-only warnings by `config-lint`.
//!
//! The examples are written against one small example schema (shown in each example's
//! `schema` part) and a test checks that every `bad` snippet really triggers its rule and
//! every `good` one passes.
//!
//! ```
//! use config_core::RuleId;
//! let d = RuleId::UnknownKey.descriptor();
//! assert_eq!(d.name, "unknown-key");
//! assert!(d.moments.build && d.moments.reload && d.moments.lint);
//! assert!(d.example.as_ref().is_some_and(|e| e.bad.contains("ulr = ")));
//! // renamed rules keep their old id as an alias
//! assert_eq!(RuleId::from_id("promotion-over"), Some(RuleId::WindowOver));
//! ```
//!
//! # Adding a rule
//!
//! 1. Write its file here, `rules/<name>.rs`, with `pub const RULE: RuleDescriptor`
//!    (id, name, level, moments, what, why, example). The example's `bad` snippet must
//!    trigger the rule on [`example_schema`](self) and its `good` one must pass (the tests
//!    below check it for every rule that runs at build time).
//! 2. Add one line `Variant => module,` to the [`registry!`] list below. Its position is
//!    its place in listings (`explain`, SARIF) and the tie-break when findings share an
//!    offset.
//! 3. Write the check. A built-in or declared rule is a fragment of the checker
//!    (`check/`, with `r.begin(RuleId::Variant, ..)` … `r.end()`), fed by a fact of the
//!    summary (`summary/`) if it needs one the summary does not record yet; a declared
//!    rule also needs its `schema::Rule` variant and its attribute in the derive
//!    (`config-macros/src/attr.rs`). A run-time gate is a `Diagnostic` built by `Live`
//!    (`config-runtime/src/live/`); a linter warning a pass of `config-lint`.
//! 4. Test it: a bad fixture in `tests/fixtures/bad/` with its trybuild `.stderr` (the
//!    parity test then proves build and run time agree), and a `check_str` test.

mod artifact;
mod before;
mod budget_near;
mod control_char;
mod datetime;
mod encoding;
mod gzip;
mod io;
mod len;
mod max_br_bytes;
mod max_depth;
mod max_file_bytes;
mod max_gzip_bytes;
mod max_json_bytes;
mod max_nodes;
mod max_slices;
mod missing_field;
mod not_a_file;
mod one_of;
mod overlap;
mod panic;
mod prepare;
mod range;
mod rejected;
mod shrink;
mod syntax;
mod type_;
mod tz;
mod unique;
mod unknown_key;
mod url;
mod window_over;

use crate::diag::Severity;

/// Where a rule runs. A rule that runs at build time also runs at reload and in the
/// linter: the same checker is behind all three.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moments {
    /// `cargo build` (const evaluation of the derive's check).
    pub build: bool,
    /// `Live` loading or reloading the file, and `check_str`.
    pub reload: bool,
    /// `<app>-lint` / `config-lint`.
    pub lint: bool,
}

impl Moments {
    /// Build, reload and lint: the checker's rules.
    pub const EVERYWHERE: Moments = Moments { build: true, reload: true, lint: true };
    /// Only `Live`: a run-time gate (file size, encoding, shrink guard, I/O, `prepare`).
    pub const RELOAD: Moments = Moments { build: false, reload: true, lint: false };
    /// Only the linter: a warning, never a build or reload error.
    pub const LINT: Moments = Moments { build: false, reload: false, lint: true };
}

/// One rule: its identity, where it runs, and its documentation.
#[derive(Debug)]
pub struct RuleDescriptor {
    pub id: RuleId,
    /// The stable id printed in `error[<id>]`: `unknown-key`.
    pub name: &'static str,
    /// Former names, still accepted by [`RuleId::from_id`] (`explain`, `--allow`).
    pub aliases: &'static [&'static str],
    /// [`Severity::Error`]: the file is refused. [`Severity::Warning`]: the linter
    /// reports it, nothing refuses the file (unless `--deny-warnings`).
    pub level: Severity,
    pub moments: Moments,
    /// One or two sentences: what the rule checks.
    pub what: &'static str,
    /// Why it exists: the incident or the cost it prevents.
    pub why: &'static str,
    /// A flagged snippet and its fix; `None` for run-time gates, which are about the
    /// file rather than its text.
    pub example: Option<Example>,
}

/// A flagged snippet and its fix, against the declaration in `schema`.
#[derive(Debug)]
pub struct Example {
    /// The Rust declaration the TOML is checked against (an excerpt).
    pub schema: &'static str,
    /// TOML the rule flags.
    pub bad: &'static str,
    /// The same TOML, fixed.
    pub good: &'static str,
}

/// Generates [`RuleId`] and its tables from the one list of rules.
macro_rules! registry {
    ($($variant:ident => $module:ident,)*) => {
        /// Every rule the toolchain reports (see the [module docs](self)).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleId {
            $(
                #[doc = concat!("See [`", stringify!($module), "`](self): `RuleId::", stringify!($variant), "`.")]
                $variant,
            )*
        }

        impl RuleId {
            /// Every rule, in registry order.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant,)*];

            /// The rule's descriptor.
            pub const fn descriptor(self) -> &'static RuleDescriptor {
                match self {
                    $(RuleId::$variant => &$module::RULE,)*
                }
            }
        }

        /// Every rule's descriptor, in registry order.
        pub const ALL: &[&RuleDescriptor] = &[$(&$module::RULE,)*];
    };
}

registry! {
    // the checker's rules: build, reload and lint
    Syntax => syntax,
    Type => type_,
    UnknownKey => unknown_key,
    MissingField => missing_field,
    Range => range,
    Datetime => datetime,
    ControlChar => control_char,
    Len => len,
    Unique => unique,
    Before => before,
    Tz => tz,
    Overlap => overlap,
    MaxDepth => max_depth,
    MaxNodes => max_nodes,
    MaxJsonBytes => max_json_bytes,
    Url => url,
    OneOf => one_of,
    // linter-only warnings
    WindowOver => window_over,
    BudgetNear => budget_near,
    // run-time gates of `Live`
    MaxFileBytes => max_file_bytes,
    Gzip => gzip,
    Encoding => encoding,
    Shrink => shrink,
    Prepare => prepare,
    Panic => panic,
    Io => io,
    NotAFile => not_a_file,
    Rejected => rejected,
    MaxGzipBytes => max_gzip_bytes,
    MaxBrBytes => max_br_bytes,
    Artifact => artifact,
    MaxSlices => max_slices,
}

impl RuleId {
    /// Number of rules.
    pub const COUNT: usize = RuleId::ALL.len();

    /// The id as printed: `unknown-key`.
    pub const fn id(self) -> &'static str {
        self.descriptor().name
    }

    /// Looks an id (or a former id, see [`RuleDescriptor::aliases`]) up.
    pub fn from_id(id: &str) -> Option<RuleId> {
        ALL.iter().find(|d| d.name == id || d.aliases.contains(&id)).map(|d| d.id)
    }

    /// The rules that run at a moment, in registry order: `RuleId::running(|m| m.build)`.
    pub fn running(at: impl Fn(Moments) -> bool) -> impl Iterator<Item = RuleId> {
        ALL.iter().filter(move |d| at(d.moments)).map(|d| d.id)
    }

    /// The rule's index in [`RuleId::ALL`], for per-rule tables.
    pub const fn index(self) -> usize {
        self as usize
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

impl serde::Serialize for RuleId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

/// The descriptor of `id` (the same as [`RuleId::descriptor`]).
pub const fn descriptor(id: RuleId) -> &'static RuleDescriptor {
    id.descriptor()
}

#[cfg(test)]
mod example_schema;

#[cfg(test)]
mod tests;
