//! Builds a [`Summary`](super::Summary) from a parsed TOML document, without a schema.
//!
//! The builder runs inside the derive (folded, to emit `'static` data) and at run time
//! (folded first; unfolded to list every occurrence once something failed). It knows
//! nothing of the Rust types: it records every fact any rule may ask for. This module is
//! its entry points; the walk itself is in `summary::walk`.

use super::SummaryBuf;
use super::guide::SchemaGuide;
use super::walk::Builder;
use crate::schema::{SchemaRef, unwrap_opt};
use toml::Spanned;
use toml::de::DeTable;

/// How array elements map to positions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fold {
    /// All elements of an array share one position (first occurrences only).
    Positions,
    /// One position per element (every occurrence).
    Unfolded,
}

/// Positions the unfolded mode ([`Fold::Unfolded`]) creates for array elements before it
/// folds the rest of each array into its first element's position (first occurrences
/// only, as when folded): a file with millions of values costs bounded memory beyond the
/// folded summary, and every occurrence is still listed for files of usual size.
pub const MAX_UNFOLDED_POSITIONS: usize = 100_000;

/// Summarises a parsed document, recording every fact any rule may ask for (the derive's
/// mode: it has no schema at hand).
pub fn build(root: &Spanned<DeTable<'_>>, fold: Fold) -> SummaryBuf {
    build_with(root, fold, None)
}

/// Summarises a parsed document for one schema: the same builder, skipping the facts no
/// rule of that schema reads at a position (run time and the linter). The checker then
/// finds exactly what it finds on the full summary.
pub fn build_for(root: &Spanned<DeTable<'_>>, fold: Fold, schema: SchemaRef) -> SummaryBuf {
    build_with(root, fold, Some(schema))
}

fn build_with(root: &Spanned<DeTable<'_>>, fold: Fold, schema: Option<SchemaRef>) -> SummaryBuf {
    let mut b = Builder::new(fold, schema.is_some());
    let guide = SchemaGuide { schema: schema.map(|s| unwrap_opt(s.get())), rules: &[], outer: true };
    let r = b.new_pos(guide);
    b.visit_table(r, root.get_ref(), root.span().start);
    b.finish(r)
}
