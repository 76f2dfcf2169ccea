//! Key paths as the checker prints them (`promotions[2].ends`, `labels."new in".text`),
//! resolved against a schema, so a finding can be related to the Rust type it is about
//! (the date help needs to know which datetime form a field wants). Formatting and
//! parsing paths is `config_core::keypath`'s job; this module only walks the schema.

use config_core::Schema;
use config_core::schema::unwrap_opt;

pub(crate) use config_core::keypath::{Segment, parse};

/// The schema at a path below `root` (`Option` layers stripped), if the path leads
/// anywhere in it.
pub(crate) fn schema_at(root: &'static Schema, path: &[Segment]) -> Option<&'static Schema> {
    let mut s = unwrap_opt(root);
    for seg in path {
        s = match (s, seg) {
            (Schema::Struct(st), Segment::Key(k)) => st.fields.iter().find(|f| f.matches(k))?.ty.get(),
            (Schema::Map(inner), Segment::Key(_)) | (Schema::Seq(inner), Segment::Index(_)) => inner.get(),
            _ => return None,
        };
        s = unwrap_opt(s);
    }
    Some(s)
}

#[cfg(test)]
mod tests;
