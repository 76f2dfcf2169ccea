//! Core of the config toolchain: the schema model, the per-position summary of a TOML
//! document, the one checker that runs at build time (const evaluation) and at run time,
//! strict datetime parsing, IANA zone rules, the baked binary form, and diagnostics.
//!
//! Apps do not depend on this crate directly: `config-runtime` re-exports what they use.

pub mod blob;
pub mod check;
pub mod check_str;
pub mod datetime;
pub mod diag;
pub mod forbidden;
pub mod json_size;
pub mod keypath;
pub mod literal;
pub mod record;
pub mod rules;
pub mod schema;
pub mod summary;
pub mod text;
pub mod url;
pub mod zone;

pub use check_str::{check_str, check_value};
pub use diag::{Diagnostic, Diagnostics, Severity};

pub use rules::RuleId;
pub use schema::{Field, HasSchema, Num, Rule, Schema, SchemaRef, StructSchema};

/// Implemented by the derive for root config types (`#[config(file = "…")]`): the value
/// checked and baked at compile time.
pub trait Baked: Sized + 'static {
    /// The baked value, decoded once on first use.
    fn baked() -> &'static Self;
}
