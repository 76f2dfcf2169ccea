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

/// Positions the unfolded mode ([`Fold::Unfolded`]) creates for array elements (and, guided,
/// map entries) before it folds the rest of each array or map into its first entry's
/// position (first occurrences only): a file with millions of values costs bounded memory
/// beyond the folded summary, and every occurrence is still listed for files of usual
/// size. Past the budget the build (a position per map key) may list a finding in a later
/// map entry that run time folds away; the file is refused at both moments alike.
pub const MAX_UNFOLDED_POSITIONS: usize = 100_000;

/// Summarises a parsed document, recording every fact any rule may ask for (the derive's
/// mode: it has no schema at hand).
pub fn build(root: &Spanned<DeTable<'_>>, fold: Fold) -> SummaryBuf {
    build_with(root, fold, None)
}

/// Summarises a parsed document for one schema: the same builder, skipping the facts no
/// rule of that schema reads at a position, folding map entries like array elements
/// (keeping there only the `one_of` values and link hosts a rule refuses), sending values no
/// rule reads to one sink position (run time and the linter). Folded, the checker finds
/// something exactly when it finds something on the full summary; unfolded (below the
/// budget) it lists every occurrence, of which the build's findings are the first per
/// position.
pub fn build_for(root: &Spanned<DeTable<'_>>, fold: Fold, schema: SchemaRef) -> SummaryBuf {
    build_with(root, fold, Some(schema))
}

fn build_with(root: &Spanned<DeTable<'_>>, fold: Fold, schema: Option<SchemaRef>) -> SummaryBuf {
    let mut b = Builder::new(fold, schema.is_some());
    let guide =
        SchemaGuide { schema: schema.map(|s| unwrap_opt(s.get())), rules: &[], outer: true, in_map: false };
    let r = b.new_pos(guide);
    b.visit_table(r, root.get_ref(), root.span().start);
    b.finish(r)
}
